// Spec V2.6: intervals built from events, `availability of`, `downtime of` and duration measures.
// Each case is an agreement, a log and an as-of; the expected findings and pending windows are
// dumped one per line with their measured values:
//   Block|rule|reason|responsible|@window-start event-ids|key=value ...
//   pending: Block|rule|@window-start open-event-ids|cases=N open=O
#include <cmath>

#include <fmt/format.h>

#include "tests/unit/app/eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

std::string number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  std::string s = fmt::format("{:.4f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string measured(const eval::Finding& f) {
  std::string out;
  for (const auto& m : f.measured) out += fmt::format("{}{}={}", out.empty() ? "" : " ", m.key, m.number ? number(*m.number) : m.text);
  return out;
}

std::string dump_v26(const app::Session& s) {
  std::string out;
  for (const auto& f : s.outcome.findings) out += finding_line(s, f) + "|" + measured(f) + "\n";
  return out;
}

std::string dump_pending_windows(const app::Session& s) {
  std::string out;
  for (const auto& p : s.outcome.pending) {
    std::vector<std::string> ids;
    for (auto i : p.events) ids.push_back(event_name(s, i));
    std::string where = p.window ? "@" + format_instant(p.window->start, s.agreement->zone) : "(no window)";
    if (!ids.empty()) where += " " + join(ids, ",");
    out += p.block->name + "|" + std::to_string(p.rule->number) + "|" + where + "|" + measured(p) + "\n";
  }
  return out;
}

struct Case {
  const char* name;
  std::string terms;
  std::string log;
  std::string as_of;
  std::vector<std::string> findings;
  std::vector<std::string> pending = {};
  size_t warnings = 0;
};

void check(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO("case: " << c.name);
    auto s = run(c.terms, c.log, c.as_of);
    INFO("warnings:\n" << warnings_text(*s));
    CHECK(dump_v26(*s) == lines(c.findings));
    CHECK(dump_pending_windows(*s) == lines(c.pending));
    CHECK(s->warnings.items().size() == c.warnings);
  }
}

// A 2026 UTC agreement with an interval declaration and one block.
std::string with_interval(const std::string& interval, const std::string& rules, const std::string& block_opts = "") {
  return utc(interval + "\nexpectation \"P\"\n" + block_opts + "  " + rules + "\n");
}

std::string ev(const std::string& id, const std::string& at, const std::string& type, const std::string& extra = "") {
  return "{id: " + id + ", at: " + at + ", type: " + type + extra + "}";
}
std::string up(const std::string& id, const std::string& at, const std::string& service) {
  return ev(id, at, "outage_end", ", service: " + service);
}
std::string down(const std::string& id, const std::string& at, const std::string& service) {
  return ev(id, at, "outage_start", ", service: " + service);
}

const std::string kOutage = "interval outage from outage_start to outage_end with same service";
// A probe that always fails in a window with cases: it shows which intervals were built (the
// cited opening events), how many, and their total length.
const std::string kProbe = "total duration of outage at least 100000 hours every month";
const std::string kJan = "@2026-01-01T00:00:00+00:00 ";
const std::string kAsOfFeb = "2026-02-01T00:00:00Z";

std::string probe(const std::string& events, const std::string& cases, const std::string& minutes) {
  return "P|1|below-target|unassigned|" + kJan + events + "|minutes=" + minutes + " cases=" + cases;
}

}  // namespace

