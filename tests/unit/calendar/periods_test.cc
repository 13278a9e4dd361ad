// Calendar windows in a zone: day, ISO week, month, quarter, year, and N days/weeks/months from
// an anchor (spec 5, "Calendar periods").
#include <catch2/catch.hpp>

#include "calendar_fixtures.h"
#include "engine/calendar/periods.h"

using namespace pactum;
using namespace pactum::calendar;
using namespace pactum::calendar::test;
using Unit = model::Period::Unit;

namespace {

model::Period period(Unit unit, int64_t count = 1) {
  model::Period p;
  p.unit = unit;
  p.count = count;
  return p;
}

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::Day: return "day";
    case Unit::Week: return "week";
    case Unit::Month: return "month";
    case Unit::Quarter: return "quarter";
    case Unit::Year: return "year";
    case Unit::Days: return "days";
    case Unit::Weeks: return "weeks";
    case Unit::Months: return "months";
  }
  return "?";
}

}  // namespace

TEST_CASE("containing: the window of an instant, with local-midnight edges") {
  struct Row {
    Unit unit;
    int64_t count;
    const char* tz;
    const char* anchor;
    const char* t;
    const char* start;
    const char* end;
    int hours;  // window length, 0: not checked
  };
  const Row rows[] = {
      {Unit::Day, 1, "America/New_York", "2026-01-01", "2026-03-08T12:00Z", "2026-03-08T05:00Z", "2026-03-09T04:00Z", 23},
      {Unit::Day, 1, "America/New_York", "2026-01-01", "2026-11-01T12:00Z", "2026-11-01T04:00Z", "2026-11-02T05:00Z", 25},
      {Unit::Day, 1, "Asia/Kolkata", "2026-01-01", "2026-01-12T20:00Z", "2026-01-12T18:30Z", "2026-01-13T18:30Z", 24},
      // America/Santiago changes at midnight: 2026-09-06 begins at 01:00 (-03), and
      // 23:00-24:00 of 2026-04-04 happens twice.
      {Unit::Day, 1, "America/Santiago", "2026-01-01", "2026-09-05T12:00Z", "2026-09-05T04:00Z", "2026-09-06T04:00Z", 24},
      {Unit::Day, 1, "America/Santiago", "2026-01-01", "2026-09-06T12:00Z", "2026-09-06T04:00Z", "2026-09-07T03:00Z", 23},
      {Unit::Day, 1, "America/Santiago", "2026-01-01", "2026-04-04T12:00Z", "2026-04-04T03:00Z", "2026-04-05T04:00Z", 25},
      {Unit::Week, 1, "Europe/Berlin", "2026-01-01", "2026-03-29T12:00Z", "2026-03-22T23:00Z", "2026-03-29T22:00Z", 167},
      {Unit::Week, 1, "Europe/Berlin", "2026-01-01", "2026-10-25T12:00Z", "2026-10-18T22:00Z", "2026-10-25T23:00Z", 169},
      {Unit::Week, 1, "America/New_York", "2026-01-01", "2026-03-08T12:00Z", "2026-03-02T05:00Z", "2026-03-09T04:00Z", 167},
      {Unit::Week, 1, "America/New_York", "2026-01-01", "2026-03-10T12:00Z", "2026-03-09T04:00Z", "2026-03-16T04:00Z", 168},
      {Unit::Week, 1, "UTC", "2026-01-01", "2026-01-01T12:00Z", "2025-12-29T00:00Z", "2026-01-05T00:00Z", 168},
      {Unit::Week, 1, "UTC", "2026-01-01", "2026-01-04T23:59Z", "2025-12-29T00:00Z", "2026-01-05T00:00Z", 168},
      {Unit::Week, 1, "UTC", "2026-01-01", "2026-01-05T00:00Z", "2026-01-05T00:00Z", "2026-01-12T00:00Z", 168},
      {Unit::Month, 1, "UTC", "2026-01-01", "2026-02-15T00:00Z", "2026-02-01T00:00Z", "2026-03-01T00:00Z", 672},
      {Unit::Month, 1, "Asia/Kolkata", "2026-01-01", "2026-01-31T20:00Z", "2026-01-31T18:30Z", "2026-02-28T18:30Z", 672},
      {Unit::Month, 1, "Europe/Berlin", "2026-01-01", "2026-03-15T00:00Z", "2026-02-28T23:00Z", "2026-03-31T22:00Z", 743},
      {Unit::Quarter, 1, "UTC", "2026-01-01", "2026-05-20T00:00Z", "2026-04-01T00:00Z", "2026-07-01T00:00Z", 0},
      {Unit::Quarter, 1, "UTC", "2026-01-01", "2026-12-31T23:59Z", "2026-10-01T00:00Z", "2027-01-01T00:00Z", 0},
      {Unit::Quarter, 1, "UTC", "2026-01-01", "2026-01-01T00:00Z", "2026-01-01T00:00Z", "2026-04-01T00:00Z", 0},
      {Unit::Quarter, 1, "UTC", "2026-01-01", "2026-03-31T23:59:59Z", "2026-01-01T00:00Z", "2026-04-01T00:00Z", 0},
      {Unit::Quarter, 1, "America/New_York", "2026-01-01", "2026-04-01T03:00Z", "2026-01-01T05:00Z", "2026-04-01T04:00Z", 0},
      {Unit::Year, 1, "Asia/Manila", "2026-01-01", "2026-12-31T16:30Z", "2026-12-31T16:00Z", "2027-12-31T16:00Z", 8760},
      {Unit::Year, 1, "UTC", "2026-01-01", "2026-06-01T00:00Z", "2026-01-01T00:00Z", "2027-01-01T00:00Z", 8760},
      {Unit::Days, 10, "UTC", "2026-01-01", "2026-01-15T00:00Z", "2026-01-11T00:00Z", "2026-01-21T00:00Z", 240},
      {Unit::Days, 10, "UTC", "2026-01-01", "2026-01-01T00:00Z", "2026-01-01T00:00Z", "2026-01-11T00:00Z", 240},
      {Unit::Days, 10, "UTC", "2026-01-01", "2025-12-25T00:00Z", "2025-12-22T00:00Z", "2026-01-01T00:00Z", 240},
      {Unit::Days, 10, "UTC", "2026-01-01", "2025-12-21T23:59Z", "2025-12-12T00:00Z", "2025-12-22T00:00Z", 240},
      {Unit::Days, 7, "America/New_York", "2026-03-05", "2026-03-10T12:00Z", "2026-03-05T05:00Z", "2026-03-12T04:00Z", 167},
      {Unit::Weeks, 2, "UTC", "2026-01-01", "2026-01-20T00:00Z", "2026-01-15T00:00Z", "2026-01-29T00:00Z", 336},
      {Unit::Weeks, 2, "UTC", "2026-01-01", "2025-12-31T00:00Z", "2025-12-18T00:00Z", "2026-01-01T00:00Z", 336},
      {Unit::Months, 3, "UTC", "2026-02-01", "2026-06-10T00:00Z", "2026-05-01T00:00Z", "2026-08-01T00:00Z", 0},
      {Unit::Months, 3, "UTC", "2026-02-01", "2026-01-10T00:00Z", "2025-11-01T00:00Z", "2026-02-01T00:00Z", 0},
      {Unit::Months, 1, "UTC", "2026-01-31", "2026-02-15T00:00Z", "2026-01-31T00:00Z", "2026-02-28T00:00Z", 0},
      {Unit::Months, 1, "UTC", "2026-01-31", "2026-02-28T00:00Z", "2026-02-28T00:00Z", "2026-03-31T00:00Z", 0},
      {Unit::Months, 1, "UTC", "2026-01-31", "2026-03-01T00:00Z", "2026-02-28T00:00Z", "2026-03-31T00:00Z", 0},
      {Unit::Months, 1, "UTC", "2026-01-31", "2026-03-31T00:00Z", "2026-03-31T00:00Z", "2026-04-30T00:00Z", 0},
      {Unit::Months, 1, "UTC", "2026-01-31", "2026-01-30T00:00Z", "2025-12-31T00:00Z", "2026-01-31T00:00Z", 0},
      {Unit::Months, 1, "America/New_York", "2026-01-15", "2026-03-20T12:00Z", "2026-03-15T04:00Z", "2026-04-15T04:00Z", 0},
  };
  for (const auto& row : rows) {
    INFO(row.count << " " << unit_name(row.unit) << " in " << row.tz << " from " << row.anchor << ", containing "
                   << row.t);
    WindowSequence seq(period(row.unit, row.count), zone(row.tz), day(row.anchor));
    auto w = seq.containing(at(row.t));
    CHECK(show(w) == show(Interval{at(row.start), at(row.end)}));
    if (row.hours) CHECK(std::chrono::duration_cast<std::chrono::hours>(w.end - w.start).count() == row.hours);
  }
}

