// Patterns and conditions compiled against one EventLog: names become Symbols and date literals
// become instants once, so matching an event is integer work on the hot path.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/log/event_log.h"
#include "engine/model/agreement.h"

namespace pactum::calendar {
class BusinessCalendar;
}
namespace pactum::semantic {
class ResolvedAgreement;
}

namespace pactum::eval {

// Where a name in a condition or `with same` reads from: an attribute, or one of the event's
// own fields (`at`, `by`, `type`, `id`).
struct FieldRef {
  enum class Kind { Attribute, At, By, Type, Id };
  Kind kind = Kind::Attribute;
  log::Symbol key = log::kNoSymbol;  // Attribute; kNoSymbol: no event has it
  static FieldRef compile(const std::string& name, const log::EventLog& log);
};

// A value read from an event, whatever field it came from.
struct FieldValue {
  enum class Kind { Missing, String, Number, Bool, List, Time };
  Kind kind = Kind::Missing;
  log::Symbol text = log::kNoSymbol;
  double number = 0;
  bool boolean = false;
  Instant time{};
  uint32_t list_begin = 0;
  uint32_t list_size = 0;
};
FieldValue read_field(const log::EventLog& log, const log::Event& e, const FieldRef& ref);

// Appends a byte encoding of `v` to `key` (for `with same` hash keys); false when v is missing.
bool append_key(const log::EventLog& log, const FieldValue& v, std::string& key);

// Reads field value `v` of event `e` as an instant (a `no later than` due date, a date
// comparison). Text without an offset is read like `at` (V2.1): in the zone of e's log
// (`timezone:`), else in `fallback` (the agreement's). A bare date means 00:00 of that date, or
// 24:00 with `date_means_end_of_day` (due dates); a midnight in a gap is where the gap ends, one
// in a fold the earlier instant. A date-time that the zone skips (a gap) is unreadable, as is
// anything that is not a date. Fraction digits beyond milliseconds are dropped.
std::optional<Instant> read_instant(const log::EventLog& log, const log::Event& e, const FieldValue& v,
                                    const date::time_zone* fallback, bool date_means_end_of_day);

class CompiledCondition;

class CompiledPattern {
 public:
  // Names and literals are resolved against `agreement`: date literals in its zone, the calendar
  // of `during|outside business hours of X` (V2.7) among its parties and calendars.
  CompiledPattern(const model::Pattern& pattern, const log::EventLog& log, const semantic::ResolvedAgreement& agreement);
  ~CompiledPattern();
  CompiledPattern(CompiledPattern&&) noexcept;

  log::Symbol type() const { return type_; }  // kNoSymbol: no event has this type
  bool matches(const log::Event& e) const;
  // Whether matches() has held for some event (a rule that matched nothing gets a note).
  bool matched_any() const { return matched_; }

 private:
  mutable bool matched_ = false;
  log::Symbol type_;
  std::optional<log::Symbol> by_;  // set when the pattern names `by`
  const calendar::BusinessCalendar* hours_ = nullptr;  // `during|outside business hours of X`
  bool outside_ = false;
  std::unique_ptr<CompiledCondition> where_;
};

}  // namespace pactum::eval
