// V2.3 service levels as shares of cases, what the share of events and the share of activations
// have in common: the tally of one judged window (cases, those counting against the bound, open
// cases), the three-valued verdict, the reported share and the measured values of a finding.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar/business_calendar.h"
#include "engine/eval/cited_events.h"
#include "engine/eval/outcome.h"
#include "engine/model/agreement.h"

namespace pactum::eval {

// The judged windows of a share rule, listed once, so that finding the window of an instant is a
// binary search (no time-zone work per event).
class JudgedWindows {
 public:
  explicit JudgedWindows(std::vector<calendar::Interval> windows) : windows_(std::move(windows)) {}
  size_t size() const { return windows_.size(); }
  const calendar::Interval& operator[](size_t i) const { return windows_[i]; }
  // The index of the judged window holding `t` (start inclusive, end exclusive); nullopt when the
  // window of `t` is not judged.
  std::optional<size_t> index_of(Instant t) const;

 private:
  std::vector<calendar::Interval> windows_;  // consecutive, in order
};

// One judged window.
struct ShareTally {
  int64_t cases = 0;   // N
  int64_t failed = 0;  // F: counting against the bound (`at most`: C true; activations: failed)
  int64_t open = 0;    // O: activations not settled yet (always 0 for events)
  int64_t late = 0, missing = 0, early = 0;  // activations: F by reason, for the message
  // Activations of a rule that correlates on `by`: the first failed activation of each distinct
  // `by`, whose parties are the window's acting parties (V2.1).
  std::vector<uint32_t> failed_per_party;
  EarliestEvents failed_events;
  EarliestEvents open_events;
};

// What the window is held to: `at least|at most X%`, with the small-sample clause.
struct ShareTarget {
  bool at_least = true;
  model::Decimal percent;
  std::optional<model::SmallSample> small;
};

enum class ShareVerdict { Holds, Fails, Pending };

// V2.3 for a window with at least one case: below (above) the target whatever the open cases do
// is Fails; reaching it even if every open case fails is Holds; otherwise Pending. With the
// small-sample clause and fewer than M cases: F > K fails, F + O <= K holds.
ShareVerdict judge_share(const ShareTarget& target, const ShareTally& tally);

// How many of the open cases may still fail with the window holding (for a Pending window).
int64_t open_failures_allowed(const ShareTarget& target, const ShareTally& tally);

// True when the small-sample clause decides this window (N < M).
bool small_sample_applies(const ShareTarget& target, const ShareTally& tally);

// The share 100 (N - F) / N (`at least`) or 100 F / N (`at most`) as reported: rounded to
// `decimals` places (more when the target is written with more), but never onto or across the
// target when the exact share is on the other side of it. "70", "33.33".
std::string share_text(const ShareTarget& target, const ShareTally& tally, int decimals = 2);

// measured: cases, failed, [open,] share (4 decimals, with its exact value), target.
void add_share_measures(Finding& f, const ShareTarget& target, const ShareTally& tally, bool with_open);

// "at least 80%", "at most 10%"
std::string target_text(const ShareTarget& target);
// `or at most 1 failed when fewer than 5 cases` in a message: "with fewer than 5 cases the
// agreement tolerates at most 1".
std::string small_sample_text(const model::SmallSample& small);

}  // namespace pactum::eval
