#include "engine/base/charconv.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

namespace pactum {

#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
std::string shortest_fixed(double value) {
  char buffer[400];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return error == std::errc() ? std::string(buffer, end) : std::string();
}

std::from_chars_result parse_double(const char* first, const char* last, double& value) {
  return std::from_chars(first, last, value, std::chars_format::general);
}
#else
std::string shortest_fixed(double value) { return shortest_fixed_fallback(value); }

std::from_chars_result parse_double(const char* first, const char* last, double& value) {
  return parse_double_fallback(first, last, value);
}
#endif

std::string shortest_fixed_fallback(double value) {
  if (std::isnan(value)) return std::signbit(value) ? "-nan" : "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // fmt's "{}": the shortest digits that read back (Dragonbox), as 0.001, 123.5 or 1e+23.
  std::string shortest = fmt::format("{}", value);
  std::string out;
  std::string_view s = shortest;
  if (s.front() == '-') {
    out = "-";
    s.remove_prefix(1);
  }
  size_t e = s.find('e');
  std::string_view mantissa = s.substr(0, e);
  size_t point = mantissa.find('.');
  std::string_view whole_part = mantissa.substr(0, point);
  // value = 0.DIGITS x 10^(exponent + 1): exponent is the power of ten of the first digit.
  std::string digits(whole_part);
  if (point != std::string_view::npos) digits += mantissa.substr(point + 1);
  int exponent = static_cast<int>(whole_part.size()) - 1;
  if (e != std::string_view::npos) exponent += std::atoi(std::string(s.substr(e + 1)).c_str());
  size_t zeros = 0;
  while (zeros + 1 < digits.size() && digits[zeros] == '0') ++zeros;
  digits.erase(0, zeros);
  exponent -= static_cast<int>(zeros);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (digits == "0") return out + "0";
  if (exponent >= 0) {
    size_t whole = static_cast<size_t>(exponent) + 1;
    // A whole number: libstdc++ then writes every digit of the double, as printf("%.0f") does
    // (1e23 is 99999999999999991611392), not the shortest digits padded with zeros.
    if (digits.size() <= whole) return fmt::format("{:.0f}", value);
    return out + digits.substr(0, whole) + "." + digits.substr(whole);
  }
  return out + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Case-insensitive: does [p, last) start with `word`?
bool starts_with_word(const char* p, const char* last, std::string_view word) {
  if (static_cast<size_t>(last - p) < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if ((p[i] | 0x20) != word[i]) return false;
  return true;
}

}  // namespace

std::from_chars_result parse_double_fallback(const char* first, const char* last, double& value) {
  const char* p = first;
  bool negative = p != last && *p == '-';
  if (negative) ++p;
  if (starts_with_word(p, last, "inf")) {
    p += starts_with_word(p, last, "infinity") ? 8 : 3;
    value = negative ? -HUGE_VAL : HUGE_VAL;
    return {p, std::errc()};
  }
  if (starts_with_word(p, last, "nan")) {
    p += 3;
    if (p != last && *p == '(') {  // nan(n-char-sequence)
      const char* q = p + 1;
      while (q != last && (is_digit(*q) || ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || *q == '_')) ++q;
      if (q != last && *q == ')') p = q + 1;
    }
    value = negative ? -std::nan("") : std::nan("");
    return {p, std::errc()};
  }
  // [digits][.digits] with at least one digit, then an exponent only when it has digits.
  const char* mantissa = p;
  while (p != last && is_digit(*p)) ++p;
  bool any = p != mantissa;
  if (p != last && *p == '.') {
    const char* fraction = ++p;
    while (p != last && is_digit(*p)) ++p;
    any = any || p != fraction;
  }
  if (!any) return {first, std::errc::invalid_argument};
  if (p != last && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    if (q != last && (*q == '+' || *q == '-')) ++q;
    if (q != last && is_digit(*q)) {
      while (q != last && is_digit(*q)) ++q;
      p = q;
    }
  }
  std::string text(first, p);
  errno = 0;
  double parsed = std::strtod(text.c_str(), nullptr);
  // Overflow, and underflow to zero, are out of range (as libstdc++ reports them; a subnormal
  // result is not); the value is then left as it was.
  if (errno == ERANGE && (parsed == 0 || std::isinf(parsed))) return {p, std::errc::result_out_of_range};
  value = parsed;
  return {p, std::errc()};
}

}  // namespace pactum
