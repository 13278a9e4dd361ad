#include "engine/report/html/markup.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/base/text.h"

namespace pactum::report::html {

std::string h(std::string_view raw, bool breaks) {
  std::string visible = visible_text(raw, {.keep_line_breaks = true});
  std::string_view s = visible;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;
        out += breaks ? "<br>" : " ";
        break;
      case '\n': out += breaks ? "<br>" : " "; break;
      default: out += c;
    }
  }
  return out;
}

std::string code(std::string_view s) { return "<code>" + h(s) + "</code>"; }

std::string prose(std::string_view s) {
  if (std::count(s.begin(), s.end(), '`') % 2 != 0) return h(s);
  std::string out;
  bool in_code = false;
  for (size_t start = 0, i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '`') continue;
    auto part = s.substr(start, i - start);
    out += in_code ? code(part) : h(part);
    in_code = !in_code;
    start = i + 1;
  }
  return out;
}

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", count(n), word, n == 1 ? "" : "s");
}

std::string count(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string table(const Table& t, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<std::string>& row_attributes) {
  auto cls = [&](size_t i) {
    return std::find(t.numeric.begin(), t.numeric.end(), i) != t.numeric.end() ? " class=\"num\"" : "";
  };
  std::string out = t.css_class.empty() ? "<table>\n" : fmt::format("<table class=\"{}\">\n", t.css_class);
  out += "<thead><tr>";
  for (size_t i = 0; i < t.headers.size(); ++i) out += fmt::format("<th{}>{}</th>", cls(i), h(t.headers[i]));
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    out += r < row_attributes.size() && !row_attributes[r].empty() ? "<tr " + row_attributes[r] + ">" : "<tr>";
    for (size_t i = 0; i < rows[r].size(); ++i) out += fmt::format("<td{}>{}</td>", cls(i), rows[r][i]);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string finding_anchor(size_t finding_index) { return fmt::format("finding-{}", finding_index + 1); }
std::string term_anchor(size_t block_index) { return fmt::format("term-{}", block_index + 1); }
std::string timeline_anchor(size_t block_index) { return fmt::format("timeline-{}", block_index + 1); }

std::string left_out(size_t omitted, std::string_view what) {
  return fmt::format("<p class=\"left-out\">Not listed here: {} more {}. The JSON report (<code>--format json</code>) "
                     "lists them all.</p>\n",
                     count(omitted), what);
}

}  // namespace pactum::report::html
