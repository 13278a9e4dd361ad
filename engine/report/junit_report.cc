// JUnit XML for CI dashboards (spec 8, `--format junit`). The agreement is the test plan:
//   - one <testsuite> per block, one <testcase> per rule; each finding of the rule is a
//     <failure type="REASON">, so a rule with findings is one failed test;
//   - a rule with pending items and no finding is <skipped>: it is not decided yet, and pending
//     items never fail a run; beside a failure, pending items go to <system-out>;
//   - when nothing was evaluated (no events, no --as-of) every rule is <skipped>;
//   - a testsuite "lint" has one testcase per lint entry: errors are <failure>s, warnings pass
//     with the text in <system-out>. That keeps the dashboard's red count equal to what fails
//     the run by default (findings and lint errors), while warnings stay readable.
// Counts follow the JUnit convention: `failures` and `skipped` count test cases, not findings.
// No timestamps or durations are written, so the output is deterministic.
#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/report.h"

namespace pactum::report {

namespace {

// The one escaping function of this format: visible_text first (engine/base/text.h: control
// characters, which XML 1.0 cannot carry or a terminal would obey, become visible symbols), then
// XML 1.0 escaping for text and attribute values. A line break in a value is always a character
// reference (in attributes also tab, or attribute-value normalisation would turn them into
// spaces): the only raw line breaks of the file are pactum's own, between the lines of a
// multi-line body (Lines), so every line of the file starts with pactum's text.
std::string xml_escape(std::string_view raw, bool attribute) {
  std::string visible = visible_text(raw, {.keep_tabs = true, .keep_line_breaks = true});
  std::string_view s = visible;
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;  // a raw \r would be normalised away even in text
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out += c;
    }
  }
  return out;
}
std::string attr(std::string_view s) { return xml_escape(s, true); }

// A multi-line element body: each line escaped on its own, joined by pactum's line breaks.
struct Lines {
  std::vector<std::string> items;
  void add(std::string line) { items.push_back(std::move(line)); }
  void add(const Lines& more) { items.insert(items.end(), more.items.begin(), more.items.end()); }
};
std::string text(const Lines& lines) {
  std::string out;
  for (const auto& line : lines.items) out += xml_escape(line, false) + "\n";
  return out;
}

std::string event_line(const ReportData& d, uint32_t index) {
  const auto& e = d.log->events[index];
  std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
  return fmt::format("{}:{}: {}{} at {}", d.sources.name(e.file), e.line, d.log->symbols.text(e.type), id,
                     format_instant(e.at, d.agreement.zone));
}

// The body of a <failure>/<skipped>: everything a reader needs without opening the JSON report.
Lines finding_text(const ReportData& d, const eval::Finding& f, const char* prefix = "") {
  Lines out;
  out.add(prefix + f.message);
  out.add(fmt::format("responsible: {}", fmt::join(f.responsible, ", ")));
  out.add(fmt::format("severity: {}", severity_name(f.block->severity)));
  out.add(fmt::format("at: {}", format_instant(f.at, d.agreement.zone)));
  if (f.window)
    out.add(fmt::format("window: {} to {}", format_instant(f.window->start, d.agreement.zone),
                        format_instant(f.window->end, d.agreement.zone)));
  out.add(fmt::format("rule: {}", rule_location(d, *f.rule)));
  if (d.log)
    for (auto i : f.events) out.add("event: " + event_line(d, i));
  return out;
}

struct Counts {
  size_t tests = 0, failures = 0, skipped = 0;
  void add(const Counts& c) {
    tests += c.tests;
    failures += c.failures;
    skipped += c.skipped;
  }
};

std::string counts_attrs(const Counts& c) {
  return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\"", c.tests, c.failures, c.skipped);
}

