#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_term(const std::string& lines) { return std::string(kAcmeNorthwind) + "\nterm \"T\"\n" + lines + "\n"; }
}  // namespace

TEST_CASE("cadence-too-dense: more events than business days", "[lint][cadence-too-dense]") {
  run_cases(lint::kCadenceTooDense,
            {
                {"6 a week on mon-fri fires", with_term("  at least 6 review by Northwind every week"), 1},
                {"5 a week on mon-fri is a near miss", with_term("  at least 5 review by Northwind every week"), 0},
                {"2 a day fires", with_term("  at least 2 call every day"), 1},
                {"1 a day is a near miss", with_term("  at least 1 call every day"), 0},
                // 2026's busiest month (July) has 23 weekdays.
                {"24 a month fires", with_term("  at least 24 report by Acme every month"), 1},
                {"23 a month is a near miss", with_term("  at least 23 report by Acme every month"), 0},
                {"block responsible decides",
                 with_term("  responsible Northwind\n  at least 11 review every 2 weeks"), 1},
                {"10 every 2 weeks is a near miss",
                 with_term("  responsible Northwind\n  at least 10 review every 2 weeks"), 0},
                {"the agreement calendar stands in", with_term("  at least 6 review every week"), 1},
            });
}

TEST_CASE("cadence-too-dense: says how many business days there are", "[lint][cadence-too-dense]") {
  auto l = lint_text(with_term("  at least 6 review by Northwind every week"));
  const Diagnostic* d = l->first(lint::kCadenceTooDense);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->level == DiagLevel::Warning);
  CHECK_THAT(d->message, Catch::Contains("Northwind has at most 5 business days in any week"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("write `at least 5 review by Northwind every week`"));

  auto day = lint_text(with_term("  at least 2 call every day"));
  d = day->first(lint::kCadenceTooDense);
  REQUIRE(d);
  INFO(day->dump());
  CHECK_THAT(d->notes.at(0), Catch::Contains("write `at least 1 call every day`"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("`at least 10 call every week`"));
}
