// The HTML report's building blocks (engine/report/html/*): escaping, tables, numbers and the
// anchors that link charts to rows. Every string taken from an agreement or a log reaches the
// page through h() (text and attribute values alike); everything else on the page is markup
// written here.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pactum::report::html {

// visible_text first (engine/base/text.h: no control character reaches the page), then HTML
// escaping for element content and quoted attribute values. Line breaks become <br> with
// `breaks`, else spaces (attributes, <title>, anything that allows no markup).
std::string h(std::string_view raw, bool breaks = true);
// Escaped text for an attribute value or an SVG <title>: no markup, line breaks as spaces.
inline std::string attr(std::string_view raw) { return h(raw, false); }
std::string code(std::string_view s);
// Messages and suggestions mark Terms code with backticks: those parts become <code>.
std::string prose(std::string_view s);

std::string plural(size_t n, std::string_view word);  // "1 finding", "2 findings"
std::string count(size_t n);                          // "1,234,567"

// A table; `numeric` lists the columns to right-align. Header cells are plain text, cells HTML.
struct Table {
  std::vector<std::string> headers;
  std::vector<size_t> numeric = {};
  std::string css_class = {};
};
std::string table(const Table& t, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<std::string>& row_attributes = {});

// Fragment identifiers (numbers only, never input text): a finding's row (its position in the
// JSON report's findings, from 1), a term's findings, a term's timeline.
std::string finding_anchor(size_t finding_index);
std::string term_anchor(size_t block_index);
std::string timeline_anchor(size_t block_index);

// "Left out" notes for capped tables and lists.
std::string left_out(size_t omitted, std::string_view what);

}  // namespace pactum::report::html
