// Streamed evaluation of the version 2 forms (Session::stream_check, engine/app/streamed_check.cc):
// the same outcome as the loaded path, with events dropped after every timestamp group and the
// symbols of dropped events forgotten very often (PACTUM_STREAM_BATCH=1), with and without
// --as-of. The cases are the ones where a streamed rule could go wrong: a window still open when
// the log ends (judged or not only once as-of is known), an interval open across many batches,
// events naming windows in any order (`grouped by period`, `for the month`), activity noted for
// activations of a window that turns out not to be judged. Everything the reports show is
// compared: findings with their cited events and measures, pending items, window summaries,
// the activity per day, warnings.
#include <stdlib.h>

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "tests/unit/app/eval_fixture.h"
#include "tests/unit/app/temp_folder.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

std::string measures(const eval::Finding& f) {
  std::string out;
  for (const auto& m : f.measured) out += " " + m.key + "=" + (m.number ? fmt::format("{}", *m.number) : m.text);
  return out;
}

// Everything the outcome says, one line per item.
std::string everything(const app::Session& s) {
  std::string out;
  const auto* zone = s.agreement->zone;
  for (const auto& f : s.outcome.findings) out += "finding " + finding_line(s, f) + measures(f) + " | " + f.message + "\n";
  for (const auto& p : s.outcome.pending) out += "pending " + finding_line(s, p) + measures(p) + " | " + p.message + "\n";
  for (const auto& f : s.outcome.tolerated_misses) out += "tolerated " + finding_line(s, f) + "\n";
  for (const auto& p : s.outcome.periodic) {
    out += fmt::format("summary rule {}: judged {} failed {}\n", p.rule->number, p.judged_windows, p.failed_windows);
    for (const auto& w : p.windows)
      out += fmt::format("  {} {} {}\n", format_instant(w.window.start, zone), int(w.state),
                         w.value ? fmt::format("{}", *w.value) : "-");
  }
  for (size_t b = 0; b < s.outcome.activity.size(); ++b)
    for (const auto& d : s.outcome.activity[b]) out += fmt::format("activity {} day {}: {}\n", b, d.day, d.count);
  out += fmt::format("events {} ignored {} judged to {}\n", s.outcome.events, s.outcome.ignored_events,
                     format_instant(s.outcome.judged_to, zone));
  for (const auto& d : s.warnings.items()) out += "warning " + d.message + "\n";
  return out;
}

struct Streamed {
  std::unique_ptr<app::Session> session;
  app::Session::Streamed result;
};

Streamed stream(const std::string& terms, const std::string& log_path, const std::string& as_of) {
  auto s = std::make_unique<app::Session>();
  REQUIRE(s->load_agreement_text("a.terms", terms));
  std::optional<Instant> when;
  if (!as_of.empty()) when = instant(as_of, s->agreement->ast->timezone_name());
  ::setenv("PACTUM_STREAM_BATCH", "1", 1);
  auto how = s->stream_check({log_path}, log::Backend::Libyaml, nullptr, when);
  ::unsetenv("PACTUM_STREAM_BATCH");
  return {std::move(s), how.result};
}

// Streamed (in batches of one timestamp group) == loaded, with and without `as_of`; `streams`:
// whether the check must take the streamed path without --as-of (it must with one).
void same_when_streamed(const std::string& name, const std::string& terms, const std::string& yaml,
                        const std::string& as_of, bool streams_without_as_of = true) {
  testing::TempFolder dir;
  std::string path = dir / "log.yaml";
  std::ofstream(path) << yaml;
  for (const std::string& when : {std::string(), as_of}) {
    INFO("case: " << name << (when.empty() ? ", no --as-of" : ", --as-of " + when));
    auto loaded = run(terms, yaml, when);
    auto streamed = stream(terms, path, when);
    bool must_stream = !when.empty() || streams_without_as_of;
    CHECK((streamed.result == app::Session::Streamed::Done) == must_stream);
    if (streamed.result != app::Session::Streamed::Done) continue;
    CHECK(everything(*streamed.session) == everything(*loaded));
    CHECK(!(loaded->outcome.findings.empty() && loaded->outcome.pending.empty()));  // the case shows something
  }
}

