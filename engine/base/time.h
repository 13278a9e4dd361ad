// Instants, local times and ISO-8601 text. All zone arithmetic goes through Howard Hinnant's
// date/tz library (system tzdata); nothing here adds offsets by hand.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

namespace pactum {

using Millis = std::chrono::milliseconds;
using Instant = date::sys_time<Millis>;     // a UTC instant, millisecond resolution
using LocalTime = date::local_time<Millis>; // a wall-clock time in some zone

// Years the calendar arithmetic accepts; dates outside are input errors (not wrapped silently).
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2300;

// A timestamp as written: a local wall time plus, when given, an explicit UTC offset.
struct ParsedTime {
  LocalTime local{};
  std::optional<std::chrono::minutes> offset;  // Z is +00:00
  bool date_only = false;                       // "2026-01-31" (00:00 of that day)
};

// Parses `YYYY-MM-DD`, `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM|+HHMM]`. Times keep
// milliseconds: fraction digits beyond the third are dropped, not rounded (V2.1).
// Validates calendar dates (2026-02-30 fails) and ranges (24:00 only as 24:00[:00]).
// On failure returns nullopt and, when `why` is given, a short reason.
std::optional<ParsedTime> parse_timestamp(std::string_view text, std::string* why = nullptr);

// Validates a calendar date `YYYY-MM-DD`.
std::optional<date::year_month_day> parse_date(std::string_view text);

enum class LocalResolution { Ok, Nonexistent };

// The instant a wall time in `zone` names: a time in a daylight-saving gap is Nonexistent
// (the caller reports it); a time that exists twice (a fold) means the earlier instant.
struct Resolved {
  Instant instant{};
  LocalResolution status = LocalResolution::Ok;
};
Resolved resolve_local(LocalTime local, const date::time_zone* zone);
// Resolves a parsed time: its own offset when it has one, else `zone`.
Resolved resolve(const ParsedTime& t, const date::time_zone* zone);

// Start of a local day (00:00) in `zone`. If midnight falls in a gap, the instant the day
// actually begins (the end of the gap).
Instant start_of_local_day(date::local_days day, const date::time_zone* zone);
// The local calendar date of an instant in `zone`.
date::local_days local_day(Instant t, const date::time_zone* zone);

// ISO-8601 with the offset that `zone` has at that instant: 2026-01-13T10:00:00-05:00.
// Milliseconds are printed only when non-zero.
std::string format_instant(Instant t, const date::time_zone* zone);
// The same text appended to `out` (a report writes hundreds of thousands of them).
void append_instant(std::string& out, Instant t, const date::time_zone* zone);
// UTC with exactly three fraction digits: 2026-01-13T15:00:00.000Z (finding ids, V2.9).
std::string format_utc_millis(Instant t);
// "Tue 2026-01-13 10:00" local time in `zone`, for human-readable reports.
std::string format_local(Instant t, const date::time_zone* zone);

// Looks up an IANA zone name; nullptr when unknown (never throws).
const date::time_zone* find_zone(const std::string& name);

}  // namespace pactum
