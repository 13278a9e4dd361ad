// V2.7: `during|outside business hours of X` in every rule form's patterns (X a calendar or a
// party, in its own zone and holidays, across DST), a block's `effective D1 to D2`, and calendars
// that are never parties (logs, by_party, scorecards, the obligation balance).
#include <algorithm>

#include "engine/report/report.h"
#include "engine/report/review.h"
#include "tests/unit/app/eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

// Desk: New York, mon-fri 09:00-17:00, Thanksgiving off. US daylight saving starts Sun 03-08 and
// ends Sun 11-01 2026: 13:30 UTC is 08:30 EST (closed) but 09:30 EDT (open).
const std::string kDeskHeader = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
calendar Desk
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00
  holidays 2026-11-26
)";

std::string desk(const std::string& blocks) { return kDeskHeader + blocks; }

// Calls dropped around both DST changes, on a holiday and at the closing time.
const std::vector<std::string> kDrops = {
    "{id: C-1, at: 2026-03-06T13:30:00Z, type: drop, by: Acme}",  // Fri 08:30 EST: closed
    "{id: C-2, at: 2026-03-09T13:30:00Z, type: drop, by: Acme}",  // Mon 09:30 EDT: open
    "{id: C-3, at: 2026-10-30T13:30:00Z, type: drop, by: Acme}",  // Fri 09:30 EDT: open
    "{id: C-4, at: 2026-11-02T13:30:00Z, type: drop, by: Acme}",  // Mon 08:30 EST: closed
    "{id: C-5, at: 2026-11-02T14:30:00Z, type: drop, by: Acme}",  // Mon 09:30 EST: open
    "{id: C-6, at: 2026-11-02T21:59:00Z, type: drop, by: Acme}",  // Mon 16:59 EST: open
    "{id: C-7, at: 2026-11-02T22:00:00Z, type: drop, by: Acme}",  // Mon 17:00 EST: the closing time, closed
    "{id: C-8, at: 2026-11-26T15:00:00Z, type: drop, by: Acme}",  // Thanksgiving 10:00 EST: a holiday, closed
};

std::vector<std::string> forbidden(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back("Drops|1|forbidden|Acme|" + id);
  return out;
}

}  // namespace

TEST_CASE("V2.7 during / outside business hours across DST and holidays", "[eval][v2.7][hours]") {
  check_cases({
      {"during", desk("term \"Drops\"\n  no drop during business hours of Desk\n"), events(kDrops), "",
       forbidden({"C-2", "C-3", "C-5", "C-6"})},
      {"outside", desk("term \"Drops\"\n  no drop outside business hours of Desk\n"), events(kDrops), "",
       forbidden({"C-1", "C-4", "C-7", "C-8"})},
      {"a party's hours work the same way (Acme: the agreement's mon-fri 09:00-17:00 UTC)",
       desk("term \"Drops\"\n  no drop during business hours of Acme\n"), events(kDrops), "",
       forbidden({"C-1", "C-2", "C-3", "C-4", "C-5", "C-8"})},
      {"with by and where", desk("term \"Drops\"\n  no drop by Acme during business hours of Desk where `id` != \"C-3\"\n"),
       events(kDrops), "", forbidden({"C-2", "C-5", "C-6"})},
  });
}

