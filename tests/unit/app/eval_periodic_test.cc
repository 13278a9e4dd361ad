// Spec 5.3 (at least N per period, tolerated misses), 5.4 (at most) and 5.6 (aggregates):
// calendar windows in the agreement timezone, N-day/week/month windows anchored at the
// effective start, only complete windows inside the judged interval.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string block(const std::string& rule) { return utc("term \"P\"\n  " + rule + "\n"); }

std::string m(const std::string& id, const std::string& at, const std::string& extra = "") {
  return "{id: " + id + ", at: " + at + ", type: meeting" + extra + "}";
}

std::string k(const std::string& id, const std::string& at, const std::string& value) {
  return "{id: " + id + ", at: " + at + ", type: kpi, value: " + value + "}";
}

}  // namespace

TEST_CASE("5.3 at least N per calendar period", "[eval][periodic]") {
  const std::string week = block("at least 1 meeting every week");
  const std::string week2 = block("at least 2 meeting every week");
  const std::string day = block("at least 1 meeting every day");
  const std::string month = block("at least 1 meeting every month");
  const std::string quarter = block("at least 1 meeting every quarter");
  const std::string year = block("at least 1 meeting every year");
  const std::string ny_day = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
term "P"
  at least 1 meeting every day
)";
  check_cases({
      // From Thu 01-01: the week of Mon 12-29 is incomplete; weeks of 01-05, 01-12, 01-19 are complete by 01-26.
      {"weekly: every complete week judged, the missing one reported", week,
       events({m("M-1", "2026-01-06T10:00:00Z"), m("M-2", "2026-01-20T10:00:00Z")}), "2026-01-26T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-12T00:00:00+00:00"}},
      {"weekly: the incomplete first week is not judged", week, events({m("M-1", "2026-01-06T10:00:00Z")}),
       "2026-01-12T00:00:00Z", {}},
      {"weekly: the week in progress at as-of is not judged", week, events({m("M-1", "2026-01-06T10:00:00Z")}),
       "2026-01-18T23:59:59Z", {}},
      {"weekly: start inclusive (Mon 00:00 belongs to its week)", week,
       events({m("M-1", "2026-01-05T00:00:00Z"), m("M-2", "2026-01-12T00:00:00Z")}), "2026-01-19T00:00:00Z", {}},
      {"weekly: end exclusive (Sun 23:59:59 belongs to the earlier week)", week,
       events({m("M-1", "2026-01-11T23:59:59Z")}), "2026-01-19T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-12T00:00:00+00:00"}},
      {"at least 2: the window's events are listed", week2,
       events({m("M-1", "2026-01-06T10:00:00Z"), m("M-2", "2026-01-07T10:00:00Z"), m("M-3", "2026-01-13T10:00:00Z")}),
       "2026-01-19T00:00:00Z", {"P|1|too-few|unassigned|@2026-01-12T00:00:00+00:00 M-3"}},
      {"daily: 01-01 .. 01-03 judged by 01-04 00:00", day, events({m("M-1", "2026-01-02T10:00:00Z")}),
       "2026-01-04T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00", "P|1|too-few|unassigned|@2026-01-03T00:00:00+00:00"}},
      {"daily in New York: 03:00Z belongs to the previous local day", ny_day,
       events({m("M-1", "2026-01-02T03:00:00Z"), m("M-2", "2026-01-02T15:00:00Z")}), "2026-01-03T00:00:00",
       {}},
      {"daily in New York: windows start at local midnight", ny_day, events({m("M-1", "2026-01-02T03:00:00Z")}),
       "2026-01-03T00:00:00", {"P|1|too-few|unassigned|@2026-01-02T00:00:00-05:00"}},
      {"daily in New York: before the local effective start is ignored", ny_day,
       events({m("M-1", "2026-01-01T03:00:00Z"), m("M-2", "2026-01-02T15:00:00Z")}), "2026-01-03T00:00:00",
       {"P|1|too-few|unassigned|@2026-01-01T00:00:00-05:00"}},
      {"monthly: Jan, Feb, Mar judged by 04-15", month, events({m("M-1", "2026-02-27T10:00:00Z")}),
       "2026-04-15T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00", "P|1|too-few|unassigned|@2026-03-01T00:00:00+00:00"}},
      {"quarterly: Q1 and Q2 judged by 07-01 00:00", quarter, events({m("M-1", "2026-06-30T23:59:59Z")}),
       "2026-07-01T00:00:00Z", {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00"}},
      {"quarterly: quarters start in Jan/Apr/Jul/Oct", quarter, events({m("M-1", "2026-04-01T00:00:00Z")}),
       "2026-10-01T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00", "P|1|too-few|unassigned|@2026-07-01T00:00:00+00:00"}},
      {"yearly: judged once the effective end is reached", year, events({}), "2027-03-01T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00"}},
      {"yearly: not judged before the end", year, events({}), "2026-12-31T23:59:59Z", {}},
      {"events outside the judged interval do not count", year, events({m("M-0", "2025-12-31T10:00:00Z")}),
       "2027-01-01T00:00:00Z", {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00"}},
      {"events after as-of do not count", month, events({m("M-1", "2026-01-20T10:00:00Z")}), "2026-01-15T00:00:00Z", {}},
  });
}

