// CI details: paths relative to `--root`, GitHub's 10-annotation limit, and input errors carried
// by the CI formats (github, sarif, junit, gitlab) when a run exits 2.
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;
using nlohmann::json;

namespace {

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

size_t count_prefix(const std::vector<std::string>& ls, const std::string& prefix) {
  return std::count_if(ls.begin(), ls.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
}

}  // namespace

TEST_CASE("ci paths: relative to the root when inside it, else absolute", "[report][ci]") {
  SourceManager sources;
  struct Row {
    const char* name;
    const char* root;
    const char* shown;
  };
  const std::vector<Row> rows = {
      {"examples/acme.terms", "", "examples/acme.terms"},  // no root: as given
      {"/repo/examples/acme.terms", "/repo", "examples/acme.terms"},
      {"/repo/examples/acme.terms", "/repo/", "examples/acme.terms"},
      {"/repo/./examples/../examples/acme.terms", "/repo", "examples/acme.terms"},
      {"/elsewhere/acme.terms", "/repo", "/elsewhere/acme.terms"},
      {"/repository/acme.terms", "/repo", "/repository/acme.terms"},  // a prefix is not a parent
      {"/repo/a b/x%y.yaml", "/repo", "a b/x%y.yaml"},
      {"<stdin>", "/repo", "<stdin>"},
  };
  for (const auto& r : rows) {
    INFO(r.name << " with root `" << r.root << "`");
    uint32_t file = sources.add_text(r.name, "");
    CHECK(repo_path(sources, r.root, file) == r.shown);
  }
  // A relative name is read from the current directory.
  auto cwd = std::filesystem::current_path().string();
  CHECK(repo_path(sources, cwd, sources.add_text("logs/a.yaml", "")) == "logs/a.yaml");
  CHECK(repo_path(sources, cwd + "/logs", sources.add_text("logs/a.yaml", "")) == "a.yaml");
}

TEST_CASE("ci paths: sarif, github, gitlab and junit use the root", "[report][ci]") {
  Fixture fx;
  ReportData d = fx.data();
  d.root = std::filesystem::current_path().string() + "/examples";
  json run = json::parse(render_sarif(d))["runs"][0];
  CHECK(run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "acme.terms");
  // The log is outside that root: an absolute file URI.
  std::string log_uri =
      run["results"][1]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
  CHECK(log_uri == "file://" + std::filesystem::current_path().string() + "/acme-2026.yaml");
  CHECK(render_github(d).find("::error file=acme.terms,line=27,") != std::string::npos);
  CHECK(json::parse(render_gitlab(d))[0]["location"]["path"] == "acme.terms");
  CHECK(render_junit(d).find("file=\"acme.terms\" line=\"27\"") != std::string::npos);
  // JSON and text keep the names as given.
  CHECK(json::parse(render_json(d))["findings"][0]["location"]["file"] == "examples/acme.terms");
}

TEST_CASE("github: at most 10 errors, the most severe, then a notice with the rest", "[report][ci]") {
  Fixture fx;
  // 12 more findings: 6 minor ones first, then 6 critical ones, and 11 lint warnings.
  for (int i = 0; i < 6; ++i)
    fx.outcome.findings.push_back(fx.item(3, 0, "below-target", {"Northwind"}, fx.outcome.as_of, {}, "minor " + std::to_string(i)));
  for (int i = 0; i < 6; ++i)
    fx.outcome.findings.push_back(fx.item(0, 0, "late", {"Acme"}, fx.outcome.as_of, {}, "critical " + std::to_string(i)));
  for (int i = 0; i < 10; ++i) fx.lint.push_back(fx.lint.front());
  std::string text = render_github(fx.data());
  auto out = lines(text);
  CHECK(count_prefix(out, "::error ") == 10);
  CHECK(count_prefix(out, "::warning ") == 10);
  // Most severe first: the 8 critical findings, then the major one, then a minor one.
  for (size_t i = 0; i < 8; ++i) CHECK(out[i].find("title=Site visits are announced rule") != std::string::npos);
  CHECK(out[8].find("title=Site visits are limited rule 1%3A too-many") != std::string::npos);
  CHECK(out[9].find("title=Service levels rule 1%3A below-target") != std::string::npos);
  // Then the notice: 6 more errors (minor) and 1 more warning, where to find them.
  CHECK(out[10] ==
        "::notice title=pactum%3A 6 more errors and 1 more warning in the full report::GitHub shows at most 10 error "
        "and 10 warning annotations per step; 6 more errors and 1 more warning are not annotated. The full report "
        "lists them all: run the same command with `--format text` (or json, sarif, markdown), or open the SARIF "
        "report in code scanning.");
  CHECK(out.back().rfind("pactum: 16 findings", 0) == 0);  // the summary still counts everything
  // At the limit, no notice.
  Fixture small;
  CHECK(render_github(small.data()).find("more error") == std::string::npos);
}

namespace {

// Two files with errors: an agreement line and a log line, one with hostile text.
struct ErrorFixture {
  SourceManager sources;
  std::vector<Diagnostic> errors;
  ErrorFixture(size_t count = 2) {
    uint32_t terms = sources.add_text("contracts/acme.terms", "agreement \"x\"\nterm \"t\"\n  every a requirez b\n");
    uint32_t log = sources.add_text("logs/a,b:c.yaml", "events:\n  - {at: x}\n");
    Diagnostic a;
    a.loc = SourceLoc{terms, 3, 11};
    a.message = "expected `requires`, found `requirez`";
    a.notes = {"did you mean `requires`?"};
    errors.push_back(a);
    for (size_t i = 1; i < count; ++i) {
      Diagnostic b;
      b.loc = SourceLoc{log, 2, static_cast<uint32_t>(i)};
      b.message = "`at` is not a date-time: `x\n::warning::injected 100%`";
      errors.push_back(b);
    }
  }
  InputErrors data(size_t not_shown = 0) const {
    return InputErrors{sources, errors, not_shown, "Acme services", ""};
  }
};

}  // namespace

TEST_CASE("input errors: github annotations, escaped, at most 10", "[report][ci][input-errors]") {
  ErrorFixture fx;
  auto out = lines(render_input_errors(Format::Github, fx.data()));
  REQUIRE(out.size() == 3);
  CHECK(out[0] ==
        "::error file=contracts/acme.terms,line=3,col=11,title=pactum%3A input error::expected `requires`, found "
        "`requirez`%0Adid you mean `requires`?");
  CHECK(out[1] ==
        "::error file=logs/a%2Cb%3Ac.yaml,line=2,col=1,title=pactum%3A input error::`at` is not a date-time: "
        "`x%0A::warning::injected 100%25`");
  CHECK(out[2] == "pactum: 2 input errors; nothing was evaluated");

  ErrorFixture many(14);
  auto capped = lines(render_input_errors(Format::Github, many.data(3)));
  CHECK(count_prefix(capped, "::error ") == 10);
  CHECK(capped[10].rfind("::notice title=pactum%3A 4 more errors in the full report::", 0) == 0);
  CHECK(capped[10].find("Every error is on standard error, in this step's log") != std::string::npos);
  CHECK(capped[11] == "pactum: 17 input errors (3 beyond the error limit not listed); nothing was evaluated");
}

TEST_CASE("input errors: a SARIF run that did not succeed", "[report][ci][input-errors]") {
  ErrorFixture fx;
  json s = json::parse(render_input_errors(Format::Sarif, fx.data(1)));
  CHECK(s["version"] == "2.1.0");
  const json& run = s["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "pactum");
  CHECK(!run["tool"]["driver"]["version"].get<std::string>().empty());
  CHECK(run["tool"]["driver"]["rules"][0]["id"] == "input-error");
  CHECK(run["tool"]["driver"]["rules"][0].contains("help"));
  CHECK(run["automationDetails"]["id"] == "pactum/Acme services/");
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  CHECK(run["invocations"][0]["exitCode"] == 2);
  CHECK(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] ==
        "3 input errors; nothing was evaluated (1 beyond the error limit are not listed)");
  REQUIRE(run["results"].size() == 2);
  const json& r = run["results"][1];
  CHECK(r["ruleId"] == "input-error");
  CHECK(r["ruleIndex"] == 0);
  CHECK(r["level"] == "error");
  CHECK(r["message"]["text"] == "`at` is not a date-time: `x\n::warning::injected 100%`");
  CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "logs/a,b:c.yaml");
  CHECK(r["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  CHECK(r["partialFingerprints"]["pactumInputError/v1"].get<std::string>().size() == 16);
  CHECK(run["properties"]["input_errors"] == 3);
}

TEST_CASE("input errors: a failing JUnit test case per error", "[report][ci][input-errors]") {
  ErrorFixture fx;
  std::string xml = render_input_errors(Format::Junit, fx.data(1));
  CHECK(markup_problem(xml) == "");
  CHECK(xml.find("<testsuites name=\"pactum: Acme services\" tests=\"3\" failures=\"3\" errors=\"0\" skipped=\"0\">") !=
        std::string::npos);
  CHECK(between(xml, "<failure ", ">").size() == 3);
  CHECK(xml.find("<testcase name=\"input error at contracts/acme.terms:3:11\" classname=\"input errors\" "
                 "file=\"contracts/acme.terms\" line=\"3\">") != std::string::npos);
  CHECK(xml.find("message=\"`at` is not a date-time: `x&#10;::warning::injected 100%`\" type=\"input-error\"") !=
        std::string::npos);
  CHECK(xml.find("<testcase name=\"more input errors\"") != std::string::npos);
}

TEST_CASE("input errors: GitLab blocker issues with unique fingerprints", "[report][ci][input-errors]") {
  ErrorFixture fx(3);
  json issues = json::parse(render_input_errors(Format::Gitlab, fx.data()));
  REQUIRE(issues.size() == 3);
  std::set<std::string> fingerprints;
  for (const auto& i : issues) {
    CHECK(i["severity"] == "blocker");
    CHECK(i["check_name"] == "pactum/input-error");
    fingerprints.insert(i["fingerprint"].get<std::string>());
  }
  CHECK(fingerprints.size() == 3);
  CHECK(issues[0]["location"]["path"] == "contracts/acme.terms");
  CHECK(issues[0]["location"]["lines"]["begin"] == 3);
  CHECK(issues[0]["description"] ==
        "input error: expected `requires`, found `requirez` (did you mean `requires`?); nothing was evaluated");
}

TEST_CASE("input errors: only the CI formats carry them", "[report][ci][input-errors]") {
  for (Format f : {Format::Text, Format::Json, Format::Markdown, Format::Html}) CHECK(!carries_input_errors(f));
  for (Format f : {Format::Github, Format::Sarif, Format::Junit, Format::Gitlab}) CHECK(carries_input_errors(f));
}
