// V2.5 obligations per period: `every PERIOD requires Q [for the PERIOD] timing`. Every timing
// (after, within D after in plain units, business days and business hours, before, at least D
// before, within D before), every reason (missing, late, early, pending), business days counted
// from the window's last / first date, and `for the PERIOD` with every way of naming a window.
//
// 2026: Jan 1 Thu, Jan 31 Sat, Feb 1 Sun, Feb 28 Sat, Mar 31 Tue, Apr 1 Wed. Windows are written
// "@" + their start; a V2.5 finding lists only its target (there is no activation event).
#include "tests/unit/app/eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

std::string monthly(const std::string& timing, bool for_the = true) {
  return utc("term \"Report\"\n  every month requires report " + std::string(for_the ? "for the month " : "") + timing +
             "\n");
}

std::string report(const std::string& id, const std::string& at, const std::string& period = "") {
  return "{id: " + id + ", at: " + at + ", type: report" + (period.empty() ? "" : ", period: " + period) + "}";
}

// The same, done by Northwind.
std::string northwind(const std::string& id, const std::string& at, const std::string& period) {
  return "{id: " + id + ", at: " + at + ", type: report, by: Northwind, period: " + period + "}";
}

const pactum::eval::Finding& only_finding(const app::Session& s) {
  REQUIRE(s.outcome.findings.size() == 1);
  return s.outcome.findings.front();
}

std::string measure_text(const pactum::eval::Finding& f, const std::string& key) {
  for (const auto& m : f.measured)
    if (m.key == key) return m.text;
  return "(no " + key + ")";
}

const char* kJan = "@2026-01-01T00:00:00+00:00";
const char* kFeb = "@2026-02-01T00:00:00+00:00";
const char* kJanPending = "Report|1|pending|unassigned|@2026-01-01T00:00:00+00:00";
const char* kFebPending = "Report|1|pending|unassigned|@2026-02-01T00:00:00+00:00";

}  // namespace

// January: its last date is Sat 01-31, so `within 5 business days after` runs to Fri 02-06 24:00.
TEST_CASE("V2.5 within N business days after the month", "[eval][v2.5][after]") {
  const std::string t = monthly("within 5 business days after");
  auto f = [](const std::string& reason, const std::string& where) { return "Report|1|" + reason + "|unassigned|" + where; };
  check_cases({
      {"in time on the last day", t, events({report("R-1", "2026-02-06T23:59:00Z", "\"2026-01\"")}),
       "2026-02-07T00:00:00Z", {}},
      {"a minute after the deadline: late", t, events({report("R-1", "2026-02-07T00:01:00Z", "\"2026-01\"")}), "",
       {f("late", std::string(kJan) + " R-1")}},
      {"no report, deadline passed: missing", t, events({}), "2026-02-07T00:00:00Z", {f("missing", kJan)}},
      {"no report, deadline ahead: pending", t, events({}), "2026-02-06T23:59:59Z", {}, {kJanPending}},
      {"a month that has not ended owes nothing", t, events({}), "2026-01-31T23:59:59Z", {}},
      {"sent on the evening of the last day of the month: counts", t,
       events({report("R-1", "2026-01-31T20:00:00Z", "\"2026-01\"")}), "2026-02-10T00:00:00Z", {}},
      {"sent before the month began: does not serve", t,
       events({report("R-1", "2025-12-31T20:00:00Z", "\"2026-01\"")}), "2026-02-10T00:00:00Z", {f("missing", kJan)}},
      {"a report for another month does not serve", t, events({report("R-1", "2026-02-03T10:00:00Z", "\"2026-02\"")}),
       "2026-02-10T00:00:00Z", {f("missing", kJan)}},
      {"a report without a period serves no window", t, events({report("R-1", "2026-02-03T10:00:00Z")}),
       "2026-02-10T00:00:00Z", {f("missing", kJan)}},
      {"the first report settles the month: a second one does not help", t,
       events({report("R-1", "2026-02-09T10:00:00Z", "\"2026-01\""), report("R-2", "2026-02-10T10:00:00Z", "\"2026-01\"")}),
       "", {f("late", std::string(kJan) + " R-1")}},
      {"judged months and a pending one side by side", t,
       events({report("R-1", "2026-02-05T10:00:00Z", "\"2026-01\"")}), "2026-03-05T00:00:00Z", {}, {kFebPending}},
  });
}

