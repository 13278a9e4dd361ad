#include "engine/eval/matcher.h"

#include "engine/base/exact_decimal.h"

#include <cstring>
#include <unordered_map>

#include "engine/semantic/resolved_agreement.h"

namespace pactum::eval {

using model::CompareOp;
using model::Condition;
using model::Literal;

FieldRef FieldRef::compile(const std::string& name, const log::EventLog& log) {
  FieldRef ref;
  if (name == "at") ref.kind = Kind::At;
  else if (name == "by") ref.kind = Kind::By;
  else if (name == "type") ref.kind = Kind::Type;
  else if (name == "id") ref.kind = Kind::Id;
  else ref.key = log.symbol_for(name);
  return ref;
}

static FieldValue from_value(const log::Value& v) {
  FieldValue out;
  switch (v.kind) {
    case log::Value::Kind::String: out.kind = FieldValue::Kind::String; break;
    case log::Value::Kind::Number: out.kind = FieldValue::Kind::Number; break;
    case log::Value::Kind::Bool: out.kind = FieldValue::Kind::Bool; break;
    case log::Value::Kind::List: out.kind = FieldValue::Kind::List; break;
  }
  out.text = v.text;
  out.boolean = v.boolean;
  if (v.kind == log::Value::Kind::Number) out.number = v.number;  // Value shares storage between these
  if (v.kind == log::Value::Kind::List) {
    out.list_begin = v.list_begin;
    out.list_size = v.list_size;
  }
  return out;
}

FieldValue read_field(const log::EventLog& log, const log::Event& e, const FieldRef& ref) {
  FieldValue out;
  auto symbol = [&](log::Symbol s) {
    if (s != log::kNoSymbol) {
      out.kind = FieldValue::Kind::String;
      out.text = s;
    }
    return out;
  };
  switch (ref.kind) {
    case FieldRef::Kind::At:
      out.kind = FieldValue::Kind::Time;
      out.time = e.at;
      return out;
    case FieldRef::Kind::By: return symbol(e.by);
    case FieldRef::Kind::Type: return symbol(e.type);
    case FieldRef::Kind::Id: return symbol(e.id);
    case FieldRef::Kind::Attribute:
      if (ref.key == log::kNoSymbol) return out;
      if (const log::Value* v = log.attribute(e, ref.key)) return from_value(*v);
      return out;
  }
  return out;
}

static void append_bytes(std::string& key, const void* p, size_t n) { key.append(static_cast<const char*>(p), n); }

bool append_key(const log::EventLog& log, const FieldValue& v, std::string& key) {
  char tag = static_cast<char>(v.kind);
  switch (v.kind) {
    case FieldValue::Kind::Missing: return false;
    case FieldValue::Kind::String:
    case FieldValue::Kind::Bool: {
      // The text, not its symbol: a streamed check forgets the symbols of dropped events and
      // gives their numbers to new texts, while keys live on in the rules.
      std::string_view text = log.symbols.text(v.text);
      auto size = static_cast<uint32_t>(text.size());
      key += tag;
      append_bytes(key, &size, sizeof size);
      key.append(text);
      return true;
    }
    case FieldValue::Kind::Number: {
      // The number its text denotes, exactly (engine/base/exact_decimal.h): `7`, `7.0` and `7e0`
      // are one key, two 18-digit order numbers that one double would hold are two.
      std::string_view written = log.symbols.text(v.text);
      auto append_text = [&](std::string_view text) {
        auto size = static_cast<uint32_t>(text.size());
        key += tag;
        append_bytes(key, &size, sizeof size);
        key.append(text);
      };
      if (is_canonical_integer(written)) {  // ids and counts: already one text per value
        append_text(written);
      } else if (auto exact = parse_exact_decimal(written)) {
        append_text(canonical_text(*exact));
      } else {  // (never: a log's number is a decimal text) the double, under a tag of its own
        double n = v.number == 0 ? 0.0 : v.number;  // +0 and -0 are the same number
        key += '\x7f';
        append_bytes(key, &n, sizeof n);
      }
      return true;
    }
    case FieldValue::Kind::Time: {
      auto ms = v.time.time_since_epoch().count();
      key += tag;
      append_bytes(key, &ms, sizeof ms);
      return true;
    }
    case FieldValue::Kind::List:
      key += tag;
      append_bytes(key, &v.list_size, sizeof v.list_size);
      for (uint32_t i = 0; i < v.list_size; ++i) {
        const log::Value& item = log.list_items[v.list_begin + i];
        FieldValue fv = from_value(item);
        if (!append_key(log, fv, key)) return false;
      }
      return true;
  }
  return false;
}

std::optional<Instant> read_instant(const log::EventLog& log, const log::Event& e, const FieldValue& v,
                                    const date::time_zone* fallback, bool date_means_end_of_day) {
  if (v.kind == FieldValue::Kind::Time) return v.time;
  if (v.kind != FieldValue::Kind::String) return std::nullopt;
  auto parsed = parse_timestamp(log.symbols.text(v.text));
  if (!parsed) return std::nullopt;
  const date::time_zone* zone = log.zone_of(e, fallback);
  if (parsed->date_only) {
    auto day = date::floor<date::days>(parsed->local);
    return start_of_local_day(date_means_end_of_day ? day + date::days{1} : day, zone);
  }
  Resolved r = resolve(*parsed, zone);
  if (r.status == LocalResolution::Nonexistent) return std::nullopt;
  return r.instant;
}

// ---- conditions ------------------------------------------------------------------------------

namespace {

// A literal ready for comparison against FieldValues.
struct CompiledLiteral {
  Literal::Kind kind = Literal::Kind::String;
  double number = 0;
  bool boolean = false;
  std::string text;
  log::Symbol symbol = log::kNoSymbol;  // String/Identifier: kNoSymbol when no event has the text
  Instant time{};
  std::optional<ExactDecimal> exact;  // Number: as written (engine/base/exact_decimal.h)
};

// A log value's number exactly, from its text (the double when the text is no decimal: never).
std::optional<ExactDecimal> exact_number(const log::EventLog& log, const FieldValue& v) {
  if (auto exact = parse_exact_decimal(log.symbols.text(v.text))) return exact;
  return exact_of_double(v.number);
}

CompiledLiteral compile_literal(const Literal& l, const log::EventLog& log, const date::time_zone* zone) {
  CompiledLiteral c;
  c.kind = l.kind;
  c.number = l.number;
  c.boolean = l.boolean;
  c.text = l.text;
  if (l.kind == Literal::Kind::String || l.kind == Literal::Kind::Identifier)
    c.symbol = log.symbol_for(l.text);
  if (l.kind == Literal::Kind::Date || l.kind == Literal::Kind::DateTime) c.time = resolve(l.time, zone).instant;
  if (l.kind == Literal::Kind::Number) {
    c.exact = l.percent ? std::nullopt : parse_exact_decimal(l.text);
    if (!c.exact) c.exact = exact_of_double(l.number);
  }
  return c;
}

template <typename T>
bool ordered(CompareOp op, const T& a, const T& b) {
  switch (op) {
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Gt: return a > b;
    case CompareOp::Ge: return a >= b;
  }
  return false;
}

}  // namespace

class CompiledCondition {
 public:
  CompiledCondition(const Condition& c, const log::EventLog& log, const date::time_zone* zone)
      : kind_(c.kind), op_(c.op), log_(&log), zone_(zone) {
    for (const auto& operand : c.operands) operands_.emplace_back(operand, log, zone);
    if (kind_ != Condition::Kind::Or && kind_ != Condition::Kind::And && kind_ != Condition::Kind::Not)
      field_ = FieldRef::compile(c.attribute.text, log);
    for (const auto& v : c.values) values_.push_back(compile_literal(v, log, zone));
    if (kind_ == Condition::Kind::Include) compile_include();
  }

