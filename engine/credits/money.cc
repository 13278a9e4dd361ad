#include "engine/credits/money.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "engine/semantic/resolved_agreement.h"

namespace pactum::credits {

namespace {

using i128 = __int128;

std::optional<i128> pow10(int n) {
  if (n < 0 || n > 38) return std::nullopt;
  i128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// n / d rounded half away from zero, d > 0.
i128 divide_half_away(i128 n, i128 d) {
  i128 q = n / d, r = n % d;
  if (r < 0) r = -r;
  if (2 * r >= d) q += n < 0 ? -1 : 1;
  return q;
}

// An amount as units x 10^-scale (a percentage of a fee: number x fee x 10^-2), trailing zeros
// removed.
struct Exact {
  i128 units = 0;
  int scale = 0;
};

std::optional<Exact> exact(const model::Amount& amount, const model::Agreement& agreement) {
  Exact e{amount.number.units, amount.number.scale};
  if (amount.fee) {
    const model::FeeDecl* fee = semantic::find_fee(agreement, amount.fee->text);
    if (!fee) return std::nullopt;
    e.units *= fee->amount.units;  // both below 10^18: fits
    e.scale += fee->amount.scale + 2;
  }
  // Trailing zeros carry no value and only shorten the headroom of later products.
  while (e.scale > 0 && e.units % 10 == 0) {
    e.units /= 10;
    --e.scale;
  }
  return e;
}

}  // namespace

std::optional<int> compare_amounts(const model::Amount& a, const model::Amount& b, const model::Agreement& agreement) {
  auto x = exact(a, agreement), y = exact(b, agreement);
  if (!x || !y) return std::nullopt;
  int scale = std::max(x->scale, y->scale);
  i128 left, right;
  if (!__builtin_mul_overflow(x->units, *pow10(scale - x->scale), &left) &&
      !__builtin_mul_overflow(y->units, *pow10(scale - y->scale), &right))
    return left < right ? -1 : left > right ? 1 : 0;
  // Beyond 38 digits: no contract writes such amounts; compare approximately.
  long double l = static_cast<long double>(x->units) / static_cast<long double>(*pow10(x->scale));
  long double r = static_cast<long double>(y->units) / static_cast<long double>(*pow10(y->scale));
  return l < r ? -1 : l > r ? 1 : 0;
}

std::optional<Cents> amount_cents(const model::Amount& amount, const model::Agreement& agreement, int64_t multiplier) {
  auto value = exact(amount, agreement);
  if (!value) return std::nullopt;
  i128 units = value->units;
  int scale = value->scale;
  i128 total;
  if (__builtin_mul_overflow(units, static_cast<i128>(multiplier), &total)) return std::nullopt;
  // cents = total x 100 / 10^scale, rounded once.
  i128 cents;
  if (scale <= 2) {
    if (__builtin_mul_overflow(total, *pow10(2 - scale), &cents)) return std::nullopt;
  } else {
    auto divisor = pow10(scale - 2);
    if (!divisor) return std::nullopt;
    cents = divide_half_away(total, *divisor);
  }
  if (cents > kMaxCents || cents < -kMaxCents) return std::nullopt;
  return static_cast<Cents>(cents);
}

Cents divide_rounded(Cents n, int64_t d) { return static_cast<Cents>(divide_half_away(n, d)); }

std::vector<Cents> equal_shares(Cents amount, size_t parties) {
  if (parties == 0) return {};
  return std::vector<Cents>(parties, divide_rounded(amount, static_cast<int64_t>(parties)));
}

Cents add(Cents a, Cents b) {
  Cents sum;
  if (__builtin_add_overflow(a, b, &sum))
    return a > 0 ? std::numeric_limits<Cents>::max() : std::numeric_limits<Cents>::min();
  return sum;
}

std::string cents_text(Cents c) {
  // |c| via unsigned arithmetic: INT64_MIN has no positive counterpart.
  uint64_t magnitude = c < 0 ? uint64_t(0) - static_cast<uint64_t>(c) : static_cast<uint64_t>(c);
  return fmt::format("{}{}.{:02}", c < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

std::string money_text(Cents c, const std::optional<std::string>& currency) {
  return currency ? cents_text(c) + " " + *currency : cents_text(c);
}

}  // namespace pactum::credits