TEST_CASE("windows are laid end to end: next() starts where the last ended") {
  const Unit units[] = {Unit::Day, Unit::Week, Unit::Month, Unit::Quarter, Unit::Year,
                        Unit::Days, Unit::Weeks, Unit::Months};
  for (const char* tz : {"America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Santiago"}) {
    for (Unit unit : units) {
      int64_t count = (unit == Unit::Days || unit == Unit::Weeks || unit == Unit::Months) ? 3 : 1;
      WindowSequence seq(period(unit, count), zone(tz), day("2026-01-31"));
      auto w = seq.containing(at("2025-06-01T00:00Z"));
      for (int i = 0; i < 60 && w.start < at("2028-01-01T00:00Z"); ++i) {
        INFO(tz << " " << unit_name(unit) << " window " << show(w));
        REQUIRE(w.start < w.end);
        CHECK(show(seq.containing(w.start)) == show(w));
        CHECK(show(seq.containing(w.end - Millis{1})) == show(w));
        auto n = seq.next(w);
        CHECK(show(n.start) == show(w.end));
        w = n;
      }
    }
  }
}

TEST_CASE("complete_windows: only windows lying wholly inside [from, to]") {
  struct Row {
    Unit unit;
    int64_t count;
    const char* from;
    const char* to;
    const char* starts;  // local dates (UTC zone) of the windows, space-separated
  };
  const Row rows[] = {
      {Unit::Week, 1, "2026-01-01T00:00Z", "2026-02-01T00:00Z", "2026-01-05 2026-01-12 2026-01-19"},
      {Unit::Month, 1, "2026-01-01T00:00Z", "2026-04-01T00:00Z", "2026-01-01 2026-02-01 2026-03-01"},
      {Unit::Month, 1, "2026-01-01T00:00:01Z", "2026-04-01T00:00Z", "2026-02-01 2026-03-01"},
      {Unit::Month, 1, "2026-01-01T00:00Z", "2026-03-31T23:59Z", "2026-01-01 2026-02-01"},
      {Unit::Day, 1, "2026-01-05T10:00Z", "2026-01-08T10:00Z", "2026-01-06 2026-01-07"},
      {Unit::Days, 10, "2026-01-01T00:00Z", "2026-02-01T00:00Z", "2026-01-01 2026-01-11 2026-01-21"},
      {Unit::Quarter, 1, "2026-01-01T00:00Z", "2027-01-01T00:00Z", "2026-01-01 2026-04-01 2026-07-01 2026-10-01"},
      {Unit::Year, 1, "2026-01-01T00:00Z", "2026-12-31T00:00Z", ""},
      {Unit::Day, 1, "2026-01-05T00:00Z", "2026-01-05T00:00Z", ""},
      {Unit::Day, 1, "2026-01-06T00:00Z", "2026-01-05T00:00Z", ""},
  };
  for (const auto& row : rows) {
    INFO(row.count << " " << unit_name(row.unit) << " over " << row.from << " .. " << row.to);
    WindowSequence seq(period(row.unit, row.count), zone("UTC"), day("2026-01-01"));
    std::string starts;
    for (const auto& w : seq.complete_windows(at(row.from), at(row.to)))
      starts += (starts.empty() ? "" : " ") + date::format("%F", date::floor<date::days>(w.start));
    CHECK(starts == row.starts);
  }

  // Absurdly long windows are capped, not overflowed.
  WindowSequence huge(period(Unit::Months, 1000000000), zone("UTC"), day("2026-01-01"));
  auto w = huge.containing(at("2026-06-01T00:00Z"));
  CHECK(show(w.start) == show(at("2026-01-01T00:00Z")));
  CHECK(w.end > at("2300-01-01T00:00Z"));

  // In a zone: a year of weeks from a local Monday midnight, DST weeks included.
  WindowSequence weeks(period(Unit::Week), zone("Europe/Berlin"), day("2026-01-01"));
  auto all = weeks.complete_windows(at("2026-01-05T00:00+01:00"), at("2027-01-04T00:00+01:00"));
  CHECK(all.size() == 52);
}
