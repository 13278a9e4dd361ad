// V2.1, local times that a daylight-saving change skips or repeats: every local time the
// calendar produces (openings, closings, window edges, 24:00 deadlines) in a gap is the first
// instant after the gap, in a fold the earlier instant; business hours are compared as instants;
// a window holds exactly the instants from its start to the next window's start; a business day
// is a date with some business time left, measured in instants.
//
// Zones and their 2026 changes (tzdata): America/New_York 03-08 02:00->03:00, 11-01 02:00->01:00;
// Europe/Berlin 03-29 02:00->03:00, 10-25 03:00->02:00; America/Havana changes at midnight:
// 03-08 00:00->01:00 (the day starts at 01:00) and 11-01 01:00->00:00 (00:00-01:00 twice);
// America/Santiago 09-06 00:00->01:00; Pacific/Apia skipped the whole of 2011-12-30.
// Expected instants were computed independently with Python's zoneinfo.
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

}  // namespace

TEST_CASE("V2.1 openings and closings in a gap or a fold") {
  struct Row {
    const char* tz;
    const char* hours;
    const char* day;
    const char* expected;  // open_intervals of that date, as UTC instants
    const char* why;
  };
  const Row rows[] = {
      {"America/New_York", "sun 02:30-04:00", "2026-03-08", "[2026-03-08T07:00:00+00:00, 2026-03-08T08:00:00+00:00)",
       "opening 02:30 in the gap: 03:00 EDT, the first instant after it"},
      {"America/New_York", "sun 02:30-04:00", "2026-03-15", "[2026-03-15T06:30:00+00:00, 2026-03-15T08:00:00+00:00)",
       "a week later: 1 h 30"},
      {"America/New_York", "sun 01:30-03:00", "2026-11-01", "[2026-11-01T05:30:00+00:00, 2026-11-01T08:00:00+00:00)",
       "opening 01:30 in the fold: the earlier 01:30 EDT; 2 h 30 of instants"},
      {"America/New_York", "sun 00:00-01:30", "2026-11-01", "[2026-11-01T04:00:00+00:00, 2026-11-01T05:30:00+00:00)",
       "closing 01:30 in the fold: the earlier one; the second pass is closed"},
      {"America/New_York", "sun 02:00-03:00", "2026-03-08", "(none)", "hours wholly inside the gap: no business time"},
      {"America/New_York", "sat 22:00-02:30", "2026-03-08", "[2026-03-08T05:00:00+00:00, 2026-03-08T07:00:00+00:00)",
       "night span: its morning part ends where the gap ends"},
      {"Europe/Berlin", "sun 02:15-02:45", "2026-10-25", "[2026-10-25T00:15:00+00:00, 2026-10-25T00:45:00+00:00)",
       "the first pass (CEST) only"},
      {"Europe/Berlin", "sun 02:15-02:45", "2026-03-29", "(none)", "inside the Berlin gap"},
      {"America/Havana", "mon-sun 00:00-24:00", "2026-03-08", "[2026-03-08T05:00:00+00:00, 2026-03-09T04:00:00+00:00)",
       "midnight in a gap: the date begins at 01:00 CDT"},
      {"America/Havana", "mon-sun 00:00-24:00", "2026-11-01", "[2026-11-01T04:00:00+00:00, 2026-11-02T05:00:00+00:00)",
       "midnight in a fold: the earlier 00:00; a 25-hour date"},
      {"America/Santiago", "mon-sun 00:00-24:00", "2026-09-05", "[2026-09-05T04:00:00+00:00, 2026-09-06T04:00:00+00:00)",
       "24:00 in the gap: the gap's end"},
      {"Pacific/Apia", "mon-fri 09:00-17:00", "2011-12-30", "(none)", "a date the zone skips entirely"},
  };
  for (const auto& row : rows) {
    INFO(row.tz << " " << row.hours << " on " << row.day << " (" << row.why << ")");
    auto cal = make_calendar(row.tz, row.hours);
    CHECK(show(cal.open_intervals(day(row.day))) == row.expected);
    CHECK(cal.is_business_day(day(row.day)) == (std::string(row.expected) != "(none)"));
  }
}

