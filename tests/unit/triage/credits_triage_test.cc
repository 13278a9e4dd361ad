// Credits after triage (spec V2.8): a waived finding is not priced and its credit leaves the
// totals; a finding the baseline accepted is still owed (a baseline only quiets CI) and keeps its
// credit beside it. Over the findings of triage_fixture.h, with `credit` lines added:
//   Tickets are answered|late|T1, |missing|T2, |late|T4 (Northwind, 100 each),
//   Monthly review|too-few|@2026-02-01 (Acme, 50).
#include "tests/unit/triage/triage_fixture.h"

using namespace pactum;
using namespace pactum::triage_test;

namespace {

std::unique_ptr<app::Session> priced() {
  std::string terms = kTerms;
  terms.replace(terms.find("  every ticket"), 0, "  credit 100\n");
  terms.replace(terms.find("  at least 1 review"), 0, "  credit 50\n");
  terms.replace(terms.find("party Acme"), 0, "  currency \"USD\"\n");
  auto s = std::make_unique<app::Session>();
  REQUIRE(s->load_agreement_text("agreement.terms", terms));
  REQUIRE(s->load_log_text("log.yaml", log_text(kEvents), log::Backend::Libyaml));
  s->evaluate(instant("2026-03-31T12:00:00Z"));
  INFO(s->render_errors(false));
  REQUIRE(!s->errors.has_errors());
  return s;
}

// "Northwind 200.00 (Jan 200.00)": each party's owed total and its months.
std::string totals(const app::Session& s) {
  std::string out;
  for (const auto& [party, t] : s.credits.by_party) {
    out += fmt::format("{}{} {}", out.empty() ? "" : "; ", party, credits::cents_text(t.owed));
    for (const auto& p : s.credits.by_period)
      if (p.party == party)
        out += fmt::format(" ({} {})", format_instant(p.window.start, s.agreement->zone).substr(0, 7),
                           credits::cents_text(p.totals.owed));
  }
  return out;
}

}  // namespace

TEST_CASE("credits: waived findings are not owed, baselined ones are", "[triage][credits]") {
  struct Row {
    const char* name;
    std::vector<std::string> waive, baseline;  // briefs
    std::string totals;
    std::vector<std::string> baselined_credits;  // "brief amount"
  };
  const std::vector<Row> rows = {
      {"nothing set apart", {}, {}, "Acme 50.00 (2026-02 50.00); Northwind 300.00 (2026-01 300.00)", {}},
      {"a waived late ticket", {"Tickets are answered|late|T1"}, {},
       "Acme 50.00 (2026-02 50.00); Northwind 200.00 (2026-01 200.00)", {}},
      {"the waived window: Acme owes nothing", {"Monthly review|too-few|@2026-02-01"}, {},
       "Acme 0.00; Northwind 300.00 (2026-01 300.00)", {}},
      {"a baselined ticket is still owed", {}, {"Tickets are answered|late|T4"},
       "Acme 50.00 (2026-02 50.00); Northwind 300.00 (2026-01 300.00)", {"Tickets are answered|late|T4 100.00"}},
      {"both", {"Tickets are answered|missing|T2"}, {"Tickets are answered|late|T1", "Monthly review|too-few|@2026-02-01"},
       "Acme 50.00 (2026-02 50.00); Northwind 200.00 (2026-01 200.00)",
       {"Tickets are answered|late|T1 100.00", "Monthly review|too-few|@2026-02-01 50.00"}},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto s = priced();
      auto ids = [&](const std::vector<std::string>& names) {
        std::vector<std::string> out;
        for (const auto& n : names) out.push_back(id_of(*s, n));
        return out;
      };
      if (!row.waive.empty()) {
        std::string text = "waivers:\n";
        for (const auto& id : ids(row.waive))
          text += "  - id: " + id + "\n    owner: Acme\n    reason: agreed\n    until: 2026-12-31\n";
        Diagnostics errors;
        uint32_t file = s->sources.add_text("waivers.yaml", text);
        s->waivers = triage::read_waivers(file, text, s->ast, s->agreement->zone, errors);
        REQUIRE(s->waivers);
      }
      if (!row.baseline.empty()) {
        std::string text = R"({"pactum_baseline": 1, "findings": [)";
        for (const auto& id : ids(row.baseline))
          text += (text.back() == '[' ? "" : ",") + fmt::format(R"({{"id": "{}"}})", id);
        text += "]}";
        Diagnostics errors;
        uint32_t file = s->sources.add_text("baseline.json", text);
        s->baseline = triage::read_baseline(file, text, errors);
        INFO(text);
        REQUIRE(s->baseline);
      }
      s->apply_triage(instant("2026-04-01T00:00:00Z"));
      CHECK(totals(*s) == row.totals);
      std::vector<std::string> baselined;
      REQUIRE(s->credits.baselined.size() == s->triaged.baselined.size());
      for (size_t i = 0; i < s->triaged.baselined.size(); ++i) {
        REQUIRE(s->credits.baselined[i]);
        baselined.push_back(brief(*s, s->triaged.baselined[i]) + " " + credits::cents_text(s->credits.baselined[i]->amount));
      }
      CHECK(baselined == row.baselined_credits);
      // Every finding left keeps its own credit.
      REQUIRE(s->credits.charges.size() == s->outcome.findings.size());
      for (size_t i = 0; i < s->outcome.findings.size(); ++i) CHECK(s->credits.charges[i]);
    }
  }
}