TEST_CASE("V2.5 within D after in plain units and business hours", "[eval][v2.5][after]") {
  // The January anchor is Sun 02-01 00:00: 2 days later is 02-03 00:00; 4 business hours of the
  // agreement's mon-fri 09:00-17:00 start at Mon 02-02 09:00 and end at 13:00.
  const std::string days = monthly("within 2 days after");
  const std::string hours = monthly("within 4 business hours after");
  const std::string late = "Report|1|late|unassigned|@2026-01-01T00:00:00+00:00 R-1";
  check_cases({
      {"exactly at a plain deadline", days, events({report("R-1", "2026-02-03T00:00:00Z", "\"2026-01\"")}), "", {}},
      {"a second after a plain deadline", days, events({report("R-1", "2026-02-03T00:00:01Z", "\"2026-01\"")}), "",
       {late}},
      {"business hours count from the next opening", hours,
       events({report("R-1", "2026-02-02T13:00:00Z", "\"2026-01\"")}), "", {}},
      {"a minute after the business-hour deadline", hours,
       events({report("R-1", "2026-02-02T13:01:00Z", "\"2026-01\"")}), "", {late}},
  });
}

TEST_CASE("V2.5 after: missing only once the contract has ended", "[eval][v2.5][after]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-03-31
  timezone "UTC"
term "Report"
  every month requires report for the month after
)";
  const std::string jan = report("R-JAN", "2026-01-20T10:00:00Z", "\"2026-01\"");
  const std::string mar = report("R-MAR", "2026-03-31T10:00:00Z", "\"2026-03\"");
  check_cases({
      {"before the effective end: pending", t, events({jan}), "2026-03-15T00:00:00Z", {}, {kFebPending}},
      {"at the effective end: missing (the last month is owed too)", t, events({jan, mar}), "2026-04-01T00:00:00Z",
       {std::string("Report|1|missing|unassigned|") + kFeb}},
      {"a report long after its month still serves", t,
       events({jan, report("R-FEB", "2026-03-20T10:00:00Z", "\"2026-02\""), mar}), "2026-04-01T00:00:00Z", {}},
  });
}

TEST_CASE("V2.5 without `for`: any target serves, one target several windows", "[eval][v2.5][after]") {
  const std::string t = monthly("within 5 business days after", false);
  check_cases({
      {"a report during the month serves it", t, events({report("R-1", "2026-01-15T10:00:00Z")}),
       "2026-02-10T00:00:00Z", {}},
      // Mar 2 serves January (late: due 02-06), February (due 03-06) and March, which has begun.
      {"one report serves every month that has begun", t, events({report("R-1", "2026-03-02T10:00:00Z")}),
       "2026-04-01T00:00:00Z", {"Report|1|late|unassigned|@2026-01-01T00:00:00+00:00 R-1"}},
  });
}