TEST_CASE("5.3 N days / weeks / months anchored at the effective start", "[eval][periodic]") {
  const std::string d10 = block("at least 1 meeting every 10 days");
  const std::string w2 = block("at least 1 meeting every 2 weeks");
  const std::string m2 = block("at least 1 meeting every 2 months");
  const std::string mid = R"(
agreement "T"
  effective 2026-01-15 to 2026-12-31
  timezone "UTC"
term "P"
  at least 1 meeting every 1 months
term "Q"
  at least 1 meeting every month
)";
  check_cases({
      {"10 days from 01-01: 01-01, 01-11, 01-21 judged by 01-31", d10,
       events({m("M-1", "2026-01-11T00:00:00Z")}), "2026-01-31T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-01T00:00:00+00:00", "P|1|too-few|unassigned|@2026-01-21T00:00:00+00:00"}},
      {"10 days: 01-10 23:59 is in the first window", d10, events({m("M-1", "2026-01-10T23:59:00Z")}),
       "2026-01-11T00:00:00Z", {}},
      // 2026-01-01 is a Thursday: 2-week windows run Thu to Thu, not by ISO weeks.
      {"2 weeks from Thu 01-01", w2, events({m("M-1", "2026-01-14T23:00:00Z"), m("M-2", "2026-01-15T00:00:00Z")}),
       "2026-02-12T00:00:00Z", {"P|1|too-few|unassigned|@2026-01-29T00:00:00+00:00"}},
      {"2 months: Jan-Feb, Mar-Apr", m2, events({m("M-1", "2026-02-28T10:00:00Z")}), "2026-05-01T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-03-01T00:00:00+00:00"}},
      // From 01-15: `1 months` windows are 01-15..02-15, 02-15..03-15; calendar months from Feb.
      {"an effective start mid-month", mid, events({m("M-1", "2026-01-20T10:00:00Z")}), "2026-03-15T00:00:00Z",
       {"Q|1|too-few|unassigned|@2026-02-01T00:00:00+00:00", "P|1|too-few|unassigned|@2026-02-15T00:00:00+00:00"}},
  });
}

TEST_CASE("5.3 without an effective period the first window is incomplete", "[eval][periodic]") {
  const std::string t = R"(
agreement "T"
  timezone "UTC"
term "P"
  at least 1 meeting every week
)";
  const std::string d = R"(
agreement "T"
  timezone "UTC"
term "P"
  at least 1 meeting every day
)";
  check_cases({
      // Judged from Tue 01-06 10:00: the week of 01-05 is not complete; 01-12, 01-19 are (to 01-26 00:00).
      {"weeks", t, events({m("M-1", "2026-01-06T10:00:00Z"), m("M-2", "2026-01-20T10:00:00Z")}), "2026-01-26T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-12T00:00:00+00:00"}},
      {"as-of defaults to the latest event", t,
       events({m("M-1", "2026-01-06T10:00:00Z"), m("M-2", "2026-01-26T10:00:00Z")}), "",
       {"P|1|too-few|unassigned|@2026-01-12T00:00:00+00:00", "P|1|too-few|unassigned|@2026-01-19T00:00:00+00:00"}},
      {"an event exactly at midnight starts a complete day", d,
       events({m("M-1", "2026-01-06T00:00:00Z"), m("M-2", "2026-01-08T10:00:00Z")}), "",
       {"P|1|too-few|unassigned|@2026-01-07T00:00:00+00:00"}},
  });
}

