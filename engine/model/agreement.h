// The agreement as pactum's own types (no ANTLR types): what engine/syntax builds from a .terms
// file, and what evaluation, lint, explain and fmt read. Every node carries its source location.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/source.h"
#include "engine/base/time.h"

namespace pactum::model {

// An identifier as written (backticks removed), with where it was written.
struct Name {
  std::string text;
  SourceLoc loc;
};

// One `dayspan TIME-TIME` of `business hours`. Days 0=mon .. 6=sun; a span may wrap (fri-mon).
// Minutes from local midnight, 0..1440; close < open runs past midnight (night shift);
// 00:00-24:00 is the whole day; open == close (other than that) is an empty span.
struct HoursSpan {
  int first_day = 0;
  int last_day = 0;
  int open_minute = 0;
  int close_minute = 0;
  SourceLoc loc;
};

// The calendar options of the agreement or of a party. Each piece is inherited separately by a
// party that does not declare it (spec 5, "Business time").
struct CalendarDecl {
  std::optional<std::string> timezone;
  SourceLoc timezone_loc;
  std::vector<HoursSpan> hours;  // empty: not declared (inherit)
  SourceLoc hours_loc;
  std::vector<date::year_month_day> holidays;
  bool holidays_declared = false;
  SourceLoc holidays_loc;
};


struct PartyDecl {
  Name id;
  std::optional<std::string> display_name;  // `name "..."`
  SourceLoc display_name_loc;                // where it is written (`pactum fmt` keeps its comment)
  std::optional<Name> role;
  CalendarDecl calendar;
};

// A literal in a condition. Date and date-time literals keep their written form; they are turned
// into instants with the agreement timezone when conditions are compiled.
struct Literal {
  enum class Kind { String, Number, Date, DateTime, Bool, Identifier };
  Kind kind = Kind::String;
  std::string text;   // unescaped string, identifier, or the number/date as written
  double number = 0;  // Number
  bool percent = false;
  bool boolean = false;  // Bool
  ParsedTime time;       // Date / DateTime
  SourceLoc loc;
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

struct Condition {
  enum class Kind { Or, And, Not, Compare, Include, Present, Absent };
  Kind kind = Kind::Compare;
  std::vector<Condition> operands;  // Or, And (2 or more), Not (1)
  Name attribute;                   // Compare, Include, Present, Absent
  CompareOp op = CompareOp::Eq;     // Compare
  std::vector<Literal> values;      // Compare (1), Include (1 or more)
  SourceLoc loc;
};

// An exact decimal as written (`99.5`, `10000`, `0.25`): units x 10^-scale. Shares, thresholds
// and money are compared and computed exactly with it (spec V2.3, V2.8), never as doubles.
struct Decimal {
  int64_t units = 0;
  int scale = 0;     // digits after the point, 0..18
  std::string text;  // as written
  double value() const;
};

// `during|outside business hours of X` on a pattern (V2.7): X is a party or a calendar.
struct HoursFilter {
  bool outside = false;
  Name calendar;
  SourceLoc loc;
};

// `type [by PARTY] [during|outside business hours of X] [where condition]`
struct Pattern {
  Name type;
  std::optional<Name> by;
  std::optional<HoursFilter> hours;
  std::optional<Condition> where;
  SourceLoc loc;
};

struct Duration {
  enum class Unit { Minutes, Hours, Days, Weeks, BusinessDays, BusinessHours };
  int64_t amount = 0;
  Unit unit = Unit::Hours;
  std::optional<Name> of_party;  // business units only: `of P`
  SourceLoc loc;
};

struct Timing {
  enum class Kind { Before, After, AtLeastBefore, WithinBefore, WithinAfter, NoLaterThan };
  Kind kind = Kind::Before;
  Duration duration;  // AtLeastBefore, WithinBefore, WithinAfter
  Name attribute;     // NoLaterThan
  SourceLoc loc;
};

// `day|week|month|quarter|year` are calendar periods; `N days|weeks|months` are consecutive
// windows from the effective start.
struct Period {
  enum class Unit { Day, Week, Month, Quarter, Year, Days, Weeks, Months };
  Unit unit = Unit::Week;
  int64_t count = 1;  // only for Days/Weeks/Months
  SourceLoc loc;
};

enum class Aggregate { Average, Minimum, Maximum, Total, Latest };

// `or at most K failed when fewer than M cases` (V2.3)
struct SmallSample {
  int64_t max_failed = 0;
  int64_t fewer_than = 0;
  SourceLoc loc;
};

// `in at least X% of cases every PERIOD [small]` on a requires rule (V2.3)
struct Share {
  Decimal percent;
  SourceLoc percent_loc;
  Period period;
  std::optional<SmallSample> small;
  SourceLoc loc;
};

// `paused from P1 until P2` (V2.4)
struct Pause {
  Pattern from;
  Pattern until;
  SourceLoc loc;
};

// V2.6 duration measures
enum class Measure { Average, Minimum, Maximum, Total, Percentile };

struct Rule {
  // Version 1: Requires .. Aggregate. Version 2: ShareOfEvents (V2.3), PeriodRequires (V2.5),
  // Availability, Downtime, DurationMeasure (V2.6).
  enum class Kind { Requires, OccursWithin, AtLeast, AtMost, No, Aggregate,
                    ShareOfEvents, PeriodRequires, Availability, Downtime, DurationMeasure };
  Kind kind = Kind::Requires;
  int number = 0;        // 1-based position in its block
  SourceLoc loc;         // first token of the rule
  std::string text;      // canonical text (engine/model/rule_text.h)

  Pattern subject;       // every A / counted pattern / no P / aggregated pattern