// Q1 begins Thu 01-01: 5 business days before are Dec 31, 30, 29, 26, 25, so the forecast is due
// by 2025-12-25 24:00. Q2 begins Wed 04-01: Mar 31, 30, 27, 26, 25, due by 03-25 24:00.
TEST_CASE("V2.5 at least N business days before the quarter", "[eval][v2.5][before]") {
  const std::string t = utc("term \"Forecast\"\n  every quarter requires forecast for the quarter at least 5 business days before\n");
  auto forecast = [](const std::string& id, const std::string& at, const std::string& q) {
    return "{id: " + id + ", at: " + at + ", type: forecast, period: \"" + q + "\"}";
  };
  const std::string q1 = forecast("F-1", "2025-12-20T10:00:00Z", "2026-Q1");
  const std::string q2 = "Forecast|1|";
  const std::string w2 = "|unassigned|@2026-04-01T00:00:00+00:00";
  check_cases({
      {"both in time (Q1's before the effective start)", t,
       events({q1, forecast("F-2", "2026-03-20T10:00:00Z", "2026-Q2")}), "2026-04-01T00:00:00Z", {}},
      {"exactly at the limit", t, events({q1, forecast("F-2", "2026-03-26T00:00:00Z", "2026-Q2")}),
       "2026-04-01T00:00:00Z", {}},
      {"a second too late", t, events({q1, forecast("F-2", "2026-03-26T00:00:01Z", "2026-Q2")}),
       "2026-04-01T00:00:00Z", {q2 + "late" + w2 + " F-2"}},
      {"late names the earliest forecast, the largest notice", t,
       events({q1, forecast("F-2", "2026-03-27T10:00:00Z", "2026-Q2"), forecast("F-3", "2026-03-30T10:00:00Z", "2026-Q2")}),
       "2026-04-01T00:00:00Z", {q2 + "late" + w2 + " F-2"}},
      {"none: missing", t, events({q1}), "2026-04-01T00:00:00Z", {q2 + "missing" + w2}},
      {"a forecast for another quarter does not serve", t,
       events({q1, forecast("F-3", "2026-03-01T10:00:00Z", "2026-Q3")}), "2026-04-01T00:00:00Z", {q2 + "missing" + w2}},
      {"a forecast after the quarter began does not count", t,
       events({q1, forecast("F-2", "2026-04-02T10:00:00Z", "2026-Q2")}), "2026-04-05T00:00:00Z",
       {q2 + "missing" + w2}},
      {"a quarter that begins after as-of is not judged", t, events({q1}), "2026-03-31T23:59:59Z", {}},
  });
}

TEST_CASE("V2.5 before and within D before", "[eval][v2.5][before]") {
  auto plan = [](const std::string& id, const std::string& at, const std::string& month) {
    return "{id: " + id + ", at: " + at + ", type: plan, period: \"" + month + "\"}";
  };
  auto rule = [](const std::string& timing) {
    return utc("term \"Plan\"\n  every month requires plan for the month " + timing + "\n");
  };
  const std::string jan = plan("P-1", "2025-12-30T10:00:00Z", "2026-01");
  const std::string feb = "Plan|1|early|unassigned|@2026-02-01T00:00:00+00:00 ";
  // January and February begin at 01-01 00:00 (the judged start) and 02-01 00:00 (= as-of).
  const std::string as_of = "2026-02-01T00:00:00Z";
  check_cases({
      {"before: at the very start of the month (equal times)", rule("before"),
       events({jan, plan("P-2", "2026-02-01T00:00:00Z", "2026-02")}), as_of, {}},
      {"before: none for January", rule("before"), events({plan("P-2", "2026-01-15T00:00:00Z", "2026-02")}), as_of,
       {"Plan|1|missing|unassigned|@2026-01-01T00:00:00+00:00"}},
      // within 3 days before February: from 01-29 00:00.
      {"within 3 days before: exactly at the limit", rule("within 3 days before"),
       events({jan, plan("P-2", "2026-01-29T00:00:00Z", "2026-02")}), as_of, {}},
      {"within 3 days before: a minute too early", rule("within 3 days before"),
       events({jan, plan("P-2", "2026-01-28T23:59:00Z", "2026-02")}), as_of, {feb + "P-2"}},
      {"within 3 days before: the latest plan counts", rule("within 3 days before"),
       events({jan, plan("P-2", "2026-01-10T00:00:00Z", "2026-02"), plan("P-3", "2026-01-30T00:00:00Z", "2026-02")}),
       as_of, {}},
      {"within 3 days before: early names the most recent plan", rule("within 3 days before"),
       events({jan, plan("P-2", "2026-01-10T00:00:00Z", "2026-02"), plan("P-3", "2026-01-20T00:00:00Z", "2026-02")}),
       as_of, {feb + "P-3"}},
      // within 2 business days before Sun 02-01: Fri 01-30 (1), Thu 01-29 (2): from 01-29 00:00.
      // January: Wed 12-31 (1), Tue 12-30 (2): from 12-30 00:00.
      {"within 2 business days before: in time", rule("within 2 business days before"),
       events({jan, plan("P-2", "2026-01-29T00:00:00Z", "2026-02")}), as_of, {}},
      {"within 2 business days before: early", rule("within 2 business days before"),
       events({jan, plan("P-2", "2026-01-28T23:00:00Z", "2026-02")}), as_of, {feb + "P-2"}},
      // at least 48 hours before February: by 01-30 00:00.
      {"at least 48 hours before: in time", rule("at least 48 hours before"),
       events({plan("P-1", "2025-12-30T00:00:00Z", "2026-01"), plan("P-2", "2026-01-30T00:00:00Z", "2026-02")}), as_of,
       {}},
      {"at least 48 hours before: late", rule("at least 48 hours before"),
       events({plan("P-1", "2025-12-30T00:00:00Z", "2026-01"), plan("P-2", "2026-01-30T00:01:00Z", "2026-02")}), as_of,
       {"Plan|1|late|unassigned|@2026-02-01T00:00:00+00:00 P-2"}},
  });
}

