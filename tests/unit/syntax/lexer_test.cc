// The tokens of spec section 2: overlaps between times, dates, numbers and day spans, case-
// insensitive keywords, comments, backticked names, and the reserved word list.
#include <catch2/catch.hpp>

#include "engine/model/rule_text.h"
#include "engine/syntax/ast_builder.h"
#include "engine/syntax/token_names.h"

using pactum::syntax::detail::lex_for_test;

namespace {

std::string tokens(const std::string& text) {
  std::string out;
  for (const auto& t : lex_for_test(text)) out += (out.empty() ? "" : " | ") + t;
  return out;
}

}  // namespace

TEST_CASE("lexer: overlapping literal forms split as the grammar needs") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"09:00-17:00", "TIME 09:00 | DASH - | TIME 17:00"},
      {"22:00-06:00", "TIME 22:00 | DASH - | TIME 06:00"},
      {"9:00", "TIME 9:00"},
      {"mon-fri", "MON mon | DASH - | FRI fri"},
      {"Fri-MON", "FRI Fri | DASH - | MON MON"},
      {"2026-01-31", "DATE 2026-01-31"},
      {"2026-01-31T09:30", "DATETIME 2026-01-31T09:30"},
      {"2026-01-31T09:30:00", "DATETIME 2026-01-31T09:30:00"},
      {"2026-01-31T09:30:00Z", "DATETIME 2026-01-31T09:30:00Z"},
      {"2026-01-31T09:30+05:30", "DATETIME 2026-01-31T09:30+05:30"},
      {"2026-01-31T09:30:00-05:00", "DATETIME 2026-01-31T09:30:00-05:00"},
      {"48", "INT 48"},
      {"3.5", "NUMBER 3.5"},
      {"80%", "INT 80 | PERCENT %"},
      {"99.5%", "NUMBER 99.5 | PERCENT %"},
      {"1days", "INT 1 | DAYS days"},
      {"every everyone", "EVERY every | ID everyone"},
      {"EVERY Every eVeRy", "EVERY EVERY | EVERY Every | EVERY eVeRy"},
      {"site_visit _x X9", "ID site_visit | ID _x | ID X9"},
      {"`note` `by`", "ID `note` | ID `by`"},
      {"\"a \\\"b\\\" \\\\\"", "STRING \"a \\\"b\\\" \\\\\""},
      {"\"h\xC3\xA9llo\"", "STRING \"h\xC3\xA9llo\""},
      {"a # comment every\nb", "ID a | ID b"},
      {"!= <= >= < > = ( ) ,", "NE != | LE <= | GE >= | LT < | GT > | EQ = | LPAREN ( | RPAREN ) | COMMA ,"},
      {"\"open", "STRING \"open"},
      {"`open", "ID `open"},
      {"a @ b", "ID a | ERROR_CHAR @ | ID b"},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    CHECK(tokens(c.input) == c.expected);
  }
}

TEST_CASE("lexer: every reserved word is a keyword token, in any case, and nothing else is") {
  for (const auto& word : pactum::syntax::all_keywords()) {
    INFO("keyword: " << word);
    CHECK(pactum::model::is_reserved_word(word));
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string capital = word;
    capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
    CHECK(tokens(word) == upper + " " + word);
    CHECK(tokens(capital) == upper + " " + capital);
    CHECK(tokens(upper) == upper + " " + upper);
    CHECK(pactum::model::is_reserved_word(upper));
  }
  for (const char* name : {"meeting", "site_visit", "Acme", "value", "kpi", "due", "topic", "type", "id", "hoursx"}) {
    INFO("name: " << name);
    CHECK_FALSE(pactum::model::is_reserved_word(name));
    CHECK(tokens(name) == std::string("ID ") + name);
  }
}

TEST_CASE("lexer: written_name backticks reserved words and non-identifiers only") {
  using pactum::model::written_name;
  CHECK(written_name("visit") == "visit");
  CHECK(written_name("note") == "`note`");
  CHECK(written_name("At") == "`At`");
  CHECK(written_name("first call") == "`first call`");
  CHECK(written_name("9lives") == "`9lives`");
}
