// PauseClocks (the shared clocks of V2.4) against the reference model: one PauseClock per
// activation, fed every pause event of its key. Random sequences of starts, pause events (P1, P2,
// both; several at one instant; an activation that is itself a pause event) and settlements, on
// elapsed time, business time and business dates, across DST, holidays and hours past midnight;
// after every step each waiting clock must give the model's deadline, pause state, counted and
// paused time.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "engine/eval/pause_clocks.h"
#include "tests/unit/calendar/calendar_fixtures.h"
#include "tests/unit/eval/pause_clock_model.h"

namespace pactum::eval {
namespace {

using calendar::test::at;
using calendar::test::make_calendar;
using calendar::test::show;
using Counted = PauseClocks::Counted;

struct Modelled {
  std::optional<std::string> key;
  uint32_t activation;
  test::PauseClock model;
  PauseClocks::ClockId id;
};

std::string show_ms(Millis m) { return std::to_string(m.count()) + " ms"; }

// One random scenario; returns the number of comparisons made.
size_t run_scenario(const calendar::BusinessCalendar& cal, Counted kind, uint32_t seed, Instant begin) {
  std::mt19937 rng(seed);
  auto pick = [&](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
  const Millis amounts[] = {Millis{0},           std::chrono::minutes{1}, std::chrono::minutes{30},
                            std::chrono::hours{2}, std::chrono::hours{8},   std::chrono::hours{24},
                            std::chrono::hours{40}, std::chrono::hours{72}, std::chrono::hours{200}};
  const Millis steps[] = {Millis{0}, Millis{0}, std::chrono::minutes{1}, std::chrono::minutes{45},
                          std::chrono::hours{3}, std::chrono::hours{9}, std::chrono::hours{26}};
  const std::string keys[] = {"a", "b", "c"};
  PauseClocks clocks(cal, kind);
  std::vector<Modelled> live;
  std::vector<uint32_t> started_now;  // activations started at `now`
  Instant now = begin;
  uint32_t next_event = 0;
  size_t compared = 0;
  for (int step = 0; step < 160; ++step) {
    Millis advance = steps[pick(std::size(steps))] + Millis{pick(3) == 0 ? pick(100000) : 0};
    if (!live.empty() && pick(5) == 0) {  // to a deadline exactly: a pause or an answer right on it
      auto d = live[pick(static_cast<uint32_t>(live.size()))].model.deadline();
      if (d && *d > now && *d - now < std::chrono::hours{24 * 30}) advance = *d - now;
    }
    if (advance > Millis{0}) started_now.clear();  // an event has one instant
    now += advance;
    uint32_t op = pick(10);
    if (op < 4) {  // an activation
      std::optional<std::string> key;
      if (pick(12) != 0) key = keys[pick(3)];
      Millis amount = pick(4) == 0 ? Millis{pick(100'000'000)} : amounts[pick(std::size(amounts))];
      uint32_t a = next_event++;
      PauseClocks::ClockId id = clocks.start(key ? &*key : nullptr, now, amount, a);
      live.push_back(Modelled{key, a, test::PauseClock(cal, kind, now, amount), id});
      started_now.push_back(a);
    } else if (op < 9) {  // a pause event, sometimes the activation of a clock started now
      std::string key = keys[pick(3)];
      uint32_t e = next_event++;
      if (!started_now.empty() && pick(3) == 0) {  // each event once
        size_t i = pick(static_cast<uint32_t>(started_now.size()));
        e = started_now[i];
        started_now.erase(started_now.begin() + static_cast<long>(i));
        for (const auto& m : live)
          if (m.activation == e && m.key) key = *m.key;
      }
      uint32_t kinds = pick(5);
      bool starts = kinds <= 2, ends = kinds >= 2;
      clocks.on_pause_event(key, now, starts, ends, e);
      for (auto& m : live)
        if (m.key && *m.key == key && m.activation != e) m.model.on_pause_event(now, starts, ends);
    } else if (!live.empty()) {  // a settlement
      size_t i = pick(static_cast<uint32_t>(live.size()));
      clocks.stop(live[i].id);
      live.erase(live.begin() + static_cast<long>(i));
    }
    for (const auto& m : live) {
      // Compared as values, printed only when they differ (millions of comparisons).
      bool same = clocks.deadline(m.id) == m.model.deadline() && clocks.paused(m.id) == m.model.paused() &&
                  (!m.model.paused() || clocks.paused_since(m.id) == m.model.paused_since()) &&
                  clocks.counted_until(m.id, now) == m.model.counted_until(now) &&
                  clocks.paused_until(m.id, now) == m.model.paused_until(now);
      if (!same) {
        INFO("seed " << seed << ", step " << step << ", activation " << m.activation << " (key "
                     << m.key.value_or("none") << ") at " << show(now));
        REQUIRE(show(clocks.deadline(m.id)) == show(m.model.deadline()));
        REQUIRE(clocks.paused(m.id) == m.model.paused());
        if (m.model.paused()) REQUIRE(show(clocks.paused_since(m.id)) == show(m.model.paused_since()));
        REQUIRE(show_ms(clocks.counted_until(m.id, now)) == show_ms(m.model.counted_until(now)));
        REQUIRE(show_ms(clocks.paused_until(m.id, now)) == show_ms(m.model.paused_until(now)));
      }
      ++compared;
    }
  }
  // Later instants too: the counted time of a running clock goes on.
  Instant later = now + std::chrono::hours{30};
  for (const auto& m : live) {
    REQUIRE(show_ms(clocks.counted_until(m.id, later)) == show_ms(m.model.counted_until(later)));
    REQUIRE(show_ms(clocks.paused_until(m.id, later)) == show_ms(m.model.paused_until(later)));
  }
  for (const auto& m : live) clocks.stop(m.id);
  REQUIRE(clocks.keys_alive() == 0);
  REQUIRE(clocks.groups_alive() == 0);
  return compared;
}

TEST_CASE("PauseClocks agree with one clock per activation", "[eval][pause][model]") {
  auto ny = make_calendar("America/New_York", "mon-fri 09:00-17:00", {"2026-03-10", "2026-11-03"});
  auto manila = make_calendar("Asia/Manila", "mon-fri 22:00-06:00, sat 10:00-12:00");
  auto howe = make_calendar("Australia/Lord_Howe", "mon-sun 08:00-20:00", {"2026-04-06"});
  struct Row {
    const char* name;
    const calendar::BusinessCalendar* cal;
    Counted kind;
    const char* begin;
  };
  const Row rows[] = {
      {"elapsed", &ny, Counted::Elapsed, "2026-03-06T12:00Z"},
      {"business time, New York, spring DST", &ny, Counted::BusinessTime, "2026-03-05T20:00Z"},
      {"business time, New York, autumn DST", &ny, Counted::BusinessTime, "2026-10-30T13:30Z"},
      {"business dates, New York", &ny, Counted::BusinessDates, "2026-03-05T20:00Z"},
      {"business time, hours past midnight", &manila, Counted::BusinessTime, "2026-06-04T10:00Z"},
      {"business dates, hours past midnight", &manila, Counted::BusinessDates, "2026-06-04T10:00Z"},
      {"business time, 30-minute DST", &howe, Counted::BusinessTime, "2026-04-02T00:00Z"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      size_t compared = 0;
      for (uint32_t seed = 1; seed <= 120; ++seed) compared += run_scenario(*row.cal, row.kind, seed, at(row.begin));
      CHECK(compared > 10000);  // the scenarios did keep clocks waiting
    }
  }
}

// The point of sharing: clocks of one key stay in a few groups however many pause cycles pass,
// and a clock started while the others are paused joins them at the next P2.
TEST_CASE("PauseClocks keep the clocks of a key in a few groups", "[eval][pause]") {
  auto cal = make_calendar("UTC", "mon-fri 09:00-17:00");
  PauseClocks clocks(cal, Counted::BusinessTime);
  const std::string key = "k";
  Instant t = at("2026-03-02T09:00Z");
  std::vector<PauseClocks::ClockId> ids;
  for (uint32_t i = 0; i < 2000; ++i) {
    ids.push_back(clocks.start(&key, t, std::chrono::hours{4000}, 2 * i));
    clocks.on_pause_event(key, t + Millis{1}, true, false, 2 * i + 1);  // P1
    t += std::chrono::seconds{10};
  }
  CHECK(clocks.groups_alive() == 2000);  // each paused at its own instant, apart from the others
  clocks.on_pause_event(key, t, false, true, 999999);  // P2: one state again
  CHECK(clocks.groups_alive() == 1);
  CHECK(show(clocks.deadline(ids.front())) == show(clocks.deadline(ids.back())));
  for (auto id : ids) clocks.stop(id);
  CHECK(clocks.keys_alive() == 0);
}

}  // namespace
}  // namespace pactum::eval
