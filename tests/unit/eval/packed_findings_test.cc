// PackedFindings: every finding comes back from its bytes as it went in, field by field and in
// order (empty and absent fields, NUL bytes, negative and extreme numbers, a record larger than
// a block, thousands of findings across blocks); the finding added last can still be changed;
// the cited events are those of all findings.
#include <catch2/catch.hpp>

#include <limits>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "engine/eval/finding_order.h"
#include "engine/eval/packed_findings.h"

using namespace pactum;
using eval::Finding;
using eval::Measure;
using eval::PackedFindings;

namespace {

model::Block a_block;
model::Rule a_rule;

Instant at(int64_t ms) { return Instant{Millis{ms}}; }

// Every field of a Finding, each difference named.
std::vector<std::string> differences(const Finding& a, const Finding& b) {
  std::vector<std::string> out;
  auto check = [&](bool same, const char* what) {
    if (!same) out.push_back(what);
  };
  check(a.block_index == b.block_index, "block_index");
  check(a.block == b.block, "block");
  check(a.rule == b.rule, "rule");
  check(a.reason == b.reason, "reason");
  check(a.responsible == b.responsible, "responsible");
  check(a.at == b.at, "at");
  check(a.window.has_value() == b.window.has_value() &&
            (!a.window || (a.window->start == b.window->start && a.window->end == b.window->end)),
        "window");
  check(a.events == b.events, "events");
  check(a.measured.size() == b.measured.size(), "measured count");
  for (size_t i = 0; i < std::min(a.measured.size(), b.measured.size()); ++i) {
    const Measure &x = a.measured[i], &y = b.measured[i];
    check(x.key == y.key, "measure key");
    check(x.number.has_value() == y.number.has_value() && (!x.number || *x.number == *y.number), "measure number");
    check(x.text == y.text, "measure text");
    check(x.list == y.list, "measure list");
    check(x.exact.has_value() == y.exact.has_value() &&
              (!x.exact || (x.exact->num == y.exact->num && x.exact->den == y.exact->den)),
          "measure exact");
  }
  check(a.message == b.message, "message");
  check(a.delay == b.delay, "delay");
  return out;
}

std::vector<Finding> samples() {
  std::vector<Finding> list;
  list.push_back(Finding{});  // every field empty or absent
  Finding late;
  late.block_index = 300;
  late.block = &a_block;
  late.rule = &a_rule;
  late.reason = "late";
  late.responsible = {"Acme", "Northwind"};
  late.at = at(1767225600000);
  late.events = {0, 127, 128, 16383, 16384, std::numeric_limits<uint32_t>::max() - 1};
  late.measured.push_back(Measure{"notice_hours", 25.5, "", {}});
  late.measured.push_back(Measure{"deadline", std::nullopt, "2026-03-02T09:00:00-05:00", {}});
  late.message = "site_visit at Mon 2026-03-02 09:00 was announced by notice 25 hours 30 minutes before";
  late.delay = Millis{-5};
  list.push_back(late);
  Finding window;
  window.reason = "below-target";
  window.at = at(-2208988800000);  // 1900
  window.window = calendar::Interval{at(-2208988800000), at(7258118400000)};
  Measure share{"share", 66.6667, "", {}};
  share.exact = Measure::Fraction{std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  window.measured.push_back(share);
  window.measured.push_back(Measure{"outside_hours_of", std::nullopt, "", {"Acme", "", std::string("N\0W", 3)}});
  window.measured.push_back(Measure{"", -0.0, std::string(300, 'x'), {}});
  static const char with_nul[] = "a NUL \0 byte and UTF-8 \xc3\xa9";
  window.message = std::string(with_nul, sizeof with_nul - 1);
  window.delay = Millis{std::numeric_limits<int64_t>::max()};
  list.push_back(window);
  Finding huge;
  huge.reason = "forbidden";
  huge.message = std::string(600 * 1024, 'm');  // larger than a block
  huge.events = {42};
  list.push_back(huge);
  return list;
}

}  // namespace

TEST_CASE("packed findings: each comes back as it went in, in order, on one thread or several", "[eval]") {
  // Blocks are unpacked on several threads when there are a few blocks per thread: 20,000
  // findings of about 200 bytes fill some 16 blocks.
  const unsigned threads = GENERATE(1u, 2u, 3u, 8u);
  CAPTURE(threads);
  std::vector<Finding> in = samples();
  for (int i = 0; i < 20000; ++i) {  // across many blocks, with the samples in between
    Finding f;
    f.reason = i % 2 ? "late" : "missing";
    f.at = at(i * 60000);
    f.events = {static_cast<uint32_t>(i)};
    f.message = fmt::format("finding number {} of a test that needs a few blocks of packed findings {}", i,
                            std::string(static_cast<size_t>(i % 97), '.'));
    f.measured.push_back(Measure{"n", double(i), "", {}});
    in.push_back(f);
    if (i % 1000 == 0) in.push_back(samples()[static_cast<size_t>(i / 1000) % 4]);
  }
  PackedFindings packed;
  for (const Finding& f : in) packed.add(f);
  REQUIRE(packed.size() == in.size());
  std::vector<uint32_t> cited;
  packed.cited(cited);
  std::vector<uint32_t> expected;
  for (const Finding& f : in) expected.insert(expected.end(), f.events.begin(), f.events.end());
  CHECK(cited == expected);

  std::vector<Finding> out{Finding{}};  // appended after what is there
  packed.hand_over(out, threads);
  REQUIRE(out.size() == in.size() + 1);
  for (size_t i = 0; i < in.size(); ++i) {
    std::vector<std::string> differing = differences(in[i], out[i + 1]);
    CAPTURE(i, in[i].reason, differing);
    CHECK(differing.empty());
  }
  CHECK(packed.empty());
  cited.clear();
  packed.cited(cited);
  CHECK(cited.empty());
}

TEST_CASE("packed findings: several stores unpacked at once land in their reserved places", "[eval]") {
  // As a pass does it: each rule reserves places for what it kept (reserve), other findings are
  // appended in between (and may move the array), then every store is unpacked together.
  const unsigned threads = GENERATE(1u, 2u, 3u, 8u);
  CAPTURE(threads);
  auto finding = [](size_t store, size_t i) {
    Finding f;
    f.block_index = store;
    f.reason = fmt::format("store {}", store);
    f.at = at(static_cast<int64_t>(i) * 1000);
    f.events = {static_cast<uint32_t>(i), static_cast<uint32_t>(store)};
    f.message = fmt::format("finding {} of store {} {}", i, store, std::string(i % 113, '.'));
    return f;
  };
  // Stores of 0, 1 (only the open finding), a few and many blocks' worth of findings.
  const std::vector<size_t> counts = {0, 1, 3, 9000, 0, 2500, 14000};
  std::vector<PackedFindings> stores(counts.size());
  std::vector<Finding> expected, out;
  std::vector<PackedFindings::Reserved> reserved;
  for (size_t s = 0; s < counts.size(); ++s) {
    for (size_t i = 0; i < counts[s]; ++i) stores[s].add(finding(s, i));
    Finding direct;  // appended by a rule straight into the outcome, between the reservations
    direct.reason = fmt::format("direct {}", s);
    out.push_back(direct);
    expected.push_back(direct);
    reserved.push_back(PackedFindings::Reserved{&stores[s], stores[s].reserve(out)});
    for (size_t i = 0; i < counts[s]; ++i) expected.push_back(finding(s, i));
  }
  REQUIRE(out.size() == expected.size());
  PackedFindings::unpack_all(reserved, out, threads);
  for (size_t i = 0; i < expected.size(); ++i) {
    std::vector<std::string> differing = differences(expected[i], out[i]);
    CAPTURE(i, expected[i].reason, differing);
    CHECK(differing.empty());
  }
  for (const auto& store : stores) CHECK(store.empty());
}

TEST_CASE("packed findings: the finding added last can still be changed", "[eval]") {
  PackedFindings packed;
  Finding& first = packed.add(Finding{});
  first.message = "changed after add";
  first.events.push_back(7);
  first.measured.push_back(Measure{"notice_hours", 3.0, "", {}});
  std::vector<uint32_t> cited;
  packed.cited(cited);
  CHECK(cited == std::vector<uint32_t>{7});  // the open finding's events count too
  Finding& second = packed.add(Finding{});  // packs the first, with its changes
  second.reason = "late";
  std::vector<Finding> out;
  packed.hand_over(out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].message == "changed after add");
  CHECK(out[0].events == std::vector<uint32_t>{7});
  REQUIRE(out[0].measured.size() == 1);
  CHECK(out[0].measured[0].number == 3.0);
  CHECK(out[1].reason == "late");
}

