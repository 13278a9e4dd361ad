// Helpers for the syntax tests: parse a text, dump an AST without locations (to compare two ASTs
// and to show what differed), and render diagnostics as one line each.
#pragma once
#include <string>

#include "engine/base/diagnostics.h"
#include "engine/model/agreement.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/parser.h"

namespace pactum::test {

struct Parsed {
  bool ok = false;
  model::Agreement agreement;
  Diagnostics diags;
};

inline Parsed parse(const std::string& text) {
  Parsed p;
  p.ok = syntax::parse_agreement(text, 0, p.agreement, p.diags);
  return p;
}

// "3:14: error: message [note; note]" per diagnostic, one per line.
inline std::string diag_lines(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    out += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " + d.message;
    for (const auto& n : d.notes) out += " [" + n + "]";
    out += "\n";
  }
  return out;
}

// The whole AST as text: every field except source locations, so two parses of texts that
// differ only in layout dump the same.
inline std::string dump(const model::Agreement& a) {
  using namespace model;
  std::string o;
  auto ymd = [](const date::year_month_day& d) { return date::format("%F", date::sys_days{d}); };
  auto cal = [&](const CalendarDecl& c) {
    o += "  tz=" + c.timezone.value_or("-") + " hours=";
    for (const auto& h : c.hours)
      o += std::to_string(h.first_day) + "-" + std::to_string(h.last_day) + "/" + std::to_string(h.open_minute) +
           "-" + std::to_string(h.close_minute) + ";";
    o += std::string(" holidays") + (c.holidays_declared ? "=" : "(undeclared)=");
    for (const auto& d : c.holidays) o += ymd(d) + ";";
    o += "\n";
  };
  if (a.header) {
    o += "agreement " + a.header->name.value_or("-");
    if (a.header->effective_from) o += " from " + ymd(*a.header->effective_from);
    if (a.header->effective_to) o += " to " + ymd(*a.header->effective_to);
    o += " currency=" + a.header->currency.value_or("-");
    for (const auto& f : a.header->fees) o += " fee " + f.id.text + "=" + std::to_string(f.amount.units) + "e-" + std::to_string(f.amount.scale);
    if (a.header->credit_cap)
      o += " cap=" + model::canonical_text(a.header->credit_cap->amount) + "/" + model::canonical_text(a.header->credit_cap->period);
    o += "\n";
    cal(a.header->calendar);
  }
  for (const auto& c : a.calendars) {
    o += "calendar " + c.id.text + "\n";
    cal(c.calendar);
  }
  for (const auto& i : a.intervals) {
    o += "interval " + i.id.text + " from " + model::canonical_text(i.open) + " to " + model::canonical_text(i.close) + " same=";
    for (const auto& k : i.same) o += k.text + ";";
    o += "\n";
  }
  for (const auto& p : a.parties) {
    o += "party " + p.id.text + " name=" + p.display_name.value_or("-") + " role=" + (p.role ? p.role->text : "-") + "\n";
    cal(p.calendar);
  }
  for (const auto& b : a.blocks) {
    o += std::string(b.expectation ? "expectation " : "term ") + b.name + " clause=" + b.clause.value_or("-") +
         " severity=" + std::to_string(static_cast<int>(b.severity)) + " responsible=";
    for (const auto& r : b.responsible) o += r.text + ";";
    for (const auto& n : b.notes) o += " note=" + n;
    if (b.effective_from) o += " effective=" + ymd(*b.effective_from);
    if (b.effective_to) o += ".." + ymd(*b.effective_to);
    for (const auto& c : b.credits)
      o += " credit=" + std::to_string(c.amount.number.units) + "e-" + std::to_string(c.amount.number.scale) +
           (c.amount.fee ? "%" + c.amount.fee->text : "") + "/per" + std::to_string(static_cast<int>(c.per)) +
           (c.when ? std::string(c.when->above ? "/above" : "/below") + c.when->value.text + (c.when->percent ? "%" : "") : "");
    o += "\n";
    for (const auto& r : b.rules) {
      o += "  #" + std::to_string(r.number) + " kind=" + std::to_string(static_cast<int>(r.kind)) + " " + r.text;
      o += " | count=" + std::to_string(r.count) + " period=" + std::to_string(static_cast<int>(r.period.unit)) + "x" +
           std::to_string(r.period.count);
      if (r.allowed_misses)
        o += " allow=" + std::to_string(*r.allowed_misses) + "/" +
             std::to_string(static_cast<int>(r.allowance_period.unit)) + "x" + std::to_string(r.allowance_period.count);
      o += " timing=" + std::to_string(static_cast<int>(r.timing.kind)) + "/" + std::to_string(r.timing.duration.amount) +
           "u" + std::to_string(static_cast<int>(r.timing.duration.unit));
      o += " agg=" + std::to_string(static_cast<int>(r.aggregate)) + " bound=" + std::to_string(r.bound) +
           (r.percent ? "%" : "") + (r.at_least ? " least" : " most");
      // version 2 fields
      if (r.pause) o += " pause=" + model::canonical_text(r.pause->from) + ".." + model::canonical_text(r.pause->until);
      if (r.share)
        o += " share=" + std::to_string(r.share->percent.units) + "e-" + std::to_string(r.share->percent.scale) + "/" +
             model::canonical_text(r.share->period) +
             (r.share->small ? "/small" + std::to_string(r.share->small->max_failed) + "<" + std::to_string(r.share->small->fewer_than) : "");
      if (r.for_period) o += " for-period";
      if (r.grouped_by_period) o += " grouped";
      if (r.kind == Rule::Kind::ShareOfEvents)
        o += " pct=" + std::to_string(r.share_percent.units) + "e-" + std::to_string(r.share_percent.scale) +
             " have=" + (r.have ? model::canonical_text(*r.have) : "-") +
             (r.small ? " small" + std::to_string(r.small->max_failed) + "<" + std::to_string(r.small->fewer_than) : "");
      if (!r.interval.text.empty())
        o += " interval=" + r.interval.text + " during=" + (r.during ? r.during->text : "-") + " avail=" +
             r.availability.text + " limit=" + std::to_string(r.limit.amount) + "u" + std::to_string(static_cast<int>(r.limit.unit)) +
             " measure=" + std::to_string(static_cast<int>(r.measure)) + "/" + std::to_string(r.percentile);
      if (r.subject.hours) o += std::string(" subject-") + (r.subject.hours->outside ? "outside=" : "during=") + r.subject.hours->calendar.text;
      o += "\n";
    }
  }
  return o;
}

}  // namespace pactum::test

namespace pactum::test {

// A condition as an s-expression that shows the tree: (or (and a=1 b=2) (not c present)).
inline std::string sexpr(const model::Condition& c) {
  using K = model::Condition::Kind;
  static const char* ops[] = {"=", "!=", "<", "<=", ">", ">="};
  std::string o;
  switch (c.kind) {
    case K::Or:
    case K::And:
    case K::Not:
      o = c.kind == K::Or ? "(or" : c.kind == K::And ? "(and" : "(not";
      for (const auto& x : c.operands) o += " " + sexpr(x);
      return o + ")";
    case K::Compare:
      return c.attribute.text + ops[static_cast<int>(c.op)] + (c.values.empty() ? "?" : model::canonical_text(c.values[0]));
    case K::Include:
      o = c.attribute.text + " include";
      for (const auto& v : c.values) o += " " + model::canonical_text(v);
      return o;
    case K::Present: return c.attribute.text + " present";
    case K::Absent: return c.attribute.text + " absent";
  }
  return o;
}

}  // namespace pactum::test