// Northwind's holiday on Tue 03-03 moves February's 5th business day from Fri 03-06 to Mon 03-09.
TEST_CASE("V2.5 the 5th business day of the following month, with a holiday", "[eval][v2.5][after]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
  holidays 2026-03-03
term "Report"
  every month requires report by Northwind for the month within 5 business days after
)";
  const std::string jan = northwind("R-JAN", "2026-02-02T10:00:00Z", "\"2026-01\"");
  check_cases({
      {"on the 5th business day", t, events({jan, northwind("R-FEB", "2026-03-09T20:00:00Z", "\"2026-02\"")}),
       "2026-03-10T00:00:00Z", {}},
      {"after it", t, events({jan, northwind("R-FEB", "2026-03-10T00:00:01Z", "\"2026-02\"")}), "",
       {"Report|1|late|Northwind|@2026-02-01T00:00:00+00:00 R-FEB"}},
  });
  auto s = run(t, events({jan, northwind("R-FEB", "2026-03-10T00:00:01Z", "\"2026-02\"")}));
  const auto& f = only_finding(*s);
  CHECK(measure_text(f, "deadline") == "2026-03-10T00:00:00+00:00");
  CHECK(f.at == instant("2026-03-01T00:00:00Z"));  // the anchor: the window's end
  CHECK(f.message.find("February 2026") != std::string::npos);
}

// March ends Tue 03-31; 5 business days after: Apr 1, 2, 3, 6, 7 (due 04-07 24:00).
TEST_CASE("V2.5 a late March report is a finding of April", "[eval][v2.5][after]") {
  auto s = run(monthly("within 5 business days after"),
               events({report("R-JAN", "2026-02-02T10:00:00Z", "\"2026-01\""), report("R-FEB", "2026-03-02T10:00:00Z", "\"2026-02\""),
                       report("R-MAR", "2026-04-09T10:00:00Z", "\"2026-03\"")}));
  const auto& f = only_finding(*s);
  CHECK(f.reason == "late");
  CHECK(f.at == instant("2026-04-01T00:00:00Z"));
  REQUIRE(f.window);
  CHECK(f.window->start == instant("2026-03-01T00:00:00Z"));
  CHECK(f.window->end == instant("2026-04-01T00:00:00Z"));
  CHECK(measure_text(f, "deadline") == "2026-04-08T00:00:00+00:00");
}

