#include "engine/app/session.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "engine/app/log_checks.h"
#include "engine/base/text.h"
#include "engine/eval/evaluator.h"
#include "engine/syntax/parser.h"

namespace pactum::app {

int current_year() {
  auto today = date::floor<date::days>(std::chrono::system_clock::now());
  return int(date::year_month_day{today}.year());
}

bool Session::load_agreement(const std::string& path) {
  std::string text, why;
  if (!read_file(path, text, kMaxAgreementBytes, why)) {
    uint32_t file = sources.add_path(path);
    errors.error(SourceLoc{file, 0, 0}, fmt::format("cannot read agreement file `{}`: {}", path, why));
    return false;
  }
  text = with_line_feeds(std::move(text));
  uint32_t file = sources.add_text(path, text);
  return finish_agreement(file, text);
}

bool Session::load_agreement_text(const std::string& name, std::string text) {
  text = with_line_feeds(std::move(text));
  uint32_t file = sources.add_text(name, text);
  return finish_agreement(file, text);
}

bool Session::finish_agreement(uint32_t file, const std::string& text) {
  ast = model::Agreement{};
  ast.file = file;
  parsed = syntax::parse_agreement(text, file, ast, errors, disclosure);
  if (!parsed) return false;
  size_t before = errors.error_count();
  agreement.emplace(semantic::resolve_best_effort(ast, errors));
  resolved = errors.error_count() == before && !errors.full();
  return resolved;
}

log::LoadOptions log_options(const Session& s, log::Backend backend) {
  log::LoadOptions options;
  options.backend = backend;
  options.threads = s.log_threads;
  options.chunk_bytes = s.log_chunk_bytes;
  options.default_zone = s.agreement ? s.agreement->zone : find_zone("UTC");
  for (const auto& p : s.ast.parties) options.parties.push_back(p.id.text);
  for (const auto& c : s.ast.calendars) options.calendars.push_back(c.id.text);
  options.check_parties = s.parsed;
  if (s.ast.header && s.ast.header->name) options.agreement_name = *s.ast.header->name;
  return options;
}

// Side files (waivers, baselines) are small: read whole, kept for their diagnostics' source lines.
static std::optional<uint32_t> read_side_file(SourceManager& sources, Diagnostics& errors, const std::string& path,
                                              const char* what, std::string& text) {
  std::string why;
  if (!read_file(path, text, 16u << 20, why)) {  // 16 MiB: far above any waiver file or baseline
    errors.error(SourceLoc{sources.add_path(path), 0, 0}, fmt::format("cannot read {} `{}`: {}", what, path, why));
    return std::nullopt;
  }
  return sources.add_text(path, text);
}

bool Session::load_waivers(const std::string& path) {
  std::string text;
  auto file = read_side_file(sources, errors, path, "waiver file", text);
  if (!file) return false;
  if (!parsed) return false;  // the agreement's errors are reported already
  waivers = triage::read_waivers(*file, text, ast, agreement ? agreement->zone : find_zone("UTC"), errors);
  return waivers.has_value();
}

bool Session::load_baseline(const std::string& path) {
  std::string text;
  auto file = read_side_file(sources, errors, path, "baseline", text);
  if (!file) return false;
  baseline = triage::read_baseline(*file, text, errors);
  return baseline.has_value();
}

// Triage keeps the findings it does not set apart in order; the credit of each (credits.charges,
// parallel to outcome.findings) must stay beside it, not slide onto the next finding.
static bool same_finding(const eval::Finding& a, const eval::Finding& b) {
  return a.rule == b.rule && a.reason == b.reason && a.at == b.at && a.events == b.events &&
         a.window.has_value() == b.window.has_value() &&
         (!a.window || (a.window->start == b.window->start && a.window->end == b.window->end));
}

void Session::apply_triage(Instant now) {
  if (!waivers && !baseline) return;
  std::vector<eval::Finding> before;
  if (credits.charges.size() == outcome.findings.size()) before = outcome.findings;
  triaged = triage::apply(outcome, log, waivers ? &*waivers : nullptr, baseline ? &*baseline : nullptr, now, warnings);
  if (before.empty()) return;
  // The kept and the baselined findings are each in the findings' order: each list takes its
  // charges from `before` in turn. The waived ones are not priced (V2.8).
  auto charges_of = [&](const std::vector<eval::Finding>& findings) {
    std::vector<std::optional<credits::Charge>> out;
    size_t j = 0;
    for (const eval::Finding& f : findings) {
      while (j < before.size() && !same_finding(before[j], f)) ++j;
      out.push_back(j < before.size() ? credits.charges[j++] : std::nullopt);
    }
    return out;
  };
  credits.baselined = charges_of(triaged.baselined);
  credits.charges = charges_of(outcome.findings);
  // A waived finding's credit is not owed (V2.8); a baselined one's still is.
  std::vector<const credits::Charge*> owed;
  for (const auto* list : {&credits.charges, &credits.baselined})
    for (const auto& c : *list)
      if (c) owed.push_back(&*c);
  credits::tally(*agreement, owed, credits);
}

bool Session::load_log_text(const std::string& name, const std::string& text, log::Backend backend) {
  bool ok = log::load_log_text(name, text, sources, log, errors, log_options(*this, backend));
  log.sort_by_time();
  return ok && !errors.has_errors();
}

bool Session::load_logs(const std::vector<std::string>& paths, log::Backend backend, ProgressLine* progress) {
  bool ok = read_logs(paths, log_options(*this, backend), progress);
  log.sort_by_time();
  return ok;
}

bool Session::read_logs(const std::vector<std::string>& paths, log::LoadOptions options, ProgressLine* progress) {
  // The progress line counts the bytes of all logs: those before the one being read, plus how
  // far into it reading has got.
  std::vector<uint64_t> sizes;
  uint64_t total = 0, before = 0;
  if (progress) {
    for (const auto& path : paths) {
      sizes.push_back(log_bytes(path));
      total += sizes.back();
    }
    progress->begin(total);
    options.progress = [&](uint64_t bytes, size_t events) { progress->update(before + bytes, events); };
  }
  bool ok = true;
  std::vector<uint32_t> files;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (errors.full()) break;
    files.push_back(static_cast<uint32_t>(sources.size()));
    ok = log::load_log(paths[i], sources, log, errors, options) && ok;
    if (progress) before += sizes[i];
  }
  if (progress) progress->end();
  warn_repeated_logs(paths, files, warnings);
  return ok && !errors.has_errors();
}