TEST_CASE("V2.7 hours patterns in every rule form", "[eval][v2.7][hours]") {
  const std::string alarm = "{id: A-1, at: 2026-11-02T12:00:00Z, type: alarm, alarm: A-1}";
  check_cases({
      // 5.1 activation: only alarms inside Desk hours need a callback.
      {"requires: activation during", desk("term \"Callback\"\n  every alarm during business hours of Desk requires callback with same alarm within 1 hours after\n"),
       events({alarm, "{id: A-2, at: 2026-11-02T15:00:00Z, type: alarm, alarm: A-2}"}), "2026-11-03T00:00:00Z",
       {"Callback|1|missing|unassigned|A-2"}},
      // 5.1 target: a callback inside Desk hours (09:30 EST) does not count; one at 08:30 does.
      {"requires: target outside, met", desk("term \"Callback\"\n  every alarm requires callback outside business hours of Desk with same alarm within 2 hours after\n"),
       events({alarm, "{id: B-1, at: 2026-11-02T13:30:00Z, type: callback, alarm: A-1}"}), "", {}},
      {"requires: target outside, a callback inside hours does not count",
       desk("term \"Callback\"\n  every alarm requires callback outside business hours of Desk with same alarm within 2 hours after\n"),
       events({alarm, "{id: B-1, at: 2026-11-02T14:30:00Z, type: callback, alarm: A-1}"}), "",
       {"Callback|1|missing|unassigned|A-1"}},
      // 5.2: only visits outside Desk hours must fall in Acme's hours.
      {"occurs within", desk("term \"Visits\"\n  every visit outside business hours of Desk occurs within business hours of Acme\n"),
       events({"{id: V-1, at: 2026-11-02T13:30:00Z, type: visit}", "{id: V-2, at: 2026-11-02T14:30:00Z, type: visit}",
               "{id: V-3, at: 2026-11-02T23:00:00Z, type: visit}"}),
       "", {"Visits|1|outside-hours|unassigned|V-3"}},
      // 5.4: in the week of Mon 11-02, C-5 and C-6 lie in Desk hours (C-4, C-7 do not).
      {"at most", desk("term \"Drops\"\n  at most 1 drop during business hours of Desk every week\n"), events(kDrops),
       "2026-11-09T00:00:00Z", {"Drops|1|too-many|Acme|@2026-11-02T00:00:00+00:00 C-6"}},
      // V2.5 target.
      // V2.5 target: 13:00 UTC is 08:00 in New York, outside Desk hours; 15:00 is inside.
      {"every period requires: a report outside hours does not serve",
       desk("term \"Report\"\n  every month requires report during business hours of Desk within 5 days after\n"),
       events({"{id: R-1, at: 2026-02-02T13:00:00Z, type: report}"}), "2026-02-06T00:00:00Z",
       {"Report|1|missing|unassigned|@2026-01-01T00:00:00+00:00"}},
      {"every period requires: one inside hours does",
       desk("term \"Report\"\n  every month requires report during business hours of Desk within 5 days after\n"),
       events({"{id: R-1, at: 2026-02-02T13:00:00Z, type: report}", "{id: R-2, at: 2026-02-02T15:00:00Z, type: report}"}),
       "2026-02-06T00:00:00Z", {}},
  });
}

TEST_CASE("V2.7 block effective D1 to D2", "[eval][v2.7][effective]") {
  // 2-week windows from D1 = Mon 03-02: [03-02, 03-16), [03-16, 03-30), [03-30, 04-13); the span
  // ends 04-12 24:00 = 04-13 00:00. From the agreement's start they would begin 01-01, 01-15, ...
  const std::string pilot = utc(R"(term "Pilot"
  effective 2026-03-02 to 2026-04-12
  at least 1 review every 2 weeks
)");
  const std::string reviews = "{id: RV-1, at: 2026-03-05T10:00:00Z, type: review}";
  const std::string late_review = "{id: RV-2, at: 2026-04-01T10:00:00Z, type: review}";
  check_cases({
      {"N-week windows start at D1; only windows inside the span are judged", pilot, events({reviews, late_review}),
       "2026-05-01T00:00:00Z", {"Pilot|1|too-few|unassigned|@2026-03-16T00:00:00+00:00"}},
      {"a window ending after as-of is not judged", pilot, events({reviews, late_review}), "2026-04-12T23:00:00Z",
       {"Pilot|1|too-few|unassigned|@2026-03-16T00:00:00+00:00"}},
      {"nothing before the span starts", pilot, events({}), "2026-03-10T00:00:00Z", {}},
      {"N months from D1", utc(R"(term "Pilot"
  effective 2026-02-15 to 2026-05-14
  at least 1 review every 1 months
)"),
       events({"{id: RV-1, at: 2026-02-20T10:00:00Z, type: review}", "{id: RV-2, at: 2026-04-20T10:00:00Z, type: review}"}),
       "2026-06-01T00:00:00Z", {"Pilot|1|too-few|unassigned|@2026-03-15T00:00:00+00:00"}},
      {"calendar months wholly inside the span", utc(R"(term "Pilot"
  effective 2026-02-15 to 2026-04-30
  at least 1 review every month
)"),
       events({}), "2026-06-01T00:00:00Z",
       {"Pilot|1|too-few|unassigned|@2026-03-01T00:00:00+00:00", "Pilot|1|too-few|unassigned|@2026-04-01T00:00:00+00:00"}},
      // Activations outside the span are not judged; targets may lie anywhere.
      {"requires", utc(R"(term "Ship"
  effective 2026-03-02 to 2026-03-31
  every order requires shipment with same order within 1 days after
)"),
       events({"{id: O-1, at: 2026-02-20T10:00:00Z, type: order, order: 1}",
               "{id: O-2, at: 2026-03-10T10:00:00Z, type: order, order: 2}",
               "{id: O-4, at: 2026-03-31T20:00:00Z, type: order, order: 4}",
               "{id: S-4, at: 2026-04-01T10:00:00Z, type: shipment, order: 4}",
               "{id: O-3, at: 2026-04-02T10:00:00Z, type: order, order: 3}"}),
       "2026-05-01T00:00:00Z", {"Ship|1|missing|unassigned|O-2"}},
      {"no", utc(R"(term "Freeze"
  effective 2026-03-02 to 2026-03-31
  no change
)"),
       events({"{id: X-1, at: 2026-03-01T23:59:59Z, type: change}", "{id: X-2, at: 2026-03-02T00:00:00Z, type: change}",
               "{id: X-3, at: 2026-03-31T23:59:59Z, type: change}", "{id: X-4, at: 2026-04-01T00:00:00Z, type: change}"}),
       "", {"Freeze|1|forbidden|unassigned|X-2", "Freeze|1|forbidden|unassigned|X-3"}},
      {"every period requires, after", utc(R"(term "Report"
  effective 2026-02-15 to 2026-04-30
  every month requires report within 5 business days after
)"),
       events({}), "2026-06-01T00:00:00Z",
       {"Report|1|missing|unassigned|@2026-03-01T00:00:00+00:00", "Report|1|missing|unassigned|@2026-04-01T00:00:00+00:00"}},
      {"every period requires, before", utc(R"(term "Plan"
  effective 2026-02-15 to 2026-04-30
  every month requires plan before
)"),
       events({}), "2026-06-01T00:00:00Z",
       {"Plan|1|missing|unassigned|@2026-03-01T00:00:00+00:00", "Plan|1|missing|unassigned|@2026-04-01T00:00:00+00:00"}},
  });
}

