// The knobs of issue 13, driven through the commands exactly as the CLI runs them (app::run_check,
// run_lint, run_init, run_fmt with string streams): finding filters in every format, several
// outputs in one run, --quiet, `pactum init` from the embedded templates, the progress line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <stdlib.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/app/commands.h"
#include "tests/unit/app/temp_folder.h"
#include "engine/app/progress.h"
#include "engine/app/templates.h"

using namespace pactum;
namespace fs = std::filesystem;

namespace {

const std::string kSource = PACTUM_SOURCE_DIR;
const std::string kTerms = kSource + "/tests/golden/cli/filters.terms";
const std::string kLog = kSource + "/tests/golden/cli/filters.yaml";

using Folder = testing::TempFolder;
using testing::slurp;

struct Run {
  int status;
  std::string out, err;
};

Run check(app::CheckOptions options, bool quiet = false) {
  std::ostringstream out, err;
  app::Streams io{out, err, false, quiet};
  int status = app::run_check(options, io);
  return {status, out.str(), err.str()};
}

app::CheckOptions filters_run() {
  app::CheckOptions o;
  o.agreement = kTerms;
  o.logs = {kLog};
  o.as_of = "2026-01-21";
  return o;
}

}  // namespace

// filters.yaml gives three findings and one pending item: TKT-A (missing, Provider, critical,
// clause 4.1), VIS-A (missing, Client, minor, 7.1), CHG-A (forbidden, Client and Provider, major,
// 7.2) and TKT-B (pending, Provider, critical, 4.1). Each event id appears in every format exactly
// when its finding is shown.
TEST_CASE("check filters select the findings of every format and the exit status follows them", "[filters]") {
  struct Case {
    app::FindingFilter filter;
    std::set<std::string> findings;  // event ids of the findings kept
    bool pending_kept;               // TKT-B
  };
  const std::vector<Case> cases = {
      {{{"Provider"}, {}, {}, {}}, {"TKT-A", "CHG-A"}, true},
      {{{"Client"}, {}, {}, {}}, {"VIS-A", "CHG-A"}, false},
      {{{"Client", "Provider"}, {}, {}, {}}, {"TKT-A", "VIS-A", "CHG-A"}, true},
      {{{}, {"Visits are announced"}, {}, {}}, {"VIS-A"}, false},
      {{{}, {}, {"4.1"}, {}}, {"TKT-A"}, true},
      {{{}, {}, {}, {"critical", "major"}}, {"TKT-A", "CHG-A"}, true},
      {{{"Client"}, {}, {}, {"minor"}}, {"VIS-A"}, false},
      {{{"Provider"}, {"Visits are announced"}, {}, {}}, {}, false},
      {{{"unassigned"}, {}, {}, {}}, {}, false},
  };
  const std::vector<std::string> all = {"TKT-A", "VIS-A", "CHG-A"};
  for (const auto& c : cases) {
    for (const auto& format : report::format_names()) {
      auto options = filters_run();
      options.filter = c.filter;
      options.format = *report::parse_format(format);
      Run r = check(options);
      INFO("filter parties=" << fmt::format("{}", fmt::join(c.filter.parties, ","))
                             << " terms=" << fmt::format("{}", fmt::join(c.filter.terms, ","))
                             << " clauses=" << fmt::format("{}", fmt::join(c.filter.clauses, ","))
                             << " severities=" << fmt::format("{}", fmt::join(c.filter.severities, ","))
                             << ", format " << format << ":\n"
                             << r.out << r.err);
      CHECK(r.status == (c.findings.empty() ? app::kOk : app::kFindings));
      for (const auto& id : all) {
        bool shown = r.out.find(id) != std::string::npos;
        INFO("event " << id);
        CHECK(shown == (c.findings.count(id) > 0));
      }
      if (!c.pending_kept) CHECK(r.out.find("TKT-B") == std::string::npos);
      if (format == "json") {
        auto j = nlohmann::json::parse(r.out);
        CHECK(j["summary"]["findings"] == c.findings.size());
        CHECK(j["summary"]["filtered"]["left_out"]["findings"] == 3 - c.findings.size());
        CHECK(j["summary"]["filtered"]["left_out"]["pending"] == (c.pending_kept ? 0 : 1));
        CHECK(j["pending"].size() == (c.pending_kept ? 1u : 0u));
      }
      if (format == "text") CHECK(r.out.find("\nFiltered: --") != std::string::npos);
    }
  }
}

