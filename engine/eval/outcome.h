// What evaluation produces: findings, pending items and the counts of the summary (spec 5, 6,
// 8.1). Events are referred to by their index in the time-sorted EventLog.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"
#include "engine/model/agreement.h"

namespace pactum::eval {

// A measured value of a finding ("notice_hours": 25, "deadline": "2026-...").
struct Measure {
  std::string key;
  std::optional<double> number;  // numeric value, else `text`
  std::string text;
  std::vector<std::string> list;  // a list of names (e.g. the parties whose hours were missed)
  // The exact value num / den of a share (V2.3), of which `number` is only the rounded display,
  // so that thresholds (V2.8 `when measured`) can be compared exactly (model::compare_ratio).
  struct Fraction {
    int64_t num = 0;
    int64_t den = 1;
  };
  std::optional<Fraction> exact = std::nullopt;
};

struct Finding {
  size_t block_index = 0;
  const model::Block* block = nullptr;
  const model::Rule* rule = nullptr;
  std::string reason;  // late, missing, early, pending, outside-hours, too-few, too-many, forbidden,
                       // below-target, above-target, no-data
  std::vector<std::string> responsible;  // ["unassigned"] when nobody is
  Instant at{};                           // the activation's time, or the window's start
  std::optional<calendar::Interval> window;
  std::vector<uint32_t> events;  // indices into the sorted EventLog; activation/offending event first
  std::vector<Measure> measured;
  std::string message;  // one plain-English sentence
  // `late` and `missing` findings of rules with a deadline (`within D after`, `no later than`;
  // V2.4, V2.5): how far past the deadline, exactly (late: the first target's time minus the
  // deadline; missing: as-of minus the deadline). Priced `per day|hour late` by V2.8.
  std::optional<Millis> delay;
};

// One window of a rule with a period (5.3, 5.4, 5.6, V2.3, V2.6), as the html report charts it:
// how it fared and the value the rule compared. Windows without a case (shares, durations) are
// not listed; a pending window (V2.3, V2.6) is.
struct WindowResult {
  enum class State : uint8_t { Kept, Broken, Tolerated, Pending };
  calendar::Interval window;
  State state = State::Kept;
  // The count (5.3, 5.4), the aggregate (5.6), the share in percent (V2.3), the availability in
  // percent or the downtime in minutes (V2.6), the duration measure in minutes (V2.6); none
  // when the window had no value (5.6 no-data, a pending window).
  std::optional<double> value = std::nullopt;
};

// How many activations the rules of a block judged on one local day of the agreement zone (the
// html report's timelines): activations of 5.1 and 5.2, the windows of V2.5 at their start.
struct ActivityDay {
  int32_t day = 0;  // days since 1970-01-01
  uint32_t count = 0;
};

// How a periodic rule (5.3, 5.4, 5.6; V2.3 shares) fared over all its judged windows (for lint `never-met`).
struct PeriodicSummary {
  size_t block_index = 0;
  const model::Block* block = nullptr;
  const model::Rule* rule = nullptr;
  size_t judged_windows = 0;
  size_t failed_windows = 0;       // tolerated misses count as failures; windows without a case
                                   // and pending windows (V2.3) do not
  std::optional<double> best_value;  // best count, aggregate or share seen in a judged window
  // For the html report's service level charts: the value a window must reach (at least) or
  // stay under (at most), in the unit of WindowResult::value, and every window in time order.
  std::optional<double> target = std::nullopt;
  std::vector<WindowResult> windows = {};
};

struct Outcome {
  bool evaluated = false;  // false: no events and no --as-of
  Instant as_of{};
  Instant judged_from{};
  Instant judged_to{};
  size_t events = 0;          // events read
  size_t ignored_events = 0;  // outside the judged interval
  size_t rules = 0;
  size_t tolerated = 0;
  // The misses `allowing K missed per ...` tolerated (5.3), as the findings they would have been
  // (reason "too-few"), in report order: JUnit lists them as skipped test cases. tolerated ==
  // tolerated_misses.size().
  std::vector<Finding> tolerated_misses;
  std::vector<Finding> findings;  // ordered per spec 6
  std::vector<Finding> pending;   // same order
  std::vector<PeriodicSummary> periodic;
  std::map<std::string, size_t> by_party;  // every declared party, plus "unassigned" when used
  // Rules whose activation or counted pattern matched no event in the judged interval (a note).
  std::vector<std::pair<const model::Block*, const model::Rule*>> unmatched;
  std::map<std::string, size_t> tolerated_by_party;  // the parties a tolerated miss would have named
  std::vector<std::vector<ActivityDay>> activity;    // by block index; days ascending, each once
};

}  // namespace pactum::eval
