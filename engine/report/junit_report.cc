// JUnit XML for CI dashboards (spec 8, `--format junit`). The agreement is the test plan, and
// every finding is one failed test case, so the dashboard's red count is the finding count:
//   - one <testsuite> per block; in it, per rule in order: one <testcase> per finding (a
//     <failure type="REASON">), one per pending item (<skipped>: not decided yet, pending items
//     never fail a run) and one per tolerated miss (<skipped>: `allowing K missed` accepted it);
//     a rule with none of these is one passing <testcase>;
//   - when nothing was evaluated (no events, no --as-of) every rule is one <skipped> test case;
//   - a testsuite "lint" has one testcase per lint entry: errors are <failure>s, warnings pass
//     with the text in <system-out>. That keeps the red count equal to what fails the run by
//     default (findings and lint errors), while warnings stay readable;
//   - a finding a waiver or the baseline accepted (check --waivers / --baseline) is a <skipped>
//     test case of its rule, saying who accepted it: it does not fail the run, and a dashboard
//     still shows that the rule was broken (the other formats all count them too);
//   - with `--due-within`, a last testsuite "due within SPAN" repeats the pending items due
//     soon, soonest first, as <skipped> test cases whose message says when and who must act;
//   - a run that fails on its input (exit 2) is one testsuite "input errors" with a failing
//     test case per error.
// Test case names carry the finding id, so each is unique and the same from run to run. Counts
// follow the JUnit convention: `failures` and `skipped` count test cases. No timestamps or
// durations are written, so the output is deterministic.
#include <algorithm>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/due_soon.h"
#include "engine/report/finding_id.h"
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
  const auto& e = d.log->event(index);
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
  out.add(fmt::format("rule: {}: {}", rule_location(d, *f.rule), f.rule->text));
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

// "rule 1, late, Tue 2026-01-13 10:00 (37f57455424c171a)": unique, stable, readable.
std::string item_name(const ReportData& d, const eval::Finding& f, const std::string& what) {
  std::string when = f.window ? window_dates(d, *f.window) : format_local(f.at, d.agreement.zone);
  std::string id = d.log ? " (" + finding_id(*d.log, f) + ")" : "";
  return fmt::format("rule {}, {}, {}{}", f.rule->number, what, when, id);
}

std::string open_testcase(const ReportData& d, const model::Block& block, const model::Rule& rule,
                          const std::string& name) {
  return fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"", attr(name), attr(block.name),
                     attr(repo_path(d, rule.loc.file)), rule.loc.line);
}

std::string item_testcase(const ReportData& d, const eval::Finding& f, const std::string& what, const std::string& body) {
  return open_testcase(d, *f.block, *f.rule, item_name(d, f, what)) + ">\n" + body + "    </testcase>\n";
}

// The findings, pending items and tolerated misses of each rule, gathered in one pass (report
// order kept), so that laying out the test cases is linear in the items.
struct RuleItems {
  std::vector<const eval::Finding*> findings, pending, tolerated;
  struct Accepted {
    const eval::Finding* finding;
    const char* how;  // "waived", "accepted by the baseline"
    std::string why;  // the skip message's start: who accepted it
  };
  std::vector<Accepted> accepted;
};
using ItemsByRule = std::unordered_map<const model::Rule*, RuleItems>;

ItemsByRule items_by_rule(const eval::Outcome& o, const triage::Result* triage) {
  ItemsByRule out;
  for (const auto& f : o.findings) out[f.rule].findings.push_back(&f);
  for (const auto& f : o.pending) out[f.rule].pending.push_back(&f);
  for (const auto& f : o.tolerated_misses) out[f.rule].tolerated.push_back(&f);
  if (triage) {
    for (const auto& w : triage->waived)
      out[w.finding.rule].accepted.push_back({&w.finding, "waived", waiver_words(*w.waiver)});
    for (const auto& f : triage->baselined)
      out[f.rule].accepted.push_back({&f, "accepted by the baseline", "accepted by the baseline"});
  }
  return out;
}

