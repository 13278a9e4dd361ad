#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_term(const std::string& lines) { return std::string(kAcmeNorthwind) + "\nterm \"T\"\n" + lines + "\n"; }
}  // namespace

TEST_CASE("contradiction: rules that cannot all hold", "[lint][contradiction]") {
  run_cases(lint::kContradiction,
            {
                {"at least 3 and at most 2 fire",
                 with_term("  at least 3 review by Northwind every week\n  at most 2 review by Northwind every week"), 1},
                {"at least 3 and at most 3 agree",
                 with_term("  at least 3 review by Northwind every week\n  at most 3 review by Northwind every week"), 0},
                {"different periods are not compared",
                 with_term("  at least 3 review by Northwind every week\n  at most 2 review by Northwind every month"), 0},
                {"different patterns are not compared",
                 with_term("  at least 3 review by Northwind every week\n  at most 2 review by Acme every week"), 0},
                {"no P and at least 1 P fire, across blocks",
                 with_term("  no site_visit by Acme") + "\nterm \"U\"\n  at least 1 site_visit by Acme every month\n", 1},
                {"a narrower prohibition is a near miss",
                 with_term("  no site_visit by Acme where announced = false\n  at least 1 site_visit by Acme every month"),
                 0},
                {"aggregate floor above ceiling fires",
                 with_term("  average value of kpi_report at least 80% every month\n"
                           "  average value of kpi_report at most 70% every month"),
                 1},
                {"averages of different periods still contradict",
                 with_term("  average value of kpi_report at least 80% every month\n"
                           "  average value of kpi_report at most 70% every quarter"),
                 1},
                {"totals of different periods do not",
                 with_term("  total value of kpi_report at least 80 every month\n"
                           "  total value of kpi_report at most 70 every quarter"),
                 0},
                {"equal bounds are a near miss",
                 with_term("  average value of kpi_report at least 80% every month\n"
                           "  average value of kpi_report at most 80% every month"),
                 0},
                {"different aggregates are not compared",
                 with_term("  minimum value of kpi_report at least 80% every month\n"
                           "  average value of kpi_report at most 70% every month"),
                 0},
            });
}

TEST_CASE("contradiction: an error at the later rule naming the earlier one", "[lint][contradiction]") {
  auto l = lint_text(with_term("  at most 2 review by Northwind every week\n  at least 3 review by Northwind every week"));
  const Diagnostic* d = l->first(lint::kContradiction);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->level == DiagLevel::Error);
  CHECK(d->loc.line == 16);
  CHECK_THAT(d->message, Catch::Contains("at least 3 and at most 2 review by Northwind every week"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("line 15") && Catch::Contains("`at most 2 review by Northwind every week`"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("write `at least 2 review by Northwind every week`"));
}

TEST_CASE("contradiction: one entry per rule, naming the first earlier rule it contradicts", "[lint][contradiction]") {
  // Lines 15..: at least 5, at least 3, at most 4, at most 2, at most 1 (same pattern and period).
  auto l = lint_text(with_term("  at least 5 review every week\n  at least 3 review every week\n"
                               "  at most 4 review every week\n  at most 2 review every week\n"
                               "  at most 1 review every week"));
  INFO(l->dump());
  std::vector<std::pair<uint32_t, std::string>> got;
  for (const auto& d : l->entries)
    if (d.code == lint::kContradiction) got.emplace_back(d.loc.line, d.notes.at(0));
  REQUIRE(got.size() == 3);  // each at-most rule once, against the first at-least that exceeds it
  CHECK(got[0].first == 17);
  CHECK_THAT(got[0].second, Catch::Contains("line 15"));
  CHECK(got[1].first == 18);
  CHECK_THAT(got[1].second, Catch::Contains("line 15"));
  CHECK(got[2].first == 19);
  CHECK_THAT(got[2].second, Catch::Contains("line 15"));
}
