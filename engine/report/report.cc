#include "engine/report/report.h"

#include <fmt/format.h>

namespace pactum::report {

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"text", "json", "junit", "sarif", "github", "markdown", "html"};
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
  }
  return {};
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

std::string rule_location(const ReportData& d, const model::Rule& r) {
  return fmt::format("{}:{}:{}", d.sources.name(r.loc.file), r.loc.line, r.loc.column);
}

const credits::Ledger* shown_credits(const ReportData& d) {
  return d.outcome && d.credits && d.credits->enabled ? d.credits : nullptr;
}

std::string window_dates(const ReportData& d, const calendar::Interval& w) {
  const auto* zone = d.agreement.zone;
  auto first = date::year_month_day{local_day(w.start, zone)};
  auto last = date::year_month_day{local_day(w.end - Millis{1}, zone)};
  return fmt::format("{} to {}", date::format("%F", first), date::format("%F", last));
}

}  // namespace pactum::report
