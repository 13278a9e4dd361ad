// A check that evaluates events while they are read and drops them once the rules are done with
// them (Session::stream_check): on a time-ordered log, memory holds what the rules still need
// (open activations, window counters, the events findings cite), not the log. Whenever that
// could give another result than loading, sorting and evaluating (a rule form that needs the
// whole log, events out of time order, a file whose events must be withdrawn, input errors), the
// logs end up loaded the usual way instead (read again, if events were dropped already), and the
// caller evaluates them: never a different answer.
#include <algorithm>
#include <atomic>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/app/log_checks.h"
#include "engine/app/session.h"
#include "engine/base/sort_indices.h"
#include "engine/base/text.h"
#include "engine/eval/evaluator.h"
#include "engine/log/merged_reader.h"

namespace pactum::app {

namespace {

// Evaluated events are dropped in batches: at least this many (or as many as are held, so
// that the copying of held events stays proportional to the events read). PACTUM_STREAM_BATCH
// (tests) sets it, down to 1: every timestamp group is then fed and dropped on its own.
uint32_t size_from_env(const char* name, uint32_t otherwise) {
  if (const char* env = std::getenv(name)) {
    long n = std::strtol(env, nullptr, 10);
    if (n >= 1 && n <= (1L << 24)) return static_cast<uint32_t>(n);
  }
  return otherwise;
}
uint32_t batch_size() { return size_from_env("PACTUM_STREAM_BATCH", 16384); }

// The rules see the events a few thousand at a time, as they come, not only when a batch is
// dropped: the events left to evaluate once the log ends are then few. (They were a whole batch,
// some 50,000 at 10^6 events, evaluated on one core while the other had nothing left to parse:
// 20 ms.) PACTUM_STREAM_FEED (tests) sets it, down to 1.
uint32_t feed_size() { return size_from_env("PACTUM_STREAM_FEED", 4096); }

// Feeds the pass whole timestamp groups as they complete and drops what it no longer holds.
class Streamer {
 public:
  Streamer(log::EventLog& log, eval::EvaluationPass& pass, std::optional<Instant> as_of)
      : log_(log), pass_(pass), as_of_(as_of), batch_(batch_size()), feed_every_(feed_size()) {}

  // After each event the builder adds (when no event of its file waits for its time).
  void on_event() {
    if (stopped_) return;
    if (log_.withdrawals) {  // events it may have seen are gone
      stop(Session::Streamed::Withdrawn);
      return;
    }
    if (!check_order()) return;
    uint32_t n = log_.count();
    if (!started_ && !start()) return;
    // Up to the last group: events at the latest time may still follow. (Its start is kept by
    // check_order: searching back for it at every event was quadratic in a group of equal times.)
    uint32_t cut = std::max(last_group_, fed_);
    if (n - fed_ >= feed_every_ && cut > fed_) feed_to(cut);  // (feed_size)
    if (n - compacted_ < std::max<size_t>(batch_, held_.size())) return;
    if (cut == compacted_) return;
    if (cut > fed_) feed_to(cut);
    pass_.advance_to(log_.event(n - 1).at);
    held_.clear();
    pass_.held(held_);
    sort_unique_indices(held_, sort_scratch_);
    log_.compact(cut, held_);
    compacted_ = cut;
    peak_held_ = std::max(peak_held_, held_.size());
    // The texts of dropped events (their ids above all) are forgotten when the symbols have
    // doubled since the last time: memory follows what is stored, not the log.
    if (log_.symbols.live() >= std::max<size_t>(2 * live_symbols_, 4 * size_t{batch_})) {
      log_.forget_symbols(pinned_);
      live_symbols_ = log_.symbols.live();
    }
  }

  size_t peak_held() const { return peak_held_; }
  bool stopped() const { return stopped_; }
  // Asked by the thread that reads a pipe (LoadOptions::streaming).
  bool streaming() const { return active_.load(std::memory_order_relaxed); }

