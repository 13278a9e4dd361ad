// V2.5 `grouped by period` on the periodic rules 5.3, 5.4 and 5.6: an event counts toward the
// window its `period` attribute names, not the one its time falls in (a January KPI figure sent
// on 1 February is January's). As-of is 03-01 00:00 unless said otherwise: January and February
// are judged.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string kpi(const std::string& id, const std::string& at, const std::string& period, const std::string& more = "") {
  return "{id: " + id + ", at: " + at + ", type: kpi_report" + (period.empty() ? "" : ", period: " + period) + more + "}";
}

const std::string kAsOf = "2026-03-01T00:00:00Z";
const std::string kTooFewJan = "KPI|1|too-few|unassigned|@2026-01-01T00:00:00+00:00";
const std::string kTooFewFeb = "KPI|1|too-few|unassigned|@2026-02-01T00:00:00+00:00";

}  // namespace

TEST_CASE("grouped by period: at least N", "[eval][v2.5][grouped]") {
  const std::string t = utc("term \"KPI\"\n  at least 1 kpi_report every month grouped by period\n");
  const std::string plain = utc("term \"KPI\"\n  at least 1 kpi_report every month\n");
  const std::string jan = kpi("K-1", "2026-02-01T09:00:00Z", "\"2026-01\"");
  const std::string feb = kpi("K-2", "2026-03-01T00:00:00Z", "\"2026-02\"");
  check_cases({
      {"figures sent after their month count for it (one exactly at as-of)", t, events({jan, feb}), kAsOf, {}},
      {"without grouping they count where their time falls", plain, events({jan, feb}), kAsOf, {kTooFewJan}},
      {"a figure sent after as-of does not count", t,
       events({jan, kpi("K-2", "2026-03-01T00:00:01Z", "\"2026-02\"")}), kAsOf, {kTooFewFeb}},
      {"a missing period: not counted", t, events({kpi("K-1", "2026-02-01T09:00:00Z", ""), feb}), kAsOf, {kTooFewJan}},
      {"a period of another kind: not counted", t, events({kpi("K-1", "2026-02-01T09:00:00Z", "\"2026-Q1\""), feb}),
       kAsOf, {kTooFewJan}},
      {"sent before the effective start, it counts toward the month it names", t,
       events({kpi("K-0", "2025-12-31T10:00:00Z", "\"2026-01\""), feb}), kAsOf, {}},
      {"naming a window that is not judged counts nowhere", t,
       events({kpi("K-1", "2026-02-01T09:00:00Z", "\"2025-12\""), feb}), kAsOf, {kTooFewJan}},
      {"sent in January for February counts for February only", t,
       events({kpi("K-1", "2026-01-20T09:00:00Z", "\"2026-02\"")}), kAsOf, {kTooFewJan}},
      {"a date names the month containing it", t,
       events({kpi("K-1", "2026-02-01T09:00:00Z", "2026-01-31"), feb}), kAsOf, {}},
  });
}

TEST_CASE("grouped by period: input warnings", "[eval][v2.5][grouped]") {
  const std::string t = utc("term \"KPI\"\n  at least 1 kpi_report every month grouped by period\n");
  auto s = run(t,
               events({kpi("K-1", "2026-02-01T09:00:00Z", ""), kpi("K-2", "2026-02-02T09:00:00Z", "\"2026-Q1\""),
                       kpi("K-3", "2026-02-03T09:00:00Z", "[\"2026-01\"]"), kpi("K-4", "2026-02-04T09:00:00Z", "\"2025-12\"")}),
               kAsOf);
  std::string w = warnings_text(*s);
  CHECK(w.find("kpi_report K-1: no `period` attribute; it is not counted by rule 1 of \"KPI\"") != std::string::npos);
  CHECK(w.find("kpi_report K-2: `period` \"2026-Q1\" names no month; it is not counted") != std::string::npos);
  CHECK(w.find("kpi_report K-3: `period` is a list, which names no month") != std::string::npos);
  CHECK(w.find("K-4") == std::string::npos);  // names a month, one that is not judged: no warning
}

TEST_CASE("grouped by period: aggregates and at most", "[eval][v2.5][grouped]") {
  const std::string avg = utc("term \"KPI\"\n  average value of kpi_report at least 80 every month grouped by period\n");
  const std::string most = utc("term \"KPI\"\n  at most 1 kpi_report every month grouped by period\n");
  check_cases({
      // January: 90 (sent in January) and 70 (sent 02-02): 80. February: 60, sent at as-of.
      {"late figures join their month's average", avg,
       events({kpi("K-1", "2026-01-20T09:00:00Z", "\"2026-01\"", ", value: 90"),
               kpi("K-2", "2026-02-02T09:00:00Z", "\"2026-01\"", ", value: 70"),
               kpi("K-3", "2026-03-01T00:00:00Z", "\"2026-02\"", ", value: 60")}),
       kAsOf, {"KPI|1|below-target|unassigned|@2026-02-01T00:00:00+00:00 K-3"}},
      {"two figures for January, both sent in February: too many for January", most,
       events({kpi("K-1", "2026-02-01T09:00:00Z", "\"2026-01\""), kpi("K-2", "2026-02-02T09:00:00Z", "\"2026-01\"")}),
       kAsOf, {"KPI|1|too-many|unassigned|@2026-01-01T00:00:00+00:00 K-2"}},
  });
}

TEST_CASE("grouped by period: weeks, quarters and a block's lifetime", "[eval][v2.5][grouped]") {
  const std::string weekly = utc("term \"KPI\"\n  at least 1 kpi_report every week grouped by period\n");
  const std::string quarterly = utc("term \"KPI\"\n  at least 1 kpi_report every quarter grouped by period\n");
  // Weeks of 2026 begin Mon 01-05 (W02; W01 began 2025-12-29, before the effective start).
  check_cases({
      {"ISO weeks", weekly,
       events({kpi("K-1", "2026-01-12T08:00:00Z", "\"2026-W02\""), kpi("K-2", "2026-01-18T08:00:00Z", "\"2026-W03\"")}),
       "2026-01-19T00:00:00Z", {}},
      {"an ISO week that does not match is not counted", weekly,
       events({kpi("K-1", "2026-01-11T08:00:00Z", "\"2026-W3\"")}), "2026-01-12T00:00:00Z",
       {"KPI|1|too-few|unassigned|@2026-01-05T00:00:00+00:00"}},
      {"quarters", quarterly, events({kpi("K-1", "2026-04-02T08:00:00Z", "\"2026-Q1\"")}), "2026-04-02T09:00:00Z", {}},
      {"a block's lifetime selects the windows", utc(R"(term "KPI"
  effective 2026-02-01 to 2026-02-28
  at least 1 kpi_report every month grouped by period
)"),
       events({kpi("K-1", "2026-02-02T08:00:00Z", "\"2026-02\"")}), "2026-04-01T00:00:00Z", {}},
  });
}
