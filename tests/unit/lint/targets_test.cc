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
