// read_merged: several logs read at once give the events that loading them one after the other
// and sorting gives, in the same order (equal times: the log named first), with the same census
// (attribute names in order of first appearance, the bounds applied the same way); and it gives
// up, with every reader thread ended, on an input error, a repeated id, or when told to stop.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "engine/log/merged_reader.h"
#include "log_test_util.h"

using namespace pactum;
using namespace pactum::log;
using namespace pactum::log::testing;

namespace {

std::vector<std::string> write_logs(const std::vector<std::string>& texts) {
  std::vector<std::string> paths;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto path = scratch_dir() / fmt::format("merged-{}.yaml", i);
    std::ofstream(path, std::ios::binary) << texts[i];
    paths.push_back(path.string());
  }
  return paths;
}

// The events without their load position (`#order` differs: file by file, or merged).
std::string events_of(const EventLog& log) { return std::regex_replace(dump_events(log), std::regex(" #[0-9]+"), ""); }

std::string census_of(const EventLog& log) {
  std::string out;
  for (const auto& t : log.census.types()) {
    out += std::string(log.symbols.text(t.type)) + (t.overflow ? " (overflow):" : ":");
    for (Symbol k : t.keys) out += " " + std::string(log.symbols.text(k));
    out += "\n";
  }
  return out;
}

struct Reference {
  std::string events, census;
};

Reference load_one_after_another(const std::vector<std::string>& paths) {
  SourceManager sources;
  EventLog log;
  Diagnostics diags;
  for (const auto& p : paths) load_log(p, sources, log, diags, test_options());
  REQUIRE_FALSE(diags.has_errors());
  log.sort_by_time();
  return {events_of(log), census_of(log)};
}

struct Merged {
  MergeResult result;
  std::string events, census;
  size_t moved = 0;
};

Merged merge(const std::vector<std::string>& paths, std::function<bool(size_t)> keep_going = nullptr) {
  SourceManager sources;
  EventLog log;
  std::vector<Diagnostics> diags;
  Merged out;
  MergeHooks hooks;
  hooks.on_event = [&] { ++out.moved; };
  if (keep_going) hooks.keep_going = [&] { return keep_going(out.moved); };
  out.result = read_merged(paths, sources, log, diags, test_options(), hooks);
  out.events = events_of(log);
  out.census = census_of(log);
  return out;
}

// A stream-shaped log of `n` events: event i at minute start + i * step, type t<i % types>,
// with attributes that vary by log (`extra` names one more).
std::string stream_log(int n, int start, int step, const std::string& tag, int types = 2, const std::string& extra = "") {
  std::string out;
  for (int i = 0; i < n; ++i) {
    int minute = start + i * step;
    out += fmt::format("---\nat: 2026-01-{:02}T{:02}:{:02}:00Z\ntype: t{}\nid: {}-{}\nfrom: {}\ntags: [a{}, b]\n",
                       1 + minute / 1440, minute / 60 % 24, minute % 60, i % types, tag, i, tag, i % 5);
    if (!extra.empty()) out += extra + ": 1\n";
  }
  return out;
}

}  // namespace

TEST_CASE("merged: the events and census of loading the logs one after the other, sorted") {
  struct Case {
    const char* name;
    std::vector<std::string> logs;
  };
  std::string wide_a, wide_b;  // 40 + 40 attribute names for one type: past the bound of 64 together
  for (int i = 0; i < 40; ++i) wide_a += fmt::format("  a{}: 1\n", i), wide_b += fmt::format("  b{}: 1\n", i);
  std::vector<Case> cases = {
      {"interleaved", {stream_log(50, 0, 2, "A"), stream_log(50, 1, 2, "B")}},
      {"equal times: the log named first", {stream_log(30, 0, 1, "A"), stream_log(30, 0, 1, "B", 3, "more")}},
      {"one log after the other, the later named first", {stream_log(40, 100, 1, "A", 2, "late"), stream_log(40, 0, 1, "B", 3, "early")}},
      {"an empty log among them", {stream_log(20, 0, 3, "A"), "", stream_log(20, 1, 3, "C")}},
      {"a log mapping whose timezone follows its events",
       {stream_log(20, 600, 30, "A"),
        "events:\n  - {at: 2026-01-01T18:00, type: t9, id: Z-1}\n  - {at: 2026-01-02T02:00, type: t1, id: Z-2}\n"
        "timezone: Asia/Manila\n"}},
      {"attribute names past the bound, together only",
       {"at: 2026-01-01T00:00:00Z\ntype: wide\n" + std::regex_replace(wide_a, std::regex("^  ", std::regex::multiline), ""),
        "at: 2026-01-01T00:00:00Z\ntype: wide\n" + std::regex_replace(wide_b, std::regex("^  ", std::regex::multiline), "")}},
      // Enough events that readers take many turns, staging logs are trimmed and their texts
      // forgotten (ids never repeat).
      {"many turns", {stream_log(6000, 0, 3, "A", 4), stream_log(6000, 1, 3, "B", 5), stream_log(3000, 2, 6, "C")}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto paths = write_logs(c.logs);
    Reference want = load_one_after_another(paths);
    Merged got = merge(paths);
    REQUIRE(got.result == MergeResult::Done);
    CHECK(got.events == want.events);
    CHECK(got.census == want.census);
  }
}

TEST_CASE("merged: gives up, every reader ended") {
  auto good = stream_log(2000, 0, 2, "A");
  SECTION("an input error in one log") {
    auto paths = write_logs({good, "at: 2026-01-01T00:00:00Z\ntype: [x\n"});
    CHECK(merge(paths).result == MergeResult::InputErrors);
  }
  SECTION("an id repeated across logs") {
    auto paths = write_logs({good, stream_log(10, 1, 2, "A")});
    CHECK(merge(paths).result == MergeResult::DuplicateIds);
  }
  SECTION("told to stop") {
    auto paths = write_logs({good, stream_log(2000, 1, 2, "B"), stream_log(2000, 3, 2, "C")});
    Merged got = merge(paths, [](size_t moved) { return moved < 700; });
    CHECK(got.result == MergeResult::Stopped);
    CHECK(got.moved == 700);
  }
  SECTION("not mergeable: one log, or standard input") {
    auto paths = write_logs({good, good});
    CHECK_FALSE(can_merge({paths[0]}));
    CHECK_FALSE(can_merge({paths[0], "-"}));
    CHECK(can_merge(paths));
  }
}
