// `pactum fmt` keeps every comment: above the line it preceded, or after the code it followed.
#include <catch2/catch.hpp>

#include "engine/model/rule_text.h"
#include "engine/syntax/parser.h"

using namespace pactum;

namespace {

std::string format(const std::string& text) {
  Diagnostics diags;
  model::Agreement a;
  REQUIRE(syntax::parse_agreement(text, 0, a, diags));
  return model::format_agreement(a);
}

}  // namespace

TEST_CASE("fmt: comments come back in place, trailing ones aligned") {
  struct Row {
    const char* name;
    const char* input;
    const char* expected;
  };
  const Row rows[] = {
      {"leading and trailing comments",
       "# header\nagreement \"A\"   # the name\n  timezone \"UTC\" # zone\nparty P\n# a term\nterm \"T\"\n"
       "  # why\n  no x   # never\n",
       "# header\nagreement \"A\"     # the name\n  timezone \"UTC\"  # zone\n\nparty P\n\n# a term\nterm \"T\"\n"
       "  # why\n  no x  # never\n"},
      {"comments after name, clause, severity and note stay on their line",
       "party P\n  name \"Acme\" # legal name\nterm \"T\"\n  clause \"1\" # c\n  severity minor # s\n"
       "  note \"n1\" # first\n  note \"n2\"\n  no x\n",
       "party P\n  name \"Acme\"  # legal name\n\nterm \"T\"\n  clause \"1\"      # c\n  severity minor  # s\n"
       "  note \"n1\"       # first\n  note \"n2\"\n  no x\n"},
      {"the comment of a party's last option stays in the party", "party P\n  name \"Acme\" # n\nterm \"T\"\n  no x\n",
       "party P\n  name \"Acme\"  # n\n\nterm \"T\"\n  no x\n"},
      {"a comment on an option fmt leaves out (the default severity) moves above the next line",
       "party P\nterm \"T\"\n  severity major # default\n  no x\n",
       "party P\n\nterm \"T\"\n  # default\n  no x\n"},
      {"comments after the last line stay at the end", "party P\n# end 1\n# end 2\n",
       "party P\n\n# end 1\n# end 2\n"},
      {"sections keep the author's order", "term \"T\"\n  no x\n# the party\nparty P\n",
       "term \"T\"\n  no x\n\n# the party\nparty P\n"},
      {"a # inside a string is not a comment", "party P\n  name \"A # B\"\n", "party P\n  name \"A # B\"\n"},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    std::string once = format(row.input);
    CHECK(once == row.expected);
    CHECK(format(once) == once);  // idempotent
  }
}