TEST_CASE("packed findings: unpacked in the report's order, as if unpacked and then ordered", "[eval]") {
  // unpack_all_in_order orders by the keys kept beside the packed bytes and moves only the
  // findings that were never packed: the result must be unpack_all followed by order_findings.
  // Times, blocks and rules repeat a lot (ties go to the first event's place in the log, then to
  // the order the findings were made in); stores are of 0, 1, a few and many blocks' worth.
  log::EventLog log;
  for (uint32_t i = 0; i < 300; ++i) {
    log::Event e;
    e.file = i % 3;     // the place in the log is not the event's number
    e.index = 1000 - i;
    log.events.push_back(e);
  }
  model::Rule rules[3];
  for (int r = 0; r < 3; ++r) rules[r].number = 3 - r;
  // Either a rule's packed finding or one a rule appends directly, all made from `random`.
  auto make = [&](std::mt19937& random, size_t n) {
    Finding f;
    f.block_index = random() % 3;
    f.rule = &rules[random() % 3];
    f.at = at(static_cast<int64_t>(random() % 20) * 60000);
    if (random() % 5) f.events = {static_cast<uint32_t>(random() % 300), static_cast<uint32_t>(random() % 300)};
    f.reason = "late";
    f.message = fmt::format("finding {}", n);
    return f;
  };
  struct Built {
    std::vector<PackedFindings> stores;
    std::vector<PackedFindings::Reserved> reserved;
    std::vector<Finding> out;
  };
  const std::vector<size_t> counts = {0, 1, 3, 9000, 0, 2500, 14000};
  const size_t direct = GENERATE(0, 1, 40);  // findings appended directly before each store
  auto build = [&] {
    Built b;
    b.stores = std::vector<PackedFindings>(counts.size());
    std::mt19937 random(17);
    size_t n = 0;
    for (size_t s = 0; s < counts.size(); ++s) {
      for (size_t i = 0; i < counts[s]; ++i) b.stores[s].add(make(random, n++));
      for (size_t d = 0; d < direct; ++d) b.out.push_back(make(random, n++));
      b.reserved.push_back(PackedFindings::Reserved{&b.stores[s], b.stores[s].reserve(b.out)});
    }
    return b;
  };
  Built reference = build();
  PackedFindings::unpack_all(reference.reserved, reference.out, 1);
  eval::order_findings(reference.out, log);
  const unsigned threads = GENERATE(1u, 2u, 8u);
  CAPTURE(direct, threads);
  Built ordered = build();
  PackedFindings::unpack_all_in_order(ordered.reserved, ordered.out, log, threads);
  REQUIRE(ordered.out.size() == reference.out.size());
  size_t wrong = 0;
  for (size_t i = 0; i < reference.out.size() && wrong < 5; ++i) {
    std::vector<std::string> differing = differences(reference.out[i], ordered.out[i]);
    CAPTURE(i, reference.out[i].message, ordered.out[i].message, differing);
    CHECK(differing.empty());
    wrong += !differing.empty();
  }
  for (const auto& store : ordered.stores) CHECK(store.empty());
}

