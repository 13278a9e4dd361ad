// EventLog::compact: a streamed check drops evaluated events but keeps those the rules still
// cite (their own fields; their attributes are gone) and the events not yet evaluated (with
// their attributes and list items); events keep their indices.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/log/event_log.h"

using namespace pactum;
using namespace pactum::log;

namespace {

// Event i has id "E<i>", one Number attribute `n` = i, and every third one a List `tags` of
// i and i + 1.
void append(EventLog& log, uint32_t i) {
  Event e;
  e.at = Instant{std::chrono::milliseconds{1000 * i}};
  e.type = log.symbols.intern("call");
  e.id = log.symbols.intern("E" + std::to_string(i));
  e.order = log.count();
  e.attr_begin = static_cast<uint32_t>(log.attributes.size());
  Value n;
  n.kind = Value::Kind::Number;
  n.number = i;
  log.attributes.push_back(Attribute{log.symbols.intern("n"), n});
  if (i % 3 == 0) {
    Value list;
    list.kind = Value::Kind::List;
    list.list_begin = static_cast<uint32_t>(log.list_items.size());
    list.list_size = 2;
    for (uint32_t k : {i, i + 1}) {
      Value item;
      item.kind = Value::Kind::Number;
      item.number = k;
      log.list_items.push_back(item);
    }
    log.attributes.push_back(Attribute{log.symbols.intern("tags"), list});
  }
  e.attr_count = static_cast<uint32_t>(log.attributes.size() - e.attr_begin);
  log.events.push_back(e);
}

// What event `index` reads as: its id, `n`, and its tags.
std::string describe(const EventLog& log, uint32_t index) {
  const Event& e = log.event(index);
  std::string out(log.symbols.text(e.id));
  if (const Value* n = log.attribute(e, *log.symbols.find("n"))) out += " n=" + std::to_string(int(n->number));
  if (auto tags = log.symbols.find("tags"))
    if (const Value* list = log.attribute(e, *tags))
      for (uint32_t k = 0; k < list->list_size; ++k)
        out += " t=" + std::to_string(int(log.list_items[list->list_begin + k].number));
  return out;
}

}  // namespace

// What a finding cites of event `index`: its own fields.
static std::string fields(const EventLog& log, uint32_t index) {
  const Event& e = log.event(index);
  return std::string(log.symbols.text(e.id)) + " at " + std::to_string(e.at.time_since_epoch().count()) + " order " +
         std::to_string(e.order);
}

TEST_CASE("compact: held events keep their fields, the unevaluated window its attributes") {
  EventLog whole, streamed;
  for (uint32_t i = 0; i < 40; ++i) append(whole, i);
  std::vector<uint32_t> held_so_far;
  // Stream in batches of 7, evaluating up to a cut 2 short of the end, holding every 5th event
  // and, for one batch only, event 8 (released afterwards: it must then be gone).
  for (uint32_t i = 0; i < 40; ++i) {
    append(streamed, i);
    if (streamed.count() % 7 != 0) continue;
    uint32_t cut = streamed.count() - 2;
    std::vector<uint32_t> held;
    for (uint32_t h = 0; h < cut; h += 5) held.push_back(h);
    if (streamed.count() == 14) held.insert(held.begin() + 2, 8);
    streamed.compact(cut, held);
    INFO("after " << streamed.count() << " events, cut at " << cut);
    for (uint32_t h : held) {
      CHECK(fields(streamed, h) == fields(whole, h));
      if (h < cut) CHECK_THROWS_AS(streamed.attribute(streamed.event(h), *streamed.symbols.find("n")), std::logic_error);
    }
    for (uint32_t k = cut; k < streamed.count(); ++k) CHECK(describe(streamed, k) == describe(whole, k));
  }
  CHECK(streamed.count() == 40);
  CHECK(streamed.find_event(8) == nullptr);
  CHECK(streamed.find_event(7) == nullptr);
  REQUIRE(streamed.find_event(35) != nullptr);
  CHECK(describe(streamed, 35) == describe(whole, 35));
  CHECK(fields(streamed, 30) == fields(whole, 30));
  CHECK(streamed.find_event(39) != nullptr);
  CHECK(streamed.index_of_position(streamed.events.size() - 1) == 39);
  // Only the held events and the last window stay: 0, 5, ..., 30 (below the last cut, 33) and 33..39.
  CHECK(streamed.events.size() == 7 + 7);
  CHECK_THROWS_AS(streamed.event(7), std::logic_error);
}

TEST_CASE("compact: a loaded log is its own window") {
  EventLog log;
  for (uint32_t i = 0; i < 5; ++i) append(log, i);
  CHECK(log.count() == 5);
  CHECK(log.window_base() == 0);
  CHECK(&log.event(3) == &log.events[3]);
  CHECK(log.find_event(5) == nullptr);
}

// find_event among the held events gallops out from where the thread's previous lookup ended:
// whatever order the lookups come in (ascending as a report reads them, descending, jumping, the
// same index again), each finds its event, and a dropped index finds none.
TEST_CASE("compact: held events are found in any order of lookups, dropped ones are not") {
  EventLog log;
  const uint32_t count = 5000;
  for (uint32_t i = 0; i < count; ++i) append(log, i);
  std::vector<uint32_t> held;
  for (uint32_t i = 0; i < 4000; ++i)
    if (i % 7 == 0 || (i > 1000 && i < 1100) || i % 331 == 1) held.push_back(i);
  log.compact(4000, held);
  auto is_held = [&](uint32_t i) { return i >= 4000 || std::binary_search(held.begin(), held.end(), i); };
  std::vector<std::pair<std::string, std::vector<uint32_t>>> orders;
  std::vector<uint32_t> up, down, jumps, again;
  for (uint32_t i = 0; i < count; ++i) up.push_back(i);
  down.assign(up.rbegin(), up.rend());
  for (uint32_t i = 0; i < count; ++i) jumps.push_back((i * 2654435761u) % count);
  for (uint32_t i = 0; i < 300; ++i) again.insert(again.end(), {7, 7, 3999, 0, 1050, 1050, 4999});
  orders = {{"ascending", up}, {"descending", down}, {"jumping", jumps}, {"repeated", again}};
  for (const auto& [name, lookups] : orders) {
    size_t wrong = 0;
    for (uint32_t i : lookups) {
      const Event* e = log.find_event(i);
      bool right = is_held(i) ? e && log.symbols.text(e->id) == "E" + std::to_string(i) : e == nullptr;
      if (!right && ++wrong <= 3) {
        INFO(name << ": event " << i << (is_held(i) ? " held" : " dropped") << ", found "
                  << (e ? std::string(log.symbols.text(e->id)) : "nothing"));
        CHECK(right);
      }
    }
    INFO(name);
    CHECK(wrong == 0);
  }
}
