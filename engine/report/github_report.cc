// GitHub Actions workflow commands (spec 8, `--format github`): one annotation per line, shown on
// the .terms file in the pull request and in the run summary.
//   ::error   findings and lint errors
//   ::warning lint warnings
//   ::notice  pending items (awaiting a response; they never fail a run)
// followed by one plain summary line (it starts with "pactum:", so it is never read as a command).
// Multi-line messages are allowed: line breaks are escaped and GitHub shows them again.
#include <algorithm>

#include <fmt/format.h>

#include "engine/base/text.h"
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

std::string command(const char* kind, const ReportData& d, SourceLoc loc, const std::string& title,
                    const std::string& message) {
  std::string props;
  if (loc.file < d.sources.size() && loc.line > 0) {
    props = fmt::format("file={},line={}", escape(d.sources.name(loc.file), true), loc.line);
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
    const auto& e = d.log->events[f.events[i]];
    std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
    out += fmt::format("\nevent: {}:{}: {}{} at {}", d.sources.name(e.file), e.line, d.log->symbols.text(e.type), id,
                       format_local(e.at, d.agreement.zone));
  }
  if (f.events.size() > shown) out += fmt::format("\n... and {} more events", f.events.size() - shown);
  return out;
}

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

}  // namespace

std::string render_github(const ReportData& d) {
  std::string out;
  for (const auto& l : d.lint) {
    std::string message = l.message;
    if (!l.notes.empty()) message += "\nsuggestion: " + l.notes.front();
    out += command(l.level == DiagLevel::Error ? "error" : "warning", d, l.loc, "pactum lint: " + l.code, message);
  }
  if (d.outcome) {
    for (const auto& f : d.outcome->findings)
      out += command("error", d, f.rule->loc, fmt::format("{} rule {}: {}", f.block->name, f.rule->number, f.reason),
                     finding_message(d, f));
    for (const auto& f : d.outcome->pending)
      out += command("notice", d, f.rule->loc,
                     fmt::format("{} rule {}: pending{}", f.block->name, f.rule->number,
                                 f.window ? " (" + pending_state(f) + ")" : ""),
                     finding_message(d, f));
  }

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
  if (d.filter) accepted += "; filtered: " + filter_words(d);
  return out + escape(fmt::format("pactum: {}{}, {} pending, {} tolerated; {}{}", plural(o.findings.size(), "finding"),
                                  by_party, o.pending.size(), o.tolerated, lint, accepted),
                      false) +
         "\n";
}

}  // namespace pactum::report
