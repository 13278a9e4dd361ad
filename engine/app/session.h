// One run of pactum: the pipeline source -> AST -> resolved agreement -> events -> evaluation ->
// lint -> report, with every error collected along the way. The CLI and `pactum test` drive it.
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/app/progress.h"
#include "engine/base/diagnostics.h"
#include "engine/credits/credits.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/outcome.h"
#include "engine/lint/lint.h"
#include "engine/log/loader.h"
#include "engine/model/agreement.h"
#include "engine/semantic/resolved_agreement.h"
#include "engine/syntax/parser.h"
#include "engine/triage/triage.h"

namespace pactum::app {

class Session {
 public:
  Session() = default;
  Session(const Session&) = delete;  // the resolved agreement points into `ast`
  Session& operator=(const Session&) = delete;

  SourceManager sources;
  Diagnostics errors{50};
  Diagnostics warnings{1000};
  model::Agreement ast;
  bool parsed = false;
  // How logs are parsed (log::LoadOptions::threads, chunk_bytes): `check --threads`.
  unsigned log_threads = 2;
  size_t log_chunk_bytes = size_t{256} << 10;
  eval::Slice slice;  // `check --slice K/N`: the rules evaluate() evaluates
  bool resolved = false;  // no agreement errors
  std::optional<semantic::ResolvedAgreement> agreement;  // set once parsed, as far as it resolves
  log::EventLog log;
  eval::Outcome outcome;
  credits::Ledger credits;  // V2.8: the findings priced (enabled only with `credit` lines)
  std::vector<Diagnostic> lint;
  std::optional<triage::WaiverFile> waivers;
  std::optional<triage::Baseline> baseline;
  triage::Result triaged;
  // The language server sets Author: its agreement is the editor's text, shown to its writer.
  syntax::Disclosure disclosure = syntax::Disclosure::OneLine;

  // Reads, parses and resolves the agreement. `path` "-" is not allowed for agreements.
  bool load_agreement(const std::string& path);
  // Parses and resolves agreement text already in memory (tests, `pactum test`).
  bool load_agreement_text(const std::string& name, std::string text);
  // Loads every log (errors collected across files), then sorts events by time.
  bool load_logs(const std::vector<std::string>& paths, log::Backend backend, ProgressLine* progress = nullptr);
  // Loads the logs and evaluates them together, dropping each event once the rules are done
  // with it (memory holds what the rules still need, not the log), when that gives the same
  // result as load_logs + evaluate: every rule streams (eval::EvaluationPass::streams) and the
  // events are in time order (each no earlier than the one before, across the logs in the order
  // given). Returns Done, or why not; then the logs are loaded (`loaded`) and the caller
  // evaluates them the usual way. streamed_check.cc.
  enum class Streamed { Done, RulesNeedTheLog, OutOfOrder, Withdrawn, NoEvents, InputErrors, RepeatedIds };
  struct StreamOutcome {
    Streamed result = Streamed::Done;
    // Not Done: the logs are loaded as load_logs loads them, load_ok as it returns (read again
    // when events had been dropped; a pipe from the text kept of it).
    bool loaded = false;
    bool load_ok = false;
    bool dropped = false;  // events had been dropped: the logs are read again
    size_t peak_held = 0;  // the most events the rules held at once (PACTUM_STREAM=trace)
    std::string where;     // OutOfOrder: "FILE:LINE", the first event earlier than the one before
  };
  StreamOutcome stream_check(const std::vector<std::string>& paths, log::Backend backend, ProgressLine* progress,
                             std::optional<Instant> as_of);
  // Loads one log held in memory (the inline events of a `pactum test` case).
  bool load_log_text(const std::string& name, const std::string& text, log::Backend backend);
  // Evaluates, prices the findings (V2.8) and lints (lint entries include never-met). Requires a
  // resolved agreement. Work beyond a limit (eval::kMaxJudgedWindows) is an error in `errors`:
  // check them afterwards.
  void evaluate(std::optional<Instant> as_of);
  // Lint only.
  void run_lint();
  // A waiver file (`--waivers`) and a baseline (`--baseline`); errors are located input errors.
  // Waivers need the parsed agreement (block names, time zone).
  bool load_waivers(const std::string& path);
  bool load_baseline(const std::string& path);
  // Sets apart the findings that waivers in force at `now` or the baseline accept (triage.h).
  void apply_triage(Instant now);

  // Agreement-error diagnostics (those with a code) are also lint entries (spec 7).
  std::vector<Diagnostic> agreement_error_entries() const;
  // Every error and warning, rendered compiler-style, in file/line order.
  std::string render_errors(bool color) const;
  std::string render_warnings(bool color) const;
  // The errors alone, in the order render_errors shows them (for the CI formats).
  std::vector<Diagnostic> error_list() const;

 private:
  bool finish_agreement(uint32_t file, const std::string& text);
  bool read_logs(const std::vector<std::string>& paths, log::LoadOptions options, ProgressLine* progress);
  std::set<const model::Rule*> warn_about_names();
  void after_evaluation(std::optional<Instant> as_of, const std::set<const model::Rule*>& warned);
};

// How the session's logs are read: its agreement's zone, parties and calendars, its threads.
log::LoadOptions log_options(const Session& s, log::Backend backend);

// The year whose calendar lint uses when an agreement has no effective period.
int current_year();

}  // namespace pactum::app