TEST_CASE("V2.1 business hours are compared as instants, never as wall-clock readings") {
  struct Row {
    const char* tz;
    const char* hours;
    const char* t;
    bool open;
    const char* why;
  };
  const Row rows[] = {
      {"America/New_York", "sun 00:00-01:30", "2026-11-01T05:15Z", true, "01:15 EDT, first pass"},
      {"America/New_York", "sun 00:00-01:30", "2026-11-01T06:15Z", false, "01:15 EST reads as 01:15 but is after 01:30 EDT"},
      {"America/New_York", "sun 01:30-03:00", "2026-11-01T06:15Z", true, "01:15 EST lies between 01:30 EDT and 03:00 EST"},
      {"America/New_York", "sun 01:30-03:00", "2026-11-01T05:15Z", false, "01:15 EDT: before the opening"},
      {"America/New_York", "sun 02:30-04:00", "2026-03-08T06:59Z", false, "01:59 EST: before the gap"},
      {"America/New_York", "sun 02:30-04:00", "2026-03-08T07:00Z", true, "03:00 EDT: the opening moved to the gap's end"},
      {"Europe/Berlin", "sun 02:15-02:45", "2026-10-25T00:30Z", true, "02:30 CEST"},
      {"Europe/Berlin", "sun 02:15-02:45", "2026-10-25T01:30Z", false, "02:30 CET, the second pass"},
      {"America/Havana", "sun 00:00-00:30", "2026-11-01T04:15Z", true, "00:15 CDT"},
      {"America/Havana", "sun 00:00-00:30", "2026-11-01T05:15Z", false, "00:15 CST: after 00:30 CDT"},
  };
  for (const auto& row : rows) {
    INFO(row.tz << " " << row.hours << " at " << row.t << " (" << row.why << ")");
    CHECK(make_calendar(row.tz, row.hours).is_open(at(row.t)) == row.open);
  }
}

TEST_CASE("V2.1 24:00 deadlines and business days across gaps and folds") {
  struct Row {
    const char* tz;
    const char* hours;
    const char* a;
    int64_t n;
    const char* deadline;
    const char* why;
  };
  const Row rows[] = {
      {"America/Santiago", "mon-sat 09:00-17:00", "2026-09-05T14:00Z", 0, "2026-09-06T04:00Z",
       "Saturday's 24:00 is in the midnight gap: 01:00 -03"},
      {"America/Havana", "mon-sat 09:00-17:00", "2026-03-07T15:00Z", 0, "2026-03-08T05:00Z",
       "Havana: 24:00 of Saturday 03-07 is the gap's end"},
      {"America/Havana", "mon-sat 09:00-17:00", "2026-10-31T15:00Z", 0, "2026-11-01T04:00Z",
       "Havana: 24:00 of Saturday 10-31 is the earlier of the two midnights"},
      {"America/New_York", "sun 02:00-03:00", "2026-03-07T15:00Z", 0, "2026-03-16T04:00Z",
       "Sunday 03-08 has only gap hours: not a business day; Sunday 03-15 is"},
      {"America/New_York", "sun 02:00-03:00", "2026-03-01T15:00Z", 1, "2026-03-16T04:00Z",
       "N = 1 from Sunday 03-01 skips 03-08 too"},
      {"Pacific/Apia", "mon-fri 09:00-17:00", "2011-12-29T22:00Z", 1, "2012-01-02T10:00Z",
       "Thursday 12:00; Friday 2011-12-30 does not exist: Monday 01-02, 24:00 +14"},
  };
  for (const auto& row : rows) {
    INFO(row.tz << " " << row.hours << ", A = " << row.a << ", N = " << row.n << " (" << row.why << ")");
    auto cal = make_calendar(row.tz, row.hours);
    CHECK(show(cal.business_days_after(at(row.a), row.n)) == show(at(row.deadline)));
  }
}

