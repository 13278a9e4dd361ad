#include "engine/base/time.h"

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>

namespace pactum {

namespace {

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool at_end() const { return i >= s.size(); }
  char peek() const { return at_end() ? '\0' : s[i]; }
  bool digits(size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    out = v;
    return true;
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
};

bool fail(std::string* why, const char* reason) {
  if (why) *why = reason;
  return false;
}

bool read_date(Cursor& c, date::year_month_day& ymd, std::string* why) {
  int y, m, d;
  if (!c.digits(4, y) || !c.eat('-') || !c.digits(2, m) || !c.eat('-') || !c.digits(2, d))
    return fail(why, "expected a date YYYY-MM-DD");
  ymd = date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)};
  if (!ymd.ok()) return fail(why, "no such calendar date");
  if (y < kMinYear || y > kMaxYear) return fail(why, "year outside the supported range 1900-2300");
  return true;
}

}  // namespace

std::optional<date::year_month_day> parse_date(std::string_view text) {
  Cursor c{text};
  date::year_month_day ymd;
  if (!read_date(c, ymd, nullptr) || !c.at_end()) return std::nullopt;
  return ymd;
}

std::optional<ParsedTime> parse_timestamp(std::string_view text, std::string* why) {
  Cursor c{text};
  date::year_month_day ymd;
  if (!read_date(c, ymd, why)) return std::nullopt;
  ParsedTime out;
  if (c.at_end()) {
    out.local = LocalTime{date::local_days{ymd}};
    out.date_only = true;
    return out;
  }
  if (!c.eat('T') && !c.eat('t') && !c.eat(' ')) {
    fail(why, "expected `T` or a space between date and time");
    return std::nullopt;
  }
  int hh, mm, ss = 0;
  long long ms = 0;
  if (!c.digits(2, hh) || !c.eat(':') || !c.digits(2, mm)) {
    fail(why, "expected a time HH:MM");
    return std::nullopt;
  }
  if (c.eat(':')) {
    if (!c.digits(2, ss)) {
      fail(why, "expected seconds SS");
      return std::nullopt;
    }
    if (c.eat('.') || c.eat(',')) {
      size_t start = c.i;
      long long frac = 0;
      size_t n = 0;
      while (std::isdigit(static_cast<unsigned char>(c.peek()))) {
        if (n < 3) frac = frac * 10 + (c.peek() - '0');
        ++n;
        ++c.i;
      }
      if (c.i == start) {
        fail(why, "expected digits after the decimal point");
        return std::nullopt;
      }
      for (size_t k = n; k < 3; ++k) frac *= 10;
      ms = frac;
    }
  }
  bool is_24 = hh == 24 && mm == 0 && ss == 0 && ms == 0;
  if ((hh > 23 && !is_24) || mm > 59 || ss > 59) {
    fail(why, "time of day out of range");
    return std::nullopt;
  }
  // Optional space before the zone designator is tolerated ("2026-01-05 10:00:00 Z" is not ISO).
  if (c.eat('Z') || c.eat('z')) {
    out.offset = std::chrono::minutes{0};
  } else if (c.peek() == '+' || c.peek() == '-') {
    int sign = c.peek() == '-' ? -1 : 1;
    ++c.i;
    int oh, om = 0;
    if (!c.digits(2, oh)) {
      fail(why, "expected an offset +HH:MM");
      return std::nullopt;
    }
    if (c.eat(':')) {
      if (!c.digits(2, om)) {
        fail(why, "expected an offset +HH:MM");
        return std::nullopt;
      }
    } else if (!c.at_end()) {
      if (!c.digits(2, om)) {
        fail(why, "expected an offset +HH:MM");
        return std::nullopt;
      }
    }
    if (om > 59 || oh * 60 + om > 18 * 60) {  // offsets lie within ±18:00 (ISO 8601, RFC 3339 practice)
      fail(why, "UTC offset out of range");
      return std::nullopt;
    }
    out.offset = std::chrono::minutes{sign * (oh * 60 + om)};
  }
  if (!c.at_end()) {
    fail(why, "unexpected text after the time");
    return std::nullopt;
  }
  out.local = LocalTime{date::local_days{ymd}} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
              std::chrono::seconds{ss} + Millis{ms};
  return out;
}

Resolved resolve_local(LocalTime local, const date::time_zone* zone) {
  auto info = zone->get_info(date::floor<std::chrono::seconds>(local));
  Resolved r;
  switch (info.result) {
    case date::local_info::unique:
      r.instant = Instant{(local - info.first.offset).time_since_epoch()};
      break;
    case date::local_info::ambiguous:  // a fold: the earlier instant (first offset)
      r.instant = Instant{(local - info.first.offset).time_since_epoch()};
      break;
    case date::local_info::nonexistent:
      r.status = LocalResolution::Nonexistent;
      r.instant = std::chrono::time_point_cast<Millis>(info.second.begin);  // where the gap ends
      break;
  }
  return r;
}

Resolved resolve(const ParsedTime& t, const date::time_zone* zone) {
  if (t.offset) return Resolved{Instant{(t.local - *t.offset).time_since_epoch()}, LocalResolution::Ok};
  return resolve_local(t.local, zone);
}

Instant start_of_local_day(date::local_days day, const date::time_zone* zone) {
  return resolve_local(LocalTime{day}, zone).instant;
}

