// Waivers (engine/triage/waivers.h, triage.h): which findings a waiver sets apart, when it has
// expired (a warning naming it, at its line), when it is unused, and the located errors of a bad
// waiver file. Table-driven over the findings of triage_fixture.h:
//   Tickets are answered|late|T1, |missing|T2, |late|T4, Monthly review|too-few|@2026-02-01
#include "tests/unit/triage/triage_fixture.h"

using namespace pactum;
using namespace pactum::triage_test;

namespace {

struct Applied {
  std::vector<std::string> waived;     // briefs, with the waiver's owner: "...|T1 by Acme"
  std::vector<std::string> kept;       // briefs of the findings left
  std::vector<std::string> warnings;   // located
  size_t expired = 0, unused = 0;
};

// Reads `yaml` as waivers.yaml (it must be valid) and applies it at `today` (00:00 UTC).
Applied apply_waivers(const std::string& yaml, const std::string& today) {
  auto s = evaluate();
  // `id: <T1>` in a row stands for the id of that finding (ids are hashes: computed, not written).
  std::string text = yaml;
  for (const char* name : {"Tickets are answered|late|T1", "Tickets are answered|missing|T2"}) {
    std::string key = fmt::format("<{}>", std::string(name).substr(std::string(name).rfind('|') + 1));
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key)) text.replace(at, key.size(), id_of(*s, name));
  }
  Diagnostics errors;
  uint32_t file = s->sources.add_text("waivers.yaml", text);
  auto waivers = triage::read_waivers(file, text, s->ast, s->agreement->zone, errors);
  INFO(s->render_errors(false));
  REQUIRE(waivers);
  Diagnostics warnings;
  auto r = triage::apply(s->outcome, s->log, &*waivers, nullptr, instant(today + "T00:00:00Z"), warnings);
  Applied out;
  for (const auto& w : r.waived) out.waived.push_back(brief(*s, w.finding) + " by " + w.waiver->owner);
  out.kept = briefs(*s, s->outcome.findings);
  out.warnings = located(*s, warnings);
  out.expired = r.expired.size();
  out.unused = r.unused.size();
  return out;
}

std::string entry(const std::string& match, const std::string& owner = "Acme", const std::string& until = "2026-12-31") {
  return "  - " + match + "\n    owner: " + owner + "\n    reason: agreed\n    until: " + until + "\n";
}

}  // namespace

TEST_CASE("waivers: what each kind of waiver matches", "[triage][waivers]") {
  const std::vector<std::string> all = {"Tickets are answered|late|T1", "Tickets are answered|missing|T2",
                                        "Tickets are answered|late|T4", "Monthly review|too-few|@2026-02-01"};
  auto without = [&](std::vector<std::string> gone) {
    std::vector<std::string> out;
    for (const auto& f : all)
      if (std::find(gone.begin(), gone.end(), f) == gone.end()) out.push_back(f);
    return out;
  };
  struct Row {
    const char* name;
    std::string yaml;
    std::vector<std::string> waived;
    size_t unused = 0;
  };
  const std::vector<Row> rows = {
      {"by id", "waivers:\n" + entry("id: <T1>"), {"Tickets are answered|late|T1 by Acme"}},
      {"by block + rule + event id", "waivers:\n" + entry("block: Tickets are answered\n    rule: 1\n    event: T2", "Northwind"),
       {"Tickets are answered|missing|T2 by Northwind"}},
      {"by block + event id (any rule)", "waivers:\n" + entry("block: Tickets are answered\n    event: T4"),
       {"Tickets are answered|late|T4 by Acme"}},
      {"by block + window", "waivers:\n" + entry("block: Monthly review\n    window: 2026-02-01"),
       {"Monthly review|too-few|@2026-02-01 by Acme"}},
      {"by block + window written as a date-time", "waivers:\n" + entry("block: Monthly review\n    window: 2026-02-01T00:00:00Z"),
       {"Monthly review|too-few|@2026-02-01 by Acme"}},
      {"a window of another month matches nothing", "waivers:\n" + entry("block: Monthly review\n    window: 2026-01-01"), {}, 1},
      {"an event of another block matches nothing", "waivers:\n" + entry("block: Monthly review\n    event: T1"), {}, 1},
      {"an event whose finding does not exist", "waivers:\n" + entry("block: Tickets are answered\n    rule: 1\n    event: T3"), {}, 1},
      {"id and block must both hold", "waivers:\n" + entry("id: <T1>\n    block: Monthly review"), {}, 1},
      {"the first waiver in force wins; the second is unused",
       "waivers:\n" + entry("id: <T1>", "Acme") + entry("block: Tickets are answered\n    event: T1", "Northwind"),
       {"Tickets are answered|late|T1 by Acme"}, 1},
      {"one waiver, several findings (block + rule + event is unique, a window is unique; an id too)",
       "waivers:\n" + entry("id: <T2>") + entry("block: Monthly review\n    window: 2026-02-01", "Northwind"),
       {"Tickets are answered|missing|T2 by Acme", "Monthly review|too-few|@2026-02-01 by Northwind"}},
      {"an empty file waives nothing", "", {}},
      {"an empty list waives nothing", "waivers:\n", {}},
  };
  for (const auto& r : rows) {
    INFO("row: " << r.name << "\n" << r.yaml);
    auto got = apply_waivers(r.yaml, "2026-06-01");
    CHECK(got.waived == r.waived);
    std::vector<std::string> gone;
    for (const auto& w : r.waived) gone.push_back(w.substr(0, w.rfind(" by ")));
    CHECK(got.kept == without(gone));
    CHECK(got.unused == r.unused);
    CHECK(got.expired == 0);
  }
}