TEST_CASE("V2.6 intervals are built from events as the contract says", "[eval][intervals]") {
  const std::string terms = with_interval(kOutage, kProbe);
  const std::string toggle = with_interval("interval outage from toggle to toggle with same service", kProbe);
  const std::string status = with_interval(
      "interval outage from status where state = \"down\" to status where state != \"maintenance\"", kProbe);
  const std::string by_party = with_interval("interval outage from outage_start to outage_end with same `by`", kProbe);
  const std::string keyless = with_interval("interval outage from outage_start to outage_end", kProbe);
  check({
      {"opens at P1 and closes at the first P2 with its key", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T10:30:00Z", "web")}), kAsOfFeb,
       {probe("O1", "1", "30")}},
      {"a further P1 while the key is open is ignored", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), down("O2", "2026-01-05T10:10:00Z", "web"),
               up("E1", "2026-01-05T10:30:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "30")}},
      {"a P2 that closes nothing is ignored", terms,
       events({up("E0", "2026-01-05T09:00:00Z", "web"), down("O1", "2026-01-05T10:00:00Z", "web"),
               up("E1", "2026-01-05T10:30:00Z", "web"), up("E2", "2026-01-05T11:00:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "30")}},
      {"keys open and close separately", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), down("O2", "2026-01-05T10:10:00Z", "api"),
               up("E2", "2026-01-05T10:20:00Z", "api"), up("E1", "2026-01-05T10:30:00Z", "web")}),
       kAsOfFeb, {probe("O1,O2", "2", "40")}},
      {"a P2 of another key closes nothing", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E0", "2026-01-05T10:10:00Z", "api"),
               up("E1", "2026-01-05T10:30:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "30")}},
      {"a P2 at the opening instant closes it, listed after the P1", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T10:00:00Z", "web")}), kAsOfFeb,
       {probe("O1", "1", "0")}},
      {"a P2 at the opening instant closes it, listed before the P1", terms,
       events({up("E1", "2026-01-05T10:00:00Z", "web"), down("O1", "2026-01-05T10:00:00Z", "web")}), kAsOfFeb,
       {probe("O1", "1", "0")}},
      {"a close and a new opening at one instant: the old closes, the new opens (P2 listed first)", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T11:00:00Z", "web"),
               down("O2", "2026-01-05T11:00:00Z", "web"), up("E2", "2026-01-05T11:30:00Z", "web")}),
       kAsOfFeb, {probe("O1,O2", "2", "90")}},
      {"a P1 while open is ignored, also when a P2 of its instant follows it in the log", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), down("O2", "2026-01-05T11:00:00Z", "web"),
               up("E1", "2026-01-05T11:00:00Z", "web"), up("E2", "2026-01-05T11:30:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "60")}},
      {"a P2 that closed an interval does not close the one opened after it at its instant", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T11:00:00Z", "web"),
               down("O2", "2026-01-05T11:00:00Z", "web")}),
       kAsOfFeb, {}, {"P|1|@2026-01-01T00:00:00+00:00 O2|cases=2 open=1"}},
      {"each P2 at the opening instant closes one interval", terms,
       events({up("E1", "2026-01-05T10:00:00Z", "web"), up("E2", "2026-01-05T10:00:00Z", "web"),
               down("O1", "2026-01-05T10:00:00Z", "web"), down("O2", "2026-01-05T10:00:00Z", "web"),
               up("E3", "2026-01-05T10:20:00Z", "web")}),
       kAsOfFeb, {probe("O1,O2", "2", "0")}},
      {"an event matching both patterns closes an open interval, else opens one", toggle,
       events({ev("T1", "2026-01-05T10:00:00Z", "toggle", ", service: web"),
               ev("T2", "2026-01-05T10:20:00Z", "toggle", ", service: web"),
               ev("T3", "2026-01-05T10:40:00Z", "toggle", ", service: web"),
               ev("T4", "2026-01-05T11:00:00Z", "toggle", ", service: web")}),
       kAsOfFeb, {probe("T1,T3", "2", "40")}},
      {"an event matching both never closes its own interval", toggle,
       events({ev("T1", "2026-01-05T10:00:00Z", "toggle", ", service: web"),
               ev("T2", "2026-01-05T10:00:00Z", "toggle", ", service: web"),
               ev("T3", "2026-01-05T10:30:00Z", "toggle", ", service: web")}),
       kAsOfFeb, {}, {"P|1|@2026-01-01T00:00:00+00:00 T3|cases=2 open=1"}},
      {"a status event that matches both patterns closes the open interval", status,
       events({ev("S1", "2026-01-05T10:00:00Z", "status", ", state: down"),
               ev("S2", "2026-01-05T10:10:00Z", "status", ", state: down"),
               ev("S3", "2026-01-05T10:20:00Z", "status", ", state: up"),
               ev("S4", "2026-01-05T11:00:00Z", "status", ", state: maintenance")}),
       kAsOfFeb, {probe("S1", "1", "10")}},
      {"events lacking a correlated attribute are ignored, with a warning each", terms,
       events({ev("O0", "2026-01-05T10:00:00Z", "outage_start"), down("O1", "2026-01-05T10:10:00Z", "web"),
               ev("E0", "2026-01-05T10:20:00Z", "outage_end"), up("E1", "2026-01-05T10:40:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "30")}, {}, 2},
      {"with same `by`: each party's intervals", by_party,
       events({ev("A1", "2026-01-05T10:00:00Z", "outage_start", ", by: Acme"),
               ev("N1", "2026-01-05T10:10:00Z", "outage_start", ", by: Northwind"),
               ev("A2", "2026-01-05T10:20:00Z", "outage_end", ", by: Acme"),
               ev("N2", "2026-01-05T11:10:00Z", "outage_end", ", by: Northwind")}),
       kAsOfFeb, {probe("A1,N1", "2", "80")}},
      {"without a correlation one interval at a time", keyless,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), down("O2", "2026-01-05T10:10:00Z", "api"),
               up("E2", "2026-01-05T10:20:00Z", "api"), up("E1", "2026-01-05T10:30:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "20")}},
      {"events after as-of are invisible: the interval is open and its window pending", terms,
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-02-01T00:00:00.001Z", "web")}), kAsOfFeb,
       {}, {"P|1|@2026-01-01T00:00:00+00:00 O1|cases=1 open=1"}},
      {"an interval that opens before the effective start is no case of a judged window", terms,
       events({down("O0", "2025-12-31T23:00:00Z", "api"), up("E0", "2026-01-01T01:00:00Z", "api"),
               down("O1", "2026-01-05T10:00:00Z", "web"),
               up("E1", "2026-01-05T10:30:00Z", "web")}),
       kAsOfFeb, {probe("O1", "1", "30")}},
  });
}

TEST_CASE("V2.6 an interval is built once and shared by the rules that name it", "[eval][intervals]") {
  const std::string terms = with_interval(kOutage,
                                          "availability of outage at least 99% every day\n"
                                          "  downtime of outage at most 10 minutes every day");
  // One warning for the keyless event, though two rules read the interval.
  check({{"two rules, one interval", terms,
          events({ev("O0", "2026-01-05T10:00:00Z", "outage_start"), down("O1", "2026-01-05T10:00:00Z", "web"),
                  up("E1", "2026-01-05T10:30:00Z", "web")}),
          "2026-01-06T00:00:00Z",
          {"P|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 O1|availability=97.9167 downtime_minutes=30",
           "P|2|above-target|unassigned|@2026-01-05T00:00:00+00:00 O1|availability=97.9167 downtime_minutes=30"},
          {},
          1}});
}

TEST_CASE("V2.6 availability: the union of intervals, clipped to each window", "[eval][intervals][availability]") {
  auto daily = [](const std::string& percent) {
    return with_interval(kOutage, "availability of outage at least " + percent + "% every day");
  };
  const std::string short_agreement = R"(
agreement "T"
  effective 2026-01-01 to 2026-01-31
  timezone "UTC"
)" + kOutage + R"(
expectation "P"
  availability of outage at least 99% every day
)";
  check({
      {"overlapping intervals count once", daily("95"),
       events({down("O1", "2026-01-05T10:00:00Z", "web"), down("O2", "2026-01-05T10:30:00Z", "api"),
               up("E1", "2026-01-05T11:00:00Z", "web"), up("E2", "2026-01-05T11:30:00Z", "api")}),
       "2026-01-06T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 O1,O2|availability=93.75 downtime_minutes=90"}},
      {"exactly at the target holds (99.5% of a day: 7.2 minutes)", daily("99.5"),
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T10:07:12Z", "web")}),
       "2026-01-06T00:00:00Z", {}},
      {"one second more is below the target", daily("99.5"),
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T10:07:13Z", "web")}),
       "2026-01-06T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 O1|availability=99.4988 downtime_minutes=7.2167"}},
      {"an interval over midnight is clipped to each day", daily("99"),
       events({down("O1", "2026-01-05T23:00:00Z", "web"), up("E1", "2026-01-06T02:00:00Z", "web"),
               down("O2", "2026-01-06T10:00:00Z", "api"), up("E2", "2026-01-06T11:00:00Z", "api")}),
       "2026-01-07T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 O1|availability=95.8333 downtime_minutes=60",
        "P|1|below-target|unassigned|@2026-01-06T00:00:00+00:00 O1,O2|availability=87.5 downtime_minutes=180"}},
      {"an interval open at as-of runs to as-of; the day in progress is not judged", daily("99"),
       events({down("O1", "2026-01-06T20:00:00Z", "web")}), "2026-01-07T12:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-06T00:00:00+00:00 O1|availability=83.3333 downtime_minutes=240"}},
      {"an interval open at the effective end runs to as-of, clipped to the last window", short_agreement,
       events({down("O1", "2026-01-31T12:00:00Z", "web")}), "2026-02-10T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-31T00:00:00+00:00 O1|availability=50 downtime_minutes=720"}},
      // O1 covers the 6th and the 7th wholly (cited through one covering, engine/eval/downtime_rule.cc),
      // the 5th and the 8th partly; O2 and O3 lie inside single days. The cited events of each
      // window are the same whichever way an interval is noted: in event order.
      {"an interval over whole days is cited in each of them", daily("99"),
       events({down("O1", "2026-01-05T12:00:00Z", "web"), down("O2", "2026-01-06T10:00:00Z", "api"),
               up("E2", "2026-01-06T11:00:00Z", "api"), down("O3", "2026-01-08T01:00:00Z", "db"),
               up("E1", "2026-01-08T06:00:00Z", "web"), up("E3", "2026-01-08T08:00:00Z", "db")}),
       "2026-01-09T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 O1|availability=50 downtime_minutes=720",
        "P|1|below-target|unassigned|@2026-01-06T00:00:00+00:00 O1,O2|availability=0 downtime_minutes=1440",
        "P|1|below-target|unassigned|@2026-01-07T00:00:00+00:00 O1|availability=0 downtime_minutes=1440",
        "P|1|below-target|unassigned|@2026-01-08T00:00:00+00:00 O1,O3|availability=66.6667 downtime_minutes=480"}},
      {"a zero-length interval is no downtime", daily("100"),
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T10:00:00Z", "web")}),
       "2026-01-06T00:00:00Z", {}},
      {"availability 100% fails on one millisecond", daily("100"),
       events({down("O1", "2026-01-05T10:00:00Z", "web"), up("E1", "2026-01-05T10:00:00.001Z", "web")}),
       "2026-01-06T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-05T00:00:00+00:00 O1|availability=100 downtime_minutes=0"}},
  });
}

