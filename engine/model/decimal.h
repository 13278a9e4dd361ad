// Exact decimals (spec V2.3 "the comparison is exact", V2.8 "amounts are computed exactly in
// decimal"): a number as written is units x 10^-scale; ratios are compared with 128-bit integer
// cross-multiplication, never through binary floating point.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "engine/model/agreement.h"

namespace pactum::model {

// `42`, `99.5`, `0.125`; nullopt when the text is not a plain decimal or has more than 18
// significant digits (it would not fit the exact representation).
std::optional<Decimal> parse_decimal(const std::string& text);

// Sign of (100 * num / den) - percent, for den > 0: is a measured share below, at or above a
// written percentage?
int compare_share(int64_t num, int64_t den, const Decimal& percent);

// Sign of (num / den) - value, for den > 0.
int compare_ratio(int64_t num, int64_t den, const Decimal& value);

// Sign of a - b.
int compare(const Decimal& a, const Decimal& b);

// 10^n as a 128-bit integer, for 0 <= n <= 38 (the scales of exact decimals and shares).
__int128 pow10_i128(int n);

}  // namespace pactum::model
