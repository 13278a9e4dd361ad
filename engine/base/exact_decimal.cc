#include "engine/base/exact_decimal.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/base/charconv.h"

namespace pactum {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// An exponent beyond this is clamped: such a number is far outside a double anyway (the log
// refuses it), and the clamp keeps the arithmetic on exponents from overflowing.
constexpr int64_t kExponentLimit = int64_t{1} << 40;

// ExactSum's limits: 10^36 is well inside __int128 (about 1.7 × 10^38), so a sum, an aligned
// bound or a bound times a count is checked for overflow at every step.
constexpr size_t kMaxDigits = 36;
constexpr int kMaxScale = 24;

bool times_ten(__int128& x, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    if (__builtin_mul_overflow(x, 10, &x)) return false;
  return true;
}

// d as units × 10^-scale; false when it does not fit the limits.
bool to_units(const ExactDecimal& d, __int128& units, int& scale) {
  units = 0;
  scale = 0;
  if (d.digits.empty()) return true;
  if (d.digits.size() > kMaxDigits || d.exponent < -kMaxScale) return false;
  if (d.exponent > 0 && d.digits.size() + static_cast<size_t>(d.exponent) > kMaxDigits) return false;
  for (char c : d.digits) units = units * 10 + (c - '0');
  if (d.exponent > 0 && !times_ten(units, d.exponent)) return false;
  scale = d.exponent < 0 ? static_cast<int>(-d.exponent) : 0;
  if (d.negative) units = -units;
  return true;
}

// a and b brought to one scale; false on overflow.
bool align(__int128& a, int& scale_a, __int128& b, int& scale_b) {
  if (scale_a < scale_b) {
    if (!times_ten(a, scale_b - scale_a)) return false;
    scale_a = scale_b;
  } else if (scale_b < scale_a) {
    if (!times_ten(b, scale_a - scale_b)) return false;
    scale_b = scale_a;
  }
  return true;
}

}  // namespace

std::optional<ExactDecimal> parse_exact_decimal(std::string_view t) {
  ExactDecimal d;
  size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) d.negative = t[i++] == '-';
  std::string digits;
  int64_t exponent = 0;
  bool any = false;
  for (; i < t.size() && digit(t[i]); ++i, any = true) digits += t[i];
  if (i < t.size() && t[i] == '.')
    for (++i; i < t.size() && digit(t[i]); ++i, any = true, --exponent) digits += t[i];
  if (!any) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    bool negative = false;
    if (++i < t.size() && (t[i] == '+' || t[i] == '-')) negative = t[i++] == '-';
    if (i >= t.size() || !digit(t[i])) return std::nullopt;
    int64_t e = 0;
    for (; i < t.size() && digit(t[i]); ++i) e = std::min(e * 10 + (t[i] - '0'), kExponentLimit);
    exponent += negative ? -e : e;
  }
  if (i != t.size()) return std::nullopt;
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos) return ExactDecimal{};  // zero, whatever its sign
  size_t last = digits.find_last_not_of('0');
  d.exponent = exponent + static_cast<int64_t>(digits.size() - 1 - last);
  d.digits = digits.substr(lead, last + 1 - lead);
  return d;
}

int compare_exact(const ExactDecimal& a, const ExactDecimal& b) {
  int sign_a = a.digits.empty() ? 0 : a.negative ? -1 : 1;
  int sign_b = b.digits.empty() ? 0 : b.negative ? -1 : 1;
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0) return 0;
  // The same sign: compare magnitudes, by the place of the leading digit, then digit by digit.
  int magnitude = 0;
  int64_t lead_a = static_cast<int64_t>(a.digits.size()) + a.exponent;
  int64_t lead_b = static_cast<int64_t>(b.digits.size()) + b.exponent;
  if (lead_a != lead_b) {
    magnitude = lead_a < lead_b ? -1 : 1;
  } else {
    int c = a.digits.compare(b.digits);  // no trailing zeros: a longer text with the same start is larger
    magnitude = c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return sign_a * magnitude;
}

std::string canonical_text(const ExactDecimal& d) {
  if (d.digits.empty()) return "0";
  if (d.exponent >= 0 && static_cast<int64_t>(d.digits.size()) + d.exponent <= 40)
    return (d.negative ? "-" : "") + d.digits + std::string(static_cast<size_t>(d.exponent), '0');
  return fmt::format("{}{}e{}", d.negative ? "-" : "", d.digits, d.exponent);
}

bool is_canonical_integer(std::string_view text) {
  if (text == "0") return true;
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  if (i >= text.size() || text[i] < '1' || text[i] > '9' || text.size() - i > 40) return false;
  for (; i < text.size(); ++i)
    if (!digit(text[i])) return false;
  return true;
}

void ExactSum::add(const std::optional<ExactDecimal>& d) {
  if (!exact_) return;
  __int128 units = 0;
  int scale = 0;
  if (!d || !to_units(*d, units, scale) || scale > kMaxScale || !align(units_, scale_, units, scale) ||
      __builtin_add_overflow(units_, units, &units_))
    exact_ = false;
}

double ExactSum::value() const {
  __int128 units = units_ < 0 ? -units_ : units_;
  std::string digits;
  do {
    digits += static_cast<char>('0' + static_cast<int>(units % 10));
    units /= 10;
  } while (units > 0);
  std::reverse(digits.begin(), digits.end());
  std::string text = fmt::format("{}{}e-{}", units_ < 0 ? "-" : "", digits, scale_);
  double out = 0;
  parse_double(text.data(), text.data() + text.size(), out);
  return out;
}

std::optional<int> ExactSum::compare_with(const ExactDecimal& bound, uint64_t times) const {
  if (!exact_) return std::nullopt;
  __int128 target = 0, sum = units_;
  int scale = 0, sum_scale = scale_;
  if (!to_units(bound, target, scale) || __builtin_mul_overflow(target, static_cast<__int128>(times), &target) ||
      !align(sum, sum_scale, target, scale))
    return std::nullopt;
  return sum < target ? -1 : sum > target ? 1 : 0;
}

std::optional<ExactDecimal> exact_of_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  return parse_exact_decimal(fmt::format("{}", value));
}

}  // namespace pactum
