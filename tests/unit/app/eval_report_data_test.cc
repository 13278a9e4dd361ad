// What evaluation records for the html report's charts beside the findings: every judged window
// of a rule with a period with its state and value (PeriodicSummary::windows, ::target), the
// activations of each block per local day (Outcome::activity) and the tolerated misses per party.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

using State = eval::WindowResult::State;

// "2026-01-05 kept 1", one line per window: its local start date, state and value ("-" for none).
std::string windows_dump(const app::Session& s, size_t summary = 0) {
  REQUIRE(s.outcome.periodic.size() > summary);
  std::string out;
  for (const auto& w : s.outcome.periodic[summary].windows) {
    const char* state = w.state == State::Kept       ? "kept"
                        : w.state == State::Broken    ? "broken"
                        : w.state == State::Tolerated ? "tolerated"
                                                      : "pending";
    out += date::format("%F", local_day(w.window.start, s.agreement->zone)) + " " + state + " " +
           (w.value ? fmt::format("{}", *w.value) : "-") + "\n";
  }
  return out;
}

// "2026-01-05 2", one line per day with activations, for block `b`.
std::string activity_dump(const app::Session& s, size_t b) {
  REQUIRE(s.outcome.activity.size() > b);
  std::string out;
  for (const auto& d : s.outcome.activity[b])
    out += date::format("%F", date::local_days{date::days{d.day}}) + " " + std::to_string(d.count) + "\n";
  return out;
}

std::string meeting(const std::string& id, const std::string& at) {
  return "{id: " + id + ", at: " + at + ", type: meeting, by: Acme}";
}

}  // namespace

TEST_CASE("report data: 5.3 windows with their counts, misses tolerated per party", "[eval][report-data]") {
  auto s = run(utc("term \"M\"\n  responsible Northwind\n  at least 1 meeting every week allowing 1 missed per month\n"),
               events({meeting("M1", "2026-01-06T10:00:00Z"), meeting("M2", "2026-01-27T10:00:00Z")}),
               "2026-02-02T00:00:00Z");
  // Weeks from Monday 5 January (the effective start is a Thursday: the first whole week). The
  // week of the 12th is the month's tolerated miss; the week of the 19th is a finding.
  CHECK(windows_dump(*s) == lines({"2026-01-05 kept 1", "2026-01-12 tolerated 0", "2026-01-19 broken 0",
                                   "2026-01-26 kept 1"}));
  CHECK(s->outcome.periodic[0].target == 1);
  CHECK(s->outcome.tolerated == 1);
  CHECK(s->outcome.tolerated_by_party == std::map<std::string, size_t>{{"Northwind", 1}});
  CHECK(dump_findings(*s) == lines({"M|1|too-few|Northwind|@2026-01-19T00:00:00+00:00"}));
}

TEST_CASE("report data: 5.6 aggregates, a window without a value", "[eval][report-data]") {
  auto s = run(utc("expectation \"Q\"\n  average score of kpi at least 80 every month\n"),
               events({"{at: 2026-01-31T10:00:00Z, type: kpi, score: 90}", "{at: 2026-01-31T11:00:00Z, type: kpi, score: 80}",
                       "{at: 2026-03-31T10:00:00Z, type: kpi, score: 70}"}),
               "2026-04-01T00:00:00Z");
  CHECK(windows_dump(*s) == lines({"2026-01-01 kept 85", "2026-02-01 broken -", "2026-03-01 broken 70"}));
  CHECK(s->outcome.periodic[0].target == 80);
}

TEST_CASE("report data: V2.3 shares of events and of activations, a pending window", "[eval][report-data]") {
  auto events_share = run(utc("expectation \"C\"\n  at least 80% of call have wait_s <= 20 every month\n"),
                          events({"{at: 2026-01-05T10:00:00Z, type: call, wait_s: 10}",
                                  "{at: 2026-01-06T10:00:00Z, type: call, wait_s: 30}",
                                  "{at: 2026-02-05T10:00:00Z, type: call, wait_s: 5}"}),
                          "2026-03-01T00:00:00Z");
  CHECK(windows_dump(*events_share) == lines({"2026-01-01 broken 50", "2026-02-01 kept 100"}));
  CHECK(events_share->outcome.periodic[0].target == 80);

  // January's ticket was answered in time; February's is still open at as-of, and decides the window.
  auto activations = run(
      utc("term \"S\"\n  every ticket by Acme requires answer by Northwind with same ticket within 4 hours after in at "
          "least 75% of cases every month\n"),
      events({"{id: T1, at: 2026-01-05T10:00:00Z, type: ticket, by: Acme, ticket: T1}",
              "{id: A1, at: 2026-01-05T11:00:00Z, type: answer, by: Northwind, ticket: T1}",
              "{id: T2, at: 2026-02-28T23:00:00Z, type: ticket, by: Acme, ticket: T2}"}),
      "2026-03-01T01:00:00Z");
  CHECK(windows_dump(*activations) == lines({"2026-01-01 kept 100", "2026-02-01 pending -"}));
  CHECK(activations->outcome.periodic[0].target == 75);
  // The activations are also the block's activity.
  CHECK(activity_dump(*activations, 0) == lines({"2026-01-05 1", "2026-02-28 1"}));
}

TEST_CASE("report data: activations per block and local day, in order, each day once", "[eval][report-data]") {
  const std::string terms = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
party Acme
party Northwind
term "Visits"
  every visit requires notice at least 1 hours before
  every visit occurs within business hours of Acme
term "Reports"
  every month requires report after
term "Quiet"
  no incident
)";
  // 2026-01-06T03:00Z is still 5 January in New York.
  auto s = run(terms,
               events({"{id: V1, at: 2026-01-05T15:00:00Z, type: visit}", "{id: V2, at: 2026-01-06T03:00:00Z, type: visit}",
                       "{id: V3, at: 2026-01-07T15:00:00Z, type: visit}", "{id: R1, at: 2026-02-02T15:00:00Z, type: report}"}),
               "2026-03-15T00:00:00-04:00");
  // Both rules of "Visits" count each visit: two rules x two visits on the 5th.
  CHECK(activity_dump(*s, 0) == lines({"2026-01-05 4", "2026-01-07 2"}));
  // `every month requires report after`: each judged month, at its start.
  CHECK(activity_dump(*s, 1) == lines({"2026-01-01 1", "2026-02-01 1"}));
  CHECK(activity_dump(*s, 2) == "");
}
