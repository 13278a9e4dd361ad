// `pactum lint A.terms B.terms ...`: every file linted as `pactum lint FILE` would, one report in
// the chosen format, the exit status the worst of them (like every linter: `pactum lint
// rules/*.terms`).
#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/app/commands.h"
#include "engine/base/text.h"
#include "engine/report/json_report.h"

namespace pactum::app {

namespace {

using Json = nlohmann::ordered_json;

// One report from the reports of several files, in the chosen format.
std::string combine(report::Format format, const std::vector<std::string>& files, const std::vector<std::string>& reports) {
  using report::Format;
  switch (format) {
    case Format::Json: {  // an array of the one-file objects
      Json all = Json::array();
      for (const auto& r : reports) all.push_back(Json::parse(r));
      return report::json_text(all);
    }
    case Format::Sarif: {  // one SARIF log, one run per file
      Json log = Json::parse(reports.front());
      for (size_t i = 1; i < reports.size(); ++i) {
        Json other = Json::parse(reports[i]);
        for (auto& run : other["runs"]) log["runs"].push_back(std::move(run));
      }
      return report::json_text(log);
    }
    case Format::Gitlab: {  // one array of issues
      Json all = Json::array();
      for (const auto& r : reports) {
        Json issues = Json::parse(r);
        for (auto& issue : issues) all.push_back(std::move(issue));
      }
      return report::json_text(all);  // control characters and `##[` escaped, as in one report
    }
    case Format::Text: {
      std::string out;
      for (size_t i = 0; i < reports.size(); ++i)
        out += fmt::format("{}==> {} <==\n{}", i ? "\n" : "", shown_path(files[i]), reports[i]);
      return out;
    }
    default: {  // github annotations, markdown sections: one after the other
      std::string out;
      for (const auto& r : reports) out += r;
      return out;
    }
  }
}

}  // namespace

int run_lint_files(const LintOptions& options, Streams io) {
  if (options.agreements.size() <= 1) {
    LintOptions one = options;
    if (!options.agreements.empty()) one.agreement = options.agreements.front();
    return run_lint(one, io);
  }
  if (options.format == report::Format::Junit || options.format == report::Format::Html) {
    io.err << fmt::format("pactum: --format {} takes one agreement; lint each file in its own run\n",
                          report::format_names()[static_cast<size_t>(options.format)]);
    return kInputError;
  }
  if (options.output)
    for (const auto& file : options.agreements)
      if (same_file(*options.output, file)) {
        io.err << fmt::format("pactum: -o `{}` is an input of this run (`{}`); nothing was written\n",
                              visible_text(*options.output), visible_text(file));
        return kInputError;
      }
  int worst = kOk;
  std::vector<std::string> reports;
  for (const auto& file : options.agreements) {
    LintOptions one = options;
    one.agreement = file;
    one.output.reset();
    std::ostringstream out;
    int status = run_lint(one, Streams{out, io.err, io.color && !options.output});
    worst = std::max(worst, status);
    reports.push_back(out.str());
  }
  // A run that exits 2 writes nothing to standard output (spec 8); the errors are on stderr. The
  // CI formats carry input errors in the report too (docs/ci.md): the broken files' part of it.
  if (worst >= kInputError && !report::carries_input_errors(options.format)) {
    io.err << "pactum: not every agreement could be read; no lint report was written\n";
    return worst;
  }
  std::string text = combine(options.format, options.agreements, reports);
  if (!options.output) {
    io.out << text;
    io.out.flush();
    return worst;
  }
  std::string error;
  if (!write_output(*options.output, text, error)) {
    io.err << fmt::format("pactum: cannot write `{}`: {}\n", visible_text(*options.output), error);
    return kInputError;
  }
  return worst;
}

}  // namespace pactum::app
