#include <set>

#include <nlohmann/json.hpp>

#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;
using nlohmann::json;

TEST_CASE("sarif: golden report") {
  Fixture fx;
  check_golden("sarif.golden", render_sarif(fx.data()));
}

TEST_CASE("sarif: the required structure of SARIF 2.1.0") {
  Fixture fx;
  json s = json::parse(render_sarif(fx.data()));
  CHECK(s["version"] == "2.1.0");
  CHECK(s["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
  REQUIRE(s["runs"].size() == 1);
  const json& run = s["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "pactum");
  const json& rules = run["tool"]["driver"]["rules"];
  const json& results = run["results"];
  REQUIRE(results.size() == 6);  // 1 lint entry, 4 findings, 1 pending
  for (const auto& r : results) {
    // Every result names a rule the driver describes, at the index it claims.
    REQUIRE(r["ruleIndex"].get<size_t>() < rules.size());
    CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == r["ruleId"]);
    CHECK(!r["message"]["text"].get<std::string>().empty());
    const json& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "examples/acme.terms");
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    CHECK(loc["region"]["startColumn"] == 3);
  }
  CHECK(results[0]["ruleId"] == "deadline-outside-hours");
  CHECK(results[0]["level"] == "warning");
  CHECK(results[1]["ruleId"] == "Site visits are announced/1");  // one code-scanning rule per agreement rule
  CHECK(results[1]["properties"]["reason"] == "late");
  CHECK(results[1]["partialFingerprints"]["pactumFindingId/v1"] == results[1]["properties"]["id"]);
  CHECK(results[1]["level"] == "error");
  CHECK(results[1]["relatedLocations"].size() == 2);
  CHECK(results[1]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "acme-2026.yaml");
  CHECK(results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 15);
  CHECK(results[1]["properties"]["responsible"] == json::array({"Acme"}));
  CHECK(results[5]["ruleId"] == "Data requests are answered/1");
  CHECK(results[5]["properties"]["reason"] == "pending");
  CHECK(results[5]["level"] == "note");
  std::set<std::string> ids;
  for (const auto& r : rules) CHECK(ids.insert(r["id"].get<std::string>()).second);  // no duplicates
}

TEST_CASE("sarif: lint only and nothing evaluated") {
  Fixture fx;
  json lint = json::parse(render_sarif(fx.lint_only()));
  const json& results = lint["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["level"] == "error");
  CHECK(results[0]["ruleId"] == "contradiction");
  CHECK(!lint["runs"][0]["properties"].contains("summary"));

  fx.outcome = eval::Outcome{};
  json none = json::parse(render_sarif(fx.data()));
  CHECK(none["runs"][0]["results"].size() == 1);
  CHECK(none["runs"][0]["invocations"][0]["executionSuccessful"] == true);
  CHECK(none["runs"][0]["properties"]["as_of"].is_null());
}

TEST_CASE("sarif: hostile strings survive a JSON round trip; URIs are escaped") {
  Fixture fx(true);
  json s = json::parse(render_sarif(fx.data()));
  const json& results = s["runs"][0]["results"];
  CHECK(results[1]["properties"]["block"] == fx.agreement.blocks[0].name);
  CHECK(results[1]["message"]["text"].get<std::string>().find("<script>alert(\"x\")</script> | 100% & 'co', a:b\r\n")
        != std::string::npos);
  CHECK(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "terms/evil%20name%7C%25.terms");
}

TEST_CASE("sarif: invalid UTF-8 from a log does not abort the report") {
  Fixture fx;
  fx.outcome.findings[0].message = "bad \xff byte";
  json s = json::parse(render_sarif(fx.data()));
  CHECK(s["runs"][0]["results"][1]["message"]["text"].get<std::string>().find("bad \xEF\xBF\xBD byte") == 0);
}