TEST_CASE("5.3 without an effective period N-day windows start at the earliest event's instant",
          "[eval][periodic]") {
  // Spec 5: `N days|weeks|months` windows start at the effective start, else at the judged
  // interval's start, which is then the earliest event's exact instant; the first such window
  // is complete (unlike a calendar week or month).
  const std::string t = R"(
agreement "T"
  timezone "America/New_York"
term "P"
  at least 1 meeting every 2 days
)";
  check_cases({
      {"windows from Tue 10:00 local", t,
       events({m("M-1", "2026-01-06T10:00:00-05:00"), m("M-2", "2026-01-10T09:00:00-05:00"),
               m("M-3", "2026-01-12T12:00:00-05:00")}),
       "",
       {"P|1|too-few|unassigned|@2026-01-10T10:00:00-05:00"}},
      {"wall-clock edges across the DST change", t,
       events({m("M-1", "2026-03-06T10:00:00-05:00"), m("M-2", "2026-03-08T11:00:00-04:00"),
               m("M-3", "2026-03-12T10:00:00-04:00")}),
       "",
       {"P|1|too-few|unassigned|@2026-03-10T10:00:00-04:00"}},
  });
}

TEST_CASE("5.3 allowing K missed per period2", "[eval][periodic][tolerance]") {
  const std::string month = block("at least 1 meeting every week allowing 1 missed per month");
  const std::string quarter = block("at least 1 meeting every week allowing 2 missed per quarter");
  const std::string year = block("at least 1 meeting every day allowing 3 missed per year");
  // Complete weeks by 03-02: 01-05, 01-12, 01-19, 01-26 (grouped with January: it starts there),
  // 02-02, 02-09, 02-16, 02-23.
  auto weeks_except = [](std::vector<std::string> skip) {
    std::vector<std::string> all = {"2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27",
                                    "2026-02-03", "2026-02-10", "2026-02-17", "2026-02-24"};
    std::vector<std::string> out;
    int n = 0;
    for (const auto& d : all)
      if (std::find(skip.begin(), skip.end(), d) == skip.end())
        out.push_back(m("M-" + std::to_string(++n), d + "T10:00:00Z"));
    return events(out);
  };
  check_cases({
      {"no misses", month, weeks_except({}), "2026-03-02T00:00:00Z", {}, {}, 0},
      {"one miss per month: both tolerated", month, weeks_except({"2026-01-13", "2026-02-10"}), "2026-03-02T00:00:00Z",
       {}, {}, 2},
      {"two misses in January: the first tolerated", month, weeks_except({"2026-01-13", "2026-01-20"}),
       "2026-03-02T00:00:00Z", {"P|1|too-few|unassigned|@2026-01-19T00:00:00+00:00"}, {}, 1},
      {"the week of 01-26 belongs to January (its start)", month, weeks_except({"2026-01-27", "2026-02-03"}),
       "2026-03-02T00:00:00Z", {}, {}, 2},
      {"the week of 01-26 with another January miss", month, weeks_except({"2026-01-06", "2026-01-27"}),
       "2026-03-02T00:00:00Z", {"P|1|too-few|unassigned|@2026-01-26T00:00:00+00:00"}, {}, 1},
      {"nothing at all: one tolerated per month", month, events({}), "2026-03-02T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-12T00:00:00+00:00", "P|1|too-few|unassigned|@2026-01-19T00:00:00+00:00",
        "P|1|too-few|unassigned|@2026-01-26T00:00:00+00:00", "P|1|too-few|unassigned|@2026-02-09T00:00:00+00:00",
        "P|1|too-few|unassigned|@2026-02-16T00:00:00+00:00", "P|1|too-few|unassigned|@2026-02-23T00:00:00+00:00"},
       {}, 2},
      {"two per quarter", quarter, weeks_except({"2026-01-06", "2026-01-27", "2026-02-24"}), "2026-03-02T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-02-23T00:00:00+00:00"}, {}, 2},
      {"the group need not be complete (per year, as-of in January)", year,
       events({m("M-1", "2026-01-02T10:00:00Z"), m("M-2", "2026-01-06T10:00:00Z")}), "2026-01-07T00:00:00Z",
       {"P|1|too-few|unassigned|@2026-01-05T00:00:00+00:00"}, {}, 3},
  });
}

