// V2.3 share of events: `at least|at most X% of P have C every PERIOD [small]`. Exact
// comparison, the small-sample clause, empty and incomplete windows, window edges (DST days in
// New York), the 100-event cap, measured values and responsibility.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string expectation(const std::string& rule, const std::string& options = "") {
  return utc("expectation \"S\"\n" + options + "  " + rule + "\n");
}

// A call with a wait time (and an optional extra attribute text).
std::string call(const std::string& id, const std::string& at, int wait, const std::string& extra = "") {
  return "{id: " + id + ", at: " + at + ", type: call, wait_s: " + std::to_string(wait) + extra + "}";
}

// `n` calls on 2026-01-DAY at 10:00 + k minutes, the first `slow` of them slow (wait 30), the
// rest quick (wait 5); ids PREFIX-1 ...
std::vector<std::string> calls(const std::string& prefix, int day, int n, int slow) {
  std::vector<std::string> out;
  char date[32];
  for (int k = 0; k < n; ++k) {
    std::snprintf(date, sizeof date, "2026-01-%02dT%02d:%02d:00Z", day, 10 + k / 60, k % 60);
    out.push_back(call(prefix + "-" + std::to_string(k + 1), date, k < slow ? 30 : 5));
  }
  return out;
}

std::string ids(const std::string& prefix, int from, int to) {
  std::string out;
  for (int k = from; k <= to; ++k) out += (k > from ? "," : "") + prefix + "-" + std::to_string(k);
  return out;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const char* kFeb = "2026-02-01T00:00:00Z";  // January is complete, February not judged

}  // namespace

