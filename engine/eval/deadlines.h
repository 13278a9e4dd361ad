// The time arithmetic of timings (spec 5, "Durations"), shared by every rule with a timing: 5.1
// `every A requires Q ...` and V2.5 `every PERIOD requires Q ...`. One place decides what "D
// after A" and "D before A" mean, so that the forms cannot drift apart.
#pragma once
#include <optional>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"
#include "engine/eval/outcome.h"
#include "engine/model/agreement.h"

namespace pactum::eval {

// `before`, `at least D before`, `within D before`.
bool is_before_timing(model::Timing::Kind kind);

// Exact elapsed length of a duration in plain units (minutes .. weeks); 0 for business units.
Millis plain_length(const model::Duration& d);

// Where a timing's clock starts. `at` is A's instant (5.1) or the window's anchor (V2.5). Business
// days count from A's date, which is `at`'s local date in the calendar's zone unless `date` is
// given: V2.5 names the window's last (first) date in the agreement zone, and business days are
// then counted in the calendar's own dates after (before) that date.
struct Anchor {
  Instant at{};
  std::optional<date::local_days> date;
};

// `within D after` A: the deadline. nullopt when business time reaches it only after the
// supported calendar (2300, engine/base/time.h) or never: such a deadline never passes, and is
// never printed (it has no date the report could show). Plain units always give a date (at most
// 400 years on).
std::optional<Instant> after_deadline(const calendar::BusinessCalendar& cal, const model::Duration& d,
                                      const Anchor& a);

// D before A: the latest time a notice may come (`at least D before`: 24:00 ending the N-th
// business day before, `at_least` true) or the earliest a target still counts (`within D before`:
// 00:00 starting it). Business hours and plain units are symmetric to after_deadline. nullopt
// when business time reaches it only before 1900 or never: then no event can come early enough
// (`at least`), and every earlier event is recent enough (`within`).
std::optional<Instant> before_limit(const calendar::BusinessCalendar& cal, const model::Duration& d, const Anchor& a,
                                    bool at_least);

// The `required_*` measure of a late or early finding: the duration as written for business
// units, else `span` (A minus the limit) in hours.
void add_required(Finding& f, const model::Duration& d, Millis span);

}  // namespace pactum::eval
