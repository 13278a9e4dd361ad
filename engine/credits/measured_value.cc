#include "engine/credits/measured_value.h"

#include <charconv>
#include <string_view>

#include "engine/base/charconv.h"

namespace pactum::credits {

namespace {

using i128 = __int128;
using Kind = model::Rule::Kind;
using TimingKind = model::Timing::Kind;

constexpr int64_t kMillisPerHour = 3'600'000;

i128 pow10(int n) {
  i128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

int sign(i128 v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

const eval::Measure* find_number(const eval::Finding& f, std::string_view key) {
  for (const auto& m : f.measured)
    if (m.key == key && m.number) return &m;
  return nullptr;
}

// A share of cases (V2.3), exactly from its counts when the finding has them: 100 (N - F) / N
// for `at least`, 100 F / N for `at most`; else the reported `share`.
std::optional<MeasuredValue> share_of(const eval::Finding& f, bool at_least) {
  const auto* cases = find_number(f, "cases");
  const auto* failed = find_number(f, "failed");
  if (cases && failed && *cases->number > 0) {
    auto n = static_cast<int64_t>(*cases->number), k = static_cast<int64_t>(*failed->number);
    if (double(n) == *cases->number && double(k) == *failed->number)
      return MeasuredValue::ratio(100 * (at_least ? n - k : k), n);
  }
  if (const auto* share = find_number(f, "share")) return MeasuredValue::number(*share->number);
  return std::nullopt;
}

std::optional<MeasuredValue> reported(const eval::Finding& f, std::string_view key, int64_t divisor = 1) {
  if (const auto* m = find_number(f, key)) return MeasuredValue::number(*m->number, divisor);
  return std::nullopt;
}

bool deadline_timing(const model::Rule& r) {
  return r.timing.kind == TimingKind::WithinAfter || r.timing.kind == TimingKind::NoLaterThan;
}

}  // namespace

MeasuredValue MeasuredValue::ratio(int64_t num, int64_t den) {
  MeasuredValue v;
  v.num_ = num;
  v.den_ = den;
  return v;
}

MeasuredValue MeasuredValue::number(double value, int64_t divisor) {
  // The shortest decimal that reads back as `value`: the evaluator's numbers come from exact
  // quantities (minutes, percentages of whole counts), so this is the decimal it meant, and a
  // threshold written as the same decimal compares equal (99.9 is not "below 99.9").
  MeasuredValue v;
  std::string fixed = shortest_fixed(value);  // std::to_chars (engine/base/charconv.h)
  std::string_view text = fixed;
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  i128 digits = 0;
  int significant = 0, fraction = -1;
  bool ok = !text.empty();
  for (char c : text) {
    if (c == '.') {
      fraction = 0;
      continue;
    }
    if (c < '0' || c > '9') ok = false;
    if (digits != 0 || c != '0') ++significant;
    digits = digits * 10 + (c - '0');
    if (fraction >= 0) ++fraction;
    if (significant > 18 || fraction > 17) ok = false;
    if (!ok) break;
  }
  if (!ok) {
    v.inexact_ = value / double(divisor);
    return v;
  }
  v.num_ = negative ? -digits : digits;
  v.den_ = pow10(fraction < 0 ? 0 : fraction) * divisor;
  return v;
}

int MeasuredValue::compare(const model::Decimal& x) const {
  if (inexact_) return *inexact_ < x.value() ? -1 : *inexact_ > x.value() ? 1 : 0;
  // num / den <=> units / 10^scale
  i128 left, right;
  if (__builtin_mul_overflow(num_, pow10(x.scale), &left) || __builtin_mul_overflow(i128(x.units), den_, &right)) {
    long double a = static_cast<long double>(num_) / static_cast<long double>(den_);
    long double b = static_cast<long double>(x.units) / static_cast<long double>(pow10(x.scale));
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return sign(left - right);
}

double MeasuredValue::approximate() const {
  if (inexact_) return *inexact_;
  return static_cast<double>(static_cast<long double>(num_) / static_cast<long double>(den_));
}

std::optional<MeasuredValue> measured_value(const eval::Finding& f) {
  if (!f.rule) return std::nullopt;
  const model::Rule& r = *f.rule;
  switch (r.kind) {
    case Kind::Requires:
    case Kind::PeriodRequires:
      if (r.share) return share_of(f, true);
      if (f.reason == "late" && f.delay) return MeasuredValue::ratio(f.delay->count(), kMillisPerHour);
      return std::nullopt;
    case Kind::ShareOfEvents: return share_of(f, r.at_least);
    case Kind::Aggregate: return reported(f, "value");
    case Kind::AtLeast:
    case Kind::AtMost: return reported(f, "count");
    case Kind::Availability: return reported(f, "availability");
    case Kind::Downtime: return reported(f, "downtime_minutes", 60);
    case Kind::DurationMeasure: return reported(f, "minutes", 60);
    case Kind::OccursWithin:
    case Kind::No: return std::nullopt;
  }
  return std::nullopt;
}

namespace {

std::optional<int64_t> started(const eval::Finding& f, int64_t unit_millis) {
  if (!f.delay || (f.reason != "late" && f.reason != "missing")) return std::nullopt;
  int64_t ms = f.delay->count();
  if (ms <= 0) return 0;
  return (ms - 1) / unit_millis + 1;  // ceil without overflow
}

}  // namespace

std::optional<int64_t> started_days_late(const eval::Finding& f) { return started(f, 24 * kMillisPerHour); }
std::optional<int64_t> started_hours_late(const eval::Finding& f) { return started(f, kMillisPerHour); }

bool rule_has_deadline(const model::Rule& r) {
  return (r.kind == Kind::Requires || r.kind == Kind::PeriodRequires) && !r.share && deadline_timing(r);
}

bool rule_has_measured_value(const model::Rule& r) { return !measured_value_words(r).empty(); }

std::string measured_value_words(const model::Rule& r) {
  static const char* kAggregates[] = {"average", "minimum", "maximum", "total", "latest"};
  switch (r.kind) {
    case Kind::Requires:
    case Kind::PeriodRequires:
      if (r.share) return "the share of cases met";
      if (rule_has_deadline(r)) return "the delay";
      return "";
    case Kind::ShareOfEvents: return "the share";
    case Kind::Aggregate: return std::string("the ") + kAggregates[static_cast<int>(r.aggregate)] + " " + r.attribute.text;
    case Kind::AtLeast:
    case Kind::AtMost: return "the count";
    case Kind::Availability: return "the availability";
    case Kind::Downtime: return "the downtime";
    case Kind::DurationMeasure: return "the measured duration";
    case Kind::OccursWithin:
    case Kind::No: return "";
  }
  return "";
}

MeasuredUnit measured_value_unit(const model::Rule& r) {
  switch (r.kind) {
    case Kind::Requires:
    case Kind::PeriodRequires: return r.share ? MeasuredUnit::Percent : MeasuredUnit::Hours;
    case Kind::ShareOfEvents:
    case Kind::Availability: return MeasuredUnit::Percent;
    case Kind::Downtime:
    case Kind::DurationMeasure: return MeasuredUnit::Hours;
    default: return MeasuredUnit::Plain;
  }
}

}  // namespace pactum::credits
