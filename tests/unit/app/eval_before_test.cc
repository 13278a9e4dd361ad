// Spec 5.1, the before-timings: `before`, `at least D before`, `within D before`, with plain
// units, business days and business hours (default calendar: mon-fri 09:00-17:00).
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string rule(const std::string& timing) {
  return utc("term \"Notice\"\n  every visit requires notice " + timing + "\n");
}

}  // namespace

TEST_CASE("5.1 before", "[eval][before]") {
  const std::string t = rule("before");
  check_cases({
      {"a notice the day before", t,
       events({"{id: N-1, at: 2026-01-05T09:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}),
       "", {}},
      {"no notice at all", t, events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}), "",
       {"Notice|1|missing|unassigned|V-1"}},
      {"a notice only after the visit does not count", t,
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}", "{id: N-1, at: 2026-01-06T10:00:01Z, type: notice}"}),
       "", {"Notice|1|missing|unassigned|V-1"}},
      {"equal times: Q.at == A.at is before", t,
       events({"{id: N-1, at: 2026-01-06T10:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}),
       "", {}},
      {"equal times even when Q comes later in the file", t,
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}", "{id: N-1, at: 2026-01-06T10:00:00Z, type: notice}"}),
       "", {}},
      {"one notice serves many visits (no with same)", t,
       events({"{id: N-1, at: 2026-01-02T09:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}",
               "{id: V-2, at: 2026-01-07T10:00:00Z, type: visit}", "{id: V-3, at: 2026-03-07T10:00:00Z, type: visit}"}),
       "", {}},
      {"a notice before the effective start counts", t,
       events({"{id: N-1, at: 2025-12-20T09:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}),
       "", {}},
      {"each visit without a notice is one finding", t,
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}", "{id: V-2, at: 2026-01-07T10:00:00Z, type: visit}",
               "{id: N-1, at: 2026-01-07T11:00:00Z, type: notice}", "{id: V-3, at: 2026-01-08T10:00:00Z, type: visit}"}),
       "", {"Notice|1|missing|unassigned|V-1", "Notice|1|missing|unassigned|V-2"}},
      {"a notice of another type does not serve", t,
       events({"{id: N-1, at: 2026-01-05T09:00:00Z, type: notices}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}),
       "", {"Notice|1|missing|unassigned|V-1"}},
  });
}

TEST_CASE("5.1 at least D before, plain units", "[eval][before]") {
  const std::string h48 = rule("at least 48 hours before");
  const std::string d2 = rule("at least 2 days before");
  const std::string m30 = rule("at least 30 minutes before");
  const std::string w1 = rule("at least 1 week before");
  const std::string visit = "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}";
  check_cases({
      {"exactly 48 hours is enough", h48, events({"{id: N-1, at: 2026-01-04T10:00:00Z, type: notice}", visit}), "", {}},
      {"one minute short is late", h48, events({"{id: N-1, at: 2026-01-04T10:01:00Z, type: notice}", visit}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"one millisecond short is late", h48, events({"{id: N-1, at: 2026-01-04T10:00:00.001Z, type: notice}", visit}),
       "", {"Notice|1|late|unassigned|V-1,N-1"}},
      {"late reports the earliest notice (the largest notice given)", h48,
       events({"{id: N-1, at: 2026-01-05T09:00:00Z, type: notice}", "{id: N-2, at: 2026-01-06T09:00:00Z, type: notice}",
               visit}),
       "", {"Notice|1|late|unassigned|V-1,N-1"}},
      {"one notice early enough among late ones", h48,
       events({"{id: N-1, at: 2026-01-01T09:00:00Z, type: notice}", "{id: N-2, at: 2026-01-06T09:00:00Z, type: notice}",
               visit}),
       "", {}},
      {"no notice is missing", h48, events({visit}), "", {"Notice|1|missing|unassigned|V-1"}},
      {"a notice after the visit only: missing, not late", h48,
       events({visit, "{id: N-1, at: 2026-01-06T11:00:00Z, type: notice}"}), "", {"Notice|1|missing|unassigned|V-1"}},
      {"notice at the same instant is late (0 notice)", h48,
       events({"{id: N-1, at: 2026-01-06T10:00:00Z, type: notice}", visit}), "", {"Notice|1|late|unassigned|V-1,N-1"}},
      {"2 days = 48 hours: exact", d2, events({"{id: N-1, at: 2026-01-04T10:00:00Z, type: notice}", visit}), "", {}},
      {"2 days: a second short", d2, events({"{id: N-1, at: 2026-01-04T10:00:01Z, type: notice}", visit}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"30 minutes: exact", m30, events({"{id: N-1, at: 2026-01-06T09:30:00Z, type: notice}", visit}), "", {}},
      {"30 minutes: 29 given", m30, events({"{id: N-1, at: 2026-01-06T09:31:00Z, type: notice}", visit}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"1 week: exact", w1, events({"{id: N-1, at: 2025-12-30T10:00:00Z, type: notice}", visit}), "", {}},
      {"1 week: 6 days given", w1, events({"{id: N-1, at: 2025-12-31T10:00:00Z, type: notice}", visit}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
  });
}

TEST_CASE("5.1 at least D before: measured notice", "[eval][before]") {
  auto s = run(rule("at least 48 hours before"),
               events({"{id: N-1, at: 2026-01-05T09:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}));
  REQUIRE(s->outcome.findings.size() == 1);
  const auto& f = s->outcome.findings[0];
  CHECK(f.at == instant("2026-01-06T10:00:00Z"));
  bool seen = false;
  for (const auto& m : f.measured)
    if (m.key == "notice_hours") {
      seen = true;
      CHECK(m.number == Approx(25.0));
    }
  CHECK(seen);
}

TEST_CASE("5.1 at least N business days before", "[eval][before][business]") {
  // Wed 2026-01-07: the 2nd business day strictly before is Mon 01-05, so the notice is due by
  // 24:00 of Mon 01-05 (= Tue 01-06 00:00).
  const std::string t = rule("at least 2 business days before");
  const std::string wed = "{id: V-1, at: 2026-01-07T10:00:00Z, type: visit}";
  // Mon 2026-01-12: Fri 01-09 is the 1st, Thu 01-08 the 2nd: due by Fri 01-09 00:00.
  const std::string mon = "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}";
  // With a holiday on Thu 01-08 for Acme: the 2nd business day before Mon 01-12 is Wed 01-07.
  const std::string acme_holiday = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
  holidays 2026-01-08
party Northwind
)";
  const std::string of_acme = acme_holiday + "term \"Notice\"\n  every visit requires notice at least 2 business days of Acme before\n";
  const std::string by_acme = acme_holiday + "term \"Notice\"\n  every visit requires notice by Acme at least 2 business days before\n";
  const std::string plain = acme_holiday + "term \"Notice\"\n  every visit requires notice at least 2 business days before\n";
  const std::string zero = rule("at least 0 business days before");
  check_cases({
      {"due 24:00 Mon: 23:59 Mon is fine", t, events({"{id: N-1, at: 2026-01-05T23:59:00Z, type: notice}", wed}), "", {}},
      {"due 24:00 Mon: exactly midnight is fine", t, events({"{id: N-1, at: 2026-01-06T00:00:00Z, type: notice}", wed}),
       "", {}},
      {"due 24:00 Mon: 00:01 Tue is late", t, events({"{id: N-1, at: 2026-01-06T00:01:00Z, type: notice}", wed}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"across a weekend: Thu evening is fine", t, events({"{id: N-1, at: 2026-01-08T20:00:00Z, type: notice}", mon}), "",
       {}},
      {"across a weekend: Fri morning is late", t, events({"{id: N-1, at: 2026-01-09T08:00:00Z, type: notice}", mon}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"a Saturday notice is late too", t, events({"{id: N-1, at: 2026-01-10T12:00:00Z, type: notice}", mon}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"of Acme: its holiday moves the due date back", of_acme,
       events({"{id: N-1, at: 2026-01-08T08:00:00Z, type: notice}", mon}), "", {"Notice|1|late|unassigned|V-1,N-1"}},
      {"of Acme: Wed evening is fine", of_acme, events({"{id: N-1, at: 2026-01-07T23:00:00Z, type: notice}", mon}), "",
       {}},
      {"by Acme: the target's party calendar is used", by_acme,
       events({"{id: N-1, at: 2026-01-08T08:00:00Z, type: notice, by: Acme}", mon}), "",
       {"Notice|1|late|Acme|V-1,N-1"}},
      {"without of/by: the agreement's calendar (no holidays)", plain,
       events({"{id: N-1, at: 2026-01-08T08:00:00Z, type: notice}", mon}), "", {}},
      {"0 business days: by 24:00 of A's own date, i.e. any time before A", zero,
       events({"{id: N-1, at: 2026-01-12T09:59:00Z, type: notice}", mon}), "", {}},
  });
}

TEST_CASE("5.1 at least N business hours before", "[eval][before][business]") {
  // Tue 2026-01-06 11:00: 2 hours back to 09:00, then 2 more from Mon 17:00: due Mon 15:00.
  const std::string t = rule("at least 4 business hours before");
  const std::string tue = "{id: V-1, at: 2026-01-06T11:00:00Z, type: visit}";
  // Mon 2026-01-12 10:00: 1 hour back to 09:00, then 3 more from Fri 17:00: due Fri 14:00.
  const std::string mon = "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}";
  check_cases({
      {"exactly at the limit", t, events({"{id: N-1, at: 2026-01-05T15:00:00Z, type: notice}", tue}), "", {}},
      {"a minute later is late", t, events({"{id: N-1, at: 2026-01-05T15:01:00Z, type: notice}", tue}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"a notice in the closed night counts as given at the closing", t,
       events({"{id: N-1, at: 2026-01-06T03:00:00Z, type: notice}", tue}), "", {"Notice|1|late|unassigned|V-1,N-1"}},
      {"across the weekend: Fri 14:00 exact", t, events({"{id: N-1, at: 2026-01-09T14:00:00Z, type: notice}", mon}), "",
       {}},
      {"across the weekend: Fri 14:30 late", t, events({"{id: N-1, at: 2026-01-09T14:30:00Z, type: notice}", mon}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
      {"across the weekend: Sat is late", t, events({"{id: N-1, at: 2026-01-10T14:30:00Z, type: notice}", mon}), "",
       {"Notice|1|late|unassigned|V-1,N-1"}},
  });
}

TEST_CASE("5.1 within D before", "[eval][before]") {
  const std::string t = rule("within 24 hours before");
  const std::string visit = "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}";
  check_cases({
      {"exactly 24 hours old is inside", t, events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice}", visit}), "", {}},
      {"a minute older is early", t, events({"{id: N-1, at: 2026-01-05T09:59:00Z, type: notice}", visit}), "",
       {"Notice|1|early|unassigned|V-1,N-1"}},
      {"early reports the most recent too-old notice", t,
       events({"{id: N-1, at: 2026-01-01T10:00:00Z, type: notice}", "{id: N-2, at: 2026-01-04T10:00:00Z, type: notice}",
               visit}),
       "", {"Notice|1|early|unassigned|V-1,N-2"}},
      {"one recent notice is enough", t,
       events({"{id: N-1, at: 2026-01-01T10:00:00Z, type: notice}", "{id: N-2, at: 2026-01-06T09:00:00Z, type: notice}",
               visit}),
       "", {}},
      {"a notice after A does not count (still early)", t,
       events({"{id: N-1, at: 2026-01-04T10:00:00Z, type: notice}", visit,
               "{id: N-2, at: 2026-01-06T11:00:00Z, type: notice}"}),
       "", {"Notice|1|early|unassigned|V-1,N-1"}},
      {"only a notice after A: missing", t, events({visit, "{id: N-2, at: 2026-01-06T11:00:00Z, type: notice}"}), "",
       {"Notice|1|missing|unassigned|V-1"}},
      {"no notice: missing", t, events({visit}), "", {"Notice|1|missing|unassigned|V-1"}},
      {"equal times are inside", t, events({"{id: N-1, at: 2026-01-06T10:00:00Z, type: notice}", visit}), "", {}},
      {"each visit judged with the notices so far", t,
       events({"{id: N-1, at: 2026-01-05T12:00:00Z, type: notice}", visit,
               "{id: V-2, at: 2026-01-07T10:00:00Z, type: visit}"}),
       "", {"Notice|1|early|unassigned|V-2,N-1"}},
  });
}

TEST_CASE("5.1 within N business days / hours before", "[eval][before][business]") {
  // Wed 01-07: the 1st business day strictly before is Tue 01-06, Q at or after its 00:00.
  const std::string d1 = rule("within 1 business days before");
  // Mon 01-12: the 1st business day before is Fri 01-09.
  // Business hours: Mon 01-12 10:00 minus 3 business hours = Fri 01-09 15:00.
  const std::string h3 = rule("within 3 business hours before");
  check_cases({
      {"Tue 00:00 is inside", d1,
       events({"{id: N-1, at: 2026-01-06T00:00:00Z, type: notice}", "{id: V-1, at: 2026-01-07T10:00:00Z, type: visit}"}),
       "", {}},
      {"Mon 23:59 is early", d1,
       events({"{id: N-1, at: 2026-01-05T23:59:00Z, type: notice}", "{id: V-1, at: 2026-01-07T10:00:00Z, type: visit}"}),
       "", {"Notice|1|early|unassigned|V-1,N-1"}},
      {"Monday visit: Friday 00:00 is inside", d1,
       events({"{id: N-1, at: 2026-01-09T00:00:00Z, type: notice}", "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}"}),
       "", {}},
      {"Monday visit: Thursday is early", d1,
       events({"{id: N-1, at: 2026-01-08T22:00:00Z, type: notice}", "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}"}),
       "", {"Notice|1|early|unassigned|V-1,N-1"}},
      {"business hours: Fri 15:00 is inside", h3,
       events({"{id: N-1, at: 2026-01-09T15:00:00Z, type: notice}", "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}"}),
       "", {}},
      {"business hours: Fri 14:59 is early", h3,
       events({"{id: N-1, at: 2026-01-09T14:59:00Z, type: notice}", "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}"}),
       "", {"Notice|1|early|unassigned|V-1,N-1"}},
      {"business hours: the weekend counts for nothing", h3,
       events({"{id: N-1, at: 2026-01-10T12:00:00Z, type: notice}", "{id: V-1, at: 2026-01-12T10:00:00Z, type: visit}"}),
       "", {}},
  });
}