// Business days count from the window's last date as written in the agreement zone (Honolulu,
// where March ends on the 31st), in the calendar's own dates (Tokyo): the 1st business day after
// 03-31 is Wed 04-01, due 04-01 24:00 JST = 15:00 UTC, only 5 hours after the anchor (04-01
// 00:00 HST = 10:00 UTC). Counting from the anchor's Tokyo date would give 04-02 24:00 JST.
TEST_CASE("V2.5 business days after the agreement-zone last date, in the calendar's dates", "[eval][v2.5][after]") {
  const std::string t = R"(
agreement "T"
  effective 2026-03-01 to 2026-12-31
  timezone "Pacific/Honolulu"
party Northwind
  timezone "Asia/Tokyo"
term "Report"
  every month requires report by Northwind for the month within 1 business days after
)";
  check_cases({
      {"in time", t, events({northwind("R-1", "2026-04-01T14:59:00Z", "\"2026-03\"")}), "", {}},
      {"late", t, events({northwind("R-1", "2026-04-01T15:01:00Z", "\"2026-03\"")}), "",
       {"Report|1|late|Northwind|@2026-03-01T00:00:00-10:00 R-1"}},
  });
}

// `for the PERIOD`: each way of naming a window. The agreement's effective period is exactly
// one window of the rule; the report comes an hour into it; as-of is the effective end, so an
// unserved window is `missing`.
TEST_CASE("V2.5 for the PERIOD: naming a window", "[eval][v2.5][for]") {
  struct Naming {
    const char* period;  // the rule's period
    const char* from;    // the effective period: exactly one window
    const char* to;
    const char* value;   // the report's `period`, as YAML
    bool serves;
  };
  const std::vector<Naming> namings = {
      {"year", "2026-01-01", "2026-12-31", "2026", true},  // the number
      {"year", "2026-01-01", "2026-12-31", "\"2026\"", true},
      {"year", "2026-01-01", "2026-12-31", "2026-06-15", true},  // a date inside
      {"year", "2026-01-01", "2026-12-31", "\"2026-06-15T10:00:00Z\"", true},
      {"year", "2026-01-01", "2026-12-31", "\"2026-01\"", false},
      {"year", "2026-01-01", "2026-12-31", "2025", false},
      {"year", "2026-01-01", "2026-12-31", "2026.5", false},
      {"quarter", "2026-04-01", "2026-06-30", "\"2026-Q2\"", true},
      {"quarter", "2026-04-01", "2026-06-30", "\"2026-q2\"", false},  // upper case only
      {"quarter", "2026-04-01", "2026-06-30", "\"2026-Q1\"", false},
      {"quarter", "2026-04-01", "2026-06-30", "2026-05-20", true},
      {"quarter", "2026-04-01", "2026-06-30", "\"2026-05\"", false},
      {"quarter", "2026-04-01", "2026-06-30", "2026", false},
      {"month", "2026-03-01", "2026-03-31", "\"2026-03\"", true},
      {"month", "2026-03-01", "2026-03-31", "\"2026-3\"", false},
      {"month", "2026-03-01", "2026-03-31", "\"2026-13\"", false},
      {"month", "2026-03-01", "2026-03-31", "2026-03-31", true},
      {"month", "2026-03-01", "2026-03-31", "\"2026-03-31T23:30:00Z\"", true},
      {"month", "2026-03-01", "2026-03-31", "\"2026-03-31T23:30:00\"", true},        // agreement zone
      {"month", "2026-03-01", "2026-03-31", "\"2026-03-31T23:30:00-05:00\"", false},  // April in UTC
      {"month", "2026-03-01", "2026-03-31", "\"March 2026\"", false},
      {"week", "2026-03-09", "2026-03-15", "\"2026-W11\"", true},
      {"week", "2026-03-09", "2026-03-15", "\"2026-W1\"", false},
      {"week", "2026-03-09", "2026-03-15", "\"2026-W10\"", false},
      {"week", "2026-03-09", "2026-03-15", "2026-03-15", true},  // a Sunday: still week 11
      // 2026 has 53 ISO weeks: W53 is Mon 2026-12-28 to Sun 2027-01-03; 2027-W01 starts 01-04.
      {"week", "2026-12-28", "2027-01-03", "\"2026-W53\"", true},
      {"week", "2026-12-28", "2027-01-03", "\"2027-W01\"", false},
      {"week", "2026-12-28", "2027-01-03", "2027-01-03", true},
      {"week", "2027-01-04", "2027-01-10", "\"2027-W01\"", true},
      {"week", "2027-01-04", "2027-01-10", "\"2026-W53\"", false},
      {"week", "2027-01-04", "2027-01-10", "\"2027-W53\"", false},  // 2027 has 52 weeks
      {"day", "2026-03-15", "2026-03-15", "\"2026-03-15\"", true},
      {"day", "2026-03-15", "2026-03-15", "2026-03-15", true},
      {"day", "2026-03-15", "2026-03-15", "\"2026-03-15T12:00:00+01:00\"", true},
      {"day", "2026-03-15", "2026-03-15", "\"2026-03-16\"", false},
      {"day", "2026-03-15", "2026-03-15", "\"2026-W11\"", false},
      // `N months` windows: ISO text names one when it spans exactly that window.
      {"3 months", "2026-04-01", "2026-06-30", "\"2026-Q2\"", true},
      {"3 months", "2026-04-01", "2026-06-30", "\"2026-04\"", false},
  };
  for (const auto& n : namings) {
    std::string terms = std::string("agreement \"T\"\n  effective ") + n.from + " to " + n.to +
                        "\n  timezone \"UTC\"\nterm \"R\"\n  every " + n.period + " requires report for the period after\n";
    std::string log = events({"{id: R-1, at: " + std::string(n.from) + "T01:00:00Z, type: report, period: " + n.value + "}"});
    // as-of: 24:00 of the last day, so that the window is complete and the contract over.
    auto s = run(terms, log, format_instant(instant(std::string(n.to) + "T00:00:00Z") + date::days{1}, find_zone("UTC")));
    INFO("every " << n.period << ", period: " << n.value);
    std::string want = n.serves ? "" : "R|1|missing|unassigned|@" + format_instant(instant(std::string(n.from) + "T00:00:00Z"), find_zone("UTC")) + "\n";
    CHECK(dump_findings(*s) == want);
    CHECK(dump_pending(*s).empty());
  }
}

