// A self-contained HTML5 page (spec 8, `--format html`): the content of the Markdown report
// (summary, scorecard, findings by block, pending, lint, obligations) for people who open or
// print a file rather than paste text. Inline CSS only: no scripts and no external resources,
// which the Content-Security-Policy also enforces, so a hostile name in an agreement or a log
// cannot run anything even if escaping were ever missed. Tables repeat their headers and rows
// do not split across pages when printed.
#include <algorithm>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/due_soon.h"
#include "engine/report/report.h"
#include "engine/report/review.h"

namespace pactum::report {

namespace {

const char* kStyle = R"(body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f23;
       max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.meta, .note { color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.sev { font-weight: 600; }
.critical, .error { color: #b60205; }
.major { color: #bc4c00; }
.minor, .warning { color: #7d6200; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
@page { margin: 1.5cm; })";

// The one escaping function of this format: visible_text first (engine/base/text.h: no control
// character reaches the page or a terminal showing the file), then HTML escaping for element
// content and (double- or single-quoted) attribute values. Line breaks are kept as <br> so
// multi-line messages stay multi-line (spaces where no markup is allowed: <title>).
std::string h(std::string_view raw, bool breaks = true) {
  std::string visible = visible_text(raw, {.keep_line_breaks = true});
  std::string_view s = visible;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;
        out += breaks ? "<br>" : " ";
        break;
      case '\n': out += breaks ? "<br>" : " "; break;
      default: out += c;
    }
  }
  return out;
}
std::string code(std::string_view s) { return "<code>" + h(s) + "</code>"; }

// Messages and suggestions mark Terms code with backticks ("write `within 5 business days
// after`"): those parts become <code>, the rest is escaped text. With an odd number of backticks
// nothing is code.
std::string prose(std::string_view s) {
  if (std::count(s.begin(), s.end(), '`') % 2 != 0) return h(s);
  std::string out;
  bool in_code = false;
  for (size_t start = 0, i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '`') continue;
    auto part = s.substr(start, i - start);
    out += in_code ? code(part) : h(part);
    in_code = !in_code;
    start = i + 1;
  }
  return out;
}

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// A table; `numeric` lists the columns to right-align. Cells are already HTML.
std::string table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<size_t>& numeric = {}) {
  auto cls = [&](size_t i) {
    return std::find(numeric.begin(), numeric.end(), i) != numeric.end() ? " class=\"num\"" : "";
  };
  std::string out = "<table>\n<thead><tr>";
  for (size_t i = 0; i < headers.size(); ++i) out += fmt::format("<th{}>{}</th>", cls(i), h(headers[i]));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : rows) {
    out += "<tr>";
    for (size_t i = 0; i < r.size(); ++i) out += fmt::format("<td{}>{}</td>", cls(i), r[i]);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string when(const ReportData& d, const eval::Finding& f) {
  if (!f.window) return h(format_local(f.at, d.agreement.zone));
  return h(fmt::format("{} to {}", format_local(f.window->start, d.agreement.zone),
                       format_local(f.window->end, d.agreement.zone)));
}

std::string events_cell(const ReportData& d, const eval::Finding& f) {
  if (!d.log) return "";
  std::vector<std::string> lines;
  const size_t shown = 8;  // as in the Markdown report: examples, not a dump
  for (size_t i = 0; i < f.events.size() && i < shown; ++i) {
    const auto& e = d.log->events[f.events[i]];
    std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
    lines.push_back(fmt::format("{} {}", code(fmt::format("{}:{}", d.sources.name(e.file), e.line)),
                                h(fmt::format("{}{}, {}", d.log->symbols.text(e.type), id,
                                              format_local(e.at, d.agreement.zone)))));
  }
  if (f.events.size() > shown) lines.push_back(fmt::format("and {} more", f.events.size() - shown));
  return fmt::format("{}", fmt::join(lines, "<br>"));
}

std::string responsible(const eval::Finding& f) { return h(fmt::format("{}", fmt::join(f.responsible, ", "))); }

std::string summary(const ReportData& d) {
  size_t lint_errors =
      std::count_if(d.lint.begin(), d.lint.end(), [](const Diagnostic& l) { return l.level == DiagLevel::Error; });
  std::vector<std::vector<std::string>> rows;
  if (d.outcome && d.outcome->evaluated) {
    const auto& o = *d.outcome;
    size_t sev[3] = {0, 0, 0};
    for (const auto& f : o.findings) ++sev[static_cast<int>(f.block->severity)];
    rows.push_back({"Findings", fmt::format("{} ({} critical, {} major, {} minor)", o.findings.size(), sev[0], sev[1], sev[2])});
    rows.push_back({has_pending_windows(o) ? "Pending (awaiting a response, or a window not decided yet)"
                                           : "Pending (awaiting a response)",
                    std::to_string(o.pending.size())});
    rows.push_back({"Tolerated misses", std::to_string(o.tolerated)});
    rows.push_back({"Events", fmt::format("{} ({} outside the judged interval)", o.events, o.ignored_events)});
    rows.push_back({"Rules", std::to_string(o.rules)});
    if (d.triage) rows.push_back({"Accepted (waivers, baseline)", h(triage_words(d))});
    if (d.due_within) rows.push_back({h("Due within " + d.due_within_text), std::to_string(due_soon(d).size())});
    if (d.filter) rows.push_back({"Filtered", h(filter_words(d))});
  }
  rows.push_back({"Lint", fmt::format("{}, {}", plural(lint_errors, "error"), plural(d.lint.size() - lint_errors, "warning"))});
  return "<h2>Summary</h2>\n" + table({"Item", "Count"}, rows, {1});
}

std::string scorecard(const ReportData& d) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : party_scores(d))
    rows.push_back({h(s.party), h(s.name), std::to_string(s.findings), std::to_string(s.by_severity[0]),
                    std::to_string(s.by_severity[1]), std::to_string(s.by_severity[2]), std::to_string(s.pending)});
  return "<h2>Scorecard</h2>\n<p class=\"note\">Findings per responsible party (a finding shared by two parties "
         "counts for each).</p>\n" +
         table({"Party", "Name", "Findings", "Critical", "Major", "Minor", "Pending"}, rows, {2, 3, 4, 5, 6});
}