TEST_CASE("V2.1 known defect: 7-day windows anchored at a wall-clock time inside a fold") {
  // No effective period: windows start at the first event, 01:30 EDT on Sunday 2026-10-25. The
  // second window starts on 11-01 at 01:30, which occurs twice: the earlier instant, 05:30Z.
  // 01:15 EST (06:15Z) reads as 01:15, "before 01:30", but comes 45 minutes after that edge.
  auto ny = zone("America/New_York");
  auto weeks = WindowSequence::anchored_at(period(Unit::Days, 7), ny, at("2026-10-25T05:30Z"));
  CHECK(show(weeks.containing(at("2026-10-25T05:30Z"))) == "[2026-10-25T05:30:00+00:00, 2026-11-01T05:30:00+00:00)");
  CHECK(show(weeks.containing(at("2026-11-01T05:15Z"))) == "[2026-10-25T05:30:00+00:00, 2026-11-01T05:30:00+00:00)");
  CHECK(show(weeks.containing(at("2026-11-01T06:15Z"))) == "[2026-11-01T05:30:00+00:00, 2026-11-08T06:30:00+00:00)");
  CHECK(show(weeks.containing(at("2026-11-01T05:30Z"))) == "[2026-11-01T05:30:00+00:00, 2026-11-08T06:30:00+00:00)");
  CHECK(show(weeks.complete_windows(at("2026-10-25T05:30Z"), at("2026-11-01T06:15Z"))) ==
        "[2026-10-25T05:30:00+00:00, 2026-11-01T05:30:00+00:00)");

  // The same path serves `N months`.
  auto months = WindowSequence::anchored_at(period(Unit::Months, 1), ny, at("2026-10-01T05:30Z"));
  CHECK(show(months.containing(at("2026-11-01T06:15Z"))) == "[2026-11-01T05:30:00+00:00, 2026-12-01T06:30:00+00:00)");
  CHECK(show(months.containing(at("2026-11-01T05:15Z"))) == "[2026-10-01T05:30:00+00:00, 2026-11-01T05:30:00+00:00)");

  // Anchored at the second pass itself: the first window starts exactly there (complete, judged).
  auto daily = WindowSequence::anchored_at(period(Unit::Days, 1), ny, at("2026-11-01T06:15Z"));
  CHECK(show(daily.containing(at("2026-11-01T06:15Z"))) == "[2026-11-01T06:15:00+00:00, 2026-11-02T06:15:00+00:00)");
  CHECK(show(daily.complete_windows(at("2026-11-01T06:15Z"), at("2026-11-03T07:00Z"))) ==
        "[2026-11-01T06:15:00+00:00, 2026-11-02T06:15:00+00:00) [2026-11-02T06:15:00+00:00, 2026-11-03T06:15:00+00:00)");
}

