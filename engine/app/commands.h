// The commands of spec 8, independent of how arguments are parsed. Each returns the exit
// status: 0 nothing at or above the fail level, 1 findings/lint errors at or above it, 2 usage or
// input error (nothing on standard output), 3 internal error.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/log/loader.h"
#include "engine/report/report.h"

namespace pactum::app {

enum ExitStatus { kOk = 0, kFindings = 1, kInputError = 2, kInternalError = 3 };

// --fail-on: `never`; `critical`, `major`, `minor` (findings of at least that severity, or a lint
// error); `error` (the default: any finding or lint error); `warning` (also lint warnings).
enum class FailLevel { Never, Critical, Major, Minor, Error, Warning };
std::optional<FailLevel> parse_fail_level(const std::string& text);
const std::vector<std::string>& fail_level_names();

struct Streams {
  std::ostream& out;
  std::ostream& err;
  bool color = false;  // ANSI colours on standard error/text output
};

struct CheckOptions {
  std::string agreement;
  std::vector<std::string> logs;
  std::optional<std::string> as_of;
  report::Format format = report::Format::Text;
  std::optional<std::string> output;  // -o FILE
  FailLevel fail_on = FailLevel::Error;
  log::Backend backend = log::Backend::Libyaml;
  // CI (triage.h): accepted exceptions and known findings do not fail the run.
  std::optional<std::string> waivers;         // --waivers FILE
  std::optional<std::string> baseline;        // --baseline FILE
  std::optional<std::string> write_baseline;  // --write-baseline FILE
  bool strict_baseline = false;               // fixed baseline entries fail the run
  std::optional<std::string> today;           // --today DATE: when waivers expire (default: now)
};
int run_check(const CheckOptions& options, Streams io);

struct LintOptions {
  std::string agreement;
  report::Format format = report::Format::Text;
  std::optional<std::string> output;
  FailLevel fail_on = FailLevel::Error;
};
int run_lint(const LintOptions& options, Streams io);

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;  // exit 1 when a file is not formatted
  bool write = false;  // rewrite files in place
};
int run_fmt(const FmtOptions& options, Streams io);

int run_explain(const std::string& agreement, Streams io);

int run_tests(const std::string& path, log::Backend backend, Streams io);

// Writes `text` to `path` through a temporary file in the same folder and a rename, so that a
// reader never sees a half-written file and a crash leaves the old file intact.
bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace pactum::app