TEST_CASE("V2.6 availability and downtime during business hours", "[eval][intervals][availability]") {
  // Acme: the default mon-fri 09:00-17:00 UTC. 2026-01-10 is a Saturday, 01-12 a Monday.
  const std::string avail = with_interval(kOutage, "availability of outage during business hours of Acme at least 99% every day");
  const std::string downtime = with_interval(kOutage, "downtime of outage during business hours of Acme at most 1 hour every day");
  check({
      {"no business time in the window (Saturday): no finding", avail,
       events({down("O1", "2026-01-10T10:00:00Z", "web"), up("E1", "2026-01-10T12:00:00Z", "web")}),
       "2026-01-11T00:00:00Z", {}},
      {"only the business part counts; an interval wholly outside is not cited", avail,
       events({down("O0", "2026-01-12T05:00:00Z", "api"), up("E0", "2026-01-12T06:00:00Z", "api"),
               down("O1", "2026-01-12T08:00:00Z", "web"), up("E1", "2026-01-12T10:00:00Z", "web"),
               down("O2", "2026-01-13T18:00:00Z", "web"), up("E2", "2026-01-13T20:00:00Z", "web")}),
       "2026-01-14T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-12T00:00:00+00:00 O1|availability=87.5 downtime_minutes=60"}},
      {"the union is taken before clipping to business time", avail,
       events({down("O1", "2026-01-12T08:00:00Z", "web"), down("O2", "2026-01-12T09:30:00Z", "api"),
               up("E1", "2026-01-12T10:00:00Z", "web"), up("E2", "2026-01-12T10:30:00Z", "api")}),
       "2026-01-13T00:00:00Z",
       {"P|1|below-target|unassigned|@2026-01-12T00:00:00+00:00 O1,O2|availability=81.25 downtime_minutes=90"}},
      {"downtime limit in business time: 3 h elapsed but 1 h of business time holds", downtime,
       events({down("O1", "2026-01-12T16:00:00Z", "web"), up("E1", "2026-01-12T19:00:00Z", "web")}),
       "2026-01-13T00:00:00Z", {}},
      {"downtime limit in business time: 1.5 business hours is above", downtime,
       events({down("O1", "2026-01-13T15:30:00Z", "web"), up("E1", "2026-01-13T17:30:00Z", "web")}),
       "2026-01-14T00:00:00Z",
       {"P|1|above-target|unassigned|@2026-01-13T00:00:00+00:00 O1|availability=81.25 downtime_minutes=90"}},
  });
}

