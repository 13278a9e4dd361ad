// Lexical, syntax and literal errors: where they are reported and what they say (spec 8.2).
#include <fstream>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pactum;
using pactum::test::diag_lines;
using pactum::test::parse;

namespace {

struct ErrorCase {
  const char* input;
  uint32_t line;
  uint32_t column;
  const char* message;  // a fragment of the first error's message
  const char* note;     // a fragment of one of its notes, or ""
};

}  // namespace

TEST_CASE("errors: each bad input gives an error at its line:column saying what is wrong") {
  const ErrorCase cases[] = {
      {"agreement \"A\"\n  effective 2026-02-30 to 2026-12-31", 2, 13, "invalid date `2026-02-30`", ""},
      {"agreement \"A\"\n  holidays 2026-01-01, 2026-13-01", 2, 24, "invalid date `2026-13-01`", ""},
      {"party P\n  business hours mon 25:00-26:00", 2, 22, "invalid time `25:00`", ""},
      {"party P\n  business hours mon 09:00-24:30", 2, 28, "invalid time `24:30`", ""},
      {"party P\n  business hours mon 09:60-17:00", 2, 22, "invalid time `09:60`", ""},
      {"party P\n  business hours mon 24:00-06:00", 2, 22, "24:00 is only allowed as a closing time", ""},
      {"agreement \"A\nparty P", 1, 11, "unterminated string", "same line"},
      {"party P @", 1, 9, "unexpected character `@`", ""},
      {"party P @@@ role x", 1, 9, "unexpected characters `@@@`", ""},
      {"party P name \"a\\qb\"", 1, 16, "unknown escape `\\q`", ""},
      {"term \"t\"\n  no `abc", 2, 6, "unterminated name", ""},
      {"term \"t\"\n  no ``", 2, 6, "empty name", ""},
      {"agreement \"Case 09\"\n  timezone \"UTC\"\n\nparty Acme\n\nterm \"Site visits are announced\"\n"
       "  every site_visit by Acme requires notice by Acme at least 48 hours befor\n",
       7, 70, "expected `before`, found `befor`", "did you mean `before`?"},
      {"term \"t\"\n  every a requires b befor", 2, 22,
       "expected `by`, `where`, `with same`, `before`, `after`, `within`, `at least`, `no later than`, `during` or `outside`, found `befor`",
       "did you mean `before`?"},
      {"term \"t\"\n  evry a requires b before", 2, 3, "found `evry`", "did you mean `every`?"},
      {"term \"t\"\n  every a requires b within 2 dayz after", 2, 31, "a unit (`minutes`, `hours`, `days`, `weeks`)",
       "did you mean `days`?"},
      {"term \"a\"\n  clause \"1\"\nterm \"b\"\n  no x", 3, 1, "a block option (`clause`", "needs at least one rule"},
      {"term \"a\"\n  clause \"1\"\n", 3, 1, "found end of file", "needs at least one rule"},
      {"agreement\n  timezone \"UTC\"", 2, 3, "expected a string, found `timezone`", ""},
      {"term \"t\"\n  at least 99999999999999999999 m every week", 2, 12, "number too large", ""},
      {"term \"t\"\n  every a requires b within 99999999999999999999 days after", 2, 29, "number too large", ""},
      {"term \"t\"\n  no x\nfoo bar", 3, 1, "found `foo`", ""},
      {"term \"t\"\n  responsible\n  no x", 3, 3, "expected a name, found `no`", ""},
      {"term \"t\"\n  every note requires x before", 2, 9, "or a name, found `note`",
       "`note` is a reserved word; to use it as a name, write it in backticks: `note`"},
      {"party P\n  role\nterm \"u\" no x", 3, 1, "expected a name, found `term`", ""},
      {"term \"t\"\n  no x where name = \"a\"", 2, 14, "found `name`", "write it in backticks: `name`"},
      {"term \"t\"\n  severity high\n  no x", 2, 12, "expected `critical`, `major` or `minor`, found `high`", ""},
      {"agreement \"A\"\n  effective 2026-01-01 2026-12-31", 2, 24, "expected `to`, found `2026-12-31`", ""},
      {"term \"t\"\n  no x where t = 2026-13-01T10:00", 2, 18, "invalid date-time `2026-13-01T10:00`", ""},
      {"term \"t\"\n  no x where a ~ 1", 2, 16, "unexpected character `~`", ""},
      {"term \"t\"\n  no x where a 1", 2, 16, "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`), `include` or `is`", ""},
      {"party P\n  business hours monday 09:00-17:00", 2, 18, "a day (`mon` to `sun`)", ""},
      {"term \"t\"\n  at least 1 m every fortnight", 2, 22, "a period", ""},
      {"term \"t\"\n  average value of r at least 80% every month\n  at least 1 m every week allowing 1 per week", 3, 38,
       "expected `missed`, found `per`", ""},
      {"party P\x01", 1, 8, "control character U+0001 in the agreement", ""},
      // A C string cannot hold U+0000: the loop below puts the real input, with the byte, in its place.
      {"party P<NUL> role x", 1, 8, "control character U+0000 in the agreement", ""},
      {"party P\xff role x", 1, 8, "invalid UTF-8 byte 0xFF", ""},
      {"party \xC3\xA9t\xC3\xA9", 1, 7, "unexpected character `\xC3\xA9`", ""},
      // Words from other notations, answered by meaning (issue 13); `24/7` is one error, not two.
      {"party P\n  business hours 24/7", 2, 18, "expected a day", "write `mon-sun 00:00-24:00`"},
      {"party P\n  business hours 24x7", 2, 18, "expected a day", "write `mon-sun 00:00-24:00`"},
      {"term \"t\"\n  no x where priority in (\"P1\",\"P2\")", 2, 23, "found `in`",
       "there is no `in`: to allow several values, write `priority = \"P1\" or priority = \"P2\"`"},
      {"term \"t\"\n  no x where priority in P1", 2, 23, "found `in`", "write `priority = P1`"},
      {"term \"t\"\n  every a requires b within 3 working days after", 2, 31, "found `working`",
       "did you mean `business days`?"},
      {"term \"t\"\n  every a occurs within working hours of P", 2, 25, "found `working`",
       "did you mean `business hours`?"},
      {"party P\n  working hours mon-fri 09:00-17:00", 2, 3, "found `working`", "did you mean `business hours`?"},
  };
  for (const auto& c : cases) {
    std::string input = c.input;
    if (input == "party P<NUL> role x") input = std::string("party P\0 role x", 15);
    INFO("input:\n" << input);
    auto p = parse(input);
    INFO("diagnostics:\n" << diag_lines(p.diags));
    CHECK_FALSE(p.ok);
    REQUIRE_FALSE(p.diags.items().empty());
    const auto& d = p.diags.items().front();
    CHECK(d.level == DiagLevel::Error);
    CHECK(d.loc.line == c.line);
    CHECK(d.loc.column == c.column);
    CHECK_THAT(d.message, Catch::Contains(c.message));
    if (*c.note) {
      bool found = false;
      for (const auto& n : d.notes) found = found || n.find(c.note) != std::string::npos;
      CHECK(found);
    }
  }
}

