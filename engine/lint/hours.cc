// impossible-hours (spec 7): `every A occurs within business hours of P and Q ...` where the
// parties' business time never overlaps at any instant of the effective period (else the current
// year). Each calendar is walked on real dates in its own zone, so a DST change or a holiday that
// opens or closes an overlap counts; a single shared minute anywhere in the period is enough to
// make the rule satisfiable, so only a total absence of overlap fires (and is an error: every
// such event is a breach).
#include <algorithm>
#include <deque>
#include <map>

#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

using calendar::BusinessCalendar;
using calendar::Interval;

// Business time of `cal` inside [from, to), in order, intervals that touch merged: for one week
// (the whole period goes through BusinessCalendar::business_time, computed once per calendar).
std::vector<Interval> week_time(const BusinessCalendar& cal, Instant from, Instant to) {
  std::vector<Interval> out;
  auto last = local_day(to, cal.zone()) + date::days{1};
  for (auto day = local_day(from, cal.zone()) - date::days{1}; day <= last; day += date::days{1}) {
    for (const auto& iv : cal.open_intervals(day)) {
      Instant s = std::max(iv.start, from), e = std::min(iv.end, to);
      if (s >= e) continue;
      if (!out.empty() && s <= out.back().end)
        out.back().end = std::max(out.back().end, e);
      else
        out.push_back({s, e});
    }
  }
  return out;
}

// One stretch of business time seen on another zone's wall clock.
struct Seen {
  int weekday = 0;       // 0 = Mon
  int start_minute = 0;  // local minute of the day
  int64_t length = 0;    // minutes
};

// "Mon-Fri 22:00-06:00 (overnight)": runs of consecutive days with the same local times.
std::string describe(const std::vector<Seen>& seen) {
  static const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::vector<std::string> parts;
  for (size_t i = 0; i < seen.size();) {
    size_t j = i + 1;
    while (j < seen.size() && seen[j].start_minute == seen[i].start_minute && seen[j].length == seen[i].length &&
           seen[j].weekday == (seen[j - 1].weekday + 1) % 7)
      ++j;
    std::string days = kDays[seen[i].weekday];
    if (j - i > 1) days += std::string("-") + kDays[seen[j - 1].weekday];
    const Seen& s = seen[i];
    if (s.length >= 24 * 60) {
      parts.push_back(days + " all day");
    } else {
      int64_t end = s.start_minute + s.length;
      parts.push_back(fmt::format("{} {}-{}{}", days, clock_text(s.start_minute),
                                  clock_text(static_cast<int>(end > 1440 ? end - 1440 : end)),
                                  end > 1440 ? " (overnight)" : ""));
    }
    i = j;
  }
  return parts.empty() ? "no time at all" : and_list(parts);
}

// One week of `cal`'s business time, from local Monday `monday`, read on `other`'s wall clock.
std::string week_in_zone(const BusinessCalendar& cal, date::local_days monday, const date::time_zone* other) {
  std::vector<Interval> week = week_time(cal, start_of_local_day(monday, cal.zone()),
                                         start_of_local_day(monday + date::weeks{1}, cal.zone()));
  std::vector<Seen> seen;
  for (const auto& iv : week) {
    auto local = date::make_zoned(other, iv.start).get_local_time();
    auto local_date = date::floor<date::days>(local);
    seen.push_back({static_cast<int>(date::weekday{local_date}.iso_encoding() - 1),
                    static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - local_date).count()),
                    std::chrono::duration_cast<std::chrono::minutes>(iv.end - iv.start).count()});
  }
  return describe(seen);
}

// Party `p`'s weekly hours read in `other`'s zone: the first ordinary week of the period, then
// each week where daylight saving changes the picture ("..., Mon-Fri 21:00-05:00 from
// 2026-03-09"). Weeks with a holiday are skipped so that the ordinary hours are shown.
std::string hours_seen_from(const Context& ctx, const semantic::Party& p, const date::time_zone* other) {
  const auto& cal = p.calendar;
  auto day = local_day(ctx.from, cal.zone());
  auto monday = day - date::days{static_cast<int>(date::weekday{day}.iso_encoding() - 1)};
  std::vector<std::pair<date::local_days, std::string>> pictures;
  for (; start_of_local_day(monday, cal.zone()) < ctx.to && pictures.size() < 4; monday += date::weeks{1}) {
    bool holiday = false;
    for (int d = 0; d < 7; ++d) holiday = holiday || cal.is_holiday(monday + date::days{d});
    if (holiday) continue;
    std::string picture = week_in_zone(cal, monday, other);
    if (pictures.empty() || pictures.back().second != picture) pictures.emplace_back(monday, picture);
  }
  if (pictures.empty()) return "no time at all";
  std::string out = pictures.front().second + " in " + zone_words(other);
  for (size_t i = 1; i < pictures.size(); ++i)
    out += fmt::format(", {} from {}", pictures[i].second, date::format("%F", pictures[i].first));
  return out;
}