  bool holds(const log::Event& e) const {
    switch (kind_) {
      case Condition::Kind::Or:
        for (const auto& o : operands_)
          if (o.holds(e)) return true;
        return false;
      case Condition::Kind::And:
        for (const auto& o : operands_)
          if (!o.holds(e)) return false;
        return true;
      case Condition::Kind::Not: return !operands_.front().holds(e);
      case Condition::Kind::Present: return read_field(*log_, e, field_).kind != FieldValue::Kind::Missing;
      case Condition::Kind::Absent: return read_field(*log_, e, field_).kind == FieldValue::Kind::Missing;
      case Condition::Kind::Compare: return compare(e, read_field(*log_, e, field_), values_.front(), op_);
      case Condition::Kind::Include: return includes_all(e, read_field(*log_, e, field_));
    }
    return false;
  }

 private:
  // `include v1, v2, ...`: each wanted value, by the equality of compare(), is a slot found
  // through a hash table of its kind, so an event's list is read once, whatever the number of
  // values (a few hundred bytes of agreement can list 20 000 of them: docs/security.md).
  void compile_include() {
    for (const auto& l : values_) {
      uint32_t slot = slots_;
      bool fresh = true;
      switch (l.kind) {
        case Literal::Kind::String:
        case Literal::Kind::Identifier:
          if (l.symbol == log::kNoSymbol) impossible_ = true;  // no event has the text
          else fresh = by_symbol_.try_emplace(l.symbol, slot).second;
          break;
        case Literal::Kind::Number:
          if (!l.exact) impossible_ = true;  // (never: a finite number)
          else fresh = by_number_.try_emplace(canonical_text(*l.exact), slot).second;  // exact: -0 == 0, 1.0 == 1
          break;
        case Literal::Kind::Bool: fresh = by_bool_.try_emplace(l.boolean, slot).second; break;
        case Literal::Kind::Date:
        case Literal::Kind::DateTime:
          fresh = by_time_.try_emplace(l.time.time_since_epoch().count(), slot).second;
          break;
      }
      if (fresh && !impossible_) ++slots_;
    }
  }

