// Exact decimals (engine/base/exact_decimal.h): what a number text denotes, compared, summed and
// keyed without the rounding of doubles.
#include <catch2/catch.hpp>

#include "engine/base/exact_decimal.h"

using namespace pactum;

namespace {

ExactDecimal d(const char* text) {
  auto parsed = parse_exact_decimal(text);
  INFO("text: " << text);
  REQUIRE(parsed);
  return *parsed;
}

}  // namespace

TEST_CASE("number texts read exactly, one canonical text per value") {
  struct Row {
    const char* text;
    const char* canonical;  // "" = not a decimal
  };
  const Row rows[] = {
      {"0", "0"},           {"-0", "0"},          {"0.000", "0"},         {"+0e99", "0"},
      {"1", "1"},           {"1.0", "1"},         {"1e0", "1"},           {"10", "10"},
      {"0.1", "1e-1"},      {".5", "5e-1"},       {"5.", "5"},            {"-3.50", "-35e-1"},
      {"1e3", "1000"},      {"1E+3", "1000"},     {"1000", "1000"},       {"0.001e6", "1000"},
      {"-120.00", "-120"},  {"1e40", "1e40"},     {"1e39", "1000000000000000000000000000000000000000"},
      {"9007199254740993", "9007199254740993"},   {"123456789012345678", "123456789012345678"},
      {"1e-400", "1e-400"}, {"", ""},             {"-", ""},              {".", ""},
      {"1e", ""},           {"e3", ""},           {"1.2.3", ""},          {"0x10", ""},
      {"1_000", ""},        {"inf", ""},          {"nan", ""},            {" 1", ""},
  };
  for (const auto& row : rows) {
    INFO("text: '" << row.text << "'");
    auto parsed = parse_exact_decimal(row.text);
    if (*row.canonical == '\0') {
      CHECK_FALSE(parsed);
    } else {
      REQUIRE(parsed);
      CHECK(canonical_text(*parsed) == row.canonical);
    }
  }
}

TEST_CASE("exact comparison orders what doubles cannot tell apart") {
  struct Row {
    const char* a;
    const char* b;
    int expected;
  };
  const Row rows[] = {
      {"9007199254740993", "9007199254740992", 1},  // one double
      {"123456789012345678", "123456789012345679", -1},
      {"0.3", "0.30", 0},      {"-0", "0", 0},        {"1e-400", "0", 1},   {"-1e-400", "0", -1},
      {"-2", "-10", 1},        {"-0.5", "0.5", -1},   {"99", "100", -1},    {"0.12", "0.120000001", -1},
      {"1e308", "9e307", 1},   {"2.5", "2.49999999999999999999", 1},
  };
  for (const auto& row : rows) {
    INFO(row.a << " vs " << row.b);
    CHECK(compare_exact(d(row.a), d(row.b)) == row.expected);
    CHECK(compare_exact(d(row.b), d(row.a)) == -row.expected);
  }
}

TEST_CASE("exact sums: 0.1 + 0.2 is 0.3, and a sum beyond the limits says it is no longer exact") {
  ExactSum sum;
  sum.add(d("0.1"));
  sum.add(d("0.2"));
  REQUIRE(sum.exact());
  CHECK(sum.value() == 0.3);
  CHECK(sum.compare_with(d("0.3")) == 0);
  CHECK(sum.compare_with(d("0.15"), 2) == 0);  // an average of 0.15 over 2 values
  CHECK(sum.compare_with(d("0.29999")) == 1);
  CHECK(sum.compare_with(d("3e-1")) == 0);

  ExactSum mixed;  // scales and signs mixed
  for (const char* v : {"1e3", "-0.001", "2.5", "-1000", "0.0005"}) mixed.add(d(v));
  REQUIRE(mixed.exact());
  CHECK(mixed.compare_with(d("2.4995")) == 0);

  ExactSum tiny;
  tiny.add(d("1e-30"));  // more places than kept exactly
  CHECK_FALSE(tiny.exact());
  CHECK_FALSE(tiny.compare_with(d("0")));

  ExactSum huge;
  huge.add(d("1e40"));
  CHECK_FALSE(huge.exact());

  ExactSum not_a_decimal;
  not_a_decimal.add(std::nullopt);
  CHECK_FALSE(not_a_decimal.exact());

  ExactSum many;  // a bound times a count beyond the limits: no exact answer, not a wrong one
  many.add(d("1e35"));
  REQUIRE(many.exact());
  CHECK_FALSE(many.compare_with(d("1e35"), 1000000));
}

TEST_CASE("a whole number's canonical text is itself: keys need no parsing for ids and counts") {
  for (const char* text : {"0", "7", "-7", "120", "123456789012345678", "9007199254740993"}) {
    INFO(text);
    CHECK(is_canonical_integer(text));
    CHECK(canonical_text(d(text)) == text);
  }
  for (const char* text : {"-0", "07", "+7", "7.0", "7e0", "", "-", "1_0", "12a"}) {
    INFO(text);
    CHECK_FALSE(is_canonical_integer(text));
  }
}

TEST_CASE("a double's exact decimal is the text it was written as") {
  CHECK(canonical_text(*exact_of_double(0.3)) == "3e-1");
  CHECK(canonical_text(*exact_of_double(1e20)) == "100000000000000000000");
  CHECK(canonical_text(*exact_of_double(-2.5)) == "-25e-1");
  CHECK(canonical_text(*exact_of_double(0.0)) == "0");
  CHECK_FALSE(exact_of_double(std::numeric_limits<double>::infinity()));
}
