// Waivers and baselines (engine/triage) over findings of the real pipeline (app::Session): an
// agreement with a deadline rule and a monthly rule, a log that gives four findings, and helpers
// that read waiver and baseline text as `pactum check` does and name each finding briefly.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "engine/app/session.h"
#include "engine/report/finding_id.h"
#include "engine/triage/triage.h"

namespace pactum::triage_test {

// As of 2026-03-31 (UTC): T1 and T4 are answered late, T2 never (missing), T3 in time; a review
// happened in January only, so February is too-few (March is not over).
inline const std::string kTerms = R"(agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind

term "Tickets are answered"
  responsible Northwind
  every ticket requires response with same ticket within 4 hours after

term "Monthly review"
  responsible Acme
  at least 1 review every month
)";

inline const std::vector<std::string> kEvents = {
    "{at: 2026-01-05T09:00:00Z, type: ticket, id: T1, ticket: T1}",
    "{at: 2026-01-05T14:00:00Z, type: response, id: R1, ticket: T1}",
    "{at: 2026-01-06T09:00:00Z, type: ticket, id: T2, ticket: T2}",
    "{at: 2026-01-07T09:00:00Z, type: ticket, id: T3, ticket: T3}",
    "{at: 2026-01-07T10:00:00Z, type: response, id: R3, ticket: T3}",
    "{at: 2026-01-08T09:00:00Z, type: ticket, id: T4, ticket: T4}",
    "{at: 2026-01-08T19:00:00Z, type: response, id: R4, ticket: T4}",
    "{at: 2026-01-20T10:00:00Z, type: review, id: M1}",
    "{at: 2026-03-31T12:00:00Z, type: note, id: N1}",
};

inline std::string log_text(const std::vector<std::string>& events) {
  std::string out = "events:\n";
  for (const auto& e : events) out += "  - " + e + "\n";
  return out;
}

inline Instant instant(const std::string& iso) {
  auto parsed = parse_timestamp(iso);
  REQUIRE(parsed);
  return resolve(*parsed, find_zone("UTC")).instant;
}

// The pipeline over `logs` ({file name, events}), in that order, as of 2026-03-31 12:00 UTC.
inline std::unique_ptr<app::Session> evaluate(const std::vector<std::pair<std::string, std::vector<std::string>>>& logs) {
  auto s = std::make_unique<app::Session>();
  REQUIRE(s->load_agreement_text("agreement.terms", kTerms));
  for (const auto& [name, events] : logs) {
    INFO(s->render_errors(false));
    REQUIRE(s->load_log_text(name, log_text(events), log::Backend::Libyaml));
  }
  s->evaluate(instant("2026-03-31T12:00:00Z"));
  REQUIRE(!s->errors.has_errors());
  return s;
}
inline std::unique_ptr<app::Session> evaluate() { return evaluate({{"log.yaml", kEvents}}); }

// "Tickets are answered|late|T1", "Monthly review|too-few|@2026-02-01"
inline std::string brief(const app::Session& s, const eval::Finding& f) {
  std::string what;
  if (f.window) what = "@" + format_instant(f.window->start, s.agreement->zone).substr(0, 10);
  else if (!f.events.empty()) what = std::string(s.log.symbols.text(s.log.event(f.events.front()).id));
  return fmt::format("{}|{}|{}", f.block->name, f.reason, what);
}
inline std::vector<std::string> briefs(const app::Session& s, const std::vector<eval::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(brief(s, f));
  return out;
}

// The id of the finding `brief` names.
inline std::string id_of(const app::Session& s, const std::string& name) {
  for (const auto& f : s.outcome.findings)
    if (brief(s, f) == name) return report::finding_id(s.log, f);
  FAIL("no finding " << name);
  return "";
}

// "waivers.yaml:3:5: message" for each diagnostic (first line of the message only).
inline std::vector<std::string> located(const app::Session& s, const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items())
    out.push_back(fmt::format("{}:{}:{}: {}", s.sources.name(d.loc.file), d.loc.line, d.loc.column, d.message));
  return out;
}

}  // namespace pactum::triage_test
