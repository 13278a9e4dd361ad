// The human report: compiler-style blocks (location, the rule's source line with a caret, the
// events involved, one plain sentence), then the per-party scorecard and a one-line summary.
// Text from the inputs goes through render_diagnostic or visible_text (engine/base/text.h), and
// no line starts with it: scorecard names are shown as the agreement writes them (shown_name).
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/due_soon.h"
#include "engine/report/pieces_in_order.h"
#include "engine/report/report.h"
#include "engine/report/review.h"

namespace pactum::report {

namespace {

std::string event_line(const ReportData& d, uint32_t index) {
  const auto& e = d.log->event(index);
  std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
  std::string by = e.by == log::kNoSymbol ? "" : fmt::format(" by {}", d.log->symbols.text(e.by));
  return fmt::format("{}:{}: {}{}{} at {}", d.sources.name(e.file), e.line, d.log->symbols.text(e.type), id, by,
                     format_local(e.at, d.agreement.zone));
}

// The credits table (V2.8): per party, each window it owes in, then its total.
std::string credits_table(const ReportData& d, const credits::Ledger& ledger) {
  auto rows = credit_rows(d, ledger);
  size_t name_width = 10;
  for (const auto& r : rows) name_width = std::max(name_width, r.party.size());
  auto line = [&](const std::string& party, const std::string& period, const std::string& accrued,
                  const std::string& capped, const std::string& owed) {
    return fmt::format("  {:<{}}  {:<24}  {:>12}  {:>12}  {:>12}\n", party, name_width, period, accrued, capped, owed);
  };
  std::string out = credits_heading(d, ledger) + "\n" + line("Party", "Period", "Accrued", "Capped", "Owed");
  for (const auto& r : rows)
    out += line(r.party, r.period, credits::cents_text(r.totals.accrued), credits::cents_text(r.totals.capped),
                credits::cents_text(r.totals.owed));
  return out;
}

Diagnostic finding_diagnostic(const ReportData& d, const eval::Finding& f, bool pending) {
  Diagnostic diag;
  diag.level = DiagLevel::Error;
  diag.loc = f.rule->loc;
  diag.width = static_cast<uint32_t>(f.rule->text.find(' ') == std::string::npos ? f.rule->text.size()
                                                                                  : f.rule->text.find(' '));
  std::string clause = f.block->clause ? fmt::format(", clause {}", *f.block->clause) : "";
  diag.label = pending ? "pending" : severity_name(f.block->severity);
  diag.message = fmt::format("{} \"{}\"{}, rule {}: {}", kind_name(*f.block), f.block->name, clause, f.rule->number,
                             pending ? pending_state(f) : f.reason);
  diag.notes.push_back(f.message);
  diag.notes.push_back(fmt::format("responsible: {}", fmt::join(f.responsible, ", ")));
  if (f.window)
    diag.notes.push_back(fmt::format("window: {} to {}", format_local(f.window->start, d.agreement.zone),
                                     format_local(f.window->end, d.agreement.zone)));
  const size_t shown = 8;
  for (size_t i = 0; i < f.events.size() && i < shown; ++i) diag.notes.push_back("event: " + event_line(d, f.events[i]));
  if (f.events.size() > shown) diag.notes.push_back(fmt::format("... and {} more events", f.events.size() - shown));
  return diag;
}

// `--due-within`: the pending obligations due soon, soonest first, two lines each.
std::string due_section(const ReportData& d) {
  if (!d.due_within || !d.outcome || !d.outcome->evaluated) return "";
  const auto* zone = d.agreement.zone;
  auto due = due_soon(d);
  std::string count = due.empty() ? "no pending obligation"
                                  : fmt::format("{} pending obligation{}, soonest first", due.size(), due.size() == 1 ? "" : "s");
  std::string out = fmt::format("Due within {} (by {}): {}\n", d.due_within_text, format_local(due_until(d), zone), count);
  for (const auto& item : due) {
    const auto& f = *item.pending;
    std::string clause = f.block->clause ? fmt::format(", clause {}", *f.block->clause) : "";
    out += fmt::format("  {}: {} \"{}\"{}, rule {} ({})\n", visible_text(due_words(d, item)), kind_name(*f.block),
                       visible_text(f.block->name), visible_text(clause), f.rule->number,
                       visible_text(rule_location(d, *f.rule)));
    out += fmt::format("    {}\n", visible_text(f.message));
  }
  return out;
}

std::string bar(size_t n, size_t most) {
  size_t width = most == 0 ? 0 : (n * 30 + most - 1) / most;
  std::string s;
  for (size_t i = 0; i < width; ++i) s += "#";
  return s;
}

}  // namespace

// Written one diagnostic at a time (findings, then pending items); the scorecard and the summary
// that follow are small.
void write_text(std::ostream& stream, const ReportData& d) {
  for (const auto& l : d.lint) stream << render_diagnostic(l, d.sources, d.color) << "\n";
  std::string out;
  if (d.outcome) {
    const auto& o = *d.outcome;
    auto write = [&](std::string_view piece) { stream << piece << "\n"; };
    pieces_in_order(
        o.findings.size(), d.threads,
        [&](size_t i) {
          const eval::Finding& f = o.findings[i];
          Diagnostic diag = finding_diagnostic(d, f, false);
          if (const credits::Charge* c = charge_of(d, f))
            diag.notes.insert(diag.notes.begin() + 2, "credit: " + charge_text(d, f, *c));
          return render_diagnostic(diag, d.sources, d.color);
        },
        write);
    pieces_in_order(
        o.pending.size(), d.threads,
        [&](size_t i) { return render_diagnostic(finding_diagnostic(d, o.pending[i], true), d.sources, d.color); },
        write);

    // Scorecard: findings per responsible party, then how many rules bind each party.
    size_t most = 0, name_width = 10;
    for (const auto& [party, n] : o.by_party) {
      most = std::max(most, n);
      name_width = std::max(name_width, shown_name(party).size());
    }
    out += "Scorecard: findings per responsible party\n";
    for (const auto& p : d.agreement.parties) {
      size_t n = o.by_party.count(p.id) ? o.by_party.at(p.id) : 0;
      out += fmt::format("  {:<{}} {:>5}  {}\n", shown_name(p.id), name_width, n, bar(n, most));
    }
    if (o.by_party.count("unassigned"))
      out += fmt::format("  {:<{}} {:>5}  {}\n", "unassigned", name_width, o.by_party.at("unassigned"),
                         bar(o.by_party.at("unassigned"), most));
  }
  std::vector<std::string> balance;
  for (const auto& [party, n] : d.balance.per_party) balance.push_back(fmt::format("{} {}", shown_name(party), n));
  if (d.balance.by_events) balance.push_back(fmt::format("depending on the events {}", d.balance.by_events));
  out += fmt::format("Obligations: rules binding each party: {}\n", fmt::join(balance, ", "));

  size_t lint_errors = std::count_if(d.lint.begin(), d.lint.end(), [](const Diagnostic& l) { return l.level == DiagLevel::Error; });
  std::string lint = fmt::format("{} lint error{}, {} warning{}", lint_errors, lint_errors == 1 ? "" : "s",
                                 d.lint.size() - lint_errors, d.lint.size() - lint_errors == 1 ? "" : "s");
  if (!d.outcome) {
    stream << out << fmt::format("Summary: {}\n", lint);
    return;
  }
  const auto& o = *d.outcome;
  if (!o.evaluated) {
    stream << out << fmt::format("Summary: no events and no --as-of: nothing was evaluated; {}\n", lint);
    return;
  }
  out += due_section(d);
  size_t by_severity[3] = {0, 0, 0};
  for (const auto& f : o.findings) ++by_severity[static_cast<int>(f.block->severity)];
  out += fmt::format(
      "Summary: {} finding{} ({} critical, {} major, {} minor), {} pending, {} tolerated; {} events ({} ignored), "
      "{} rules; judged {} to {}; {}\n",
      o.findings.size(), o.findings.size() == 1 ? "" : "s", by_severity[0], by_severity[1], by_severity[2],
      o.pending.size(), o.tolerated, o.events, o.ignored_events, o.rules, format_instant(o.judged_from, d.agreement.zone),
      format_instant(o.judged_to, d.agreement.zone), lint);
  if (d.triage) out += fmt::format("Accepted: {}\n", triage_words(d));
  if (d.filter) out += fmt::format("Filtered: {}\n", visible_text(filter_words(d)));
  if (const credits::Ledger* ledger = shown_credits(d)) out += credits_table(d, *ledger);
  stream << out;
}

std::string render_text(const ReportData& d) {
  std::ostringstream out;
  write_text(out, d);
  return out.str();
}

std::string render_text_finding(const ReportData& d, const eval::Finding& f, bool pending) {
  return render_diagnostic(finding_diagnostic(d, f, pending), d.sources, d.color);
}

}  // namespace pactum::report