TEST_CASE("errors: a keyword that opens a line is not taken for a name written without backticks") {
  auto p = parse("party P\n  role\nterm \"u\" no x");
  REQUIRE(p.diags.items().size() == 1);
  CHECK(p.diags.items()[0].notes.empty());
}

TEST_CASE("errors: the caret underlines the whole offending token") {
  auto p = parse("term \"t\"\n  every a requires b befor");
  REQUIRE(p.diags.items().size() == 1);
  CHECK(p.diags.items()[0].width == 5);
  auto s = parse("agreement \"A\"\n  effective 2026-02-30 to 2026-12-31");
  REQUIRE(s.diags.items().size() == 1);
  CHECK(s.diags.items()[0].width == 10);
}

TEST_CASE("errors: all errors of a file are reported, in source order, up to a limit") {
  auto p = parse(R"(agreement "A"
  effective 2026-02-30 to 2026-12-31
party P
  business hours mon 25:00-17:00
term "one"
  every a requires b befor
term "two"
  evry x
term "three"
  no y @
)");
  INFO(diag_lines(p.diags));
  REQUIRE(p.diags.items().size() == 5);
  std::vector<uint32_t> lines;
  for (const auto& d : p.diags.items()) lines.push_back(d.loc.line);
  CHECK(lines == std::vector<uint32_t>{2, 4, 6, 8, 10});
  // The blocks around the errors are still built.
  CHECK(p.agreement.blocks.size() == 3);

  std::string many;
  for (int i = 0; i < 200; ++i) many += "term \"t\" evry x\n";
  auto m = parse(many);
  CHECK_FALSE(m.ok);
  CHECK(m.diags.items().size() <= 25);
  CHECK_THAT(m.diags.items().back().message, Catch::Contains("too many syntax errors"));
}

