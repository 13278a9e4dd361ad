// Lint for version 2: named calendars (V2.7) wherever a party's calendar is used, never counted as
// parties; `deadline-outside-hours` and `short-notice` on V2.5 `every PERIOD requires ...`.
#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_term(const std::string& lines) { return std::string(kAcmeNorthwind) + "\nterm \"T\"\n" + lines + "\n"; }

// Night: 22:00-23:00 UTC; Acme's New York 09:00-17:00 is 14:00-22:00 UTC in winter and 13:00-21:00
// in summer: the two never share a minute. Office: Berlin 09:00-17:00, which overlaps New York.
const std::string kCalendars = R"(
calendar Night
  timezone "UTC"
  business hours mon-fri 22:00-23:00
calendar Office
  timezone "Europe/Berlin"
  business hours mon-fri 09:00-17:00
calendar Plain
)";

std::string with_calendars(const std::string& lines) {
  return std::string(kAcmeNorthwind) + kCalendars + "\nterm \"T\"\n" + lines + "\n";
}
}  // namespace

TEST_CASE("V2.5 deadline-outside-hours and short-notice", "[lint][v2.5]") {
  run_cases(lint::kDeadlineOutsideHours,
            {
                {"a 2-hour report deadline after the month",
                 with_term("  every month requires report by Northwind for the month within 2 hours after"), 1},
                {"business days are never flagged",
                 with_term("  every month requires report by Northwind for the month within 5 business days after"), 0},
                {"a week is longer than any closure",
                 with_term("  every month requires report by Northwind within 1 week after"), 0},
            });
  run_cases(lint::kShortNotice,
            {
                {"2 hours before the quarter", with_term("  every quarter requires forecast by Acme at least 2 hours before"), 1},
                {"0 business days before the quarter",
                 with_term("  every quarter requires forecast by Acme for the quarter at least 0 business days before"), 1},
                {"5 business days before the quarter",
                 with_term("  every quarter requires forecast by Acme for the quarter at least 5 business days before"), 0},
                {"within D before is not a notice", with_term("  every quarter requires forecast by Acme within 2 hours before"), 0},
            });
}

TEST_CASE("V2.7 impossible-hours with named calendars", "[lint][v2.7]") {
  run_cases(lint::kImpossibleHours,
            {
                {"a calendar that never meets a party", with_calendars("  every call occurs within business hours of Night and Acme"), 1},
                {"two calendars that never meet", with_calendars("  every call occurs within business hours of Night and Office"), 1},
                {"a calendar that meets a party", with_calendars("  every call occurs within business hours of Office and Acme"), 0},
                {"a calendar named twice is one calendar", with_calendars("  every call occurs within business hours of Night and Night"), 0},
            });
  auto l = lint_text(with_calendars("  every call occurs within business hours of Night and Acme"));
  const Diagnostic* d = l->first(lint::kImpossibleHours);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->message.find("Night's mon-fri 22:00-23:00 (UTC)") != std::string::npos);
}

TEST_CASE("V2.7 a calendar without hours inherits the agreement's, as lint shows them", "[lint][v2.7]") {
  // Plain inherits the agreement's default mon-fri 09:00-17:00 (UTC here); Night opens at 22:00.
  auto l = lint_text(with_calendars("  every call occurs within business hours of Plain and Night"));
  const Diagnostic* d = l->first(lint::kImpossibleHours);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->message.find("Plain's mon-fri 09:00-17:00") != std::string::npos);
}

TEST_CASE("V2.7 calendars are not in the obligation balance", "[lint][v2.7]") {
  auto l = lint_text(with_calendars("  every call during business hours of Office requires answer by Acme within 1 business hours of Office after"));
  auto balance = lint::obligation_balance(*l->resolved);
  std::vector<std::string> names;
  for (const auto& [party, n] : balance.per_party) names.push_back(party);
  CHECK(names == std::vector<std::string>{"Acme", "Northwind"});
  CHECK(balance.per_party.front().second == 1);
}