std::string testcase(const ReportData& d, const model::Block& block, const model::Rule& rule, Counts& counts) {
  std::vector<const eval::Finding*> findings, pending;
  if (d.outcome) {
    for (const auto& f : d.outcome->findings)
      if (f.rule == &rule) findings.push_back(&f);
    for (const auto& f : d.outcome->pending)
      if (f.rule == &rule) pending.push_back(&f);
  }
  std::string body;
  for (const auto* f : findings)
    body += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(f->message), attr(f->reason),
                        text(finding_text(d, *f)));
  Lines pending_text;
  for (const auto* f : pending) pending_text.add(finding_text(d, *f, "pending: "));
  bool skipped = false;
  if (d.outcome && !d.outcome->evaluated) {
    body += "      <skipped message=\"not evaluated: no events and no --as-of\"/>\n";
    skipped = true;
  } else if (findings.empty() && !pending.empty()) {
    std::string message = pending.size() == 1 ? pending.front()->message : fmt::format("{} pending items", pending.size());
    body += fmt::format("      <skipped message=\"{}\">{}</skipped>\n", attr(message), text(pending_text));
    skipped = true;
  } else if (!pending.empty()) {
    body += fmt::format("      <system-out>{}</system-out>\n", text(pending_text));
  }

  ++counts.tests;
  if (!findings.empty()) ++counts.failures;
  else if (skipped) ++counts.skipped;

  std::string open = fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
                                 attr(fmt::format("rule {}: {}", rule.number, rule.text)), attr(block.name),
                                 attr(d.sources.name(rule.loc.file)), rule.loc.line);
  return body.empty() ? open + "/>\n" : open + ">\n" + body + "    </testcase>\n";
}

std::string block_suite(const ReportData& d, const model::Block& block, Counts& total) {
  Counts counts;
  std::string cases;
  for (const auto& rule : block.rules) cases += testcase(d, block, rule, counts);
  total.add(counts);
  std::string props = fmt::format("      <property name=\"kind\" value=\"{}\"/>\n", kind_name(block));
  if (block.clause) props += fmt::format("      <property name=\"clause\" value=\"{}\"/>\n", attr(*block.clause));
  props += fmt::format("      <property name=\"severity\" value=\"{}\"/>\n", severity_name(block.severity));
  if (d.filter) props += fmt::format("      <property name=\"filter\" value=\"{}\"/>\n", attr(filter_words(d)));
  return fmt::format("  <testsuite name=\"{}\" {}>\n    <properties>\n{}    </properties>\n{}  </testsuite>\n",
                     attr(block.name), counts_attrs(counts), props, cases);
}

std::string lint_suite(const ReportData& d, Counts& total) {
  Counts counts;
  std::string cases;
  for (const auto& l : d.lint) {
    bool error = l.level == DiagLevel::Error;
    std::string where = l.loc.file < d.sources.size()
                            ? fmt::format("{}:{}:{}", d.sources.name(l.loc.file), l.loc.line, l.loc.column)
                            : std::string("?");
    Lines detail;
    detail.add(l.message);
    for (const auto& note : l.notes) detail.add("suggestion: " + note);
    detail.add("at: " + where);
    std::string body = error ? fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(l.message),
                                           attr(l.code), text(detail))
                             : fmt::format("      <system-out>warning: {}</system-out>\n", text(detail));
    cases += fmt::format("    <testcase name=\"{}\" classname=\"lint\">\n{}    </testcase>\n",
                         attr(fmt::format("{} at {}", l.code, where)), body);
    ++counts.tests;
    if (error) ++counts.failures;
  }
  total.add(counts);
  if (cases.empty()) return fmt::format("  <testsuite name=\"lint\" {}/>\n", counts_attrs(counts));
  return fmt::format("  <testsuite name=\"lint\" {}>\n{}  </testsuite>\n", counts_attrs(counts), cases);
}

}  // namespace

std::string render_junit(const ReportData& d) {
  Counts total;
  std::string suites;
  // Rules are judged only in a check; lint alone has no outcome and shows the lint suite only.
  if (d.outcome && d.agreement.ast)
    for (const auto& block : d.agreement.ast->blocks) suites += block_suite(d, block, total);
  suites += lint_suite(d, total);
  std::string name = d.agreement.name.empty() ? "pactum" : "pactum: " + d.agreement.name;
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" {}>\n{}</testsuites>\n",
                     attr(name), counts_attrs(total), suites);
}

}  // namespace pactum::report
