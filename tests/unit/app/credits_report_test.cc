// V2.8 in the reports: the JSON `credit` of each priced finding and the top-level `credits`
// (only with credit lines; currency null without one; every declared party; amounts as numbers
// with at most two decimals), the text table, markdown and html; and credits never change the
// exit status of `pactum check`.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "engine/app/commands.h"
#include "engine/report/json_report.h"
#include "tests/unit/app/credits_fixture.h"

using namespace pactum;
using namespace pactum::credits_test;
using eval_test::events;

namespace {

std::string render(const app::Session& s, report::Format format) {
  report::ReportData data{s.sources, *s.agreement, &s.log, &s.outcome, s.lint, lint::obligation_balance(*s.agreement),
                          false, &s.credits};
  return report::render(format, data);
}

const std::string kTerms = R"(agreement "R"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
  currency "USD"
  credits at most 150 every month
party Vendor
party Partner
party Client
term "Meetings"
  responsible Vendor, Partner
  credit 100
  at least 1 meeting every month
term "Outages"
  credit 1000
  no outage
term "Unpriced"
  no spam
)";

const std::string kLog = events({"{id: S1, at: 2026-01-03T10:00:00Z, type: spam, by: Client}",
                                 "{id: O1, at: 2026-01-04T10:00:00Z, type: outage}"});

}  // namespace

TEST_CASE("V2.8 JSON: credit per priced finding, top-level credits", "[credits][report]") {
  auto s = eval_test::run(kTerms, kLog, "2026-02-01T00:00:00Z");
  std::string text = render(*s, report::Format::Json);
  INFO(text);
  auto j = nlohmann::json::parse(text);
  // Findings: Meetings Jan (window 01-01), spam 01-03 (unpriced), outage 01-04 (unassigned).
  REQUIRE(j["findings"].size() == 3);
  CHECK(j["findings"][0]["credit"] == nlohmann::json::parse(R"({"amount": 100.0, "owed_by": ["Vendor", "Partner"]})"));
  CHECK_FALSE(j["findings"][1].contains("credit"));
  CHECK(j["findings"][2]["credit"] == nlohmann::json::parse(R"({"amount": 1000.0, "owed_by": ["unassigned"]})"));
  auto expected = nlohmann::json::parse(R"({
    "currency": "USD",
    "by_party": {
      "Vendor": {"accrued": 50.0, "capped": 0.0, "owed": 50.0},
      "Partner": {"accrued": 50.0, "capped": 0.0, "owed": 50.0},
      "Client": {"accrued": 0.0, "capped": 0.0, "owed": 0.0},
      "unassigned": {"accrued": 1000.0, "capped": 850.0, "owed": 150.0}},
    "by_period": [
      {"party": "Vendor", "start": "2026-01-01T00:00:00+00:00", "end": "2026-02-01T00:00:00+00:00",
       "accrued": 50.0, "capped": 0.0, "owed": 50.0},
      {"party": "Partner", "start": "2026-01-01T00:00:00+00:00", "end": "2026-02-01T00:00:00+00:00",
       "accrued": 50.0, "capped": 0.0, "owed": 50.0},
      {"party": "unassigned", "start": "2026-01-01T00:00:00+00:00", "end": "2026-02-01T00:00:00+00:00",
       "accrued": 1000.0, "capped": 850.0, "owed": 150.0}]})");
  CHECK(j["credits"] == expected);
  // by_party keeps declaration order, unassigned last (an ordered object in the document).
  CHECK(text.find("\"Vendor\": {") < text.find("\"Partner\": {"));
  CHECK(text.find("\"Partner\": {") < text.find("\"Client\": {"));
  CHECK(text.find("\"Client\": {") < text.find("\"unassigned\": {"));
  // Credits never count as findings.
  CHECK(j["summary"]["findings"] == 3);
}

TEST_CASE("V2.8 JSON: amounts have at most two decimals, currency null without one", "[credits][report]") {
  auto s = eval_test::run("agreement \"R\"\n  effective 2026-01-01 to 2026-12-31\n  timezone \"UTC\"\n"
                          "party A\nparty B\nparty C\nterm \"M\"\n  responsible A, B, C\n  credit 100\n"
                          "  at least 1 meeting every month\n",
                          events({}), "2026-02-01T00:00:00Z");
  std::string text = render(*s, report::Format::Json);
  INFO(text);
  auto j = nlohmann::json::parse(text);
  CHECK(j["credits"]["currency"].is_null());
  CHECK(j["credits"]["by_party"]["A"]["owed"] == 33.33);
  CHECK(text.find("\"owed\": 33.33\n") != std::string::npos);
  CHECK(text.find("33.330") == std::string::npos);
  CHECK(text.find("\"amount\": 100.0,") != std::string::npos);
}

