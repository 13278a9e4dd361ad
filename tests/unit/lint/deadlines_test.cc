#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_term(const std::string& lines) { return std::string(kAcmeNorthwind) + "\nterm \"T\"\n" + lines + "\n"; }

std::string acme_with_holiday(const std::string& lines) {
  std::string text = kAcmeNorthwind;
  text.replace(text.find("mon-fri 09:00-17:00"), 19, "mon-fri 09:00-17:00\n  holidays 2026-07-03");
  return text + "\nterm \"T\"\n" + lines + "\n";
}
}  // namespace

// Northwind (Manila, mon-fri 08:00-20:00) is closed 60 hours every weekend; Acme (New York,
// mon-fri 09:00-17:00) 64 hours, 88 hours over the Friday holiday of 3 July.
TEST_CASE("deadline-outside-hours: plain deadlines shorter than the longest closure", "[lint][deadline-outside-hours]") {
  run_cases(lint::kDeadlineOutsideHours,
            {
                {"2 hours fires", with_term("  every ticket requires answer by Northwind within 2 hours after"), 1},
                {"one minute shorter than the weekend fires",
                 with_term("  every ticket requires answer by Northwind within 3599 minutes after"), 1},
                {"exactly the weekend is a near miss",
                 with_term("  every ticket requires answer by Northwind within 60 hours after"), 0},
                {"one minute longer than the weekend is a near miss",
                 with_term("  every ticket requires answer by Northwind within 3601 minutes after"), 0},
                {"business hours are never flagged",
                 with_term("  every ticket requires answer by Northwind within 2 business hours after"), 0},
                {"block responsible decides",
                 with_term("  responsible Acme\n  every ticket requires answer within 2 days after"), 1},
                {"subject by decides when nothing else does",
                 with_term("  every ticket by Acme requires answer within 3 days after"), 0},
                {"a holiday lengthens the closure",
                 acme_with_holiday("  every ticket by Acme requires answer within 3 days after"), 1},
                {"the agreement calendar stands in",
                 with_term("  every ticket requires answer within 1 day after"), 1},
                {"each responsible party is checked",
                 with_term("  responsible Acme, Northwind\n  every ticket requires answer within 62 hours after"), 1},
                {"a round-the-clock desk is never closed",
                 "party Desk\n  business hours mon-sun 00:00-24:00\nparty Client\n"
                 "term \"T\"\n  every ticket requires answer by Desk within 5 minutes after\n",
                 0},
                {"before-deadlines are not deadlines to meet",
                 with_term("  every ticket requires answer by Northwind within 2 hours before"), 0},
            });
}

TEST_CASE("deadline-outside-hours: explains the closure and proposes business time", "[lint][deadline-outside-hours]") {
  auto l = with_term("  every ticket requires answer by Northwind within 2 hours after");
  auto r = lint_text(l);
  const Diagnostic* d = r->first(lint::kDeadlineOutsideHours);
  REQUIRE(d);
  INFO(r->dump());
  CHECK(d->level == DiagLevel::Warning);
  CHECK(d->loc.line == 15);
  CHECK(d->loc.column == 45);  // the `within`
  CHECK_THAT(d->message, Catch::StartsWith("Northwind is closed for 60 hours from Fri 2026-01-02 20:00 to Mon "
                                           "2026-01-05 08:00 Manila time; a 2-hour deadline cannot be met without "
                                           "weekend work"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("write `every ticket requires answer by Northwind within 2 business hours after`"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("within 1 business day after"));

  auto h = lint_text(acme_with_holiday("  every ticket by Acme requires answer within 3 days after"));
  d = h->first(lint::kDeadlineOutsideHours);
  REQUIRE(d);
  INFO(h->dump());
  CHECK_THAT(d->message, Catch::Contains("Acme is closed for 88 hours from Thu 2026-07-02 17:00") &&
                             Catch::Contains("work on a holiday"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("within 3 business days of Acme after"));
}

TEST_CASE("short-notice: less than a day's notice", "[lint][short-notice]") {
  auto rule = [](const std::string& timing) {
    return with_term("  every site_visit by Acme requires notice by Acme with same visit " + timing);
  };
  run_cases(lint::kShortNotice, {
                                    {"4 hours fires", rule("at least 4 hours before"), 1},
                                    {"23 hours in minutes fires", rule("at least 1380 minutes before"), 1},
                                    {"0 business days fires", rule("at least 0 business days before"), 1},
                                    {"7 business hours fires", rule("at least 7 business hours before"), 1},
                                    {"exactly 24 hours is a near miss", rule("at least 24 hours before"), 0},
                                    {"1 day is a near miss", rule("at least 1 day before"), 0},
                                    {"1 business day is a near miss", rule("at least 1 business day before"), 0},
                                    {"8 business hours is a near miss", rule("at least 8 business hours before"), 0},
                                    {"within before is no notice period", rule("within 4 hours before"), 0},
                                });
  auto l = lint_text(rule("at least 4 hours before"));
  const Diagnostic* d = l->first(lint::kShortNotice);
  REQUIRE(d);
  INFO(l->dump());
  CHECK_THAT(d->message, Catch::Contains("4 hours is less than a day"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("with same visit at least 24 hours before`"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("or, to count working days, write") && Catch::Contains("at least 1 business day before`"));
}
