// Decimal numbers as the log and the agreement write them (`0.1`, `-3.50`, `1e3`), exactly.
// A double cannot hold most of them: 0.1 + 0.2 is 0.30000000000000004 as doubles, so a total of
// 0.1 and 0.2 "at most 0.3" would be broken; and two order numbers of 18 digits that differ in
// the last one are the same double. Comparisons, `with same` keys and the sums of aggregates go
// through these instead wherever the text of the number is at hand.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pactum {

// ±digits × 10^exponent, digits without leading or trailing zeros (empty: zero).
struct ExactDecimal {
  bool negative = false;
  std::string digits;
  int64_t exponent = 0;
};

// The decimal a number text denotes: [+-] digits [. digits] [e|E [+-] digits], at least one digit
// before the exponent (`.5` and `5.` too, as the log's number reader takes them). Anything else:
// nullopt.
std::optional<ExactDecimal> parse_exact_decimal(std::string_view text);

// <0, 0, >0 as a is less than, equal to or greater than b (-0 equals 0).
int compare_exact(const ExactDecimal& a, const ExactDecimal& b);

// One text per value (`1`, `1.0` and `1e0` give the same), for hash keys: a whole number of up to
// 40 digits as itself (`-120`), any other value as digits and an exponent (`35e-1`).
std::string canonical_text(const ExactDecimal& d);

// Whether `text` is already the canonical text of a whole number: `0`, or an optional `-` and
// digits without a leading zero (the usual ids and counts: no parsing needed for a key).
bool is_canonical_integer(std::string_view text);

// A sum of decimals kept exactly while it fits (38 significant digits, 24 after the point);
// beyond that it is no longer exact() and the caller uses its double sum.
class ExactSum {
 public:
  void add(const std::optional<ExactDecimal>& d);
  bool exact() const { return exact_; }
  // The sum as the nearest double (valid while exact()).
  double value() const;
  // Compares the sum with `bound` × `times` (times ≥ 1); nullopt when not exact() or too large.
  std::optional<int> compare_with(const ExactDecimal& bound, uint64_t times = 1) const;

 private:
  bool exact_ = true;
  __int128 units_ = 0;  // the sum × 10^scale_
  int scale_ = 0;
};

// The decimal a double was written as, when it was written with at most 17 significant digits
// (the shortest text that reads back as the same double: an agreement's bound of 0.3 is `0.3`);
// nullopt for infinities and NaN.
std::optional<ExactDecimal> exact_of_double(double value);

}  // namespace pactum
