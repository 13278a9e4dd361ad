// Service credits as written (spec V2.8):
// - credit-never-applies: a `credit` line that no rule of its block can trigger (`per day late`
//   where no rule has a deadline, `when measured` where no rule has a measured value): the
//   parties think a miss costs money, and it never will.
// - cap-below-credit: one finding's credit, as written (one day / hour for `per ... late`), is
//   more than the cap: every such finding is cut to the cap, so the line does not say what is paid.
// - tiers-not-monotone: among a block's `when measured above` lines, a higher threshold with a
//   smaller amount (mirrored for `below`): since the largest applicable amount is charged, the
//   worse tier is never the one charged, which is almost always a slip.
#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "engine/credits/measured_value.h"
#include "engine/credits/money.h"
#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

using Per = model::CreditLine::Per;

constexpr uint32_t kCreditWidth = 6;  // the `credit` keyword

std::string quoted(const model::CreditLine& line) { return "`" + model::canonical_text(line) + "`"; }

std::string money(const model::Amount& amount, const model::Agreement& a) {
  auto cents = credits::amount_cents(amount, a);
  if (!cents) return model::canonical_text(amount);
  std::string text = credits::money_text(*cents, a.header ? a.header->currency : std::nullopt);
  return amount.fee ? fmt::format("{} ({})", model::canonical_text(amount), text) : text;
}

bool applies_to(const model::CreditLine& line, const model::Rule& r) {
  if (line.per != Per::Finding && !credits::rule_has_deadline(r)) return false;
  if (line.when && !credits::rule_has_measured_value(r)) return false;
  return true;
}

void never_applies(const model::Block& block, const model::CreditLine& line, std::vector<Diagnostic>& out) {
  for (const auto& r : block.rules)
    if (applies_to(line, r)) return;
  std::string where = fmt::format("\"{}\"", block.name);
  model::CreditLine plain = line;
  std::string message, fix;
  if (line.per != Per::Finding) {
    plain.per = Per::Finding;
    message = fmt::format("{} never applies: no rule of {} has a deadline (`within D after` or `no later than`), so no "
                          "finding of it is late by a number of {}",
                          quoted(line), where, line.per == Per::DayLate ? "days" : "hours");
    fix = fmt::format("to charge each finding, write `{}`; or give the rule a deadline, e.g. `... within 5 days after`",
                      model::canonical_text(plain));
  } else {
    plain.when.reset();
    std::vector<std::string> rules;
    for (const auto& r : block.rules) rules.push_back(fmt::format("rule {}", r.number));
    message = fmt::format("{} never applies: {} of {} {} no measured value (only a deadline's delay, a count, a share, "
                          "an aggregate, an availability, a downtime or a duration is measured)",
                          quoted(line), and_list(rules), where, rules.size() == 1 ? "has" : "have");
    fix = fmt::format("drop the condition: write `{}`", model::canonical_text(plain));
  }
  out.push_back(entry(DiagLevel::Warning, kCreditNeverApplies, line.loc, message, {fix}, kCreditWidth));
}

void above_cap(const model::Agreement& a, const model::CreditLine& line, std::vector<Diagnostic>& out) {
  const auto& cap = *a.header->credit_cap;
  auto side = credits::compare_amounts(line.amount, cap.amount, a);
  if (!side || *side <= 0) return;
  std::string unit = line.per == Per::DayLate ? "a single day late" : line.per == Per::HourLate ? "a single hour late"
                                                                                                : "one finding";
  model::CreditLine lowered = line;
  lowered.amount = cap.amount;
  out.push_back(entry(
      DiagLevel::Warning, kCapBelowCredit, line.loc,
      fmt::format("{} charges {} for {}, more than the cap of {} per party and {}: every such credit is cut to the cap",
                  quoted(line), money(line.amount, a), unit, money(cap.amount, a), period_word(cap.period)),
      {fmt::format("write `{}`, or raise the cap: `credits at most {} every {}`", model::canonical_text(lowered),
                   model::canonical_text(line.amount), model::canonical_text(cap.period))},
      kCreditWidth));
}

// Lines `i` and `j` of one direction, `j` the worse tier (above: the higher threshold; below:
// the lower one) but charging less than `i`.
// Every pair of tiers is compared (amounts need not all be comparable: no sort), so only the
// first kComparedTiers lines of a block are (docs/security.md, limits): a real price list has a
// handful of tiers; 40,000 took a minute.
constexpr size_t kComparedTiers = 1000;

void not_monotone(const model::Agreement& a, const model::Block& block, std::vector<Diagnostic>& out) {
  std::span<const model::CreditLine> lines(block.credits.data(), std::min(block.credits.size(), kComparedTiers));
  for (size_t j = 0; j < lines.size(); ++j) {
    const auto& worse = lines[j];
    if (!worse.when) continue;
    // The better tier with the largest amount that the worse tier undercuts.
    const model::CreditLine* undercut = nullptr;
    for (const auto& better : lines) {
      if (&better == &worse || !better.when || better.when->above != worse.when->above || better.per != worse.per)
        continue;
      int threshold = model::compare(worse.when->value, better.when->value);
      if (worse.when->above ? threshold <= 0 : threshold >= 0) continue;  // not a worse tier
      auto amount = credits::compare_amounts(worse.amount, better.amount, a);
      if (!amount || *amount >= 0) continue;
      if (!undercut || credits::compare_amounts(better.amount, undercut->amount, a).value_or(0) > 0) undercut = &better;
    }
    if (!undercut) continue;
    const char* side = worse.when->above ? "above" : "below";
    model::CreditLine swapped_worse = worse, swapped_better = *undercut;
    swapped_worse.amount = undercut->amount;
    swapped_better.amount = worse.amount;
    out.push_back(entry(
        DiagLevel::Warning, kTiersNotMonotone, worse.loc,
        fmt::format("tiers are not monotone: {} charges {}, less than the {} of {}, yet every finding measured {} {} "
                    "is also {} {} and only the largest applicable credit is charged, so this tier is never the one "
                    "charged",
                    quoted(worse), money(worse.amount, a), money(undercut->amount, a), quoted(*undercut), side,
                    model::canonical_text(worse.when->value), side, model::canonical_text(undercut->when->value)),
        {fmt::format("make the amount grow with the shortfall, e.g. swap them: `{}` and `{}`",
                     model::canonical_text(swapped_worse), model::canonical_text(swapped_better))},
        kCreditWidth));
  }
}

}  // namespace

void check_credits(const Context& ctx, std::vector<Diagnostic>& out) {
  const model::Agreement& a = *ctx.agreement.ast;
  bool capped = a.header && a.header->credit_cap;
  for (const auto& block : a.blocks) {
    for (const auto& line : block.credits) {
      never_applies(block, line, out);
      if (capped) above_cap(a, line, out);
    }
    not_monotone(a, block, out);
  }
}

}  // namespace pactum::lint
