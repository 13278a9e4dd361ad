// Spec 5 (judged interval, responsible party) and 6 (finding order), and the summary counts of
// the outcome: ignored events, by_party, pending.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

TEST_CASE("Responsible party precedence for each rule form", "[eval][responsible]") {
  auto terms = [](const std::string& block_options, const std::string& rule) {
    return utc("term \"R\"\n" + block_options + "  " + rule + "\n");
  };
  const std::string resp_nw = "  responsible Northwind\n";
  const std::string v_acme = "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, by: Acme}";
  const std::string v_sat = "{id: V-1, at: 2026-01-10T10:00:00Z, type: visit, by: Acme}";
  const std::string v_none = "{id: V-1, at: 2026-01-10T10:00:00Z, type: visit}";
  const std::string feb = "2026-02-01T00:00:00Z";
  check_cases({
      // 5.1: the target's by, then the block's responsible, then the activation pattern's by; never the event's by.
      {"requires: target by wins over block responsible", terms(resp_nw, "every visit by Acme requires notice by Acme before"),
       events({v_acme}), "", {"R|1|missing|Acme|V-1"}},
      {"requires: block responsible wins over the pattern's by",
       terms(resp_nw, "every visit by Acme requires notice before"), events({v_acme}), "", {"R|1|missing|Northwind|V-1"}},
      {"requires: the activation pattern's by", terms("", "every visit by Acme requires notice before"),
       events({v_acme}), "", {"R|1|missing|Acme|V-1"}},
      {"requires: not the activation event's by", terms("", "every visit requires notice before"), events({v_acme}), "",
       {"R|1|missing|unassigned|V-1"}},
      {"requires: late blames the target party, not the notice's by",
       terms("", "every visit requires notice by Northwind at least 1 days before"),
       events({"{id: N-1, at: 2026-01-06T09:00:00Z, type: notice, by: Northwind}", v_acme}), "",
       {"R|1|late|Northwind|V-1,N-1"}},
      // 5.2: block responsible, pattern by, the event's by.
      {"hours: block responsible", terms(resp_nw, "every visit by Acme occurs within business hours of Acme"),
       events({v_sat}), "", {"R|1|outside-hours|Northwind|V-1"}},
      {"hours: pattern by", terms("", "every visit by Acme occurs within business hours of Northwind"), events({v_sat}),
       "", {"R|1|outside-hours|Acme|V-1"}},
      {"hours: event by", terms("", "every visit occurs within business hours of Northwind"), events({v_sat}), "",
       {"R|1|outside-hours|Acme|V-1"}},
      {"hours: unassigned", terms("", "every visit occurs within business hours of Northwind"), events({v_none}), "",
       {"R|1|outside-hours|unassigned|V-1"}},
      // 5.3: block responsible, pattern by, else unassigned (no triggering event).
      {"at least: block responsible", terms(resp_nw, "at least 1 visit by Acme every month"), events({}), feb,
       {"R|1|too-few|Northwind|@2026-01-01T00:00:00+00:00"}},
      {"at least: pattern by", terms("", "at least 1 visit by Acme every month"), events({}), feb,
       {"R|1|too-few|Acme|@2026-01-01T00:00:00+00:00"}},
      {"at least: unassigned even if the window's events have a by", terms("", "at least 2 visit every month"),
       events({v_acme}), feb, {"R|1|too-few|unassigned|@2026-01-01T00:00:00+00:00 V-1"}},
      // 5.4: block responsible, pattern by, the first excess event's by.
      {"at most: block responsible", terms(resp_nw, "at most 0 visit by Acme every month"), events({v_acme}), feb,
       {"R|1|too-many|Northwind|@2026-01-01T00:00:00+00:00 V-1"}},
      {"at most: the excess event's by", terms("", "at most 0 visit every month"), events({v_acme}), feb,
       {"R|1|too-many|Acme|@2026-01-01T00:00:00+00:00 V-1"}},
      // 5.5: block responsible, pattern by, the event's by.
      {"no: block responsible", terms(resp_nw, "no visit by Acme"), events({v_acme}), "", {"R|1|forbidden|Northwind|V-1"}},
      {"no: event by", terms("", "no visit"), events({v_acme}), "", {"R|1|forbidden|Acme|V-1"}},
      {"no: unassigned", terms("", "no visit"), events({v_none}), "", {"R|1|forbidden|unassigned|V-1"}},
      // 5.6: block responsible, pattern by, else unassigned.
      {"aggregate: block responsible", terms(resp_nw, "total n of visit by Acme at least 5 every month"),
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, by: Acme, n: 1}"}), feb,
       {"R|1|below-target|Northwind|@2026-01-01T00:00:00+00:00 V-1"}},
      {"aggregate: pattern by", terms("", "total n of visit by Acme at least 5 every month"),
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, by: Acme, n: 1}"}), feb,
       {"R|1|below-target|Acme|@2026-01-01T00:00:00+00:00 V-1"}},
      {"aggregate: unassigned", terms("", "total n of visit at least 5 every month"),
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, by: Acme, n: 1}"}), feb,
       {"R|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 V-1"}},
      {"responsible listed twice counts once", terms("  responsible Acme, Northwind, Acme\n", "no visit"),
       events({v_acme}), "", {"R|1|forbidden|Acme,Northwind|V-1"}},
      {"responsible options accumulate", terms("  responsible Acme\n  responsible Northwind\n", "no visit"),
       events({v_none}), "", {"R|1|forbidden|Acme,Northwind|V-1"}},
  });
}

