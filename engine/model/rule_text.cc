// Canonical text of rules and the canonical layout of a whole agreement. The parser stores
// canonical_text(rule) in Rule::text; lint compares patterns by it; `pactum fmt` prints
// format_agreement(). Whatever is printed here must parse back to the same AST.
#include "engine/model/rule_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <set>
#include <string_view>

#include "engine/base/charconv.h"

namespace pactum::model {

// Every word quoted in the grammar of spec section 3, including the day names. Must list the
// same words as the keyword tokens of grammar/TermsLexer.g4 (a unit test checks both ways).
const std::vector<std::string>& reserved_word_list() {
  static const std::vector<std::string> words = {
      "agreement", "effective", "to", "timezone", "business", "hours", "holidays", "party",
      "name", "role", "term", "expectation", "clause", "severity", "critical", "major", "minor",
      "responsible", "note", "every", "requires", "occurs", "within", "of", "and", "or", "not",
      "at", "least", "most", "allowing", "missed", "per", "no", "average", "minimum", "maximum",
      "total", "latest", "by", "where", "include", "is", "present", "absent", "true", "false",
      "with", "same", "before", "after", "later", "than", "minute", "minutes", "hour", "day",
      "days", "week", "weeks", "month", "months", "quarter", "year", "mon", "tue", "wed", "thu",
      "fri", "sat", "sun"};
  return words;
}

const std::vector<std::string>& soft_keyword_list() {
  static const std::vector<std::string> words = {
      "currency", "fee", "credits", "credit", "calendar", "interval", "from", "finding", "late", "when",
      "measured", "above", "below", "paused", "until", "in", "cases", "have", "failed", "fewer", "for",
      "the", "period", "availability", "downtime", "duration", "percentile", "during", "outside", "grouped"};
  return words;
}

namespace {

const std::set<std::string>& soft_words() {
  static const std::set<std::string> words(soft_keyword_list().begin(), soft_keyword_list().end());
  return words;
}

const std::set<std::string>& reserved_words() {
  static const std::set<std::string> words(reserved_word_list().begin(), reserved_word_list().end());
  return words;
}

bool is_plain_identifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

std::string quote(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Shortest text that reads back as the same double, never in exponent form (the lexer has none).
std::string number_text(double value) {
  std::string text = shortest_fixed(value);  // std::to_chars (engine/base/charconv.h)
  return text.empty() ? "0" : text;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string date_text(const date::year_month_day& d) {
  return std::to_string(static_cast<int>(d.year())) + "-" + two(static_cast<int>(unsigned(d.month()))) +
         "-" + two(static_cast<int>(unsigned(d.day())));
}

std::string minute_text(int minutes) { return two(minutes / 60) + ":" + two(minutes % 60); }

const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string day_text(int day) { return day >= 0 && day < 7 ? kDays[day] : "mon"; }

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::string names(const std::vector<Name>& list, const std::string& sep) {
  std::vector<std::string> words;
  for (const auto& n : list) words.push_back(written_name(n.text));
  return join(words, sep);
}

// An operand of `and`/`not` that binds looser than its parent needs parentheses.
std::string operand_text(const Condition& c, Condition::Kind parent) {
  bool needs_parens = (c.kind == Condition::Kind::Or && parent != Condition::Kind::Or) ||
                      (c.kind == Condition::Kind::And && parent == Condition::Kind::Not) ||
                      (c.kind == parent && parent != Condition::Kind::Not);
  std::string text = canonical_text(c);
  return needs_parens ? "(" + text + ")" : text;
}

const char* op_text(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "=";
}

std::string measure_text(const Rule& r) {
  switch (r.measure) {
    case Measure::Average: return "average";
    case Measure::Minimum: return "minimum";
    case Measure::Maximum: return "maximum";
    case Measure::Total: return "total";
    case Measure::Percentile: return "percentile " + std::to_string(r.percentile);
  }
  return "average";
}

std::string small_text(const std::optional<SmallSample>& s) {
  if (!s) return {};
  return " or at most " + std::to_string(s->max_failed) + " failed when fewer than " + std::to_string(s->fewer_than) +
         " cases";
}

std::string during_text(const std::optional<Name>& during) {
  return during ? " during business hours of " + written_name(during->text) : std::string();
}

const char* aggregate_text(Aggregate a) {
  switch (a) {
    case Aggregate::Average: return "average";
    case Aggregate::Minimum: return "minimum";
    case Aggregate::Maximum: return "maximum";
    case Aggregate::Total: return "total";
    case Aggregate::Latest: return "latest";
  }
  return "average";
}

std::string timing_text(const Timing& t) {
  switch (t.kind) {
    case Timing::Kind::Before: return "before";
    case Timing::Kind::After: return "after";
    case Timing::Kind::AtLeastBefore: return "at least " + canonical_text(t.duration) + " before";
    case Timing::Kind::WithinBefore: return "within " + canonical_text(t.duration) + " before";
    case Timing::Kind::WithinAfter: return "within " + canonical_text(t.duration) + " after";
    case Timing::Kind::NoLaterThan: return "no later than " + written_name(t.attribute.text);
  }
  return "before";
}

std::string hours_text(const std::vector<HoursSpan>& hours) {
  std::vector<std::string> spans;
  for (const auto& h : hours) {
    std::string days = day_text(h.first_day);
    if (h.last_day != h.first_day) days += "-" + day_text(h.last_day);
    spans.push_back(days + " " + minute_text(h.open_minute) + "-" + minute_text(h.close_minute));
  }
  return join(spans, ", ");
}

// One line of `pactum fmt` output, with the source line it came from (0: none recorded, it
// travels with the line before it). Comments are put back by these line numbers.
struct Line {
  std::string text;
  uint32_t source_line = 0;
};

struct Section {
  uint32_t source_line = 0;  // where the section starts in the file, to keep the author's order
  std::vector<Line> lines;
};

void calendar_lines(const CalendarDecl& c, std::vector<Line>& out) {
  if (c.timezone) out.push_back({"  timezone " + quote(*c.timezone), c.timezone_loc.line});
  if (!c.hours.empty()) out.push_back({"  business hours " + hours_text(c.hours), c.hours_loc.line});
  if (c.holidays_declared && !c.holidays.empty()) {
    std::vector<std::string> dates;
    for (const auto& d : c.holidays) dates.push_back(date_text(d));
    out.push_back({"  holidays " + join(dates, ", "), c.holidays_loc.line});
  }
}

std::vector<Section> sections_of(const Agreement& a) {
  std::vector<Section> sections;
  if (a.header) {
    Section s{a.header->loc.line, {{"agreement " + quote(a.header->name.value_or("")), a.header->loc.line}}};
    if (a.header->effective_from && a.header->effective_to)
      s.lines.push_back({"  effective " + date_text(*a.header->effective_from) + " to " +
                             date_text(*a.header->effective_to),
                         a.header->effective_loc.line});
    calendar_lines(a.header->calendar, s.lines);
    if (a.header->currency) s.lines.push_back({"  currency " + quote(*a.header->currency), a.header->currency_loc.line});
    for (const auto& f : a.header->fees)
      s.lines.push_back({"  fee " + written_name(f.id.text) + " " + canonical_text(f.amount), f.loc.line});
    if (const auto& cap = a.header->credit_cap)
      s.lines.push_back({"  credits at most " + canonical_text(cap->amount) + " every " + canonical_text(cap->period),
                         cap->loc.line});
    sections.push_back(std::move(s));
  }
  for (const auto& p : a.parties) {
    Section s{p.id.loc.line, {{"party " + written_name(p.id.text), p.id.loc.line}}};
    if (p.display_name) s.lines.push_back({"  name " + quote(*p.display_name), p.display_name_loc.line});
    if (p.role) s.lines.push_back({"  role " + written_name(p.role->text), p.role->loc.line});
    calendar_lines(p.calendar, s.lines);
    sections.push_back(std::move(s));
  }
  for (const auto& c : a.calendars) {
    Section s{c.id.loc.line, {{"calendar " + written_name(c.id.text), c.id.loc.line}}};
    calendar_lines(c.calendar, s.lines);
    sections.push_back(std::move(s));
  }
  for (const auto& i : a.intervals) {
    std::string text = "interval " + written_name(i.id.text) + " from " + canonical_text(i.open) + " to " +
                       canonical_text(i.close);
    if (!i.same.empty()) text += " with same " + names(i.same, ", ");
    sections.push_back(Section{i.loc.line, {{text, i.loc.line}}});
  }
  for (const auto& b : a.blocks) {
    Section s{b.loc.line, {{std::string(b.expectation ? "expectation " : "term ") + quote(b.name), b.loc.line}}};
    if (b.clause) s.lines.push_back({"  clause " + quote(*b.clause), b.clause_loc.line});
    if (b.severity == Severity::Critical) s.lines.push_back({"  severity critical", b.severity_loc.line});
    if (b.severity == Severity::Minor) s.lines.push_back({"  severity minor", b.severity_loc.line});
    if (!b.responsible.empty())
      s.lines.push_back({"  responsible " + names(b.responsible, ", "), b.responsible.front().loc.line});
    for (size_t k = 0; k < b.notes.size(); ++k)
      s.lines.push_back({"  note " + quote(b.notes[k]), k < b.note_locs.size() ? b.note_locs[k].line : 0});
    if (b.effective_from && b.effective_to)
      s.lines.push_back({"  effective " + date_text(*b.effective_from) + " to " + date_text(*b.effective_to),
                         b.effective_loc.line});
    for (const auto& c : b.credits) s.lines.push_back({"  " + canonical_text(c), c.loc.line});
    for (const auto& r : b.rules) s.lines.push_back({"  " + canonical_text(r), r.loc.line});
    sections.push_back(std::move(s));
  }
  // Sections keep the order the author wrote them in (the AST keeps parties and blocks apart).
  std::stable_sort(sections.begin(), sections.end(),
                   [](const Section& x, const Section& y) { return x.source_line < y.source_line; });
  return sections;
}

}  // namespace

bool is_soft_keyword(const std::string& word) {
  std::string lower = word;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return soft_words().count(lower) > 0;
}

std::string canonical_text(const Decimal& number) { return number.text.empty() ? "0" : number.text; }

std::string canonical_text(const Amount& a) {
  std::string out = canonical_text(a.number);
  if (a.fee) out += "% of " + written_name(a.fee->text);
  return out;
}

std::string canonical_text(const CreditLine& c) {
  std::string out = "credit " + canonical_text(c.amount);
  if (c.per == CreditLine::Per::DayLate) out += " per day late";
  if (c.per == CreditLine::Per::HourLate) out += " per hour late";
  if (c.when)
    out += std::string(" when measured ") + (c.when->above ? "above " : "below ") + canonical_text(c.when->value) +
           (c.when->percent ? "%" : "");
  return out;
}

bool is_reserved_word(const std::string& word) {
  std::string lower = word;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return reserved_words().count(lower) > 0;
}

std::string written_name(const std::string& name) {
  if (is_plain_identifier(name) && !is_reserved_word(name)) return name;
  return "`" + name + "`";
}

std::string canonical_text(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::String: return quote(l.text);
    case Literal::Kind::Number: return (l.text.empty() ? number_text(l.number) : l.text) + (l.percent ? "%" : "");
    case Literal::Kind::Date:
    case Literal::Kind::DateTime: return l.text;
    case Literal::Kind::Bool: return l.boolean ? "true" : "false";
    case Literal::Kind::Identifier: return written_name(l.text);
  }
  return l.text;
}

std::string canonical_text(const Condition& c) {
  using K = Condition::Kind;
  switch (c.kind) {
    case K::Or:
    case K::And: {
      std::vector<std::string> parts;
      for (const auto& o : c.operands) parts.push_back(operand_text(o, c.kind));
      return join(parts, c.kind == K::Or ? " or " : " and ");
    }
    case K::Not: return "not " + (c.operands.empty() ? std::string() : operand_text(c.operands[0], K::Not));
    case K::Compare:
      return written_name(c.attribute.text) + " " + op_text(c.op) + " " +
             (c.values.empty() ? std::string() : canonical_text(c.values[0]));
    case K::Include: {
      std::vector<std::string> values;
      for (const auto& v : c.values) values.push_back(canonical_text(v));
      return written_name(c.attribute.text) + " include " + join(values, ", ");
    }
    case K::Present: return written_name(c.attribute.text) + " is present";
    case K::Absent: return written_name(c.attribute.text) + " is absent";
  }
  return {};
}

std::string canonical_text(const Pattern& p) {
  std::string out = written_name(p.type.text);
  if (p.by) out += " by " + written_name(p.by->text);
  if (p.hours)
    out += std::string(p.hours->outside ? " outside" : " during") + " business hours of " +
           written_name(p.hours->calendar.text);
  if (p.where) out += " where " + canonical_text(*p.where);
  return out;
}

std::string canonical_text(const Duration& d) {
  using U = Duration::Unit;
  bool one = d.amount == 1;
  std::string out = std::to_string(d.amount) + " ";
  switch (d.unit) {
    case U::Minutes: return out + (one ? "minute" : "minutes");
    case U::Hours: return out + (one ? "hour" : "hours");
    case U::Days: return out + (one ? "day" : "days");
    case U::Weeks: return out + (one ? "week" : "weeks");
    case U::BusinessDays: out += one ? "business day" : "business days"; break;
    case U::BusinessHours: out += one ? "business hour" : "business hours"; break;
  }
  if (d.of_party) out += " of " + written_name(d.of_party->text);
  return out;
}

std::string canonical_text(const Period& p) {
  using U = Period::Unit;
  std::string n = std::to_string(p.count) + " ";
  bool one = p.count == 1;
  switch (p.unit) {
    case U::Day: return "day";
    case U::Week: return "week";
    case U::Month: return "month";
    case U::Quarter: return "quarter";
    case U::Year: return "year";
    case U::Days: return n + (one ? "day" : "days");
    case U::Weeks: return n + (one ? "week" : "weeks");
    case U::Months: return n + (one ? "month" : "months");
  }
  return "week";
}

std::string canonical_text(const Rule& r) {
  using K = Rule::Kind;
  std::string grouped = r.grouped_by_period ? " grouped by period" : "";
  switch (r.kind) {
    case K::Requires: {
      std::string out = "every " + canonical_text(r.subject) + " requires " + canonical_text(r.target);
      if (!r.same.empty()) out += " with same " + names(r.same, ", ");
      out += " " + timing_text(r.timing);
      if (r.pause) out += " paused from " + canonical_text(r.pause->from) + " until " + canonical_text(r.pause->until);
      if (r.share)
        out += " in at least " + canonical_text(r.share->percent) + "% of cases every " +
               canonical_text(r.share->period) + small_text(r.share->small);
      return out;
    }
    case K::PeriodRequires: {
      std::string out = "every " + canonical_text(r.period) + " requires " + canonical_text(r.target);
      if (r.for_period) out += " for the " + canonical_text(r.period);
      return out + " " + timing_text(r.timing);
    }
    case K::ShareOfEvents:
      return std::string(r.at_least ? "at least " : "at most ") + canonical_text(r.share_percent) + "% of " +
             canonical_text(r.subject) + " have " + (r.have ? canonical_text(*r.have) : std::string()) + " every " +
             canonical_text(r.period) + grouped + small_text(r.small);
    case K::Availability:
      return "availability of " + written_name(r.interval.text) + during_text(r.during) + " at least " +
             canonical_text(r.availability) + "% every " + canonical_text(r.period);
    case K::Downtime:
      return "downtime of " + written_name(r.interval.text) + during_text(r.during) + " at most " +
             canonical_text(r.limit) + " every " + canonical_text(r.period);
    case K::DurationMeasure:
      return measure_text(r) + " duration of " + written_name(r.interval.text) + during_text(r.during) +
             (r.at_least ? " at least " : " at most ") + canonical_text(r.limit) + " every " + canonical_text(r.period);
    case K::OccursWithin:
      return "every " + canonical_text(r.subject) + " occurs within business hours of " + names(r.parties, " and ");
    case K::AtLeast: {
      std::string out = "at least " + std::to_string(r.count) + " " + canonical_text(r.subject) + " every " +
                        canonical_text(r.period) + grouped;
      if (r.allowed_misses)
        out += " allowing " + std::to_string(*r.allowed_misses) + " missed per " + canonical_text(r.allowance_period);
      return out;
    }
    case K::AtMost:
      return "at most " + std::to_string(r.count) + " " + canonical_text(r.subject) + " every " +
             canonical_text(r.period) + grouped;
    case K::No: return "no " + canonical_text(r.subject);
    case K::Aggregate:
      // A bare `duration` here would start a V2.6 measure (V2.2): always backtick it.
      return std::string(aggregate_text(r.aggregate)) + " " +
             (r.attribute.text == "duration" ? "`duration`" : written_name(r.attribute.text)) + " of " +
             canonical_text(r.subject) + (r.at_least ? " at least " : " at most ") + number_text(r.bound) +
             (r.percent ? "%" : "") + " every " + canonical_text(r.period) + grouped;
  }
  return {};
}

// Layout: the agreement header, then parties, then blocks, separated by blank lines; options and
// rules one per line, indented by two spaces. The default severity `major` is not written.
// Each comment goes back before the first output line that came from a later source line, so
// a comment above a term or rule stays above it; a comment that followed code on a line that is
// printed again follows it again, aligned with its neighbours' (as gofmt does). Nothing is
// dropped: what is left goes at the end.
std::string format_agreement(const Agreement& a) {
  struct Out {
    std::string code;
    std::string comment;  // trailing comment, or the whole line when `code` is empty
  };
  const auto& comments = a.comments;
  size_t next = 0;
  std::vector<Out> lines;
  auto indent_of = [](const std::string& text) { return text.rfind("  ", 0) == 0 ? std::string("  ") : ""; };
  auto standalone_before = [&](uint32_t line, const std::string& indent) {
    while (next < comments.size() && comments[next].loc.line < line) lines.push_back({"", indent + comments[next++].text});
  };
  auto sections = sections_of(a);
  for (size_t i = 0; i < sections.size(); ++i) {
    if (i > 0) lines.push_back({"", ""});
    for (const auto& line : sections[i].lines) {
      if (line.source_line) standalone_before(line.source_line, indent_of(line.text));
      Out o{line.text, ""};
      if (line.source_line && next < comments.size() && comments[next].loc.line == line.source_line &&
          comments[next].trailing)
        o.comment = comments[next++].text;
      lines.push_back(o);
    }
  }
  if (next < comments.size() && !lines.empty()) lines.push_back({"", ""});
  standalone_before(UINT32_MAX, "");

  std::string out;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].code.empty() || lines[i].comment.empty()) {
      out += lines[i].code + lines[i].comment + "\n";
      ++i;
      continue;
    }
    size_t end = i, width = 0;  // a run of code lines with trailing comments
    while (end < lines.size() && !lines[end].code.empty() && !lines[end].comment.empty())
      width = std::max(width, lines[end++].code.size());
    for (; i < end; ++i)
      out += lines[i].code + std::string(width - lines[i].code.size() + 2, ' ') + lines[i].comment + "\n";
  }
  return out;
}

}  // namespace pactum::model
