#include "engine/base/diagnostics.h"

#include <algorithm>
#include <cctype>

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
  out += fmt::format("{}: {}{}{}: {}{}\n", where, on, level, off, d.message, code);
  if (d.loc.valid()) {
    if (auto text = sources.line(d.loc.file, d.loc.line)) {
      std::string number = std::to_string(d.loc.line);
      std::string gutter(number.size(), ' ');
      out += fmt::format(" {} | {}\n", number, *text);
      std::string marks = "^" + std::string(d.width > 1 ? d.width - 1 : 0, '~');
      out += fmt::format(" {} | {}{}{}{}\n", gutter, caret_prefix(*text, d.loc.column), on, marks, off);
    }
  }
  for (const auto& note : d.notes) out += fmt::format("   = {}\n", note);
  return out;
}

}  // namespace pactum
