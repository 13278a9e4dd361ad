// The counted time of V2.4's pausing clocks: elapsed time, business time, and the time on
// business days (whole local dates), between two instants and forwards by an amount.
#include <catch2/catch.hpp>

#include "calendar_fixtures.h"

using namespace pactum;
using namespace pactum::calendar;
using namespace pactum::calendar::test;

namespace {

using Counted = BusinessCalendar::Counted;

struct Cals {
  // 2026-03-30 is a Monday; Friday 2026-04-03 is a holiday of `utc`.
  BusinessCalendar utc = make_calendar("UTC", "mon-fri 09:00-17:00", {"2026-04-03"});
  BusinessCalendar ny = make_calendar("America/New_York", "mon-fri 09:00-17:00");
  BusinessCalendar ny_all_week = make_calendar("America/New_York", "mon-sun 09:00-17:00");
  BusinessCalendar night = make_calendar("UTC", "mon-fri 22:00-06:00");
};

const char* name(Counted k) {
  switch (k) {
    case Counted::Elapsed: return "elapsed";
    case Counted::BusinessTime: return "business time";
    case Counted::BusinessDates: return "business dates";
  }
  return "?";
}

double hours(Millis d) { return static_cast<double>(d.count()) / 3'600'000.0; }

}  // namespace

TEST_CASE("counted_between: counted time in [from, to)", "[calendar][counted]") {
  Cals c;
  struct Row {
    const BusinessCalendar* cal;
    Counted kind;
    const char* from;
    const char* to;
    double hours;
    const char* why;
  };
  const Row rows[] = {
      {&c.utc, Counted::Elapsed, "2026-03-30T10:00Z", "2026-04-06T10:00Z", 168, "elapsed: a week"},
      {&c.utc, Counted::Elapsed, "2026-03-30T10:00Z", "2026-03-30T09:00Z", 0, "reversed: nothing"},
      {&c.utc, Counted::BusinessTime, "2026-03-30T10:00Z", "2026-03-30T12:30Z", 2.5, "inside hours"},
      {&c.utc, Counted::BusinessTime, "2026-03-30T16:00Z", "2026-03-31T10:00Z", 2, "across a night"},
      {&c.utc, Counted::BusinessTime, "2026-03-27T16:00Z", "2026-03-30T10:00Z", 2, "across a weekend"},
      {&c.utc, Counted::BusinessTime, "2026-04-02T16:00Z", "2026-04-06T10:00Z", 2, "across the Friday holiday"},
      {&c.utc, Counted::BusinessTime, "2026-03-28T10:00Z", "2026-03-29T10:00Z", 0, "a weekend alone"},
      {&c.night, Counted::BusinessTime, "2026-03-30T23:00Z", "2026-03-31T07:00Z", 7, "a night shift across midnight"},
      {&c.ny, Counted::BusinessTime, "2026-03-06T21:00Z", "2026-03-09T14:00Z", 2, "Fri 16:00 EST to Mon 10:00 EDT"},
      {&c.utc, Counted::BusinessDates, "2026-03-30T10:00Z", "2026-03-31T10:00Z", 24, "business days: a whole day"},
      {&c.utc, Counted::BusinessDates, "2026-03-27T12:00Z", "2026-03-30T12:00Z", 24, "Fri 12:00 to Mon 12:00: no weekend"},
      {&c.utc, Counted::BusinessDates, "2026-04-02T00:00Z", "2026-04-06T00:00Z", 24, "the holiday is no business day"},
      {&c.ny, Counted::BusinessDates, "2026-03-06T05:00Z", "2026-03-10T04:00Z", 48, "Fri and Mon in New York"},
      {&c.ny_all_week, Counted::BusinessDates, "2026-03-08T05:00Z", "2026-03-09T04:00Z", 23,
       "the spring-forward date has 23 hours"},
      {&c.ny_all_week, Counted::BusinessDates, "2026-11-01T04:00Z", "2026-11-02T05:00Z", 25,
       "the fall-back date has 25 hours"},
  };
  for (const auto& row : rows) {
    INFO(name(row.kind) << " from " << row.from << " to " << row.to << " (" << row.why << ")");
    CHECK(hours(row.cal->counted_between(row.kind, at(row.from), at(row.to))) == Approx(row.hours));
  }
}