// One the rule cannot read is an input warning (it serves nothing), like `grouped by period`.
TEST_CASE("V2.5 for the PERIOD: a target that names no window is warned about", "[eval][v2.5][for]") {
  auto s = run(monthly("within 5 business days after"),
               events({report("R-1", "2026-02-03T10:00:00Z"), report("R-2", "2026-02-04T10:00:00Z", "\"2026-Q1\""),
                       report("R-3", "2026-02-05T10:00:00Z", "\"2026-01\"")}));
  std::string w = warnings_text(*s);
  CHECK(w.find("report R-1: no `period` attribute; it serves no window of rule 1 of \"Report\"") != std::string::npos);
  CHECK(w.find("report R-2: `period` \"2026-Q1\" names no month") != std::string::npos);
  CHECK(w.find("R-3") == std::string::npos);
  CHECK(dump_findings(*s).empty());
}

// Findings sort by time, then block and rule (spec 6); a finding without events would come after
// those of its block and rule that have one. All three are findings of 02-01, the anchor.
TEST_CASE("V2.5 findings at one anchor sort by block and rule", "[eval][v2.5]") {
  const std::string t = utc(R"(term "Report"
  every month requires report for the month within 5 business days after
  every month requires summary within 5 business days after
term "Review"
  every month requires review for the month within 5 business days after
)");
  // Rule 1: late (with its report), rule 2: missing (no event), both at 02-01; Review: missing.
  auto s = run(t, events({report("R-1", "2026-02-09T10:00:00Z", "\"2026-01\"")}), "2026-02-10T00:00:00Z");
  CHECK(dump_findings(*s) == lines({"Report|1|late|unassigned|@2026-01-01T00:00:00+00:00 R-1",
                                    "Report|2|missing|unassigned|@2026-01-01T00:00:00+00:00",
                                    "Review|1|missing|unassigned|@2026-01-01T00:00:00+00:00"}));
  for (const auto& f : s->outcome.findings) CHECK(f.at == instant("2026-02-01T00:00:00Z"));
}