  // After the last log: the rest of the events, then the rules settle.
  Session::Streamed finish(eval::Outcome& outcome) {
    if (log_.stream_broken || log_.withdrawals) return Session::Streamed::Withdrawn;
    if (!stopped_) check_order();
    if (stopped_) return why_;
    uint32_t n = log_.count();
    if (n == 0) return Session::Streamed::NoEvents;
    if (!started_ && !start()) return why_;  // (a log that never allowed streaming: held to its end)
    pass_.feed(fed_, n);
    outcome = pass_.finish(n, log_.event(n - 1).at);
    return Session::Streamed::Done;
  }

 private:
  void feed_to(uint32_t cut) {
    pass_.feed(fed_, cut);
    fed_ = cut;
  }

  // The events not yet checked are each no earlier than the one before.
  bool check_order() {
    for (uint32_t n = log_.count(); checked_ < n; ++checked_) {
      Instant at = log_.event(checked_).at;
      if (checked_ > 0 && at < previous_) {
        const log::Event& e = log_.event(checked_);
        where_ = {e.file, e.line};
        return stop(Session::Streamed::OutOfOrder);
      }
      if (checked_ == 0 || at != previous_) last_group_ = checked_;
      previous_ = at;
    }
    return true;
  }

  bool start() {
    started_ = true;
    if (!pass_.begin(log_.event(0).at, as_of_) || !pass_.streams()) return stop(Session::Streamed::RulesNeedTheLog);
    pinned_ = static_cast<log::Symbol>(log_.symbols.size());  // the rules' names among them
    active_ = true;
    live_symbols_ = log_.symbols.live();
    return true;
  }

  bool stop(Session::Streamed why) {
    stopped_ = true;
    active_ = false;
    why_ = why;
    return false;
  }

public:
  std::pair<uint32_t, uint32_t> where_{0, 0};  // file, line of the first event out of order