const RuleItems& items_of(const model::Rule& rule, const ItemsByRule& by_rule) {
  static const RuleItems kNone;
  auto found = by_rule.find(&rule);
  return found == by_rule.end() ? kNone : found->second;
}

// The test cases of a rule, counted (the counts are written before the test cases).
Counts rule_counts(const ReportData& d, const model::Rule& rule, const ItemsByRule& by_rule) {
  if (!d.outcome || !d.outcome->evaluated) return Counts{1, 0, 1};
  const RuleItems& items = items_of(rule, by_rule);
  Counts c;
  c.failures = items.findings.size();
  c.skipped = items.pending.size() + items.tolerated.size() + items.accepted.size();
  c.tests = std::max<size_t>(c.failures + c.skipped, 1);  // a rule with none of them passes
  return c;
}

Counts block_counts(const ReportData& d, const model::Block& block, const ItemsByRule& by_rule) {
  Counts counts;
  for (const auto& rule : block.rules) counts.add(rule_counts(d, rule, by_rule));
  return counts;
}

// The test cases of a rule, one finding, pending item or tolerated miss at a time.
void write_testcases(std::ostream& out, const ReportData& d, const model::Block& block, const model::Rule& rule,
                     const ItemsByRule& by_rule) {
  std::string rule_name = fmt::format("rule {}: {}", rule.number, rule.text);
  if (!d.outcome || !d.outcome->evaluated) {
    out << open_testcase(d, block, rule, rule_name)
        << ">\n      <skipped message=\"not evaluated: no events and no --as-of\"/>\n    </testcase>\n";
    return;
  }
  const RuleItems& items = items_of(rule, by_rule);
  for (const auto* f : items.findings)
    out << item_testcase(d, *f, f->reason,
                         fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(f->message),
                                     attr(f->reason), text(finding_text(d, *f))));
  for (const auto* f : items.pending)
    out << item_testcase(d, *f, "pending",
                         fmt::format("      <skipped message=\"{}\">{}</skipped>\n", attr("pending: " + f->message),
                                     text(finding_text(d, *f))));
  for (const auto* f : items.tolerated)
    out << item_testcase(d, *f, "tolerated " + f->reason,
                         fmt::format("      <skipped message=\"{}\">{}</skipped>\n", attr("tolerated: " + f->message),
                                     text(finding_text(d, *f))));
  for (const auto& a : items.accepted)
    out << item_testcase(d, *a.finding, fmt::format("{} {}", a.finding->reason, a.how),
                         fmt::format("      <skipped message=\"{}\">{}</skipped>\n",
                                     attr(a.why + ": " + a.finding->message), text(finding_text(d, *a.finding))));
  if (items.findings.empty() && items.pending.empty() && items.tolerated.empty() && items.accepted.empty())
    out << open_testcase(d, block, rule, rule_name) << "/>\n";
}

void write_block_suite(std::ostream& out, const ReportData& d, const model::Block& block, const ItemsByRule& by_rule) {
  std::string props = fmt::format("      <property name=\"kind\" value=\"{}\"/>\n", kind_name(block));
  if (block.clause) props += fmt::format("      <property name=\"clause\" value=\"{}\"/>\n", attr(*block.clause));
  props += fmt::format("      <property name=\"severity\" value=\"{}\"/>\n", severity_name(block.severity));
  if (d.filter) props += fmt::format("      <property name=\"filter\" value=\"{}\"/>\n", attr(filter_words(d)));
  out << fmt::format("  <testsuite name=\"{}\" {}>\n    <properties>\n{}    </properties>\n", attr(block.name),
                     counts_attrs(block_counts(d, block, by_rule)), props);
  for (const auto& rule : block.rules) write_testcases(out, d, block, rule, by_rule);
  out << "  </testsuite>\n";
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

// The pending items due soon, soonest first (they are also skipped test cases of their rules).
void write_due_suite(std::ostream& out, const ReportData& d, const std::vector<DueItem>& due) {
  std::string name = attr("due within " + d.due_within_text);
  Counts counts{due.size(), 0, due.size()};
  out << fmt::format("  <testsuite name=\"{}\" {}>\n", name, counts_attrs(counts))
      << fmt::format("    <properties>\n      <property name=\"until\" value=\"{}\"/>\n    </properties>\n",
                     attr(format_instant(due_until(d), d.agreement.zone)));
  for (const auto& item : due) {
    const auto& f = *item.pending;
    std::string message = fmt::format("{}: {}", due_words(d, item), f.message);
    Lines body;
    body.add(fmt::format("deadline: {}", format_instant(item.deadline, d.agreement.zone)));
    body.add(finding_text(d, f));
    out << item_testcase(d, f, due_in_words(item),
                         fmt::format("      <skipped message=\"{}\">{}</skipped>\n", attr(message), text(body)));
  }
  out << "  </testsuite>\n";
}

std::string document_start(const std::string& agreement, const Counts& total) {
  std::string name = agreement.empty() ? "pactum" : "pactum: " + agreement;
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" {}>\n", attr(name),
                     counts_attrs(total));
}
const char* const kDocumentEnd = "</testsuites>\n";

}  // namespace