TEST_CASE("5.4 at most N per period", "[eval][periodic]") {
  const std::string t = block("at most 2 visit every month");
  const std::string by_acme = block("at most 2 visit by Acme every month");
  const std::string resp = utc("term \"P\"\n  responsible Northwind\n  at most 2 visit every month\n");
  auto v = [](const std::string& id, const std::string& at, const std::string& by = "") {
    return "{id: " + id + ", at: " + at + ", type: visit" + (by.empty() ? "" : ", by: " + by) + "}";
  };
  check_cases({
      {"exactly N is fine", t, events({v("V-1", "2026-01-05T10:00:00Z"), v("V-2", "2026-01-06T10:00:00Z")}),
       "2026-02-01T00:00:00Z", {}},
      {"the events after the first N are listed; responsible: the first excess event's by", t,
       events({v("V-1", "2026-01-05T10:00:00Z", "Northwind"), v("V-2", "2026-01-06T10:00:00Z", "Northwind"),
               v("V-3", "2026-01-07T10:00:00Z", "Acme"), v("V-4", "2026-01-08T10:00:00Z", "Northwind")}),
       "2026-02-01T00:00:00Z", {"P|1|too-many|Acme|@2026-01-01T00:00:00+00:00 V-3,V-4"}},
      {"the first excess event has no by: unassigned", t,
       events({v("V-1", "2026-01-05T10:00:00Z", "Acme"), v("V-2", "2026-01-06T10:00:00Z", "Acme"),
               v("V-3", "2026-01-07T10:00:00Z"), v("V-4", "2026-01-08T10:00:00Z", "Acme")}),
       "2026-02-01T00:00:00Z", {"P|1|too-many|unassigned|@2026-01-01T00:00:00+00:00 V-3,V-4"}},
      {"excess in time order, not file order", t,
       events({v("V-4", "2026-01-08T10:00:00Z"), v("V-3", "2026-01-07T10:00:00Z"), v("V-2", "2026-01-06T10:00:00Z"),
               v("V-1", "2026-01-05T10:00:00Z")}),
       "2026-02-01T00:00:00Z", {"P|1|too-many|unassigned|@2026-01-01T00:00:00+00:00 V-3,V-4"}},
      {"pattern by: only that party's visits count, and it is responsible", by_acme,
       events({v("V-1", "2026-01-05T10:00:00Z", "Acme"), v("V-2", "2026-01-06T10:00:00Z", "Northwind"),
               v("V-3", "2026-01-07T10:00:00Z", "Acme"), v("V-4", "2026-01-08T10:00:00Z", "Acme")}),
       "2026-02-01T00:00:00Z", {"P|1|too-many|Acme|@2026-01-01T00:00:00+00:00 V-4"}},
      {"block responsible wins over the event's by", resp,
       events({v("V-1", "2026-01-05T10:00:00Z", "Acme"), v("V-2", "2026-01-06T10:00:00Z", "Acme"),
               v("V-3", "2026-01-07T10:00:00Z", "Acme")}),
       "2026-02-01T00:00:00Z", {"P|1|too-many|Northwind|@2026-01-01T00:00:00+00:00 V-3"}},
      {"an incomplete window is not judged", t,
       events({v("V-1", "2026-02-05T10:00:00Z"), v("V-2", "2026-02-06T10:00:00Z"), v("V-3", "2026-02-07T10:00:00Z")}),
       "", {}},
      {"each window separately", t,
       events({v("V-1", "2026-01-05T10:00:00Z"), v("V-2", "2026-01-06T10:00:00Z"), v("V-3", "2026-01-07T10:00:00Z"),
               v("V-4", "2026-02-05T10:00:00Z"), v("V-5", "2026-02-06T10:00:00Z"), v("V-6", "2026-03-07T10:00:00Z"),
               v("V-7", "2026-03-08T10:00:00Z"), v("V-8", "2026-03-09T10:00:00Z")}),
       "2026-04-01T00:00:00Z",
       {"P|1|too-many|unassigned|@2026-01-01T00:00:00+00:00 V-3", "P|1|too-many|unassigned|@2026-03-01T00:00:00+00:00 V-8"}},
  });
}