TEST_CASE("waivers: expired waivers no longer apply and are named at their line", "[triage][waivers]") {
  std::string yaml = "waivers:\n" + entry("id: <T1>", "Acme", "2026-05-31") +
                     entry("block: Monthly review\n    window: 2026-02-01", "Northwind", "2026-06-01");
  struct Row {
    const char* today;
    std::vector<std::string> waived;
    std::vector<std::string> warnings;
  };
  const std::vector<Row> rows = {
      {"2026-05-31", {"Tickets are answered|late|T1 by Acme", "Monthly review|too-few|@2026-02-01 by Northwind"}, {}},
      // `until` is inclusive: in force to the end of that day.
      {"2026-06-01",
       {"Monthly review|too-few|@2026-02-01 by Northwind"},
       {"waivers.yaml:2:5: this waiver expired at the end of 2026-05-31 and no longer applies (owner Acme, until "
        "2026-05-31: agreed)"}},
      {"2026-06-02",
       {},
       {"waivers.yaml:2:5: this waiver expired at the end of 2026-05-31 and no longer applies (owner Acme, until "
        "2026-05-31: agreed)",
        "waivers.yaml:6:5: this waiver expired at the end of 2026-06-01 and no longer applies (owner Northwind, until "
        "2026-06-01: agreed)"}},
  };
  for (const auto& r : rows) {
    INFO("today " << r.today);
    auto got = apply_waivers(yaml, r.today);
    CHECK(got.waived == r.waived);
    CHECK(got.warnings == r.warnings);
    CHECK(got.expired == r.warnings.size());
    CHECK(got.kept.size() == 4 - r.waived.size());  // an expired waiver's finding counts again
  }
}

TEST_CASE("waivers: an unused waiver is reported at its line", "[triage][waivers]") {
  auto got = apply_waivers("waivers:\n" + entry("id: <T1>") + entry("block: Tickets are answered\n    event: T99", "Northwind"),
                   "2026-06-01");
  CHECK(got.warnings == std::vector<std::string>{"waivers.yaml:6:5: this waiver matches no finding (owner Northwind, "
                                                 "until 2026-12-31: agreed)"});
  CHECK(got.unused == 1);
  // An expired waiver is reported as expired, not also as unused.
  auto expired = apply_waivers("waivers:\n" + entry("block: Tickets are answered\n    event: T99", "Acme", "2026-01-01"), "2026-06-01");
  CHECK(expired.expired == 1);
  CHECK(expired.unused == 0);
}

