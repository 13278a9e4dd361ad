#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_target(const std::string& rule) {
  return std::string(kAcmeNorthwind) + "\nexpectation \"Quality\"\n  responsible Northwind\n  " + rule + "\n";
}
}  // namespace

TEST_CASE("perfection-target: near-perfect floors and zero ceilings", "[lint][perfection-target]") {
  run_cases(lint::kPerfectionTarget,
            {
                {"100% fires", with_target("average value of kpi_report where kpi = \"quality\" at least 100% every month"), 1},
                {"99.5% fires", with_target("average value of kpi_report at least 99.5% every month"), 1},
                {"minimum 99.9% fires", with_target("minimum value of kpi_report at least 99.9% every week"), 1},
                {"at most 0 fires", with_target("total errors of qa_report at most 0 every month"), 1},
                {"99.4% is a near miss", with_target("average value of kpi_report at least 99.4% every month"), 0},
                {"99.5 without % is not a percentage", with_target("average value of kpi_report at least 99.5 every month"), 0},
                {"at most 1 is a near miss", with_target("total errors of qa_report at most 1 every month"), 0},
                {"at least 0 is no ceiling", with_target("total errors of qa_report at least 0 every month"), 0},
            });
}

TEST_CASE("perfection-target: points at the bound and proposes a rewrite", "[lint][perfection-target]") {
  auto l = lint_text(with_target("average value of kpi_report at least 99.5% every month"));
  const Diagnostic* d = l->first(lint::kPerfectionTarget);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->level == DiagLevel::Warning);
  CHECK(d->loc.line == 16);
  CHECK(d->loc.column == 40);
  CHECK(d->width == 5);
  CHECK_THAT(d->message, Catch::Contains("0.5 points") && Catch::Contains("fewer than 200"));
  CHECK_THAT(d->notes.front(), Catch::Contains("write `average value of kpi_report at least 99% every month`"));

  auto zero = lint_text(with_target("total errors of qa_report at most 0 every month"));
  d = zero->first(lint::kPerfectionTarget);
  REQUIRE(d);
  INFO(zero->dump());
  CHECK_THAT(d->notes.at(0), Catch::Contains("`total errors of qa_report at most 1 every month`"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("`no qa_report where errors > 0`"));
}

TEST_CASE("perfection-target: shares of events and of activations (V2.3)", "[lint][perfection-target][share]") {
  const std::string answered = "every ticket by Acme requires answer by Northwind with same ticket within 4 business hours after";
  run_cases(lint::kPerfectionTarget,
            {
                {"events at least 99.5% fires", with_target("at least 99.5% of call have wait_s <= 20 every month"), 1},
                {"events at least 100% fires", with_target("at least 100% of call have wait_s <= 20 every month"), 1},
                {"events at least 99.49% is a near miss", with_target("at least 99.49% of call have wait_s <= 20 every month"), 0},
                {"events at most 0% fires", with_target("at most 0% of call have abandoned = true every month"), 1},
                {"events at most 0.5% is a near miss", with_target("at most 0.5% of call have abandoned = true every month"), 0},
                {"a small-sample clause does not excuse it",
                 with_target("at least 99.9% of call have wait_s <= 20 every month or at most 1 failed when fewer than 50 cases"), 1},
                {"activations at least 99.5% fires", with_target(answered + " in at least 99.5% of cases every month"), 1},
                {"activations at least 99% is a near miss", with_target(answered + " in at least 99% of cases every month"), 0},
            });
}

TEST_CASE("perfection-target on shares: numbers, place and rewrites", "[lint][perfection-target][share]") {
  auto l = lint_text(with_target("at least 99.5% of call have wait_s <= 20 every month"));
  const Diagnostic* d = l->first(lint::kPerfectionTarget);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->loc.line == 16);
  CHECK(d->loc.column == 12);
  CHECK(d->width == 5);
  CHECK_THAT(d->message, Catch::Contains("a single `call` without `wait_s <= 20` breaks the term in any month with fewer "
                                         "than 200 of them"));
  CHECK_THAT(d->notes.front(), Catch::Contains("write `at least 99% of call have wait_s <= 20 every month`"));

  // 100 - 99.95 = 0.05: one failure is tolerated only from 2000 cases on (exactly, no rounding).
  auto fine = lint_text(with_target("at least 99.95% of call have wait_s <= 20 every month"));
  d = fine->first(lint::kPerfectionTarget);
  REQUIRE(d);
  CHECK_THAT(d->message, Catch::Contains("fewer than 2000 of them"));

  auto zero = lint_text(with_target("at most 0% of call where queue = \"sales\" have abandoned = true every month"));
  d = zero->first(lint::kPerfectionTarget);
  REQUIRE(d);
  INFO(zero->dump());
  CHECK_THAT(d->notes.at(0), Catch::Contains("`at most 1% of call where queue = \"sales\" have abandoned = true every month`"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("`no call where queue = \"sales\" and abandoned = true`"));

  auto activations = lint_text(with_target(
      "every ticket by Acme requires answer by Northwind with same ticket within 4 business hours after in at least 100% "
      "of cases every week"));
  d = activations->first(lint::kPerfectionTarget);
  REQUIRE(d);
  INFO(activations->dump());
  CHECK_THAT(d->message, Catch::Contains("every single `ticket by Acme` of the week must succeed"));
  CHECK_THAT(d->notes.front(), Catch::Contains("in at least 99% of cases every week`"));
}