  bool includes_all(const log::Event& e, const FieldValue& v) const {
    if (v.kind != FieldValue::Kind::List || impossible_) return false;
    if (++generation_ == 0) {  // wrapped: forget every mark
      std::fill(marks_.begin(), marks_.end(), 0);
      generation_ = 1;
    }
    marks_.resize(slots_, 0);
    uint32_t found = 0;
    auto mark = [&](uint32_t slot) {
      if (marks_[slot] != generation_) {
        marks_[slot] = generation_;
        ++found;
      }
    };
    for (uint32_t i = 0; i < v.list_size && found < slots_; ++i) {
      FieldValue item = from_value(log_->list_items[v.list_begin + i]);
      if (item.kind == FieldValue::Kind::String) {
        if (auto it = by_symbol_.find(item.text); it != by_symbol_.end()) mark(it->second);
      } else if (item.kind == FieldValue::Kind::Number && !by_number_.empty()) {
        if (auto exact = exact_number(*log_, item))
          if (auto it = by_number_.find(canonical_text(*exact)); it != by_number_.end()) mark(it->second);
      } else if (item.kind == FieldValue::Kind::Bool) {
        if (auto it = by_bool_.find(item.boolean); it != by_bool_.end()) mark(it->second);
      }
      if (!by_time_.empty()) {
        if (auto t = read_instant(*log_, e, item, zone_, false))
          if (auto it = by_time_.find(t->time_since_epoch().count()); it != by_time_.end()) mark(it->second);
      }
    }
    return found == slots_;
  }

  // A missing value or a type mismatch makes every comparison false (`!=` too), spec 5.
  bool compare(const log::Event& e, const FieldValue& v, const CompiledLiteral& l, CompareOp op) const {
    switch (l.kind) {
      case Literal::Kind::String:
      case Literal::Kind::Identifier:
        if (v.kind != FieldValue::Kind::String) return false;
        if (op == CompareOp::Eq) return v.text == l.symbol && l.symbol != log::kNoSymbol;
        if (op == CompareOp::Ne) return v.text != l.symbol || l.symbol == log::kNoSymbol;
        return ordered(op, log_->symbols.text(v.text), std::string_view(l.text));  // UTF-8 bytes order = code points
      case Literal::Kind::Number: {
        if (v.kind != FieldValue::Kind::Number) return false;
        // Distinct decimals never come out of order as doubles, but two may be one double
        // (9007199254740993 and ...992): then their texts decide.
        if (v.number == l.number && l.exact)
          if (auto exact = exact_number(*log_, v)) return ordered(op, compare_exact(*exact, *l.exact), 0);
        return ordered(op, v.number, l.number);
      }
      case Literal::Kind::Bool:
        if (v.kind != FieldValue::Kind::Bool) return false;
        return (op == CompareOp::Eq || op == CompareOp::Ne) && ordered(op, v.boolean, l.boolean);
      case Literal::Kind::Date:
      case Literal::Kind::DateTime: {
        auto t = read_instant(*log_, e, v, zone_, false);
        return t && ordered(op, *t, l.time);
      }
    }
    return false;
  }

  Condition::Kind kind_;
  CompareOp op_;
  const log::EventLog* log_;
  const date::time_zone* zone_;
  std::vector<CompiledCondition> operands_;
  FieldRef field_;
  std::vector<CompiledLiteral> values_;
  // `include` (compile_include): the wanted values by kind, each mapped to its slot.
  uint32_t slots_ = 0;
  bool impossible_ = false;
  std::unordered_map<log::Symbol, uint32_t> by_symbol_;
  std::unordered_map<std::string, uint32_t> by_number_;  // canonical_text of the exact number
  std::unordered_map<bool, uint32_t> by_bool_;
  std::unordered_map<int64_t, uint32_t> by_time_;
  mutable std::vector<uint32_t> marks_;  // slot -> generation in which it was found
  mutable uint32_t generation_ = 0;
};

CompiledPattern::CompiledPattern(const model::Pattern& pattern, const log::EventLog& log,
                                 const semantic::ResolvedAgreement& agreement)
    : type_(log.symbol_for(pattern.type.text)) {
  if (pattern.by) by_ = log.symbol_for(pattern.by->text);
  if (pattern.hours) {
    hours_ = &agreement.calendar_of(pattern.hours->calendar.text);
    outside_ = pattern.hours->outside;
  }
  if (pattern.where) where_ = std::make_unique<CompiledCondition>(*pattern.where, log, agreement.zone);
}

CompiledPattern::~CompiledPattern() = default;
CompiledPattern::CompiledPattern(CompiledPattern&&) noexcept = default;

bool CompiledPattern::matches(const log::Event& e) const {
  if (type_ == log::kNoSymbol || e.type != type_) return false;
  if (by_ && (*by_ == log::kNoSymbol || e.by != *by_)) return false;
  // V2.7: the event's instant inside (outside) X's business time, in X's zone and holidays.
  if (hours_ && hours_->is_open(e.at) == outside_) return false;
  if (where_ && !where_->holds(e)) return false;
  matched_ = true;
  return true;
}

}  // namespace pactum::eval