TEST_CASE("waivers: a bad waiver file is an input error at file:line:column", "[triage][waivers]") {
  const std::string ok = "    owner: Acme\n    reason: agreed\n    until: 2026-12-31\n";
  struct Row {
    const char* name;
    std::string yaml;
    std::vector<std::string> errors;  // located, first line of each message
    std::vector<std::string> notes = {};  // notes of the first error
  };
  const std::vector<Row> rows = {
      {"misspelt key", "waivers:\n  - id: abc\n    ownr: Acme\n    reason: x\n    until: 2026-12-31\n",
       {"waivers.yaml:3:5: unknown key `ownr`"},
       {"did you mean `owner`?", "known keys: id, block, rule, event, window, owner, reason, until, approved_by"}},
      {"misspelt top-level key", "waiver:\n  - id: abc\n" + ok, {"waivers.yaml:1:1: unknown key `waiver`"},
       {"did you mean `waivers`?", "known keys: waivers"}},
      {"no until", "waivers:\n  - id: abc\n    owner: Acme\n    reason: x\n", {"waivers.yaml:2:5: this waiver has no `until`"}},
      {"no owner", "waivers:\n  - id: abc\n    reason: x\n    until: 2026-12-31\n", {"waivers.yaml:2:5: this waiver has no `owner`"}},
      {"until not a date", "waivers:\n  - id: abc\n    owner: Acme\n    reason: x\n    until: 2026-13-01\n",
       {"waivers.yaml:5:12: `until` is a date (YYYY-MM-DD), not `2026-13-01`"}},
      {"window not a date", "waivers:\n  - block: Monthly review\n    window: February\n" + ok,
       {"waivers.yaml:3:13: `window` is the window's start date (YYYY-MM-DD) or date-time, not `February`: "}},
      {"rule not a number", "waivers:\n  - block: Monthly review\n    rule: one\n    event: M1\n" + ok,
       {"waivers.yaml:3:11: `rule` is the rule's number in its block (1, 2, ...), not `one`"}},
      {"rule zero", "waivers:\n  - block: Monthly review\n    rule: 0\n    event: M1\n" + ok, {"waivers.yaml:3:11: `rule` counts from 1"}},
      {"rule beyond the block", "waivers:\n  - block: Monthly review\n    rule: 5\n    event: M1\n" + ok,
       {"waivers.yaml:2:5: \"Monthly review\" has 1 rule, not 5"}},
      {"unknown block", "waivers:\n  - block: Montly review\n    event: M1\n" + ok,
       {"waivers.yaml:2:5: the agreement has no term or expectation \"Montly review\""}, {"did you mean \"Monthly review\"?"}},
      {"matches nothing by construction", "waivers:\n  - block: Monthly review\n" + ok,
       {"waivers.yaml:2:5: this waiver matches no finding: give `id`, or `block` with `event` or `window`"}},
      {"event without its block", "waivers:\n  - event: T1\n" + ok,
       {"waivers.yaml:2:5: `event`, `window` and `rule` need the `block` they belong to"}},
      {"empty value", "waivers:\n  - id: abc\n    owner:\n    reason: x\n    until: 2026-12-31\n",
       {"waivers.yaml:3:11: `owner` needs a value"}},
      {"not a mapping", "- id: abc\n", {"waivers.yaml:1:1: a waiver file is a mapping with a `waivers:` list"}},
      {"waivers not a list", "waivers: abc\n", {"waivers.yaml:1:10: `waivers` must be a list of waivers (`- id: ...`)"}},
      {"an entry that is not a mapping", "waivers:\n  - abc\n",
       {"waivers.yaml:2:5: each waiver is a mapping (`- id: ...` with `owner`, `reason` and `until`)"}},
      {"every mistake of the file, not only the first",
       "waivers:\n  - id: abc\n    ownr: Acme\n    reason: x\n    until: 2026-12-31\n  - id: def\n    owner: Acme\n"
       "    reason: x\n    until: tomorrow\n",
       {"waivers.yaml:3:5: unknown key `ownr`", "waivers.yaml:9:12: `until` is a date (YYYY-MM-DD), not `tomorrow`"}},
  };
  for (const auto& r : rows) {
    INFO("row: " << r.name << "\n" << r.yaml);
    auto s = evaluate();
    Diagnostics errors;
    uint32_t file = s->sources.add_text("waivers.yaml", r.yaml);
    auto waivers = triage::read_waivers(file, r.yaml, s->ast, s->agreement->zone, errors);
    CHECK(!waivers);
    auto got = located(*s, errors);
    REQUIRE(got.size() == r.errors.size());
    for (size_t i = 0; i < got.size(); ++i) CHECK_THAT(got[i], Catch::StartsWith(r.errors[i]));
    if (!r.notes.empty()) CHECK(errors.items().front().notes == r.notes);
  }
  // Malformed YAML: the parser's place.
  auto s = evaluate();
  Diagnostics errors;
  std::string yaml = "waivers:\n  - id: [abc\n";
  auto waivers = triage::read_waivers(s->sources.add_text("waivers.yaml", yaml), yaml, s->ast, s->agreement->zone, errors);
  CHECK(!waivers);
  REQUIRE(errors.items().size() == 1);
  CHECK(errors.items()[0].loc.line >= 2);
  CHECK(errors.items()[0].loc.column >= 1);
}
