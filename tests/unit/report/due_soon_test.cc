// `pactum check --due-within SPAN` (engine/report/due_soon.h): the span syntax, the time-left
// words, which pending items are due and in what order, and how each format shows them.
#include <nlohmann/json.hpp>

#include "engine/report/due_soon.h"
#include "engine/report/finding_id.h"
#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;
using nlohmann::json;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("due soon: span syntax", "[report][due]") {
  struct Row {
    const char* text;
    std::optional<Millis> span;
    const char* why;  // part of the reason when refused
  };
  const std::vector<Row> rows = {
      {"5d", hours(120), ""},
      {"36h", hours(36), ""},
      {"2w", hours(336), ""},
      {"90min", minutes(90), ""},
      {"1d12h", hours(36), ""},
      {"1w2d3h4min", hours(24 * 9 + 3) + minutes(4), ""},
      {"36500d", hours(24 * 36500), ""},
      {"", std::nullopt, "empty"},
      {"5", std::nullopt, "has no unit"},
      {"d", std::nullopt, "expected a number"},
      {"5x", std::nullopt, "unknown unit `x`"},
      {"5m", std::nullopt, "write `min` for minutes"},
      {"5 d", std::nullopt, "has no unit"},  // no spaces: one shell word
      {"-5d", std::nullopt, "expected a number"},
      {"0d", std::nullopt, "zero"},
      {"0h0min", std::nullopt, "zero"},
      {"36600d", std::nullopt, "more than 100 years"},
      {"99999999d", std::nullopt, "too large"},
      {"5D", std::nullopt, "unknown unit `D`"},
  };
  for (const auto& r : rows) {
    INFO("span: `" << r.text << "`");
    std::string why;
    auto got = parse_span(r.text, &why);
    CHECK(got == r.span);
    if (!r.span) CHECK_THAT(why, Catch::Contains(r.why));
  }
}

TEST_CASE("due soon: time left in words, rounded down", "[report][due]") {
  const std::vector<std::pair<Millis, std::string>> rows = {
      {hours(28), "1 day 4 hours"},
      {hours(48), "2 days"},
      {hours(24) + minutes(59), "1 day"},
      {hours(3) + minutes(20), "3 hours 20 minutes"},
      {hours(1), "1 hour"},
      {minutes(45), "45 minutes"},
      {minutes(1), "1 minute"},
      {Millis(59999), "less than a minute"},
      {hours(24 * 15 + 1), "15 days 1 hour"},
  };
  for (const auto& [left, words] : rows) {
    INFO(left.count() << " ms");
    CHECK(time_left_words(left) == words);
  }
}

TEST_CASE("due soon: which pending items, soonest first", "[report][due]") {
  Fixture fx;  // as of Tue 2026-03-31 17:00 -04:00; D-1's deadline 2026-04-04T00:00 (3 days 7 hours)
  auto pending = [&](const char* deadline, const char* id) {
    auto p = fx.item(2, 0, "pending", {"Northwind"}, at("2026-03-31T09:00:00-04:00"), {}, std::string("awaiting ") + id);
    if (*deadline) p.measured.push_back({"deadline", std::nullopt, deadline, {}});
    fx.outcome.pending.push_back(p);
  };
  pending("2026-04-01T09:00:00-04:00", "P-16h");  // 16 hours
  pending("", "P-no-deadline");                   // a paused clock or an undecided window: never due
  pending("2026-04-14T17:00:00-04:00", "P-14d");  // exactly 14 days
  pending("2026-04-01T09:00:00-04:00", "P-16h-b");  // same deadline: report order
  pending("2026-04-14T17:00:01-04:00", "P-14d+1s");

  struct Row {
    const char* span;
    std::vector<std::string> messages;
  };
  const std::vector<Row> rows = {
      {"1h", {}},
      {"16h", {"awaiting P-16h", "awaiting P-16h-b"}},
      {"5d", {"awaiting P-16h", "awaiting P-16h-b", "data_request D-1 awaits data_shared by Acme until Fri 2026-04-03 24:00"}},
      {"2w", {"awaiting P-16h", "awaiting P-16h-b", "data_request D-1 awaits data_shared by Acme until Fri 2026-04-03 24:00",
              "awaiting P-14d"}},
  };
  for (const auto& r : rows) {
    INFO("--due-within " << r.span);
    std::vector<std::string> got;
    for (const auto& item : due_soon(fx.due_data(r.span))) got.push_back(item.pending->message);
    CHECK(got == r.messages);
  }
  auto items = due_soon(fx.due_data("5d"));
  REQUIRE(items.size() == 3);
  CHECK(items[2].left == hours(79));
  CHECK(due_words(fx.due_data("5d"), items[2]) ==
        "due in 3 days 7 hours (deadline: the end of Fri 2026-04-03; must act: Acme)");
  CHECK(due_soon(fx.data()).empty());  // without --due-within
  fx.outcome.evaluated = false;
  CHECK(due_soon(fx.due_data("5d")).empty());
}

