// The commands of spec 8, independent of how arguments are parsed. Each returns the exit
// status: 0 nothing at or above the fail level, 1 findings/lint errors at or above it, 2 usage or
// input error (nothing on standard output), 3 internal error.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/app/filter.h"
#include "engine/eval/evaluator.h"
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
  // --quiet: standard output carries only what a machine reads (a report in a machine format,
  // `fmt`'s output, `init`'s agreement); no text report, warnings, progress or test summary.
  // Errors still go to standard error.
  bool quiet = false;
};

// `--output FORMAT=FILE`: one more report, in its own format, written to FILE (atomically, and
// only when the run completes). Several may be given.
struct ExtraOutput {
  report::Format format = report::Format::Text;
  std::string path;
};
// Splits an `-o/--output` value: "sarif=out.sarif" names a format (one of format_names()) and a
// file; anything else is a plain FILE (for `--format`), returned as nullopt.
std::optional<ExtraOutput> parse_extra_output(const std::string& value);

struct CheckOptions {
  std::string agreement;
  std::vector<std::string> logs;
  std::optional<std::string> as_of;
  report::Format format = report::Format::Text;
  std::optional<std::string> output;  // -o FILE
  FailLevel fail_on = FailLevel::Error;
  log::Backend backend = log::Backend::Libyaml;
  // --threads N: threads that parse a log (1: none started; log::LoadOptions::threads), and the
  // size of the chunks a large log is cut into (PACTUM_LOG_CHUNK_BYTES, for tests).
  unsigned threads = 2;
  size_t chunk_bytes = size_t{256} << 10;
  // CI (triage.h): accepted exceptions and known findings do not fail the run.
  std::optional<std::string> waivers;         // --waivers FILE
  std::optional<std::string> baseline;        // --baseline FILE
  std::optional<std::string> write_baseline;  // --write-baseline FILE
  bool strict_baseline = false;               // fixed baseline entries fail the run
  std::optional<std::string> today;           // --today DATE: when waivers expire (default: now)
  std::optional<std::string> due_within;      // --due-within SPAN: pending items due that soon
  std::optional<std::string> root;            // --root DIR: CI paths relative to it (default: cwd)
  FindingFilter filter;                       // --party, --term, --clause, --severity
  std::vector<ExtraOutput> outputs;           // --output FORMAT=FILE ...
  std::optional<std::string> slice;           // --slice K/N: a part for `pactum merge` (JSON only)
};
int run_check(const CheckOptions& options, Streams io);

// `--slice K/N` (docs/sliced-runs.md): 1 <= K <= N <= kMaxSlices, both plain decimal numbers.
// nullopt with `why` for anything else.
inline constexpr size_t kMaxSlices = 1000;
std::optional<eval::Slice> parse_slice(const std::string& text, std::string* why = nullptr);

// `pactum merge PART...` (merge_command.cc): the parts of a sliced check, one per slice 1..N of
// one run, put back together into the JSON report the whole check writes, byte for byte. The exit
// status is the whole check's (--fail-on as in check); 2 for a part that is unreadable, malformed,
// missing, given twice or of another run.
struct MergeOptions {
  std::vector<std::string> parts;
  report::Format format = report::Format::Json;  // JSON only
  std::optional<std::string> output;             // -o FILE
  FailLevel fail_on = FailLevel::Error;
};
int run_merge(const MergeOptions& options, Streams io);

struct LintOptions {
  std::string agreement;
  std::vector<std::string> agreements;  // `pactum lint` with several files: run_lint_files
  report::Format format = report::Format::Text;
  std::optional<std::string> output;
  FailLevel fail_on = FailLevel::Error;
  std::optional<std::string> root;  // --root DIR
  std::vector<ExtraOutput> outputs;  // --output FORMAT=FILE ...
};
int run_lint(const LintOptions& options, Streams io);
// Lints every file of `agreements` (or `agreement`) into one report in the chosen format (JSON:
// an array of the one-file objects; SARIF: one run per file; junit and html take one file); the
// exit status is the worst of them (lint_files.cc).
int run_lint_files(const LintOptions& options, Streams io);

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;  // exit 1 when a file is not formatted
  bool write = false;  // rewrite files in place
};
int run_fmt(const FmtOptions& options, Streams io);

int run_explain(const std::string& agreement, Streams io);

// `pactum explain WHAT`: an existing file is an agreement to explain in plain English; otherwise a
// WHAT written like a code (lower-case words joined by `-`, such as `unknown-party`) is explained
// as a lint, agreement-error or finding code (code_explanations.h). `--code` always means a code;
// `--list` lists the codes.
struct ExplainOptions {
  std::optional<std::string> what;
  std::optional<std::string> code;
  bool list = false;
};
int run_explain(const ExplainOptions& options, Streams io);

// `pactum init`: a new agreement from a template of rules/ (embedded in the binary at build
// time), with the client and provider parties renamed; canonical layout, so that `pactum fmt
// --check` and `pactum lint` pass on it.
struct InitOptions {
  std::string template_name = "contact-center";
  std::optional<std::string> client, provider, title;
  std::optional<std::string> output;  // default: standard output
  bool force = false;                 // replace an existing output file
  bool list = false;                  // list the templates
};
int run_init(const InitOptions& options, Streams io);
const std::vector<std::string>& template_names();

struct TestOptions {
  std::string path;                 // a test file, or a folder of *.yaml test files
  std::optional<std::string> root;  // --root: the folder tree `agreement:` may reach (default: the test file's folder)
  log::Backend backend = log::Backend::Libyaml;
  bool coverage = false;            // --coverage: which rules the cases exercise
  bool json = false;                // --format json
};
int run_tests(const TestOptions& options, Streams io);

// Writes `text` to `path` (atomic_write.cc): through a symbolic link to its target; a regular or
// new file through a temporary file beside it and a rename, keeping the replaced file's mode, so
// that a reader never sees a half-written file and a crash leaves the old file intact; a FIFO or
// a device directly, never replacing it. False with `error` set when it cannot.
bool write_output(const std::string& path, const std::string& text, std::string& error);
// Whether both paths name the same existing file (links followed): `-o` must not be an input.
bool same_file(const std::string& a, const std::string& b);
// Whether `path` is (through links) an existing regular file.
bool is_regular_file(const std::string& path);

}  // namespace pactum::app
