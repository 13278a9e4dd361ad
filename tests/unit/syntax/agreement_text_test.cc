// What the front end checks on the raw text (engine/syntax/agreement_text.h, issue 11): control
// characters and `##[` anywhere, and one line at most of a file that is not a valid agreement.
#include <catch2/catch.hpp>

#include "tests/unit/syntax/test_support.h"

using namespace pactum;

TEST_CASE("control characters and two hashes before a bracket are refused anywhere in an agreement, where they are") {
  struct Row {
    std::string text;
    uint32_t line, column;
    const char* message;  // of the first diagnostic
  };
  const Row rows[] = {
      {"party `A\x1b[31m`\n", 1, 9, "control character U+001B in the agreement"},
      {"party A\n  name \"x\x07y\"\n", 2, 10, "control character U+0007 in the agreement"},
      {"# note \x1b]8;;http://x\x07\nparty A\n", 1, 8, "control character U+001B in the agreement"},
      {"party A\n  name \"\u009b1m\"\n", 2, 9, "control character U+009B in the agreement"},
      {"party `A\ufffe`\n", 1, 9, "control character U+FFFE in the agreement"},
      {"party A\x0c\n", 1, 8, "control character U+000C in the agreement"},
      {std::string("party A\0\0\0\n", 11), 1, 8, "3 control characters in the agreement (the first is U+0000)"},
      {"party A\n  name \"x ##[error] y\"\n", 2, 11, "two `#` followed by `[` in the agreement"},
      {"## [ok]\n# ##[warning]\nparty A\n", 2, 3, "two `#` followed by `[` in the agreement"},
      {"##vso[task.setvariable variable=x]y\nparty A\n", 1, 1, "`##vso` followed by `[` in the agreement"},
      {"party A\n  name \"a ##VSO[task.complete]\"\n", 2, 11, "`##vso` followed by `[` in the agreement"},
      {"# ##vs o[ok] ## vso[ok] #vso[ok]\nparty A\n  name \"Zoë ##Vso[x]\"\n", 3, 13, "`##vso` followed by `[` in the agreement"},
  };
  for (const auto& row : rows) {
    INFO("input: " << row.text << "\ndiagnostics:\n" << test::diag_lines(test::parse(row.text).diags));
    auto p = test::parse(row.text);
    CHECK_FALSE(p.ok);
    REQUIRE_FALSE(p.diags.items().empty());
    const auto& d = p.diags.items().front();
    CHECK(d.loc.line == row.line);
    CHECK(d.loc.column == row.column);
    CHECK(d.message == row.message);
  }
  // Tabs and line ends are layout: fine.
  CHECK(test::parse("party A\r\n\tname \"a\tb\"\r\n").ok);
}

TEST_CASE("a file with errors shows one source line and quotes only words of the language after it") {
  std::string secrets;
  for (int i = 1; i <= 30; ++i) secrets += "SECRET_" + std::to_string(i) + ": value-" + std::to_string(i) + "@x\n";
  auto p = test::parse(secrets);
  REQUIRE_FALSE(p.ok);
  const auto& items = p.diags.items();
  REQUIRE(items.size() > 10);
  CHECK(items[0].show_source);
  CHECK(items[0].message.find("SECRET_1") != std::string::npos);
  for (size_t i = 1; i < items.size(); ++i) {
    INFO("diagnostic " << i << ": " << items[i].message);
    CHECK_FALSE(items[i].show_source);
    CHECK(items[i].message.find("SECRET") == std::string::npos);
    CHECK(items[i].message.find("value") == std::string::npos);
    CHECK(items[i].message.find('@') == std::string::npos);
    for (const auto& n : items[i].notes) CHECK(n.find("SECRET") == std::string::npos);
  }
  // Words of the language stay quoted; the rest becomes `…`, a string becomes "a string".
  auto q = test::parse("party A = 1\nterm \"t\"\n  every x requries y\nterm \"u\"\n  no \"secret string\"\n  every z befor w\n");
  REQUIRE_FALSE(q.ok);
  std::string lines = test::diag_lines(q.diags);
  INFO(lines);
  CHECK(lines.find("found `=`") != std::string::npos);  // the first error quotes what it found
  CHECK(lines.find("requries") == std::string::npos);
  CHECK(lines.find("secret string") == std::string::npos);
  CHECK(lines.find("a string") != std::string::npos);
  // Version 2 words are words of the language too: a later error still names them.
  auto v2 = test::parse("party A = 1\nterm \"t\"\n  every x requries y\nterm \"u\"\n  no x durin business hours of A\n");
  REQUIRE_FALSE(v2.ok);
  REQUIRE(v2.diags.items().size() == 3);
  const auto& later = v2.diags.items()[2];
  INFO(later.message);
  CHECK(later.message.find("`calendar`") != std::string::npos);
  REQUIRE(later.notes.size() == 1);
  CHECK(later.notes[0] == "did you mean `during`?");
  // A file that starts as an agreement (its first word opens a top-level item, on a line before
  // the first error) was written in the language: every error shows its line and what it found
  // (spec 8.2), whatever the comments, blank lines and byte order mark before it.
  for (std::string head : {"", "# header\n\n", "\xEF\xBB\xBF", "  Agreement \"x\"\n"}) {
    auto full = test::parse(head + "party A\nterm \"t\"\n  every x requries y\nterm \"u\"\n  no x $ \"secret string\"\n  every z befor w\n");
    REQUIRE_FALSE(full.ok);
    std::string shown = test::diag_lines(full.diags);
    INFO(shown);
    CHECK(full.diags.items().size() >= 3);
    for (const auto& d : full.diags.items()) CHECK(d.show_source);
    CHECK(shown.find("requries") != std::string::npos);
    CHECK(shown.find("`$`") != std::string::npos);
    CHECK(shown.find("befor") != std::string::npos);
  }
  // Not when the first error is on that first line, or the first word is not one of them.
  for (std::string text : {"party A = 1\nno x $\n", "parties A\nno x $\n", "PASSWORD party\nno x $\n"}) {
    auto limited = test::parse(text);
    REQUIRE(limited.diags.items().size() >= 2);
    INFO(text);
    CHECK_FALSE(limited.diags.items().back().show_source);
  }
  // A valid agreement keeps every source line (its errors are about meaning, after parsing).
  auto ok = test::parse("party A\nterm \"t\"\n  no x\n");
  CHECK(ok.ok);
}
