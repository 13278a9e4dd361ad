#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_blocks(const std::string& blocks) { return std::string(kAcmeNorthwind) + "\n" + blocks + "\n"; }
}  // namespace

TEST_CASE("one-sided: every named obligation falls on one party", "[lint][one-sided]") {
  run_cases(lint::kOneSided,
            {
                {"all on Northwind fires",
                 with_blocks("term \"A\"\n  every ticket requires answer by Northwind within 2 business days after\n"
                             "expectation \"B\"\n  responsible Northwind\n  average value of kpi_report at least 80% every month\n"
                             "term \"C\"\n  every meeting occurs within business hours of Acme\n"),
                 1},
                {"one obligation on Acme is a near miss",
                 with_blocks("term \"A\"\n  every ticket requires answer by Northwind within 2 business days after\n"
                             "term \"D\"\n  every data_request requires data_shared by Acme within 3 business days after\n"
                             "expectation \"B\"\n  responsible Northwind\n  average value of kpi_report at least 80% every month\n"),
                 0},
                {"a single fixed rule is not enough",
                 with_blocks("term \"A\"\n  every ticket requires answer by Northwind within 2 business days after\n"
                             "term \"C\"\n  no sla_change\n"),
                 0},
                {"a shared responsibility is not one-sided",
                 with_blocks("term \"A\"\n  responsible Acme, Northwind\n  at least 1 meeting every week\n"
                             "  at least 1 review every month\n"),
                 0},
                {"one declared party is not one-sided",
                 "party Solo\nterm \"A\"\n  at least 1 meeting by Solo every week\n  at most 3 meeting by Solo every week\n", 0},
            });
}

TEST_CASE("one-sided: a `with same `by`` rule is fixed by its text only through a pattern `by` (V2.1)",
          "[lint][one-sided]") {
  const std::string either_party =  // either party may terminate: binds whoever acts, not the block's list
      "term \"T\"\n  responsible Northwind\n"
      "  every termination requires termination_notice with same `by`, contract at least 90 days before\n";
  const std::string nw_rule = "term \"A\"\n  every ticket requires answer by Northwind within 2 business days after\n";
  run_cases(lint::kOneSided,
            {
                {"the acting party does not count: one fixed rule is not enough", with_blocks(nw_rule + either_party),
                 0},
                {"activation pattern names Northwind: fixed on Northwind",
                 with_blocks(nw_rule +
                             "term \"T\"\n  responsible Acme\n  every termination by Northwind requires termination_notice "
                             "with same `by` at least 90 days before\n"),
                 1},
                {"target pattern names Northwind: fixed on Northwind",
                 with_blocks(nw_rule +
                             "term \"T\"\n  every termination requires termination_notice by Northwind with same `by` "
                             "at least 90 days before\n"),
                 1},
                {"activation pattern names Acme: obligations run both ways",
                 with_blocks(nw_rule + "term \"B\"\n  responsible Northwind\n  at least 1 report every week\n" +
                             "term \"T\"\n  every termination by Acme requires termination_notice with same `by` at "
                             "least 90 days before\n"),
                 0},
            });
  auto l = lint_text(with_blocks(nw_rule + either_party));
  auto balance = lint::obligation_balance(*l->resolved);
  CHECK(balance.by_events == 1);  // depends on who acts
  CHECK(balance.unassigned == 0);
}

TEST_CASE("one-sided: shows the obligation balance", "[lint][one-sided]") {
  auto l = lint_text(with_blocks("term \"A\"\n  every ticket requires answer by Northwind within 2 business days after\n"
                                 "  at least 1 report by Northwind every week\n"
                                 "term \"C\"\n  no sla_change\n  every ticket requires answer within 2 business days after\n"));
  const Diagnostic* d = l->first(lint::kOneSided);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->loc.line == 2);  // the `agreement` header
  CHECK_THAT(d->message, Catch::Contains("all 2 rules") && Catch::Contains("Acme 0, Northwind 2") &&
                             Catch::Contains("1 rule depends on who acts") && Catch::Contains("1 rule binds nobody"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("by Northwind requires data_shared by Acme"));
}

TEST_CASE("obligation balance follows the responsible-party rules of section 5", "[lint][balance]") {
  auto l = lint_text(with_blocks(
      "term \"Visits\"\n"
      "  every site_visit by Acme requires notice by Acme with same visit at least 48 hours before\n"  // target by: Acme
      "  every site_visit occurs within business hours of Northwind\n"                            // by events
      "term \"KPI\"\n"
      "  every kpi_change requires approval by Acme with same kpi before\n"       // Acme
      "  every kpi_change requires approval by Northwind with same kpi before\n"  // Northwind
      "term \"Review\"\n  responsible Acme, Northwind\n  at least 1 meeting every week\n"  // both
      "term \"Disputes\"\n  every dispute_raised requires dispute_resolved within 10 business days after\n"  // nobody
      "term \"SLA\"\n  no sla_change\n"                                                           // by events
      "term \"Data\"\n  every data_request by Northwind requires data_shared within 3 business days after\n"  // Northwind
      ));
  auto b = lint::obligation_balance(*l->resolved);
  REQUIRE(b.per_party.size() == 2);
  CHECK(b.per_party[0] == std::make_pair(std::string("Acme"), size_t{3}));
  CHECK(b.per_party[1] == std::make_pair(std::string("Northwind"), size_t{3}));
  CHECK(b.by_events == 2);
  CHECK(b.unassigned == 1);
  CHECK(l->count(lint::kOneSided) == 0);
}

TEST_CASE("conformance case 07: the lint codes it expects", "[lint][conformance]") {
  std::ifstream in(std::string(PACTUM_SOURCE_DIR) + "/tests/conformance/cases/07-lint/agreement.terms");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto l = lint_text(text.str());
  INFO(l->dump());
  for (const char* code : {lint::kImpossibleHours, lint::kContradiction, lint::kPerfectionTarget,
                           lint::kDeadlineOutsideHours, lint::kOneSided})
    CHECK(l->count(code) == 1);
  CHECK(l->entries.size() == 5);
  // Sorted by file, line, column, code.
  for (size_t i = 1; i < l->entries.size(); ++i) CHECK(l->entries[i - 1].loc.line <= l->entries[i].loc.line);
}

// Not run by default: `unit_lint "[.show]"` prints what lint says about a file, for reading the
// wording. LINT_FILE names the agreement (default: the conformance case 07).
TEST_CASE("show lint output", "[.show]") {
  const char* env = std::getenv("LINT_FILE");
  std::string path = env ? env : std::string(PACTUM_SOURCE_DIR) + "/tests/conformance/cases/07-lint/agreement.terms";
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto l = lint_text(text.str());
  std::string balance;
  for (const auto& [party, n] : lint::obligation_balance(*l->resolved).per_party)
    balance += party + " " + std::to_string(n) + "  ";
  WARN(l->dump() + "balance: " + balance);
}