TEST_CASE("V2.8 JSON: no credits object without credit lines", "[credits][report]") {
  auto s = eval_test::run("agreement \"R\"\n  currency \"USD\"\n  fee f 10\nparty A\nterm \"O\"\n  no outage\n",
                          events({"{id: O1, at: 2026-01-04T10:00:00Z, type: outage, by: A}"}));
  auto j = nlohmann::json::parse(render(*s, report::Format::Json));
  CHECK_FALSE(j.contains("credits"));
  CHECK_FALSE(j["findings"][0].contains("credit"));
}

TEST_CASE("V2.8 text, markdown and html show credits per party and period", "[credits][report]") {
  auto s = eval_test::run(kTerms, kLog, "2026-02-01T00:00:00Z");
  std::string text = render(*s, report::Format::Text);
  INFO(text);
  // The text report ends with the table.
  auto table = text.find("Credits in USD: accrued, capped and owed per party and month; capped at 150.00 per party "
                         "and month\n");
  REQUIRE(table != std::string::npos);
  CHECK(text.find("Summary:") < table);
  std::string tail = text.substr(table);
  CHECK_THAT(tail, Catch::Contains("  unassigned  2026-01-01 to 2026-01-31       1000.00        850.00        150.00\n"));
  CHECK_THAT(tail, Catch::Contains("  Client      total                             0.00          0.00          0.00\n"));
  CHECK(tail.substr(tail.size() - 1) == "\n");
  CHECK_THAT(text, Catch::Contains("= credit: 100.00 USD owed by Vendor 50.00, Partner 50.00"));
  CHECK_THAT(text, Catch::Contains("= credit: 1000.00 USD owed by unassigned"));

  std::string md = render(*s, report::Format::Markdown);
  INFO(md);
  CHECK_THAT(md, Catch::Contains("## Credits"));
  CHECK_THAT(md, Catch::Contains("| unassigned | 2026-01-01 to 2026-01-31 | 1000.00 | 850.00 | 150.00 |"));
  CHECK_THAT(md, Catch::Contains("| Vendor | **total** | **50.00** | **0.00** | **50.00** |"));
  CHECK_THAT(md, Catch::Contains("| Credit |"));

  std::string html = render(*s, report::Format::Html);
  CHECK_THAT(html, Catch::Contains("<h2>Credits</h2>"));
  CHECK_THAT(html, Catch::Contains("<td>unassigned</td><td>2026-01-01 to 2026-01-31</td><td class=\"num\">1000.00</td>"));

  // Without credit lines, none of it.
  auto plain = eval_test::run("agreement \"R\"\nparty A\nterm \"O\"\n  no outage\n",
                              events({"{id: O1, at: 2026-01-04T10:00:00Z, type: outage, by: A}"}));
  CHECK(render(*plain, report::Format::Text).find("Credits") == std::string::npos);
  CHECK(render(*plain, report::Format::Markdown).find("Credit") == std::string::npos);
  CHECK(render(*plain, report::Format::Html).find("Credit") == std::string::npos);
}

TEST_CASE("V2.8 credits never change the exit status", "[credits][report]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("pactum-credits-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  std::string head = "agreement \"X\"\n  effective 2026-01-01 to 2026-12-31\n  currency \"EUR\"\nparty A\n";
  std::string rule = "  severity minor\n  no outage\n";
  struct Row {
    const char* name;
    std::string log;
    app::FailLevel fail_on;
    int expected;
  };
  std::string one = events({"{id: O1, at: 2026-01-04T10:00:00Z, type: outage, by: A}"});
  std::string none = events({"{id: N1, at: 2026-01-04T10:00:00Z, type: other, by: A}"});
  std::vector<Row> rows = {
      {"a finding fails the run, priced or not", one, app::FailLevel::Error, 1},
      {"a minor priced finding below --fail-on major passes", one, app::FailLevel::Major, 0},
      {"no finding: passes", none, app::FailLevel::Error, 0},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    std::string log = write("log.yaml", r.log);
    for (const std::string& credit : {std::string(""), std::string("  credit 5000\n")}) {
      INFO("credit line: " << credit);
      std::string terms = write("a.terms", head + "term \"O\"\n" + credit + rule);
      std::ostringstream out, err;
      app::CheckOptions options;
      options.agreement = terms;
      options.logs = {log};
      options.format = report::Format::Json;
      options.fail_on = r.fail_on;
      CHECK(app::run_check(options, {out, err, false}) == r.expected);
    }
  }
  fs::remove_all(dir);
}
