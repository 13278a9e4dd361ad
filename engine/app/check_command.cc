// `pactum check` and `pactum lint`.
#include <cstdlib>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include <sys/resource.h>

#include "engine/app/commands.h"
#include "engine/app/output_file.h"
#include "engine/app/session.h"
#include "engine/app/slice_check.h"
#include "engine/base/text.h"
#include "engine/report/due_soon.h"

namespace pactum::app {

const std::vector<std::string>& fail_level_names() {
  static const std::vector<std::string> names = {"never", "critical", "major", "minor", "error", "warning"};
  return names;
}

std::optional<ExtraOutput> parse_extra_output(const std::string& value) {
  size_t eq = value.find('=');
  if (eq == std::string::npos || eq + 1 == value.size()) return std::nullopt;
  auto format = report::parse_format(value.substr(0, eq));
  if (!format) return std::nullopt;
  return ExtraOutput{*format, value.substr(eq + 1)};
}

std::optional<FailLevel> parse_fail_level(const std::string& text) {
  const auto& names = fail_level_names();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<FailLevel>(i);
  if (text == "none") return FailLevel::Never;
  return std::nullopt;
}

namespace {

// For `PACTUM_STREAM=trace`: the CPU time of this thread so far (reading the events, evaluating
// them), which the benchmark of issue 17 compares with the parser threads' (Linux only).
std::string main_thread_time() {
#ifdef RUSAGE_THREAD
  struct rusage usage {};
  if (getrusage(RUSAGE_THREAD, &usage) == 0)
    return fmt::format(", this thread {:.2f} s CPU",
                       static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
#endif
  return "";
}

// PACTUM_STREAM=off (tests, and a way out should streaming ever misbehave): always the loaded
// path. PACTUM_STREAM=trace: a line on standard error says which path the check took (tests).
std::string_view stream_setting() {
  const char* env = std::getenv("PACTUM_STREAM");
  return env ? std::string_view(env) : std::string_view();
}
bool streaming_allowed() { return stream_setting() != "off"; }

const char* streamed_name(Session::Streamed how) {
  switch (how) {
    case Session::Streamed::Done: return "streamed";
    case Session::Streamed::RulesNeedTheLog: return "loaded: a rule needs the whole log";
    case Session::Streamed::OutOfOrder: return "loaded: events out of time order";
    case Session::Streamed::Withdrawn: return "loaded: events were withdrawn";
    case Session::Streamed::NoEvents: return "loaded: no events";
    case Session::Streamed::InputErrors: return "loaded: input errors";
    case Session::Streamed::RepeatedIds: return "loaded: an event id repeats across the merged logs";
  }
  return "";
}

bool fails(FailLevel level, const eval::Outcome* outcome, const std::vector<Diagnostic>& lint) {
  if (level == FailLevel::Never) return false;
  for (const auto& l : lint)
    if (l.level == DiagLevel::Error || level == FailLevel::Warning) return true;
  if (!outcome) return false;
  for (const auto& f : outcome->findings) {
    switch (level) {
      case FailLevel::Critical:
        if (f.block->severity == model::Severity::Critical) return true;
        break;
      case FailLevel::Major:
        if (f.block->severity != model::Severity::Minor) return true;
        break;
      default: return true;
    }
  }
  return false;
}

// The reports of one run: the `--format` one (to `-o FILE`, else standard output; with --quiet a
// text report is not printed) and each `--output FORMAT=FILE`.
struct PlannedReport {
  report::Format format;
  std::optional<std::string> path;
  std::string option = "-o";  // how the command line named it, for messages
};

std::vector<PlannedReport> planned_reports(report::Format format, const std::optional<std::string>& output,
                                           const std::vector<ExtraOutput>& extra, Streams io) {
  std::vector<PlannedReport> out;
  if (output || !io.quiet || format != report::Format::Text) out.push_back({format, output});
  for (const auto& e : extra)
    out.push_back({e.format, e.path, fmt::format("--output {}=", report::format_names()[static_cast<size_t>(e.format)])});
  return out;
}

// The same place, whether the file exists yet or not: `out.json` and `./out.json`.
bool same_path(const std::string& a, const std::string& b) {
  std::error_code ec;
  auto normal = [&](const std::string& p) { return std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec); };
  return a == b || normal(a) == normal(b);
}

// Two reports into one file would leave only the last: refused before anything is read.
bool outputs_collide(const std::vector<PlannedReport>& reports, Streams io) {
  for (size_t i = 0; i < reports.size(); ++i)
    for (size_t j = i + 1; j < reports.size(); ++j) {
      if (!reports[i].path || !reports[j].path) continue;
      if (!same_path(*reports[i].path, *reports[j].path) && !same_file(*reports[i].path, *reports[j].path)) continue;
      io.err << fmt::format("pactum: two reports would be written to `{}`; nothing was written\n",
                            visible_text(*reports[j].path));
      return true;
    }
  return false;
}

int cannot_write(const std::string& path, const std::string& error, Streams io) {
  io.err << fmt::format("pactum: cannot write `{}`: {}\n", visible_text(path), error);
  return kInputError;
}

// Every output file is opened first (a file that cannot be opened stops the run with exit 2 before
// anything is written), then each report is written piece by piece as it is rendered
// (report::write_report: a report is never held whole in memory) into its temporary file
// (OutputFile); the report for standard output comes after every file is complete, and the files
// replace their targets (each atomically) only after that. So a file that cannot be written stops
// the run with exit 2 with nothing on standard output and no file replaced (spec 8: exit 2 writes
// nothing to standard output; nothing is written to -o unless the run completes), and so does a
// standard output that cannot be written (a device or FIFO named by -o is written directly, and
// what reached it stays).
int emit_reports(const std::vector<PlannedReport>& reports, report::ReportData data, Streams io) {
  std::vector<std::unique_ptr<OutputFile>> files(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    if (!reports[i].path) continue;
    files[i] = std::make_unique<OutputFile>();
    std::string error;
    if (!files[i]->open(*reports[i].path, error)) return cannot_write(*reports[i].path, error, io);
  }
  auto write = [&](size_t i, std::ostream& out) {
    const auto& r = reports[i];
    data.color = io.color && !r.path && r.format == report::Format::Text;
    report::write_report(r.format, data, out);
    out.flush();
  };
  for (size_t i = 0; i < reports.size(); ++i) {
    if (!files[i]) continue;
    write(i, files[i]->stream());
    std::string error;
    if (!files[i]->complete(error)) return cannot_write(*reports[i].path, error, io);
  }
  for (size_t i = 0; i < reports.size(); ++i) {
    if (files[i]) continue;
    write(i, io.out);
    if (!io.out) {
      io.err << "pactum: cannot write to standard output\n";
      return kInputError;
    }
  }
  for (size_t i = 0; i < reports.size(); ++i) {
    std::string error;
    if (files[i] && !files[i]->commit(error)) return cannot_write(*reports[i].path, error, io);
  }
  return kOk;
}

int emit(const std::string& text, const std::optional<std::string>& output, Streams io) {
  if (!output) {
    io.out << text;
    io.out.flush();
    return kOk;
  }
  std::string error;
  if (!write_output(*output, text, error)) return cannot_write(*output, error, io);
  return kOk;
}

// When waivers expire: --today (for reproducible runs), else the wall clock.
std::optional<Instant> today(const CheckOptions& options, const Session& s, Streams io) {
  if (!options.today) return date::floor<Millis>(std::chrono::system_clock::now());
  auto day = parse_date(*options.today);
  if (!day) {
    io.err << fmt::format("pactum: --today `{}` is not a date (YYYY-MM-DD)\n", *options.today);
    return std::nullopt;
  }
  // The start of that day in the agreement's zone: a waiver `until` that day is still in force.
  return start_of_local_day(date::local_days{*day}, s.agreement ? s.agreement->zone : find_zone("UTC"));
}

// `-o` naming an input (the agreement, a log; through a link or a hard link too) would destroy it:
// refused before anything is read.
bool output_is_an_input(const std::optional<std::string>& output, const std::vector<std::string>& inputs, Streams io,
                        const std::string& option = "-o") {
  if (!output) return false;
  for (const auto& input : inputs) {
    if (input == "-" || !same_file(*output, input)) continue;
    io.err << fmt::format("pactum: {}{}`{}` is an input of this run (`{}`); nothing was written\n", option,
                          option == "-o" ? " " : "", visible_text(*output), visible_text(input));
    return true;
  }
  return false;
}

bool any_output_is_an_input(const std::vector<PlannedReport>& reports, const std::vector<std::string>& inputs,
                            Streams io) {
  for (const auto& r : reports)
    if (output_is_an_input(r.path, inputs, io, r.option)) return true;
  return false;
}

// --write-baseline naming the file of a report: one of the two would be lost.
bool baseline_collides(const std::optional<std::string>& baseline, const std::vector<PlannedReport>& reports,
                       Streams io) {
  if (!baseline) return false;
  for (const auto& r : reports) {
    if (!r.path || (!same_path(*r.path, *baseline) && !same_file(*r.path, *baseline))) continue;
    io.err << fmt::format("pactum: --write-baseline and a report would both be written to `{}`; nothing was written\n",
                          visible_text(*baseline));
    return true;
  }
  return false;
}

// Where CI paths are relative to: --root DIR, else the current directory (absolute, so that
// report::repo_path can compare).
std::optional<std::string> ci_root(const std::optional<std::string>& root, Streams io) {
  std::error_code ec;
  if (!root) {
    auto cwd = std::filesystem::current_path(ec);
    return ec ? std::string() : cwd.string();  // no current directory: names as given
  }
  if (!std::filesystem::is_directory(*root, ec)) {
    io.err << fmt::format("pactum: --root `{}` is not a folder\n", visible_text(*root));
    return std::nullopt;
  }
  return std::filesystem::absolute(*root, ec).lexically_normal().string();
}

// Exit 2. Errors always go to standard error; every report in a CI format (the --format one and
// each --output FORMAT=FILE) also carries them, so that a pipeline shows them where it shows
// findings (docs/ci.md).
int input_errors(const Session& s, Streams io, const std::vector<PlannedReport>& reports = {},
                 const std::string& root = "") {
  if (!io.quiet) io.err << s.render_warnings(io.color);
  io.err << s.render_errors(io.color);
  for (const auto& r : reports) {
    if (!report::carries_input_errors(r.format)) continue;
    std::string name = s.ast.header && s.ast.header->name && !s.ast.header->name->empty() ? *s.ast.header->name
                       : s.ast.file < s.sources.size()             ? s.sources.name(s.ast.file)
                                                                   : "";
    report::InputErrors data{s.sources, s.error_list(), s.errors.dropped(), name, root};
    emit(report::render_input_errors(r.format, data), r.path, io);
  }
  return kInputError;
}

}  // namespace

// `-` twice: standard input is read once, so the second would silently be an empty log.
bool stdin_given_twice(const std::vector<std::string>& logs, Streams io) {
  if (std::count(logs.begin(), logs.end(), "-") < 2) return false;
  io.err << "pactum: `-` (standard input) is given more than once; it can be read once: give it once\n";
  return true;
}

int run_check(const CheckOptions& options, Streams io) {
  if (stdin_given_twice(options.logs, io)) return kInputError;
  std::vector<std::string> inputs = options.logs;
  inputs.push_back(options.agreement);
  if (options.waivers) inputs.push_back(*options.waivers);
  auto reports = planned_reports(options.format, options.output, options.outputs, io);
  // A report over the baseline it read would lose it too; --write-baseline over it is how a
  // baseline is brought up to date, so only the reports are held to it.
  std::vector<std::string> report_inputs = inputs;
  if (options.baseline) report_inputs.push_back(*options.baseline);
  if (any_output_is_an_input(reports, report_inputs, io) || outputs_collide(reports, io)) return kInputError;
  if (output_is_an_input(options.write_baseline, inputs, io, "--write-baseline ") ||
      baseline_collides(options.write_baseline, reports, io))
    return kInputError;
  std::optional<eval::Slice> slice;  // --slice K/N: a part for `pactum merge`
  if (options.slice && !(slice = slice_of(options, io))) return kInputError;
  std::optional<Millis> due_within;
  if (options.due_within) {
    std::string why;
    due_within = report::parse_span(*options.due_within, &why);
    if (!due_within) {
      io.err << fmt::format("pactum: --due-within `{}` is not a span ({}); write a number and a unit, e.g. 5d, 36h, "
                            "2w or 90min (units: w, d, h, min)\n",
                            visible_text(*options.due_within), why);
      return kInputError;
    }
  }
  auto root = ci_root(options.root, io);
  if (!root) return kInputError;
  Session s;
  bool ok = s.load_agreement(options.agreement);
  // A filter naming what the agreement does not have is a mistake: said before the logs are read.
  if (ok && s.agreement && options.filter.active()) {
    auto wrong = filter_errors(options.filter, *s.agreement);
    for (const auto& message : wrong) io.err << "pactum: " << message << "\n";
    if (!wrong.empty()) return kInputError;
  }
  std::optional<Instant> as_of;
  if (options.as_of) {
    std::string why;
    auto parsed = parse_timestamp(*options.as_of, &why);
    if (!parsed) {
      io.err << fmt::format("pactum: --as-of `{}` is not a date or date-time ({}); write e.g. 2026-03-31T17:00-04:00\n",
                            visible_text(*options.as_of), why);
      return kInputError;
    }
    auto r = resolve(*parsed, s.agreement ? s.agreement->zone : find_zone("UTC"));
    // A bare date is its day's first instant, also where a daylight-saving change skips
    // midnight (as in a log's `at`); a date-time in a gap names no instant.
    if (r.status == LocalResolution::Nonexistent && !parsed->date_only) {
      io.err << fmt::format("pactum: --as-of `{}` does not exist in the agreement timezone (a daylight-saving gap)\n",
                            visible_text(*options.as_of));
      return kInputError;
    }
    as_of = r.instant;
  }
  // Logs are read even when the agreement has errors, so that all mistakes surface in one run
  // (without checking `by` against a party list that did not parse).
  ProgressLine progress(io.err, progress_allowed(io.quiet));
  s.log_threads = options.threads;
  s.log_chunk_bytes = options.chunk_bytes;
  s.slice = slice.value_or(eval::Slice{});
  // On a time-ordered log the events are evaluated as they are read and dropped (less memory);
  // the loaded path below gives the same result whenever that is not possible.
  bool streamed = false, loaded = false;
  if (ok && s.resolved && !s.errors.has_errors() && streaming_allowed()) {
    auto how = s.stream_check(options.logs, options.backend, &progress, as_of);
    streamed = how.result == Session::Streamed::Done;
    if (stream_setting() == "trace")
      io.err << "pactum: trace: " << streamed_name(how.result)
             << (streamed ? fmt::format(" ({} events, at most {} held, {} symbols{})", s.log.count(), how.peak_held,
                                        s.log.symbols.size(), main_thread_time())
                          : "")
             << "\n";
    if (how.result == Session::Streamed::OutOfOrder && how.dropped && !io.quiet)
      io.err << fmt::format("pactum: note: the events are not in time order (at {}); reading the logs again to sort "
                            "them in memory (a log in time order is checked in less memory)\n", how.where);
    if (how.loaded) ok = how.load_ok && ok;  // read the loaded way (sorted, not evaluated)
    loaded = how.loaded;
  }
  if (!streamed && !loaded) ok = s.load_logs(options.logs, options.backend, &progress) && ok;
  if (options.waivers) ok = s.load_waivers(*options.waivers) && ok;
  if (options.baseline) ok = s.load_baseline(*options.baseline) && ok;
  std::optional<Instant> now = today(options, s, io);
  if (!now) return kInputError;
  if (!ok || s.errors.has_errors()) return input_errors(s, io, reports, *root);

  if (!streamed) s.evaluate(as_of);
  if (s.errors.has_errors()) return input_errors(s, io, reports, *root);  // a limit (docs/security.md)
  s.apply_triage(*now);
  if (!io.quiet) io.err << s.render_warnings(io.color);
  // Today's findings for --write-baseline, whether the old baseline accepted them or not (waived
  // ones stay waived), taken before any filter: a filter changes what is shown, not what is known.
  std::vector<eval::Finding> known;
  if (options.write_baseline) {
    known = s.outcome.findings;
    known.insert(known.end(), s.triaged.baselined.begin(), s.triaged.baselined.end());
  }
  std::optional<report::FilterInfo> filtered;
  if (options.filter.active()) filtered = apply_filter(options.filter, s.outcome, s.credits, s.triaged);
  report::ReportData data{s.sources, *s.agreement, &s.log, &s.outcome, s.lint,
                          lint::obligation_balance(*s.agreement), false, &s.credits};
  data.triage = (s.waivers || s.baseline) ? &s.triaged : nullptr;
  data.filter = filtered ? &*filtered : nullptr;
  data.root = *root;
  data.due_within = due_within;
  data.due_within_text = options.due_within.value_or("");
  data.threads = options.threads;
  report::SlicePart part;
  if (slice) {
    part = report::SlicePart{slice->k, slice->n, run_fingerprint(options, s)};
    data.slice = &part;
  }
  int written = emit_reports(reports, data, io);
  if (written != kOk) return written;
  if (options.write_baseline) {
    written = emit(triage::write_baseline(s.agreement->name, known, s.log, s.agreement->zone), options.write_baseline, io);
    if (written != kOk) return written;
  }
  bool strict_fail = options.strict_baseline && !s.triaged.fixed.empty();
  return fails(options.fail_on, &s.outcome, s.lint) || strict_fail ? kFindings : kOk;
}

int run_lint(const LintOptions& options, Streams io) {
  auto reports = planned_reports(options.format, options.output, options.outputs, io);
  if (any_output_is_an_input(reports, {options.agreement}, io) || outputs_collide(reports, io)) return kInputError;
  auto root = ci_root(options.root, io);
  if (!root) return kInputError;
  Session s;
  s.load_agreement(options.agreement);
  // Agreement errors (with codes) are lint entries; syntax errors or an unreadable file are not.
  bool other_errors = std::any_of(s.errors.items().begin(), s.errors.items().end(),
                                  [](const Diagnostic& d) { return d.level == DiagLevel::Error && d.code.empty(); });
  if (!s.parsed || other_errors) return input_errors(s, io, reports, *root);
  s.run_lint();
  if (!io.quiet) io.err << s.render_warnings(io.color);
  report::ReportData data{s.sources, *s.agreement, nullptr, nullptr, s.lint, lint::obligation_balance(*s.agreement),
                          false, nullptr};
  data.root = *root;
  int written = emit_reports(reports, data, io);
  if (written != kOk) return written;
  return fails(options.fail_on, nullptr, s.lint) ? kFindings : kOk;
}

}  // namespace pactum::app
