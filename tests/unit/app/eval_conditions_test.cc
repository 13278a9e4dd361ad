// Spec 5.5 `no P` and the comparisons of conditions: and/or/not/parens, include, is present /
// absent, numbers, strings, dates, booleans, type mismatches and missing attributes (false, `!=`
// too), `80%`, and the event's own fields in backticks.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

struct Row {
  const char* condition;
  // Attributes of events E-1, E-2, ... (flow-mapping fragments, "" for none).
  std::vector<std::string> attributes;
  // The ids of the events the condition holds for.
  std::vector<std::string> matched;
};

void check_conditions(const std::vector<Row>& rows) {
  for (const auto& r : rows) {
    std::string terms = utc(std::string("term \"C\"\n  no ev where ") + r.condition + "\n");
    std::vector<std::string> evs;
    for (size_t i = 0; i < r.attributes.size(); ++i) {
      std::string at = "2026-01-0" + std::to_string(i + 2) + "T10:00:00Z";
      std::string attrs = r.attributes[i].empty() ? "" : ", " + r.attributes[i];
      evs.push_back("{id: E-" + std::to_string(i + 1) + ", at: " + at + ", type: ev" + attrs + "}");
    }
    // Responsible: the matching event's own `by` (spec 5, rule 5.5), else unassigned.
    std::vector<std::string> expected;
    for (const auto& id : r.matched) {
      const std::string& attrs = r.attributes[std::stoul(id.substr(2)) - 1];
      auto pos = attrs.find("by: ");
      std::string who = pos == std::string::npos ? "unassigned" : attrs.substr(pos + 4, attrs.find(',', pos) - pos - 4);
      expected.push_back("C|1|forbidden|" + who + "|" + id);
    }
    INFO("condition: " << r.condition);
    auto s = run(terms, events(evs));
    CHECK(dump_findings(*s) == lines(expected));
  }
}

}  // namespace

TEST_CASE("5.5 no P: numbers", "[eval][conditions]") {
  check_conditions({
      {"n = 80", {"n: 80", "n: 80.0", "n: \"80\"", "", "n: 81", "n: 8e1"}, {"E-1", "E-2", "E-6"}},
      {"n != 80", {"n: 80", "n: 81", "n: \"81\"", "", "n: true"}, {"E-2"}},
      {"n < 10", {"n: 9.99", "n: 10", "n: -3", "n: \"5\""}, {"E-1", "E-3"}},
      {"n <= 10", {"n: 9.99", "n: 10", "n: 10.01"}, {"E-1", "E-2"}},
      {"n > 10", {"n: 9.99", "n: 10", "n: 10.01"}, {"E-3"}},
      {"n >= 10", {"n: 9.99", "n: 10", "n: 10.01"}, {"E-2", "E-3"}},
      {"n = 80%", {"n: 80", "n: 0.8", "n: \"80%\""}, {"E-1"}},
      {"n >= 3.5", {"n: 3.5", "n: 3.49"}, {"E-1"}},
  });
}

TEST_CASE("5.5 no P: strings and identifiers", "[eval][conditions]") {
  check_conditions({
      {"s = \"abc\"", {"s: abc", "s: \"abc\"", "s: ABC", "s: 5", "", "s: abc "}, {"E-1", "E-2", "E-6"}},
      {"s != \"abc\"", {"s: abc", "s: xyz", "s: 5", "", "s: [abc]"}, {"E-2"}},
      {"s != \"never seen\"", {"s: abc"}, {"E-1"}},
      {"s = \"never seen\"", {"s: abc"}, {}},
      {"s < \"b\"", {"s: a", "s: b", "s: c", "s: B", "s: 1"}, {"E-1", "E-4"}},
      {"s >= \"b\"", {"s: a", "s: b", "s: ba", "s: \"é\""}, {"E-2", "E-3", "E-4"}},
      {"s = \"80\"", {"s: 80", "s: \"80\""}, {"E-2"}},
      {"p = Acme", {"p: Acme", "p: acme", "p: \"Acme\""}, {"E-1", "E-3"}},
      {"p != Acme", {"p: Acme", "p: Northwind"}, {"E-2"}},
      {"s = \"true\"", {"s: true", "s: \"true\""}, {"E-2"}},
  });
}

TEST_CASE("5.5 no P: booleans", "[eval][conditions]") {
  check_conditions({
      {"ok = true", {"ok: true", "ok: false", "ok: \"true\"", "ok: 1", ""}, {"E-1"}},
      {"ok = false", {"ok: true", "ok: false", "ok: \"false\"", "ok: 0", ""}, {"E-2"}},
      {"ok != true", {"ok: true", "ok: false", "ok: \"false\"", ""}, {"E-2"}},
  });
}

TEST_CASE("5.5 no P: dates and date-times", "[eval][conditions]") {
  check_conditions({
      {"d < 2026-02-01", {"d: 2026-01-15", "d: 2026-02-01", "d: 2026-01-31T23:00:00Z", "d: soon", "", "d: 20260101"},
       {"E-1", "E-3"}},
      {"d = 2026-02-01", {"d: 2026-02-01", "d: 2026-02-01T00:00:00Z", "d: 2026-02-01T00:00:01Z"}, {"E-1", "E-2"}},
      {"d >= 2026-01-31T12:00", {"d: 2026-01-31T12:00:00Z", "d: 2026-01-31T11:59:59Z", "d: 2026-02-01"}, {"E-1", "E-3"}},
      {"d > 2026-01-31T12:00:00+02:00", {"d: 2026-01-31T10:00:00Z", "d: 2026-01-31T10:00:01Z"}, {"E-2"}},
      {"d != 2026-02-01", {"d: 2026-02-01", "d: 2026-02-02", "d: nonsense", ""}, {"E-2"}},
  });
}