TEST_CASE("by_party lists every declared party and unassigned when used", "[eval][responsible]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
party Idle
term "Both"
  responsible Acme, Northwind
  no shared
term "Any"
  no thing
term "Wait"
  every request requires reply by Idle within 1 days after
)";
  auto s = run(t, events({"{id: S-1, at: 2026-01-05T10:00:00Z, type: shared}",
                          "{id: T-1, at: 2026-01-05T11:00:00Z, type: thing, by: Acme}",
                          "{id: T-2, at: 2026-01-05T12:00:00Z, type: thing}",
                          "{id: R-1, at: 2026-01-05T13:00:00Z, type: request}"}));
  CHECK(dump_findings(*s) == lines({"Both|1|forbidden|Acme,Northwind|S-1", "Any|1|forbidden|Acme|T-1",
                                    "Any|1|forbidden|unassigned|T-2"}));
  CHECK(dump_pending(*s) == "R-1\n");  // pending counts for no one (Idle stays 0)
  std::map<std::string, size_t> expected = {{"Acme", 2}, {"Northwind", 1}, {"Idle", 0}, {"unassigned", 1}};
  CHECK(s->outcome.by_party == expected);

  auto quiet = run(t, events({"{id: T-1, at: 2026-01-05T11:00:00Z, type: thing, by: Acme}"}));
  std::map<std::string, size_t> expected_quiet = {{"Acme", 1}, {"Northwind", 0}, {"Idle", 0}};
  CHECK(quiet->outcome.by_party == expected_quiet);  // no "unassigned" when nobody is unassigned
}

