// Measured hours (engine/eval/wording.h): rounded to 2 decimals, but a length on the failing side
// of its bound is never shown on or across the bound (47 h 59 min 50 s of notice against 48 h
// required would read as 48 and look met).
#include <catch2/catch.hpp>

#include "engine/eval/wording.h"

using namespace pactum;
using namespace pactum::eval;

namespace {
Millis seconds(int64_t s) { return Millis{s * 1000}; }
}  // namespace

TEST_CASE("hours_below and hours_above: rounded, but never onto the bound", "[eval][wording]") {
  struct Row {
    Millis value, bound;
    double below, above;  // hours_below(value, bound) when value < bound, hours_above when value > bound
  };
  const Row rows[] = {
      {seconds(48 * 3600 - 10), seconds(48 * 3600), 47.99, 0},   // 47.9972 would round to 48
      {seconds(48 * 3600 - 60), seconds(48 * 3600), 47.98, 0},   // 47.9833: plain rounding
      {seconds(25 * 3600 + 600), seconds(48 * 3600), 25.17, 0},  // far from the bound: plain rounding
      {seconds(10), seconds(0), 0, 0.01},                        // a delay of 10 s is not 0
      {seconds(3600), seconds(0), 0, 1},                         // plain rounding
      {seconds(2 * 3600 + 10), seconds(2 * 3600), 0, 2.01},      // an age just past 2 h
      {seconds(2 * 3600 + 40), seconds(2 * 3600), 0, 2.01},      // 2.0111: plain rounding gives 2.01 too
  };
  for (const auto& r : rows) {
    INFO("value " << r.value.count() << " ms, bound " << r.bound.count() << " ms");
    if (r.value < r.bound) CHECK(hours_below(r.value, r.bound) == Approx(r.below).margin(1e-9));
    if (r.value > r.bound) CHECK(hours_above(r.value, r.bound) == Approx(r.above).margin(1e-9));
    CHECK(hours_of(r.value) == Approx(std::round(static_cast<double>(r.value.count()) / 36000.0) / 100.0));
  }
}