std::string findings(const ReportData& d) {
  const auto& o = *d.outcome;
  std::string out = "<h2>Findings</h2>\n";
  if (o.findings.empty()) return out + "<p>No findings.</p>\n";
  // Grouped by block in agreement order; within a block the findings keep their spec-6 order.
  for (const auto& group : findings_by_block(o)) {
    const auto& mine = group.findings;
    const auto& rules = group.rules;
    const model::Block& block = *group.block;
    std::string severity = severity_name(block.severity);
    std::string clause = block.clause ? fmt::format("clause {}, ", h(*block.clause)) : "";
    out += fmt::format("<h3>{} &ldquo;{}&rdquo; <span class=\"meta\">({}<span class=\"sev {}\">{}</span>, {})</span></h3>\n",
                       kind_name(block) == "term" ? "Term" : "Expectation", h(block.name), clause, severity, severity,
                       plural(mine.size(), "finding"));
    out += "<ul>\n";
    for (const auto* r : rules)
      out += fmt::format("<li>Rule {} ({}): {}</li>\n", r->number, code(rule_location(d, *r)), code(r->text));
    out += "</ul>\n";
    bool priced = shown_credits(d) != nullptr;
    std::vector<std::vector<std::string>> rows;
    for (const auto* f : mine) {
      rows.push_back({when(d, *f), std::to_string(f->rule->number), h(f->reason), responsible(*f), prose(f->message),
                      events_cell(d, *f)});
      if (priced) {
        const credits::Charge* c = charge_of(d, *f);
        rows.back().push_back(c ? h(charge_text(d, *f, *c)) : "");
      }
    }
    std::vector<std::string> headers = {"When", "Rule", "Reason", "Responsible", "Message", "Events"};
    if (priced) headers.push_back("Credit");
    out += table(headers, rows, {1});
  }
  return out;
}

std::string credits_section(const ReportData& d) {
  const credits::Ledger* ledger = shown_credits(d);
  if (!ledger) return "";
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : credit_rows(d, *ledger)) {
    auto cell = [&](credits::Cents c) {
      return r.total ? "<strong>" + credits::cents_text(c) + "</strong>" : credits::cents_text(c);
    };
    rows.push_back({h(r.party), r.total ? "<strong>total</strong>" : h(r.period), cell(r.totals.accrued),
                    cell(r.totals.capped), cell(r.totals.owed)});
  }
  return fmt::format("<h2>Credits</h2>\n<p class=\"note\">{}.</p>\n", h(credits_heading(d, *ledger))) +
         table({"Party", "Period", "Accrued", "Capped", "Owed"}, rows, {2, 3, 4});
}