date::local_days local_day(Instant t, const date::time_zone* zone) {
  auto local = zone->to_local(t);
  return date::floor<date::days>(local);
}

namespace {

// The zone's offset at t, as the tz database gives it. A report formats many instants of one zone,
// most within one period of its rules (a sys_info covers months), so each thread keeps the period
// it looked up last and asks the database again only outside it.
std::chrono::seconds offset_at(Instant t, const date::time_zone* zone) {
  struct Period {
    const date::time_zone* zone = nullptr;
    date::sys_seconds begin, end;
    std::chrono::seconds offset{0};
  };
  thread_local Period last;
  auto s = date::floor<std::chrono::seconds>(t);
  if (last.zone != zone || s < last.begin || s >= last.end) {
    auto info = zone->get_info(s);
    last = Period{zone, info.begin, info.end, info.offset};
  }
  return last.offset;
}

// `value` in exactly `width` decimal digits (the caller has checked that it fits).
char* put_digits(char* p, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return p + width;
}

// YYYY-MM-DDTHH:MM:SS[.fff] of a wall time, or nothing when its year has not four digits.
char* put_wall_time(char* p, date::sys_time<Millis> wall, bool always_millis) {
  auto day = date::floor<date::days>(wall);
  date::year_month_day ymd{day};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return nullptr;
  date::hh_mm_ss<Millis> tod{wall - day};
  p = put_digits(p, static_cast<unsigned>(year), 4);
  *p++ = '-';
  p = put_digits(p, static_cast<unsigned>(ymd.month()), 2);
  *p++ = '-';
  p = put_digits(p, static_cast<unsigned>(ymd.day()), 2);
  *p++ = 'T';
  p = put_digits(p, static_cast<unsigned>(tod.hours().count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<unsigned>(tod.minutes().count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<unsigned>(tod.seconds().count()), 2);
  if (always_millis || tod.subseconds().count()) {
    *p++ = '.';
    p = put_digits(p, static_cast<unsigned>(tod.subseconds().count()), 3);
  }
  return p;
}

// The general form, for years without four digits (fmt pads and signs them).
std::string format_instant_slowly(Instant t, std::chrono::seconds offset) {
  auto local = t + offset;
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  date::hh_mm_ss<Millis> tod{local - day};
  auto off = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  std::string ms = tod.subseconds().count() ? fmt::format(".{:03}", tod.subseconds().count()) : "";
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{}{:02}:{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod.hours().count(),
                     tod.minutes().count(), tod.seconds().count(), ms, sign, off / 60, off % 60);
}

}  // namespace

void append_instant(std::string& out, Instant t, const date::time_zone* zone) {
  // An offset is written in whole minutes (RFC 3339 and ISO 8601 have no seconds there), and the
  // wall time beside it is read with that same offset, so that the text names the exact instant.
  // Only local mean times before about 1972 had offsets with seconds (Africa/Monrovia -0:44:30
  // until 1972, Asia/Kathmandu +5:41:16 until 1920): their wall time is then shown up to 59 s
  // off the zone's own, and the instant stays exact.
  auto offset = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::duration_cast<std::chrono::minutes>(offset_at(t, zone)));
  auto off = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  char text[40];
  char* p = std::abs(off) < 100 * 60 ? put_wall_time(text, t + offset, false) : nullptr;
  if (!p) {
    out += format_instant_slowly(t, offset);
    return;
  }
  *p++ = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  p = put_digits(p, static_cast<unsigned>(off / 60), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<unsigned>(off % 60), 2);
  out.append(text, p);
}

std::string format_instant(Instant t, const date::time_zone* zone) {
  std::string out;
  append_instant(out, t, zone);
  return out;
}

std::string format_utc_millis(Instant t) {
  char text[40];
  if (char* p = put_wall_time(text, t, true)) {
    *p++ = 'Z';
    return std::string(text, p);
  }
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  date::hh_mm_ss<Millis> tod{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod.hours().count(),
                     tod.minutes().count(), tod.seconds().count(), tod.subseconds().count());
}

std::string format_local(Instant t, const date::time_zone* zone) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  auto local = zone->to_local(t);
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  date::weekday wd{day};
  date::hh_mm_ss<Millis> tod{local - day};
  std::string text = fmt::format("{} {:04}-{:02}-{:02} {:02}:{:02}", kDays[wd.c_encoding()], static_cast<int>(ymd.year()),
                                 static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                 tod.hours().count(), tod.minutes().count());
  // A reading the clocks show twice (the hour repeated when daylight saving ends) names two
  // instants: the offset tells them apart ("Sun 2026-11-01 01:30 (-05:00)").
  auto minute = date::floor<std::chrono::minutes>(local);
  if (zone->get_info(date::local_seconds{minute}).result == date::local_info::ambiguous) {
    // In whole minutes, as append_instant writes it.
    auto offset = std::chrono::duration_cast<std::chrono::minutes>(offset_at(t, zone)).count();
    text += fmt::format(" ({}{:02}:{:02})", offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
  }
  return text;
}

const date::time_zone* find_zone(const std::string& name) {
  // The system's zone directory holds `localtime`, a link to /etc/localtime: the machine's own
  // setting, not a zone of the tz database. The same agreement must mean the same instants on
  // every machine (V2.9), so it is an unknown zone like any other name the database lacks.
  if (name == "localtime") return nullptr;
  try {
    return date::locate_zone(name);
  } catch (...) {
    return nullptr;
  }
}

}  // namespace pactum
