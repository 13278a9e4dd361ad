// RuleMembers (issue 17): the members of a finding that its rule alone decides (`block` to
// `location`), laid out once per rule, give finding_json_text exactly the bytes it writes member by
// member: for every finding and pending item of the fixture, plain and hostile (quotes, markup,
// line breaks, `|` and `%` in names, texts and paths), clause or none, at several depths.
#include <catch2/catch.hpp>

#include <string>

#include "engine/report/json_report.h"
#include "tests/unit/report/report_fixture.h"

using pactum::report::finding_json_text;
using pactum::report::RuleMembers;
using pactum::report::testing::Fixture;

TEST_CASE("RuleMembers: the same bytes as the members written one by one", "[report]") {
  for (bool hostile : {false, true}) {
    Fixture fx(hostile);
    fx.agreement.blocks[1].clause.reset();  // a block without a clause: `"clause": null`
    auto d = fx.data();
    for (size_t depth : {size_t{0}, size_t{2}, size_t{5}}) {
      for (const auto* list : {&fx.outcome.findings, &fx.outcome.pending}) {
        RuleMembers members(d, *list, depth);
        for (const auto& f : *list) {
          INFO("hostile " << hostile << ", depth " << depth << ", rule " << f.rule->text);
          REQUIRE(members.of(f) != nullptr);
          CHECK(finding_json_text(d, f, nullptr, depth, &members) == finding_json_text(d, f, nullptr, depth));
        }
      }
    }
  }
}

TEST_CASE("RuleMembers: a rule it was not built for is written member by member", "[report]") {
  Fixture fx;
  auto d = fx.data();
  RuleMembers members(d, {}, 2);  // built from no findings
  const auto& f = fx.outcome.findings.front();
  CHECK(members.of(f) == nullptr);
  CHECK(finding_json_text(d, f, nullptr, 2, &members) == finding_json_text(d, f, nullptr, 2));
}