TEST_CASE("5.6 aggregates", "[eval][aggregate]") {
  auto agg = [](const std::string& rule) { return block(rule); };
  const std::string avg_least = agg("average value of kpi at least 80 every month");
  const std::string avg_most = agg("average value of kpi at most 360 every month");
  const std::string pct = agg("average value of kpi at least 80% every month");
  const std::string min_least = agg("minimum value of kpi at least 50 every month");
  const std::string max_most = agg("maximum value of kpi at most 100 every month");
  const std::string total_least = agg("total value of kpi at least 10 every month");
  const std::string latest_least = agg("latest value of kpi at least 80 every month");
  const std::string where = agg("average value of kpi where kind = \"fcr\" at least 80 every month");
  const std::string as_of = "2026-02-01T00:00:00Z";
  const std::string w = "@2026-01-01T00:00:00+00:00";
  check_cases({
      {"average exactly at the bound", avg_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "70"), k("K-2", "2026-01-06T10:00:00Z", "90")}), as_of, {}},
      {"average below", avg_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "70"), k("K-2", "2026-01-06T10:00:00Z", "80")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1,K-2"}},
      {"average at most: above", avg_most,
       events({k("K-1", "2026-01-05T10:00:00Z", "400"), k("K-2", "2026-01-06T10:00:00Z", "330")}), as_of,
       {"P|1|above-target|unassigned|" + w + " K-1,K-2"}},
      {"average at most: at the bound", avg_most,
       events({k("K-1", "2026-01-05T10:00:00Z", "400"), k("K-2", "2026-01-06T10:00:00Z", "320")}), as_of, {}},
      {"80% is 80", pct, events({k("K-1", "2026-01-05T10:00:00Z", "79.5")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1"}},
      {"80%: 80 meets it", pct, events({k("K-1", "2026-01-05T10:00:00Z", "80")}), as_of, {}},
      {"minimum", min_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "90"), k("K-2", "2026-01-06T10:00:00Z", "49.9")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1,K-2"}},
      {"minimum fine", min_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "90"), k("K-2", "2026-01-06T10:00:00Z", "50")}), as_of, {}},
      {"maximum", max_most,
       events({k("K-1", "2026-01-05T10:00:00Z", "100.5"), k("K-2", "2026-01-06T10:00:00Z", "3")}), as_of,
       {"P|1|above-target|unassigned|" + w + " K-1,K-2"}},
      {"total", total_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "4"), k("K-2", "2026-01-06T10:00:00Z", "5.5")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1,K-2"}},
      {"total fine", total_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "4"), k("K-2", "2026-01-06T10:00:00Z", "6")}), as_of, {}},
      {"negative values add up", total_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "14"), k("K-2", "2026-01-06T10:00:00Z", "-5")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1,K-2"}},
      {"latest is the last value in time", latest_least,
       events({k("K-2", "2026-01-20T10:00:00Z", "70"), k("K-1", "2026-01-05T10:00:00Z", "90")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1,K-2"}},
      {"latest: an earlier low value does not matter", latest_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "10"), k("K-2", "2026-01-20T10:00:00Z", "80")}), as_of, {}},
      {"no events: no-data", avg_least, events({}), as_of, {"P|1|no-data|unassigned|" + w}},
      {"no events: no-data for at most too", avg_most, events({}), as_of, {"P|1|no-data|unassigned|" + w}},
      {"the where-condition filters", where,
       events({"{id: K-1, at: 2026-01-05T10:00:00Z, type: kpi, kind: fcr, value: 90}",
               "{id: K-2, at: 2026-01-06T10:00:00Z, type: kpi, kind: aht, value: 10}"}),
       as_of, {}},
      {"one window per month; the month in progress is not judged", avg_least,
       events({k("K-1", "2026-01-05T10:00:00Z", "90"), k("K-2", "2026-02-06T10:00:00Z", "10"),
               k("K-3", "2026-03-06T10:00:00Z", "10")}),
       "2026-03-10T00:00:00Z", {"P|1|below-target|unassigned|@2026-02-01T00:00:00+00:00 K-2"}},
  });
}

