// Table-driven tests of the pricing stage (spec V2.8), through the whole pipeline as `pactum
// check` runs it. Dumps, one line each:
//   charges: the finding line of eval_fixture.h, " => ", then the amount and who owes it
//            ("=> 750.00 Vendor", "=> 100.00 A 33.33, B 33.33, C 33.33"), or "=> -" unpriced;
//   ledger:  "by_period PARTY START accrued/capped/owed" in report order, then
//            "by_party PARTY accrued/capped/owed".
#pragma once
#include <string>
#include <vector>

#include "engine/credits/money.h"
#include "tests/unit/app/eval_fixture.h"

namespace pactum::credits_test {

using eval_test::instant;

inline std::string owers(const credits::Charge& c) {
  std::string out;
  for (size_t i = 0; i < c.owed_by.size(); ++i) {
    out += (i ? ", " : "") + c.owed_by[i];
    if (c.owed_by.size() > 1) out += " " + credits::cents_text(c.shares[i]);
  }
  return out;
}

inline std::string dump_charges(const app::Session& s) {
  std::string out;
  for (size_t i = 0; i < s.outcome.findings.size(); ++i) {
    out += eval_test::finding_line(s, s.outcome.findings[i]) + " => ";
    const credits::Charge* c = s.credits.charge_of(i);
    out += c ? credits::cents_text(c->amount) + " " + owers(*c) : "-";
    out += "\n";
  }
  return out;
}

inline std::string totals(const credits::Totals& t) {
  return credits::cents_text(t.accrued) + "/" + credits::cents_text(t.capped) + "/" + credits::cents_text(t.owed);
}

inline std::string dump_ledger(const app::Session& s) {
  std::string out;
  for (const auto& p : s.credits.by_period)
    out += "by_period " + p.party + " " + format_instant(p.window.start, s.agreement->zone) + " " + totals(p.totals) + "\n";
  for (const auto& [party, t] : s.credits.by_party) out += "by_party " + party + " " + totals(t) + "\n";
  return out;
}

struct Case {
  const char* name;
  std::string terms;
  std::string log;
  std::string as_of;
  std::vector<std::string> charges;      // empty: not compared
  std::vector<std::string> ledger = {};  // empty: not compared
};

inline void check_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO("case: " << c.name);
    auto s = eval_test::run(c.terms, c.log, c.as_of);
    INFO("warnings:\n" << eval_test::warnings_text(*s));
    CHECK(s->credits.enabled);
    if (!c.charges.empty()) CHECK(dump_charges(*s) == eval_test::lines(c.charges));
    if (!c.ledger.empty()) CHECK(dump_ledger(*s) == eval_test::lines(c.ledger));
  }
}

// Two parties in UTC for 2026, as eval_fixture's kUtcHeader, plus optional agreement options
// (currency, fees, cap) inserted into the agreement header.
inline std::string header(const std::string& options = "") {
  return "agreement \"T\"\n  effective 2026-01-01 to 2026-12-31\n  timezone \"UTC\"\n" + options +
         "party Acme\nparty Northwind\n";
}

}  // namespace pactum::credits_test