TEST_CASE("V2.6 days of a daylight-saving change measure their true length", "[eval][intervals][dst]") {
  auto ny = [](const std::string& extra, const std::string& rule) {
    return R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
)" + extra + kOutage + "\nexpectation \"P\"\n  " + rule + "\n";
  };
  // 2026-03-08 has 23 hours in New York: 69 minutes down is exactly 95% (of 24 h it would be 95.2%).
  const std::string spring = ny("", "availability of outage at least 95.1% every day");
  // 2026-11-01 has 25 hours.
  const std::string fall = ny("", "downtime of outage at most 24 hours every day");
  // Sunday 01:00-04:00 local: on 2026-03-08 02:00-03:00 does not exist, so 2 hours of business time.
  const std::string night = ny("calendar Night\n  business hours sun 01:00-04:00\n",
                               "availability of outage during business hours of Night at least 50% every day");
  check({
      {"spring forward: a 23-hour day", spring,
       events({down("O1", "2026-03-08T10:00:00", "web"), up("E1", "2026-03-08T11:09:00", "web")}),
       "2026-03-09T00:00:00",
       {"P|1|below-target|unassigned|@2026-03-08T00:00:00-05:00 O1|availability=95 downtime_minutes=69"}},
      {"an ordinary day: 69 minutes is 95.2%", spring,
       events({down("O1", "2026-03-10T10:00:00", "web"), up("E1", "2026-03-10T11:09:00", "web")}),
       "2026-03-11T00:00:00", {}},
      {"fall back: a whole 25-hour day down exceeds 24 hours", fall,
       events({down("O1", "2026-10-31T23:00:00", "web"), up("E1", "2026-11-02T01:00:00", "web")}),
       "2026-11-03T00:00:00",
       {"P|1|above-target|unassigned|@2026-11-01T00:00:00-04:00 O1|availability=0 downtime_minutes=1500"}},
      {"business hours across the gap: 90 of 120 minutes down", night,
       events({down("O1", "2026-03-08T01:00:00", "web"), up("E1", "2026-03-08T03:30:00", "web")}),
       "2026-03-09T00:00:00",
       {"P|1|below-target|unassigned|@2026-03-08T00:00:00-05:00 O1|availability=25 downtime_minutes=90"}},
  });
}

