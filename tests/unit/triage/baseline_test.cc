// Baselines (engine/triage/baseline.h, triage.h): known findings accepted, new ones kept, entries
// that match nothing reported as fixed at their line, ids that survive renamed, split and
// reordered logs, --strict-baseline failing the run, waivers before the baseline, and the located
// errors of a bad baseline file.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/app/commands.h"
#include "tests/unit/triage/triage_fixture.h"

using namespace pactum;
using namespace pactum::triage_test;

namespace {

const std::vector<std::string> kAll = {"Tickets are answered|late|T1", "Tickets are answered|missing|T2",
                                       "Tickets are answered|late|T4", "Monthly review|too-few|@2026-02-01"};

// The baseline text of the findings of `s` whose brief is in `names`, plus `extra` entry lines.
std::string baseline_of(const app::Session& s, const std::vector<std::string>& names, const std::string& extra = "") {
  std::vector<eval::Finding> chosen;
  for (const auto& f : s.outcome.findings)
    if (std::find(names.begin(), names.end(), brief(s, f)) != names.end()) chosen.push_back(f);
  std::string text = triage::write_baseline("T", chosen, s.log, s.agreement->zone);
  if (!extra.empty()) text.insert(text.rfind(']'), extra);
  return text;
}

struct Applied {
  std::vector<std::string> baselined, kept, fixed_warnings;
  size_t fixed = 0;
};

Applied apply_baseline(app::Session& s, const std::string& baseline_text, const std::string& waivers_yaml = "") {
  Diagnostics errors, warnings;
  auto baseline = triage::read_baseline(s.sources.add_text("baseline.json", baseline_text), baseline_text, errors);
  INFO(baseline_text);
  REQUIRE(baseline);
  std::optional<triage::WaiverFile> waivers;
  if (!waivers_yaml.empty()) {
    waivers = triage::read_waivers(s.sources.add_text("waivers.yaml", waivers_yaml), waivers_yaml, s.ast,
                                   s.agreement->zone, errors);
    REQUIRE(waivers);
  }
  auto r = triage::apply(s.outcome, s.log, waivers ? &*waivers : nullptr, &*baseline, instant("2026-06-01T00:00:00Z"),
                         warnings);
  Applied out;
  out.baselined = briefs(s, r.baselined);
  out.kept = briefs(s, s.outcome.findings);
  out.fixed = r.fixed.size();
  out.fixed_warnings = located(s, warnings);
  return out;
}

std::vector<std::string> sorted_ids(const app::Session& s) {
  std::vector<std::string> ids;
  for (const auto& f : s.outcome.findings) ids.push_back(report::finding_id(s.log, f));
  for (const auto& f : s.outcome.pending) ids.push_back(report::finding_id(s.log, f));
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("baseline: known findings are accepted, new ones fail", "[triage][baseline]") {
  struct Row {
    const char* name;
    std::vector<std::string> known;
    std::vector<std::string> kept;
  };
  const std::vector<Row> rows = {
      {"everything known", kAll, {}},
      {"nothing known", {}, kAll},
      {"one new finding", {kAll[0], kAll[2], kAll[3]}, {kAll[1]}},
      {"only the window known", {kAll[3]}, {kAll[0], kAll[1], kAll[2]}},
  };
  for (const auto& r : rows) {
    INFO("row: " << r.name);
    auto s = evaluate();
    auto got = apply_baseline(*s, baseline_of(*s, r.known));
    CHECK(got.kept == r.kept);
    CHECK(got.baselined.size() + got.kept.size() == 4);
    CHECK(got.fixed == 0);
    CHECK(s->outcome.by_party.at("Northwind") ==
          static_cast<size_t>(std::count_if(r.kept.begin(), r.kept.end(),
                                            [](const std::string& k) { return k.rfind("Tickets", 0) == 0; })));
  }
}

TEST_CASE("baseline: entries that match nothing are fixed, reported at their line", "[triage][baseline]") {
  auto s = evaluate();
  std::string extra = ",\n  {\"id\": \"00000000deadbeef\", \"block\": \"Gone\", \"rule\": 2, \"reason\": \"late\", \"at\": \"\"}\n ";
  std::string text = baseline_of(*s, kAll, extra);
  auto got = apply_baseline(*s, text);
  CHECK(got.kept.empty());
  CHECK(got.fixed == 1);
  CHECK(got.fixed_warnings == std::vector<std::string>{
                                  "baseline.json:9:1: fixed: 00000000deadbeef no longer reports this finding (\"Gone\", "
                                  "rule 2, late); remove it from the baseline"});
  // The written baseline is one finding per line (lines 4 to 7), sorted by id; line 9 is the entry
  // added by hand after them.
  std::istringstream lines(text);
  std::string line;
  for (int i = 0; i < 9; ++i) std::getline(lines, line);
  CHECK(line.find("00000000deadbeef") != std::string::npos);
}

TEST_CASE("baseline: ids do not depend on log names, splits or order", "[triage][baseline]") {
  auto whole = evaluate();
  std::vector<std::string> first(kEvents.begin(), kEvents.begin() + 4), second(kEvents.begin() + 4, kEvents.end());
  std::vector<std::string> shuffled = {kEvents[5], kEvents[0], kEvents[8], kEvents[3], kEvents[7],
                                       kEvents[1], kEvents[6], kEvents[2], kEvents[4]};
  struct Row {
    const char* name;
    std::vector<std::pair<std::string, std::vector<std::string>>> logs;
  };
  const std::vector<Row> rows = {
      {"renamed", {{"exports/2026-q1.yaml", kEvents}}},
      {"split in two, second half first", {{"zz-second.yaml", second}, {"aa-first.yaml", first}}},
      {"events in another order", {{"log.yaml", shuffled}}},
  };
  std::string known = baseline_of(*whole, kAll);
  for (const auto& r : rows) {
    INFO("row: " << r.name);
    auto s = evaluate(r.logs);
    CHECK(sorted_ids(*s) == sorted_ids(*whole));
    auto got = apply_baseline(*s, known);  // the baseline written from the whole log accepts them all
    CHECK(got.kept.empty());
    CHECK(got.fixed == 0);
  }
}

TEST_CASE("baseline: a waiver in force comes first; its baseline entry is not fixed", "[triage][baseline]") {
  auto s = evaluate();
  std::string waivers = "waivers:\n  - block: Tickets are answered\n    event: T1\n    owner: Acme\n    reason: x\n"
                        "    until: 2026-12-31\n";
  auto got = apply_baseline(*s, baseline_of(*s, {kAll[0], kAll[1]}), waivers);
  CHECK(got.baselined == std::vector<std::string>{kAll[1]});
  CHECK(got.kept == std::vector<std::string>{kAll[2], kAll[3]});
  CHECK(got.fixed == 0);
}

TEST_CASE("baseline: written and read back, sorted and without duplicates", "[triage][baseline]") {
  auto s = evaluate();
  std::vector<eval::Finding> twice = s->outcome.findings;
  twice.insert(twice.end(), s->outcome.findings.begin(), s->outcome.findings.end());
  std::string text = triage::write_baseline("T", twice, s->log, s->agreement->zone);
  Diagnostics errors;
  auto b = triage::read_baseline(s->sources.add_text("b.json", text), text, errors);
  REQUIRE(b);
  REQUIRE(b->entries.size() == 4);
  for (size_t i = 0; i < b->entries.size(); ++i) {
    CHECK(b->entries[i].line == i + 4);  // three header lines, then one entry per line
    if (i) CHECK(b->entries[i - 1].id < b->entries[i].id);
  }
  auto missing = std::find_if(b->entries.begin(), b->entries.end(), [](const auto& e) { return e.reason == "missing"; });
  REQUIRE(missing != b->entries.end());
  CHECK(missing->block == "Tickets are answered");
  CHECK(missing->rule == 1);
  CHECK(missing->at == "2026-01-06T09:00:00+00:00");
}

TEST_CASE("baseline: a bad baseline file is an input error at file:line:column", "[triage][baseline]") {
  struct Row {
    const char* name;
    std::string text;
    std::string error;
  };
  const std::vector<Row> rows = {
      {"not JSON", "{\"pactum_baseline\": 1,\n \"findings\": [\n  {\"id\": \"ab\",}\n ]}\n",
       "b.json:3:15: malformed baseline (JSON): syntax error"},
      {"not a baseline", "{\"findings\": []}\n", "b.json:1:1: not a pactum baseline"},
      {"another version", "{\"pactum_baseline\": 2, \"findings\": []}\n",
       "b.json:1:1: baseline version 2 is not one this pactum reads (1)"},
      {"an entry without an id", "{\"pactum_baseline\": 1,\n \"findings\": [\n  {\"block\": \"x\"}\n ]}\n",
       "b.json:1:1: a baseline entry needs its finding's `id`"},
      {"an id that is no id", "{\"pactum_baseline\": 1,\n \"findings\": [\n  {\"id\": \"XYZ\"}\n ]}\n",
       "b.json:3:1: a baseline entry needs its finding's `id`"},
  };
  for (const auto& r : rows) {
    INFO("row: " << r.name << "\n" << r.text);
    SourceManager sources;
    Diagnostics errors;
    uint32_t file = sources.add_text("b.json", r.text);
    CHECK(!triage::read_baseline(file, r.text, errors));
    REQUIRE(errors.items().size() == 1);
    const auto& d = errors.items()[0];
    CHECK_THAT(fmt::format("{}:{}:{}: {}", sources.name(d.loc.file), d.loc.line, d.loc.column, d.message),
               Catch::StartsWith(r.error));
  }
}

TEST_CASE("baseline: --strict-baseline fails the run on fixed entries, so a baseline only shrinks", "[triage][baseline]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / fmt::format("pactum-triage-{}", ::getpid());
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  std::string terms = write("a.terms", kTerms), log = write("log.yaml", log_text(kEvents));
  auto run = [&](std::optional<std::string> baseline, bool strict, std::optional<std::string> write_to = std::nullopt) {
    app::CheckOptions o;
    o.agreement = terms;
    o.logs = {log};
    o.as_of = "2026-03-31T12:00:00Z";
    o.baseline = baseline;
    o.strict_baseline = strict;
    o.write_baseline = write_to;
    o.format = report::Format::Json;
    std::ostringstream out, err;
    int status = app::run_check(o, app::Streams{out, err, false});
    INFO(err.str());
    return status;
  };
  std::string written = (dir / "written.json").string();
  CHECK(run(std::nullopt, false, written) == app::kFindings);  // 4 findings, none known
  CHECK(run(written, false) == app::kOk);                       // all known
  CHECK(run(written, true) == app::kOk);                        // nothing fixed: strict passes too
  std::ifstream in(written);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.insert(text.rfind(']'), ",\n  {\"id\": \"00000000deadbeef\", \"block\": \"Gone\", \"rule\": 1, \"reason\": \"late\"}\n ");
  std::string stale = write("stale.json", text);
  CHECK(run(stale, false) == app::kOk);        // a fixed entry alone does not fail...
  CHECK(run(stale, true) == app::kFindings);   // ...unless the baseline must shrink
  fs::remove_all(dir);
}