TEST_CASE("advance_counted: the instant an amount of counted time has elapsed", "[calendar][counted]") {
  Cals c;
  struct Row {
    const BusinessCalendar* cal;
    Counted kind;
    const char* from;
    double hours;
    const char* expected;
    const char* why;
  };
  const Row rows[] = {
      {&c.utc, Counted::Elapsed, "2026-03-30T10:00Z", 8, "2026-03-30T18:00Z", "elapsed"},
      {&c.utc, Counted::BusinessTime, "2026-03-30T10:00Z", 7, "2026-03-30T17:00Z", "used up at closing"},
      {&c.utc, Counted::BusinessTime, "2026-03-30T16:00Z", 2, "2026-03-31T10:00Z", "over the night"},
      {&c.utc, Counted::BusinessTime, "2026-03-27T16:30Z", 3.5, "2026-03-30T12:00Z", "over the weekend"},
      {&c.utc, Counted::BusinessTime, "2026-03-28T10:00Z", 0, "2026-03-30T09:00Z", "0 outside hours: the next opening"},
      {&c.utc, Counted::BusinessTime, "2026-03-30T10:00Z", 0, "2026-03-30T10:00Z", "0 inside hours: itself"},
      {&c.utc, Counted::BusinessTime, "2026-03-30T10:00:00.500Z", 0.5, "2026-03-30T10:30:00.500Z", "milliseconds kept"},
      {&c.utc, Counted::BusinessDates, "2026-03-30T10:00Z", 14, "2026-03-31T00:00Z", "to 24:00 of the day"},
      {&c.utc, Counted::BusinessDates, "2026-03-27T10:00Z", 38, "2026-03-31T00:00Z", "Fri rest + Mon, over the weekend"},
      {&c.utc, Counted::BusinessDates, "2026-04-02T12:00Z", 12 + 24, "2026-04-07T00:00Z", "over the holiday and weekend"},
      {&c.utc, Counted::BusinessDates, "2026-03-28T10:00Z", 24, "2026-03-31T00:00Z", "from a Saturday: Monday"},
      {&c.ny_all_week, Counted::BusinessDates, "2026-03-08T05:00Z", 23, "2026-03-09T04:00Z", "a 23-hour date"},
      {&c.ny, Counted::BusinessTime, "2026-11-02T14:30Z", 0.5, "2026-11-02T15:00Z", "Monday after the fall-back"},
  };
  for (const auto& row : rows) {
    INFO(name(row.kind) << " from " << row.from << " + " << row.hours << " h (" << row.why << ")");
    Millis amount{static_cast<int64_t>(row.hours * 3'600'000)};
    CHECK(show(row.cal->advance_counted(row.kind, at(row.from), amount)) == show(at(row.expected)));
  }
}

TEST_CASE("advance_counted agrees with the version 1 deadlines without pauses", "[calendar][counted]") {
  // A clock that never pauses ends exactly at the V2.1 deadline: business hours as
  // add_business_minutes, business days as business_days_after (from the counted amount).
  Cals c;
  const char* starts[] = {"2026-03-27T16:00Z", "2026-03-28T10:00Z", "2026-04-02T16:59Z", "2026-03-30T00:00Z",
                          "2026-03-06T21:00Z", "2026-11-01T12:00Z"};
  for (const auto* cal : {&c.utc, &c.ny, &c.night}) {
    for (const char* s : starts) {
      for (int n : {1, 3, 8}) {
        INFO(s << ", " << n << " business hours / days");
        Instant a = at(s);
        CHECK(show(cal->advance_counted(Counted::BusinessTime, a, std::chrono::hours{n})) ==
              show(cal->add_business_minutes(a, n * 60)));
        auto deadline = cal->business_days_after(a, n);
        REQUIRE(deadline);
        Millis amount = cal->counted_between(Counted::BusinessDates, a, *deadline);
        CHECK(show(cal->advance_counted(Counted::BusinessDates, a, amount)) == show(deadline));
      }
    }
  }
}
