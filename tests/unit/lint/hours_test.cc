#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
// Two parties and a meeting rule over an effective period; hours and holidays as given.
std::string meeting(const std::string& from, const std::string& to, const std::string& a, const std::string& b) {
  return "agreement \"Hours\"\n  effective " + from + " to " + to + "\n  timezone \"UTC\"\n" + a + "\n" + b +
         "\nterm \"Meetings\"\n  every meeting occurs within business hours of A and B\n";
}
const std::string kLondon5 = "party A\n  timezone \"Europe/London\"\n  business hours mon-fri 08:00-13:00";
const std::string kLondon6 = "party A\n  timezone \"Europe/London\"\n  business hours mon-fri 08:00-14:00";
const std::string kLondonMonday = "party A\n  timezone \"Europe/London\"\n  business hours mon 08:00-14:00";
const std::string kNewYork = "party B\n  timezone \"America/New_York\"\n  business hours mon-fri 08:00-12:00";
// 22:00-23:00 Tokyo is 13:00-14:00 UTC all year (no DST in Japan).
const std::string kTokyo = "party A\n  timezone \"Asia/Tokyo\"\n  business hours mon-fri 22:00-23:00";
const std::string kNewYorkOffice = "party B\n  timezone \"America/New_York\"\n  business hours mon-fri 09:00-17:00";
}  // namespace

TEST_CASE("impossible-hours: no common business time across zones", "[lint][impossible-hours]") {
  run_cases(
      lint::kImpossibleHours,
      {
          {"New York and Manila never overlap",
           std::string(kAcmeNorthwind) + "\nterm \"M\"\n  every meeting occurs within business hours of Acme and Northwind\n", 1},
          {"one party alone always overlaps",
           std::string(kAcmeNorthwind) + "\nterm \"M\"\n  every meeting occurs within business hours of Northwind\n", 0},
          // Summer: London 07-12 UTC and New York 12-16 UTC touch at 12:00 but share no minute.
          {"touching hours in summer fire", meeting("2026-04-01", "2026-10-24", kLondon5, kNewYork), 1},
          // Exactly one common hour (12:00-13:00 UTC) is enough.
          {"exactly one hour of overlap is a near miss", meeting("2026-04-01", "2026-10-24", kLondon6, kNewYork), 0},
          // Between the US (8 March) and UK (29 March) clock changes they overlap 12:00-13:00 UTC.
          {"DST: overlap only between the two clock changes counts",
           meeting("2026-01-01", "2026-12-31", kLondon5, kNewYork), 0},
          // Tokyo 13-14 UTC, New York 14-22 UTC in winter but 13-21 UTC in summer.
          {"DST: zero overlap in winter alone fires", meeting("2026-01-01", "2026-03-07", kTokyo, kNewYorkOffice), 1},
          {"DST: overlap in summer makes the year possible", meeting("2026-01-01", "2026-12-31", kTokyo, kNewYorkOffice), 0},
          // A one-week period whose only shared hour falls on A's holiday.
          {"holiday closes the only overlap",
           meeting("2026-06-01", "2026-06-07", kLondonMonday + "\n  holidays 2026-06-01", kNewYork), 1},
          {"without the holiday the hour is shared", meeting("2026-06-01", "2026-06-07", kLondonMonday, kNewYork), 0},
      });
}

TEST_CASE("impossible-hours: an error that shows each side's hours on the other's clock", "[lint][impossible-hours]") {
  auto l = lint_text(std::string(kAcmeNorthwind) +
                     "\nterm \"M\"\n  every meeting occurs within business hours of Acme and Northwind\n");
  const Diagnostic* d = l->first(lint::kImpossibleHours);
  REQUIRE(d);
  INFO(l->dump());
  CHECK(d->level == DiagLevel::Error);
  CHECK(d->loc.line == 15);
  // Acme 09:00-17:00 New York is 22:00-06:00 Manila in winter, 21:00-05:00 in summer.
  CHECK_THAT(d->message, Catch::Contains("Mon-Fri 22:00-06:00 (overnight) in Manila time"));
  CHECK_THAT(d->message, Catch::Contains("Mon-Fri 21:00-05:00 (overnight) from 2026-03-09"));
  CHECK_THAT(d->message, Catch::Contains("Sun-Thu 19:00-07:00 (overnight) in New York time, Sun-Thu 20:00-08:00 (overnight) from 2026-03-09"));
  CHECK_THAT(d->notes.at(0), Catch::Contains("write `every meeting occurs within business hours of Acme`"));
  // Closest in summer: Northwind closes 20:00 Manila (12:00 UTC), Acme opens 09:00 New York (13:00 UTC).
  CHECK_THAT(d->notes.at(1), Catch::Contains("Northwind closes at 20:00 Manila time and Acme opens 1 hour later"));
  CHECK_THAT(d->notes.at(1), Catch::Contains("`business hours mon-fri 08:00-22:00` for Northwind"));
}

TEST_CASE("impossible-hours: a party closed for the whole period", "[lint][impossible-hours]") {
  auto l = lint_text(meeting("2026-06-01", "2026-06-07", kLondonMonday + "\n  holidays 2026-06-01", kNewYork));
  const Diagnostic* d = l->first(lint::kImpossibleHours);
  REQUIRE(d);
  INFO(l->dump());
  CHECK_THAT(d->message, Catch::StartsWith("A has no business time at all between 2026-06-01 and 2026-06-07"));
}

TEST_CASE("impossible-hours: the suggested hours really do overlap", "[lint][impossible-hours]") {
  std::string fixed = std::string(kAcmeNorthwind);
  fixed.replace(fixed.find("08:00-20:00"), 11, "08:00-22:00");
  auto l = lint_text(fixed + "\nterm \"M\"\n  every meeting occurs within business hours of Acme and Northwind\n");
  INFO(l->dump());
  CHECK(l->count(lint::kImpossibleHours) == 0);
}

TEST_CASE("impossible-hours: without an effective period the current year is used", "[lint][impossible-hours]") {
  std::string text = "party A\n  timezone \"Asia/Tokyo\"\n  business hours mon-fri 22:00-23:00\n" + kNewYorkOffice +
                     "\nterm \"M\"\n  every meeting occurs within business hours of A and B\n";
  auto l = lint_text(text, 2026);
  INFO(l->dump());
  CHECK(l->count(lint::kImpossibleHours) == 0);  // the summer overlap of 2026
  CHECK_THAT(text, Catch::Contains("Tokyo"));
}
