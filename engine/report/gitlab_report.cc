// GitLab Code Quality (`--format gitlab`): the JSON array GitLab reads from a `codequality`
// report artifact and shows in merge requests. Each finding and lint entry is one issue located
// at its line of the .terms file; `fingerprint` is the stable finding id (spec V2.9) for
// findings, so GitLab tracks an issue from pipeline to pipeline whatever the logs are called.
// Severities: critical -> critical, major -> major, minor -> minor; lint errors -> major, lint
// warnings -> minor; pending items are not issues (they cannot fail yet) and are left out, except
// those due soon (`--due-within`): `info` issues "pactum/due-soon", soonest first. Input errors
// (a run that exits 2) are `blocker` issues "pactum/input-error". Paths are relative to `--root`
// (the repository), as GitLab wants them.
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/due_soon.h"
#include "engine/report/finding_id.h"
#include "engine/report/json_report.h"
#include "engine/report/json_writer.h"
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

// GitLab drops duplicate fingerprints silently: each is made unique.
class Fingerprints {
 public:
  std::string unique(const std::string& fp) {
    std::string candidate = fp;
    for (int n = 2; !seen_.insert(candidate).second; ++n) candidate = fmt::format("{}-{}", fp, n);
    return candidate;
  }

 private:
  std::set<std::string> seen_;
};

// json_text (json_report.h): control characters and `##[` escaped, so no CI log showing the file
// sees an escape sequence or a workflow command.
std::string dump(const ordered_json& issues) { return json_text(issues); }

}  // namespace

// Written one issue at a time (JsonWriter), with the bytes json_text would give the whole array.
void write_gitlab(std::ostream& out, const ReportData& d) {
  JsonWriter w(out);
  w.begin_array();
  Fingerprints fingerprints;
  auto unique = [&](const std::string& fp) { return fingerprints.unique(fp); };
  for (const auto& l : d.lint) {
    std::string path = repo_path(d, l.loc.file);
    std::string text = l.message + (l.notes.empty() ? "" : " (" + l.notes.front() + ")");
    std::string fp = short_sha256(fmt::format("[\"lint\",{},{},{}]", nlohmann::json(l.code).dump(), l.loc.line,
                                              nlohmann::json(l.message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    w.value(issue("pactum/" + l.code, text, l.level == DiagLevel::Error ? "major" : "minor", unique(fp), path,
                  l.loc.line));
  }
  if (d.outcome && d.log) {
    for (const auto& f : d.outcome->findings) {
      std::string path = repo_path(d, f.rule->loc.file);
      std::string description = fmt::format("{}: {} (responsible: {}; \"{}\", rule {})", f.reason, f.message,
                                            fmt::join(f.responsible, ", "), f.block->name, f.rule->number);
      w.value(issue("pactum/" + f.reason, description, severity_name(f.block->severity),
                    unique(finding_id(*d.log, f)), path, f.rule->loc.line));
    }
  }
  for (const auto& item : d.log ? due_soon(d) : std::vector<DueItem>{}) {
    const auto& f = *item.pending;
    std::string description =
        fmt::format("{}: {} (\"{}\", rule {})", due_words(d, item), f.message, f.block->name, f.rule->number);
    w.value(issue("pactum/due-soon", description, "info", unique(finding_id(*d.log, f)),
                  repo_path(d, f.rule->loc.file), f.rule->loc.line));
  }
  w.end();
  w.finish();
}

std::string render_gitlab(const ReportData& d) {
  std::ostringstream out;
  write_gitlab(out, d);
  return out.str();
}

std::string render_gitlab_input_errors(const InputErrors& d) {
  ordered_json issues = ordered_json::array();
  Fingerprints fingerprints;
  for (const auto& e : d.errors) {
    std::string path = repo_path(d.sources, d.root, e.loc.file);
    std::string text = e.message;
    for (const auto& note : e.notes) text += " (" + note + ")";
    std::string fp = short_sha256(fmt::format("[\"input-error\",{},{},{},{}]", nlohmann::json(path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                              e.loc.line, e.loc.column,
                                              nlohmann::json(e.message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    issues.push_back(issue("pactum/input-error", "input error: " + text + "; nothing was evaluated", "blocker",
                           fingerprints.unique(fp), path, e.loc.line));
  }
  return dump(issues);
}

}  // namespace pactum::report
