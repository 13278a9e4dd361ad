#include "engine/base/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace pactum {

void Diagnostics::add(Diagnostic d) {
  if (d.level == DiagLevel::Error) {
    if (errors_ >= error_limit_) {
      ++dropped_;
      return;
    }
    ++errors_;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::error(SourceLoc loc, std::string message, std::vector<std::string> notes, uint32_t width) {
  add(Diagnostic{DiagLevel::Error, "", loc, width, std::move(message), std::move(notes), ""});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::vector<std::string> notes, uint32_t width) {
  add(Diagnostic{DiagLevel::Warning, "", loc, width, std::move(message), std::move(notes), ""});
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.column < b.loc.column;
  });
}

static size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.empty() || word.size() > 64) return {};
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  // A plausible misspelling: at most a third of the letters differ (and at least one may).
  size_t allowed = std::max<size_t>(1, std::max(word.size(), best.size()) / 3);
  if (best_distance == 0 && best != word) return best;  // differs only in case
  return best_distance <= allowed && best != word ? best : std::string{};
}

// Columns count code points; the caret line must line up under UTF-8 text (tabs kept as tabs).
static std::string caret_prefix(const std::string& line, uint32_t column) {
  std::string prefix;
  uint32_t col = 1;
  for (size_t i = 0; i < line.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    prefix += (c == '\t') ? '\t' : ' ';
    ++col;
  }
  while (col < column) {
    prefix += ' ';
    ++col;
  }
  return prefix;
}

// Hardening (docs/security.md): what an error prints comes from the input (the source line, names
// and values quoted in the message). Control characters would reach the terminal as escape
// sequences and invalid UTF-8 as mojibake, so each is shown as one visible code point (keeping
// the caret aligned): C0 controls as their Control Pictures (U+2400..), DEL as U+2421, C1 controls
// and invalid bytes as U+FFFD. Tabs stay (the caret line copies them).
static std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        unsigned picture = c == 0x7F ? 0x2421 : 0x2400 + c;
        out += static_cast<char>(0xE0 | (picture >> 12));
        out += static_cast<char>(0x80 | ((picture >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (picture & 0x3F));
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t width = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool valid = width > 0 && i + width <= s.size();
    for (size_t k = 1; valid && k < width; ++k) valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    bool c1 = valid && width == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if (!valid || c1) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += valid ? width : 1;
    } else {
      out.append(s.substr(i, width));
      i += width;
    }
  }
  return out;
}

// A source line longer than this is shown as a window around the column (a minified or
// one-line file would otherwise print megabytes per error).
constexpr uint32_t kMaxShownColumns = 200;

std::string render_diagnostic(const Diagnostic& d, const SourceManager& sources, bool color) {
  std::string level = !d.label.empty() ? d.label
                      : d.level == DiagLevel::Error ? "error" : d.level == DiagLevel::Warning ? "warning" : "note";
  const char* on = "";
  const char* off = "";
  if (color) {
    on = d.level == DiagLevel::Error ? "\033[1;31m" : "\033[1;35m";
    off = "\033[0m";
  }
  std::string out;
  std::string where = d.loc.file < sources.size() ? sources.name(d.loc.file) : std::string("<input>");
  if (d.loc.valid()) where += fmt::format(":{}:{}", d.loc.line, d.loc.column);
  std::string code = d.code.empty() ? "" : fmt::format(" [{}]", d.code);
  out += fmt::format("{}: {}{}{}: {}{}\n", printable(where), on, level, off, printable(d.message), code);
  if (d.loc.valid()) {
    if (auto raw = sources.line(d.loc.file, d.loc.line)) {
      std::string text = printable(*raw);
      uint32_t column = d.loc.column;
      uint32_t width = d.width;
      std::vector<size_t> starts;  // byte offset of each code point
      for (size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
      uint32_t n = static_cast<uint32_t>(starts.size());
      if (n > kMaxShownColumns) {
        uint32_t first = column > 60 ? column - 60 : 1;  // 1-based code points shown: [first, last]
        if (first + kMaxShownColumns - 1 > n) first = n - kMaxShownColumns + 1;
        uint32_t last = first + kMaxShownColumns - 1;
        size_t end = last < n ? starts[last] : text.size();
        std::string shown = (first > 1 ? "…" : "") + text.substr(starts[first - 1], end - starts[first - 1]) +
                            (last < n ? "…" : "");
        column = column - first + 1 + (first > 1 ? 1 : 0);
        if (d.loc.column + width > last + 1) width = d.loc.column <= last ? last + 1 - d.loc.column : 1;
        text = std::move(shown);
      }
      std::string number = std::to_string(d.loc.line);
      std::string gutter(number.size(), ' ');
      out += fmt::format(" {} | {}\n", number, text);
      std::string marks(width > 1 ? width : 1, '~');  // "^~~~" (built in place: g++ 12 -O3 warns
      marks[0] = '^';                                  // falsely (-Wrestrict) on "^" + string)
      out += fmt::format(" {} | {}{}{}{}\n", gutter, caret_prefix(text, column), on, marks, off);
    }
  }
  for (const auto& note : d.notes) out += fmt::format("   = {}\n", printable(note));
  return out;
}

}  // namespace pactum
