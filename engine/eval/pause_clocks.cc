#include "engine/eval/pause_clocks.h"

#include <algorithm>

namespace pactum::eval {

namespace {

// Min-heaps on Entry::value.
template <class E>
bool later(const E& a, const E& b) {
  return a.value > b.value;
}

int64_t ms(Instant t) { return t.time_since_epoch().count(); }

// A slot of `slab`: one freed before, else a new one at the end.
template <class T>
uint32_t take_slot(std::vector<T>& slab, std::vector<uint32_t>& freed) {
  if (freed.empty()) {
    slab.emplace_back();
    return static_cast<uint32_t>(slab.size() - 1);
  }
  uint32_t slot = freed.back();
  freed.pop_back();
  return slot;
}

}  // namespace

PauseClocks::PauseClocks(const calendar::BusinessCalendar& calendar, Counted kind) : calendar_(&calendar), kind_(kind) {}

Instant PauseClocks::advance(Instant from, Millis amount) const {
  return calendar_->advance_counted(kind_, from, amount).value_or(Instant::max());
}

// R at `t` (at or after the group's anchor): frozen while paused; while running, counted on from
// the last instant asked for, as the pass asks in time order (counting from the anchor each time
// would walk a long running stretch again and again).
Millis PauseClocks::r_at(const Group& g, Instant t) const {
  if (g.paused) return g.r_base;
  if (t < g.cursor_at) return g.r_base + calendar_->counted_between(kind_, g.anchor, t);
  g.cursor_r += calendar_->counted_between(kind_, g.cursor_at, t);
  g.cursor_at = t;
  return g.cursor_r;
}

uint32_t PauseClocks::new_group(Timeline* timeline) {
  uint32_t g = take_slot(groups_, free_groups_);
  groups_[g] = Group{};
  groups_[g].timeline = timeline;
  return g;
}

void PauseClocks::free_group(uint32_t g) {
  groups_[g] = Group{};  // releases its vectors
  free_groups_.push_back(g);
}

// Files clock `c` in group `g` at `place` (a new seq: entries elsewhere become stale).
void PauseClocks::file(uint32_t g, ClockId c, Place place, Instant deadline) {
  Clock& clock = clocks_[c];
  Group& group = groups_[g];
  clock.group = g;
  clock.place = place;
  ++clock.seq;
  switch (place) {
    case Place::Heap:
      group.heap.push_back(Entry{clock.target.count(), c, clock.seq});
      std::push_heap(group.heap.begin(), group.heap.end(), later<Entry>);
      break;
    case Place::Due:
      clock.deadline = deadline;
      group.due.push_back(Entry{ms(deadline), c, clock.seq});
      std::push_heap(group.due.begin(), group.due.end(), later<Entry>);
      break;
    case Place::Zero: group.zero.push_back(Entry{0, c, clock.seq}); break;
    case Place::Never: group.never.push_back(Entry{0, c, clock.seq}); break;
    case Place::Reached: clock.deadline = deadline; break;
  }
}

// The first call at a new instant: P2s of earlier instants no longer matter, so the running
// groups are all in one state and become one.
void PauseClocks::arrive(Timeline& tl, Instant t) {
  if (tl.last != Instant::min() && t <= tl.last) return;
  tl.last = t;
  if (tl.started_now.bucket_count() > 64) tl.started_now = {};  // clear() would cost the buckets
  else tl.started_now.clear();
  merge_running(tl, t);
}

PauseClocks::ClockId PauseClocks::start(const std::string* key, Instant at, Millis amount, uint32_t activation) {
  Timeline* tl = &unkeyed_;
  if (key) {
    auto [it, added] = timelines_.try_emplace(*key);
    tl = &it->second;
    if (added) tl->key = *key;
  }
  arrive(*tl, at);
  uint32_t g = UINT32_MAX;
  for (uint32_t r : tl->running)
    if (!(groups_[r].stray_end && *groups_[r].stray_end == at)) g = r;
  if (g == UINT32_MAX) {
    g = new_group(tl);
    Group& group = groups_[g];
    group.anchor = group.cursor_at = at;
    tl->running.push_back(g);
  }
  ClockId c = take_slot(clocks_, free_clocks_);
  Group& group = groups_[g];
  Clock& clock = clocks_[c];
  clock.alive = true;
  clock.activation = activation;
  clock.r_join = r_at(group, at);
  clock.p_join = p_at(group, at);
  clock.target = clock.r_join + amount;
  group.clocks.push_back(c);
  ++group.live;
  ++tl->live;
  file(g, c, Place::Due, advance(at, amount));
  if (key) tl->started_now[activation] = c;
  return c;
}

// A clock that has not counted its amount when a pause begins (R is `r_now`): what is left
// decides how its deadline is found once counting resumes.
void PauseClocks::place_after_pause(uint32_t g, ClockId c, Millis r_now) {
  Millis left = clocks_[c].target - r_now;
  file(g, c, left > Millis{0} ? Place::Heap : left == Millis{0} ? Place::Zero : Place::Never);
}

// A running group pauses at `s`: every clock whose deadline is at or before `s` has reached its
// amount and keeps that deadline; the others wait for the resumption.
void PauseClocks::pause_group(uint32_t g, Instant s) {
  Group& group = groups_[g];
  Millis r = r_at(group, s);
  // First the clocks with nothing left to count (before others join them below): they share the
  // first counted instant after the resumption. Untouched while it lies after `s` and nothing was
  // counted since (a pause at night, again and again).
  if (!group.zero.empty() && (group.zero_deadline <= s || r != group.r_base)) {
    std::vector<Entry> zero;
    zero.swap(group.zero);
    for (const Entry& e : zero) {
      if (!valid(e)) continue;
      if (group.zero_deadline <= s) file(g, e.clock, Place::Reached, group.zero_deadline);
      else file(g, e.clock, Place::Never);
    }
  }
  // Targets up to R were counted by `s` (their deadline, the first instant they were, is at or
  // before it); the exact deadline decides, as it does for the instants below. The rest stay.
  std::vector<ClockId> counted;
  while (!group.heap.empty() && group.heap.front().value <= r.count()) {
    Entry e = group.heap.front();
    std::pop_heap(group.heap.begin(), group.heap.end(), later<Entry>);
    group.heap.pop_back();
    if (valid(e)) counted.push_back(e.clock);
  }
  for (ClockId c : counted) {
    Instant d = advance(group.anchor, clocks_[c].target - group.r_base);
    if (d <= s) file(g, c, Place::Reached, d);
    else place_after_pause(g, c, r);  // nothing left, or less than nothing (no more counted time)
  }
  // Every explicit deadline is compared now; from here on the clock counts from the resumption.
  std::vector<Entry> due;
  due.swap(group.due);
  for (const Entry& e : due) {
    if (!valid(e)) continue;
    Instant d = clocks_[e.clock].deadline;
    if (d <= s) file(g, e.clock, Place::Reached, d);
    else place_after_pause(g, e.clock, r);
  }
  group.paused = true;
  group.pause_start = s;
  group.r_base = r;
}

void PauseClocks::resume_group(uint32_t g, Instant e) {
  Group& group = groups_[g];
  group.p_total += e - group.pause_start;
  group.paused = false;
  group.anchor = group.cursor_at = e;
  group.cursor_r = group.r_base;
  if (!group.zero.empty()) group.zero_deadline = advance(e, Millis{0});
}

// Two groups of one key in the same state at `t`: the smaller joins the larger. Values in R and P
// move by the difference of the two groups' totals at `t` (equal from then on). Two running groups
// may have resumed at different instants, so the clocks that move take an explicit deadline.
uint32_t PauseClocks::merge(uint32_t a, uint32_t b, Instant t) {
  uint32_t dst = groups_[a].live >= groups_[b].live ? a : b;
  uint32_t src = dst == a ? b : a;
  Group& d = groups_[dst];
  Group& s = groups_[src];
  Millis dr = r_at(d, t) - r_at(s, t);
  Millis dp = p_at(d, t) - p_at(s, t);
  std::vector<ClockId> moving;
  moving.swap(s.clocks);
  for (ClockId c : moving) {
    Clock& clock = clocks_[c];
    if (!clock.alive || clock.group != src) continue;
    Place place = clock.place;
    std::optional<Instant> deadline;
    if (!s.paused && place == Place::Heap) deadline = advance(s.anchor, clock.target - s.r_base);
    if (!s.paused && place == Place::Zero) deadline = s.zero_deadline;
    if (place == Place::Due) deadline = clock.deadline;
    clock.r_join += dr;
    clock.p_join += dp;
    clock.target += dr;
    d.clocks.push_back(c);
    if (place == Place::Reached) {
      clock.group = dst;
      continue;
    }
    if (deadline) file(dst, c, Place::Due, *deadline);
    else file(dst, c, place);
  }
  d.live += s.live;
  free_group(src);
  return dst;
}

// The running groups of a key, merged by state: a P2 that ended nothing at `t`, or not.
void PauseClocks::merge_running(Timeline& tl, Instant t) {
  if (tl.running.size() < 2) return;
  uint32_t kept[2] = {UINT32_MAX, UINT32_MAX};
  for (uint32_t g : tl.running) {
    int cls = groups_[g].stray_end && *groups_[g].stray_end == t ? 1 : 0;
    kept[cls] = kept[cls] == UINT32_MAX ? g : merge(kept[cls], g, t);
  }
  tl.running.clear();
  for (uint32_t g : kept)
    if (g != UINT32_MAX) tl.running.push_back(g);
}

// Clock `c` is taken out of its group into a group of its own in the same state, so that an
// event its group sees passes it by.
uint32_t PauseClocks::detach(ClockId c, Instant) {
  uint32_t old = clocks_[c].group;
  Timeline* tl = groups_[old].timeline;
  uint32_t g = new_group(tl);
  Group& from = groups_[old];
  Group& to = groups_[g];
  to.paused = from.paused;
  to.anchor = from.anchor;
  to.r_base = from.r_base;
  to.pause_start = from.pause_start;
  to.p_total = from.p_total;
  to.stray_end = from.stray_end;
  to.zero_deadline = from.zero_deadline;
  to.cursor_at = from.cursor_at;
  to.cursor_r = from.cursor_r;
  to.clocks.push_back(c);
  to.live = 1;
  --from.live;
  Clock& clock = clocks_[c];
  file(g, c, clock.place, clock.deadline);
  auto& list = to.paused ? tl->paused : tl->running;
  if (from.live == 0) {
    if (!from.paused) tl->running.erase(std::find(tl->running.begin(), tl->running.end(), old)), free_group(old);
    else ++tl->empty_paused;
  }
  list.push_back(g);
  return g;
}

void PauseClocks::on_pause_event(const std::string& key, Instant t, bool starts, bool ends, uint32_t event) {
  if (!starts && !ends) return;
  auto it = timelines_.find(key);
  if (it == timelines_.end()) return;
  Timeline& tl = it->second;
  arrive(tl, t);
  uint32_t own = UINT32_MAX;  // the group of the clock this event is the activation of
  if (auto found = tl.started_now.find(event); found != tl.started_now.end()) {
    const Clock& clock = clocks_[found->second];
    if (clock.alive && clock.activation == event && groups_[clock.group].timeline == &tl) own = detach(found->second, t);
  }

  std::vector<uint32_t> running, paused_now;  // after the event
  for (uint32_t g : tl.running) {
    Group& group = groups_[g];
    if (g == own || !starts) {
      if (g != own && ends) group.stray_end = t;  // a P2 with no pause to end
      running.push_back(g);
    } else if (group.stray_end && *group.stray_end == t) {
      group.stray_end.reset();  // its P2 has the same instant: an empty pause, that P2 used up
      running.push_back(g);
    } else {
      pause_group(g, t);
      paused_now.push_back(g);
    }
  }
  std::vector<uint32_t> paused;
  if (ends) {
    // Every pause of this key ends here (but the one of the event's own activation, if it is one).
    uint32_t resumed = UINT32_MAX;
    for (uint32_t g : tl.paused) {
      if (groups_[g].live == 0) {
        free_group(g);
        continue;
      }
      if (g == own) {
        paused.push_back(g);
        continue;
      }
      resume_group(g, t);
      resumed = resumed == UINT32_MAX ? g : merge(resumed, g, t);
    }
    tl.empty_paused = 0;
    if (resumed != UINT32_MAX) running.push_back(resumed);
  } else {
    paused = std::move(tl.paused);
  }
  // Groups that paused at `t` are in one state with any paused at `t` before.
  if (!paused_now.empty()) {
    uint32_t joined = paused_now[0];
    for (size_t i = 1; i < paused_now.size(); ++i) joined = merge(joined, paused_now[i], t);
    if (!paused.empty() && groups_[paused.back()].live > 0 && groups_[paused.back()].pause_start == t &&
        paused.back() != own)
      paused.back() = merge(paused.back(), joined, t);
    else
      paused.push_back(joined);
  }
  tl.running = std::move(running);
  tl.paused = std::move(paused);
  merge_running(tl, t);
}

std::optional<Instant> PauseClocks::deadline(ClockId id) const {
  const Clock& clock = clocks_[id];
  if (clock.place == Place::Reached) return clock.deadline;
  const Group& group = groups_[clock.group];
  if (group.paused) return std::nullopt;
  switch (clock.place) {
    case Place::Heap: return advance(group.anchor, clock.target - group.r_base);
    case Place::Zero: return group.zero_deadline;
    case Place::Never: return Instant::max();
    default: return clock.deadline;
  }
}

bool PauseClocks::paused(ClockId id) const { return groups_[clocks_[id].group].paused; }

Instant PauseClocks::paused_since(ClockId id) const { return groups_[clocks_[id].group].pause_start; }

Millis PauseClocks::counted_until(ClockId id, Instant t) const {
  const Clock& clock = clocks_[id];
  return r_at(groups_[clock.group], t) - clock.r_join;
}

Millis PauseClocks::paused_until(ClockId id, Instant t) const {
  const Clock& clock = clocks_[id];
  return p_at(groups_[clock.group], t) - clock.p_join;
}

// Drops the stale entries of a group once they outnumber the live ones (settled clocks leave
// their entries behind), so that a key waited on for years holds only its waiting clocks.
void PauseClocks::compact(Group& g) {
  auto keep = [&](std::vector<Entry>& v, bool heap) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const Entry& e) { return !valid(e); }), v.end());
    if (heap) std::make_heap(v.begin(), v.end(), later<Entry>);
  };
  keep(g.heap, true);
  keep(g.due, true);
  keep(g.zero, false);
  keep(g.never, false);
  uint32_t self = static_cast<uint32_t>(&g - groups_.data());
  g.clocks.erase(std::remove_if(g.clocks.begin(), g.clocks.end(),
                                [&](ClockId c) { return !clocks_[c].alive || clocks_[c].group != self; }),
                 g.clocks.end());
}