TEST_CASE("5.5 no P: include, presence, not, and/or, parentheses", "[eval][conditions]") {
  check_conditions({
      {"tags include a", {"tags: [a, b]", "tags: [b]", "tags: a", "tags: []", ""}, {"E-1"}},
      {"tags include a, b", {"tags: [a, b, c]", "tags: [a]", "tags: [b, a]", "tags: [a, a]"}, {"E-1", "E-3"}},
      {"tags include 1", {"tags: [1, 2]", "tags: [\"1\"]"}, {"E-1"}},
      {"tags include Acme, Northwind", {"tags: [Acme, Northwind]", "tags: [Acme]"}, {"E-1"}},
      {"x is present", {"x: 1", "", "x: \"\"", "x: null", "y: 1", "x: false"}, {"E-1", "E-3", "E-6"}},
      {"x is absent", {"x: 1", "", "x: null", "y: 1"}, {"E-2", "E-3", "E-4"}},
      {"not n = 80", {"n: 80", "n: 81", "", "n: \"80\""}, {"E-2", "E-3", "E-4"}},
      {"not not n = 80", {"n: 80", "n: 81"}, {"E-1"}},
      {"not n != 80", {"n: 80", "n: 81", ""}, {"E-1", "E-3"}},
      // and binds tighter: a = 1 or (b = 2 and c = 3)
      {"a = 1 or b = 2 and c = 3", {"a: 1", "b: 2", "b: 2, c: 3", "a: 1, b: 5, c: 5", "c: 3"}, {"E-1", "E-3", "E-4"}},
      {"(a = 1 or b = 2) and c = 3", {"a: 1", "b: 2", "b: 2, c: 3", "a: 1, c: 3", "c: 3"}, {"E-3", "E-4"}},
      {"a = 1 and b = 2 or c = 3", {"a: 1", "a: 1, b: 2", "c: 3"}, {"E-2", "E-3"}},
      {"not (a = 1 or b = 2)", {"a: 1", "b: 2", "c: 3"}, {"E-3"}},
      {"a = 1 and not b is present", {"a: 1", "a: 1, b: 2", "b: 2"}, {"E-1"}},
  });
}

TEST_CASE("5.5 no P: the event's own fields in backticks", "[eval][conditions]") {
  // The events of check_conditions are E-1 on 01-02 10:00Z, E-2 on 01-03, ...
  check_conditions({
      {"`id` = \"E-2\"", {"", "", ""}, {"E-2"}},
      {"`id` != \"E-2\"", {"", "", ""}, {"E-1", "E-3"}},
      {"`type` = ev", {"", ""}, {"E-1", "E-2"}},
      {"`at` < 2026-01-03", {"", "", ""}, {"E-1"}},
      {"`at` >= 2026-01-03T10:00", {"", "", ""}, {"E-2", "E-3"}},
      {"`by` = Acme", {"by: Acme", "by: Northwind", ""}, {"E-1"}},
      {"`by` != Acme", {"by: Acme", "by: Northwind", ""}, {"E-2"}},
      {"`by` is absent", {"by: Acme", ""}, {"E-2"}},
      {"`name` = \"x\"", {"name: x", "name: y"}, {"E-1"}},
  });
}

TEST_CASE("5.5 no P: judged interval and responsibility", "[eval][conditions]") {
  const std::string t = utc("term \"C\"\n  no sla_change where approved = false\n");
  const std::string by = utc("term \"C\"\n  no sla_change by Acme\n");
  const std::string resp = utc("term \"C\"\n  responsible Acme, Northwind\n  no sla_change\n");
  auto e = [](const std::string& id, const std::string& at, const std::string& extra) {
    return "{id: " + id + ", at: " + at + ", type: sla_change" + extra + "}";
  };
  check_cases({
      {"each matching event is a finding", t,
       events({e("S-1", "2026-01-05T10:00:00Z", ", approved: false"), e("S-2", "2026-01-06T10:00:00Z", ", approved: true"),
               e("S-3", "2026-01-07T10:00:00Z", ", approved: false, by: Northwind")}),
       "", {"C|1|forbidden|unassigned|S-1", "C|1|forbidden|Northwind|S-3"}},
      {"outside the judged interval: none", t,
       events({e("S-0", "2025-12-31T23:59:59Z", ", approved: false"), e("S-1", "2027-01-01T00:00:00Z", ", approved: false"),
               e("S-2", "2026-06-01T00:00:00Z", ", approved: false")}),
       "2027-02-01T00:00:00Z", {"C|1|forbidden|unassigned|S-2"}},
      {"after as-of: invisible", t,
       events({e("S-1", "2026-01-05T10:00:00Z", ", approved: false"), e("S-2", "2026-01-06T10:00:00Z", ", approved: false")}),
       "2026-01-06T09:59:59Z", {"C|1|forbidden|unassigned|S-1"}},
      {"pattern by filters and is responsible", by,
       events({e("S-1", "2026-01-05T10:00:00Z", ", by: Acme"), e("S-2", "2026-01-06T10:00:00Z", ", by: Northwind"),
               e("S-3", "2026-01-07T10:00:00Z", "")}),
       "", {"C|1|forbidden|Acme|S-1"}},
      {"block responsible with two parties", resp, events({e("S-1", "2026-01-05T10:00:00Z", ", by: Acme")}), "",
       {"C|1|forbidden|Acme,Northwind|S-1"}},
  });
}
