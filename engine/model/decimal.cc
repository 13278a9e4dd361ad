#include "engine/model/decimal.h"

#include <cmath>

namespace pactum::model {

namespace {

using i128 = __int128;

int sign(i128 v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

}  // namespace

double Decimal::value() const { return static_cast<double>(units) / std::pow(10.0, scale); }

std::optional<Decimal> parse_decimal(const std::string& text) {
  Decimal d;
  d.text = text;
  bool point = false;
  int digits = 0;
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (c == '.') {
      if (point) return std::nullopt;
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (d.units == 0 && c == '0' && !point) continue;  // leading zeros are not significant
    if (++digits > 18) return std::nullopt;
    d.units = d.units * 10 + (c - '0');
    if (point) ++d.scale;
  }
  if (point && text.back() == '.') return std::nullopt;
  return d;
}

__int128 pow10_i128(int n) {
  i128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

int compare_ratio(int64_t num, int64_t den, const Decimal& value) {
  // num / den <=> units / 10^scale  <=>  num * 10^scale <=> units * den
  return sign(static_cast<i128>(num) * pow10_i128(value.scale) - static_cast<i128>(value.units) * den);
}

int compare_share(int64_t num, int64_t den, const Decimal& percent) {
  return sign(static_cast<i128>(num) * 100 * pow10_i128(percent.scale) - static_cast<i128>(percent.units) * den);
}

int compare(const Decimal& a, const Decimal& b) {
  int scale = a.scale > b.scale ? a.scale : b.scale;
  return sign(static_cast<i128>(a.units) * pow10_i128(scale - a.scale) -
              static_cast<i128>(b.units) * pow10_i128(scale - b.scale));
}

}  // namespace pactum::model