void PauseClocks::stop(ClockId id) {
  Clock& clock = clocks_[id];
  if (!clock.alive) return;
  clock.alive = false;
  ++clock.seq;
  uint32_t g = clock.group;
  Group& group = groups_[g];
  Timeline& tl = *group.timeline;
  --group.live;
  --tl.live;
  free_clocks_.push_back(id);
  if (tl.live == 0) {
    for (uint32_t r : tl.running) free_group(r);
    for (uint32_t p : tl.paused) free_group(p);
    if (&tl == &unkeyed_) {
      unkeyed_.running.clear();
      unkeyed_.paused.clear();
      unkeyed_.empty_paused = 0;
      unkeyed_.started_now = {};
    } else {
      std::string key = tl.key;  // not a reference into the node being erased
      timelines_.erase(key);
    }
    return;
  }
  if (group.live == 0) {
    if (!group.paused) {
      tl.running.erase(std::find(tl.running.begin(), tl.running.end(), g));
      free_group(g);
    } else if (++tl.empty_paused > tl.paused.size() / 2 + 8) {
      std::vector<uint32_t> kept;
      for (uint32_t p : tl.paused) {
        if (groups_[p].live == 0) free_group(p);
        else kept.push_back(p);
      }
      tl.paused = std::move(kept);
      tl.empty_paused = 0;
    }
    return;
  }
  size_t entries = group.heap.size() + group.due.size() + group.zero.size() + group.never.size();
  if (group.clocks.size() > 2 * size_t{group.live} + 16 || entries > 2 * size_t{group.live} + 16) compact(group);
}

}  // namespace pactum::eval
