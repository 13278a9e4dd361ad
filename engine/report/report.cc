#include "engine/report/report.h"

#include <filesystem>

#include <fmt/format.h>

namespace pactum::report {

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"text", "json", "junit", "sarif", "github", "markdown", "html", "gitlab"};
  return names;
}

std::optional<Format> parse_format(const std::string& name) {
  const auto& names = format_names();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<Format>(i);
  return std::nullopt;
}

std::string render(Format format, const ReportData& data) {
  switch (format) {
    case Format::Text: return render_text(data);
    case Format::Json: return render_json(data);
    case Format::Junit: return render_junit(data);
    case Format::Sarif: return render_sarif(data);
    case Format::Github: return render_github(data);
    case Format::Markdown: return render_markdown(data);
    case Format::Html: return render_html(data);
    case Format::Gitlab: return render_gitlab(data);
  }
  return {};
}

void write_report(Format format, const ReportData& data, std::ostream& out) {
  switch (format) {
    case Format::Text: return write_text(out, data);
    case Format::Json: return write_json(out, data);
    case Format::Junit: return write_junit(out, data);
    case Format::Sarif: return write_sarif(out, data);
    case Format::Gitlab: return write_gitlab(out, data);
    default: out << render(format, data);
  }
}

bool carries_input_errors(Format format) {
  return format == Format::Github || format == Format::Sarif || format == Format::Junit || format == Format::Gitlab;
}

std::string render_input_errors(Format format, const InputErrors& data) {
  switch (format) {
    case Format::Github: return render_github_input_errors(data);
    case Format::Sarif: return render_sarif_input_errors(data);
    case Format::Junit: return render_junit_input_errors(data);
    case Format::Gitlab: return render_gitlab_input_errors(data);
    default: return {};
  }
}

std::string severity_name(model::Severity s) {
  switch (s) {
    case model::Severity::Critical: return "critical";
    case model::Severity::Major: return "major";
    case model::Severity::Minor: return "minor";
  }
  return "major";
}

std::string kind_name(const model::Block& b) { return b.expectation ? "expectation" : "term"; }

std::string pending_state(const eval::Finding& pending) {
  return pending.window ? "window not decided yet" : "awaiting a response";
}

bool has_pending_windows(const eval::Outcome& o) {
  for (const auto& p : o.pending)
    if (p.window) return true;
  return false;
}

std::string rule_location(const ReportData& d, const model::Rule& r) {
  return fmt::format("{}:{}:{}", d.sources.name(r.loc.file), r.loc.line, r.loc.column);
}

std::string triage_words(const ReportData& d) {
  if (!d.triage) return "";
  const auto& t = *d.triage;
  std::vector<std::string> parts;
  if (t.waivers_used) parts.push_back(fmt::format("{} waived", t.waived.size()));
  if (t.baseline_used) {
    parts.push_back(fmt::format("{} accepted by the baseline", t.baselined.size()));
    parts.push_back(fmt::format("{} baseline entr{} fixed", t.fixed.size(), t.fixed.size() == 1 ? "y" : "ies"));
  }
  if (!t.expired.empty()) parts.push_back(fmt::format("{} expired waiver{}", t.expired.size(), t.expired.size() == 1 ? "" : "s"));
  if (!t.unused.empty()) parts.push_back(fmt::format("{} unused waiver{}", t.unused.size(), t.unused.size() == 1 ? "" : "s"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string waiver_words(const triage::Waiver& w) {
  return fmt::format("waived by {} until {}: {}", w.owner, w.until_text, w.reason);
}

std::string filter_words(const ReportData& d) {
  if (!d.filter) return "";
  const auto& f = *d.filter;
  std::vector<std::string> criteria;
  // As a command line would write them: `--term "Site visits are announced" --severity critical`.
  for (const auto& [option, values] : f.criteria)
    for (const auto& v : values) {
      bool plain = !v.empty() && v.find_first_of(" ,\"'\\") == std::string::npos;
      criteria.push_back(plain ? fmt::format("--{} {}", option, v) : fmt::format("--{} \"{}\"", option, v));
    }
  auto count = [](size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); };
  std::vector<std::string> left = {count(f.findings_left_out, "finding", "findings"),
                                   count(f.pending_left_out, "pending item", "pending items")};
  if (f.accepted_left_out) left.push_back(count(f.accepted_left_out, "accepted finding", "accepted findings"));
  return fmt::format("{}; left out: {}", fmt::join(criteria, " "), fmt::join(left, ", "));
}

const credits::Ledger* shown_credits(const ReportData& d) {
  return d.outcome && d.credits && d.credits->enabled ? d.credits : nullptr;
}

std::string repo_path(const ReportData& d, uint32_t file) { return repo_path(d.sources, d.root, file); }

std::string repo_path(const SourceManager& sources, const std::string& root, uint32_t file) {
  if (file >= sources.size()) return "";
  const std::string& name = sources.name(file);
  if (root.empty() || name.empty() || name[0] == '<') return name;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = fs::absolute(fs::path(name), ec).lexically_normal();
  if (ec) return name;
  fs::path base = fs::path(root).lexically_normal();
  if (!base.has_filename() && base.has_relative_path()) base = base.parent_path();  // "dir/" -> "dir"
  fs::path relative = absolute.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  return relative.generic_string();
}

std::string window_dates(const ReportData& d, const calendar::Interval& w) {
  const auto* zone = d.agreement.zone;
  auto first = date::year_month_day{local_day(w.start, zone)};
  auto last = date::year_month_day{local_day(w.end - Millis{1}, zone)};
  return fmt::format("{} to {}", date::format("%F", first), date::format("%F", last));
}

}  // namespace pactum::report
