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
  // Every report of the run: the --format one (standard output unless -o; with --quiet no text
  // report is printed) and each --output FORMAT=FILE, each combined from the files' reports.
  struct Target {
    report::Format format;
    std::optional<std::string> path;
  };
  std::vector<Target> targets;
  if (options.output || !io.quiet || options.format != report::Format::Text) targets.push_back({options.format, options.output});
  for (const auto& e : options.outputs) targets.push_back({e.format, e.path});
  for (const auto& t : targets)
    if (t.format == report::Format::Junit || t.format == report::Format::Html) {
      io.err << fmt::format("pactum: --format {} takes one agreement; lint each file in its own run\n",
                            report::format_names()[static_cast<size_t>(t.format)]);
      return kInputError;
    }
  for (const auto& t : targets)
    for (const auto& file : options.agreements)
      if (t.path && same_file(*t.path, file)) {
        io.err << fmt::format("pactum: -o `{}` is an input of this run (`{}`); nothing was written\n",
                              visible_text(*t.path), visible_text(file));
        return kInputError;
      }
  bool all_carry = !targets.empty() && std::all_of(targets.begin(), targets.end(), [](const Target& t) {
    return report::carries_input_errors(t.format);
  });
  // Each file is linted once per report; its errors are told once, by the first pass.
  int worst = kOk;
  std::vector<std::string> texts;
  std::ostringstream told_already;
  for (size_t i = 0; i < targets.size() || i == 0; ++i) {
    report::Format format = i < targets.size() ? targets[i].format : report::Format::Text;
    bool color = io.color && i < targets.size() && !targets[i].path;
    std::vector<std::string> reports;
    for (const auto& file : options.agreements) {
      LintOptions one = options;
      one.agreement = file;
      one.format = format;
      one.output.reset();
      one.outputs.clear();
      std::ostringstream out;
      int status = run_lint(one, Streams{out, i == 0 ? io.err : told_already, color, false});
      worst = std::max(worst, status);
      reports.push_back(out.str());
    }
    // A run that exits 2 writes nothing to standard output (spec 8); the errors are on stderr.
    // The CI formats carry input errors in the report too (docs/ci.md): the broken files' part
    // of it; a run with any other report writes none.
    if (worst >= kInputError && !all_carry) {
      io.err << "pactum: not every agreement could be read; no lint report was written\n";
      return worst;
    }
    if (i < targets.size()) texts.push_back(combine(format, options.agreements, reports));
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    if (!targets[i].path) {
      io.out << texts[i];
      io.out.flush();
      continue;
    }
    std::string error;
    if (!write_output(*targets[i].path, texts[i], error)) {
      io.err << fmt::format("pactum: cannot write `{}`: {}\n", visible_text(*targets[i].path), error);
      return kInputError;
    }
  }
  return worst;
}

}  // namespace pactum::app
