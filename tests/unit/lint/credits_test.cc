// Lint of service credits as written (spec V2.8): credit-never-applies, cap-below-credit,
// tiers-not-monotone; each fires at the credit line, says the numbers and proposes a rewrite.
#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {

// An agreement with a fee, an optional cap and one block; `credits` are the block's credit
// lines, `rules` its rules (each a full line).
std::string agreement(const std::string& credits, const std::string& rules, const std::string& cap = "") {
  return "agreement \"Credits\"\n  effective 2026-01-01 to 2026-12-31\n  timezone \"UTC\"\n  currency \"USD\"\n"
         "  fee monthly_fee 10000\n" +
         cap + "party Acme\nparty Northwind\n\nterm \"Priced\"\n  responsible Northwind\n" + credits + rules;
}

const std::string kDeadline = "  every ticket requires answer by Northwind with same ticket within 4 hours after\n";
const std::string kNoticeBefore = "  every visit requires notice by Acme with same visit at least 2 days before\n";
const std::string kForbidden = "  no outage\n";
const std::string kCount = "  at most 2 escalation every month\n";
const std::string kHours = "  every call occurs within business hours of Northwind\n";
const std::string kMonthlyCap = "  credits at most 1200 every month\n";

}  // namespace

TEST_CASE("credit-never-applies: per day late without a deadline, when measured without a measured value",
          "[lint][credits]") {
  run_cases(lint::kCreditNeverApplies,
            {
                {"per day late, no deadline rule", agreement("  credit 100 per day late\n", kForbidden + kCount), 1},
                {"per hour late on `at least D before`", agreement("  credit 100 per hour late\n", kNoticeBefore), 1},
                {"per day late with a `within D after` rule: near miss",
                 agreement("  credit 100 per day late\n", kForbidden + kDeadline), 0},
                {"per day late with `no later than`: near miss",
                 agreement("  credit 100 per day late\n", "  every order requires shipment with same order no later than due\n"), 0},
                {"when measured, no measured value", agreement("  credit 100 when measured above 3\n", kForbidden + kHours), 1},
                {"when measured on a count: near miss", agreement("  credit 100 when measured above 3\n", kForbidden + kCount), 0},
                {"when measured on a deadline's delay: near miss",
                 agreement("  credit 100 when measured above 24\n", kDeadline), 0},
                {"per day late and when measured, a count but no deadline",
                 agreement("  credit 100 per day late when measured above 3\n", kCount), 1},
                {"a plain credit always applies", agreement("  credit 100\n", kForbidden), 0},
                {"two lines, one never applies",
                 agreement("  credit 100\n  credit 50 per day late\n", kForbidden), 1},
            });
}

TEST_CASE("credit-never-applies: at the credit line, with the fix", "[lint][credits]") {
  auto l = lint_text(agreement("  credit 100\n  credit 250 per day late\n", kForbidden));
  INFO(l->dump());
  const Diagnostic* d = l->first(lint::kCreditNeverApplies);
  REQUIRE(d);
  CHECK(d->level == DiagLevel::Warning);
  CHECK(d->loc.line == 12);
  CHECK(d->loc.column == 3);
  CHECK(d->width == 6);
  CHECK_THAT(d->message, Catch::Contains("`credit 250 per day late` never applies") &&
                             Catch::Contains("no rule of \"Priced\" has a deadline"));
  CHECK_THAT(d->notes.front(), Catch::Contains("write `credit 250`"));

  auto m = lint_text(agreement("  credit 100 when measured below 99%\n", kForbidden));
  INFO(m->dump());
  d = m->first(lint::kCreditNeverApplies);
  REQUIRE(d);
  CHECK_THAT(d->message, Catch::Contains("rule 1 of \"Priced\" has no measured value"));
  CHECK_THAT(d->notes.front(), Catch::Contains("drop the condition: write `credit 100`"));
}

