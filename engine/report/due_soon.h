// `pactum check --due-within SPAN`: the pending obligations whose deadline falls within SPAN of
// the as-of time, soonest first, with the party that must act and the time left. They come from
// the pending items evaluation already produced (an activation awaiting its target, a period
// awaiting its delivery), through the deadline they carry (measured "deadline"); pending items
// without a deadline (a paused clock, a share window not decided yet, a rule without timing) are
// never due. Every format shows the same list (docs/ci.md, "Due soon").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/report.h"

namespace pactum::report {

// "5d", "36h", "2w", "90min", "1d12h": one or more NUMBER UNIT parts, units w (7 days), d (24
// hours), h, min. Elapsed time, not calendar days. nullopt (with `why`) for anything else, zero,
// or more than 100 years.
std::optional<Millis> parse_span(std::string_view text, std::string* why = nullptr);

// The deadline a pending item carries (its measured "deadline"), if any.
std::optional<Instant> deadline_of(const eval::Finding& pending);

struct DueItem {
  const eval::Finding* pending = nullptr;
  Instant deadline{};
  Millis left{};  // deadline - as-of, > 0
};
// The pending items due within d.due_within of as-of: soonest deadline first, then report
// order. Empty without --due-within or when nothing was evaluated.
std::vector<DueItem> due_soon(const ReportData& d);
// The end of the span: as-of + d.due_within (requires both).
Instant due_until(const ReportData& d);

// The time left in words, the two largest units, rounded down: "1 day 4 hours", "3 hours 20
// minutes", "45 minutes", "less than a minute".
std::string time_left_words(Millis left);
// "due in 1 day 4 hours"
std::string due_in_words(const DueItem& item);
// "Acme, Northwind" (the party or parties that must act)
std::string must_act(const eval::Finding& pending);
// The deadline as the agreement means it: "the end of Wed 2026-11-04", "Thu 2026-11-05 12:00".
std::string deadline_words(const ReportData& d, const DueItem& item);
// "due in 1 day 4 hours (deadline: the end of Wed 2026-11-04; must act: Acme)"
std::string due_words(const ReportData& d, const DueItem& item);

}  // namespace pactum::report
