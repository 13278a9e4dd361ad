// GitHub Actions workflow commands (spec 8, `--format github`): one annotation per line, shown on
// the .terms file in the pull request and in the run summary.
//   ::error   findings and lint errors
//   ::warning lint warnings, and pending items due soon (`--due-within`), soonest first
//   ::notice  other pending items (awaiting a response; they never fail a run)
// followed by one plain summary line (it starts with "pactum:", so it is never read as a command).
// Multi-line messages are allowed: line breaks are escaped and GitHub shows them again.
// GitHub shows at most 10 error and 10 warning annotations per step and drops the rest without a
// word: pactum prints the 10 most severe of each (critical findings first, then major findings
// and lint errors, then minor findings) and then one notice that counts the rest and points to
// the full report. File names are relative to `--root` (the repository), as GitHub wants them.
#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/due_soon.h"
#include "engine/report/report.h"

namespace pactum::report {

namespace {

// The one escaping function of this format. First visible_text (engine/base/text.h): no control
// character reaches the log raw and `##[` is broken up; line breaks are kept for the next step.
// Then GitHub's own escaping (toolkit's command.ts): in the message, % \r \n; in properties also
// : and ,. So an annotation is always one line, and nothing from the input can end the command's
// properties, start a line or start another command.
std::string escape(std::string_view raw, bool property) {
  std::string s = visible_text(raw, {.keep_line_breaks = true});
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

// GitHub shows at most this many annotations of each kind (error, warning) per step.
constexpr size_t kShownPerKind = 10;

std::string command(const char* kind, const SourceManager& sources, const std::string& root, SourceLoc loc,
                    const std::string& title, const std::string& message) {
  std::string props;
  if (loc.file < sources.size() && loc.line > 0) {
    props = fmt::format("file={},line={}", escape(repo_path(sources, root, loc.file), true), loc.line);
    if (loc.column > 0) props += fmt::format(",col={}", loc.column);
    props += ",";
  }
  props += "title=" + escape(title, true);
  return fmt::format("::{} {}::{}\n", kind, props, escape(message, false));
}

std::string finding_message(const ReportData& d, const eval::Finding& f) {
  std::string out = fmt::format("{} (responsible: {})", f.message, fmt::join(f.responsible, ", "));
  if (f.window)
    out += fmt::format("\nwindow: {} to {}", format_local(f.window->start, d.agreement.zone),
                       format_local(f.window->end, d.agreement.zone));
  if (!d.log) return out;
  const size_t shown = 8;  // an annotation is a glance; the full list is in the other formats
  for (size_t i = 0; i < f.events.size() && i < shown; ++i) {
    const auto& e = d.log->event(f.events[i]);
    std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
    out += fmt::format("\nevent: {}:{}: {}{} at {}", d.sources.name(e.file), e.line, d.log->symbols.text(e.type), id,
                       format_local(e.at, d.agreement.zone));
  }
  if (f.events.size() > shown) out += fmt::format("\n... and {} more events", f.events.size() - shown);
  return out;
}

std::string command(const char* kind, const ReportData& d, SourceLoc loc, const std::string& title,
                    const std::string& message) {
  return command(kind, d.sources, d.root, loc, title, message);
}

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// Annotations of one kind, the most severe first (stable among equals); only the first
// kShownPerKind are printed.
struct Ranked {
  int rank = 0;  // lower is more severe
  std::string line;
};
struct Capped {
  std::string shown;
  size_t left_out = 0;
};
Capped cap(std::vector<Ranked> items) {
  std::stable_sort(items.begin(), items.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
  Capped out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i < kShownPerKind) out.shown += items[i].line;
    else ++out.left_out;
  }
  return out;
}

// The notice printed after the capped errors: what was left out and where to find it.
std::string left_out_notice(size_t errors, size_t warnings, const std::string& where) {
  if (errors == 0 && warnings == 0) return "";
  std::vector<std::string> parts;
  if (errors) parts.push_back(plural(errors, "more error"));
  if (warnings) parts.push_back(plural(warnings, "more warning"));
  std::string what = fmt::format("{}", fmt::join(parts, " and "));
  return fmt::format("::notice title={}::GitHub shows at most {} error and {} warning annotations per step; {} "
                     "{} not annotated. {}\n",
                     escape("pactum: " + what + " in the full report", true), kShownPerKind, kShownPerKind, what,
                     errors + warnings == 1 ? "is" : "are", escape(where, false));
}

int finding_rank(const eval::Finding& f) {
  switch (f.block->severity) {
    case model::Severity::Critical: return 0;
    case model::Severity::Major: return 1;
    case model::Severity::Minor: return 2;
  }
  return 1;
}

}  // namespace

std::string render_github(const ReportData& d) {
  std::vector<Ranked> errors, warnings;
  std::string notices;
  if (d.outcome)
    for (const auto& f : d.outcome->findings)
      errors.push_back({finding_rank(f), command("error", d, f.rule->loc,
                                                 fmt::format("{} rule {}: {}", f.block->name, f.rule->number, f.reason),
                                                 finding_message(d, f))});
  for (const auto& l : d.lint) {
    std::string message = l.message;
    if (!l.notes.empty()) message += "\nsuggestion: " + l.notes.front();
    std::string line = command(l.level == DiagLevel::Error ? "error" : "warning", d, l.loc, "pactum lint: " + l.code, message);
    if (l.level == DiagLevel::Error) errors.push_back({1, line});  // as a major finding
    else warnings.push_back({1, line});
  }
  auto due = due_soon(d);
  for (const auto& item : due) {  // soonest first, before lint warnings
    const auto& f = *item.pending;
    std::string message = fmt::format("must act: {}, by {}\n{}", must_act(f), deadline_words(d, item),
                                      finding_message(d, f));
    warnings.push_back({0, command("warning", d, f.rule->loc,
                                   fmt::format("{}: {} rule {}", due_in_words(item), f.block->name, f.rule->number),
                                   message)});
  }
  std::unordered_set<const eval::Finding*> due_items;
  for (const auto& item : due) due_items.insert(item.pending);
  if (d.outcome)
    for (const auto& f : d.outcome->pending) {
      if (due_items.count(&f)) continue;  // shown as a warning above
      notices += command("notice", d, f.rule->loc,
                         fmt::format("{} rule {}: pending{}", f.block->name, f.rule->number,
                                     f.window ? " (" + pending_state(f) + ")" : ""),
                         finding_message(d, f));
    }
  Capped shown_errors = cap(std::move(errors)), shown_warnings = cap(std::move(warnings));
  std::string out = shown_errors.shown;
  out += left_out_notice(shown_errors.left_out, shown_warnings.left_out,
                         "The full report lists them all: run the same command with `--format text` (or json, sarif, "
                         "markdown), or open the SARIF report in code scanning.");
  out += shown_warnings.shown + notices;

  size_t lint_errors =
      std::count_if(d.lint.begin(), d.lint.end(), [](const Diagnostic& l) { return l.level == DiagLevel::Error; });
  std::string lint = fmt::format("{}, {}", plural(lint_errors, "lint error"), plural(d.lint.size() - lint_errors, "warning"));
  if (!d.outcome) return out + fmt::format("pactum: {}\n", lint);
  const auto& o = *d.outcome;
  if (!o.evaluated) return out + fmt::format("pactum: no events and no --as-of: nothing was evaluated; {}\n", lint);
  std::vector<std::string> parties;
  auto count = [&](const std::string& party) { return o.by_party.count(party) ? o.by_party.at(party) : 0; };
  for (const auto& p : d.agreement.parties)
    if (count(p.id) > 0) parties.push_back(fmt::format("{} {}", p.id, count(p.id)));
  if (count("unassigned") > 0) parties.push_back(fmt::format("unassigned {}", count("unassigned")));
  std::string by_party = parties.empty() ? "" : fmt::format(" (by party: {})", fmt::join(parties, ", "));
  // The summary is plain text, but a line break in a party name must not start a new command.
  std::string accepted = d.triage ? "; " + triage_words(d) : "";
  std::string due_words = d.due_within ? fmt::format(" ({} due within {})", due.size(), d.due_within_text) : "";
  if (d.filter) accepted += "; filtered: " + filter_words(d);
  return out + escape(fmt::format("pactum: {}{}, {} pending{}, {} tolerated; {}{}", plural(o.findings.size(), "finding"),
                                  by_party, o.pending.size(), due_words, o.tolerated, lint, accepted),
                      false) +
         "\n";
}

std::string render_github_input_errors(const InputErrors& d) {
  std::vector<Ranked> errors;
  for (const auto& e : d.errors) {
    std::string message = e.message;
    for (const auto& note : e.notes) message += "\n" + note;
    errors.push_back({0, command("error", d.sources, d.root, e.loc, "pactum: input error", message)});
  }
  Capped shown = cap(std::move(errors));
  std::string out = shown.shown;
  out += left_out_notice(shown.left_out, 0,
                         "Every error is on standard error, in this step's log, with its source line.");
  size_t n = d.errors.size() + d.not_shown;
  std::string more = d.not_shown ? fmt::format(" ({} beyond the error limit not listed)", d.not_shown) : "";
  return out + fmt::format("pactum: {}{}; nothing was evaluated\n", plural(n, "input error"), more);
}

}  // namespace pactum::report