TEST_CASE("cap-below-credit: one finding's credit as written exceeds the cap", "[lint][credits]") {
  run_cases(lint::kCapBelowCredit,
            {
                {"1500 over a cap of 1200", agreement("  credit 1500\n", kForbidden, kMonthlyCap), 1},
                {"equal to the cap: near miss", agreement("  credit 1200\n", kForbidden, kMonthlyCap), 0},
                {"1200.01 over 1200", agreement("  credit 1200.01\n", kForbidden, kMonthlyCap), 1},
                {"13% of 10000 over 1200", agreement("  credit 13% of monthly_fee\n", kForbidden, kMonthlyCap), 1},
                {"12% of 10000 is the cap: near miss", agreement("  credit 12% of monthly_fee\n", kForbidden, kMonthlyCap), 0},
                {"one day late over the cap",
                 agreement("  credit 2000 per day late\n", kDeadline, kMonthlyCap), 1},
                {"per day late, one day below the cap (several days may exceed it): near miss",
                 agreement("  credit 500 per day late\n", kDeadline, kMonthlyCap), 0},
                {"a cap as a fee percentage", agreement("  credit 600\n", kForbidden, "  credits at most 5% of monthly_fee every month\n"), 1},
                {"no cap", agreement("  credit 1000000\n", kForbidden), 0},
            });
  auto l = lint_text(agreement("  credit 1500\n", kForbidden, kMonthlyCap));
  INFO(l->dump());
  const Diagnostic* d = l->first(lint::kCapBelowCredit);
  REQUIRE(d);
  CHECK(d->loc.line == 12);
  CHECK_THAT(d->message, Catch::Contains("`credit 1500` charges 1500.00 USD for one finding, more than the cap of "
                                         "1200.00 USD per party and month"));
  CHECK_THAT(d->notes.front(), Catch::Contains("write `credit 1200`") &&
                                   Catch::Contains("`credits at most 1500 every month`"));
}

TEST_CASE("tiers-not-monotone: a worse tier charging less", "[lint][credits]") {
  run_cases(lint::kTiersNotMonotone,
            {
                {"above: higher threshold, smaller amount",
                 agreement("  credit 800 when measured above 5\n  credit 500 when measured above 10\n", kCount), 1},
                {"above: growing amounts: near miss",
                 agreement("  credit 500 when measured above 5\n  credit 800 when measured above 10\n", kCount), 0},
                {"above: equal amounts: near miss",
                 agreement("  credit 500 when measured above 5\n  credit 500 when measured above 10\n", kCount), 0},
                {"below: lower threshold, smaller amount",
                 agreement("  credit 800 when measured below 99\n  credit 500 when measured below 95\n", kCount), 1},
                {"below: growing amounts: near miss",
                 agreement("  credit 500 when measured below 99\n  credit 800 when measured below 95\n", kCount), 0},
                {"above and below are not compared",
                 agreement("  credit 800 when measured above 5\n  credit 500 when measured below 10\n", kCount), 0},
                {"fee percentages compared exactly",
                 agreement("  credit 8% of monthly_fee when measured above 5\n  credit 700 when measured above 10\n", kCount), 1},
                {"different `per` are not compared",
                 agreement("  credit 800 when measured above 5\n  credit 100 per day late when measured above 10\n",
                           kDeadline),
                 0},
                {"three tiers, the top one undercut once",
                 agreement("  credit 100 when measured above 1\n  credit 300 when measured above 5\n"
                           "  credit 200 when measured above 10\n",
                           kCount),
                 1},
            });
  auto l = lint_text(agreement("  credit 800 when measured above 5\n  credit 500 when measured above 10\n", kCount));
  INFO(l->dump());
  const Diagnostic* d = l->first(lint::kTiersNotMonotone);
  REQUIRE(d);
  CHECK(d->loc.line == 12);
  CHECK_THAT(d->message, Catch::Contains("`credit 500 when measured above 10` charges 500.00 USD, less than the "
                                         "800.00 USD of `credit 800 when measured above 5`"));
  CHECK_THAT(d->notes.front(), Catch::Contains("`credit 800 when measured above 10` and `credit 500 when measured above 5`"));
}
