// `pactum explain`: the agreement in plain English, term by term, for readers who do not write
// the language: what each rule demands, of whom, and over which calendar.
#include <ostream>

#include <fmt/format.h>

#include "engine/app/commands.h"
#include "engine/app/session.h"
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
    case TK::WithinAfter: return fmt::format("within {} after it", d);
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

std::string rule_sentence(const Rule& r) {
  std::string subject = model::canonical_text(r.subject);
  switch (r.kind) {
    case Rule::Kind::Requires: {
      std::string same;
      for (size_t i = 0; i < r.same.size(); ++i) same += (i ? ", " : " with the same ") + r.same[i].text;
      return fmt::format("Every {} needs {}{} {}{}.", subject, with_article(model::canonical_text(r.target)), same,
                         timing_phrase(r), calendar_phrase(r));
    }
    case Rule::Kind::OccursWithin: {
      std::string parties;
      for (size_t i = 0; i < r.parties.size(); ++i) parties += (i ? " and " : "") + r.parties[i].text;
      return fmt::format("Every {} must take place within the business hours of {} (each in its own time zone, not "
                         "on its holidays).", subject, parties);
    }
    case Rule::Kind::AtLeast: {
      std::string tolerance = r.allowed_misses ? fmt::format("; {} missed {} tolerated per {}", *r.allowed_misses,
                                                             *r.allowed_misses == 1 ? "window is" : "windows are",
                                                             model::canonical_text(r.allowance_period))
                                               : "";
      return fmt::format("There must be at least {} {} {}{}.", r.count, subject, period_phrase(r.period), tolerance);
    }
    case Rule::Kind::AtMost:
      return fmt::format("There may be at most {} {} {}.", r.count, subject, period_phrase(r.period));
    case Rule::Kind::No: return fmt::format("There must never be a {}.", subject);
    case Rule::Kind::Aggregate: {
      static const char* names[] = {"average", "minimum", "maximum", "total", "latest"};
      return fmt::format("The {} `{}` of {} must be {} {}{} {}.", names[int(r.aggregate)], r.attribute.text, subject,
                         r.at_least ? "at least" : "at most", model::canonical_text(model::Literal{
                             model::Literal::Kind::Number, "", r.bound, r.percent, false, {}, {}}),
                         "", period_phrase(r.period));
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

}  // namespace

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
    out += fmt::format("  {}{}{}: time zone {}", p.id.text, name, role, a.calendar_of(p.id.text).zone()->name());
    if (!p.calendar.hours.empty()) out += fmt::format(", business hours {}", hours_text(p.calendar.hours));
    else out += ", the agreement's business hours";
    if (p.calendar.holidays_declared) out += fmt::format(", {} holidays", p.calendar.holidays.size());
    out += "\n";
  }
  auto balance = lint::obligation_balance(a);
  for (size_t b = 0; b < s.ast.blocks.size(); ++b) {
    const auto& block = s.ast.blocks[b];
    std::string clause = block.clause ? fmt::format(", clause {}", *block.clause) : "";
    out += fmt::format("\n{} \"{}\"{} ({})\n", block.expectation ? "Expectation" : "Term", block.name, clause,
                       report::severity_name(block.severity));
    for (const auto& note : block.notes) out += fmt::format("  Note: {}\n", note);
    for (const auto& r : block.rules) {
      auto who = semantic::responsible_by_text(block, r);
      std::string responsible = !who.empty() ? fmt::format("{}", fmt::join(who, ", "))
                                : (r.kind == Rule::Kind::OccursWithin || r.kind == Rule::Kind::AtMost ||
                                   r.kind == Rule::Kind::No)
                                    ? "the party that did the event"
                                    : "nobody (unassigned)";
      out += fmt::format("  {}. {}\n     Responsible: {}.\n", r.number, rule_sentence(r), responsible);
    }
  }
  std::vector<std::string> parts;
  for (const auto& [party, n] : balance.per_party) parts.push_back(fmt::format("{} {}", party, n));
  out += fmt::format("\nRules binding each party: {}", fmt::join(parts, ", "));
  if (balance.by_events) out += fmt::format("; {} depend on who did the event", balance.by_events);
  out += "\n";
  io.out << out;
  return kOk;
}

}  // namespace pactum::app
