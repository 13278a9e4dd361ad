#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

namespace {
// Every table row has as many cell separators (unescaped `|`) as its header.
std::string table_problem(const std::string& md) {
  std::istringstream in(md);
  size_t expected = 0;
  bool in_table = false;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    size_t pipes = 0;
    for (size_t i = 0; i < line.size(); ++i)
      if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
    if (!in_table) expected = pipes, in_table = true;
    if (pipes != expected) return "row with " + std::to_string(pipes) + " separators, header has " +
                                  std::to_string(expected) + ": " + line;
  }
  return "";
}

// Raw HTML a Markdown renderer would pass through: a `<` that is neither backslash-escaped nor
// inside a code span, other than the <br> the report itself writes in table cells.
std::string html_leak(const std::string& md) {
  for (size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '\\') {
      ++i;
    } else if (md[i] == '`') {
      size_t run = md.find_first_not_of('`', i) - i;
      size_t close = md.find(std::string(run, '`'), i + run);
      if (close == std::string::npos) return "unclosed code span at offset " + std::to_string(i);
      i = close + run - 1;
    } else if (md[i] == '<' && md.compare(i, 4, "<br>") != 0) {
      return md.substr(i, 40);
    }
  }
  return "";
}
}  // namespace

TEST_CASE("markdown: golden report") {
  Fixture fx;
  check_golden("markdown.golden", render_markdown(fx.data()));
}

TEST_CASE("markdown: sections and tables") {
  Fixture fx;
  std::string md = render_markdown(fx.data());
  CHECK(table_problem(md) == "");
  CHECK(html_leak(md) == "");
  for (const char* heading : {"# Agreement review: Customer care outsourcing", "## Summary", "## Scorecard",
                              "## Findings", "### Term \"Site visits are announced\" (clause 7.1, critical, 2 findings)",
                              "## Pending", "## Agreement lint", "## Obligations"})
    CHECK(md.find(heading) != std::string::npos);
  CHECK(md.find("| Acme | Acme Telecom Inc. | 3 | 2 | 1 | 0 | 1 |") != std::string::npos);
  CHECK(md.find("- Rule 1 (`examples/acme.terms:27:3`): `every site_visit by Acme requires notice") != std::string::npos);
}

TEST_CASE("markdown: lint only and nothing evaluated") {
  Fixture fx;
  std::string lint = render_markdown(fx.lint_only());
  CHECK(table_problem(lint) == "");
  CHECK(lint.find("Agreement lint only") != std::string::npos);
  CHECK(lint.find("## Findings") == std::string::npos);
  CHECK(lint.find("| contradiction | error |") != std::string::npos);

  fx.outcome = eval::Outcome{};
  std::string none = render_markdown(fx.data());
  CHECK(table_problem(none) == "");
  CHECK(none.find("Nothing was evaluated") != std::string::npos);
  CHECK(none.find("## Scorecard") == std::string::npos);
}

TEST_CASE("markdown: hostile strings are escaped") {
  Fixture fx(true);
  std::string md = render_markdown(fx.data());
  CHECK(table_problem(md) == "");
  CHECK(html_leak(md) == "");
  CHECK(md.find('\r') == std::string::npos);
  CHECK(md.find("\\<script\\>alert(\"x\")\\</script\\> \\| 100% \\& 'co', a:b<br>\\`tick\\` \\*bold\\*") !=
        std::string::npos);
  // Headings stay on one line.
  CHECK(md.find("### Term \"Site visits are announced \\<script\\>alert(\"x\")\\</script\\> \\| 100% \\& 'co', a:b "
                "\\`tick\\` \\*bold\\*\" (clause 7.1") != std::string::npos);
  // Code spans get a longer fence when the text has backticks.
  CHECK(md.find("``every site_visit by Acme requires notice by Acme with same visit at least 48 hours before "
                "<script>alert(\"x\")</script> | 100% & 'co', a:b  `tick` *bold*``") != std::string::npos);
}