 private:
  log::EventLog& log_;
  eval::EvaluationPass& pass_;
  std::optional<Instant> as_of_;
  uint32_t batch_;
  uint32_t feed_every_;
  bool started_ = false, stopped_ = false;
  Session::Streamed why_ = Session::Streamed::Done;
  uint32_t fed_ = 0, checked_ = 0;
  uint32_t compacted_ = 0;  // the events before it were dropped, except those held
  uint32_t last_group_ = 0;  // the first of the checked events at the latest time
  Instant previous_{};
  std::vector<uint32_t> held_, sort_scratch_;
  size_t peak_held_ = 0;
  std::atomic<bool> active_{false};  // started, not stopped
  log::Symbol pinned_ = 0;
  size_t live_symbols_ = 0;
};

// Several regular files, each in time order as a rule: read at once and merged on the fly
// (engine/log/merged_reader.h), their events fed to `streamer` in time order. Anything but a
// clean merge leaves the result that makes the caller read the logs again the usual way.
Session::Streamed read_merged_logs(Session& s, const std::vector<std::string>& paths, const log::LoadOptions& options,
                                   ProgressLine* progress, Streamer& streamer, eval::Outcome& outcome, bool& load_ok) {
  log::MergeHooks hooks;
  hooks.on_event = [&] { streamer.on_event(); };
  hooks.keep_going = [&] { return !streamer.stopped(); };
  if (progress) {
    uint64_t total = 0;
    for (const auto& path : paths) total += log_bytes(path);
    progress->begin(total);
    hooks.progress = [&](const std::vector<uint64_t>& bytes, size_t events) {
      uint64_t sum = 0;
      for (uint64_t b : bytes) sum += b;
      progress->update(sum, events);
    };
  }
  uint32_t first_file = static_cast<uint32_t>(s.sources.size());
  std::vector<Diagnostics> diags;
  log::MergeResult merged = log::read_merged(paths, s.sources, s.log, diags, options, hooks);
  if (progress) progress->end();
  switch (merged) {
    case log::MergeResult::Done: break;
    case log::MergeResult::Stopped: return streamer.finish(outcome);  // why it stopped
    case log::MergeResult::InputErrors: return Session::Streamed::InputErrors;
    case log::MergeResult::Withdrawn: return Session::Streamed::Withdrawn;
    case log::MergeResult::DuplicateIds: return Session::Streamed::RepeatedIds;
  }
  if (s.sources.size() != first_file + paths.size()) return Session::Streamed::InputErrors;  // (never: one file each)
  // The loader's warnings, log after log: as reading them one after the other gives them.
  for (const auto& d : diags)
    for (const auto& item : d.items()) s.errors.add(item);
  std::vector<uint32_t> files;
  for (uint32_t i = 0; i < paths.size(); ++i) files.push_back(first_file + i);
  warn_repeated_logs(paths, files, s.warnings);
  load_ok = true;
  return streamer.finish(outcome);
}

}  // namespace

Session::StreamOutcome Session::stream_check(const std::vector<std::string>& paths, log::Backend backend,
                                             ProgressLine* progress, std::optional<Instant> as_of) {
  size_t sources_before = sources.size();
  auto errors_before = errors.mark();
  auto warnings_before = warnings.mark();

  eval::EvalOptions eval_options;
  eval_options.as_of = as_of;
  eval_options.slice = slice;
  eval_options.threads = log_threads;
  // The window limit: reported from here only when the check streamed (the loaded path reports
  // it otherwise).
  Diagnostics limit_errors;
  eval_options.errors = &limit_errors;
  log.intern_names(true);  // the rules are built before the events that name their types
  StreamOutcome how;
  // Several regular files are merged in time order as they are read; others (standard input, a
  // pipe) are read one after the other, which streams only while their events stay in order.
  bool merged = log::can_merge(paths);
  // The rules' input warnings come after the warnings about names, as on the loaded path (the
  // order among warnings at one place is the order they were given).
  Diagnostics rule_warnings;
  std::vector<log::LoadOptions::PipedLog> piped;  // logs from standard input or a pipe: read once
  {
    eval::EvaluationPass pass(*agreement, log, eval_options, rule_warnings);
    Streamer streamer(log, pass, as_of);
    log::LoadOptions options = log_options(*this, backend);
    options.on_event = [&] { streamer.on_event(); };
    options.piped = &piped;
    options.streaming = [&] { return streamer.streaming(); };
    if (merged) {
      how.result = read_merged_logs(*this, paths, options, progress, streamer, outcome, how.load_ok);
    } else {
      how.load_ok = read_logs(paths, options, progress);
      how.result = streamer.finish(outcome);
    }
    how.peak_held = streamer.peak_held();
    if (how.result == Streamed::OutOfOrder && streamer.where_.first < sources.size())
      how.where = fmt::format("{}:{}", shown_path(sources.name(streamer.where_.first)), streamer.where_.second);
  }
  how.dropped = log.compactions() > 0;
  log.intern_names(false);
  if (how.result == Streamed::Done && errors.has_errors()) how.result = Streamed::InputErrors;
  if (how.result == Streamed::Done) {
    auto warned = warn_about_names();
    for (const auto& d : rule_warnings.items()) warnings.add(d);
    for (const auto& d : limit_errors.items()) errors.add(d);
    after_evaluation(as_of, warned);
    return how;
  }
  outcome = eval::Outcome{};
  // A log from a pipe whose text was not all kept: the loaded path refuses it (too large).
  bool overflow = std::any_of(piped.begin(), piped.end(), [](const auto& p) { return !p.complete; });
  // Input errors end the check with the errors and the loading warnings, whatever was dropped;
  // and with nothing dropped the log is loaded as the loaded path would have loaded it (only
  // not sorted yet): no need to read it again.
  if (!merged && !overflow && (how.result == Streamed::InputErrors || !how.dropped)) {
    how.loaded = true;
    log.sort_by_time();
    return how;
  }
  // Back to before the call, and the logs read again the loaded way: regular files from their
  // names, standard input and pipes from the text kept of them.
  std::vector<std::pair<std::string, std::optional<std::string>>> replay;
  for (const auto& p : piped) {
    std::optional<std::string> text;
    if (p.complete) text = sources.contents(p.file).value_or(std::string());
    replay.emplace_back(sources.name(p.file), std::move(text));
  }
  sources.truncate(sources_before);
  errors.rewind(errors_before);
  warnings.rewind(warnings_before);
  log = log::EventLog{};
  log::LoadOptions options = log_options(*this, backend);
  options.replay = &replay;
  how.load_ok = read_logs(paths, options, progress);
  log.sort_by_time();
  how.loaded = true;
  return how;
}

}  // namespace pactum::app
