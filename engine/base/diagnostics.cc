#include "engine/base/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "engine/base/text.h"

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

// Case-insensitive edit distance, or more than `limit` (any value above it) as soon as every
// alignment costs more: only a band of 2 * limit + 1 diagonals is computed.
static size_t edit_distance(const std::string& a, const std::string& b, size_t limit) {
  size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  const size_t kFar = limit + 1;
  std::vector<size_t> row(m + 1), next(m + 1);
  for (size_t j = 0; j <= m; ++j) row[j] = j <= limit ? j : kFar;
  for (size_t i = 1; i <= n; ++i) {
    size_t lo = i > limit ? i - limit : 1, hi = std::min(m, i + limit);
    std::fill(next.begin(), next.end(), kFar);
    next[0] = i <= limit ? i : kFar;
    size_t best = next[0];
    for (size_t j = lo; j <= hi; ++j) {
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      size_t d = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (same ? 0 : 1)});
      next[j] = std::min(d, kFar);
      best = std::min(best, next[j]);
    }
    if (best > limit) return kFar;
    std::swap(row, next);
  }
  return row[m];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.empty() || word.size() > 64) return {};
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const auto& c : candidates) {
    // A plausible misspelling: at most a third of the letters differ (and at least one may).
    size_t allowed = std::max<size_t>(1, std::max(word.size(), c.size()) / 3);
    size_t limit = allowed;
    if (best_distance != SIZE_MAX) {
      if (best_distance == 0) break;  // nothing can be nearer
      limit = std::min(limit, best_distance - 1);  // on a tie the first candidate stays
    }
    size_t d = edit_distance(word, c, limit);
    // ... but not all of them: `q` is no misspelling of `a`.
    if (d <= limit && d < best_distance && d < std::max(word.size(), c.size())) {
      best_distance = d;
      best = c;
    }
  }
  if (best_distance == SIZE_MAX) return {};
  if (best_distance == 0 && best != word) return best;  // differs only in case
  return best != word ? best : std::string{};
}

std::string list_of(const std::vector<std::string>& names, size_t shown) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

// Columns count code points; the caret line must line up under UTF-8 text (tabs kept as tabs).
static std::string caret_prefix(std::string_view line, uint32_t column) {
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
  std::string where = d.loc.file < sources.size() ? shown_path(sources.name(d.loc.file)) : std::string("<input>");
  if (d.loc.valid()) where += fmt::format(":{}:{}", d.loc.line, d.loc.column);
  std::string code = d.code.empty() ? "" : fmt::format(" [{}]", d.code);
  out += fmt::format("{}: {}{}{}: {}{}\n", where, on, level, off, visible_text(d.message), code);
  if (d.loc.valid() && d.show_source) {
    if (auto raw = sources.line(d.loc.file, d.loc.line)) {
      // Escaping may widen the text (`##[` becomes `##\[`): the caret follows the column map.
      // A long line is escaped once for all its errors (50 errors on one 8 MB line took a
      // minute): the last long line seen is kept with its escaped text and column map, used
      // again only for the very same text, and read in place (no copy per error).
      thread_local struct {
        std::string raw, text;
        std::vector<uint32_t> columns;
      } long_line;
      constexpr size_t kLong = size_t{64} << 10;
      std::string own_text;
      std::vector<uint32_t> own_columns;
      const std::string* escaped = &own_text;
      const std::vector<uint32_t>* map = &own_columns;
      if (raw->size() >= kLong && *raw == long_line.raw) {
        escaped = &long_line.text;
        map = &long_line.columns;
      } else {
        own_text = visible_text(*raw, {.keep_tabs = true}, &own_columns);
        if (raw->size() >= kLong) {
          long_line.raw = std::move(*raw);
          long_line.text = std::move(own_text);
          long_line.columns = std::move(own_columns);
          escaped = &long_line.text;
          map = &long_line.columns;
        }
      }
      const std::vector<uint32_t>& columns = *map;
      auto mapped = [&](uint32_t c) -> uint32_t {
        if (c == 0 || columns.empty()) return c;
        size_t last = columns.size() - 1;  // columns[last]: the length of the escaped line
        return c - 1 <= last ? columns[c - 1] + 1 : columns[last] + (c - 1 - static_cast<uint32_t>(last)) + 1;
      };
      uint32_t column = mapped(d.loc.column);
      uint32_t width = d.width > 1 ? std::max<uint32_t>(1, mapped(d.loc.column + d.width) - column) : 1;
      uint32_t wanted = column;  // the caret column before windowing
      // Code points of the escaped line, and the byte where the k-th (0-based) starts.
      const std::string& line = *escaped;
      auto is_start = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80; };
      uint32_t n = 0;
      for (size_t i = 0; i < line.size(); ++i) n += is_start(i);
      auto start_of = [&](uint32_t k) {
        uint32_t seen = 0;
        for (size_t i = 0; i < line.size(); ++i)
          if (is_start(i) && seen++ == k) return i;
        return line.size();
      };
      std::string window;
      std::string_view text = line;
      if (n > kMaxShownColumns) {
        uint32_t first = column > 60 ? column - 60 : 1;  // 1-based code points shown: [first, last]
        if (first + kMaxShownColumns - 1 > n) first = n - kMaxShownColumns + 1;
        uint32_t last = first + kMaxShownColumns - 1;
        size_t begin = start_of(first - 1);
        size_t end = last < n ? start_of(last) : line.size();
        window = (first > 1 ? "…" : "") + line.substr(begin, end - begin) + (last < n ? "…" : "");
        column = column - first + 1 + (first > 1 ? 1 : 0);
        if (wanted + width > last + 1) width = wanted <= last ? last + 1 - wanted : 1;
        text = window;
      }
      std::string number = std::to_string(d.loc.line);
      std::string gutter(number.size(), ' ');
      out += fmt::format(" {} | {}\n", number, text);
      std::string marks(width > 1 ? width : 1, '~');  // "^~~~" (built in place: g++ 12 -O3 warns
      marks[0] = '^';                                  // falsely (-Wrestrict) on "^" + string)
      out += fmt::format(" {} | {}{}{}{}\n", gutter, caret_prefix(text, column), on, marks, off);
    }
  }
  for (const auto& note : d.notes) out += fmt::format("   = {}\n", visible_text(note));
  return out;
}

}  // namespace pactum
