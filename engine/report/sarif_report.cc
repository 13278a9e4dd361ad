// SARIF 2.1.0 (spec 8, `--format sarif`), for code-scanning UIs such as GitHub's. A finding is a
// result whose ruleId is its reason ("late") and whose location is the rule in the .terms file;
// the events involved are relatedLocations in the logs. Lint entries use their code as ruleId.
// The pactum-specific fields come from the JSON report (finding_json, lint_json, json_document)
// as property bags, so the two machine formats can never disagree.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/json_report.h"
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

ordered_json physical_location(const ReportData& d, uint32_t file, uint32_t line, uint32_t column) {
  ordered_json loc;
  loc["artifactLocation"] = {{"uri", file < d.sources.size() ? to_uri(d.sources.name(file)) : ""}};
  if (line > 0) {  // SARIF regions are 1-based; line 0 means "the whole file"
    ordered_json region = {{"startLine", line}};
    if (column > 0) region["startColumn"] = column;
    loc["region"] = region;
  }
  return loc;
}

class RuleTable {
 public:
  // The index of `id` in tool.driver.rules, adding it on first use (order of first use).
  size_t index(const std::string& id, const char* level) {
    for (size_t i = 0; i < rules_.size(); ++i)
      if (rules_[i]["id"] == id) return i;
    auto known = descriptions().find(id);
    rules_.push_back({{"id", id},
                      {"shortDescription", {{"text", known == descriptions().end() ? id : known->second}}},
                      {"defaultConfiguration", {{"level", level}}}});
    return rules_.size() - 1;
  }
  ordered_json json() const { return rules_; }

 private:
  ordered_json rules_ = ordered_json::array();
};

ordered_json finding_result(const ReportData& d, const eval::Finding& f, bool pending, RuleTable& rules) {
  const char* level = pending ? "note" : "error";
  ordered_json r;
  r["ruleId"] = f.reason;
  r["ruleIndex"] = rules.index(f.reason, level);
  r["level"] = level;
  std::string clause = f.block->clause ? fmt::format(", clause {}", *f.block->clause) : "";
  r["message"] = {{"text", fmt::format("{} (responsible: {}; {} \"{}\"{}, rule {})", f.message,
                                       fmt::join(f.responsible, ", "), kind_name(*f.block), f.block->name, clause,
                                       f.rule->number)}};
  r["locations"] = {{{"physicalLocation", physical_location(d, f.rule->loc.file, f.rule->loc.line, f.rule->loc.column)}}};
  if (d.log && !f.events.empty()) {
    ordered_json related = ordered_json::array();
    int id = 0;
    for (auto i : f.events) {
      const auto& e = d.log->events[i];
      std::string name = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
      related.push_back({{"id", id++},
                         {"physicalLocation", physical_location(d, e.file, e.line, e.column)},
                         {"message", {{"text", fmt::format("{}{} at {}", d.log->symbols.text(e.type), name,
                                                           format_instant(e.at, d.agreement.zone))}}}});
    }
    r["relatedLocations"] = related;
  }
  ordered_json props = finding_json(d, f);
  props.erase("location");  // already the result's location and message
  props.erase("message");
  r["properties"] = props;
  return r;
}

ordered_json lint_result(const ReportData& d, const Diagnostic& l, RuleTable& rules) {
  const char* level = l.level == DiagLevel::Error ? "error" : "warning";
  ordered_json r;
  r["ruleId"] = l.code;
  r["ruleIndex"] = rules.index(l.code, level);
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

}  // namespace

std::string render_sarif(const ReportData& d) {
  RuleTable rules;
  ordered_json results = ordered_json::array();
  for (const auto& l : d.lint) results.push_back(lint_result(d, l, rules));
  if (d.outcome) {
    for (const auto& f : d.outcome->findings) results.push_back(finding_result(d, f, false, rules));
    for (const auto& f : d.outcome->pending) results.push_back(finding_result(d, f, true, rules));
  }

  ordered_json run;
  run["tool"] = {{"driver", {{"name", "pactum"}, {"rules", rules.json()}}}};
  // pactum counts columns in Unicode code points (engine/base/source.h), not UTF-16 units.
  run["columnKind"] = "unicodeCodePoints";
  if (d.outcome && !d.outcome->evaluated)
    run["invocations"] = {{{"executionSuccessful", true},
                           {"toolExecutionNotifications",
                            {{{"level", "note"},
                              {"message", {{"text", "no events and no --as-of: nothing was evaluated"}}}}}}}};
  run["results"] = results;
  // The summary of the JSON report (agreement, as-of, judged interval, counts, obligations).
  ordered_json doc = json_document(d);
  ordered_json props;
  for (const char* key : {"agreement", "as_of", "judged", "summary", "obligations"})
    if (doc.contains(key)) props[key] = doc[key];
  run["properties"] = props;

  ordered_json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = ordered_json::array({run});
  // Invalid UTF-8 from a log must not abort the report: it is replaced by U+FFFD.
  return sarif.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace pactum::report
