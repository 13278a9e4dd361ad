// Stable finding ids (spec V2.9). The expected texts and ids were computed independently with
// Python: json.dumps(array, separators=(",", ":"), ensure_ascii=False), then
// hashlib.sha256(text.encode()).hexdigest()[:16].
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/report/finding_id.h"
#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

TEST_CASE("short_sha256: the first 16 hex digits of SHA-256") {
  CHECK(short_sha256("abc") == "ba7816bf8f01cfea");  // FIPS 180-2 test vector
  CHECK(short_sha256("") == "e3b0c44298fc1c14");
}

TEST_CASE("finding ids: known answers for each shape of the hashed array") {
  Fixture fx;
  const auto& findings = fx.outcome.findings;
  struct Row {
    const eval::Finding* finding;
    const char* text;
    const char* id;
  };
  const Row rows[] = {
      {&findings[0], R"(["Site visits are announced",1,"late",null,null,["id","V-1"]])", "37f57455424c171a"},
      {&findings[2],
       R"(["Site visits are limited",1,"too-many","2026-02-01T05:00:00.000Z","2026-03-01T05:00:00.000Z",["id","V-3"]])",
       "775622c02b0e4a92"},
  };
  for (const auto& row : rows) {
    CHECK(finding_id_text(fx.log, *row.finding) == row.text);
    CHECK(finding_id(fx.log, *row.finding) == row.id);
  }

  // An event without an id is named by its type and UTC instant (milliseconds always printed);
  // names keep their UTF-8, only quotes, backslashes and control characters are escaped.
  eval::Finding odd = findings[0];
  model::Block block = *odd.block;
  block.name = "\xC3\x9Cn\xC3\xAF" "code \"quoted\" \\ block\ttab";
  model::Rule rule = *odd.rule;
  rule.number = 2;
  odd.block = &block;
  odd.rule = &rule;
  odd.reason = "pending";
  log::Event e = fx.log.event(odd.events.front());
  e.id = log::kNoSymbol;
  e.type = fx.log.symbols.intern("site_visit");
  e.at = at("2026-11-01T01:15:00.0429-05:00");  // the second 01:15 in New York; .0429 keeps .042
  fx.log.events.push_back(e);
  odd.events = {static_cast<uint32_t>(fx.log.events.size() - 1)};
  CHECK(finding_id_text(fx.log, odd) ==
        "[\"\xC3\x9Cn\xC3\xAF" "code \\\"quoted\\\" \\\\ block\\ttab\",2,\"pending\",null,null,"
        "[\"at\",\"site_visit\",\"2026-11-01T06:15:00.042Z\"]]");
  CHECK(finding_id(fx.log, odd) == "0e9fb36901f6bee7");

  // A window with no event at all (a week without a meeting): event null.
  eval::Finding empty = findings[2];
  block.name = "Weekly review";
  rule.number = 1;
  empty.block = &block;
  empty.rule = &rule;
  empty.reason = "too-few";
  empty.events.clear();
  empty.window = calendar::Interval{at("2026-01-05T00:00:00Z"), at("2026-01-12T00:00:00Z")};
  CHECK(finding_id_text(fx.log, empty) ==
        R"(["Weekly review",1,"too-few","2026-01-05T00:00:00.000Z","2026-01-12T00:00:00.000Z",null])");
  CHECK(finding_id(fx.log, empty) == "fb507c0ebb969d09");
}

TEST_CASE("finding ids: every finding and pending item in JSON has one, before the other fields") {
  Fixture fx;
  auto j = nlohmann::ordered_json::parse(render(Format::Json, fx.data()));
  size_t n = 0;
  for (const char* list : {"findings", "pending"})
    for (const auto& item : j[list]) {
      REQUIRE(item.contains("id"));
      CHECK(item["id"].get<std::string>().size() == 16);
      CHECK(item.begin().key() == "id");
      ++n;
    }
  CHECK(n == fx.outcome.findings.size() + fx.outcome.pending.size());
  CHECK(j["findings"][0]["id"] == "37f57455424c171a");
}
