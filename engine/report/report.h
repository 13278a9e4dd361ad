// Renderers of the check and lint reports (spec 8, 8.1). Every format reads the same data; none
// computes anything of its own.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/credits/credits.h"
#include "engine/eval/outcome.h"
#include "engine/lint/lint.h"
#include "engine/log/event_log.h"
#include "engine/semantic/resolved_agreement.h"
#include "engine/triage/triage.h"  // types only: report does not link triage

namespace pactum::report {

enum class Format { Text, Json, Junit, Sarif, Github, Markdown, Html, Gitlab };
std::optional<Format> parse_format(const std::string& name);
const std::vector<std::string>& format_names();

// What `check --party/--term/--clause/--severity` left out of the report (engine/app/filter.h).
struct FilterInfo {
  std::vector<std::pair<std::string, std::vector<std::string>>> criteria;  // {"party", {"Acme"}}, option order
  size_t findings_left_out = 0;
  size_t pending_left_out = 0;
  size_t accepted_left_out = 0;  // waived or accepted by the baseline
};

// `check --slice K/N` (docs/sliced-runs.md): the JSON report is then a part that `pactum merge`
// puts back together with the other parts into the whole run's report (slice_part.cc).
struct SlicePart {
  size_t k = 1, n = 1;
  std::string run;  // the run's fingerprint: every part of one run carries the same
};

struct ReportData {
  const SourceManager& sources;
  const semantic::ResolvedAgreement& agreement;
  const log::EventLog* log = nullptr;     // check only
  const eval::Outcome* outcome = nullptr; // check only
  std::vector<Diagnostic> lint;           // sorted by file, line, column, code
  lint::ObligationBalance balance;
  bool color = false;                     // ANSI colours in text output
  const credits::Ledger* credits = nullptr;  // check only; shown when enabled (V2.8)
  const triage::Result* triage = nullptr; // waivers/baseline in use (check only)
  // What CI paths are relative to (SARIF uris, GitHub `file=`, GitLab `location.path`): an
  // absolute folder (`--root DIR`, by default the current directory); empty: names as given.
  std::string root = {};
  // `--due-within SPAN` (due_soon.h): the span, as written and as a duration.
  std::optional<Millis> due_within = std::nullopt;
  std::string due_within_text = {};
  const FilterInfo* filter = nullptr;     // findings filtered (check only)
  const SlicePart* slice = nullptr;       // a part of a sliced check (JSON only)
  unsigned threads = 1;                   // that may render findings at once (`check --threads`)
};

std::string render(Format format, const ReportData& data);
// The report written to `out`. JSON, SARIF, JUnit, GitLab and text are written piece by piece (a
// finding or a pending item at a time) and never held whole in memory (issue 17): a report of
// 60,000 findings costs its pieces, not a document; the other formats are rendered whole first.
// The bytes are those of render().
void write_report(Format format, const ReportData& data, std::ostream& out);

// Input errors (exit 2) in the CI formats (github, sarif, junit, gitlab), so that a pipeline
// shows them where it shows findings: one annotation, result, failing test case or blocker issue
// per error. The other formats print errors on standard error only (spec 8).
struct InputErrors {
  const SourceManager& sources;
  std::vector<Diagnostic> errors;  // errors only, in the order standard error shows them
  size_t not_shown = 0;            // errors beyond the error limit, counted only
  std::string agreement;           // the agreement's name when it parsed, else its file
  std::string root;                // as ReportData::root
};
bool carries_input_errors(Format format);
std::string render_input_errors(Format format, const InputErrors& data);
std::string render_github_input_errors(const InputErrors& data);
std::string render_sarif_input_errors(const InputErrors& data);
std::string render_junit_input_errors(const InputErrors& data);
std::string render_gitlab_input_errors(const InputErrors& data);

// Pieces shared by several renderers.
std::string severity_name(model::Severity s);
std::string kind_name(const model::Block& b);  // "term" / "expectation"
std::string rule_location(const ReportData& d, const model::Rule& r);  // "file:line:column"
// What waivers and the baseline set apart, in words ("2 waived, 3 accepted by the baseline, 1
// baseline entry fixed"); empty when neither is in use.
std::string triage_words(const ReportData& d);
// Who waived a finding, until when and why: "waived by Acme until 2026-12-31: announced by phone".
std::string waiver_words(const triage::Waiver& w);
// What a filter left out, in words ("--party Acme --severity critical --severity major; left
// out: 12 findings, 3 pending items"); empty without a filter.
std::string filter_words(const ReportData& d);
// What a pending item waits for, in a few words: "awaiting a response" (an activation, 5.1) or
// "window not decided yet" (a window, V2.9: a share whose open cases still decide it, V2.3).
std::string pending_state(const eval::Finding& pending);
// True when some pending item is a window (the reports then say what those wait for).
bool has_pending_windows(const eval::Outcome& o);
// The ledger when the report shows credits (V2.8: some block has a `credit` line), else null.
const credits::Ledger* shown_credits(const ReportData& d);
// The name of `file` as CI systems want it: relative to d.root when it lies inside it (lexically,
// links not followed), else absolute; names that are no path ("<stdin>") and every name when
// d.root is empty stay as given.
std::string repo_path(const ReportData& d, uint32_t file);
std::string repo_path(const SourceManager& sources, const std::string& root, uint32_t file);
// "2026-01-01 to 2026-01-31": a credit window as local dates, both inclusive.
std::string window_dates(const ReportData& d, const calendar::Interval& w);

std::string render_text(const ReportData& data);
// One finding (or pending item) as the text report shows it (`pactum explain CODE` examples).
std::string render_text_finding(const ReportData& data, const eval::Finding& f, bool pending);
std::string render_json(const ReportData& data);
std::string render_junit(const ReportData& data);
std::string render_sarif(const ReportData& data);
std::string render_github(const ReportData& data);
std::string render_markdown(const ReportData& data);
std::string render_html(const ReportData& data);
std::string render_gitlab(const ReportData& data);
// The streamed renderers behind write_report (the render_* above of these formats call them).
void write_text(std::ostream& out, const ReportData& data);
void write_json(std::ostream& out, const ReportData& data);
void write_junit(std::ostream& out, const ReportData& data);
void write_sarif(std::ostream& out, const ReportData& data);
void write_gitlab(std::ostream& out, const ReportData& data);

}  // namespace pactum::report
