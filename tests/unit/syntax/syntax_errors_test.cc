// The wording of expected-token lists, without a parser.
#include <catch2/catch.hpp>

#include "engine/syntax/syntax_errors.h"

using namespace pactum::syntax;

TEST_CASE("syntax_errors: expected tokens read as a short list in user words") {
  struct Case {
    std::vector<std::string> expected;
    const char* phrase;
  };
  const Case cases[] = {
      {{"BEFORE"}, "`before`"},
      {{"STRING"}, "a string"},
      {{"ID"}, "a name"},
      {{"INT"}, "a whole number"},
      {{"DATE"}, "a date (YYYY-MM-DD)"},
      {{"EOF"}, "end of file"},
      {{"CRITICAL", "MAJOR", "MINOR"}, "`critical`, `major` or `minor`"},
      {{"WITHIN", "AT", "NO", "WITH", "BEFORE", "AFTER"},
       "`with same`, `before`, `after`, `within`, `at least` or `no later than`"},
      {{"LEAST", "MOST"}, "`least` or `most`"},
      {{"AT"}, "`at least` or `at most`"},
      {{"EFFECTIVE", "TIMEZONE", "BUSINESS", "HOLIDAYS", "PARTY", "TERM", "EXPECTATION", "EOF"},
       "`effective`, `timezone`, `business hours`, `holidays`, `party`, `term`, `expectation` or end of file"},
      {{"CLAUSE", "SEVERITY", "RESPONSIBLE", "NOTE", "EVERY", "AT", "NO", "AVERAGE", "MINIMUM", "MAXIMUM", "TOTAL",
        "LATEST"},
       "a rule or a block option (`clause`, `severity`, `responsible`, `note`)"},
      {{"EQ", "NE", "LT", "LE", "GT", "GE", "INCLUDE", "IS"},
       "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`), `include` or `is`"},
      {{"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}, "a day (`mon` to `sun`)"},
      {{"INT", "NUMBER"}, "a number"},
  };
  for (const auto& c : cases) {
    CHECK(describe_expected(c.expected) == c.phrase);
  }
}

TEST_CASE("syntax_errors: notes") {
  auto m = describe_syntax_error({"ID", "befor", false, {}, {}}, {"BEFORE", "AFTER"});
  CHECK(m.message == "expected `before` or `after`, found `befor`");
  REQUIRE(m.notes.size() == 1);
  CHECK(m.notes[0] == "did you mean `before`?");
  auto far = describe_syntax_error({"ID", "qwerty", false, {}, {}}, {"BEFORE"});
  CHECK(far.notes.empty());
  auto reserved = describe_syntax_error({"NOTE", "note", false, {}, {}}, {"ID"});
  REQUIRE(reserved.notes.size() == 1);
  CHECK(reserved.notes[0] == "`note` is a reserved word; to use it as a name, write it in backticks: `note`");
  auto str = describe_syntax_error({"STRING", "\"abc\"", false, {}, {}}, {"ID"});
  CHECK(str.message == "expected a name, found the string \"abc\"");
}
