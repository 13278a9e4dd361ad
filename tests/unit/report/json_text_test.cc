// json_text, the escaping of the JSON formats (issue 11): exact values, nothing a terminal or a CI
// log would obey, no exception on invalid UTF-8.
#include <catch2/catch.hpp>

#include "engine/report/json_report.h"

using namespace pactum;
using nlohmann::ordered_json;

TEST_CASE("json_text: control characters and the bracket of two hashes and a bracket as u escapes, values unchanged") {
  struct Row {
    std::string value;
    std::string written;  // the string as it appears in the text
  };
  const Row rows[] = {
      {"plain", "\"plain\""},
      {"\x1b[2J", "\"\\u001b[2J\""},
      {"a\x7f", "\"a\\u007f\""},
      {"\u009b31m", "\"\\u009b31m\""},
      {"x\ufffey\uffff", "\"x\\ufffey\\uffff\""},
      {"##[error]x", "\"##\\u005berror]x\""},
      {"##vso[task.setvariable]x ##VsO[y] #vso[z]", "\"##vso\\u005btask.setvariable]x ##VsO\\u005by] #vso[z]\""},
      {"#[a] [b]", "\"#[a] [b]\""},
      {"Société — 日本", "\"Société — 日本\""},
  };
  for (const auto& row : rows) {
    INFO("value: " << row.value);
    ordered_json doc = {{"v", row.value}};
    std::string text = report::json_text(doc);
    CHECK(text.find(row.written) != std::string::npos);
    CHECK(ordered_json::parse(text)["v"] == row.value);
  }
  ordered_json bad = {{"file", std::string("log-\xff.yaml")}};
  std::string text;
  REQUIRE_NOTHROW(text = report::json_text(bad));
  CHECK(ordered_json::parse(text)["file"] == "log-\ufffd.yaml");
}
