#include "engine/credits/credits.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include <fmt/format.h>

#include "engine/calendar/periods.h"
#include "engine/credits/measured_value.h"
#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"

namespace pactum::credits {

namespace {

using Per = model::CreditLine::Per;

enum class LineResult { Applies, DoesNotApply, TooLarge };

LineResult evaluate_line(const model::CreditLine& line, const eval::Finding& f, const model::Agreement& agreement,
                         Cents& amount, int64_t& units) {
  units = 1;
  if (line.per != Per::Finding) {
    auto late = line.per == Per::DayLate ? started_days_late(f) : started_hours_late(f);
    if (!late) return LineResult::DoesNotApply;
    units = *late;
  }
  if (line.when) {
    auto value = measured_value(f);
    if (!value) return LineResult::DoesNotApply;
    int side = value->compare(line.when->value);
    if (line.when->above ? side <= 0 : side >= 0) return LineResult::DoesNotApply;
  }
  auto cents = amount_cents(line.amount, agreement, units);
  if (!cents) return line.amount.fee && !semantic::find_fee(agreement, line.amount.fee->text) ? LineResult::DoesNotApply
                                                                                             : LineResult::TooLarge;
  amount = *cents;
  return LineResult::Applies;
}

// The order of owing parties in by_party and by_period: declared parties first, then other
// names in order of first appearance, `unassigned` last.
class PartyOrder {
 public:
  explicit PartyOrder(const semantic::ResolvedAgreement& a) {
    for (const auto& p : a.parties) rank(p.id);
  }
  size_t rank(const std::string& party) {
    if (party == "unassigned") return SIZE_MAX;
    auto it = std::find(names_.begin(), names_.end(), party);
    if (it != names_.end()) return size_t(it - names_.begin());
    names_.push_back(party);
    return names_.size() - 1;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

std::vector<std::string> owing_parties(const eval::Finding& f) {
  std::vector<std::string> out;
  for (const auto& p : f.responsible)
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  if (out.empty()) out.push_back("unassigned");
  return out;
}

}  // namespace

bool has_credit_lines(const model::Agreement& agreement) {
  return std::any_of(agreement.blocks.begin(), agreement.blocks.end(),
                     [](const model::Block& b) { return !b.credits.empty(); });
}

std::optional<Cents> line_amount(const model::CreditLine& line, const eval::Finding& finding,
                                 const model::Agreement& agreement, int64_t* units) {
  Cents amount = 0;
  int64_t n = 1;
  if (evaluate_line(line, finding, agreement, amount, n) != LineResult::Applies) return std::nullopt;
  if (units) *units = n;
  return amount;
}

calendar::Interval credit_window(const semantic::ResolvedAgreement& a, Instant judged_from, Instant at) {
  model::Period month;
  month.unit = model::Period::Unit::Month;
  const auto& header = a.ast->header;
  const model::Period& period = header && header->credit_cap ? header->credit_cap->period : month;
  // As the windows of 5.3: counted windows from the effective start, else from the judged start.
  if (header && header->effective_from && a.effective_start)
    return calendar::WindowSequence(period, a.zone, date::local_days{*header->effective_from}).containing(at);
  return calendar::WindowSequence::anchored_at(period, a.zone, judged_from).containing(at);
}

void tally(const semantic::ResolvedAgreement& a, const std::vector<const Charge*>& owed, Ledger& ledger) {
  ledger.by_party.clear();
  ledger.by_period.clear();
  PartyOrder order(a);
  // (window start, party rank) -> totals: iteration order is the by_period order.
  std::map<std::pair<Instant, size_t>, PeriodTotals> periods;
  for (const Charge* c : owed) {
    for (size_t p = 0; p < c->owed_by.size(); ++p) {
      auto& entry = periods[{c->window.start, order.rank(c->owed_by[p])}];
      entry.party = c->owed_by[p];
      entry.window = c->window;
      entry.totals.accrued = add(entry.totals.accrued, c->shares[p]);
    }
  }

  // The cap, per party and window; then the totals per party.
  std::map<size_t, Totals> per_party;
  for (auto& [key, entry] : periods) {
    Totals& t = entry.totals;
    t.owed = ledger.cap ? std::min(t.accrued, *ledger.cap) : t.accrued;
    t.capped = t.accrued - t.owed;
    Totals& sum = per_party[key.second];
    sum.accrued = add(sum.accrued, t.accrued);
    sum.capped = add(sum.capped, t.capped);
    sum.owed = add(sum.owed, t.owed);
    ledger.by_period.push_back(entry);
  }
  for (size_t r = 0; r < order.names().size(); ++r) {
    bool declared = r < a.parties.size();
    if (declared || per_party.count(r)) ledger.by_party.emplace_back(order.names()[r], per_party[r]);
  }
  if (per_party.count(SIZE_MAX)) ledger.by_party.emplace_back("unassigned", per_party[SIZE_MAX]);
}

Ledger price(const semantic::ResolvedAgreement& a, const eval::Outcome& outcome, Diagnostics& warnings) {
  Ledger ledger;
  const model::Agreement& ast = *a.ast;
  ledger.enabled = has_credit_lines(ast);
  if (!ledger.enabled) return ledger;
  if (ast.header) {
    ledger.currency = ast.header->currency;
    if (const auto& cap = ast.header->credit_cap) {
      ledger.cap = amount_cents(cap->amount, ast);
      if (!ledger.cap)
        warnings.warning(cap->amount.loc, fmt::format("the credit cap {} is too large to compute in cents; credits are "
                                                      "not capped",
                                                      model::canonical_text(cap->amount)));
    }
  }

  std::set<const model::CreditLine*> warned;
  ledger.charges.resize(outcome.findings.size());
  for (size_t i = 0; i < outcome.findings.size(); ++i) {
    const eval::Finding& f = outcome.findings[i];
    if (!f.block || f.block->credits.empty()) continue;
    std::optional<Charge> best;
    for (size_t k = 0; k < f.block->credits.size(); ++k) {
      const auto& line = f.block->credits[k];
      Cents amount = 0;
      int64_t units = 1;
      auto result = evaluate_line(line, f, ast, amount, units);
      if (result == LineResult::TooLarge && warned.insert(&line).second)
        warnings.warning(line.loc, fmt::format("`{}` charges more than 10^13 for a finding of rule {}; such a credit is "
                                               "not computed",
                                               model::canonical_text(line), f.rule ? f.rule->number : 0));
      if (result != LineResult::Applies) continue;
      if (best && amount <= best->amount) continue;  // the largest; the first line among equals
      best = Charge{};
      best->amount = amount;
      best->line = k;
      best->units = units;
    }
    if (!best) continue;
    best->owed_by = owing_parties(f);
    best->shares = equal_shares(best->amount, best->owed_by.size());
    best->window = credit_window(a, outcome.judged_from, f.at);
    ledger.charges[i] = std::move(best);
  }
  std::vector<const Charge*> all;
  for (const auto& c : ledger.charges)
    if (c) all.push_back(&*c);
  tally(a, all, ledger);
  return ledger;
}

}  // namespace pactum::credits