TEST_CASE("a filter naming what the agreement does not have is an input error with a suggestion", "[filters]") {
  struct Case {
    app::FindingFilter filter;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{"Provder"}, {}, {}, {}}, "--party `Provder` names no party of the agreement; did you mean `Provider`?"},
      {{{}, {"Visits are anounced"}, {}, {}},
       "--term `Visits are anounced` names no term or expectation of the agreement; did you mean `Visits are announced`?"},
      {{{}, {}, {"9.9"}, {}}, "--clause `9.9` names no clause of the agreement"},
  };
  for (const auto& c : cases) {
    auto options = filters_run();
    options.filter = c.filter;
    Run r = check(options);
    INFO(r.err);
    CHECK(r.status == app::kInputError);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("several outputs (output FORMAT=FILE) are written in one run or none on input errors", "[outputs]") {
  Folder dir;
  auto options = filters_run();
  options.outputs = {{report::Format::Json, dir / "out.json"}, {report::Format::Sarif, dir / "out.sarif"}};
  Run r = check(options);
  CHECK(r.status == app::kFindings);
  CHECK(r.out.find("Summary: 3 findings") != std::string::npos);  // --format's report still on stdout

  // Each file holds what a run in that format alone prints.
  for (auto [format, file] : std::vector<std::pair<report::Format, std::string>>{{report::Format::Json, "out.json"},
                                                                               {report::Format::Sarif, "out.sarif"}}) {
    auto alone = filters_run();
    alone.format = format;
    INFO(file);
    CHECK(slurp(dir / file) == check(alone).out);
  }

  // With -o FILE too, standard output stays empty.
  options.output = dir / "out.txt";
  r = check(options);
  CHECK(r.out.empty());
  CHECK(slurp(dir / "out.txt").find("Summary: 3 findings") != std::string::npos);

  // An input error (a log that does not exist) writes no findings report; only a CI format
  // (here SARIF) carries the error itself, so that the pipeline shows it (docs/ci.md).
  Folder empty;
  auto broken = filters_run();
  broken.logs = {empty / "missing.yaml"};
  broken.output = empty / "a.txt";
  broken.outputs = {{report::Format::Json, empty / "b.json"}, {report::Format::Sarif, empty / "c.sarif"}};
  r = check(broken);
  CHECK(r.status == app::kInputError);
  CHECK_FALSE(fs::exists(empty / "a.txt"));
  CHECK_FALSE(fs::exists(empty / "b.json"));
  CHECK(slurp(empty / "c.sarif").find("missing.yaml") != std::string::npos);
  fs::remove(empty / "c.sarif");
  CHECK(fs::is_empty(empty.path));

  // Two reports into one file, or a report over an input: refused before anything is read.
  auto twice = filters_run();
  twice.outputs = {{report::Format::Json, empty / "same"}, {report::Format::Sarif, empty / "./same"}};
  r = check(twice);
  CHECK(r.status == app::kInputError);
  CHECK(r.err.find("two reports would be written to") != std::string::npos);
  auto over = filters_run();
  over.outputs = {{report::Format::Json, kLog}};
  r = check(over);
  CHECK(r.status == app::kInputError);
  CHECK(r.err.find("--output json=`") != std::string::npos);
  CHECK(fs::is_empty(empty.path));
}

TEST_CASE("a filter changes what is shown but not what --write-baseline records", "[filters]") {
  Folder dir;
  auto all = filters_run();
  all.write_baseline = dir / "all.json";
  check(all);
  auto filtered = filters_run();
  filtered.filter.parties = {"Client"};
  filtered.write_baseline = dir / "filtered.json";
  check(filtered);
  std::string everything = slurp(dir / "all.json");
  INFO(everything);
  CHECK(everything.find("Tickets are resolved") != std::string::npos);  // a Provider finding
  CHECK(slurp(dir / "filtered.json") == everything);
}

TEST_CASE("output values are FORMAT=FILE or a plain FILE", "[outputs]") {
  CHECK(!app::parse_extra_output("report.txt"));
  CHECK(!app::parse_extra_output("yaml=x"));  // not a format: a file called so
  CHECK(!app::parse_extra_output("json="));
  auto e = app::parse_extra_output("sarif=out/x=y.sarif");
  REQUIRE(e);
  CHECK(e->format == report::Format::Sarif);
  CHECK(e->path == "out/x=y.sarif");
}

TEST_CASE("quiet runs print no text report and no warnings but machine formats and errors", "[quiet]") {
  auto options = filters_run();
  Run r = check(options, true);
  CHECK(r.status == app::kFindings);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  options.format = report::Format::Json;
  r = check(options, true);
  CHECK(nlohmann::json::parse(r.out)["summary"]["findings"] == 3);
  options.logs = {kSource + "/no/such/log.yaml"};
  r = check(options, true);
  CHECK(r.status == app::kInputError);
  CHECK(r.err.find("cannot read log") != std::string::npos);
}

TEST_CASE("pactum init renames every embedded template and the result passes lint and fmt check", "[init]") {
  // The embedded templates are the files of rules/, byte for byte.
  std::set<std::string> files;
  for (const auto& f : fs::directory_iterator(kSource + "/rules"))
    if (f.path().extension() == ".terms") files.insert(f.path().stem().string());
  std::set<std::string> embedded(app::template_names().begin(), app::template_names().end());
  CHECK(files == embedded);
  for (const auto& t : app::embedded_templates()) {
    INFO(t.name);
    CHECK(t.text == slurp(kSource + "/rules/" + std::string(t.name) + ".terms"));
  }

  Folder dir;
  for (const auto& name : app::template_names()) {
    INFO("template " << name);
    app::InitOptions init;
    init.template_name = name;
    init.client = "Hospital";
    init.provider = "Kestrel";
    init.output = dir / (name + ".terms");
    std::ostringstream out, err;
    app::Streams io{out, err, false, false};
    REQUIRE(app::run_init(init, io) == app::kOk);
    std::string text = slurp(*init.output);
    CHECK(text.find("party Hospital\n") != std::string::npos);
    CHECK(text.find("party Kestrel\n") != std::string::npos);

    std::ostringstream lint_out, lint_err;
    app::LintOptions lint;
    lint.agreement = *init.output;
    CHECK(app::run_lint(lint, {lint_out, lint_err, false, false}) == app::kOk);
    INFO(lint_out.str() << lint_err.str());
    app::FmtOptions fmt_options;
    fmt_options.files = {*init.output};
    fmt_options.check = true;
    std::ostringstream fmt_out, fmt_err;
    CHECK(app::run_fmt(fmt_options, {fmt_out, fmt_err, false, false}) == app::kOk);
    CHECK(fmt_err.str().empty());

    // Refuses to overwrite without --force.
    std::ostringstream again_err;
    CHECK(app::run_init(init, {out, again_err, false, false}) == app::kInputError);
    CHECK(again_err.str().find("add --force") != std::string::npos);
    init.force = true;
    CHECK(app::run_init(init, {out, err, false, true}) == app::kOk);
  }

  // A name that is a word of the language is written in backticks; a name that is no name is refused.
  app::InitOptions note;
  note.client = "Note";
  std::ostringstream out, err;
  REQUIRE(app::run_init(note, {out, err, false, false}) == app::kOk);
  CHECK(out.str().find("party `Note`\n") != std::string::npos);
  app::InitOptions bad;
  bad.provider = "Kestrel Ltd";
  std::ostringstream bad_err;
  CHECK(app::run_init(bad, {out, bad_err, false, false}) == app::kInputError);
  CHECK(bad_err.str().find("is not a party name") != std::string::npos);
}

TEST_CASE("the progress line shows only when allowed and for large logs and is cleared at the end", "[progress]") {
  std::ostringstream err;
  {
    app::ProgressLine quiet(err, false);
    quiet.begin(uint64_t{1} << 30);
    quiet.update(1000, 10);
    quiet.end();
  }
  CHECK(err.str().empty());
  {
    app::ProgressLine small(err, true);
    small.begin(app::kProgressMinBytes - 1);
    small.update(1000, 10);
  }
  CHECK(err.str().empty());
  {
    app::ProgressLine large(err, true);
    large.begin(50'000'000);
    large.update(12'500'000, 123'456);
    CHECK(large.shown());
  }
  std::string s = err.str();
  INFO(s);
  CHECK(s.find("\rpactum: reading logs: 12.5 MB of 50.0 MB (25%), 123,456 events, ") != std::string::npos);
  CHECK(s.find("MB/s") != std::string::npos);
  CHECK(s.size() >= 2);
  CHECK(s.back() == '\r');  // cleared: spaces over the line, back to its start

  // PACTUM_PROGRESS decides for tests; --quiet always wins.
  ::setenv("PACTUM_PROGRESS", "always", 1);
  CHECK(app::progress_allowed(false));
  CHECK(!app::progress_allowed(true));
  ::setenv("PACTUM_PROGRESS", "never", 1);
  CHECK(!app::progress_allowed(false));
  ::unsetenv("PACTUM_PROGRESS");
}

// Waivers set the cheap finding apart; the expensive one must keep its own credit (it took the
// cheap one's when the credits were matched to findings by position), with or without a filter.
TEST_CASE("credits stay with their findings after waivers and filters", "[filters]") {
  Folder dir;
  std::ofstream(dir / "a.terms") << R"(agreement "W"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
  currency "EUR"

party Client
party Provider

term "Cheap"
  responsible Provider
  credit 10
  no small_thing

term "Expensive"
  responsible Provider
  credit 1000
  no big_thing
)";
  std::ofstream(dir / "l.yaml") << R"(events:
  - {id: S-1, at: 2026-01-05T10:00:00Z, type: small_thing}
  - {id: B-1, at: 2026-01-06T10:00:00Z, type: big_thing}
)";
  std::ofstream(dir / "w.yaml") << R"(waivers:
  - block: "Cheap"
    event: S-1
    owner: Provider
    reason: known
    until: 2026-12-31
)";
  for (bool filtered : {false, true}) {
    app::CheckOptions o;
    o.agreement = dir / "a.terms";
    o.logs = {dir / "l.yaml"};
    o.waivers = dir / "w.yaml";
    o.today = "2026-02-01";
    o.format = report::Format::Json;
    if (filtered) o.filter.terms = {"Expensive"};
    Run r = check(o);
    INFO((filtered ? "with --term Expensive\n" : "") << r.out << r.err);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["findings"].size() == 1);
    CHECK(j["findings"][0]["block"] == "Expensive");
    CHECK(j["findings"][0]["credit"]["amount"] == 1000.0);
  }
}