TEST_CASE("5.6 non-numeric values are input warnings and are not counted", "[eval][aggregate]") {
  const std::string avg = block("average value of kpi at least 80 every month");
  const std::string latest = block("latest value of kpi at least 80 every month");
  struct Row {
    const char* name;
    std::string terms;
    std::vector<std::string> events;
    std::string findings;
    size_t warnings;
  };
  const std::string w = "@2026-01-01T00:00:00+00:00";
  std::vector<Row> rows = {
      {"a word is skipped", avg,
       {k("K-1", "2026-01-05T10:00:00Z", "high"), k("K-2", "2026-01-06T10:00:00Z", "90")}, "", 1},
      {"a quoted number is a string", avg,
       {k("K-1", "2026-01-05T10:00:00Z", "\"10\""), k("K-2", "2026-01-06T10:00:00Z", "90")}, "", 1},
      {"a boolean is not a number", avg,
       {k("K-1", "2026-01-05T10:00:00Z", "false"), k("K-2", "2026-01-06T10:00:00Z", "90")}, "", 1},
      {"a missing value is skipped", avg,
       {"{id: K-1, at: 2026-01-05T10:00:00Z, type: kpi}", k("K-2", "2026-01-06T10:00:00Z", "90")}, "", 1},
      {"a list is skipped", avg, {k("K-1", "2026-01-05T10:00:00Z", "[1, 2]"), k("K-2", "2026-01-06T10:00:00Z", "90")},
       "", 1},
      {"only non-numeric values: no-data, events listed", avg,
       {k("K-1", "2026-01-05T10:00:00Z", "high"), k("K-2", "2026-01-06T10:00:00Z", "true")},
       "P|1|no-data|unassigned|" + w + " K-1,K-2\n", 2},
      {"latest is the last numeric value", latest,
       {k("K-1", "2026-01-05T10:00:00Z", "90"), k("K-2", "2026-01-06T10:00:00Z", "n/a")}, "", 1},
      {"outside the judged interval: no warning", avg,
       {k("K-0", "2025-12-05T10:00:00Z", "high"), k("K-2", "2026-01-06T10:00:00Z", "90")}, "", 0},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    auto s = run(r.terms, events(r.events), "2026-02-01T00:00:00Z");
    INFO(warnings_text(*s));
    CHECK(dump_findings(*s) == r.findings);
    CHECK(s->warnings.items().size() == r.warnings);
  }
}

TEST_CASE("5.6 measured value", "[eval][aggregate]") {
  auto s = run(block("average value of kpi at least 80 every month"),
               events({k("K-1", "2026-01-05T10:00:00Z", "70"), k("K-2", "2026-01-06T10:00:00Z", "75"),
                       k("K-3", "2026-01-07T10:00:00Z", "oops")}),
               "2026-02-01T00:00:00Z");
  REQUIRE(s->outcome.findings.size() == 1);
  const auto& f = s->outcome.findings[0];
  CHECK(f.at == instant("2026-01-01T00:00:00Z"));
  REQUIRE(f.window);
  CHECK(f.window->end == instant("2026-02-01T00:00:00Z"));
  bool value = false, count = false;
  for (const auto& m : f.measured) {
    if (m.key == "value") value = m.number && *m.number == Approx(72.5);
    if (m.key == "count") count = m.number && *m.number == 2;
  }
  CHECK(value);
  CHECK(count);
}
