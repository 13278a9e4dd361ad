// syntax::expected_words_at (completion) and syntax::tokenize (editors), table-driven: the text
// before the cursor, and the words ANTLR's expected-token set gives there.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/syntax/editor_support.h"

using pactum::syntax::expected_words_at;
using pactum::syntax::tokenize;

namespace {

// The words expected at the end of `text` (the cursor after its last character).
std::vector<std::string> at_end(const std::string& text) {
  uint32_t line = 1, column = 1;
  for (char c : text) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return expected_words_at(text, line, column);
}

bool has(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

TEST_CASE("expected words: what the grammar accepts at the cursor") {
  struct Case {
    const char* text;
    std::vector<const char*> present;
    std::vector<const char*> absent;
  };
  const Case cases[] = {
      {"", {"agreement", "party", "term", "expectation", "calendar", "interval", "<end>"}, {"every", "<name>"}},
      {"party ", {"<name>"}, {"party", "calendar"}},
      {"term \"x\"\n  ", {"every", "at", "no", "clause", "severity", "responsible", "credit", "availability"}, {"party"}},
      {"term \"x\"\n  every ", {"<name>", "day", "week", "month", "quarter", "year", "<integer>"}, {"every", "from"}},
      {"term \"x\"\n  every a ", {"requires", "occurs", "by", "where", "during", "outside"}, {"<name>"}},
      {"term \"x\"\n  every a requires b ", {"before", "after", "at", "within", "no", "with", "by"}, {"every"}},
      {"term \"x\"\n  every a requires b before ", {"paused", "in", "every", "term", "party", "<end>"}, {"before"}},
      {"term \"x\"\n  every a requires b within 2 ", {"hours", "days", "business", "minutes"}, {"<name>"}},
      {"term \"x\"\n  every a requires b within 2 business ", {"hours", "days"}, {"minutes"}},
      {"term \"x\"\n  average ", {"<name>", "duration"}, {"from"}},
      {"term \"x\"\n  at least 3 a every ", {"day", "month", "<integer>"}, {}},
      {"party Acme\n  business hours ", {"mon", "tue", "sun"}, {}},
      {"party Acme\n  business hours mon-fri ", {"<time>"}, {}},
      // A mistake above the cursor does not stop completion below it.
      {"term \"x\"\n  every a befor\nterm \"y\"\n  every b ", {"requires", "occurs"}, {}},
      // The word being typed is not part of the context.
      {"term \"x\"\n  every a requ", {"requires", "occurs"}, {}},
      {"term \"x\"\n  every a requires b where n = \"unterminated", {}, {}},
  };
  for (const auto& c : cases) {
    INFO("text: " << c.text);
    auto words = at_end(c.text);
    std::string all;
    for (const auto& w : words) all += w + " ";
    INFO("words: " << all);
    for (const char* w : c.present) CHECK(has(words, w));
    for (const char* w : c.absent) CHECK_FALSE(has(words, w));
  }
}

TEST_CASE("expected words: the cursor inside the text cuts it there") {
  std::string text = "term \"x\"\n  every a requires b before\n";
  auto words = expected_words_at(text, 2, 11);  // after "every a "
  CHECK(has(words, "requires"));
  CHECK_FALSE(has(words, "paused"));
}

TEST_CASE("expected words: never throw on hostile input") {
  std::string deep(5000, '(');
  CHECK(expected_words_at("term \"x\"\n  no a where " + deep, 2, 10000).empty());
  CHECK_NOTHROW(expected_words_at("\xFF\xFE term \"\x80", 1, 20));
  CHECK_NOTHROW(expected_words_at("", 0, 0));
  CHECK_NOTHROW(expected_words_at("abc", 99, 99));
}

TEST_CASE("tokenize: tokens with code point columns, hidden ones marked") {
  auto tokens = tokenize("party \xC3\x89t\xC3\xA9 # c\n  name \"\xC3\xA9\" ?");
  std::vector<std::string> got;
  for (const auto& t : tokens)
    got.push_back(t.kind + "@" + std::to_string(t.line) + ":" + std::to_string(t.column) + "+" +
                  std::to_string(t.length) + (t.hidden ? "h" : ""));
  // `Été` is not a name (ASCII only): three unexpected-character runs.
  std::vector<std::string> expected = {"PARTY@1:1+5", "ERROR_CHAR@1:7+1h", "ID@1:8+1", "ERROR_CHAR@1:9+1h",
                                       "COMMENT@1:11+3h", "NAME@2:3+4", "STRING@2:8+3", "ERROR_CHAR@2:12+1h"};
  CHECK(got == expected);
}