TEST_CASE("order_findings: by time, block, rule number, the first event's place, then as made", "[eval]") {
  log::EventLog log;
  for (uint32_t i = 0; i < 4; ++i) {
    log::Event e;
    e.file = i < 2 ? 1 : 0;  // events 2 and 3 come first in the merged log
    e.index = i;
    log.events.push_back(e);
  }
  model::Rule one, two;
  one.number = 1, two.number = 2;
  auto finding = [&](const char* name, int64_t minute, size_t block, const model::Rule& rule, std::vector<uint32_t> events) {
    Finding f;
    f.message = name;
    f.at = at(minute * 60000);
    f.block_index = block;
    f.rule = &rule;
    f.events = std::move(events);
    return f;
  };
  std::vector<Finding> findings = {
      finding("later", 5, 0, one, {}),         finding("block 1", 1, 1, one, {}),
      finding("rule 2", 1, 0, two, {}),        finding("event 0", 1, 0, one, {0}),
      finding("no event", 1, 0, one, {}),      finding("event 3", 1, 0, one, {3}),
      finding("event 2", 1, 0, one, {2, 0}),   finding("event 3 again", 1, 0, one, {3}),
  };
  eval::order_findings(findings, log);
  std::vector<std::string> order;
  for (const auto& f : findings) order.push_back(f.message);
  CHECK(order == std::vector<std::string>{"event 2", "event 3", "event 3 again", "event 0", "no event", "rule 2",
                                          "block 1", "later"});
}
