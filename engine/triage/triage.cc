#include "engine/triage/triage.h"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/report/finding_id.h"

namespace pactum::triage {

namespace {

std::string first_event_id(const log::EventLog& log, const eval::Finding& f) {
  if (f.events.empty()) return {};
  const log::Event& e = log.event(f.events.front());
  return e.id == log::kNoSymbol ? std::string() : std::string(log.symbols.text(e.id));
}

bool matches(const Waiver& w, const eval::Finding& f, const std::string& id, const std::string& event_id) {
  if (w.id && *w.id != id) return false;
  if (w.block && *w.block != f.block->name) return false;
  if (w.rule && *w.rule != f.rule->number) return false;
  if (w.event && *w.event != event_id) return false;
  if (w.window && (!f.window || f.window->start != *w.window)) return false;
  return true;
}

std::string waiver_words(const Waiver& w) {
  return fmt::format("owner {}, until {}: {}", w.owner, w.until_text, w.reason);
}

}  // namespace

Result apply(eval::Outcome& outcome, const log::EventLog& log, const WaiverFile* waivers, const Baseline* baseline,
             Instant now, Diagnostics& warnings) {
  Result r;
  r.waivers_used = waivers != nullptr;
  r.baseline_used = baseline != nullptr;
  std::vector<const Waiver*> in_force;
  if (waivers)
    for (const auto& w : waivers->waivers) {
      if (now >= w.until_end) {
        r.expired.push_back(&w);
        warnings.warning(w.loc, fmt::format("this waiver expired at the end of {} and no longer applies ({})",
                                            w.until_text, waiver_words(w)),
                         {"renew it with a new `until` if the exception still stands, or remove it"});
      } else {
        in_force.push_back(&w);
      }
    }
  std::unordered_map<std::string, size_t> baseline_hits;
  if (baseline)
    for (const auto& e : baseline->entries) baseline_hits.emplace(e.id, 0);

  std::unordered_set<const Waiver*> used;
  std::vector<eval::Finding> kept;
  for (auto& f : outcome.findings) {
    std::string id = report::finding_id(log, f);
    std::string event_id = first_event_id(log, f);
    const Waiver* by = nullptr;
    for (const Waiver* w : in_force)
      if (matches(*w, f, id, event_id)) {
        by = w;
        break;
      }
    if (by) {
      used.insert(by);
      if (auto hit = baseline_hits.find(id); hit != baseline_hits.end()) ++hit->second;  // still known, not fixed
      r.waived.push_back({std::move(f), by});
      continue;
    }
    if (auto hit = baseline_hits.find(id); hit != baseline_hits.end()) {
      ++hit->second;
      r.baselined.push_back(std::move(f));
      continue;
    }
    kept.push_back(std::move(f));
  }
  outcome.findings = std::move(kept);

  // One warning per unused waiver and per fixed baseline entry, up to kMaxTriageWarnings of each;
  // then one that counts the rest (a baseline of 10,000 stale entries printed 2.6 MB).
  constexpr size_t kMaxTriageWarnings = 100;
  for (const Waiver* w : in_force)
    if (!used.count(w)) {
      r.unused.push_back(w);
      if (r.unused.size() <= kMaxTriageWarnings)
        warnings.warning(w->loc, fmt::format("this waiver matches no finding ({})", waiver_words(*w)),
                         {"the exception is no longer needed: remove it"});
    }
  if (r.unused.size() > kMaxTriageWarnings)
    warnings.warning(r.unused[kMaxTriageWarnings]->loc,
                     fmt::format("{} more waivers match no finding (the first {} are shown)",
                                 r.unused.size() - kMaxTriageWarnings, kMaxTriageWarnings));
  if (baseline) {
    for (const auto& e : baseline->entries)
      if (baseline_hits[e.id] == 0) {
        r.fixed.push_back(e);
        if (r.fixed.size() <= kMaxTriageWarnings)
          warnings.warning(SourceLoc{baseline->file, e.line, 1},
                           fmt::format("fixed: {} no longer reports this finding (\"{}\", rule {}, {}); remove it from "
                                       "the baseline", e.id, e.block, e.rule, e.reason));
      }
    if (r.fixed.size() > kMaxTriageWarnings)
      warnings.warning(SourceLoc{baseline->file, r.fixed[kMaxTriageWarnings].line, 1},
                       fmt::format("{} more baseline entries are fixed (the first {} are shown); write the baseline "
                                   "again with --write-baseline",
                                   r.fixed.size() - kMaxTriageWarnings, kMaxTriageWarnings));
  }

  // summary.by_party counts the findings that are left.
  for (auto& [party, n] : outcome.by_party) n = 0;
  for (const auto& f : outcome.findings)
    for (const auto& party : f.responsible) ++outcome.by_party[party];
  if (auto u = outcome.by_party.find("unassigned"); u != outcome.by_party.end() && u->second == 0)
    outcome.by_party.erase(u);  // listed only when used (spec 8.1)
  return r;
}

}  // namespace pactum::triage
