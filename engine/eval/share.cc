#include "engine/eval/share.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

using i128 = __int128;

// The number of cases the share counts: N - F for `at least`, F for `at most`.
int64_t counted(const ShareTarget& t, const ShareTally& s) { return t.at_least ? s.cases - s.failed : s.failed; }

// 100 * k / n rounded to `places` decimals as an integer (value x 10^places), never onto or
// across the target from the exact value's side.
int64_t rounded_share(const ShareTarget& t, int64_t k, int64_t n, int places) {
  i128 scaled = i128{k} * 100 * model::pow10_i128(places);
  i128 floor = scaled / n, rest = scaled % n;
  i128 nearest = floor + (2 * rest >= n ? 1 : 0);
  i128 ceil = floor + (rest > 0 ? 1 : 0);
  i128 target = i128{t.percent.units} * model::pow10_i128(places - t.percent.scale);
  int side = model::compare_share(k, n, t.percent);
  if (side < 0 && nearest >= target) nearest = floor;  // below the target: never shown as reaching it
  if (side > 0 && nearest <= target) nearest = ceil;   // above it: never shown as within it
  return static_cast<int64_t>(nearest);
}

std::string decimal_text(int64_t value, int places) {
  std::string digits = std::to_string(value);
  if (places == 0) return digits;
  if (digits.size() <= size_t(places)) digits.insert(0, size_t(places) + 1 - digits.size(), '0');
  std::string out = digits.substr(0, digits.size() - places) + "." + digits.substr(digits.size() - places);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

}  // namespace

std::optional<size_t> JudgedWindows::index_of(Instant t) const {
  // The last window starting at or before t; windows are consecutive, so it holds t unless t
  // lies at or after its end (beyond the last judged window).
  auto it = std::upper_bound(windows_.begin(), windows_.end(), t,
                             [](Instant v, const calendar::Interval& w) { return v < w.start; });
  if (it == windows_.begin()) return std::nullopt;
  --it;
  if (!(t < it->end)) return std::nullopt;
  return static_cast<size_t>(it - windows_.begin());
}

bool small_sample_applies(const ShareTarget& t, const ShareTally& s) { return t.small && s.cases < t.small->fewer_than; }

ShareVerdict judge_share(const ShareTarget& t, const ShareTally& s) {
  if (s.cases <= 0) return ShareVerdict::Holds;
  if (small_sample_applies(t, s)) {
    if (s.failed > t.small->max_failed) return ShareVerdict::Fails;
    if (s.failed + s.open <= t.small->max_failed) return ShareVerdict::Holds;
    return ShareVerdict::Pending;
  }
  if (t.at_least) {
    if (model::compare_share(s.cases - s.failed, s.cases, t.percent) < 0) return ShareVerdict::Fails;
    if (model::compare_share(s.cases - s.failed - s.open, s.cases, t.percent) >= 0) return ShareVerdict::Holds;
    return ShareVerdict::Pending;
  }
  if (model::compare_share(s.failed, s.cases, t.percent) > 0) return ShareVerdict::Fails;
  if (model::compare_share(s.failed + s.open, s.cases, t.percent) <= 0) return ShareVerdict::Holds;
  return ShareVerdict::Pending;
}

int64_t open_failures_allowed(const ShareTarget& t, const ShareTally& s) {
  if (small_sample_applies(t, s)) return std::clamp<int64_t>(t.small->max_failed - s.failed, 0, s.open);
  // The largest j in [0, O] with the window still holding after j more failures (monotone).
  auto holds = [&](int64_t j) {
    return t.at_least ? model::compare_share(s.cases - s.failed - j, s.cases, t.percent) >= 0
                      : model::compare_share(s.failed + j, s.cases, t.percent) <= 0;
  };
  if (!holds(0)) return 0;
  int64_t lo = 0, hi = s.open;  // holds(lo) is true
  while (lo < hi) {
    int64_t mid = lo + (hi - lo + 1) / 2;
    if (holds(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

std::string share_text(const ShareTarget& t, const ShareTally& s, int decimals) {
  if (s.cases <= 0) return "0";
  int places = std::max(decimals, t.percent.scale);
  return decimal_text(rounded_share(t, counted(t, s), s.cases, places), places);
}

void add_share_measures(Finding& f, const ShareTarget& t, const ShareTally& s, bool with_open) {
  f.measured.push_back(Measure{"cases", double(s.cases), "", {}});
  f.measured.push_back(Measure{"failed", double(s.failed), "", {}});
  if (with_open) f.measured.push_back(Measure{"open", double(s.open), "", {}});
  if (s.cases > 0) {
    int places = std::max(4, t.percent.scale);
    double shown = double(rounded_share(t, counted(t, s), s.cases, places)) / double(model::pow10_i128(places));
    f.measured.push_back(Measure{"share", shown, "", {}, Measure::Fraction{100 * counted(t, s), s.cases}});
  }
  f.measured.push_back(Measure{"target", t.percent.value(), "", {},
                               Measure::Fraction{t.percent.units, static_cast<int64_t>(model::pow10_i128(t.percent.scale))}});
}

std::string target_text(const ShareTarget& t) {
  return fmt::format("{} {}%", t.at_least ? "at least" : "at most", model::canonical_text(t.percent));
}

std::string small_sample_text(const model::SmallSample& small) {
  return fmt::format("with fewer than {} cases the agreement tolerates at most {}", small.fewer_than,
                     small.max_failed);
}

}  // namespace pactum::eval