// Written one test case at a time. The counts of the document and of each suite come first in
// the XML, so they are counted before anything is written (no text is built for that).
void write_junit(std::ostream& out, const ReportData& d) {
  // Rules are judged only in a check; lint alone has no outcome and shows the lint suite only.
  bool rules = d.outcome && d.agreement.ast;
  ItemsByRule by_rule = rules ? items_by_rule(*d.outcome, d.triage) : ItemsByRule{};
  std::vector<DueItem> due;
  bool due_suite = d.due_within && d.outcome && d.outcome->evaluated;
  if (due_suite) due = due_soon(d);
  Counts total;
  if (rules)
    for (const auto& block : d.agreement.ast->blocks) total.add(block_counts(d, block, by_rule));
  Counts lint;
  std::string lint_text = lint_suite(d, lint);
  total.add(lint);
  if (due_suite) total.add(Counts{due.size(), 0, due.size()});
  out << document_start(d.agreement.name, total);
  if (rules)
    for (const auto& block : d.agreement.ast->blocks) write_block_suite(out, d, block, by_rule);
  out << lint_text;
  if (due_suite) write_due_suite(out, d, due);
  out << kDocumentEnd;
}

std::string render_junit(const ReportData& d) {
  std::ostringstream out;
  write_junit(out, d);
  return out.str();
}

std::string render_junit_input_errors(const InputErrors& d) {
  Counts counts;
  std::string cases;
  for (const auto& e : d.errors) {
    std::string where = e.loc.file < d.sources.size()
                            ? fmt::format("{}:{}:{}", d.sources.name(e.loc.file), e.loc.line, e.loc.column)
                            : std::string("?");
    Lines detail;
    detail.add(e.message);
    for (const auto& note : e.notes) detail.add(note);
    detail.add("at: " + where);
    std::string file = e.loc.file < d.sources.size()
                           ? fmt::format(" file=\"{}\" line=\"{}\"", attr(repo_path(d.sources, d.root, e.loc.file)), e.loc.line)
                           : "";
    cases += fmt::format("    <testcase name=\"{}\" classname=\"input errors\"{}>\n      <failure message=\"{}\" "
                         "type=\"input-error\">{}</failure>\n    </testcase>\n",
                         attr("input error at " + where), file, attr(e.message), text(detail));
    ++counts.tests;
    ++counts.failures;
  }
  if (d.not_shown) {
    std::string message = fmt::format("{} more input errors beyond the error limit are not listed", d.not_shown);
    cases += fmt::format("    <testcase name=\"more input errors\" classname=\"input errors\">\n      <failure "
                         "message=\"{}\" type=\"input-error\">{}</failure>\n    </testcase>\n",
                         attr(message), xml_escape(message, false));
    ++counts.tests;
    ++counts.failures;
  }
  std::string suite = fmt::format("  <testsuite name=\"input errors\" {}>\n{}  </testsuite>\n", counts_attrs(counts), cases);
  return document_start(d.agreement, counts) + suite + kDocumentEnd;
}

}  // namespace pactum::report