TEST_CASE("due soon: text, markdown and html list them", "[report][due]") {
  Fixture fx;
  std::string text = render_text(fx.due_data("5d"));
  CHECK(text.find("Due within 5d (by Sun 2026-04-05 17:00): 1 pending obligation, soonest first\n"
                  "  due in 3 days 7 hours (deadline: the end of Fri 2026-04-03; must act: Acme): term \"Data requests are "
                  "answered\", clause 6.4, rule 1 (examples/acme.terms:36:3)\n"
                  "    data_request D-1 awaits data_shared by Acme until Fri 2026-04-03 24:00\n"
                  "Summary: ") != std::string::npos);
  CHECK(render_text(fx.due_data("1d")).find("Due within 1d (by Wed 2026-04-01 17:00): no pending obligation\n") !=
        std::string::npos);
  CHECK(render_text(fx.data()).find("Due within") == std::string::npos);

  std::string md = render_markdown(fx.due_data("5d"));
  CHECK(md.find("| Due within 5d | 1 |\n") != std::string::npos);
  CHECK(md.find("## Due soon\n\nPending obligations whose deadline falls within 5d of the as-of time (by Sun "
                "2026-04-05 17:00), soonest first.\n\n| Deadline | Due in | Must act | Block | Rule | Message |\n"
                "| --- | --- | --- | --- | ---: | --- |\n| the end of Fri 2026-04-03 | 3 days 7 hours | Acme | Data "
                "requests are answered | 1 | data_request D-1 awaits data_shared by Acme until Fri 2026-04-03 24:00 |\n") !=
        std::string::npos);
  CHECK(render_markdown(fx.due_data("1d")).find("Nothing is due in that time.") != std::string::npos);

  std::string html = render_html(fx.due_data("5d"));
  CHECK(markup_problem(html, {"meta", "br"}) == "");
  CHECK(html.find("<h2>Due soon</h2>") != std::string::npos);
  CHECK(html.find("<p class=\"note\" id=\"due-within\">Due within 5d of the as-of time (by Sun 2026-04-05 17:00): 1 of 1 "
                  "pending.</p>") != std::string::npos);
  CHECK(html.find("<tr class=\"due-row\"><td>the end of Fri 2026-04-03</td><td>in 3 days 7 hours</td><td>Data requests "
                  "are answered <span class=\"meta\">rule 1</span></td><td><strong>Acme</strong></td>") != std::string::npos);
  CHECK(render_html(fx.due_data("1d")).find("<p>Nothing is due in that time.</p>") != std::string::npos);
}

TEST_CASE("due soon: json lists them with deadline and time left", "[report][due]") {
  Fixture fx;
  json j = json::parse(render_json(fx.due_data("5d")));
  CHECK(j["summary"]["due_soon"] == 1);
  CHECK(j["due_soon"]["within"] == "5d");
  CHECK(j["due_soon"]["until"] == "2026-04-05T17:00:00-04:00");
  REQUIRE(j["due_soon"]["items"].size() == 1);
  const json& item = j["due_soon"]["items"][0];
  CHECK(item["id"] == j["pending"][0]["id"]);
  CHECK(item["responsible"] == json::array({"Acme"}));
  CHECK(item["deadline"] == "2026-04-04T00:00:00-04:00");
  CHECK(item["due_in"] == "3 days 7 hours");
  CHECK(item["due_in_hours"] == 79.0);
  json plain = json::parse(render_json(fx.data()));
  CHECK(!plain.contains("due_soon"));  // the version 1 shape without the option
  CHECK(!plain["summary"].contains("due_soon"));
}

TEST_CASE("due soon: github warns, soonest first, instead of the notice", "[report][due]") {
  Fixture fx;
  std::string gh = render_github(fx.due_data("5d"));
  CHECK(gh.find("::warning file=examples/acme.terms,line=36,col=3,title=due in 3 days 7 hours%3A Data requests are "
                "answered rule 1::must act: Acme, by the end of Fri 2026-04-03%0Adata_request D-1 awaits") !=
        std::string::npos);
  CHECK(gh.find("::notice") == std::string::npos);  // the one pending item is the warning now
  CHECK(gh.find(", 1 pending (1 due within 5d), 1 tolerated;") != std::string::npos);
  // The due warning comes before lint warnings.
  CHECK(gh.find("title=due in") < gh.find("title=pactum lint"));
}

TEST_CASE("due soon: sarif raises the pending result to a warning and lists them", "[report][due]") {
  Fixture fx;
  json run = json::parse(render_sarif(fx.due_data("5d")))["runs"][0];
  const json& pending = run["results"].back();
  CHECK(pending["level"] == "warning");
  CHECK(pending["message"]["text"].get<std::string>().rfind(
            "due in 3 days 7 hours (deadline: the end of Fri 2026-04-03; must act: Acme): data_request D-1", 0) == 0);
  CHECK(pending["properties"]["due"]["deadline"] == "2026-04-04T00:00:00-04:00");
  CHECK(pending["properties"]["due"]["due_in"] == "3 days 7 hours");
  const json& due = run["properties"]["due_soon"];
  CHECK(due["within"] == "5d");
  REQUIRE(due["items"].size() == 1);
  CHECK(due["items"][0]["id"] == pending["partialFingerprints"]["pactumFindingId/v1"]);
  json far = json::parse(render_sarif(fx.due_data("1d")))["runs"][0];
  CHECK(far["results"].back()["level"] == "note");
  CHECK(far["properties"]["due_soon"]["items"].empty());
}

TEST_CASE("due soon: gitlab adds info issues", "[report][due]") {
  Fixture fx;
  json issues = json::parse(render_gitlab(fx.due_data("5d")));
  REQUIRE(issues.size() == 6);  // 1 lint entry, 4 findings, 1 due soon
  const json& due = issues.back();
  CHECK(due["check_name"] == "pactum/due-soon");
  CHECK(due["severity"] == "info");
  CHECK(due["fingerprint"] == finding_id(fx.log, fx.outcome.pending[0]));
  CHECK(due["location"]["path"] == "examples/acme.terms");
  CHECK(due["location"]["lines"]["begin"] == 36);
  CHECK(due["description"].get<std::string>().rfind("due in 3 days 7 hours (deadline: the end of Fri 2026-04-03; must "
                                                     "act: Acme): data_request D-1",
                                                     0) == 0);
  CHECK(json::parse(render_gitlab(fx.data())).size() == 5);  // pending items are no issues otherwise
}