// Where two parties' hours come closest: `closer` closes at `closes`, the other opens `gap` later.
struct Approach {
  const semantic::Party* closer = nullptr;
  const semantic::Party* opener = nullptr;
  Instant closes{};
  Instant opens{};
};

// All intervals are disjoint (the parties never overlap), so in start order the closest pair of
// different owners is always a neighbouring one: one linear walk over the merged list.
std::optional<Approach> closest_approach(const semantic::Party& a, const std::vector<Interval>& ta,
                                         const semantic::Party& b, const std::vector<Interval>& tb) {
  std::vector<std::pair<Interval, const semantic::Party*>> all;
  for (const auto& x : ta) all.push_back({x, &a});
  for (const auto& y : tb) all.push_back({y, &b});
  std::sort(all.begin(), all.end(), [](const auto& l, const auto& r) { return l.first.start < r.first.start; });
  std::optional<Approach> best;
  for (size_t i = 1; i < all.size(); ++i) {
    const auto& [prev, closer] = all[i - 1];
    const auto& [next, opener] = all[i];
    if (closer == opener || next.start < prev.end) continue;
    if (!best || next.start - prev.end < best->opens - best->closes)
      best = Approach{closer, opener, prev.end, next.start};
  }
  return best;
}

int local_minute(Instant t, const date::time_zone* zone) {
  auto local = date::make_zoned(zone, t).get_local_time();
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local)).count());
}

// The closer's hours with its closing time moved late enough for one common hour at the closest
// approach; empty when no span closes at that time or the span would exceed a day.
std::string widened_hours(const Context& ctx, const Approach& ap) {
  int closes = local_minute(ap.closes, ap.closer->calendar.zone());
  if (closes == 0) closes = 1440;
  int64_t extra = std::chrono::duration_cast<std::chrono::minutes>(ap.opens - ap.closes).count() + 60;
  auto hours = effective_hours(ctx.agreement, ap.closer->id);
  bool changed = false;
  for (auto& h : hours) {
    if (h.close_minute != closes && !(closes == 1440 && h.close_minute == 0)) continue;
    int64_t span = (h.close_minute > h.open_minute ? h.close_minute : h.close_minute + 1440) - h.open_minute;
    if (span + extra >= 1440) return "";
    h.close_minute = static_cast<int>((h.close_minute + extra) % 1440);
    if (h.close_minute == 0) h.close_minute = 1440;
    changed = true;
  }
  return changed ? hours_text(hours) : "";
}

// Whether a set of parties ever shares business time, and if not, how to explain it: a function of
// the set, so computed once per distinct set of parties (rules naming the same parties share it).
struct Verdict {
  bool overlap = false;
  const semantic::Party* closed = nullptr;  // a party with no business time at all in the period
  std::vector<std::string> seen;            // each party's hours on another's clock
  std::string approach;                     // where a pair comes closest, or empty
};

// True when every list has a common instant: a sweep that stops at the first one (sets that do
// overlap, the usual case, cost a few intervals).
bool overlap_anywhere(const std::vector<const std::vector<Interval>*>& lists) {
  std::vector<size_t> at(lists.size(), 0);
  for (;;) {
    Instant start = Instant::min(), end = Instant::max();
    size_t ends_first = 0;
    for (size_t k = 0; k < lists.size(); ++k) {
      if (at[k] >= lists[k]->size()) return false;
      const Interval& iv = (*lists[k])[at[k]];
      start = std::max(start, iv.start);
      if (iv.end < end) {
        end = iv.end;
        ends_first = k;
      }
    }
    if (start < end) return true;
    ++at[ends_first];  // the interval that ends first can meet nothing later
  }
}

