// Canonical text and `pactum fmt` layout: parse(format(x)) is the same AST as parse(x), and
// format is idempotent.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pactum;
using pactum::test::diag_lines;
using pactum::test::dump;
using pactum::test::parse;

TEST_CASE("rule_text: literals and names") {
  model::Literal s;
  s.kind = model::Literal::Kind::String;
  s.text = "say \"hi\" \\ there";
  CHECK(model::canonical_text(s) == "\"say \\\"hi\\\" \\\\ there\"");
  model::Literal n;
  n.kind = model::Literal::Kind::Number;
  n.text = "80";
  n.percent = true;
  CHECK(model::canonical_text(n) == "80%");
  model::Literal id;
  id.kind = model::Literal::Kind::Identifier;
  id.text = "where";
  CHECK(model::canonical_text(id) == "`where`");
}

TEST_CASE("rule_text: hand-built conditions get parentheses where precedence needs them") {
  using K = model::Condition::Kind;
  auto cmp = [](const char* attr) {
    model::Condition c;
    c.kind = K::Present;
    c.attribute.text = attr;
    return c;
  };
  auto node = [](K kind, std::vector<model::Condition> ops) {
    model::Condition c;
    c.kind = kind;
    c.operands = std::move(ops);
    return c;
  };
  CHECK(model::canonical_text(node(K::And, {node(K::Or, {cmp("a"), cmp("b")}), cmp("c")})) ==
        "(a is present or b is present) and c is present");
  CHECK(model::canonical_text(node(K::Or, {node(K::And, {cmp("a"), cmp("b")}), cmp("c")})) ==
        "a is present and b is present or c is present");
  CHECK(model::canonical_text(node(K::Not, {node(K::And, {cmp("a"), cmp("b")})})) ==
        "not (a is present and b is present)");
  CHECK(model::canonical_text(node(K::Not, {node(K::Not, {cmp("a")})})) == "not not a is present");
}

TEST_CASE("rule_text: format_agreement round trips") {
  const char* inputs[] = {
      "",
      "party A",
      R"(# comments are dropped by fmt
AGREEMENT "Customer \"care\" \\ outsourcing"   EFFECTIVE 2026-01-01 TO 2026-12-31
  TIMEZONE "America/New_York" business hours mon-fri 09:00-17:00, fri-mon 22:00-06:00
  holidays 2026-07-03 holidays 2026-11-26, 2026-12-25
party Acme name "Acme Telecom Inc." role client timezone "America/New_York"
  business hours sun 00:00-24:00 holidays 2026-07-03
party `note` role `role`
term "Weekly service review" clause "4.2" responsible Acme, `note` note "why" note "and why"
  at least 1 meeting where topic = "service review" and attendees include Acme, `note` every week allowing 1 missed per quarter
  every a where (x = 1 or y = 2) and not z is absent requires b by Acme with same k, `at` within 3 business days of Acme after
expectation "levels" severity critical
  average value of kpi where kpi = "x y" and v >= 80% at least 99.5% every 3 months
  latest `value` of kpi at most 360 every 2 weeks
  at most 2 v by Acme every 10 days
  no sla where d < 2026-01-31 or t > 2026-01-31T09:30:00+05:30 or f = false or n = 3.50
  every v occurs within business hours of Acme and `note`
  every q requires r no later than `due`
  every q requires r at least 1 business hour before
  every q requires r within 1 minute before
term "minor" severity minor
  every q requires r after
)",
  };
  for (const char* input : inputs) {
    INFO("input:\n" << input);
    auto first = parse(input);
    INFO(diag_lines(first.diags));
    REQUIRE(first.ok);
    std::string formatted = model::format_agreement(first.agreement);
    INFO("formatted:\n" << formatted);
    auto second = parse(formatted);
    INFO(diag_lines(second.diags));
    REQUIRE(second.ok);
    CHECK(dump(second.agreement) == dump(first.agreement));
    CHECK(model::format_agreement(second.agreement) == formatted);
  }
}

TEST_CASE("rule_text: canonical layout") {
  auto p = parse(R"(agreement "A" timezone "UTC" effective 2026-01-01 to 2026-12-31
party P role client business hours mon-fri 09:00-17:00
term "t" clause "1" severity major responsible P
  no x   where  a=1
)");
  REQUIRE(p.ok);
  CHECK(model::format_agreement(p.agreement) == R"(agreement "A"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party P
  role client
  business hours mon-fri 09:00-17:00

term "t"
  clause "1"
  responsible P
  no x where a = 1
)");
}
