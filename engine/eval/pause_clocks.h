// V2.4: the clocks of `every A requires Q ... within D after paused from P1 until P2`, one per
// waiting activation, each counting from A.at elapsed time, business time or business-date time
// (the calendar's Counted kinds) except while paused; its deadline is the instant at which the
// counted time reaches the amount.
//
// Every clock of a correlation key sees the same pause events, so instead of feeding each event
// to each clock (activations x pause events), the clocks of a key are kept in groups that are in
// the same pause state (running or paused since the same instant, and a P2 that ended nothing at
// the current instant or not). A group counts once, in its own running total R; a clock holds only
// R when it joined and R when its amount is used up (its target). A pause event changes a few
// groups, not every clock: the clocks whose target the group reached before the pause begins
// leave a heap ordered by target, and the deadline of a clock still waiting is worked out from
// the group's last resumption when it is asked for. Clocks of one key differ only while a newer
// clock runs beside an older one held by a pause; the first P1 or P2 that they all see puts them
// back in step, and their groups merge (the smaller into the larger, so each clock moves
// O(log n) times). So the work is O((activations + pause events) log activations), and the
// state a handful of numbers per clock.
//
// The reference is the single-clock model in tests/unit/eval/pause_clock_model.h, which this
// must agree with on every sequence of events (tests/unit/eval/pause_clocks_test.cc).
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"

namespace pactum::eval {

class PauseClocks {
 public:
  using Counted = calendar::BusinessCalendar::Counted;
  using ClockId = uint32_t;

  // The calendar must outlive the clocks.
  PauseClocks(const calendar::BusinessCalendar& calendar, Counted kind);

  // A clock for activation `activation` at `at` counting `amount`, fed the pause events of `key`
  // from now on; no key: a clock no pause event reaches (the activation lacks a correlated
  // attribute). Calls come in time order: `at` is at or after every instant given so far.
  ClockId start(const std::string* key, Instant at, Millis amount, uint32_t activation);

  // A pause event at `t` of `key` (log index `event`): `starts` when it matches P1, `ends` when
  // it matches P2. The clock whose activation is `event` itself does not see it. While paused,
  // P2 ends the pause (P1 changes nothing); while running, P1 starts one (P2 ends nothing). A P1
  // at the same instant as a P2 that ended nothing gives an empty pause, whatever their order in
  // the log.
  void on_pause_event(const std::string& key, Instant t, bool starts, bool ends, uint32_t event);

  // The deadline when it is known: the clock is running, or it had reached the amount before the
  // running pause began. nullopt while a pause holds it below the amount (the deadline then lies
  // after any instant seen so far). Instant::max() when the calendar has no more counted time.
  std::optional<Instant> deadline(ClockId id) const;
  bool paused(ClockId id) const;
  Instant paused_since(ClockId id) const;
  // Counted time from the clock's start up to `t`, and elapsed time paused up to `t` (t at or
  // after every pause event given so far).
  Millis counted_until(ClockId id, Instant t) const;
  Millis paused_until(ClockId id, Instant t) const;

  // The clock is settled: forget it (and its key, when it was the key's last clock).
  void stop(ClockId id);

  // For tests: the groups and keys alive.
  size_t groups_alive() const { return groups_.size() - free_groups_.size(); }
  size_t keys_alive() const { return timelines_.size(); }

 private:
  // Where a clock's deadline comes from.
  enum class Place : uint8_t {
    Heap,     // target > R at the group's last resumption: advance from there (group.heap)
    Due,      // an explicit instant, not yet compared with a pause (group.due)
    Zero,     // target == R at the last resumption: the first counted instant from it (group.zero)
    Never,    // target < R: the calendar ran out of counted time (group.never)
    Reached,  // the amount was counted before a pause began: the deadline is fixed
  };
  struct Clock {
    uint32_t group = 0;
    uint32_t seq = 0;  // bumped at every move; an entry naming an older seq is stale
    bool alive = false;
    Place place = Place::Due;
    Millis r_join{0}, p_join{0}, target{0};  // in the group's R and P
    Instant deadline{};                      // Due, Reached
    uint32_t activation = 0;
  };
  struct Entry {
    int64_t value;  // Heap: the target; Due: the deadline, both in milliseconds
    ClockId clock;
    uint32_t seq;
  };
  struct Timeline;
  struct Group {
    Timeline* timeline = nullptr;
    bool paused = false;
    Instant anchor{};     // running: where counting last resumed (or the group began)
    Millis r_base{0};     // R at anchor (running) or at the pause (paused)
    Instant pause_start{};
    Millis p_total{0};    // elapsed time of the ended pauses
    std::optional<Instant> stray_end;  // the latest P2 that ended no pause
    Instant zero_deadline{};           // running: the first counted instant at or after anchor
    mutable Instant cursor_at{};       // R is known at cursor_at (running; time order)
    mutable Millis cursor_r{0};
    std::vector<Entry> heap, due;      // min-heaps
    std::vector<Entry> zero, never;
    std::vector<ClockId> clocks;       // every clock filed here (stale ones dropped lazily)
    uint32_t live = 0;
  };
  // The groups of one key. Running groups are at most two after each event (a P2 that ended
  // nothing at this instant, or not) and paused ones one per pause start; a P2 resumes them all.
  struct Timeline {
    std::string key;
    std::vector<uint32_t> running, paused;
    uint32_t live = 0;
    uint32_t empty_paused = 0;
    Instant last{Instant::min()};
    std::unordered_map<uint32_t, ClockId> started_now;  // activation -> clock, started at `last`
  };

  Instant advance(Instant from, Millis amount) const;
  Millis r_at(const Group& g, Instant t) const;
  static Millis p_at(const Group& g, Instant t) { return g.p_total + (g.paused && t > g.pause_start ? t - g.pause_start : Millis{0}); }
  bool valid(const Entry& e) const { return clocks_[e.clock].alive && clocks_[e.clock].seq == e.seq; }

  uint32_t new_group(Timeline* timeline);
  void free_group(uint32_t g);
  void file(uint32_t g, ClockId c, Place place, Instant deadline = {});
  void arrive(Timeline& tl, Instant t);
  void pause_group(uint32_t g, Instant s);
  void resume_group(uint32_t g, Instant e);
  void place_after_pause(uint32_t g, ClockId c, Millis r_now);
  uint32_t merge(uint32_t a, uint32_t b, Instant t);
  void merge_running(Timeline& tl, Instant t);
  void compact(Group& g);
  uint32_t detach(ClockId c, Instant t);

  const calendar::BusinessCalendar* calendar_;
  Counted kind_;
  std::vector<Clock> clocks_;
  std::vector<ClockId> free_clocks_;
  std::vector<Group> groups_;
  std::vector<uint32_t> free_groups_;
  std::unordered_map<std::string, Timeline> timelines_;
  Timeline unkeyed_;  // clocks no pause event reaches
};

}  // namespace pactum::eval
