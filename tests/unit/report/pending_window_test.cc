// Pending windows (V2.9, V2.3): a window whose open cases still decide it is listed under
// `pending` with its window in every format, reads as "not decided yet" rather than "awaiting a
// response", counts in summary.pending, and a pending window without events renders too.
#include <nlohmann/json.hpp>

#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

namespace {

// The fixture plus two pending windows: one of "Data requests are answered" listing its open
// case (a share of activations), one of "Site visits are limited" without events.
struct WindowFixture : Fixture {
  WindowFixture() {
    eval::Finding w;
    w.block_index = 2;
    w.block = &agreement.blocks[2];
    w.rule = &w.block->rules[0];
    w.reason = "pending";
    w.responsible = {"Acme"};
    w.at = at("2026-03-01T00:00:00-05:00");
    w.window = calendar::Interval{w.at, at("2026-03-31T00:00:00-04:00")};
    w.events = {4};  // data_request D-1, still open
    w.measured = {{"cases", 4.0, "", {}}, {"failed", 1.0, "", {}}, {"open", 1.0, "", {}}, {"share", 75.0, "", {}},
                  {"target", 75.0, "", {}}};
    w.message = "not decided yet in March 2026: of 4 `data_request by Northwind`, 2 met the timing, 1 failed (1 late) "
                "and 1 still open; it holds only if every open case is met";
    outcome.pending.push_back(w);
    eval::Finding empty = w;
    empty.block_index = 1;
    empty.block = &agreement.blocks[1];
    empty.rule = &empty.block->rules[0];
    empty.events.clear();
    empty.measured.clear();
    empty.message = "the report for March 2026 is not due yet";
    outcome.pending.push_back(empty);
  }
};

}  // namespace

TEST_CASE("pending windows: JSON lists them with their window and counts them", "[report][pending-window]") {
  WindowFixture fx;
  auto j = nlohmann::json::parse(render_json(fx.data()));
  CHECK(j["summary"]["pending"] == 3);
  REQUIRE(j["pending"].size() == 3);
  const auto& w = j["pending"][1];
  CHECK(w["reason"] == "pending");
  CHECK(w["window"]["start"] == "2026-03-01T00:00:00-05:00");
  CHECK(w["window"]["end"] == "2026-03-31T00:00:00-04:00");
  CHECK(w["at"] == "2026-03-01T00:00:00-05:00");
  REQUIRE(w["events"].size() == 1);
  CHECK(w["events"][0]["id"] == "D-1");
  CHECK(w["measured"]["open"] == 1.0);
  CHECK(j["pending"][2]["events"].empty());
  CHECK(!j["pending"][0].contains("window"));  // the activation keeps its version 1 shape
}

TEST_CASE("pending windows: text", "[report][pending-window]") {
  WindowFixture fx;
  std::string out = render_text(fx.data());
  CHECK(out.find("pending: term \"Data requests are answered\", clause 6.4, rule 1: window not decided yet") != std::string::npos);
  CHECK(out.find("pending: term \"Data requests are answered\", clause 6.4, rule 1: awaiting a response") != std::string::npos);
  CHECK(out.find("= window: Sun 2026-03-01 00:00 to Tue 2026-03-31 00:00") != std::string::npos);
  CHECK(out.find("pending: term \"Site visits are limited\", clause 7.2, rule 1: window not decided yet") != std::string::npos);
  CHECK(out.find(", 3 pending,") != std::string::npos);
}

TEST_CASE("pending windows: markdown and html", "[report][pending-window]") {
  WindowFixture fx;
  std::string md = render_markdown(fx.data());
  CHECK(md.find("| Pending (awaiting a response, or a window not decided yet) | 3 |") != std::string::npos);
  CHECK(md.find("or a window that its open cases still decide") != std::string::npos);
  CHECK(md.find("| When | Block | Rule |") != std::string::npos);
  CHECK(md.find("| Sun 2026-03-01 00:00 to Tue 2026-03-31 00:00 | Data requests are answered | 1 |") != std::string::npos);

  std::string html = render_html(fx.data());
  CHECK(markup_problem(html, {"meta", "br"}) == "");
  CHECK(html.find("data-pending=\"3\"") != std::string::npos);
  CHECK(html.find("<tr class=\"due-row\"><td>not decided yet: window Sun 2026-03-01 00:00 to Tue 2026-03-31 00:00</td>"
                  "<td></td><td>Data requests are answered <span class=\"meta\">rule 1</span></td>") != std::string::npos);
  // The activation still waiting shows the deadline the evaluator reported with it.
  CHECK(html.find("<tr class=\"due-row\"><td>the end of Fri 2026-04-03</td><td>in ") != std::string::npos);

  // Without pending windows the version 1 wording stays.
  Fixture plain;
  CHECK(render_markdown(plain.data()).find("| Since | Block |") != std::string::npos);
}

TEST_CASE("pending windows: junit, github and sarif", "[report][pending-window]") {
  WindowFixture fx;
  std::string xml = render_junit(fx.data());
  CHECK(markup_problem(xml) == "");
  // Every pending item, window or not, is a skipped test case of its own, beside its rule's failures.
  CHECK(xml.find("<skipped message=\"pending: data_request D-1 awaits") != std::string::npos);
  CHECK(xml.find("<skipped message=\"pending: not decided yet in March 2026") != std::string::npos);
  CHECK(xml.find("window: 2026-03-01T00:00:00-05:00 to 2026-03-31T00:00:00-04:00") != std::string::npos);
  CHECK(xml.find("<skipped message=\"pending: the report for March 2026 is not due yet") != std::string::npos);
  CHECK(between(xml, "<skipped ", ">").size() == 3);

  std::string gh = render_github(fx.data());
  CHECK(gh.find("title=Data requests are answered rule 1%3A pending (window not decided yet)::not decided yet") !=
        std::string::npos);
  CHECK(gh.find("%0Awindow: Sun 2026-03-01 00:00 to Tue 2026-03-31 00:00") != std::string::npos);
  CHECK(gh.find(", 3 pending,") != std::string::npos);

  auto sarif = nlohmann::json::parse(render_sarif(fx.data()));
  size_t windows = 0;
  for (const auto& r : sarif["runs"][0]["results"]) {
    // Not every result carries a reason (findings have none), so read it with a default.
    const auto props = r.value("properties", nlohmann::json::object());
    if (props.value("reason", "") == "pending" && props.contains("window")) {
      ++windows;
      CHECK(r.value("level", "") == "note");
    }
  }
  CHECK(windows == 2);
}
