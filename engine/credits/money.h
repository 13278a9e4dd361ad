// Money of service credits (spec V2.8): amounts as written are exact decimals; what is charged
// is whole cents, rounded half away from zero once, after the exact product (a percentage of a
// fee times the started days late). Never binary floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/agreement.h"

namespace pactum::credits {

using Cents = int64_t;

// Amounts larger than this (10^13 currency units) are not computed: a contract does not write
// them, and their sums must stay far from the limits of 64-bit cents.
inline constexpr Cents kMaxCents = 1'000'000'000'000'000;

// The exact value of an `amount` (`500`, `5% of monthly_fee`) times `multiplier`, rounded to
// cents half away from zero. nullopt when it names an undeclared fee or exceeds kMaxCents.
std::optional<Cents> amount_cents(const model::Amount& amount, const model::Agreement& agreement,
                                  int64_t multiplier = 1);

// Sign of a - b, exactly (a percentage of a fee against a fixed amount, or another fee's);
// nullopt when either names an undeclared fee.
std::optional<int> compare_amounts(const model::Amount& a, const model::Amount& b, const model::Agreement& agreement);

// `n / d` rounded half away from zero (d > 0): a finding's amount split between d parties.
Cents divide_rounded(Cents n, int64_t d);

// Each owing party's share of `amount`: the amount divided equally, each share rounded to cents
// on its own (100.00 three ways is 33.33 each; the shares need not add up to the amount).
std::vector<Cents> equal_shares(Cents amount, size_t parties);

// a + b, saturating at the largest representable amount (totals of absurd logs stay ordered).
Cents add(Cents a, Cents b);

// "1450.00", "0.05", "-3.10".
std::string cents_text(Cents c);
// "1450.00 USD", or "1450.00" without a currency.
std::string money_text(Cents c, const std::optional<std::string>& currency);

}  // namespace pactum::credits
