// The version 2 forms (spec V2.2): each parses into the AST it means, prints back in canonical
// form, and its mistakes are syntax or agreement errors at the right place. The words version 2
// adds stay ordinary names wherever the grammar does not expect them.
#include <catch2/catch.hpp>

#include "engine/model/decimal.h"
#include "engine/semantic/resolved_agreement.h"
#include "engine/syntax/ast_builder.h"
#include "test_support.h"

using namespace pactum;
using pactum::test::diag_lines;
using pactum::test::dump;
using pactum::test::parse;

namespace {

const char* kHeader = R"(agreement "A"
  timezone "UTC"
  currency "USD"
  fee monthly_fee 20000.50
  credits at most 10% of monthly_fee every month
party Acme
party Northwind
calendar Hotline
  timezone "Europe/Berlin"
  business hours mon-fri 08:00-18:00
interval outage from outage_start to outage_end with same service
)";

struct RuleCase {
  const char* rule;       // one rule, written as an author might
  const char* canonical;  // its canonical text (fmt)
  model::Rule::Kind kind;
};

}  // namespace

TEST_CASE("v2 syntax: every version 2 rule form parses and prints back canonically") {
  using K = model::Rule::Kind;
  const RuleCase cases[] = {
      {"AT LEAST 80% OF call HAVE wait_s <= 20 EVERY month", "at least 80% of call have wait_s <= 20 every month",
       K::ShareOfEvents},
      {"at most 10% of call by Northwind have abandoned = true every month grouped by period",
       "at most 10% of call by Northwind have abandoned = true every month grouped by period", K::ShareOfEvents},
      {"at least 99.5% of call have wait_s <= 20 or wait_s is absent every week or at most 1 failed when fewer than 5 cases",
       "at least 99.5% of call have wait_s <= 20 or wait_s is absent every week or at most 1 failed when fewer than 5 cases",
       K::ShareOfEvents},
      {"every ticket requires answer by Northwind with same ticket within 4 hours after in at least 75% of cases every month",
       "every ticket requires answer by Northwind with same ticket within 4 hours after in at least 75% of cases every month",
       K::Requires},
      {"every incident requires resolution with same incident within 8 business hours after paused from waiting until replied "
       "in at least 95% of cases every month or at most 2 failed when fewer than 40 cases",
       "every incident requires resolution with same incident within 8 business hours after paused from waiting until "
       "replied in at least 95% of cases every month or at most 2 failed when fewer than 40 cases",
       K::Requires},
      {"every month requires report by Northwind for the month within 5 business days after",
       "every month requires report by Northwind for the month within 5 business days after", K::PeriodRequires},
      {"every 2 weeks requires report for the 2 week within 1 day after",
       "every 2 weeks requires report for the 2 weeks within 1 day after", K::PeriodRequires},
      {"every quarter requires forecast by Acme for the period at least 5 business days before",
       "every quarter requires forecast by Acme for the quarter at least 5 business days before", K::PeriodRequires},
      {"every year requires forecast before", "every year requires forecast before", K::PeriodRequires},
      {"at least 1 kpi_report every month grouped by period allowing 1 missed per year",
       "at least 1 kpi_report every month grouped by period allowing 1 missed per year", K::AtLeast},
      {"average value of kpi_report at least 80% every month grouped by period",
       "average value of kpi_report at least 80% every month grouped by period", K::Aggregate},
      {"availability of outage at least 99.9% every month", "availability of outage at least 99.9% every month",
       K::Availability},
      {"availability of outage during business hours of Hotline at least 99% every quarter",
       "availability of outage during business hours of Hotline at least 99% every quarter", K::Availability},
      {"downtime of outage at most 4 hours every month", "downtime of outage at most 4 hours every month", K::Downtime},
      {"percentile 90 duration of outage at most 8 hours every month",
       "percentile 90 duration of outage at most 8 hours every month", K::DurationMeasure},
      {"average duration of outage during business hours of Acme at most 30 minutes every week",
       "average duration of outage during business hours of Acme at most 30 minutes every week", K::DurationMeasure},
      {"maximum duration of outage at least 1 hour every day", "maximum duration of outage at least 1 hour every day",
       K::DurationMeasure},
      {"no line_closed during business hours of Hotline", "no line_closed during business hours of Hotline", K::No},
      {"every work by Northwind outside business hours of Hotline requires night_report within 1 business day after",
       "every work by Northwind outside business hours of Hotline requires night_report within 1 business day after",
       K::Requires},
      {"average `duration` of call at most 15 every week", "average `duration` of call at most 15 every week",
       K::Aggregate},
  };
  for (const auto& c : cases) {
    std::string text = std::string(kHeader) + "term \"t\"\n  " + c.rule + "\n";
    INFO("rule: " << c.rule);
    auto p = parse(text);
    INFO(diag_lines(p.diags));
    REQUIRE(p.ok);
    REQUIRE(p.agreement.blocks.size() == 1);
    const auto& rule = p.agreement.blocks[0].rules.at(0);
    CHECK(rule.kind == c.kind);
    CHECK(rule.text == c.canonical);
    // fmt round trip: the same AST, and fmt is idempotent.
    std::string formatted = model::format_agreement(p.agreement);
    auto again = parse(formatted);
    INFO("formatted:\n" << formatted);
    REQUIRE(again.ok);
    CHECK(dump(again.agreement) == dump(p.agreement));
    CHECK(model::format_agreement(again.agreement) == formatted);
  }
}

