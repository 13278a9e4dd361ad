// `explain` for service credits (issue 10): what each block costs, and the cap, in one sentence
// per credit line.
#include "engine/credits/credit_sentence.h"
#include "tests/unit/app/credits_fixture.h"

using namespace pactum;

namespace {

struct Row {
  const char* name;
  std::string block;  // a block after the header
  std::string expected;
};

const std::string kHeader = R"(agreement "E"
  effective 2026-01-01 to 2026-12-31
  currency "USD"
  fee monthly_fee 10000
  credits at most 1200 every month
party Client
party Vendor
party Partner
interval outage from outage_start to outage_end
)";

}  // namespace

TEST_CASE("credit_sentence: each credit line in plain English", "[credits][explain]") {
  std::vector<Row> rows = {
      {"a fixed amount per finding of a deadline rule",
       "term \"T\"\n  credit 100\n  every ticket by Client requires answer by Vendor with same ticket within 4 hours after\n",
       "Each late or missing answer costs Vendor 100 USD."},
      {"per day late",
       "term \"R\"\n  credit 250 per day late\n  every release requires delivery by Vendor with same release within 2 days after\n",
       "Each late or missing delivery costs Vendor 250 USD per started day late."},
      {"per hour late, owed by whoever the events make responsible",
       "term \"R\"\n  credit 10 per hour late\n  every release requires delivery with same release within 2 days after\n",
       "Each late or missing delivery costs the responsible party 10 USD per started hour late."},
      {"a fee percentage with a tier",
       "expectation \"A\"\n  responsible Vendor\n  credit 5% of monthly_fee\n  credit 8% of monthly_fee when measured below 99\n"
       "  at least 2 report every month\n",
       "Each month with too few report events costs Vendor 5% of monthly_fee (500.00 USD). Each month with too few "
       "report events costs Vendor 8% of monthly_fee (800.00 USD) when the count is below 99. When several credits apply "
       "to one finding, only the largest is charged."},
      {"shared by two parties",
       "term \"S\"\n  responsible Vendor, Partner\n  credit 300\n  at least 1 steering every month\n",
       "Each month with too few steering events costs Vendor and Partner 300 USD in equal shares."},
      {"a tier on a deadline's delay names only late findings",
       "term \"Q\"\n  credit 80 when measured above 24\n  every question requires reply by Vendor with same q within 1 day after\n",
       "Each late reply costs Vendor 80 USD when the delay is above 24 hours."},
      {"a percentage threshold on a share",
       "expectation \"C\"\n  responsible Vendor\n  credit 100 when measured below 95\n"
       "  at least 90% of call have answered = true every month\n",
       "Each month that misses the share of call costs Vendor 100 USD when the share is below 95%."},
      {"a line that never applies says so",
       "term \"N\"\n  credit 50 per day late\n  no outage_start\n",
       "`credit 50 per day late` never applies to the rules of this block."},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    app::Session s;
    std::string text = kHeader + r.block;
    INFO(text);
    REQUIRE(s.load_agreement_text("e.terms", text));
    CHECK(credits::credit_sentence(s.ast.blocks.at(0), *s.agreement) == r.expected);
  }
}

TEST_CASE("credit_sentence: nothing without credit lines; the cap sentence", "[credits][explain]") {
  app::Session s;
  REQUIRE(s.load_agreement_text("e.terms", kHeader + "term \"P\"\n  no outage_start\n"));
  CHECK(credits::credit_sentence(s.ast.blocks.at(0), *s.agreement).empty());
  CHECK(credits::cap_sentence(*s.agreement) == "Credits are capped at 1200 USD per owing party and calendar month.");
  app::Session plain;
  REQUIRE(plain.load_agreement_text("p.terms", "party A\nterm \"P\"\n  no x\n"));
  CHECK(credits::cap_sentence(*plain.agreement).empty());
}
