#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
const char* kBlocks = R"(
expectation "Service levels"
  responsible Northwind
  average value of kpi_report at least 80% every month
  at least 4 review by Northwind every month

term "Reviews"
  at least 2 meeting every week
)";

eval::PeriodicSummary summary(const model::Agreement& a, size_t block, size_t rule, size_t judged, size_t failed,
                              std::optional<double> best) {
  eval::PeriodicSummary s;
  s.block_index = block;
  s.block = &a.blocks[block];
  s.rule = &a.blocks[block].rules[rule];
  s.judged_windows = judged;
  s.failed_windows = failed;
  s.best_value = best;
  return s;
}
}  // namespace

TEST_CASE("never-met: an expectation that failed in every judged window", "[lint][never-met]") {
  auto l = lint_text(std::string(kAcmeNorthwind) + kBlocks);
  const auto& a = l->ast;
  struct Row {
    const char* name;
    eval::PeriodicSummary s;
    size_t expected;
  };
  std::vector<Row> rows{
      {"every month failed", summary(a, 0, 0, 3, 3, 72.456), 1},
      {"one month met is a near miss", summary(a, 0, 0, 3, 2, 81.0), 0},
      {"nothing judged yet", summary(a, 0, 0, 0, 0, std::nullopt), 0},
      {"a term is not an expectation", summary(a, 1, 0, 5, 5, 1.0), 0},
      {"counts fail too", summary(a, 0, 1, 2, 2, 3.0), 1},
      {"no data at all", summary(a, 0, 0, 2, 2, std::nullopt), 1},
      {"not a single review", summary(a, 0, 1, 2, 2, 0.0), 1},
  };
  for (const auto& row : rows) {
    SECTION(row.name) {
      auto out = lint::never_met({row.s});
      REQUIRE(out.size() == row.expected);
      if (!out.empty()) {
        CHECK(out[0].code == lint::kNeverMet);
        CHECK(out[0].level == DiagLevel::Warning);
        CHECK(out[0].loc.line == row.s.rule->loc.line);
        CHECK(!out[0].notes.empty());
      }
    }
  }

  auto out = lint::never_met({summary(a, 0, 0, 3, 3, 72.456)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].message, Catch::Contains("all 3 judged months") && Catch::Contains("best value seen in a month was 72.46%"));
  CHECK_THAT(out[0].notes[0], Catch::Contains("write `average value of kpi_report at least 72% every month`"));
  out = lint::never_met({summary(a, 0, 1, 2, 2, 3.0)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].notes[0], Catch::Contains("write `at least 3 review by Northwind every month`"));
  out = lint::never_met({summary(a, 0, 1, 2, 2, 0.0)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].notes[0], Catch::Contains("check that `review` events are being logged"));
}

TEST_CASE("never-met: shares of events and of activations (V2.3)", "[lint][never-met][share]") {
  auto l = lint_text(std::string(kAcmeNorthwind) + R"(
expectation "Service levels"
  responsible Northwind
  at least 80% of call have wait_s <= 20 every month
  at most 5% of call have abandoned = true every month
  every ticket by Acme requires answer by Northwind with same ticket within 4 business hours after in at least 90% of cases every week

term "Terms"
  at least 80% of call have wait_s <= 20 every month
)");
  const auto& a = l->ast;
  struct Row {
    const char* name;
    eval::PeriodicSummary s;
    size_t expected;
  };
  // The evaluator does not count windows without a case or pending windows as judged.
  std::vector<Row> rows{
      {"every judged window failed", summary(a, 0, 0, 3, 3, 72.5), 1},
      {"one judged window met", summary(a, 0, 0, 3, 2, 72.5), 0},
      {"nothing judged", summary(a, 0, 0, 0, 0, std::nullopt), 0},
      {"activations: every week failed", summary(a, 0, 2, 4, 4, 85.0), 1},
      {"a term is not an expectation", summary(a, 1, 0, 3, 3, 50.0), 0},
  };
  for (const auto& row : rows) {
    SECTION(row.name) { CHECK(lint::never_met({row.s}).size() == row.expected); }
  }

  auto out = lint::never_met({summary(a, 0, 0, 3, 3, 72.456)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].message, Catch::Contains("`at least 80% of call have wait_s <= 20 every month` failed in all 3 judged months") &&
                                 Catch::Contains("the best share seen in a month was 72.45%"));  // never rounded up to a target
  CHECK_THAT(out[0].notes[0], Catch::Contains("write `at least 72% of call have wait_s <= 20 every month`"));
  // 2 of 3 against `at least 66.67%`: 66.66%, not the 66.67% it failed; 1 of 3 against `at most`: 33.34%.
  out = lint::never_met({summary(a, 0, 0, 3, 3, 200.0 / 3)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].message, Catch::Contains("the best share seen in a month was 66.66%"));
  out = lint::never_met({summary(a, 0, 1, 3, 3, 100.0 / 3)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].message, Catch::Contains("the best share seen in a month was 33.34%"));
  out = lint::never_met({summary(a, 0, 1, 2, 2, 7.2)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].notes[0], Catch::Contains("write `at most 8% of call have abandoned = true every month`"));
  out = lint::never_met({summary(a, 0, 2, 1, 1, 85.0)});
  REQUIRE(out.size() == 1);
  CHECK_THAT(out[0].message, Catch::Contains("failed in the only judged week"));
  CHECK_THAT(out[0].notes[0], Catch::Contains("in at least 85% of cases every week`"));
}
