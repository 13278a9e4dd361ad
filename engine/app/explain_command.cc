// `pactum explain`: the agreement in plain English, term by term, for readers who do not write
// the language: what each rule demands, of whom, and over which calendar.
#include <ostream>

#include <fmt/format.h>

#include "engine/app/commands.h"
#include "engine/app/explain.h"
#include "engine/app/session.h"
#include "engine/base/text.h"
#include "engine/model/rule_text.h"
#include "engine/report/report.h"

namespace pactum::app {

namespace {

using model::Rule;
using TK = model::Timing::Kind;

std::string period_phrase(const model::Period& p) {
  switch (p.unit) {
    case model::Period::Unit::Day: return "every day";
    case model::Period::Unit::Week: return "every week (Monday to Sunday)";
    case model::Period::Unit::Month: return "every calendar month";
    case model::Period::Unit::Quarter: return "every quarter";
    case model::Period::Unit::Year: return "every year";
    default: return "every " + model::canonical_text(p) + " (counted from the start of the agreement)";
  }
}

std::string timing_phrase(const model::Rule& r) {
  const auto& t = r.timing;
  std::string d = model::canonical_text(t.duration);
  switch (t.kind) {
    case TK::Before: return "at some time before it";
    case TK::After: return "at some time after it, before the agreement ends";
    case TK::AtLeastBefore: return fmt::format("at least {} before it", d);
    case TK::WithinBefore: return fmt::format("no more than {} before it", d);
    case TK::WithinAfter:
      // V2.1: `within 0 business days after` is the same business day (the next one from a day off).
      if (t.duration.amount == 0 && t.duration.unit == model::Duration::Unit::BusinessDays)
        return "on the same business day (the next business day when it happens on a day off)";
      return fmt::format("within {} after it", d);
    case TK::NoLaterThan: return fmt::format("no later than the date in its `{}`", t.attribute.text);
  }
  return "";
}

std::string with_article(const std::string& noun) {
  bool vowel = !noun.empty() && std::string("aeiouAEIOU").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

// Business durations follow a calendar (spec 5, Durations): say whose.
std::string calendar_phrase(const Rule& r) {
  using U = model::Duration::Unit;
  const auto& d = r.timing.duration;
  bool timed = r.timing.kind == TK::AtLeastBefore || r.timing.kind == TK::WithinBefore || r.timing.kind == TK::WithinAfter;
  if (!timed || (d.unit != U::BusinessDays && d.unit != U::BusinessHours) || d.of_party) return "";
  if (r.target.by) return fmt::format(", counted on {}'s business calendar", r.target.by->text);
  return ", counted on the agreement's business calendar";
}

std::string percent_text(const model::Decimal& d) { return model::canonical_text(d) + "%"; }

std::string small_phrase(const std::optional<model::SmallSample>& s) {
  if (!s) return "";
  return fmt::format("; in a window with fewer than {} cases, at most {} may fail instead", s->fewer_than,
                     s->max_failed);
}

// V2.4: the clock of each activation stops while it waits on the other side.
std::string pause_phrase(const Rule& r) {
  if (!r.pause) return "";
  return fmt::format(", the clock stopping from each {} until the next {}", model::canonical_text(r.pause->from),
                     model::canonical_text(r.pause->until));
}

// V2.3: the window, not the single case, is judged.
std::string share_phrase(const Rule& r) {
  if (!r.share) return "";
  return fmt::format(", in at least {} of cases {}{} (each window is judged as a whole; single cases are not "
                     "reported on their own)",
                     percent_text(r.share->percent), period_phrase(r.share->period), small_phrase(r.share->small));
}

// V2.5: the deadline of an obligation per period is counted from the window's end (after) or
// start (before).
std::string period_timing_phrase(const Rule& r) {
  const auto& t = r.timing;
  std::string d = model::canonical_text(t.duration);
  switch (t.kind) {
    case TK::Before: return "before the period starts";
    case TK::After: return "at some time after the period ends, before the agreement ends";
    case TK::AtLeastBefore: return fmt::format("at least {} before the period starts", d);
    case TK::WithinBefore: return fmt::format("no more than {} before the period starts", d);
    case TK::WithinAfter: return fmt::format("within {} after the period ends", d);
    case TK::NoLaterThan: return "";
  }
  return "";
}

std::string during_phrase(const std::optional<model::Name>& during) {
  return during ? fmt::format(" during the business hours of {}", during->text) : "";
}

std::string measure_phrase(const Rule& r) {
  switch (r.measure) {
    case model::Measure::Average: return "The average duration";
    case model::Measure::Minimum: return "The shortest duration";
    case model::Measure::Maximum: return "The longest duration";
    case model::Measure::Total: return "The total duration";
    case model::Measure::Percentile: return fmt::format("The {}th percentile (nearest rank) of the durations", r.percentile);
  }
  return "The duration";
}

std::string grouped_phrase(const Rule& r) {
  return r.grouped_by_period ? " (each event counted in the period its `period` attribute names)" : "";
}

std::string rule_sentence(const Rule& r) {
  std::string subject = model::canonical_text(r.subject);
  switch (r.kind) {
    case Rule::Kind::Requires: {
      std::string same;
      bool by_same_party = false;
      for (const auto& k : r.same) {
        if (k.text == "by") {
          by_same_party = true;
          continue;
        }
        same += (same.empty() ? " with the same " : ", ") + k.text;
      }
      if (by_same_party) same += " from the same party";
      return fmt::format("Every {} needs {}{} {}{}{}{}.", subject, with_article(model::canonical_text(r.target)), same,
                         timing_phrase(r), calendar_phrase(r), pause_phrase(r), share_phrase(r));
    }
    case Rule::Kind::PeriodRequires: {
      std::string which = r.for_period ? " for that period (named by its `period`)" : "";
      return fmt::format("{} needs {}{} {}{}.", period_phrase(r.period).replace(0, 1, "E"),
                         with_article(model::canonical_text(r.target)), which, period_timing_phrase(r), calendar_phrase(r));
    }
    case Rule::Kind::ShareOfEvents:
      return fmt::format("{} {} of the {} events {} must satisfy `{}`{}{}.", r.at_least ? "At least" : "At most",
                         percent_text(r.share_percent), subject, period_phrase(r.period),
                         r.have ? model::canonical_text(*r.have) : "", r.at_least ? "" : " (the rest must not)",
                         small_phrase(r.small));
    case Rule::Kind::Availability:
      return fmt::format("The service must be available at least {} of the time{} {}, counting the `{}` intervals as "
                         "downtime.", percent_text(r.availability), during_phrase(r.during), period_phrase(r.period),
                         r.interval.text);
    case Rule::Kind::Downtime:
      return fmt::format("The `{}` intervals may add up to at most {}{} {}.", r.interval.text,
                         model::canonical_text(r.limit), during_phrase(r.during), period_phrase(r.period));
    case Rule::Kind::DurationMeasure:
      return fmt::format("{} of the `{}` intervals that open in a window, counted{}, must be {} {}, {}.",
                         measure_phrase(r), r.interval.text, r.during ? during_phrase(r.during) : " in elapsed time",
                         r.at_least ? "at least" : "at most", model::canonical_text(r.limit), period_phrase(r.period));
    case Rule::Kind::OccursWithin: {
      std::string parties;
      for (size_t i = 0; i < r.parties.size(); ++i) parties += (i ? " and " : "") + r.parties[i].text;
      return fmt::format("Every {} must take place within the business hours of {} (each in its own time zone, not "
                         "on its holidays).", subject, parties);
    }
    case Rule::Kind::AtLeast: {
      // (grouped_phrase: V2.5 `grouped by period`)
      std::string tolerance = r.allowed_misses ? fmt::format("; {} missed {} tolerated per {}", *r.allowed_misses,
                                                             *r.allowed_misses == 1 ? "window is" : "windows are",
                                                             model::canonical_text(r.allowance_period))
                                               : "";
      return fmt::format("There must be at least {} {} {}{}{}.", r.count, subject, period_phrase(r.period),
                         grouped_phrase(r), tolerance);
    }
    case Rule::Kind::AtMost:
      return fmt::format("There may be at most {} {} {}{}.", r.count, subject, period_phrase(r.period), grouped_phrase(r));
    case Rule::Kind::No: return fmt::format("There must never be a {}.", subject);
    case Rule::Kind::Aggregate: {
      static const char* names[] = {"average", "minimum", "maximum", "total", "latest"};
      return fmt::format("The {} `{}` of {} must be {} {}{} {}{}.", names[int(r.aggregate)], r.attribute.text, subject,
                         r.at_least ? "at least" : "at most", model::canonical_text(model::Literal{
                             model::Literal::Kind::Number, "", r.bound, r.percent, false, {}, {}}),
                         "", period_phrase(r.period), grouped_phrase(r));
    }
  }
  return "";
}

std::string hours_text(const std::vector<model::HoursSpan>& hours) {
  static const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::vector<std::string> parts;
  for (const auto& h : hours) {
    std::string span = h.first_day == h.last_day ? days[h.first_day] : fmt::format("{}-{}", days[h.first_day], days[h.last_day]);
    parts.push_back(fmt::format("{} {:02}:{:02}-{:02}:{:02}", span, h.open_minute / 60, h.open_minute % 60,
                                h.close_minute / 60, h.close_minute % 60));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string holidays_phrase(size_t n) { return fmt::format(", {} {}", n, n == 1 ? "holiday" : "holidays"); }

}  // namespace

std::string explain_rule(const model::Block& block, const Rule& r) {
  std::string sentence = rule_sentence(r);
  // V2.7: a block with its own lifetime counts N-day/week/month windows from its first day.
  if (block.effective_from)
    if (auto at = sentence.find("(counted from the start of the agreement)"); at != std::string::npos)
      sentence.replace(at, 41, "(counted from " + date::format("%F", *block.effective_from) + ")");
  return sentence;
}

std::string explain_responsible(const model::Agreement& ast, const model::Block& block, const Rule& r) {
  auto who = semantic::responsible_by_text(block, r);
  bool interval_rule = r.kind == Rule::Kind::Availability || r.kind == Rule::Kind::Downtime ||
                       r.kind == Rule::Kind::DurationMeasure;
  if (who.empty() && interval_rule)  // V2.6: else the `by` of the interval's opening pattern
    if (const auto* i = ast.find_interval(r.interval.text); i && i->open.by) who = {i->open.by->text};
  return !who.empty() ? fmt::format("{}", fmt::join(who, ", "))
         : semantic::correlates_on_by(r) ? fmt::format("the party that did the {} (its `by`)", r.subject.type.text)
         : (r.kind == Rule::Kind::OccursWithin || r.kind == Rule::Kind::AtMost || r.kind == Rule::Kind::No)
             ? "the party that did the event"
             : "nobody (unassigned)";
}

int run_explain(const std::string& path, Streams io) {
  Session s;
  if (!s.load_agreement(path)) {
    io.err << s.render_errors(io.color);
    return kInputError;
  }
  const auto& a = *s.agreement;
  std::string out;
  out += fmt::format("Agreement: {}\n", a.name.empty() ? "(unnamed)" : a.name);
  if (s.ast.header && s.ast.header->effective_from && s.ast.header->effective_to)
    out += fmt::format("In force from {} to {} (inclusive), times read in {}.\n",
                       date::format("%F", *s.ast.header->effective_from), date::format("%F", *s.ast.header->effective_to),
                       a.zone->name());
  else
    out += fmt::format("No effective period: every logged event is judged. Times are read in {}.\n", a.zone->name());
  out += "\nParties\n";
  for (const auto& p : s.ast.parties) {
    const auto* decl = &p;
    std::string role = decl->role ? fmt::format(", the {}", decl->role->text) : "";
    std::string name = decl->display_name ? fmt::format(" ({})", *decl->display_name) : "";
    out += fmt::format("  {}{}{}: time zone {}", shown_name(p.id.text), name, role,
                       a.calendar_of(p.id.text).zone()->name());
    if (!p.calendar.hours.empty()) out += fmt::format(", business hours {}", hours_text(p.calendar.hours));
    else out += ", the agreement's business hours";
    if (p.calendar.holidays_declared) out += holidays_phrase(p.calendar.holidays.size());
    out += "\n";
  }
  if (!s.ast.calendars.empty()) out += "\nCalendars\n";
  for (const auto& c : s.ast.calendars) {
    out += fmt::format("  {}: time zone {}", shown_name(c.id.text), a.calendar_of(c.id.text).zone()->name());
    if (!c.calendar.hours.empty()) out += fmt::format(", business hours {}", hours_text(c.calendar.hours));
    else out += ", the agreement's business hours";
    if (c.calendar.holidays_declared) out += holidays_phrase(c.calendar.holidays.size());
    out += "\n";
  }
  if (!s.ast.intervals.empty()) out += "\nIntervals\n";
  for (const auto& i : s.ast.intervals) {
    std::string same;
    for (size_t k = 0; k < i.same.size(); ++k) same += (k ? ", " : " with the same ") + i.same[k].text;
    out += fmt::format("  {}: from each {} to the next {}{}\n", shown_name(i.id.text), model::canonical_text(i.open),
                       model::canonical_text(i.close), same);
  }
  auto balance = lint::obligation_balance(a);
  for (size_t b = 0; b < s.ast.blocks.size(); ++b) {
    const auto& block = s.ast.blocks[b];
    std::string clause = block.clause ? fmt::format(", clause {}", *block.clause) : "";
    out += fmt::format("\n{} \"{}\"{} ({})\n", block.expectation ? "Expectation" : "Term", block.name, clause,
                       report::severity_name(block.severity));
    for (const auto& note : block.notes) out += fmt::format("  Note: {}\n", note);
    if (block.effective_from && block.effective_to)
      out += fmt::format("  In force only from {} to {} (inclusive).\n", date::format("%F", *block.effective_from),
                         date::format("%F", *block.effective_to));
    for (const auto& r : block.rules)
      out += fmt::format("  {}. {}\n     Responsible: {}.\n", r.number, explain_rule(block, r),
                         explain_responsible(s.ast, block, r));
  }
  std::vector<std::string> parts;
  for (const auto& [party, n] : balance.per_party) parts.push_back(fmt::format("{} {}", party, n));
  std::string depends = balance.by_events == 1 ? std::string("1 depends on who did the event")
                                                : fmt::format("{} depend on who did the event", balance.by_events);
  if (!parts.empty()) {
    out += fmt::format("\nRules binding each party: {}", fmt::join(parts, ", "));
    if (balance.by_events) out += "; " + depends;
  } else {
    out += "\nNo party is declared, so no rule binds a named party";  // an agreement being drafted
    if (balance.by_events) out += "; " + depends;
  }
  out += "\n";
  // Names and strings of an agreement hold no control characters and no line breaks (the front
  // end refuses them); visible_text keeps that true whatever changes upstream.
  io.out << visible_text(out, {.keep_line_breaks = true});
  return kOk;
}

}  // namespace pactum::app