TEST_CASE("V2.6 downtime at most a duration", "[eval][intervals][downtime]") {
  const std::string terms = with_interval("interval maintenance from maint_start to maint_end",
                                          "downtime of maintenance at most 4 hours every month");
  check({
      {"exactly 4 hours holds, 4 hours 30 minutes is above", terms,
       events({ev("M1", "2026-01-10T01:00:00Z", "maint_start"), ev("M1e", "2026-01-10T05:00:00Z", "maint_end"),
               ev("M2", "2026-02-07T01:00:00Z", "maint_start"), ev("M2e", "2026-02-07T04:00:00Z", "maint_end"),
               ev("M3", "2026-02-14T01:00:00Z", "maint_start"), ev("M3e", "2026-02-14T02:30:00Z", "maint_end")}),
       "2026-03-01T00:00:00Z",
       {"P|1|above-target|unassigned|@2026-02-01T00:00:00+00:00 M2,M3|availability=99.3304 downtime_minutes=270"}},
  });
}

TEST_CASE("V2.6 responsible parties", "[eval][intervals]") {
  const std::string block_list = with_interval(kOutage, "downtime of outage at most 10 minutes every day",
                                               "  responsible Northwind, Northwind\n");
  const std::string p1_by = with_interval("interval outage from outage_start by Acme to outage_end",
                                          "downtime of outage at most 10 minutes every day");
  const std::string log = events({ev("O1", "2026-01-05T10:00:00Z", "outage_start", ", by: Acme, service: web"),
                                  ev("E1", "2026-01-05T11:00:00Z", "outage_end", ", by: Acme, service: web")});
  check({
      {"the block's responsible list", block_list, log, "2026-01-06T00:00:00Z",
       {"P|1|above-target|Northwind|@2026-01-05T00:00:00+00:00 O1|availability=95.8333 downtime_minutes=60"}},
      {"else the `by` of P1", p1_by, log, "2026-01-06T00:00:00Z",
       {"P|1|above-target|Acme|@2026-01-05T00:00:00+00:00 O1|availability=95.8333 downtime_minutes=60"}},
  });
}

