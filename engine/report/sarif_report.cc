// SARIF 2.1.0 (spec 8, `--format sarif`), for code-scanning UIs such as GitHub's. A finding is a
// result whose ruleId is its reason ("late") and whose location is the rule in the .terms file;
// the events involved are relatedLocations in the logs. Lint entries use their code as ruleId.
// The pactum-specific fields come from the JSON report (finding_json, lint_json, json_head)
// as property bags, so the two machine formats can never disagree.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/due_soon.h"
#include "engine/report/finding_id.h"
#include "engine/report/json_report.h"
#include "engine/report/json_writer.h"
#include "engine/report/pieces_in_order.h"
#include "engine/report/report.h"

namespace pactum::report {

using nlohmann::ordered_json;

namespace {

// One-line descriptions of the finding reasons (spec 5) and lint codes (spec 7), for the
// reportingDescriptors. Unknown ids (a reason added later) fall back to the id itself.
const std::map<std::string, std::string>& descriptions() {
  static const std::map<std::string, std::string> d = {
      {"late", "A required event came later than the agreed timing allows"},
      {"missing", "A required event never happened"},
      {"early", "A required event happened too long before its trigger"},
      {"pending", "A required event is still awaited; its deadline has not passed"},
      {"outside-hours", "An event happened outside the agreed business hours"},
      {"too-few", "Fewer events than agreed in a period"},
      {"too-many", "More events than agreed in a period"},
      {"forbidden", "An event the agreement forbids"},
      {"below-target", "An aggregate fell below the agreed target in a period"},
      {"above-target", "An aggregate rose above the agreed limit in a period"},
      {"no-data", "No events to measure an aggregate target in a period"},
      {"perfection-target", "A target that demands perfection"},
      {"impossible-hours", "Business hours that never overlap"},
      {"deadline-outside-hours", "A deadline that can only be met outside business hours"},
      {"short-notice", "A notice period that is too short to act on"},
      {"cadence-too-dense", "More occurrences per period than there are business days"},
      {"contradiction", "Rules that cannot all hold"},
      {"one-sided", "Every fixed obligation falls on a single party"},
      {"never-met", "An expectation that failed in every judged window"},
      {"duplicate-block", "Two terms or expectations with one name"},
      {"duplicate-party", "A party declared twice"},
      {"bad-period", "A period of zero length or reversed"},
      {"unknown-party", "A party name that is not declared"},
      {"unknown-timezone", "A time zone that is not an IANA name"},
      {"bad-calendar", "Business hours that contain no time at all"},
  };
  return d;
}

// SARIF wants a URI reference; file names are kept as given on the command line except for the
// few characters that would change a URI's meaning or are not allowed in one.
std::string to_uri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (c <= 0x20 || c >= 0x7f || c == '%' || c == '#' || c == '?' || c == '"' || c == '<' || c == '>' ||
        c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' || c == '[' || c == ']')
      out += fmt::format("%{:02X}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

// Files inside `--root` (the repository; the current directory by default) are relative
// references, as code scanning wants them; others are absolute `file:` URIs.
ordered_json physical_location(const SourceManager& sources, const std::string& root, uint32_t file, uint32_t line,
                               uint32_t column) {
  ordered_json loc;
  std::string uri = to_uri(repo_path(sources, root, file));
  if (!uri.empty() && uri[0] == '/') uri = "file://" + uri;
  loc["artifactLocation"] = {{"uri", uri}};
  if (line > 0) {  // SARIF regions are 1-based; line 0 means "the whole file"
    ordered_json region = {{"startLine", line}};
    if (column > 0) region["startColumn"] = column;
    loc["region"] = region;
  }
  return loc;
}
ordered_json physical_location(const ReportData& d, uint32_t file, uint32_t line, uint32_t column) {
  return physical_location(d.sources, d.root, file, line, column);
}

// GitHub shows at most this many results of one run; more are dropped by the upload (documented
// limit of code scanning). The rest is counted in the run's properties, never silently lost.
constexpr size_t kMaxResults = 25000;

// SARIF levels from the block's severity: critical and major findings are errors, minor ones
// warnings; pending items notes.
const char* level_of(const eval::Finding& f, bool pending) {
  if (pending) return "note";
  return f.block->severity == model::Severity::Minor ? "warning" : "error";
}

// Every rule of the agreement is a reportingDescriptor ("<block>/<rule number>"), so that code
// scanning groups the findings of one rule and shows its text as help; lint codes are rules too.
class RuleTable {
 public:
  explicit RuleTable(const ReportData& d) : d_(d) {}

  // The index of a finding's rule, added to the table when new.
  size_t agreement_rule(const eval::Finding& f) {
    std::string id = rule_id(f);
    if (auto i = find(id)) return *i;
    std::string clause = f.block->clause ? fmt::format(" (clause {})", *f.block->clause) : "";
    ordered_json r;
    r["id"] = id;
    r["name"] = fmt::format("{}Rule{}", f.block->expectation ? "Expectation" : "Term", f.rule->number);
    r["shortDescription"] = {{"text", fmt::format("{} \"{}\"{}, rule {}", kind_name(*f.block), f.block->name, clause,
                                                  f.rule->number)}};
    r["fullDescription"] = {{"text", f.rule->text}};
    std::string help = fmt::format("{} \"{}\"{}, rule {}: {}\nDefined at {}.", kind_name(*f.block), f.block->name,
                                   clause, f.rule->number, f.rule->text, rule_location(d_, *f.rule));
    r["help"] = {{"text", help}, {"markdown", fmt::format("**{} \"{}\"**{}, rule {}:\n\n`{}`", kind_name(*f.block),
                                                           f.block->name, clause, f.rule->number, f.rule->text)}};
    r["defaultConfiguration"] = {{"level", level_of(f, false)}};
    r["properties"] = {{"tags", {"pactum", kind_name(*f.block), severity_name(f.block->severity)}}};
    return add(std::move(r));
  }

  size_t lint_code(const std::string& code, const char* level) {
    if (auto i = find(code)) return *i;
    auto known = descriptions().find(code);
    std::string text = known == descriptions().end() ? code : known->second;
    ordered_json r;
    r["id"] = code;
    r["shortDescription"] = {{"text", text}};
    r["fullDescription"] = {{"text", text + " (pactum lint `" + code + "`)"}};
    r["help"] = {{"text", text + ". See docs/language.md, \"Lint codes\", for what it means and how to fix it."}};
    r["defaultConfiguration"] = {{"level", level}};
    r["properties"] = {{"tags", {"pactum", "lint"}}};
    return add(std::move(r));
  }
  ordered_json json() const { return rules_; }

  // The index of a rule or lint code already in the table: the results are rendered on several
  // threads (pieces_in_order.h), after a first pass filled the table, and only read it.
  size_t index_of(const eval::Finding& f) const { return known(rule_id(f)); }
  size_t index_of(const std::string& lint_code) const { return known(lint_code); }

 private:
  static std::string rule_id(const eval::Finding& f) { return fmt::format("{}/{}", f.block->name, f.rule->number); }
  size_t known(const std::string& id) const {
    if (auto i = find(id)) return *i;
    throw std::logic_error("SARIF: a result of a rule missing from the rules table: " + id);
  }
  std::optional<size_t> find(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }
  size_t add(ordered_json r) {
    index_[r["id"].get<std::string>()] = rules_.size();
    rules_.push_back(std::move(r));
    return rules_.size() - 1;
  }
  const ReportData& d_;
  ordered_json rules_ = ordered_json::array();
  std::map<std::string, size_t> index_;
};

// `due`: the pending item is due soon (--due-within): a warning that says when.
ordered_json finding_result(const ReportData& d, const eval::Finding& f, bool pending, const RuleTable& rules,
                            const DueItem* due = nullptr) {
  const char* level = due ? "warning" : level_of(f, pending);
  ordered_json r;
  r["ruleId"] = fmt::format("{}/{}", f.block->name, f.rule->number);
  r["ruleIndex"] = rules.index_of(f);
  r["level"] = level;
  std::string clause = f.block->clause ? fmt::format(", clause {}", *f.block->clause) : "";
  std::string when = due ? due_words(d, *due) + ": " : "";
  r["message"] = {{"text", fmt::format("{}{} (responsible: {}; {} \"{}\"{}, rule {})", when, f.message,
                                       fmt::join(f.responsible, ", "), kind_name(*f.block), f.block->name, clause,
                                       f.rule->number)}};
  r["locations"] = {{{"physicalLocation", physical_location(d, f.rule->loc.file, f.rule->loc.line, f.rule->loc.column)}}};
  if (d.log && !f.events.empty()) {
    ordered_json related = ordered_json::array();
    int id = 0;
    for (auto i : f.events) {
      const auto& e = d.log->event(i);
      std::string name = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
      related.push_back({{"id", id++},
                         {"physicalLocation", physical_location(d, e.file, e.line, e.column)},
                         {"message", {{"text", fmt::format("{}{} at {}", d.log->symbols.text(e.type), name,
                                                           format_instant(e.at, d.agreement.zone))}}}});
    }
    r["relatedLocations"] = related;
  }
  ordered_json props = finding_json(d, f);
  // The stable id (V2.9) lets code scanning follow a finding from run to run.
  if (props.contains("id")) r["partialFingerprints"] = {{"pactumFindingId/v1", props["id"]}};
  props.erase("location");  // already the result's location and message
  props.erase("message");
  if (due)
    props["due"] = {{"deadline", format_instant(due->deadline, d.agreement.zone)},
                    {"due_in", time_left_words(due->left)},
                    {"within", d.due_within_text}};
  r["properties"] = props;
  return r;
}

// Waived and baselined findings are results too, suppressed, so that code scanning closes their
// alerts with the reason instead of losing track of them.
ordered_json suppressed(ordered_json r, const std::string& justification) {
  r["suppressions"] = {{{"kind", "external"}, {"status", "accepted"}, {"justification", justification}}};
  return r;
}

ordered_json lint_result(const ReportData& d, const Diagnostic& l, const RuleTable& rules) {
  const char* level = l.level == DiagLevel::Error ? "error" : "warning";
  ordered_json r;
  r["ruleId"] = l.code;
  r["ruleIndex"] = rules.index_of(l.code);
  r["level"] = level;
  std::string text = l.message;
  if (!l.notes.empty()) text += "\nsuggestion: " + l.notes.front();
  r["message"] = {{"text", text}};
  r["locations"] = {{{"physicalLocation", physical_location(d, l.loc.file, l.loc.line, l.loc.column)}}};
  ordered_json props = lint_json(d, l);
  props.erase("location");
  props.erase("message");
  r["properties"] = props;
  return r;
}

// What every run starts with. `tool.driver.informationUri` is not set: pactum has no public web
// address (docs/ci.md), and a made-up one would mislead.
ordered_json run_head(ordered_json rules, const std::string& agreement) {
  ordered_json run;
  run["tool"] = {{"driver", {{"name", "pactum"},
                             {"version", PACTUM_VERSION},
                             {"semanticVersion", PACTUM_VERSION},
                             {"rules", std::move(rules)}}}};
  // One category per agreement, so that several agreements checked in one repository keep their
  // alerts apart in code scanning.
  run["automationDetails"] = {{"id", fmt::format("pactum/{}/", agreement.empty() ? "agreement" : agreement)}};
  // pactum counts columns in Unicode code points (engine/base/source.h), not UTF-16 units.
  run["columnKind"] = "unicodeCodePoints";
  return run;
}

ordered_json document(ordered_json run) {
  ordered_json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = ordered_json::array({std::move(run)});
  return sarif;
}

const char* lint_level(const Diagnostic& l) { return l.level == DiagLevel::Error ? "error" : "warning"; }

// One result of the run: a lint entry, a finding, a waived or baselined finding (suppressed, so
// that code scanning closes their alerts with the reason instead of losing track of them) or a
// pending item.
struct ResultItem {
  enum Kind { Lint, Finding, Waived, Baselined, Pending } kind;
  const Diagnostic* lint = nullptr;
  const eval::Finding* finding = nullptr;
  const triage::WaivedFinding* waived = nullptr;
};

// Every result of the run, in report order.
template <class Visit>
void each_result(const ReportData& d, Visit visit) {
  for (const auto& l : d.lint) visit(ResultItem{ResultItem::Lint, &l});
  if (!d.outcome) return;
  for (const auto& f : d.outcome->findings) visit(ResultItem{ResultItem::Finding, nullptr, &f});
  if (d.triage) {
    for (const auto& w : d.triage->waived) visit(ResultItem{ResultItem::Waived, nullptr, &w.finding, &w});
    for (const auto& f : d.triage->baselined) visit(ResultItem{ResultItem::Baselined, nullptr, &f});
  }
  for (const auto& f : d.outcome->pending) visit(ResultItem{ResultItem::Pending, nullptr, &f});
}

ordered_json result_of(const ReportData& d, const ResultItem& item, const RuleTable& rules,
                       const std::unordered_map<const eval::Finding*, const DueItem*>& due_of) {
  switch (item.kind) {
    case ResultItem::Lint: return lint_result(d, *item.lint, rules);
    case ResultItem::Finding: {
      auto r = finding_result(d, *item.finding, false, rules);
      if (d.triage && d.triage->baseline_used) r["baselineState"] = "new";
      return r;
    }
    case ResultItem::Waived: {
      return suppressed(finding_result(d, *item.finding, false, rules), waiver_words(*item.waived->waiver));
    }
    case ResultItem::Baselined: {
      auto r = suppressed(finding_result(d, *item.finding, false, rules), "accepted by the baseline");
      r["baselineState"] = "unchanged";
      return r;
    }
    case ResultItem::Pending: {
      auto due = due_of.find(item.finding);
      return finding_result(d, *item.finding, true, rules, due == due_of.end() ? nullptr : due->second);
    }
  }
  return {};
}

ordered_json invocation_note(const char* level, const std::string& text) {
  return {{{"executionSuccessful", true},
           {"toolExecutionNotifications", {{{"level", level}, {"message", {{"text", text}}}}}}}};
}

}  // namespace

// Written piece by piece, one result at a time (JsonWriter), with the bytes json_text would give
// the whole document. The rules table comes before the results and lists the rules in the order
// the results first use them, so a first pass over the results (no text built) fills it.
void write_sarif(std::ostream& out, const ReportData& d) {
  RuleTable rules(d);
  size_t total = 0;
  each_result(d, [&](const ResultItem& item) {
    if (total++ >= kMaxResults) return;
    if (item.lint) rules.lint_code(item.lint->code, lint_level(*item.lint));
    else rules.agreement_rule(*item.finding);
  });
  size_t left_out = total > kMaxResults ? total - kMaxResults : 0;
  auto due = due_soon(d);
  std::unordered_map<const eval::Finding*, const DueItem*> due_of;
  for (const auto& item : due) due_of.emplace(item.pending, &item);

  JsonWriter w(out);
  w.begin_object();
  w.key("$schema");
  w.value("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version");
  w.value("2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();
  w.members(run_head(rules.json(), d.agreement.name));
  ordered_json left_out_note;
  if (left_out > 0)
    left_out_note = invocation_note("warning", fmt::format("{} more results were left out: code scanning accepts at "
                                                           "most {} per run; the JSON report has them all",
                                                           left_out, kMaxResults));
  bool not_evaluated = d.outcome && !d.outcome->evaluated;
  if (not_evaluated) {  // the note on results left out, if any, takes this place
    w.key("invocations");
    w.value(left_out > 0 ? left_out_note
                         : invocation_note("note", "no events and no --as-of: nothing was evaluated"));
  }
  w.key("results");
  w.begin_array();
  std::vector<ResultItem> items;
  items.reserve(std::min(total, kMaxResults));
  each_result(d, [&](const ResultItem& item) {
    if (items.size() < kMaxResults) items.push_back(item);
  });
  pieces_in_order(
      items.size(), d.threads, [&](size_t i) { return JsonWriter::dump(result_of(d, items[i], rules, due_of)); },
      [&](std::string_view piece) { w.value_dumped(piece); });
  w.end();
  // The summary of the JSON report (agreement, as-of, judged interval, counts, obligations).
  ordered_json head = json_head(d);
  ordered_json props;
  for (const char* key : {"agreement", "as_of", "judged", "summary"})
    if (head.contains(key)) props[key] = head[key];
  props["obligations"] = obligations_json(d);
  props["results_left_out"] = left_out;
  if (d.due_within && d.outcome && d.outcome->evaluated) {  // soonest first, by finding id
    ordered_json items = ordered_json::array();
    for (const auto& item : due)
      items.push_back({{"id", finding_id(*d.log, *item.pending)},
                       {"deadline", format_instant(item.deadline, d.agreement.zone)},
                       {"due_in", time_left_words(item.left)},
                       {"responsible", item.pending->responsible}});
    props["due_soon"] = {{"within", d.due_within_text},
                         {"until", format_instant(due_until(d), d.agreement.zone)},
                         {"items", items}};
  }
  w.key("properties");
  w.value(props);
  if (left_out > 0 && !not_evaluated) {
    w.key("invocations");
    w.value(left_out_note);
  }
  w.end();  // the run
  w.end();  // runs
  w.end();
  w.finish();
}

std::string render_sarif(const ReportData& d) {
  std::ostringstream out;
  write_sarif(out, d);
  return out.str();
}

// A run that failed on its input: each error is a result of the rule `input-error` at its place
// (so code scanning shows it on the line), and the invocation says the run did not succeed.
std::string render_sarif_input_errors(const InputErrors& d) {
  const char* text = "An input pactum cannot read: the agreement, an event log, a waiver file or a baseline";
  ordered_json rule;
  rule["id"] = "input-error";
  rule["name"] = "InputError";
  rule["shortDescription"] = {{"text", text}};
  rule["fullDescription"] = {{"text", std::string(text) + "; nothing was evaluated (exit status 2)"}};
  rule["help"] = {{"text", "Fix the input at the location shown; the message says what was expected. Until then "
                           "pactum checks nothing, so no finding is reported."}};
  rule["defaultConfiguration"] = {{"level", "error"}};
  rule["properties"] = {{"tags", {"pactum", "input"}}};
  ordered_json run = run_head(ordered_json::array({rule}), d.agreement);
  size_t n = d.errors.size() + d.not_shown;
  std::string summary = fmt::format("{} input error{}; nothing was evaluated", n, n == 1 ? "" : "s");
  if (d.not_shown) summary += fmt::format(" ({} beyond the error limit are not listed)", d.not_shown);
  run["invocations"] = {{{"executionSuccessful", false},
                         {"exitCode", 2},
                         {"toolExecutionNotifications", {{{"level", "error"}, {"message", {{"text", summary}}}}}}}};
  ordered_json results = ordered_json::array();
  for (const auto& e : d.errors) {
    std::string message = e.message;
    for (const auto& note : e.notes) message += "\n" + note;
    ordered_json r;
    r["ruleId"] = "input-error";
    r["ruleIndex"] = 0;
    r["level"] = "error";
    r["message"] = {{"text", message}};
    // A problem with a whole file (unreadable) points at its first line: code scanning shows
    // results on lines only.
    r["locations"] = {{{"physicalLocation", physical_location(d.sources, d.root, e.loc.file, std::max<uint32_t>(e.loc.line, 1),
                                                                e.loc.column)}}};
    std::string where = repo_path(d.sources, d.root, e.loc.file);
    r["partialFingerprints"] = {
        {"pactumInputError/v1",
         short_sha256(fmt::format("{}:{}:{}:{}", where, e.loc.line, e.loc.column, e.message))}};
    results.push_back(std::move(r));
  }
  run["results"] = results;
  run["properties"] = {{"input_errors", n}, {"errors_not_listed", d.not_shown}};
  return json_text(document(std::move(run)));
}

}  // namespace pactum::report
