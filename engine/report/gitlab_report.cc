// GitLab Code Quality (`--format gitlab`): the JSON array GitLab reads from a `codequality`
// report artifact and shows in merge requests. Each finding and lint entry is one issue located
// at its line of the .terms file; `fingerprint` is the stable finding id (spec V2.9) for
// findings, so GitLab tracks an issue from pipeline to pipeline whatever the logs are called.
// Severities: critical -> critical, major -> major, minor -> minor; lint errors -> major, lint
// warnings -> minor; pending items are not issues (they cannot fail yet) and are left out.
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/finding_id.h"
#include "engine/report/report.h"

namespace pactum::report {

namespace {

using nlohmann::ordered_json;

ordered_json issue(const std::string& check, const std::string& description, const std::string& severity,
                   const std::string& fingerprint, const std::string& path, uint32_t line) {
  ordered_json j;
  j["description"] = description;
  j["check_name"] = check;
  j["fingerprint"] = fingerprint;
  j["severity"] = severity;
  j["location"] = {{"path", path}, {"lines", {{"begin", line > 0 ? line : 1}}}};
  return j;
}

}  // namespace

std::string render_gitlab(const ReportData& d) {
  ordered_json issues = ordered_json::array();
  std::set<std::string> seen;  // GitLab drops duplicate fingerprints silently: make each unique
  auto unique = [&](std::string fp) {
    std::string candidate = fp;
    for (int n = 2; !seen.insert(candidate).second; ++n) candidate = fmt::format("{}-{}", fp, n);
    return candidate;
  };
  for (const auto& l : d.lint) {
    std::string path = l.loc.file < d.sources.size() ? d.sources.name(l.loc.file) : "";
    std::string text = l.message + (l.notes.empty() ? "" : " (" + l.notes.front() + ")");
    std::string fp = short_sha256(fmt::format("[\"lint\",{},{},{}]", nlohmann::json(l.code).dump(), l.loc.line,
                                              nlohmann::json(l.message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    issues.push_back(issue("pactum/" + l.code, text, l.level == DiagLevel::Error ? "major" : "minor", unique(fp), path,
                           l.loc.line));
  }
  if (d.outcome && d.log) {
    for (const auto& f : d.outcome->findings) {
      std::string path = d.sources.name(f.rule->loc.file);
      std::string description = fmt::format("{}: {} (responsible: {}; \"{}\", rule {})", f.reason, f.message,
                                            fmt::join(f.responsible, ", "), f.block->name, f.rule->number);
      issues.push_back(issue("pactum/" + f.reason, description, severity_name(f.block->severity),
                             unique(finding_id(*d.log, f)), path, f.rule->loc.line));
    }
  }
  return issues.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace pactum::report