  // Requires (and PeriodRequires: target, timing)
  Pattern target;
  std::vector<Name> same;  // with same k1, k2
  Timing timing;
  std::optional<Pause> pause;  // V2.4
  std::optional<Share> share;  // V2.3: the window, not the activation, is judged

  // PeriodRequires: `for the PERIOD` (the target's `period` attribute names its window)
  bool for_period = false;
  SourceLoc for_period_loc;

  // OccursWithin
  std::vector<Name> parties;

  // AtLeast / AtMost (and `period` for every periodic form, PeriodRequires included)
  int64_t count = 0;
  Period period;
  bool grouped_by_period = false;  // V2.5 `grouped by period` (5.3, 5.4, 5.6, ShareOfEvents)
  std::optional<int64_t> allowed_misses;  // allowing K missed per `allowance_period`
  Period allowance_period;

  // Aggregate: `aggregate attribute of subject at least|at most bound[%] every period`
  Aggregate aggregate = Aggregate::Average;
  Name attribute;
  bool at_least = true;
  double bound = 0;
  bool percent = false;
  SourceLoc bound_loc;

  // ShareOfEvents: `at least|at most X% of subject have condition every period [small]`
  // (at_least, share_percent, have, period, small)
  Decimal share_percent;
  SourceLoc share_loc;
  std::optional<Condition> have;
  std::optional<SmallSample> small;

  // Availability / Downtime / DurationMeasure: `of interval [during business hours of X]`
  Name interval;
  std::optional<Name> during;
  Decimal availability;        // Availability: at least X%
  Duration limit;              // Downtime (at most) / DurationMeasure (at_least says which)
  Measure measure = Measure::Average;
  int64_t percentile = 0;      // Measure::Percentile
  SourceLoc percentile_loc;
};

enum class Severity { Critical, Major, Minor };

// A money amount (V2.8): a fixed amount, or a percentage of a declared fee.
struct Amount {
  Decimal number;
  std::optional<Name> fee;  // `X% of FEE`
  SourceLoc loc;
};

// `credit AMOUNT [per finding|per day late|per hour late] [when measured above|below X[%]]`
struct CreditLine {
  enum class Per { Finding, DayLate, HourLate };
  Amount amount;
  Per per = Per::Finding;
  struct Threshold {
    bool above = true;
    Decimal value;
    bool percent = false;
    SourceLoc loc;
  };
  std::optional<Threshold> when;
  SourceLoc loc;
};

struct Block {
  bool expectation = false;  // `expectation` rather than `term`
  std::string name;
  SourceLoc loc;             // the `term` / `expectation` keyword
  std::optional<std::string> clause;
  Severity severity = Severity::Major;
  std::vector<Name> responsible;
  std::vector<std::string> notes;
  // Where the options are written, for `pactum fmt` to put their trailing comments back.
  SourceLoc clause_loc, severity_loc;
  std::vector<SourceLoc> note_locs;  // parallel to notes
  std::optional<date::year_month_day> effective_from;  // V2.7 block lifetime
  std::optional<date::year_month_day> effective_to;
  SourceLoc effective_loc;
  std::vector<CreditLine> credits;  // V2.8, in source order
  std::vector<Rule> rules;
};

// `calendar NAME` (V2.7): business time without a party.
struct CalendarDef {
  Name id;
  CalendarDecl calendar;
};

// `interval NAME from P1 to P2 [with same k ...]` (V2.6)
struct IntervalDecl {
  Name id;
  Pattern open;
  Pattern close;
  std::vector<Name> same;
  SourceLoc loc;
};

// `fee NAME AMOUNT` (V2.8)
struct FeeDecl {
  Name id;
  Decimal amount;
  SourceLoc loc;
};

// `credits at most AMOUNT every PERIOD` (V2.8)
struct CreditCap {
  Amount amount;
  Period period;
  SourceLoc loc;
};

// A `#` comment, kept only so that `pactum fmt` can put it back.
struct Comment {
  SourceLoc loc;
  std::string text;       // from `#` to the end of the line
  bool trailing = false;  // code precedes it on its line
};

struct AgreementDecl {
  std::optional<std::string> name;
  SourceLoc loc;  // the `agreement` keyword
  std::optional<date::year_month_day> effective_from;
  std::optional<date::year_month_day> effective_to;
  SourceLoc effective_loc;
  CalendarDecl calendar;  // timezone unset means "UTC"
  std::optional<std::string> currency;  // V2.8
  SourceLoc currency_loc;
  std::vector<FeeDecl> fees;
  std::optional<CreditCap> credit_cap;
};

struct Agreement {
  uint32_t file = 0;
  std::vector<Comment> comments;  // in source order
  std::optional<AgreementDecl> header;  // absent: unnamed, timezone UTC
  std::vector<PartyDecl> parties;
  std::vector<CalendarDef> calendars;   // V2.7
  std::vector<IntervalDecl> intervals;  // V2.6
  std::vector<Block> blocks;

  std::string timezone_name() const {
    return header && header->calendar.timezone ? *header->calendar.timezone : std::string("UTC");
  }
  const PartyDecl* find_party(const std::string& id) const {
    for (const auto& p : parties)
      if (p.id.text == id) return &p;
    return nullptr;
  }
  const CalendarDef* find_calendar(const std::string& id) const {
    for (const auto& c : calendars)
      if (c.id.text == id) return &c;
    return nullptr;
  }
  const IntervalDecl* find_interval(const std::string& id) const {
    for (const auto& i : intervals)
      if (i.id.text == id) return &i;
    return nullptr;
  }
};

}  // namespace pactum::model