TEST_CASE("errors: no exception escapes parse_agreement, whatever the bytes") {
  std::mt19937 rng(20260131);
  const std::string alphabet = std::string("every at least 48 hours before \"`#%-:,()=<>!\n\t\\", 48) +
                               std::string("\0\xff\xc3\xe2\x82", 5) + "2026-02-30T25:61+99:99";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    size_t len = rng() % 200;
    for (size_t i = 0; i < len; ++i) {
      if (rng() % 3 == 0) text += static_cast<char>(rng() % 256);
      else text += alphabet[rng() % alphabet.size()];
    }
    model::Agreement out;
    Diagnostics diags;
    CHECK_NOTHROW(syntax::parse_agreement(text, 3, out, diags));
  }
  for (std::string text : {std::string("\xEF\xBB\xBF" "party P"), std::string("\xc0\xaf"),
                           std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string(1000, '('),
                           std::string("term \"t\" no x where ") + std::string(500, '('), std::string(3, '\0')}) {
    model::Agreement out;
    Diagnostics diags;
    bool ok = true;
    CHECK_NOTHROW(ok = syntax::parse_agreement(text, 3, out, diags));
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) CHECK(ok);  // a byte order mark is fine
  }
}

TEST_CASE("errors: absurdly deep conditions are refused, not a stack overflow") {
  auto deep = parse("term \"t\" no x where " + std::string(100000, '(') + "a = 1");
  CHECK_FALSE(deep.ok);
  REQUIRE(deep.diags.items().size() == 1);
  CHECK_THAT(deep.diags.items()[0].message, Catch::Contains("nested too deeply"));
  auto nots = parse("term \"t\" no x where " + [] { std::string s; for (int i = 0; i < 50000; ++i) s += "not "; return s; }() + "a = 1");
  CHECK_FALSE(nots.ok);
  std::string fine = "term \"t\" no x where " + std::string(50, '(') + "a = 1" + std::string(50, ')');
  CHECK(parse(fine).ok);
}

TEST_CASE("errors: the conformance case 09-syntax-error") {
  std::ifstream in(std::string(PACTUM_SOURCE_DIR) + "/tests/conformance/cases/09-syntax-error/agreement.terms");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto p = parse(text.str());
  INFO(diag_lines(p.diags));
  CHECK_FALSE(p.ok);
  REQUIRE(p.diags.items().size() == 1);
  CHECK(p.diags.items()[0].loc.line == 7);
  CHECK_THAT(p.diags.items()[0].message, Catch::Contains("befor") && Catch::Contains("before"));
}

TEST_CASE("errors: `business hours 24/7` is one error (the `/` is not reported apart)") {
  auto p = parse("party P\n  business hours 24/7\n");
  INFO(diag_lines(p.diags));
  CHECK(p.diags.items().size() == 1);
}