// Many events in between: each its own timestamp group, with an id of its own (a symbol that
// is forgotten once it is dropped, its number given to later texts). `first_day`: "2026-01-05";
// the days that follow must stay in its month.
std::vector<std::string> filler(const std::string& first_day, int days, int per_day) {
  std::vector<std::string> out;
  int day = std::stoi(first_day.substr(8));
  for (int d = 0; d < days; ++d)
    for (int k = 0; k < per_day; ++k)
      out.push_back(fmt::format("{{type: noise, id: N-{}-{}-{}, at: \"{}{:02}T{:02}:{:02}:00Z\"}}", first_day, d, k,
                                first_day.substr(0, 8), day + d, 1 + k / 60, k % 60));
  return out;
}

// Flow-style events in time order (by their `at`, which every one has, quoted, in UTC).
std::vector<std::string> in_time_order(std::vector<std::string> log) {
  std::stable_sort(log.begin(), log.end(), [](const std::string& a, const std::string& b) {
    return a.substr(a.find("at: ")) < b.substr(b.find("at: "));
  });
  return log;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TEST_CASE("streamed: shares of events, a window open at the end, grouped by period", "[eval][stream]") {
  const std::string terms = utc(
      "expectation \"Calls\"\n"
      "  at least 80% of call have handle_time <= 600 every month\n"
      "  at most 10% of call have handle_time > 900 every week or at most 1 failed when fewer than 5 cases\n"
      "  at least 50% of kpi have ok = true every month grouped by period\n");
  std::vector<std::string> log;
  for (int m = 1; m <= 3; ++m)
    for (int d = 1; d <= 20; d += 3)
      log.push_back(fmt::format("{{type: call, id: C-{}-{}, at: \"2026-{:02}-{:02}T10:00:00Z\", handle_time: {}}}", m, d, m,
                                d, d % 2 ? 1000 : 300));
  // kpi events naming months out of order, one of them a month never judged, one naming nothing.
  log.push_back("{type: kpi, id: K-1, at: \"2026-01-10T09:00:00Z\", period: \"2026-02\", ok: false}");
  log.push_back("{type: kpi, id: K-2, at: \"2026-02-10T09:00:00Z\", period: \"2026-01\", ok: false}");
  log.push_back("{type: kpi, id: K-3, at: \"2026-02-11T09:00:00Z\", period: \"2026-03\", ok: false}");
  log.push_back("{type: kpi, id: K-4, at: \"2026-03-12T09:00:00Z\", period: \"2026-02\", ok: true}");
  log.push_back("{type: kpi, id: K-5, at: \"2026-03-13T09:00:00Z\", period: \"March\", ok: true}");
  log = in_time_order(log);
  log = log + filler("2026-03-21", 3, 5);
  same_when_streamed("shares of events", terms, events(log), "2026-04-01T00:00:00Z");
}

TEST_CASE("streamed: shares of activations, the last window judged or not", "[eval][stream]") {
  const std::string terms = utc(
      "term \"Tickets\"\n"
      "  every ticket_opened requires ticket_resolved with same ticket within 2 days after in at least 90% of cases "
      "every month\n"
      "  every ticket_opened requires ticket_resolved with same ticket before in at least 50% of cases every week\n");
  std::vector<std::string> log;
  for (int m = 1; m <= 3; ++m)
    for (int d = 2; d <= 27; d += 5) {
      log.push_back(fmt::format("{{type: ticket_opened, id: T-{}-{}, ticket: t{}{}, at: \"2026-{:02}-{:02}T09:00:00Z\"}}", m,
                                d, m, d, m, d));
      if (d % 3)
        log.push_back(fmt::format("{{type: ticket_resolved, id: R-{}-{}, ticket: t{}{}, at: \"2026-{:02}-{:02}T{}:00:00Z\"}}",
                                  m, d, m, d, m, d + 1, d % 2 ? 10 : 11));
    }
  // The last activations (in March, a window not judged without --as-of) are still open.
  same_when_streamed("shares of activations", terms, events(log), "2026-04-01T00:00:00Z");
}

TEST_CASE("streamed: a share of activations with `no later than` needs --as-of", "[eval][stream]") {
  const std::string terms = utc(
      "term \"Orders\"\n"
      "  every order requires delivery with same order no later than due in at least 90% of cases every month\n");
  std::vector<std::string> log = {
      "{type: order, id: O-1, order: o1, due: \"2026-01-10T00:00:00Z\", at: \"2026-01-05T09:00:00Z\"}",
      "{type: order, id: O-2, order: o2, at: \"2026-01-06T09:00:00Z\"}",  // no `due`: an input warning
      "{type: order, id: O-3, order: o3, due: \"2026-02-10T00:00:00Z\", at: \"2026-02-05T09:00:00Z\"}",
      "{type: order, id: O-4, order: o4, at: \"2026-02-06T09:00:00Z\"}",  // in a window judged only with --as-of
      "{type: delivery, id: D-3, order: o3, at: \"2026-02-12T09:00:00Z\"}",
  };
  same_when_streamed("no later than", terms, events(log), "2026-03-01T00:00:00Z", false);
}

TEST_CASE("streamed: obligations per period, served in and out of order", "[eval][stream]") {
  const std::string terms = utc(
      "term \"Reports\"\n"
      "  every month requires report for the month within 5 days after\n"
      "  every month requires summary within 3 days after\n"
      "  every week requires plan at least 1 day before\n"
      "  every month requires forecast for the month within 2 days before\n");
  std::vector<std::string> log = {
      "{type: plan, id: P-1, at: \"2026-01-03T09:00:00Z\"}",
      "{type: forecast, id: F-2, period: \"2026-02\", at: \"2026-01-20T09:00:00Z\"}",
      "{type: report, id: R-1, period: \"2026-01\", at: \"2026-02-09T09:00:00Z\"}",  // late
      "{type: summary, id: S-1, at: \"2026-02-02T09:00:00Z\"}",
      "{type: plan, id: P-2, at: \"2026-02-20T09:00:00Z\"}",
      "{type: forecast, id: F-3, period: \"2026-03\", at: \"2026-02-28T09:00:00Z\"}",
      "{type: report, id: R-3, period: \"2026-03\", at: \"2026-03-20T09:00:00Z\"}",  // March not over: in time
      "{type: report, id: R-2, period: \"2026-02\", at: \"2026-03-21T09:00:00Z\"}",  // late
      "{type: summary, id: S-3, at: \"2026-03-25T09:00:00Z\"}",
  };
  same_when_streamed("obligations per period", terms, events(in_time_order(log) + filler("2026-03-26", 3, 4)),
                     "2026-04-10T00:00:00Z");
}

TEST_CASE("streamed: intervals open across many batches and at the end", "[eval][stream]") {
  const std::string terms = utc(
      "interval outage from outage_start to outage_end with same service\n"
      "expectation \"Service\"\n"
      "  availability of outage at least 99.9% every day\n"
      "  downtime of outage at most 2 hours every week\n"
      "  maximum duration of outage at most 3 hours every week\n"
      "  percentile 50 duration of outage at most 60 minutes every month\n");
  std::vector<std::string> log = {
      "{type: outage_start, id: O-1, service: web, at: \"2026-01-05T01:00:00Z\"}",
  };
  log = log + filler("2026-01-05", 4, 6);  // web down across many batches
  log.push_back("{type: outage_start, id: O-2, service: db, at: \"2026-01-09T10:00:00Z\"}");
  log.push_back("{type: outage_end, id: E-2, service: db, at: \"2026-01-09T10:00:00Z\"}");  // zero length
  log.push_back("{type: outage_end, id: E-1, service: web, at: \"2026-01-10T00:30:00Z\"}");
  log.push_back("{type: outage_start, id: O-3, service: db, at: \"2026-01-20T08:00:00Z\"}");
  log = log + filler("2026-01-21", 2, 3);  // still open when the log ends
  same_when_streamed("intervals", terms, events(log), "2026-02-02T00:00:00Z");
}

TEST_CASE("streamed: periodic rules grouped by period", "[eval][stream]") {
  const std::string terms = utc(
      "term \"KPI\"\n"
      "  at least 2 kpi_report every month grouped by period\n"
      "  at most 1 incident_report every month grouped by period\n"
      "  average score of score_report at least 50 every month grouped by period\n");
  std::vector<std::string> log;
  const char* months[] = {"2026-02", "2026-01", "2026-03", "2026-01", "2026-02", "2026-01", "2026-02", "2026-03"};
  for (int i = 0; i < 8; ++i) {
    std::string at = fmt::format("2026-0{}-{:02}T09:00:00Z", 1 + i / 3, 3 + 3 * (i % 3));
    log.push_back(fmt::format("{{type: kpi_report, id: K-{}, period: \"{}\", at: \"{}\"}}", i, months[i], at));
    log.push_back(fmt::format("{{type: incident_report, id: I-{}, period: \"{}\", at: \"{}\"}}", i, months[7 - i], at));
    log.push_back(fmt::format("{{type: score_report, id: S-{}, period: \"{}\", score: {}, at: \"{}\"}}", i, months[i],
                              i % 3 ? "40" : "\"n/a\"", at));
  }
  log = in_time_order(log);
  same_when_streamed("grouped by period", terms, events(log + filler("2026-03-20", 2, 3)), "2026-04-01T00:00:00Z");
}
