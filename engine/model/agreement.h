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

struct AgreementDecl {
  std::optional<std::string> name;
  SourceLoc loc;  // the `agreement` keyword
  std::optional<date::year_month_day> effective_from;
  std::optional<date::year_month_day> effective_to;
  SourceLoc effective_loc;
  CalendarDecl calendar;  // timezone unset means "UTC"
};

struct PartyDecl {
  Name id;
  std::optional<std::string> display_name;  // `name "..."`
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

// `type [by PARTY] [where condition]`
struct Pattern {
  Name type;
  std::optional<Name> by;
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

struct Rule {
  enum class Kind { Requires, OccursWithin, AtLeast, AtMost, No, Aggregate };
  Kind kind = Kind::Requires;
  int number = 0;        // 1-based position in its block
  SourceLoc loc;         // first token of the rule
  std::string text;      // canonical text (engine/model/rule_text.h)

  Pattern subject;       // every A / counted pattern / no P / aggregated pattern

  // Requires
  Pattern target;
  std::vector<Name> same;  // with same k1, k2
  Timing timing;

  // OccursWithin
  std::vector<Name> parties;

  // AtLeast / AtMost
  int64_t count = 0;
  Period period;
  std::optional<int64_t> allowed_misses;  // allowing K missed per `allowance_period`
  Period allowance_period;

  // Aggregate: `aggregate attribute of subject at least|at most bound[%] every period`
  Aggregate aggregate = Aggregate::Average;
  Name attribute;
  bool at_least = true;
  double bound = 0;
  bool percent = false;
  SourceLoc bound_loc;
};

enum class Severity { Critical, Major, Minor };

struct Block {
  bool expectation = false;  // `expectation` rather than `term`
  std::string name;
  SourceLoc loc;             // the `term` / `expectation` keyword
  std::optional<std::string> clause;
  Severity severity = Severity::Major;
  std::vector<Name> responsible;
  std::vector<std::string> notes;
  std::vector<Rule> rules;
};

// A `#` comment, kept only so that `pactum fmt` can put it back.
struct Comment {
  SourceLoc loc;
  std::string text;       // from `#` to the end of the line
  bool trailing = false;  // code precedes it on its line
};

struct Agreement {
  uint32_t file = 0;
  std::vector<Comment> comments;  // in source order
  std::optional<AgreementDecl> header;  // absent: unnamed, timezone UTC
  std::vector<PartyDecl> parties;
  std::vector<Block> blocks;

  std::string timezone_name() const {
    return header && header->calendar.timezone ? *header->calendar.timezone : std::string("UTC");
  }
  const PartyDecl* find_party(const std::string& id) const {
    for (const auto& p : parties)
      if (p.id.text == id) return &p;
    return nullptr;
  }
};

}  // namespace pactum::model
