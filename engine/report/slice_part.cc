// The `slice` member of a part of a sliced check (`pactum check --slice K/N`, docs/sliced-runs.md).
// A part is the slice's JSON report plus the keys `pactum merge` (engine/app/merge_command.cc)
// needs to rebuild the whole run's report byte for byte:
//   - per finding and pending item, the order key of spec 6 as evaluate() sorts by (time in
//     milliseconds, block index, rule number, the first cited event's place in the logs:
//     log::load_position) and the rule's ordinal in the agreement, which breaks ties between
//     rules as the whole run's insertion order does (engine/eval/evaluator.cc, order_findings);
//   - with --due-within, per item due soon, its deadline (milliseconds) and then its order key;
//   - per lint entry, its sort key (source index, line, column: lint::sort_entries), so that the
//     entries only one slice has (never-met, from its rules' windows) fall into place;
//   - with credits (V2.8), the cap and each party's accrued cents per window, from which merge
//     recomputes the cap's split and the totals (credits::price).
#include <cstdint>
#include <map>

#include "engine/report/due_soon.h"
#include "engine/report/json_report.h"

namespace pactum::report {

using nlohmann::ordered_json;

namespace {

int64_t millis(Instant t) { return t.time_since_epoch().count(); }

ordered_json order_key(const ReportData& d, const eval::Finding& f,
                       const std::map<const model::Rule*, size_t>& ordinal) {
  uint64_t first = f.events.empty() ? UINT64_MAX : log::load_position(d.log->event(f.events.front()));
  auto it = ordinal.find(f.rule);
  return ordered_json::array(
      {millis(f.at), f.block_index, f.rule ? f.rule->number : 0, first, it == ordinal.end() ? SIZE_MAX : it->second});
}

ordered_json order_keys(const ReportData& d, const std::vector<eval::Finding>& items,
                        const std::map<const model::Rule*, size_t>& ordinal) {
  ordered_json keys = ordered_json::array();
  for (const auto& f : items) keys.push_back(order_key(d, f, ordinal));
  return keys;
}

}  // namespace

ordered_json slice_json(const ReportData& d) {
  ordered_json j;
  j["k"] = d.slice->k;
  j["n"] = d.slice->n;
  j["run"] = d.slice->run;
  std::map<const model::Rule*, size_t> ordinal;
  for (const auto& block : d.agreement.ast->blocks)
    for (const auto& rule : block.rules) ordinal.emplace(&rule, ordinal.size());
  j["findings"] = order_keys(d, d.outcome->findings, ordinal);
  j["pending"] = order_keys(d, d.outcome->pending, ordinal);
  if (d.due_within && d.outcome->evaluated) {  // --due-within: by deadline, then as the pending items
    ordered_json due = ordered_json::array();
    for (const auto& item : due_soon(d)) {
      ordered_json key = order_key(d, *item.pending, ordinal);
      key.insert(key.begin(), millis(item.deadline));
      due.push_back(key);
    }
    j["due_soon"] = due;
  }
  ordered_json lint = ordered_json::array();
  for (const auto& l : d.lint) lint.push_back(ordered_json::array({l.loc.file, l.loc.line, l.loc.column}));
  j["lint"] = lint;
  if (const credits::Ledger* ledger = shown_credits(d)) {
    ordered_json parties = ordered_json::array();
    for (const auto& p : d.agreement.parties) parties.push_back(p.id);
    ordered_json periods = ordered_json::array();
    for (const auto& p : ledger->by_period)
      periods.push_back({{"party", p.party}, {"start", millis(p.window.start)}, {"accrued", p.totals.accrued}});
    j["credits"] = {{"cap", ledger->cap ? ordered_json(*ledger->cap) : ordered_json(nullptr)},
                    {"parties", parties},
                    {"periods", periods}};
  }
  return j;
}

}  // namespace pactum::report