TEST_CASE("v2 syntax: declarations, block options and their canonical layout") {
  auto p = parse(std::string(kHeader) + R"(term "Reports"
  credit 100 per day late
  credit 5% of monthly_fee when measured below 99.5%
  credit 250 per hour late when measured above 48
  effective 2026-03-02 to 2026-04-12
  every month requires report by Northwind within 5 business days after
)");
  INFO(diag_lines(p.diags));
  REQUIRE(p.ok);
  const auto& a = p.agreement;
  REQUIRE(a.header);
  CHECK(a.header->currency == std::optional<std::string>("USD"));
  REQUIRE(a.header->fees.size() == 1);
  CHECK(a.header->fees[0].amount.units == 2000050);
  CHECK(a.header->fees[0].amount.scale == 2);
  REQUIRE(a.header->credit_cap);
  CHECK(a.header->credit_cap->amount.fee->text == "monthly_fee");
  REQUIRE(a.calendars.size() == 1);
  CHECK(a.calendars[0].calendar.timezone == std::optional<std::string>("Europe/Berlin"));
  REQUIRE(a.intervals.size() == 1);
  CHECK(a.intervals[0].same.at(0).text == "service");
  const auto& b = a.blocks.at(0);
  REQUIRE(b.credits.size() == 3);
  CHECK(b.credits[0].per == model::CreditLine::Per::DayLate);
  CHECK(b.credits[1].when->above == false);
  CHECK(b.credits[1].when->percent);
  CHECK(b.credits[2].per == model::CreditLine::Per::HourLate);
  REQUIRE(b.effective_from);
  CHECK(date::format("%F", date::sys_days{*b.effective_from}) == "2026-03-02");
  CHECK(model::format_agreement(a) == R"(agreement "A"
  timezone "UTC"
  currency "USD"
  fee monthly_fee 20000.50
  credits at most 10% of monthly_fee every month

party Acme

party Northwind

calendar Hotline
  timezone "Europe/Berlin"
  business hours mon-fri 08:00-18:00

interval outage from outage_start to outage_end with same service

term "Reports"
  effective 2026-03-02 to 2026-04-12
  credit 100 per day late
  credit 5% of monthly_fee when measured below 99.5%
  credit 250 per hour late when measured above 48
  every month requires report by Northwind within 5 business days after
)");
}

TEST_CASE("v2 syntax: the version 2 words stay names where no keyword is expected") {
  // Version 1 agreements that use them as attribute or event-type names keep working (V2.2).
  const char* text = R"(party Acme
term "t"
  total credits of credit_note at most 100 every month
  no interval where period = "2026-03" and from = "x" and late = true
  every calendar requires duration by Acme with same fee, percentile within 2 hours after
  at least 1 availability where cases > 3 and have is present every week
  no finding where during = outside and the = for and when = until and paused = in
)";
  auto p = parse(text);
  INFO(diag_lines(p.diags));
  REQUIRE(p.ok);
  const auto& rules = p.agreement.blocks.at(0).rules;
  REQUIRE(rules.size() == 5);
  CHECK(rules[0].kind == model::Rule::Kind::Aggregate);
  CHECK(rules[0].attribute.text == "credits");
  CHECK(rules[1].subject.type.text == "interval");
  CHECK(rules[2].subject.type.text == "calendar");
  CHECK(rules[2].target.type.text == "duration");
  CHECK(rules[2].same.at(1).text == "percentile");
  CHECK(rules[3].subject.type.text == "availability");
  // Printed bare (they are not reserved), and the print parses back the same.
  CHECK(rules[1].text == "no interval where period = \"2026-03\" and from = \"x\" and late = true");
  auto again = parse(model::format_agreement(p.agreement));
  REQUIRE(again.ok);
  CHECK(dump(again.agreement) == dump(p.agreement));
}

