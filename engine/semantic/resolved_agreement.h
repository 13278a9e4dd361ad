// The checks between parsing and evaluation (spec 3, "agreement errors"): duplicate parties,
// reversed or zero-length periods, unknown parties, time zones and calendars. What comes out is
// an agreement whose names are all known and whose calendars are built, ready to evaluate.
#pragma once
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/calendar/business_calendar.h"
#include "engine/model/agreement.h"

namespace pactum::semantic {

// Parties and named calendars one agreement may declare (an input error beyond: docs/security.md).
inline constexpr size_t kMaxParties = 1000;

// Stable codes of agreement errors (also lint codes, spec 7).
inline constexpr const char* kDuplicateParty = "duplicate-party";
inline constexpr const char* kBadPeriod = "bad-period";
inline constexpr const char* kUnknownParty = "unknown-party";
inline constexpr const char* kUnknownTimezone = "unknown-timezone";
inline constexpr const char* kBadCalendar = "bad-calendar";
// Version 2 (spec V2.2).
inline constexpr const char* kBadPause = "bad-pause";
inline constexpr const char* kBadTiming = "bad-timing";
inline constexpr const char* kUnknownInterval = "unknown-interval";
inline constexpr const char* kDuplicateInterval = "duplicate-interval";
inline constexpr const char* kBadPercentile = "bad-percentile";
inline constexpr const char* kBadPercentage = "bad-percentage";
inline constexpr const char* kUnknownFee = "unknown-fee";
inline constexpr const char* kDuplicateFee = "duplicate-fee";

struct Party {
  std::string id;
  const model::PartyDecl* decl = nullptr;
  calendar::BusinessCalendar calendar;  // own hours/zone/holidays, each inherited separately
};

// A `calendar NAME` (V2.7): business time that belongs to no party.
struct NamedCalendar {
  std::string id;
  const model::CalendarDef* decl = nullptr;
  calendar::BusinessCalendar calendar;
};

class ResolvedAgreement {
 public:
  const model::Agreement* ast = nullptr;
  std::string name;                      // empty when the file has no `agreement`
  const date::time_zone* zone = nullptr; // the agreement timezone (UTC by default)
  std::optional<Instant> effective_start;  // 00:00 of the first day, agreement timezone
  std::optional<Instant> effective_end;    // 24:00 of the last day
  std::vector<Party> parties;              // in declaration order
  std::vector<NamedCalendar> calendars;    // V2.7, in declaration order; never parties
  std::optional<calendar::BusinessCalendar> agreement_calendar;
  std::unordered_map<std::string, size_t> party_index;     // id -> position in `parties`
  std::unordered_map<std::string, size_t> calendar_index;  // id -> position in `calendars`

  const Party* find_party(const std::string& id) const;             // through party_index: constant time
  const NamedCalendar* find_calendar(const std::string& id) const;  // through calendar_index
  std::vector<std::string> party_names() const;
  // The calendar of a party or named calendar `name` (`of X` accepts both, V2.7), or the
  // agreement's when `name` is empty/unknown.
  const calendar::BusinessCalendar& calendar_of(const std::string& name) const;
  // A block's own lifetime (V2.7 `effective D1 to D2`: 00:00 of D1 to 24:00 of D2, agreement
  // zone), if it has one.
  std::optional<calendar::Interval> block_span(const model::Block& block) const;
};

// Runs every agreement check; each problem becomes an error Diagnostic with its code.
// Returns nullopt when any agreement error was found.
std::optional<ResolvedAgreement> resolve_agreement(const model::Agreement& agreement, Diagnostics& diags);
// The same checks, but always returns the agreement as far as it could be resolved (an unknown
// zone falls back to UTC, an unknown party to the agreement calendar), for `pactum lint`, which
// reports agreement errors as lint entries beside its other checks.
ResolvedAgreement resolve_best_effort(const model::Agreement& agreement, Diagnostics& diags);

// The calendar a `business` duration uses (spec 5, Durations): `of P`; else the party the
// target pattern names with `by`; else the agreement's.
const calendar::BusinessCalendar& duration_calendar(const ResolvedAgreement& agreement, const model::Duration& d,
                                                    const model::Pattern& target);

// Money (V2.8): the amount of a declared fee, nullptr when there is none of that name.
const model::FeeDecl* find_fee(const model::Agreement& agreement, const std::string& id);

// True for a requires-rule whose correlation names the event's own `by` (`with same `by``):
// its findings are the acting party's, the activation's `by` (V2.1).
bool correlates_on_by(const model::Rule& rule);

// The responsible parties a rule fixes by its text alone (spec 5, V2.1): the target `by` of a
// requires-rule; for a rule that correlates on `by`, the activation pattern's `by` (the acting
// party is then always that party), else nothing, since the acting party depends on the events;
// otherwise the block's `responsible`, else the pattern's `by`. Empty when it depends on the
// events. Lint (`one-sided`, the obligation balance) and explain read this.
std::vector<std::string> responsible_by_text(const model::Block& block, const model::Rule& rule);

// What section 5 falls back to after the target `by` and the acting party: the block's
// `responsible` (duplicates dropped), else the pattern's `by`; empty when neither is written.
std::vector<std::string> responsible_fallback(const model::Block& block, const model::Rule& rule);

}  // namespace pactum::semantic