Verdict judge_set(const Context& ctx, const std::vector<const semantic::Party*>& parties) {
  Verdict v;
  std::vector<const std::vector<Interval>*> times;
  for (const auto* p : parties) times.push_back(&p->calendar.business_time(ctx.from, ctx.to));
  // A party closed for the whole period (its only hours fall on holidays, or the period is too
  // short) explains everything by itself.
  for (size_t i = 0; i < parties.size(); ++i)
    if (times[i]->empty()) {
      v.closed = parties[i];
      return v;
    }
  v.overlap = overlap_anywhere(times);
  if (v.overlap) return v;

  // Explain with a pair that never meets; with three or more parties every pair may meet while
  // all together never do, then each party is shown on the agreement's clock.
  std::optional<std::pair<size_t, size_t>> pair;
  for (size_t i = 0; i < parties.size() && !pair; ++i)
    for (size_t j = i + 1; j < parties.size() && !pair; ++j)
      if (!overlap_anywhere({times[i], times[j]})) pair = std::make_pair(i, j);
  auto own = [&](const semantic::Party& p) {
    return fmt::format("{}'s {} ({})", p.id, hours_text(effective_hours(ctx.agreement, p.id)), zone_words(p.calendar.zone()));
  };
  if (pair) {
    const auto& a = *parties[pair->first];
    const auto& b = *parties[pair->second];
    v.seen.push_back(fmt::format("{} is {}", own(a), hours_seen_from(ctx, a, b.calendar.zone())));
    v.seen.push_back(fmt::format("{} is {}", own(b), hours_seen_from(ctx, b, a.calendar.zone())));
    if (auto ap = closest_approach(a, *times[pair->first], b, *times[pair->second])) {
      std::string later = ap->opens == ap->closes ? "at that very moment" : duration_words(ap->opens - ap->closes) + " later";
      v.approach = fmt::format(
          "the hours come closest on {}: {} closes at {} {} and {} opens {} ({} {})",
          date::format("%F", local_day(ap->closes, ap->closer->calendar.zone())), ap->closer->id,
          clock_text(local_minute(ap->closes, ap->closer->calendar.zone())), zone_words(ap->closer->calendar.zone()),
          ap->opener->id, later, clock_text(local_minute(ap->opens, ap->opener->calendar.zone())),
          zone_words(ap->opener->calendar.zone()));
      std::string widened = widened_hours(ctx, *ap);
      if (!widened.empty())
        v.approach += fmt::format("; with `business hours {}` for {} they would share an hour", widened, ap->closer->id);
    }
  } else {
    for (const auto* p : parties)
      v.seen.push_back(fmt::format("{} is {}", own(*p), hours_seen_from(ctx, *p, ctx.agreement.zone)));
  }
  return v;
}

using Memo = std::map<std::vector<const semantic::Party*>, Verdict>;

void check_rule(const Context& ctx, const model::Rule& rule, Memo& memo, std::vector<Diagnostic>& out) {
  if (rule.kind != model::Rule::Kind::OccursWithin) return;
  // `of X` names a party or a calendar (V2.7); a calendar is looked at as a party would be.
  std::deque<semantic::Party> calendars;
  std::vector<const semantic::Party*> parties;
  for (const auto& n : rule.parties) {
    if (std::any_of(parties.begin(), parties.end(), [&](const semantic::Party* p) { return p->id == n.text; })) continue;
    if (const auto* p = ctx.agreement.find_party(n.text)) {
      parties.push_back(p);
    } else if (const auto* c = ctx.agreement.find_calendar(n.text)) {
      calendars.push_back(semantic::Party{c->id, nullptr, c->calendar});
      parties.push_back(&calendars.back());
    }
  }
  if (parties.size() < 2) return;  // one party's hours always overlap with themselves

  auto it = memo.find(parties);
  if (it == memo.end()) it = memo.emplace(parties, judge_set(ctx, parties)).first;
  const Verdict& v = it->second;
  if (v.overlap) return;

  if (v.closed) {
    const auto& p = *v.closed;
    out.push_back(entry(DiagLevel::Error, kImpossibleHours, rule.loc,
                        fmt::format("{} has no business time at all {}: its hours {} ({}) fall entirely on its "
                                    "holidays or outside the period, so no {} can ever satisfy this rule",
                                    p.id, ctx.range_text, hours_text(effective_hours(ctx.agreement, p.id)),
                                    zone_words(p.calendar.zone()), rule.subject.type.text),
                        {fmt::format("move the holiday or give {} hours inside the period, e.g. `business hours "
                                     "mon-fri 09:00-17:00`",
                                     p.id)},
                        5));
    return;
  }
  std::vector<std::string> names;
  for (const auto* p : parties) names.push_back(p->id);
  std::string message = fmt::format("the business hours of {} never overlap {}: {}; no {} can ever satisfy this rule",
                                    and_list(names), ctx.range_text, fmt::format("{}", fmt::join(v.seen, "; ")),
                                    rule.subject.type.text);
  std::vector<std::string> notes;
  model::Rule host = rule;
  host.parties = {rule.parties.front()};
  notes.push_back("if the hours of one side are enough (the host's, say), " + write_rule(host));
  if (!v.approach.empty()) notes.push_back(v.approach);
  out.push_back(entry(DiagLevel::Error, kImpossibleHours, rule.loc, message, notes, 5));
}

}  // namespace

void check_hours(const Context& ctx, std::vector<Diagnostic>& out) {
  Memo memo;
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules) check_rule(ctx, rule, memo, out);
}

}  // namespace pactum::lint