TEST_CASE("v2 syntax: mistakes are located errors") {
  struct Case {
    const char* rule;
    const char* where;    // line:column of the error
    const char* message;  // part of the message
  };
  const Case cases[] = {
      {"every quarter requires forecast for the month at least 5 days before", "2:43",
       "expected `for the quarter` or `for the period`, found `for the month`"},
      {"every 2 weeks requires forecast for the week before", "2:43", "expected `for the 2 weeks`"},
      {"average duration of call at most 15 every week", "2:11", "`average duration of ...` measures the intervals"},
      {"latest duration of outage at most 8 hours every week", "2:3", "`latest` is not a duration measure"},
      {"at most 2 x every week allowing 1 missed per month", "2:26", "`allowing ... missed` applies only to `at least`"},
      {"at least 80% of call every month", "2:24", "expected"},
      {"at least 80% of call have x = 1 every month or at most 1 failed", "3:1", "expected `when`"},
      {"every t requires q within 2 hours after in at least 80% of cases", "3:1", "expected `every`"},
      {"availability of outage at least 99.5 every month", "2:40", "expected `%`"},
      {"downtime of outage at most 4 business hours every month", "2:32", "expected a unit"},
      {"percentile duration of outage at most 8 hours every month", "2:14", "expected a whole number"},
      {"at least 80% of call have x = 1 every month or at most 1.5 failed when fewer than 4 cases", "2:58",
       "expected a whole number"},
  };
  for (const auto& c : cases) {
    INFO("rule: " << c.rule);
    auto p = parse(std::string("term \"t\"\n  ") + c.rule + "\n");
    std::string lines = diag_lines(p.diags);
    INFO(lines);
    CHECK_FALSE(p.ok);
    CHECK_THAT(lines, Catch::Contains(std::string(c.where) + ":"));
    CHECK_THAT(lines, Catch::Contains(c.message));
  }
}

TEST_CASE("v2 syntax: exact decimals") {
  struct Case {
    const char* text;
    int64_t units;
    int scale;
  };
  const Case ok[] = {{"0", 0, 0}, {"80", 80, 0}, {"99.5", 995, 1}, {"0.05", 5, 2}, {"007.50", 750, 2},
                     {"123456789012345678", 123456789012345678, 0}};
  for (const auto& c : ok) {
    INFO(c.text);
    auto d = model::parse_decimal(c.text);
    REQUIRE(d);
    CHECK(d->units == c.units);
    CHECK(d->scale == c.scale);
  }
  for (const char* bad : {"", ".", "1.", "1.2.3", "1234567890123456789", "-1", "1e5"}) {
    INFO(bad);
    CHECK_FALSE(model::parse_decimal(bad));
  }
  // 100 * num / den against a percentage, exactly.
  auto pct = [](const char* t) { return *model::parse_decimal(t); };
  CHECK(model::compare_share(4, 5, pct("80")) == 0);
  CHECK(model::compare_share(199, 200, pct("99.5")) == 0);
  CHECK(model::compare_share(7, 10, pct("70")) == 0);
  CHECK(model::compare_share(2, 3, pct("66.6666666666666667")) < 0);
  CHECK(model::compare_share(2, 3, pct("66.6666666666666666")) > 0);
  CHECK(model::compare_share(999999, 1000000, pct("99.9999")) == 0);
  CHECK(model::compare_ratio(1, 3, pct("0.333333333333333333")) > 0);
  CHECK(model::compare(pct("99.50"), pct("99.5")) == 0);
  CHECK(model::compare(pct("100"), pct("99.99")) > 0);
}

TEST_CASE("v2 syntax: every version 2 word is a keyword token in any case, and none is reserved") {
  for (const auto& word : model::soft_keyword_list()) {
    INFO("word: " << word);
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto tokens = syntax::detail::lex_for_test(word);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0] == upper + " " + word);
    CHECK(model::is_soft_keyword(upper));
    CHECK_FALSE(model::is_reserved_word(word));
    CHECK(model::written_name(word) == word);
  }
}