TEST_CASE("V2.6 duration measures: nearest-rank percentiles", "[eval][intervals][durations]") {
  auto rule = [](const std::string& measure, const std::string& bound) {
    return with_interval("interval ticket from opened to closed with same ticket",
                         measure + " duration of ticket " + bound + " every month");
  };
  // Tickets opened at 01-05 + i days, lasting hours[i]; opened out of duration order.
  auto tickets = [](const std::vector<int>& hours) {
    std::vector<std::string> items;
    for (size_t i = 0; i < hours.size(); ++i) {
      std::string day = fmt::format("2026-01-{:02}", 5 + i);
      std::string t = fmt::format("T{}", i + 1);
      items.push_back(ev(t, day + "T01:00:00Z", "opened", ", ticket: " + t));
      items.push_back(ev(t + "c", fmt::format("{}T{:02}:00:00Z", day, 1 + hours[i]), "closed", ", ticket: " + t));
    }
    return events(items);
  };
  const std::vector<int> five{4, 1, 5, 2, 3};
  const std::vector<int> ten{10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
  const std::vector<int> four{10, 1, 3, 2};
  std::string t5 = "T1,T2,T3,T4,T5";
  std::string t10 = "T1,T2,T3,T4,T5,T6,T7,T8,T9,T10";
  auto above = [](const std::string& ids, const std::string& minutes, const std::string& cases) {
    return "P|1|above-target|unassigned|" + kJan + ids + "|minutes=" + minutes + " cases=" + cases;
  };
  check({
      {"80th of 5: position 4 exactly (4 h holds at most 4 hours)", rule("percentile 80", "at most 4 hours"),
       tickets(five), kAsOfFeb, {}},
      {"80th of 5: position 4 exactly (4 h is above 3 hours)", rule("percentile 80", "at most 3 hours"),
       tickets(five), kAsOfFeb, {above(t5, "240", "5")}},
      {"80th of 10: position 8 exactly", rule("percentile 80", "at most 7 hours"), tickets(ten), kAsOfFeb,
       {above(t10, "480", "10")}},
      {"80th of 10: 8 hours holds", rule("percentile 80", "at most 8 hours"), tickets(ten), kAsOfFeb, {}},
      {"80th of 4: between positions, ceil(3.2) = 4", rule("percentile 80", "at most 8 hours"), tickets(four),
       kAsOfFeb, {above("T1,T2,T3,T4", "600", "4")}},
      {"50th of 5: ceil(2.5) = 3", rule("percentile 50", "at most 2 hours"), tickets(five), kAsOfFeb,
       {above(t5, "180", "5")}},
      {"100th is the largest", rule("percentile 100", "at most 4 hours"), tickets(five), kAsOfFeb,
       {above(t5, "300", "5")}},
      {"1st of 10: ceil(0.1) = 1, the smallest", rule("percentile 1", "at least 2 hours"), tickets(ten), kAsOfFeb,
       {"P|1|below-target|unassigned|" + kJan + t10 + "|minutes=60 cases=10"}},
  });
}

TEST_CASE("V2.6 duration measures: average, minimum, maximum, total", "[eval][intervals][durations]") {
  const std::string decl = "interval ticket from opened to closed with same ticket";
  auto rule = [&](const std::string& r) { return with_interval(decl, r); };
  auto t = [](const std::string& id, const std::string& open, const std::string& close) {
    return ev(id, open, "opened", ", ticket: " + id) + "\n  - " + ev(id + "c", close, "closed", ", ticket: " + id);
  };
  const std::string three_and_five =
      events({t("T1", "2026-01-05T10:00:00Z", "2026-01-05T13:00:00Z"), t("T2", "2026-01-06T10:00:00Z", "2026-01-06T15:00:00Z")});
  const std::string one_ms_more =
      events({t("T1", "2026-01-05T10:00:00Z", "2026-01-05T13:00:00Z"),
              t("T2", "2026-01-06T10:00:00Z", "2026-01-06T15:00:00.001Z")});
  check({
      {"average exactly at the bound holds", rule("average duration of ticket at most 4 hours every month"),
       three_and_five, kAsOfFeb, {}},
      {"average half a millisecond above is above", rule("average duration of ticket at most 4 hours every month"),
       one_ms_more, kAsOfFeb,
       {"P|1|above-target|unassigned|" + kJan + "T1,T2|minutes=240 cases=2"}},
      {"minimum", rule("minimum duration of ticket at least 4 hours every month"), three_and_five, kAsOfFeb,
       {"P|1|below-target|unassigned|" + kJan + "T1,T2|minutes=180 cases=2"}},
      {"maximum", rule("maximum duration of ticket at most 4 hours every month"), three_and_five, kAsOfFeb,
       {"P|1|above-target|unassigned|" + kJan + "T1,T2|minutes=300 cases=2"}},
      {"total", rule("total duration of ticket at most 7 hours every month"), three_and_five, kAsOfFeb,
       {"P|1|above-target|unassigned|" + kJan + "T1,T2|minutes=480 cases=2"}},
      {"no case: no finding", rule("maximum duration of ticket at least 4 hours every month"), events({}), kAsOfFeb,
       {}},
      {"a case belongs to the window it opens in", rule("maximum duration of ticket at most 3 hours every month"),
       events({t("T1", "2026-01-31T22:00:00Z", "2026-02-01T02:00:00Z")}), "2026-03-01T00:00:00Z",
       {"P|1|above-target|unassigned|" + kJan + "T1|minutes=240 cases=1"}},
      {"business time with during: Fri 16:00 to Mon 10:00 is 2 business hours",
       rule("average duration of ticket during business hours of Acme at most 1 hour every month"),
       events({t("T1", "2026-01-09T16:00:00Z", "2026-01-12T10:00:00Z")}), kAsOfFeb,
       {"P|1|above-target|unassigned|" + kJan + "T1|minutes=120 cases=1"}},
  });
}

TEST_CASE("V2.6 duration measures: open cases", "[eval][intervals][durations]") {
  const std::string decl = "interval ticket from opened to closed with same ticket";
  const std::string terms = with_interval(decl, "maximum duration of ticket at most 3 hours every month");
  const std::string january = R"(
agreement "T"
  effective 2026-01-01 to 2026-01-31
  timezone "UTC"
)" + decl + R"(
expectation "P"
  maximum duration of ticket at most 3 hours every month
)";
  auto t = [](const std::string& id, const std::string& open) { return ev(id, open, "opened", ", ticket: " + id); };
  auto c = [](const std::string& id, const std::string& at) { return ev(id + "c", at, "closed", ", ticket: " + id); };
  check({
      {"a window with an open case is pending, listing its open cases, whatever the closed ones show", terms,
       events({t("T1", "2026-01-05T10:00:00Z"), c("T1", "2026-01-05T20:00:00Z"), t("T2", "2026-01-20T10:00:00Z"),
               t("T3", "2026-01-21T10:00:00Z"), c("T3", "2026-01-21T11:00:00Z")}),
       "2026-02-10T00:00:00Z", {}, {"P|1|@2026-01-01T00:00:00+00:00 T2|cases=3 open=1"}},
      {"a case closed after the window but before as-of is measured", terms,
       events({t("T1", "2026-01-31T20:00:00Z"), c("T1", "2026-02-01T00:30:00Z")}), "2026-02-01T01:00:00Z",
       {"P|1|above-target|unassigned|" + kJan + "T1|minutes=270 cases=1"}},
      {"at the effective end, an open case is measured up to that end", january,
       events({t("T1", "2026-01-31T20:00:00Z")}), "2026-02-05T00:00:00Z",
       {"P|1|above-target|unassigned|" + kJan + "T1|minutes=240 cases=1"}},
      {"an as-of exactly at the effective end has reached it", january,
       events({t("T1", "2026-01-31T22:00:00Z")}), "2026-02-01T00:00:00Z", {}},
  });
}

