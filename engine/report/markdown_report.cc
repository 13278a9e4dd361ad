// A Markdown report (spec 8, `--format markdown`) that a procurement lead can paste into a
// service-review agenda: who broke what, how often, and what in the agreement itself needs
// renegotiating. GitHub-flavoured tables; times are local to the agreement's time zone.
// Everything that comes from the agreement or the logs is escaped (md() for text, code() for code
// spans), so a name can never turn into markup, break a table row, inject HTML, notify anybody
// (`@name`) or become a link (bare URLs, `www.`, `#123` references) in a pull-request comment.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/due_soon.h"
#include "engine/report/report.h"
#include "engine/report/review.h"

namespace pactum::report {

namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A zero-width space, as an entity: it breaks what GitHub would otherwise link or notify
// (`@name` mentions, e-mail addresses, `http://` and `www.` autolinks, `#123` references) and
// shows nothing. (Dependabot and Renovate write `@&#8203;` for the same reason.)
constexpr const char* kBreak = "&#8203;";

bool starts_with_ci(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
  return true;
}

// The one escaping function of this format for text (code() for code spans). First visible_text
// (engine/base/text.h: no control character, `##[` broken up). Then Markdown punctuation is
// backslash-escaped (CommonMark allows it for any ASCII punctuation), `<` too so no HTML gets
// through. An intraword `_` (site_visit) cannot start emphasis and stays readable. Line breaks
// become `<br>` in table cells, spaces elsewhere. Mentions and autolinks are broken by kBreak.
std::string md(std::string_view raw, bool cell = true) {
  std::string visible = visible_text(raw, {.keep_line_breaks = true});
  std::string_view s = visible;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') {
      out += cell ? "<br>" : " ";
    } else if (c == '_' && i > 0 && i + 1 < s.size() && alnum(s[i - 1]) && alnum(s[i + 1])) {
      out += c;
    } else if (c == '@') {
      out += '@';
      out += kBreak;
    } else if (c == ':' && i + 2 < s.size() && s[i + 1] == '/' && s[i + 2] == '/') {
      out += ':';
      out += kBreak;
    } else if ((c == 'w' || c == 'W') && starts_with_ci(s, i, "www.") && (i == 0 || !alnum(s[i - 1]))) {
      out += s.substr(i, 3);
      out += kBreak;
      i += 2;
    } else if (c == '#' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      out += "\\#";
      out += kBreak;
    } else if (std::string_view("\\`*_[]<>|&~#!").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// Inline code (rule text, file:line). The fence is one backtick longer than any run inside.
// In a table cell `|` must still be escaped (GFM splits cells before parsing code spans).
std::string code(std::string_view raw, bool cell = true) {
  std::string visible = visible_text(raw, {.keep_line_breaks = true});  // breaks become spaces below
  std::string_view s = visible;
  std::string body;
  size_t run = 0, longest = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '\n' || c == '\r') body += ' ';
    else if (c == '|' && cell) body += "\\|";
    else body += c;
  }
  std::string fence(longest + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// Messages and suggestions mark Terms code with backticks ("write `within 5 business days
// after`"): those parts become code spans, the rest is escaped text. With an odd number of
// backticks nothing is code.
std::string prose(std::string_view s) {
  if (std::count(s.begin(), s.end(), '`') % 2 != 0) return md(s);
  std::string out;
  bool in_code = false;
  for (size_t start = 0, i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '`') continue;
    auto part = s.substr(start, i - start);
    if (!in_code) out += md(part);
    else if (!part.empty()) out += code(part);
    in_code = !in_code;
    start = i + 1;
  }
  return out;
}

std::string row(const std::vector<std::string>& cells) { return fmt::format("| {} |\n", fmt::join(cells, " | ")); }

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string when(const ReportData& d, const eval::Finding& f) {
  if (!f.window) return format_local(f.at, d.agreement.zone);
  return fmt::format("{} to {}", format_local(f.window->start, d.agreement.zone),
                     format_local(f.window->end, d.agreement.zone));
}

std::string events_cell(const ReportData& d, const eval::Finding& f) {
  if (!d.log) return "";
  std::vector<std::string> lines;
  const size_t shown = 8;  // a review agenda needs examples, not a dump; JSON has them all
  for (size_t i = 0; i < f.events.size() && i < shown; ++i) {
    const auto& e = d.log->event(f.events[i]);
    std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
    lines.push_back(fmt::format("{} {}", code(fmt::format("{}:{}", d.sources.name(e.file), e.line)),
                                md(fmt::format("{}{}, {}", d.log->symbols.text(e.type), id,
                                               format_local(e.at, d.agreement.zone)))));
  }
  if (f.events.size() > shown) lines.push_back(fmt::format("and {} more", f.events.size() - shown));
  return fmt::format("{}", fmt::join(lines, "<br>"));
}

std::string summary(const ReportData& d) {
  size_t lint_errors =
      std::count_if(d.lint.begin(), d.lint.end(), [](const Diagnostic& l) { return l.level == DiagLevel::Error; });
  std::string out = "## Summary\n\n| Item | Count |\n| --- | ---: |\n";
  if (d.outcome && d.outcome->evaluated) {
    const auto& o = *d.outcome;
    size_t sev[3] = {0, 0, 0};
    for (const auto& f : o.findings) ++sev[static_cast<int>(f.block->severity)];
    out += row({"Findings", fmt::format("{} ({} critical, {} major, {} minor)", o.findings.size(), sev[0], sev[1], sev[2])});
    out += row({has_pending_windows(o) ? "Pending (awaiting a response, or a window not decided yet)"
                                       : "Pending (awaiting a response)",
                std::to_string(o.pending.size())});
    out += row({"Tolerated misses", std::to_string(o.tolerated)});
    out += row({"Events", fmt::format("{} ({} outside the judged interval)", o.events, o.ignored_events)});
    out += row({"Rules", std::to_string(o.rules)});
    if (d.triage) out += row({"Accepted (waivers, baseline)", md(triage_words(d))});
    if (d.due_within) out += row({md("Due within " + d.due_within_text), std::to_string(due_soon(d).size())});
    if (d.filter) out += row({"Filtered", md(filter_words(d))});
  }
  out += row({"Lint", fmt::format("{}, {}", plural(lint_errors, "error"), plural(d.lint.size() - lint_errors, "warning"))});
  return out + "\n";
}

std::string scorecard(const ReportData& d) {
  std::string out = "## Scorecard\n\nFindings per responsible party (a finding shared by two parties counts for each).\n\n";
  out += "| Party | Name | Findings | Critical | Major | Minor | Pending |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& s : party_scores(d))
    out += row({md(s.party), md(s.name), std::to_string(s.findings), std::to_string(s.by_severity[0]),
                std::to_string(s.by_severity[1]), std::to_string(s.by_severity[2]), std::to_string(s.pending)});
  return out + "\n";
}

std::string findings(const ReportData& d) {
  const auto& o = *d.outcome;
  std::string out = "## Findings\n\n";
  if (o.findings.empty()) return out + "No findings.\n\n";
  // Grouped by block in agreement order; within a block the findings keep their spec-6 order.
  for (const auto& group : findings_by_block(o)) {
    const auto& mine = group.findings;
    const auto& rules = group.rules;
    const model::Block& block = *group.block;
    std::string clause = block.clause ? fmt::format("clause {}, ", md(*block.clause, false)) : "";
    out += fmt::format("### {} \"{}\" ({}{}, {})\n\n", kind_name(block) == "term" ? "Term" : "Expectation",
                       md(block.name, false), clause, severity_name(block.severity), plural(mine.size(), "finding"));
    for (const auto* r : rules)
      out += fmt::format("- Rule {} ({}): {}\n", r->number, code(rule_location(d, *r), false), code(r->text, false));
    bool priced = shown_credits(d) != nullptr;
    out += priced ? "\n| When | Rule | Reason | Responsible | Message | Events | Credit |\n| --- | ---: | --- | --- | --- | --- | --- |\n"
                  : "\n| When | Rule | Reason | Responsible | Message | Events |\n| --- | ---: | --- | --- | --- | --- |\n";
    for (const auto* f : mine) {
      std::vector<std::string> cells = {md(when(d, *f)), std::to_string(f->rule->number), md(f->reason),
                                        md(fmt::format("{}", fmt::join(f->responsible, ", "))), prose(f->message),
                                        events_cell(d, *f)};
      if (priced) {
        const credits::Charge* c = charge_of(d, *f);
        cells.push_back(c ? md(charge_text(d, *f, *c)) : "");
      }
      out += row(cells);
    }
    out += "\n";
  }
  return out;
}

std::string credits_section(const ReportData& d) {
  const credits::Ledger* ledger = shown_credits(d);
  if (!ledger) return "";
  std::string out = fmt::format("## Credits\n\n{}.\n\n", md(credits_heading(d, *ledger), false));
  out += "| Party | Period | Accrued | Capped | Owed |\n| --- | --- | ---: | ---: | ---: |\n";
  for (const auto& r : credit_rows(d, *ledger)) {
    auto cell = [&](credits::Cents c) { return r.total ? "**" + credits::cents_text(c) + "**" : credits::cents_text(c); };
    out += row({md(r.party), r.total ? "**total**" : md(r.period), cell(r.totals.accrued), cell(r.totals.capped),
                cell(r.totals.owed)});
  }
  return out + "\n";
}

std::string pending(const ReportData& d) {
  const auto& o = *d.outcome;
  if (o.pending.empty()) return "";
  bool windows = has_pending_windows(o);
  std::string out = "## Pending\n\nAwaiting a response whose deadline has not passed yet";
  out += windows ? ", or a window that its open cases still decide; these never count as broken.\n\n"
                 : "; these never count as broken.\n\n";
  out += fmt::format("| {} | Block | Rule | Responsible | Message | Events |\n| --- | --- | ---: | --- | --- | --- |\n",
                     windows ? "When" : "Since");
  for (const auto& f : o.pending)
    out += row({md(when(d, f)), md(f.block->name), std::to_string(f.rule->number),
                md(fmt::format("{}", fmt::join(f.responsible, ", "))), prose(f.message), events_cell(d, f)});
  return out + "\n";
}

// `--due-within`: the pending obligations due soon, soonest first.
std::string due_section(const ReportData& d) {
  if (!d.due_within) return "";
  auto due = due_soon(d);
  std::string out = fmt::format("## Due soon\n\nPending obligations whose deadline falls within {} of the as-of time "
                                "(by {}), soonest first.\n\n",
                                md(d.due_within_text, false), md(format_local(due_until(d), d.agreement.zone), false));
  if (due.empty()) return out + "Nothing is due in that time.\n\n";
  out += "| Deadline | Due in | Must act | Block | Rule | Message |\n| --- | --- | --- | --- | ---: | --- |\n";
  for (const auto& item : due) {
    const auto& f = *item.pending;
    out += row({md(deadline_words(d, item)), md(time_left_words(item.left)), md(must_act(f)),
                md(f.block->name), std::to_string(f.rule->number), prose(f.message)});
  }
  return out + "\n";
}

std::string lint(const ReportData& d) {
  std::string out = "## Agreement lint\n\nTerms that are unreasonable or contradictory as written.\n\n";
  if (d.lint.empty()) return out + "No lint entries.\n\n";
  out += "| Code | Severity | Where | Message | Suggestion |\n| --- | --- | --- | --- | --- |\n";
  for (const auto& l : d.lint) {
    std::string where = l.loc.file < d.sources.size()
                            ? code(fmt::format("{}:{}:{}", d.sources.name(l.loc.file), l.loc.line, l.loc.column))
                            : "";
    std::vector<std::string> notes;
    for (const auto& n : l.notes) notes.push_back(prose(n));
    out += row({md(l.code), l.level == DiagLevel::Error ? "error" : "warning", where, prose(l.message),
                fmt::format("{}", fmt::join(notes, "<br>"))});
  }
  return out + "\n";
}

std::string obligations(const ReportData& d) {
  std::string out = "## Obligations\n\nHow many rules bind each party by the agreement's text alone.\n\n";
  out += "| Party | Rules |\n| --- | ---: |\n";
  for (const auto& [party, n] : d.balance.per_party) out += row({md(party), std::to_string(n)});
  if (d.balance.by_events) out += row({"depends on who acts (the events)", std::to_string(d.balance.by_events)});
  if (d.balance.unassigned) out += row({"nobody (unassigned)", std::to_string(d.balance.unassigned)});
  return out;
}

}  // namespace

std::string render_markdown(const ReportData& d) {
  std::string out = d.agreement.name.empty() ? "# Agreement review\n\n"
                                             : fmt::format("# Agreement review: {}\n\n", md(d.agreement.name, false));
  const auto* zone = d.agreement.zone;
  if (d.outcome && d.outcome->evaluated) {
    out += fmt::format("- **As of:** {} ({})\n", format_local(d.outcome->as_of, zone), md(zone->name(), false));
    out += fmt::format("- **Judged:** {} to {}\n\n", format_local(d.outcome->judged_from, zone),
                       format_local(d.outcome->judged_to, zone));
  } else if (d.outcome) {
    out += "Nothing was evaluated: the logs have no events and no `--as-of` was given.\n\n";
  } else {
    out += "Agreement lint only: no event logs were checked.\n\n";
  }
  out += summary(d);
  if (d.outcome && d.outcome->evaluated) out += scorecard(d) + credits_section(d) + findings(d) + pending(d) + due_section(d);
  out += lint(d) + obligations(d);
  return out;
}

}  // namespace pactum::report
