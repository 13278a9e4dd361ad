// Numbers through the whole pipeline compare as the decimals they are written as
// (engine/base/exact_decimal.h): an aggregate's total or average against its bound, a condition
// on an integer beyond 2^53, `with same` and `include` on 18-digit numbers.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

TEST_CASE("5.6 totals and averages of decimals are exact: 0.1 + 0.2 is at most 0.3", "[eval][aggregate][exact]") {
  auto kpi = [](const char* id, const char* day, const char* value) {
    return std::string("{id: ") + id + ", at: 2026-01-" + day + "T10:00:00Z, type: kpi, v: " + value + "}";
  };
  const std::string as_of = "2026-02-01T00:00:00Z";
  const std::string w = "@2026-01-01T00:00:00+00:00";
  auto rule = [](const std::string& r) { return utc("expectation \"P\"\n  " + r + "\n"); };
  check_cases({
      {"total at most, met exactly", rule("total v of kpi at most 0.3 every month"),
       events({kpi("K-1", "05", "0.1"), kpi("K-2", "06", "0.2")}), as_of, {}},
      {"total at least, met exactly", rule("total v of kpi at least 0.8 every month"),
       events({kpi("K-1", "05", "0.7"), kpi("K-2", "06", "0.1")}), as_of, {}},
      {"average at most, met exactly", rule("average v of kpi at most 0.15 every month"),
       events({kpi("K-1", "05", "0.1"), kpi("K-2", "06", "0.2")}), as_of, {}},
      {"average of three at least, met exactly", rule("average v of kpi at least 0.7 every month"),
       events({kpi("K-1", "05", "0.6"), kpi("K-2", "06", "0.7"), kpi("K-3", "07", "0.8")}), as_of, {}},
      {"total at most, above by the least step", rule("total v of kpi at most 0.3 every month"),
       events({kpi("K-1", "05", "0.1"), kpi("K-2", "06", "0.2000000001")}), as_of,
       {"P|1|above-target|unassigned|" + w + " K-1,K-2"}},
      {"average at least, below by the least step", rule("average v of kpi at least 0.15 every month"),
       events({kpi("K-1", "05", "0.1"), kpi("K-2", "06", "0.19999999")}), as_of,
       {"P|1|below-target|unassigned|" + w + " K-1,K-2"}},
      {"total with exponents and signs", rule("total v of kpi at most 2.4995 every month"),
       events({kpi("K-1", "05", "1e3"), kpi("K-2", "06", "-0.001"), kpi("K-3", "07", "2.5"),
               kpi("K-4", "08", "-1000"), kpi("K-5", "09", "0.0005")}),
       as_of, {}},
  });
}

TEST_CASE("the value a finding shows for a sum is the exact sum's", "[eval][aggregate][exact]") {
  auto s = run(utc("expectation \"P\"\n  total v of kpi at most 0.25 every month\n"),
               events({"{id: K-1, at: 2026-01-05T10:00:00Z, type: kpi, v: 0.1}",
                       "{id: K-2, at: 2026-01-06T10:00:00Z, type: kpi, v: 0.2}"}),
               "2026-02-01T00:00:00Z");
  REQUIRE(s->outcome.findings.size() == 1);
  CHECK(s->outcome.findings.front().message.find("was 0.3 in January 2026") != std::string::npos);
  CHECK(dump_measured(*s).find("value=0.3 ") != std::string::npos);
}

TEST_CASE("conditions, `with same` and `include` tell apart numbers one double would merge", "[eval][exact]") {
  const std::string as_of = "2026-03-01T00:00:00Z";
  check_cases({
      {"`!=` on 2^53 + 1", utc("term \"C\"\n  no debit where account != 9007199254740993\n"),
       events({"{id: D-1, at: 2026-01-05T10:00:00Z, type: debit, account: 9007199254740992}",
               "{id: D-2, at: 2026-01-06T10:00:00Z, type: debit, account: 9007199254740993}"}),
       "", {"C|1|forbidden|unassigned|D-1"}},
      {"`>` on 2^53 + 1", utc("term \"C\"\n  no debit where account > 9007199254740992\n"),
       events({"{id: D-1, at: 2026-01-05T10:00:00Z, type: debit, account: 9007199254740993}"}), "",
       {"C|1|forbidden|unassigned|D-1"}},
      {"`=` still holds for 7.0 and 7", utc("term \"C\"\n  no debit where account = 7\n"),
       events({"{id: D-1, at: 2026-01-05T10:00:00Z, type: debit, account: 7.0}"}), "",
       {"C|1|forbidden|unassigned|D-1"}},
      {"`> 0` on 1e-300", utc("term \"C\"\n  no debit where amount > 0\n"),
       events({"{id: D-1, at: 2026-01-05T10:00:00Z, type: debit, amount: 1e-300}"}), "",
       {"C|1|forbidden|unassigned|D-1"}},
      {"`> 0` on 1e-400, nearer to zero than any double (read as 0, compared as written)",
       utc("term \"C\"\n  no debit where amount > 0\n"),
       events({"{id: D-1, at: 2026-01-05T10:00:00Z, type: debit, amount: 1e-400}",
               "{id: D-2, at: 2026-01-06T10:00:00Z, type: debit, amount: -1e-400}"}),
       "", {"C|1|forbidden|unassigned|D-1"}},
      {"`with same` on 18-digit order numbers",
       utc("term \"C\"\n  every order requires confirmation with same order_no within 2 days after\n"),
       events({"{id: O-1, at: 2026-01-05T10:00:00Z, type: order, order_no: 123456789012345678}",
               "{id: C-1, at: 2026-01-05T11:00:00Z, type: confirmation, order_no: 123456789012345679}"}),
       as_of, {"C|1|missing|unassigned|O-1"}},
      {"`with same`: 42, 42.0 and 4.2e1 are one key",
       utc("term \"C\"\n  every order requires confirmation with same order_no within 2 days after\n"),
       events({"{id: O-1, at: 2026-01-05T10:00:00Z, type: order, order_no: 42}",
               "{id: C-1, at: 2026-01-05T11:00:00Z, type: confirmation, order_no: 42.0}",
               "{id: O-2, at: 2026-01-06T10:00:00Z, type: order, order_no: 4.2e1}",
               "{id: C-2, at: 2026-01-06T11:00:00Z, type: confirmation, order_no: 42}"}),
       as_of, {}},
      {"`include` on 18-digit numbers", utc("term \"C\"\n  no debit where accounts include 123456789012345679\n"),
       events({"{id: D-1, at: 2026-01-05T10:00:00Z, type: debit, accounts: [123456789012345678]}",
               "{id: D-2, at: 2026-01-06T10:00:00Z, type: debit, accounts: [1, 123456789012345679]}"}),
       "", {"C|1|forbidden|unassigned|D-2"}},
  });
}