TEST_CASE("V2.6 never-met looks only at windows judged met or failed", "[eval][intervals][never-met]") {
  auto never_met = [](const app::Session& s) {
    std::string out;
    for (const auto& d : s.lint)
      if (d.code == "never-met") out += d.message + "\n";
    return out;
  };
  // Mon 01-05 to Sun 01-11: an hour down every weekday; the weekend has no business time.
  const std::string week = R"(
agreement "T"
  effective 2026-01-05 to 2026-01-11
  timezone "UTC"
party Acme
)" + kOutage + R"(
expectation "P"
  availability of outage during business hours of Acme at least 99% every day
)";
  std::vector<std::string> weekdays;
  for (int d = 5; d <= 9; ++d) {
    weekdays.push_back(down(fmt::format("O{}", d), fmt::format("2026-01-{:02}T10:00:00Z", d), "web"));
    weekdays.push_back(up(fmt::format("E{}", d), fmt::format("2026-01-{:02}T11:00:00Z", d), "web"));
  }
  auto s = run(week, events(weekdays), "2026-01-12T00:00:00Z");
  CHECK(s->outcome.findings.size() == 5);
  CHECK(never_met(*s) ==
        "expectation \"P\" was never met: availability of outage during business hours of Acme at least 99% every day "
        "failed in all 5 judged days; the best value seen in a day was 87.5%\n");

  // January fails, February has no case, March is pending: the only judged month failed.
  const std::string tickets = with_interval("interval ticket from opened to closed with same ticket",
                                            "maximum duration of ticket at most 1 hour every month");
  auto t = [](const std::string& id, const std::string& open) { return ev(id, open, "opened", ", ticket: " + id); };
  auto c = [](const std::string& id, const std::string& at) { return ev(id + "c", at, "closed", ", ticket: " + id); };
  s = run(tickets,
          events({t("T1", "2026-01-05T10:00:00Z"), c("T1", "2026-01-05T12:00:00Z"), t("T3", "2026-03-05T10:00:00Z")}),
          "2026-04-01T00:00:00Z");
  CHECK(s->outcome.pending.size() == 1);
  CHECK(never_met(*s) ==
        "expectation \"P\" was never met: maximum duration of ticket at most 1 hour every month failed in the only "
        "judged month; the best value seen in a month was 2 hours\n");
}