TEST_CASE("V2.1 window edges at midnight in zones that change at midnight") {
  auto havana = zone("America/Havana");
  WindowSequence days(period(Unit::Day), havana, day("2026-01-01"));
  struct Row {
    const char* t;
    const char* window;
    const char* why;
  };
  const Row rows[] = {
      {"2026-03-08T04:59Z", "[2026-03-07T05:00:00+00:00, 2026-03-08T05:00:00+00:00)", "23:59 CST on 03-07"},
      {"2026-03-08T05:00Z", "[2026-03-08T05:00:00+00:00, 2026-03-09T04:00:00+00:00)", "03-08 begins at 01:00 CDT"},
      {"2026-10-31T23:00Z", "[2026-10-31T04:00:00+00:00, 2026-11-01T04:00:00+00:00)", "19:00 CDT on 10-31"},
      {"2026-11-01T04:30Z", "[2026-11-01T04:00:00+00:00, 2026-11-02T05:00:00+00:00)", "00:30 CDT, first pass"},
      {"2026-11-01T05:30Z", "[2026-11-01T04:00:00+00:00, 2026-11-02T05:00:00+00:00)", "00:30 CST, second pass"},
  };
  for (const auto& row : rows) {
    INFO(row.t << " (" << row.why << ")");
    CHECK(show(days.containing(at(row.t))) == row.window);
  }
  // A month starting in the midnight gap, a week ending in the fold.
  WindowSequence months(period(Unit::Month), zone("America/Santiago"), day("2026-01-01"));
  CHECK(show(months.containing(at("2026-09-10T12:00Z"))) == "[2026-09-01T04:00:00+00:00, 2026-10-01T03:00:00+00:00)");
  // A date the zone skipped entirely leaves an empty day window: it is stepped over.
  WindowSequence apia(period(Unit::Day), zone("Pacific/Apia"), day("2011-12-01"));
  CHECK(show(apia.complete_windows(at("2011-12-29T10:00Z"), at("2011-12-31T10:00Z"))) ==
        "[2011-12-29T10:00:00+00:00, 2011-12-30T10:00:00+00:00) [2011-12-30T10:00:00+00:00, 2011-12-31T10:00:00+00:00)");
}

TEST_CASE("V2.1 a window holds exactly the instants from its start to the next window's start") {
  // Every 7 minutes across each change: the window found contains the instant, is not empty, and
  // the window after it starts where it ends.
  struct Seq {
    const char* name;
    WindowSequence seq;
    const char* from;
    const char* to;
  };
  auto ny = zone("America/New_York");
  const Seq seqs[] = {
      {"NY days", WindowSequence(period(Unit::Day), ny, day("2026-01-01")), "2026-10-31T00:00Z", "2026-11-03T00:00Z"},
      {"NY 7 days at 01:30", WindowSequence::anchored_at(period(Unit::Days, 7), ny, at("2026-10-25T05:30Z")),
       "2026-10-31T00:00Z", "2026-11-09T00:00Z"},
      {"NY 1 day at 01:15 EST", WindowSequence::anchored_at(period(Unit::Days, 1), ny, at("2026-11-01T06:15Z")),
       "2026-11-01T06:15Z", "2026-11-04T00:00Z"},
      {"NY 1 day at 02:30 (gap)", WindowSequence::anchored_at(period(Unit::Days, 1), ny, at("2026-03-01T07:30Z")),
       "2026-03-06T00:00Z", "2026-03-11T00:00Z"},
      {"Berlin weeks", WindowSequence(period(Unit::Week), zone("Europe/Berlin"), day("2026-01-01")),
       "2026-10-20T00:00Z", "2026-11-05T00:00Z"},
      {"Berlin 1 day at 02:30", WindowSequence::anchored_at(period(Unit::Days, 1), zone("Europe/Berlin"),
                                                            at("2026-10-20T00:30Z")),
       "2026-10-23T00:00Z", "2026-10-28T00:00Z"},
      {"Havana days", WindowSequence(period(Unit::Day), zone("America/Havana"), day("2026-01-01")),
       "2026-10-30T00:00Z", "2026-11-03T00:00Z"},
      {"Apia days", WindowSequence(period(Unit::Day), zone("Pacific/Apia"), day("2011-12-01")), "2011-12-28T00:00Z",
       "2012-01-02T00:00Z"},
  };
  for (const auto& s : seqs) {
    INFO(s.name);
    for (Instant t = at(s.from); t < at(s.to); t += std::chrono::minutes{7}) {
      Interval w = s.seq.containing(t);
      INFO("t = " << show(t) << ", window " << show(w));
      REQUIRE(w.start <= t);
      REQUIRE(t < w.end);
      REQUIRE(show(s.seq.next(w).start) == show(w.end));
    }
  }
}
