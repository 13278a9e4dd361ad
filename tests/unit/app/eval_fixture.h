// Table-driven evaluator tests (spec 5): each case is an agreement (.terms text), a log (YAML
// text), an optional as-of, the expected findings, the expected pending activations and the
// number of tolerated misses. The whole pipeline runs through app::Session, as `pactum check`
// does; failures print the expected and the actual dumps in full.
//
// Dump format, one line per finding:
//   Block|rule|reason|responsible|where
// `responsible` is the list joined with ','. `where` is the ids of the finding's events joined
// with ',' (activation first, then the target for late/early), or, for a windowed finding (5.3,
// 5.4, 5.6), "@" + the window start in the agreement timezone followed by the events' ids
// ("@2026-01-05T00:00:00+00:00 M-1,M-2"; no trailing part when the window has no events).
// An event without an id is written as "#" + its position in the time-sorted log.
// Pending lines are the ids of the waiting activations, in order; a pending window is written
// like a finding ("Block|rule|pending|responsible|@start open-case-ids").
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "engine/app/session.h"
#include "engine/base/time.h"

namespace pactum::eval_test {

// An instant from ISO text: "2026-01-05T09:00:00Z"; without an offset it is read in `zone`.
inline Instant instant(const std::string& text, const std::string& zone = "UTC") {
  auto parsed = parse_timestamp(text);
  REQUIRE(parsed);
  return resolve(*parsed, find_zone(zone)).instant;
}

inline std::string event_name(const app::Session& s, uint32_t index) {
  const auto& e = s.log.event(index);
  if (e.id != log::kNoSymbol) return std::string(s.log.symbols.text(e.id));
  return "#" + std::to_string(index);
}

inline std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

inline std::string finding_line(const app::Session& s, const eval::Finding& f) {
  std::vector<std::string> ids;
  for (auto i : f.events) ids.push_back(event_name(s, i));
  std::string where;
  if (f.window) {
    where = "@" + format_instant(f.window->start, s.agreement->zone);
    if (!ids.empty()) where += " " + join(ids, ",");
  } else {
    where = join(ids, ",");
  }
  return f.block->name + "|" + std::to_string(f.rule->number) + "|" + f.reason + "|" + join(f.responsible, ",") + "|" +
         where;
}

inline std::string dump_findings(const app::Session& s) {
  std::string out;
  for (const auto& f : s.outcome.findings) out += finding_line(s, f) + "\n";
  return out;
}

// A pending activation is its id; a pending window (V2.3) is a whole finding line.
inline std::string dump_pending(const app::Session& s) {
  std::string out;
  for (const auto& p : s.outcome.pending)
    out += (p.window || p.events.empty() ? finding_line(s, p) : event_name(s, p.events.front())) + "\n";
  return out;
}

// The numeric measured values of every finding, then every pending item, one line each:
// "below-target cases=10 failed=3 share=70 target=80" (numbers in their shortest exact form).
inline std::string dump_measured(const app::Session& s) {
  std::string out;
  auto line = [&](const eval::Finding& f) {
    out += f.reason;
    for (const auto& m : f.measured)
      if (m.number) out += " " + m.key + "=" + fmt::format("{}", *m.number);
    out += "\n";
  };
  for (const auto& f : s.outcome.findings) line(f);
  for (const auto& p : s.outcome.pending) line(p);
  return out;
}

inline std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& l : items) out += l + "\n";
  return out;
}

inline std::string warnings_text(const app::Session& s) {
  std::string out;
  for (const auto& d : s.warnings.items()) out += d.message + "\n";
  return out;
}

// Runs the pipeline; the agreement and the log must load without errors.
inline std::unique_ptr<app::Session> run(const std::string& terms, const std::string& yaml,
                                         const std::string& as_of = "") {
  auto s = std::make_unique<app::Session>();
  bool agreement_ok = s->load_agreement_text("a.terms", terms);
  INFO("agreement:\n" << terms);
  INFO("errors:\n" << s->render_errors(false));
  REQUIRE(agreement_ok);
  bool log_ok = s->load_log_text("log.yaml", yaml, log::Backend::Libyaml);
  INFO("log:\n" << yaml);
  INFO("errors:\n" << s->render_errors(false));
  REQUIRE(log_ok);
  std::optional<Instant> when;
  if (!as_of.empty()) when = instant(as_of, s->agreement->ast->timezone_name());
  s->evaluate(when);
  return s;
}

struct Case {
  const char* name;
  std::string terms;
  std::string log;
  std::string as_of;  // "" = the latest event
  std::vector<std::string> findings;
  std::vector<std::string> pending = {};
  size_t tolerated = 0;
};

inline void check_case(const Case& c) {
  INFO("case: " << c.name);
  auto s = run(c.terms, c.log, c.as_of);
  INFO("warnings:\n" << warnings_text(*s));
  CHECK(dump_findings(*s) == lines(c.findings));
  CHECK(dump_pending(*s) == lines(c.pending));
  CHECK(s->outcome.tolerated == c.tolerated);
  CHECK(s->outcome.tolerated_misses.size() == s->outcome.tolerated);  // each tolerated miss is listed (JUnit)
}

inline void check_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) check_case(c);
}

// The usual header: a 2026 agreement in UTC with two parties whose calendars are the default
// (mon-fri 09:00-17:00 UTC, no holidays). 2026-01-01 is a Thursday; Mondays in January are the
// 5th, 12th, 19th and 26th.
inline const std::string kUtcHeader = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
)";

inline std::string utc(const std::string& blocks) { return kUtcHeader + blocks; }

// A log with a mapping and an `events:` sequence; each argument is one flow-style event.
inline std::string events(const std::vector<std::string>& items) {
  std::string out = "events:\n";
  for (const auto& e : items) out += "  - " + e + "\n";
  if (items.empty()) out = "events: []\n";
  return out;
}

}  // namespace pactum::eval_test