void Session::evaluate(std::optional<Instant> as_of) {
  auto warned = warn_about_names();
  eval::EvalOptions options;
  options.as_of = as_of;
  options.slice = slice;
  options.errors = &errors;  // the window limit (an input error: the caller sees errors)
  options.threads = log_threads;
  outcome = eval::evaluate(*agreement, log, options, warnings);
  after_evaluation(as_of, warned);
}

std::set<const model::Rule*> Session::warn_about_names() {
  auto warned = warn_misspelt_names(ast, log, warnings);
  warn_duplicate_ids(log, sources, warnings);
  return warned;
}

void Session::after_evaluation(std::optional<Instant> as_of, const std::set<const model::Rule*>& warned) {
  note_unmatched_rules(outcome, log, warned, warnings);
  warn_empty_judged_interval(outcome, ast, agreement->zone, as_of.has_value(), warnings);
  credits = credits::price(*agreement, outcome, warnings);
  run_lint();
  auto never = lint::never_met(outcome.periodic);
  lint.insert(lint.end(), never.begin(), never.end());
  lint::sort_entries(lint);
}

void Session::run_lint() {
  lint = agreement_error_entries();
  if (agreement) {
    auto entries = lint::lint_agreement(*agreement, current_year());
    lint.insert(lint.end(), entries.begin(), entries.end());
    for (auto& note : lint::lint_notes(*agreement)) warnings.add(std::move(note));
  }
  lint::sort_entries(lint);
}

std::vector<Diagnostic> Session::agreement_error_entries() const {
  std::vector<Diagnostic> out;
  for (const auto& d : errors.items())
    if (!d.code.empty()) out.push_back(d);
  return out;
}

static std::vector<Diagnostic> sorted(const Diagnostics& diags, DiagLevel level) {
  std::vector<Diagnostic> items;
  for (const auto& d : diags.items())
    if (d.level == level) items.push_back(d);
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.column < b.loc.column;
  });
  return items;
}

static std::string render_all(const Diagnostics& diags, const SourceManager& sources, bool color, DiagLevel level) {
  std::string out;
  for (const auto& d : sorted(diags, level)) out += render_diagnostic(d, sources, color);
  return out;
}

std::vector<Diagnostic> Session::error_list() const { return sorted(errors, DiagLevel::Error); }

std::string Session::render_errors(bool color) const {
  std::string out = render_all(errors, sources, color, DiagLevel::Error);
  if (errors.dropped())
    out += fmt::format("pactum: {} more errors were not shown (limit {})\n", errors.dropped(), errors.error_count());
  else if (errors.full())
    // The loaders stop reading at the limit, so nothing was dropped, but there may be more: say
    // so rather than let the count read as the total (docs/security.md, limits).
    out += fmt::format("pactum: stopped reading after {} errors (the error limit); there may be more\n",
                       errors.error_count());
  size_t n = errors.error_count() + errors.dropped();
  out += fmt::format("pactum: {} error{}; nothing was evaluated\n", n, n == 1 ? "" : "s");
  return out;
}

std::string Session::render_warnings(bool color) const {
  return render_all(warnings, sources, color, DiagLevel::Warning) +
         render_all(errors, sources, color, DiagLevel::Warning) + render_all(warnings, sources, color, DiagLevel::Note);
}

}  // namespace pactum::app