TEST_CASE("V2.3 share of events: exact comparison", "[eval][share][events]") {
  const std::string at_least_80 = expectation("at least 80% of call have wait_s <= 20 every month");
  const std::string at_least_70 = expectation("at least 70% of call have wait_s <= 20 every month");
  const std::string at_least_71 = expectation("at least 71% of call have wait_s <= 20 every month");
  const std::string at_least_995 = expectation("at least 99.5% of call have wait_s <= 20 every month");
  const std::string at_most_10 = expectation("at most 10% of call have wait_s > 20 every month");
  const std::string at_least_6667 = expectation("at least 66.67% of call have wait_s <= 20 every month");
  check_cases({
      {"4 of 5 is exactly 80%: holds", at_least_80, events(calls("C", 5, 5, 1)), kFeb, {}},
      {"3 of 5 is 60%: below 80", at_least_80, events(calls("C", 5, 5, 2)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1,C-2"}},
      {"7 of 10 is exactly 70%: holds at 70", at_least_70, events(calls("C", 5, 10, 3)), kFeb, {}},
      {"7 of 10 is below 71%", at_least_71, events(calls("C", 5, 10, 3)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1,C-2,C-3"}},
      {"199 of 200 is exactly 99.5%: holds", at_least_995, events(calls("C", 5, 200, 1)), kFeb, {}},
      {"198 of 200 is 99%: below 99.5", at_least_995, events(calls("C", 5, 200, 2)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1,C-2"}},
      {"2 of 3 is 66.666...: below 66.67 (no rounding)", at_least_6667, events(calls("C", 5, 3, 1)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1"}},
      {"at most: 1 of 10 is exactly 10%: holds", at_most_10, events(calls("C", 5, 10, 1)), kFeb, {}},
      {"at most: 2 of 10 is above 10%", at_most_10, events(calls("C", 5, 10, 2)), kFeb,
       {"S|1|above-target|unassigned|@2026-01-01T00:00:00+00:00 C-1,C-2"}},
      {"at most: 1 of 3 is above 10%", at_most_10, events(calls("C", 5, 3, 1)), kFeb,
       {"S|1|above-target|unassigned|@2026-01-01T00:00:00+00:00 C-1"}},
      {"at most 0%: one is too many", expectation("at most 0% of call have wait_s > 20 every month"),
       events(calls("C", 5, 50, 1)), kFeb, {"S|1|above-target|unassigned|@2026-01-01T00:00:00+00:00 C-1"}},
      {"at least 100%: holds only when every case has C", expectation("at least 100% of call have wait_s <= 20 every month"),
       events(calls("C", 5, 50, 0)), kFeb, {}},
  });
}

TEST_CASE("V2.3 share of events: which events are cases", "[eval][share][events]") {
  const std::string t = expectation("at least 50% of call where queue = \"sales\" have wait_s <= 20 every month");
  check_cases({
      {"only events matching P are cases", t,
       events({call("A", "2026-01-05T10:00:00Z", 30, ", queue: sales"), call("B", "2026-01-05T11:00:00Z", 30, ", queue: support"),
               call("C", "2026-01-05T12:00:00Z", 5, ", queue: sales")}),
       kFeb, {}},
      {"a missing attribute makes C false: the case counts against `at least`", t,
       events({"{id: A, at: 2026-01-05T10:00:00Z, type: call, queue: sales}", call("B", "2026-01-05T11:00:00Z", 30, ", queue: sales"),
               call("C", "2026-01-05T12:00:00Z", 5, ", queue: sales")}),
       kFeb, {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 A,B"}},
      {"a missing attribute makes C false: not against `at most`",
       expectation("at most 0% of call have wait_s > 20 every month"),
       events({"{id: A, at: 2026-01-05T10:00:00Z, type: call}", call("B", "2026-01-05T11:00:00Z", 5)}), kFeb, {}},
  });
}

TEST_CASE("V2.3 share of events: the small-sample clause", "[eval][share][events][small]") {
  // 50% with "at most 0 failed when fewer than 3 cases": with N < 3 the count decides, whatever
  // the share; from N = 3 on the share decides.
  const std::string t = expectation("at least 50% of call have wait_s <= 20 every month or at most 0 failed when fewer than 3 cases");
  const std::string lenient = expectation("at least 90% of call have wait_s <= 20 every month or at most 2 failed when fewer than 4 cases");
  check_cases({
      {"N=2 < 3, F=1 > 0: fails although the share is 50%", t, events(calls("C", 5, 2, 1)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1"}},
      {"N=2 < 3, F=0: holds", t, events(calls("C", 5, 2, 0)), kFeb, {}},
      {"N=3: the share decides (1 of 3 failed: 66.7% >= 50)", t, events(calls("C", 5, 3, 1)), kFeb, {}},
      {"N=3: the share decides (2 of 3 failed: 33.3% < 50)", t, events(calls("C", 5, 3, 2)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1,C-2"}},
      {"N=3 < 4, F=2 <= 2: holds although the share is 33%", lenient, events(calls("C", 5, 3, 2)), kFeb, {}},
      {"N=3 < 4, F=3 > 2: fails", lenient, events(calls("C", 5, 3, 3)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1,C-2,C-3"}},
      {"N=4: the share decides (3 of 4 = 75% < 90)", lenient, events(calls("C", 5, 4, 1)), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C-1"}},
  });
}

TEST_CASE("V2.3 share of events: windows", "[eval][share][events][windows]") {
  const std::string month = expectation("at least 100% of call have wait_s <= 20 every month");
  const std::string week = expectation("at least 100% of call have wait_s <= 20 every week");
  const std::string ny_day = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
expectation "S"
  at least 100% of call have wait_s <= 20 every day
)";
  check_cases({
      {"no case in a window: nothing to judge", month, events({call("C", "2026-02-10T10:00:00Z", 5)}), "2026-03-01T00:00:00Z", {}},
      {"the window in progress at as-of is not judged", month, events({call("C", "2026-02-10T10:00:00Z", 30)}),
       "2026-02-28T23:59:59Z", {}},
      {"start inclusive", month, events({call("C", "2026-02-01T00:00:00Z", 30)}), "2026-03-01T00:00:00Z",
       {"S|1|below-target|unassigned|@2026-02-01T00:00:00+00:00 C"}},
      {"end exclusive", month, events({call("C", "2026-01-31T23:59:59.999Z", 30)}), "2026-03-01T00:00:00Z",
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C"}},
      // The week of Mon 2025-12-29 began before the effective start: incomplete, not judged.
      {"the incomplete first week is not judged", week, events({call("C", "2026-01-02T10:00:00Z", 30)}),
       "2026-01-12T00:00:00Z", {}},
      {"events before the effective start are not cases", month,
       events({call("C0", "2025-12-31T23:00:00Z", 30), call("C1", "2026-01-05T10:00:00Z", 5)}), kFeb, {}},
      {"events after as-of are invisible", month,
       events({call("C1", "2026-01-05T10:00:00Z", 5), call("C2", "2026-01-31T10:00:00Z", 30)}), "2026-01-31T09:00:00Z", {}},
      // 2026-03-08 is 23 hours long in New York (02:00 EST -> 03:00 EDT); 2026-11-01 is 25 hours.
      {"DST spring day: 23:30 EDT is still 03-08", ny_day,
       events({call("C1", "2026-03-08T23:30:00-04:00", 30), call("C2", "2026-03-09T00:00:00-04:00", 5)}),
       "2026-03-10T00:00:00-04:00", {"S|1|below-target|unassigned|@2026-03-08T00:00:00-05:00 C1"}},
      {"DST spring day: 01:59 EST and 03:00 EDT are one day", ny_day,
       events({call("C1", "2026-03-08T01:59:00-05:00", 30), call("C2", "2026-03-08T03:00:00-04:00", 30)}),
       "2026-03-09T00:00:00-04:00", {"S|1|below-target|unassigned|@2026-03-08T00:00:00-05:00 C1,C2"}},
      {"DST autumn day: the repeated 01:30 (EDT, then EST) and 23:59 are all 11-01", ny_day,
       events({call("C1", "2026-11-01T01:30:00-04:00", 30), call("C2", "2026-11-01T01:30:00-05:00", 30),
               call("C3", "2026-11-01T23:59:00-05:00", 30)}),
       "2026-11-02T00:00:00-05:00", {"S|1|below-target|unassigned|@2026-11-01T00:00:00-04:00 C1,C2,C3"}},
  });
}

TEST_CASE("V2.3 share of events: a block's effective span (V2.7)", "[eval][share][events][windows]") {
  const std::string month = expectation("at least 100% of call have wait_s <= 20 every month", "  effective 2026-02-01 to 2026-02-28\n");
  const std::string days = expectation("at least 100% of call have wait_s <= 20 every 10 days", "  effective 2026-01-05 to 2026-01-24\n");
  check_cases({
      {"only windows inside the span are judged", month,
       events({call("C1", "2026-01-10T10:00:00Z", 30), call("C2", "2026-02-10T10:00:00Z", 30),
               call("C3", "2026-03-10T10:00:00Z", 30)}),
       "2026-04-01T00:00:00Z", {"S|1|below-target|unassigned|@2026-02-01T00:00:00+00:00 C2"}},
      {"N-day windows start at the span's first day", days,
       events({call("C1", "2026-01-04T10:00:00Z", 30), call("C2", "2026-01-14T23:00:00Z", 30),
               call("C3", "2026-01-15T00:00:00Z", 30), call("C4", "2026-01-26T10:00:00Z", 30)}),
       "2026-02-10T00:00:00Z",
       {"S|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 C2",
        "S|1|below-target|unassigned|@2026-01-15T00:00:00+00:00 C3"}},
  });
}

TEST_CASE("V2.3 share of events: responsibility", "[eval][share][events]") {
  check_cases({
      {"the block's responsible", expectation("at least 100% of call by Acme have wait_s <= 20 every month", "  responsible Northwind\n"),
       events({call("C", "2026-01-05T10:00:00Z", 30, ", by: Acme")}), kFeb,
       {"S|1|below-target|Northwind|@2026-01-01T00:00:00+00:00 C"}},
      {"else the pattern's by", expectation("at least 100% of call by Acme have wait_s <= 20 every month"),
       events({call("C", "2026-01-05T10:00:00Z", 30, ", by: Acme")}), kFeb,
       {"S|1|below-target|Acme|@2026-01-01T00:00:00+00:00 C"}},
      {"else unassigned (not the events' by)", expectation("at least 100% of call have wait_s <= 20 every month"),
       events({call("C", "2026-01-05T10:00:00Z", 30, ", by: Acme")}), kFeb,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 C"}},
  });
}

TEST_CASE("V2.3 share of events: at most 100 events cited, all counted", "[eval][share][events][cap]") {
  // 150 slow calls of 160, given in reverse time order in the log: the finding cites the first
  // 100 in time order; `measured` has every count.
  auto all = calls("C", 6, 160, 150);
  std::vector<std::string> reversed(all.rbegin(), all.rend());
  auto s = run(expectation("at least 95% of call have wait_s <= 20 every month"), events(reversed), kFeb);
  REQUIRE(s->outcome.findings.size() == 1);
  CHECK(dump_findings(*s) == lines({"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 " + ids("C", 1, 100)}));
  CHECK(dump_measured(*s) == lines({"below-target cases=160 failed=150 share=6.25 target=95"}));
}

TEST_CASE("V2.3 share of events: measured values and message", "[eval][share][events]") {
  struct Row {
    const char* name;
    std::string rule;
    std::vector<std::string> log;
    std::string measured;
    std::string message_part;
  };
  std::vector<Row> rows{
      {"at least", "at least 80% of call have wait_s <= 20 every month", calls("C", 5, 10, 3),
       "below-target cases=10 failed=3 share=70 target=80", "only 7 of 10 `call` events had `wait_s <= 20` in January 2026 (70%)"},
      {"at most", "at most 10% of call have wait_s > 20 every month", calls("C", 5, 3, 1),
       "above-target cases=3 failed=1 share=33.3333 target=10", "1 of 3 `call` events had `wait_s > 20` in January 2026 (33.33%)"},
      {"small sample", "at least 10% of call have wait_s <= 20 every month or at most 1 failed when fewer than 5 cases",
       calls("C", 5, 4, 2), "below-target cases=4 failed=2 share=50 target=10",
       "2 of 4 `call` events did not have `wait_s <= 20` in January 2026 (so 50% did); with fewer than 5 cases the "
       "agreement tolerates at most 1"},
      // 2 of 3 = 66.666...% shown to two places must not read as reaching 66.67%.
      {"a share is never shown on the target's side", "at least 66.67% of call have wait_s <= 20 every month",
       calls("C", 5, 3, 1), "below-target cases=3 failed=1 share=66.6667 target=66.67", "(66.66%)"},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    auto s = run(expectation(row.rule), events(row.log), kFeb);
    CHECK(dump_measured(*s) == lines({row.measured}));
    REQUIRE(s->outcome.findings.size() == 1);
    CHECK_THAT(s->outcome.findings[0].message, Catch::Contains(row.message_part));
  }
}

TEST_CASE("V2.3 share of events: windows judged and failed for never-met", "[eval][share][events][never-met]") {
  // Three complete months: January fails, February has no case, March holds.
  auto s = run(expectation("at least 80% of call have wait_s <= 20 every month"),
               events(concat(calls("C", 5, 5, 2), {call("M", "2026-03-05T10:00:00Z", 5)})), "2026-04-01T00:00:00Z");
  REQUIRE(s->outcome.periodic.size() == 1);
  const auto& p = s->outcome.periodic[0];
  CHECK(p.judged_windows == 2);  // the empty February is not judged
  CHECK(p.failed_windows == 1);
  REQUIRE(p.best_value);
  CHECK(*p.best_value == Approx(100));
}

TEST_CASE("V2.3 share of events: never-met through the check", "[eval][share][events][never-met]") {
  auto never_met = [](const pactum::app::Session& s) {
    std::string out;
    for (const auto& d : s.lint)
      if (d.code == "never-met") out += d.message + "\n";
    return out;
  };
  const std::string t = expectation("at least 80% of call have wait_s <= 20 every month");
  // January 3 of 5 (60%) and March 1 of 2 (50%) fail; February has no call: not judged.
  auto all_failed = run(t, events(concat(calls("C", 5, 5, 2), {call("M1", "2026-03-05T10:00:00Z", 30),
                                                               call("M2", "2026-03-06T10:00:00Z", 5)})),
                        "2026-04-01T00:00:00Z");
  CHECK(never_met(*all_failed) ==
        "expectation \"S\" was never met: `at least 80% of call have wait_s <= 20 every month` failed in all 2 judged "
        "months; the best share seen in a month was 60%\n");
  auto once_met = run(t, events(concat(calls("C", 5, 5, 2), {call("M1", "2026-03-05T10:00:00Z", 5)})),
                      "2026-04-01T00:00:00Z");
  CHECK(never_met(*once_met) == "");
}

TEST_CASE("V2.3 share of events: grouped by period (V2.5)", "[eval][share][events][grouped]") {
  // Figures for a month, sent after it: each counts in the month its `period` names.
  const std::string t = expectation("at least 100% of survey have score >= 4 every month grouped by period");
  auto survey = [](const std::string& id, const std::string& at, const std::string& period, int score) {
    return "{id: " + id + ", at: " + at + ", type: survey, score: " + std::to_string(score) +
           (period.empty() ? "" : ", period: " + period) + "}";
  };
  const char* as_of = "2026-03-01T00:00:00Z";
  check_cases({
      {"a January figure sent on 1 February is January's", t,
       events({survey("S1", "2026-02-01T09:00:00Z", "\"2026-01\"", 2), survey("S2", "2026-02-10T09:00:00Z", "\"2026-02\"", 5)}),
       as_of, {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 S1"}},
      {"sent before the effective start, it counts toward the month it names", t,
       events({survey("S0", "2025-12-30T09:00:00Z", "\"2026-01\"", 1)}), as_of,
       {"S|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 S0"}},
      {"a figure without a period counts nowhere", t, events({survey("S1", "2026-01-10T09:00:00Z", "", 1)}), as_of, {}},
      {"naming a month that is not judged counts nowhere", t,
       events({survey("S1", "2026-02-10T09:00:00Z", "\"2026-03\"", 1)}), as_of, {}},
  });
  auto s = run(t, events({survey("S1", "2026-01-10T09:00:00Z", "", 1)}), as_of);
  CHECK_THAT(warnings_text(*s), Catch::Contains("survey S1: no `period` attribute; it is not counted by rule 1 of \"S\""));
}