TEST_CASE("Finding order: time, block order, rule number, first event position", "[eval][order]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
term "Second block in name only"
  no y
  no x
term "A later block"
  no x
  at least 1 meeting every week
)";
  check_cases({
      {"by time first", t,
       events({"{id: X-2, at: 2026-01-06T10:00:00Z, type: x}", "{id: Y-1, at: 2026-01-06T11:00:00Z, type: y}",
               "{id: X-1, at: 2026-01-05T10:00:00Z, type: x}", "{id: M-1, at: 2026-01-07T10:00:00Z, type: meeting}"}),
       "",
       {"Second block in name only|2|forbidden|unassigned|X-1", "A later block|1|forbidden|unassigned|X-1",
        "Second block in name only|2|forbidden|unassigned|X-2", "A later block|1|forbidden|unassigned|X-2",
        "Second block in name only|1|forbidden|unassigned|Y-1"}},
      {"same time: block order, then rule number", t,
       events({"{id: X-1, at: 2026-01-06T10:00:00Z, type: x}", "{id: Y-1, at: 2026-01-06T10:00:00Z, type: y}"}), "",
       {"Second block in name only|1|forbidden|unassigned|Y-1", "Second block in name only|2|forbidden|unassigned|X-1",
        "A later block|1|forbidden|unassigned|X-1"}},
      {"same time, same rule: file position", t,
       events({"{id: X-2, at: 2026-01-06T10:00:00Z, type: x}", "{id: X-1, at: 2026-01-06T10:00:00Z, type: x}"}), "",
       {"Second block in name only|2|forbidden|unassigned|X-2", "Second block in name only|2|forbidden|unassigned|X-1",
        "A later block|1|forbidden|unassigned|X-2", "A later block|1|forbidden|unassigned|X-1"}},
      {"a window finding is placed at its window's start", t,
       events({"{id: X-1, at: 2026-01-12T00:00:00Z, type: x}", "{id: X-2, at: 2026-01-11T23:00:00Z, type: x}",
               "{id: M-1, at: 2026-01-06T10:00:00Z, type: meeting}", "{id: Z-1, at: 2026-01-19T00:00:00Z, type: z}"}),
       "",
       {"Second block in name only|2|forbidden|unassigned|X-2", "A later block|1|forbidden|unassigned|X-2",
        "Second block in name only|2|forbidden|unassigned|X-1", "A later block|1|forbidden|unassigned|X-1",
        "A later block|2|too-few|unassigned|@2026-01-12T00:00:00+00:00"}},
  });
}

TEST_CASE("Finding order across rule forms and pending order", "[eval][order]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
term "Replies"
  every request requires reply within 2 days after
term "Notices"
  every visit requires notice before
)";
  // R-1's late reply is found when the reply arrives but is placed at R-1's time.
  check_cases({
      {"late findings are placed at the activation", t,
       events({"{id: R-1, at: 2026-01-05T10:00:00Z, type: request}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}",
               "{id: Q-1, at: 2026-01-09T10:00:00Z, type: reply}", "{id: R-2, at: 2026-01-10T10:00:00Z, type: request}",
               "{id: R-3, at: 2026-01-10T09:00:00Z, type: request}", "{id: R-4, at: 2026-01-10T09:00:00Z, type: request}"}),
       "",
       {"Replies|1|late|unassigned|R-1,Q-1", "Notices|1|missing|unassigned|V-1"}, {"R-3", "R-4", "R-2"}},
  });
}

TEST_CASE("The judged interval", "[eval][interval]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-01-31
  timezone "America/New_York"
term "N"
  no x
)";
  const std::string open = R"(
agreement "T"
  timezone "UTC"
term "N"
  no x