std::string pending(const ReportData& d) {
  const auto& o = *d.outcome;
  if (o.pending.empty()) return "";
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : o.pending)
    rows.push_back({when(d, f), h(f.block->name), std::to_string(f.rule->number), responsible(f), prose(f.message),
                    events_cell(d, f)});
  bool windows = has_pending_windows(o);
  std::string note = windows ? "Awaiting a response whose deadline has not passed yet, or a window that its open cases "
                               "still decide; these never count as broken."
                             : "Awaiting a response whose deadline has not passed yet; these never count as broken.";
  return "<h2>Pending</h2>\n<p class=\"note\">" + note + "</p>\n" +
         table({windows ? "When" : "Since", "Block", "Rule", "Responsible", "Message", "Events"}, rows, {2});
}

// `--due-within`: the pending obligations due soon, soonest first.
std::string due_section(const ReportData& d) {
  if (!d.due_within) return "";
  auto due = due_soon(d);
  std::string out = fmt::format("<h2>Due soon</h2>\n<p class=\"note\">Pending obligations whose deadline falls within {} "
                                "of the as-of time (by {}), soonest first.</p>\n",
                                h(d.due_within_text), h(format_local(due_until(d), d.agreement.zone)));
  if (due.empty()) return out + "<p>Nothing is due in that time.</p>\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : due) {
    const auto& f = *item.pending;
    rows.push_back({h(deadline_words(d, item)), h(time_left_words(item.left)), h(must_act(f)),
                    h(f.block->name), std::to_string(f.rule->number), prose(f.message)});
  }
  return out + table({"Deadline", "Due in", "Must act", "Block", "Rule", "Message"}, rows, {4});
}

std::string lint(const ReportData& d) {
  std::string out = "<h2>Agreement lint</h2>\n<p class=\"note\">Terms that are unreasonable or contradictory as "
                    "written.</p>\n";
  if (d.lint.empty()) return out + "<p>No lint entries.</p>\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : d.lint) {
    std::string where = l.loc.file < d.sources.size()
                            ? code(fmt::format("{}:{}:{}", d.sources.name(l.loc.file), l.loc.line, l.loc.column))
                            : "";
    const char* level = l.level == DiagLevel::Error ? "error" : "warning";
    std::vector<std::string> notes;
    for (const auto& n : l.notes) notes.push_back(prose(n));
    rows.push_back({code(l.code), fmt::format("<span class=\"sev {}\">{}</span>", level, level), where, prose(l.message),
                    fmt::format("{}", fmt::join(notes, "<br>"))});
  }
  return out + table({"Code", "Severity", "Where", "Message", "Suggestion"}, rows);
}

std::string obligations(const ReportData& d) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [party, n] : d.balance.per_party) rows.push_back({h(party), std::to_string(n)});
  if (d.balance.by_events) rows.push_back({"depends on who acts (the events)", std::to_string(d.balance.by_events)});
  if (d.balance.unassigned) rows.push_back({"nobody (unassigned)", std::to_string(d.balance.unassigned)});
  return "<h2>Obligations</h2>\n<p class=\"note\">How many rules bind each party by the agreement's text alone.</p>\n" +
         table({"Party", "Rules"}, rows, {1});
}

}  // namespace

std::string render_html(const ReportData& d) {
  std::string title = d.agreement.name.empty() ? "Agreement review" : "Agreement review: " + d.agreement.name;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n", h(title, false), kStyle);
  out += fmt::format("<h1>{}</h1>\n", h(title));
  const auto* zone = d.agreement.zone;
  if (d.outcome && d.outcome->evaluated)
    out += fmt::format("<p class=\"meta\">As of <strong>{}</strong> ({}); judged {} to {}</p>\n",
                       h(format_local(d.outcome->as_of, zone)), h(zone->name()),
                       h(format_local(d.outcome->judged_from, zone)), h(format_local(d.outcome->judged_to, zone)));
  else if (d.outcome)
    out += "<p class=\"meta\">Nothing was evaluated: the logs have no events and no <code>--as-of</code> was given.</p>\n";
  else
    out += "<p class=\"meta\">Agreement lint only: no event logs were checked.</p>\n";
  out += summary(d);
  if (d.outcome && d.outcome->evaluated) out += scorecard(d) + credits_section(d) + findings(d) + pending(d) + due_section(d);
  out += lint(d) + obligations(d);
  return out + "</body>\n</html>\n";
}

}  // namespace pactum::report
