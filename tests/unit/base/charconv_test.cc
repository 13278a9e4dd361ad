// engine/base/charconv.h: the fallbacks the WebAssembly build uses (its libc++ has no
// floating-point to_chars/from_chars) give exactly what libstdc++'s std::to_chars and
// std::from_chars give natively, so that the browser workbench prints the same numbers.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/base/charconv.h"

using namespace pactum;

namespace {

std::string standard_fixed(double value) {
  char buffer[400];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  REQUIRE(error == std::errc());
  return std::string(buffer, end);
}

std::vector<double> sample_doubles() {
  std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 99.9, 99.95, 100.0, 1e-7,
                                123456.789, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 9007199254740993.0, 5e-324,
                                std::numeric_limits<double>::min(), std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  std::mt19937_64 random(20260101);
  for (int i = 0; i < 20000; ++i) {  // any bit pattern
    uint64_t bits = random();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) values.push_back(d);
  }
  for (int i = 0; i < 20000; ++i) {  // decimals as agreements and logs write them
    double d = static_cast<double>(random() % 10000000) / std::pow(10.0, static_cast<int>(random() % 8));
    values.push_back(d);
    values.push_back(-d);
  }
  for (int e = -30; e <= 30; ++e) values.push_back(std::pow(10.0, e));
  return values;
}

}  // namespace

TEST_CASE("shortest_fixed: the fallback writes what std::to_chars(fixed) writes") {
  size_t differ = 0;
  for (double v : sample_doubles()) {
    std::string want = standard_fixed(v), got = shortest_fixed_fallback(v);
    if (want != got && ++differ <= 10) FAIL_CHECK(standard_fixed(v) << " (" << v << ")" << ": std::to_chars wrote " << want << ", the fallback " << got);
    CHECK(shortest_fixed(v) == want);
  }
  CHECK(differ == 0);
}

TEST_CASE("parse_double: the fallback reads what std::from_chars(general) reads") {
  std::vector<std::string> texts = {"0", "-0", "1", "-1", "0.1", ".5", "5.", "-.5", "1e3", "1E3", "1e+3", "1e-3",
                                    "1e", "1e+", "1.5e", "e5", ".", "-", "", "+1", " 1", "1 ", "0x10", "1_000",
                                    "inf", "-inf", "Infinity", "infx", "nan", "NaN", "nan(123)", "nan(", "1e999",
                                    "-1e999", "1e-999", "4.9e-324", "2.5e-324", "2.2250738585072011e-308",
                                    "179769313486231580793728971405303415079934132710037826936173778980444968292764"
                                    "750946649017977587207096330286416692887910946555547851940402630653124",
                                    "2026-01-01", "12:30", "99.950", "007", "1.7976931348623157e308", "3.14abc"};
  std::mt19937_64 random(7);
  for (int i = 0; i < 5000; ++i) {
    std::string t = std::to_string(random() % 100000);
    if (random() % 2) t += "." + std::to_string(random() % 1000000);
    if (random() % 3 == 0) t += "e" + std::to_string(static_cast<int>(random() % 60) - 30);
    texts.push_back(t);
  }
  for (const auto& t : texts) {
    INFO("text `" << t << "`");
    double want = -42, got = -42;
    auto a = std::from_chars(t.data(), t.data() + t.size(), want, std::chars_format::general);
    auto b = parse_double_fallback(t.data(), t.data() + t.size(), got);
    CHECK(a.ptr - t.data() == b.ptr - t.data());
    CHECK(static_cast<int>(a.ec) == static_cast<int>(b.ec));
    if (std::isnan(want)) CHECK(std::isnan(got));
    else CHECK(std::memcmp(&want, &got, sizeof want) == 0);
  }
}