term "W"
  at least 1 x every week
)";
  SECTION("effective start and end in the agreement timezone") {
    auto s = run(t, events({"{id: X-0, at: 2026-01-01T04:59:59Z, type: x}", "{id: X-1, at: 2026-01-01T05:00:00Z, type: x}",
                            "{id: X-2, at: 2026-02-01T04:59:59Z, type: x}", "{id: X-3, at: 2026-02-01T05:00:00Z, type: x}",
                            "{id: X-4, at: 2026-03-01T05:00:00Z, type: x}"}));
    CHECK(s->outcome.evaluated);
    CHECK(s->outcome.judged_from == instant("2026-01-01T05:00:00Z"));
    CHECK(s->outcome.judged_to == instant("2026-02-01T05:00:00Z"));  // 24:00 of 01-31, New York
    CHECK(s->outcome.as_of == instant("2026-03-01T05:00:00Z"));
    CHECK(dump_findings(*s) == lines({"N|1|forbidden|unassigned|X-1", "N|1|forbidden|unassigned|X-2"}));
    CHECK(s->outcome.events == 5);
    CHECK(s->outcome.ignored_events == 3);
  }
  SECTION("as-of before the effective end") {
    auto s = run(t, events({"{id: X-1, at: 2026-01-10T12:00:00Z, type: x}", "{id: X-2, at: 2026-01-20T12:00:00Z, type: x}"}),
                 "2026-01-15T00:00:00");
    CHECK(s->outcome.as_of == instant("2026-01-15T05:00:00Z"));
    CHECK(s->outcome.judged_to == instant("2026-01-15T05:00:00Z"));
    CHECK(dump_findings(*s) == "N|1|forbidden|unassigned|X-1\n");
    CHECK(s->outcome.ignored_events == 1);
  }
  SECTION("without an effective period: from the earliest event to the latest") {
    auto s = run(open, events({"{id: X-2, at: 2026-01-20T12:00:00Z, type: x}", "{id: X-1, at: 2026-01-06T12:00:00Z, type: x}"}));
    CHECK(s->outcome.judged_from == instant("2026-01-06T12:00:00Z"));
    CHECK(s->outcome.judged_to == instant("2026-01-20T12:00:00Z"));
    CHECK(s->outcome.ignored_events == 0);
    // Week of 01-05 incomplete (starts before 01-06 12:00); 01-12 complete and empty; 01-19 in progress.
    CHECK(dump_findings(*s) == lines({"N|1|forbidden|unassigned|X-1", "W|1|too-few|unassigned|@2026-01-12T00:00:00+00:00",
                                      "N|1|forbidden|unassigned|X-2"}));
  }
  SECTION("no events and no as-of: nothing is evaluated") {
    auto s = run(open, events({}));
    CHECK_FALSE(s->outcome.evaluated);
    CHECK(s->outcome.findings.empty());
    CHECK(s->outcome.pending.empty());
    CHECK(s->outcome.periodic.empty());
  }
  SECTION("no events but an as-of: complete windows are judged") {
    auto s = run(t + "term \"W\"\n  at least 1 x every week\n", events({}), "2026-01-20T00:00:00");
    CHECK(s->outcome.evaluated);
    CHECK(dump_findings(*s) == lines({"W|1|too-few|unassigned|@2026-01-05T00:00:00-05:00",
                                      "W|1|too-few|unassigned|@2026-01-12T00:00:00-05:00"}));
  }
  SECTION("an empty log file") {
    auto s = run(open, "");
    CHECK_FALSE(s->outcome.evaluated);
  }
}

TEST_CASE("Several rules in one block are numbered in source order", "[eval][order]") {
  const std::string t = utc(R"(
term "Many"
  clause "1"
  severity critical
  no a
  every b requires c before
  every d occurs within business hours of Acme
  at most 0 e every month
  total n of f at most 1 every month
)");
  auto s = run(t, events({"{id: A-1, at: 2026-01-10T10:00:00Z, type: a}", "{id: B-1, at: 2026-01-10T10:00:00Z, type: b}",
                          "{id: D-1, at: 2026-01-10T10:00:00Z, type: d}", "{id: E-1, at: 2026-01-10T10:00:00Z, type: e}",
                          "{id: F-1, at: 2026-01-10T10:00:00Z, type: f, n: 2}"}),
               "2026-02-01T00:00:00Z");
  CHECK(dump_findings(*s) == lines({"Many|4|too-many|unassigned|@2026-01-01T00:00:00+00:00 E-1",
                                    "Many|5|above-target|unassigned|@2026-01-01T00:00:00+00:00 F-1",
                                    "Many|1|forbidden|unassigned|A-1", "Many|2|missing|unassigned|B-1",
                                    "Many|3|outside-hours|unassigned|D-1"}));
  for (const auto& f : s->outcome.findings) CHECK(f.block->severity == pactum::model::Severity::Critical);
  CHECK(s->outcome.rules == 5);
}
