// Exact money of V2.8: amounts as written times a multiplier, rounded to cents once, half away
// from zero; equal shares rounded each on its own; measured values compared exactly.
#include <catch2/catch.hpp>

#include "engine/credits/measured_value.h"
#include "engine/credits/money.h"
#include "engine/model/decimal.h"

using namespace pactum;
using namespace pactum::credits;

namespace {

model::Decimal dec(const std::string& text) {
  auto d = model::parse_decimal(text);
  REQUIRE(d);
  return *d;
}

model::Agreement with_fee(const std::string& name, const std::string& amount) {
  model::Agreement a;
  a.header.emplace();
  model::FeeDecl fee;
  fee.id.text = name;
  fee.amount = dec(amount);
  a.header->fees.push_back(fee);
  return a;
}

model::Amount fixed(const std::string& number) {
  model::Amount a;
  a.number = dec(number);
  return a;
}

model::Amount percent_of(const std::string& number, const std::string& fee) {
  model::Amount a = fixed(number);
  a.fee = model::Name{fee, {}};
  return a;
}

}  // namespace

TEST_CASE("amount_cents: exact product, rounded once, half away from zero", "[credits][money]") {
  auto agreement = with_fee("fee", "333.33");
  struct Row {
    model::Amount amount;
    int64_t multiplier;
    std::optional<Cents> expected;
  };
  std::vector<Row> rows = {
      {fixed("500"), 1, 50000},
      {fixed("0.125"), 1, 13},             // 12.5 cents: away from zero
      {fixed("0.124999"), 1, 12},
      {fixed("0.005"), 1, 1},
      {fixed("0.0049"), 1, 0},
      {fixed("250"), 5, 125000},
      {percent_of("2.5", "fee"), 1, 833},  // 8.33325
      {percent_of("2.5", "fee"), 3, 2500},  // 24.99975, not 3 x 8.33
      {percent_of("0.15", "fee"), 1, 50},  // 0.499995
      {percent_of("150", "fee"), 1, 50000},  // 499.995: 500.00
      {percent_of("5", "nofee"), 1, std::nullopt},
      {fixed("10000000000000"), 1, 1000000000000000},  // 10^13: the largest computed
      {fixed("10000000000000.01"), 1, std::nullopt},
      {fixed("999999999999999999"), 8760, std::nullopt},
  };
  for (const auto& r : rows) {
    INFO(r.amount.number.text << (r.amount.fee ? "% of " + r.amount.fee->text : "") << " x " << r.multiplier);
    CHECK(amount_cents(r.amount, agreement, r.multiplier) == r.expected);
  }
}

TEST_CASE("equal shares and cents text", "[credits][money]") {
  CHECK(equal_shares(10000, 3) == std::vector<Cents>{3333, 3333, 3333});
  CHECK(equal_shares(5, 2) == std::vector<Cents>{3, 3});
  CHECK(equal_shares(200, 3) == std::vector<Cents>{67, 67, 67});
  CHECK(equal_shares(100, 1) == std::vector<Cents>{100});
  CHECK(divide_rounded(-5, 2) == -3);
  CHECK(cents_text(145000) == "1450.00");
  CHECK(cents_text(5) == "0.05");
  CHECK(cents_text(-310) == "-3.10");
  CHECK(money_text(3333, std::string("USD")) == "33.33 USD");
  CHECK(money_text(3333, std::nullopt) == "33.33");
  CHECK(add(std::numeric_limits<Cents>::max(), 1) == std::numeric_limits<Cents>::max());
}

TEST_CASE("compare_amounts: exact across fees and scales", "[credits][money]") {
  auto agreement = with_fee("fee", "10000");
  CHECK(compare_amounts(percent_of("5", "fee"), fixed("500"), agreement) == 0);
  CHECK(compare_amounts(percent_of("5", "fee"), fixed("500.01"), agreement) == -1);
  CHECK(compare_amounts(percent_of("5.0001", "fee"), fixed("500"), agreement) == 1);
  CHECK(compare_amounts(fixed("0.1"), fixed("0.10"), agreement) == 0);
  CHECK_FALSE(compare_amounts(percent_of("5", "other"), fixed("1"), agreement));
}

TEST_CASE("measured values compare exactly with written thresholds", "[credits][measured]") {
  // A share of 199 of 200 is exactly 99.5; 2 of 3 is 66.666...
  CHECK(MeasuredValue::ratio(100 * 199, 200).compare(dec("99.5")) == 0);
  CHECK(MeasuredValue::ratio(100 * 2, 3).compare(dec("66.66666666")) == 1);
  CHECK(MeasuredValue::ratio(100 * 2, 3).compare(dec("66.67")) == -1);
  // A delay of 24 h + 1 ms is above 24 hours; 24 h is not.
  CHECK(MeasuredValue::ratio(24 * 3600000 + 1, 3600000).compare(dec("24")) == 1);
  CHECK(MeasuredValue::ratio(24 * 3600000, 3600000).compare(dec("24")) == 0);
  // A reported double reads as the decimal it prints as: 99.9 is not below 99.9.
  CHECK(MeasuredValue::number(99.9).compare(dec("99.9")) == 0);
  CHECK(MeasuredValue::number(100.0 * (44640 - 60) / 44640).compare(dec("99.9")) == -1);
  CHECK(MeasuredValue::number(0.1 + 0.2).compare(dec("0.3")) == 1);  // 0.30000000000000004
  // Minutes reported, hours compared: 90 minutes is 1.5 hours.
  CHECK(MeasuredValue::number(90, 60).compare(dec("1.5")) == 0);
  CHECK(MeasuredValue::number(91, 60).compare(dec("1.5")) == 1);
  CHECK(MeasuredValue::number(-3).compare(dec("0")) == -1);
  // Beyond the exact range: compared as doubles.
  CHECK(MeasuredValue::number(1e30).compare(dec("1000")) == 1);
  CHECK(MeasuredValue::number(1e-30).compare(dec("0")) == 1);
}