TEST_CASE("V2.7 ignored_events stays about the agreement's judged interval", "[eval][v2.7][effective]") {
  auto s = run(utc(R"(term "Freeze"
  effective 2026-03-02 to 2026-03-31
  no change
)"),
               events({"{id: X-0, at: 2025-12-31T10:00:00Z, type: change}", "{id: X-1, at: 2026-02-01T10:00:00Z, type: change}",
                       "{id: X-2, at: 2026-03-10T10:00:00Z, type: change}"}));
  CHECK(s->outcome.ignored_events == 1);  // X-0, before the agreement's effective start
  CHECK(dump_findings(*s) == lines({"Freeze|1|forbidden|unassigned|X-2"}));
}

TEST_CASE("V2.7 a log event by a calendar is an input error", "[eval][v2.7][log]") {
  app::Session s;
  REQUIRE(s.load_agreement_text("a.terms", desk("term \"Drops\"\n  no drop\n")));
  CHECK_FALSE(s.load_log_text("log.yaml", events({"{id: C-1, at: 2026-03-06T13:30:00Z, type: drop, by: Desk}"}),
                              log::Backend::Libyaml));
  std::string errors = s.render_errors(false);
  INFO(errors);
  CHECK(errors.find("`Desk` is a calendar, not a party") != std::string::npos);
  CHECK(errors.find("log.yaml:2:") != std::string::npos);
}

TEST_CASE("V2.7 calendars are not parties in reports", "[eval][v2.7][report]") {
  auto s = run(desk("term \"Drops\"\n  no drop during business hours of Desk\n"), events(kDrops));
  std::vector<std::string> keys;
  for (const auto& [party, n] : s->outcome.by_party) keys.push_back(party);
  CHECK(keys == std::vector<std::string>{"Acme", "Northwind"});
  report::ReportData d{s->sources, *s->agreement, &s->log, &s->outcome, s->lint, lint::obligation_balance(*s->agreement)};
  std::vector<std::string> scored;
  for (const auto& p : report::party_scores(d)) scored.push_back(p.party);
  CHECK(scored == std::vector<std::string>{"Acme", "Northwind"});
  std::vector<std::string> bound;
  for (const auto& [party, n] : d.balance.per_party) bound.push_back(party);
  CHECK(bound == std::vector<std::string>{"Acme", "Northwind"});
  std::string json = report::render_json(d);
  CHECK(json.find("\"Desk\"") == std::string::npos);
}
