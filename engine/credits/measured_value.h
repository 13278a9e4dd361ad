// What the V2.8 credit lines read from a finding, per rule kind, in one place: the **measured
// value** that `when measured above|below X` compares, and whether the finding has a deadline
// (`per day|hour late`). The static questions (can any finding of this rule have one?) serve
// lint and `explain`, so the three always agree.
#pragma once
#include <optional>
#include <string>

#include "engine/eval/outcome.h"
#include "engine/model/agreement.h"

namespace pactum::credits {

// An exact non-negative-or-negative rational (a share 100 (N - F) / N, a delay in hours of a
// millisecond count, a number as the evaluator reported it), compared exactly with a written
// threshold. A reported number that has no short decimal form is compared as a double.
class MeasuredValue {
 public:
  static MeasuredValue ratio(int64_t num, int64_t den);  // den > 0
  static MeasuredValue number(double v, int64_t divisor = 1);  // v / divisor (minutes -> hours)

  // Sign of (value - x).
  int compare(const model::Decimal& x) const;
  double approximate() const;

 private:
  __int128 num_ = 0;
  __int128 den_ = 1;
  std::optional<double> inexact_;  // set when the reported number had no exact decimal form
};

// The measured value of a finding (spec V2.8): the aggregate value (5.6), the share (V2.3), the
// availability (V2.6), the measure or the downtime in hours (V2.6), the count (5.3, 5.4), the
// delay in hours of a `late` finding with a deadline. Anything else, `missing` included: none.
std::optional<MeasuredValue> measured_value(const eval::Finding& finding);

// Started days / hours of delay of a late or missing finding with a deadline (ceil(delay / 24 h),
// ceil(delay / 1 h)); nullopt when the finding has no deadline.
std::optional<int64_t> started_days_late(const eval::Finding& finding);
std::optional<int64_t> started_hours_late(const eval::Finding& finding);

// Static: can a finding of this rule have a deadline (its `late` / `missing` findings of a
// `within D after` or `no later than` timing, 5.1, V2.4, V2.5)?
bool rule_has_deadline(const model::Rule& rule);
// Static: can a finding of this rule have a measured value?
bool rule_has_measured_value(const model::Rule& rule);
// What the measured value of this rule's findings is, in words ("the availability", "the
// delay"), and its unit; empty when it has none.
std::string measured_value_words(const model::Rule& rule);
enum class MeasuredUnit { Plain, Percent, Hours };
MeasuredUnit measured_value_unit(const model::Rule& rule);

}  // namespace pactum::credits
