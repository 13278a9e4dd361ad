// Internal to engine/lint: the context every check family reads, the check entry points (one
// file per family) and the wording helpers they share, so that all messages read alike.
#pragma once
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/time.h"
#include "engine/model/agreement.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::lint {

// The range calendar checks run over (spec 7): the effective period, else the current year
// in the agreement timezone.
struct Context {
  const semantic::ResolvedAgreement& agreement;
  Instant from{};
  Instant to{};
  date::local_days first_day{};  // local date of `from` in the agreement timezone
  std::string range_text;        // "between 2026-01-01 and 2026-12-31" / "in 2026"
};

// What the calendar checks compute is a function of a calendar (and a period), not of a rule:
// each family keeps it per calendar, so 10^5 rules over a 400-year effective period scan each
// calendar once, not once per rule (docs/security.md, limits).

void check_targets(const Context& ctx, std::vector<Diagnostic>& out);         // perfection-target
void check_hours(const Context& ctx, std::vector<Diagnostic>& out);           // impossible-hours
void check_deadlines(const Context& ctx, std::vector<Diagnostic>& out);       // deadline-outside-hours, short-notice
void check_cadence(const Context& ctx, std::vector<Diagnostic>& out);         // cadence-too-dense
void check_contradictions(const Context& ctx, std::vector<Diagnostic>& out);  // contradiction
void check_one_sided(const Context& ctx, std::vector<Diagnostic>& out);       // one-sided
void check_credits(const Context& ctx, std::vector<Diagnostic>& out);  // credit-never-applies, cap-below-credit, tiers-not-monotone
void check_block_names(const Context& ctx, std::vector<Diagnostic>& out);  // duplicate-block

// The windows of `period` that evaluation would judge in the range: complete windows inside it;
// when the range is too short for any, the windows that overlap it (cadence.cc).
std::vector<calendar::Interval> windows_of(const Context& ctx, const model::Period& period);

// --- wording (wording.cc) ---------------------------------------------------------------------

Diagnostic entry(DiagLevel level, const char* code, SourceLoc loc, std::string message,
                 std::vector<std::string> notes, uint32_t width = 1);
// "1 hour", "3 hours"
std::string count_of(int64_t n, const std::string& singular);
// A length of time in words: "60 hours", "2 hours 30 minutes", "45 minutes", "3 days 4 hours".
std::string duration_words(Millis d);
// A number as a reader writes it: 80, 99.5 (no trailing zeros).
std::string number_text(double v);
// "Manila time", "New York time", "UTC".
std::string zone_words(const date::time_zone* zone);
// "Fri 2026-01-02 20:00"
std::string local_words(Instant t, const date::time_zone* zone);
// "HH:MM" of minutes since midnight (1440 is "24:00").
std::string clock_text(int minutes);
// "week", "month", "2 weeks"; and the plural "weeks", "months", "2-week windows".
std::string period_word(const model::Period& p);
std::string period_words(const model::Period& p);
// `business hours` as written in the language: "mon-fri 09:00-17:00, sat 09:00-13:00".
std::string hours_text(const std::vector<model::HoursSpan>& hours);
// The weekly hours in effect for a party or a named calendar (its own, else the agreement's, else
// the default).
std::vector<model::HoursSpan> effective_hours(const semantic::ResolvedAgreement& a, const std::string& party);
// "write `...`": the rewrite note for a rule.
std::string write_rule(const model::Rule& rule);
// Caret width for an entry at a rule: its first word ("every", "at", "average", ...).
uint32_t first_word_width(const model::Rule& rule);
// "`...`": a rule's canonical text quoted.
std::string quoted(const model::Rule& rule);
// "average", "minimum", ...
const char* aggregate_word(model::Aggregate a);
// "A", "A and B", "A, B and C"
std::string and_list(const std::vector<std::string>& items);

}  // namespace pactum::lint