TEST_CASE("V2.5 responsible: the target's by, else the block's, else unassigned", "[eval][v2.5]") {
  auto missing = [](const std::string& block_lines) {
    auto s = run(utc("term \"R\"\n" + block_lines), events({}), "2026-02-10T00:00:00Z");
    REQUIRE(!s->outcome.findings.empty());
    return join(s->outcome.findings.front().responsible, ",");
  };
  CHECK(missing("  responsible Acme\n  every month requires report by Northwind within 1 days after\n") == "Northwind");
  CHECK(missing("  responsible Acme, Northwind\n  every month requires report within 1 days after\n") == "Acme,Northwind");
  CHECK(missing("  every month requires report within 1 days after\n") == "unassigned");
}

// V2.1 with V2.5: `within 0 business days after` the month is due by 24:00 of its last date when
// that is a business day (Tue 03-31: the window's end itself), else of the next business day
// (Sat 01-31: Mon 02-02 24:00).
TEST_CASE("V2.5 within 0 business days after: the same business day", "[eval][v2.5][after]") {
  const std::string t = monthly("within 0 business days after");
  const std::string late_jan = "Report|1|late|unassigned|@2026-01-01T00:00:00+00:00 R-1";
  const std::string late_mar = "Report|1|late|unassigned|@2026-03-01T00:00:00+00:00 R-3";
  const std::string feb = report("R-2", "2026-03-01T12:00:00Z", "\"2026-02\"");  // Feb 28 is a Saturday
  check_cases({
      {"January by Monday", t, events({report("R-1", "2026-02-02T23:59:00Z", "\"2026-01\"")}), "2026-02-03T00:00:00Z", {}},
      {"January on Tuesday", t, events({report("R-1", "2026-02-03T00:01:00Z", "\"2026-01\"")}), "", {late_jan}},
      {"March by its last day", t,
       events({report("R-1", "2026-02-02T10:00:00Z", "\"2026-01\""), feb, report("R-3", "2026-03-31T23:59:00Z", "\"2026-03\"")}),
       "2026-04-01T00:00:00Z", {}},
      {"March on 1 April", t,
       events({report("R-1", "2026-02-02T10:00:00Z", "\"2026-01\""), feb, report("R-3", "2026-04-01T00:01:00Z", "\"2026-03\"")}),
       "", {late_mar}},
  });
}

// V2.1: a `period` date-time without an offset is read in the log's `timezone:`. 23:30 New York
// time on 31 March is 03:30 UTC on 1 April: April's, in this UTC agreement.
TEST_CASE("V2.5 a period date-time without offset is read in the log's zone", "[eval][v2.5][for]") {
  const std::string t = R"(
agreement "T"
  effective 2026-03-01 to 2026-03-31
  timezone "UTC"
term "R"
  every month requires report for the month after
)";
  auto log = [](const std::string& zone) {
    return "timezone: \"" + zone + "\"\nevents:\n  - {id: R-1, at: 2026-03-10T10:00:00Z, type: report, period: \"2026-03-31T23:30:00\"}\n";
  };
  check_cases({
      {"in UTC: March", t, log("UTC"), "2026-04-01T00:00:00Z", {}},
      {"in New York: April", t, log("America/New_York"), "2026-04-01T00:00:00Z",
       {"R|1|missing|unassigned|@2026-03-01T00:00:00+00:00"}},
  });
}
