// The html report (engine/report/html/): one self-contained page whose sections a browser test
// (tests/report/check_html_report.py) also checks in Chromium. Here: the golden page, its
// structure (one heat map row and one timeline per term, anchors that exist), the service level
// charts, due soon, the caps of large inputs, and escaping of hostile input everywhere.
#include <algorithm>
#include <regex>
#include <set>

#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

namespace {

const std::vector<std::string> kVoid = {"meta", "br"};

size_t occurrences(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + what.size())) ++n;
  return n;
}

// The part of the page from `<section id="ID"` to its `</section>`.
std::string section(const std::string& html, const std::string& id) {
  size_t start = html.find("<section id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</section>", start) - start);
}

// Every `href="#X"` names an `id="X"` of the page, and no link leaves it.
std::string dangling_link(const std::string& html) {
  std::set<std::string> ids;
  for (const auto& id : between(html, " id=\"", "\"")) ids.insert(id);
  for (const auto& href : between(html, "href=\"", "\"")) {
    if (href.empty() || href[0] != '#') return "external link " + href;
    if (!ids.count(href.substr(1))) return "no target for " + href;
  }
  return "";
}

// A summary of monthly windows for the "Service levels" block's aggregate (at least 80%).
eval::PeriodicSummary monthly_windows(Fixture& fx, size_t months, int broken_every) {
  model::Rule& rule = fx.agreement.blocks[3].rules[0];
  rule.at_least = true;
  rule.percent = true;
  rule.bound = 80;
  rule.period.unit = model::Period::Unit::Month;
  eval::PeriodicSummary s;
  s.block_index = 3;
  s.block = &fx.agreement.blocks[3];
  s.rule = &rule;
  s.target = 80;
  auto zone = find_zone("America/New_York");
  auto month = date::year{2026} / date::January;
  for (size_t i = 0; i < months; ++i, month += date::months{1}) {
    calendar::Interval w{start_of_local_day(date::local_days{month / 1}, zone),
                         start_of_local_day(date::local_days{(month + date::months{1}) / 1}, zone)};
    bool broken = broken_every && i % broken_every == 0;
    s.windows.push_back({w, broken ? eval::WindowResult::State::Broken : eval::WindowResult::State::Kept,
                         broken ? 72.5 : 85.0 + double(i % 5)});
  }
  s.judged_windows = months;
  return s;
}

}  // namespace

TEST_CASE("html: golden report") {
  Fixture fx;
  check_golden("html.golden", render_html(fx.data()));
}

TEST_CASE("html: one self-contained, well-formed page") {
  Fixture fx;
  std::string html = render_html(fx.data());
  CHECK(markup_problem(html, kVoid) == "");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  for (const char* banned : {"<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "http:", "https:",
                             "javascript:", " on", "style=\""}) {
    INFO(banned);
    // " on" would start an event handler attribute; in text it is only ever followed by a date.
    if (std::string(banned) == " on") {
      CHECK(std::regex_search(html, std::regex("<[^>]* on[a-z]+=")) == false);
      continue;
    }
    CHECK(html.find(banned) == std::string::npos);
  }
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(dangling_link(html) == "");
  for (const char* id : {"scorecard", "compliance", "timelines", "service-levels", "due-soon", "findings", "lint",
                         "obligations"}) {
    INFO(id);
    CHECK(section(html, id) != "");
  }
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find(".page-start { break-before: page; }") != std::string::npos);
}

TEST_CASE("html: the header says the verdict in one sentence") {
  Fixture fx;
  std::string html = render_html(fx.data());
  CHECK(html.find("<p class=\"verdict broken\" data-findings=\"4\" data-pending=\"1\">Not kept: 3 of 4 terms and "
                  "expectations were broken, with 4 findings, 2 critical (by party: Acme 3, Northwind 1); 1 item is "
                  "pending.</p>") != std::string::npos);
  CHECK(html.find("<li><strong>Northwind</strong> <span>Northwind CX</span><span class=\"meta\"> Asia/Manila</span></li>") !=
        std::string::npos);
  fx.outcome.findings.clear();
  html = render_html(fx.data());
  CHECK(html.find("<p class=\"verdict kept\" data-findings=\"0\" data-pending=\"1\">Kept: no term or expectation was "
                  "broken from Thu 2026-01-01 00:00 to Tue 2026-03-31 17:00; 1 item is pending.</p>") != std::string::npos);
}

TEST_CASE("html: one compliance row and one timeline per term; every finding row is linked") {
  Fixture fx;
  std::string html = render_html(fx.data());
  size_t blocks = fx.agreement.blocks.size();
  CHECK(occurrences(html, "<tr class=\"compliance-row\"") == blocks);
  CHECK(occurrences(html, "<figure class=\"timeline\"") == blocks);
  // January to March 2026: three columns, every row complete.
  std::string heat = section(html, "compliance");
  CHECK(occurrences(heat, "<td class=\"cell ") == 3 * blocks);
  // February: "Site visits are announced" broken (one finding), March: "Service levels" broken.
  CHECK(heat.find("<td class=\"cell st-broken\" title=\"Site visits are announced, February 2026: broken: 1 "
                  "finding\">1</td>") != std::string::npos);
  CHECK(heat.find("title=\"Data requests are answered, March 2026: pending\">&hellip;</td>") != std::string::npos);
  std::string timelines = section(html, "timelines");
  for (int i = 1; i <= 4; ++i) {
    INFO(i);
    CHECK(timelines.find("<a href=\"#finding-" + std::to_string(i) + "\"><title>") != std::string::npos);
    CHECK(html.find("<tr id=\"finding-" + std::to_string(i) + "\" class=\"finding\">") != std::string::npos);
  }
  CHECK(occurrences(html, "class=\"finding\">") == fx.outcome.findings.size());
}

TEST_CASE("html: service level charts plot every window against the target") {
  Fixture fx;
  std::string none = render_html(fx.data());
  CHECK(section(none, "service-levels").find("No rule of this agreement measures a value per window.") != std::string::npos);

  fx.outcome.periodic.push_back(monthly_windows(fx, 3, 3));
  std::string html = render_html(fx.data());
  std::string charts = section(html, "service-levels");
  CHECK(occurrences(charts, "<figure class=\"chart service-level\" data-block=\"4\" data-rule=\"1\">") == 1);
  CHECK(occurrences(charts, "<line class=\"target\"") == 1);
  CHECK(charts.find("target \u2265 80%") != std::string::npos);
  CHECK(occurrences(charts, "<circle class=\"st-kept\"") == 2);
  CHECK(occurrences(charts, "<circle class=\"st-broken\"") == 1);
  CHECK(charts.find("<title>January 2026: 72.5%, broken; target at least 80%</title>") != std::string::npos);
  CHECK(charts.find("kept in 2 of 3 windows; worst 72.5% (January 2026)") != std::string::npos);
  // The windows also colour the term's timeline lane.
  CHECK(section(html, "timelines").find("Rule 1 windows") != std::string::npos);
}

TEST_CASE("html: large inputs aggregate in charts and cap tables") {
  Fixture fx;
  // 2,500 findings of "Site visits are announced", one an hour from 2 January.
  eval::Finding model = fx.outcome.findings.front();
  Instant start = at("2026-01-02T00:00:00-05:00");
  for (int i = 0; i < 2500; ++i) {
    eval::Finding f = model;
    f.at = start + std::chrono::hours{i};
    fx.outcome.findings.insert(fx.outcome.findings.begin() + 1 + i, f);
  }
  fx.outcome.periodic.push_back(monthly_windows(fx, 900, 7));  // 75 years of monthly windows
  fx.outcome.judged_to = at("2100-12-31T00:00:00-05:00");
  std::string html = render_html(fx.data());
  CHECK(markup_problem(html, kVoid) == "");
  CHECK(dangling_link(html) == "");
  // The term lists kFindingRowsPerTerm rows and says how many it left out.
  CHECK(occurrences(html, "class=\"finding\">") == 100 + 2);
  CHECK(html.find("Not listed here: 2,402 more findings of this term. The JSON report") != std::string::npos);
  // Its timeline aggregates: bars linking to the term, not a mark per finding.
  std::string timelines = section(html, "timelines");
  CHECK(occurrences(timelines, "<a href=\"#term-1\">") <= 160);
  CHECK(occurrences(timelines, "<a href=\"#finding-") < 10);
  // The service level chart: at most one point per slice; the heat map at most 36 columns.
  CHECK(occurrences(section(html, "service-levels"), "<circle ") <= 160);
  CHECK(occurrences(section(html, "compliance"), "<tr class=\"compliance-row\" data-block=\"1\">") == 1);
  std::string first_row = section(html, "compliance").substr(section(html, "compliance").find("data-block=\"1\""));
  first_row = first_row.substr(0, first_row.find("</tr>"));
  CHECK(occurrences(first_row, "<td class=\"cell") <= 36);
  CHECK(html.size() < 2'000'000);
}

TEST_CASE("html: due soon lists pending items by deadline, with who must act") {
  Fixture fx;
  // The evaluator's own deadline (the end of Fri 2026-04-03) replaced by two of our choosing.
  auto set_deadline = [](eval::Finding& f, const char* text) {
    std::erase_if(f.measured, [](const eval::Measure& m) { return m.key == "deadline"; });
    f.measured.push_back({"deadline", std::nullopt, text, {}});
  };
  eval::Finding later = fx.outcome.pending.front();
  later.message = "notice N-9 awaits an answer";
  set_deadline(later, "2026-04-10T17:00:00-04:00");
  set_deadline(fx.outcome.pending.front(), "2026-04-03T17:00:00-04:00");
  fx.outcome.pending.insert(fx.outcome.pending.begin(), later);
  std::string due = section(render_html(fx.data()), "due-soon");
  CHECK(occurrences(due, "<tr class=\"due-row\">") == 2);
  size_t first = due.find("Fri 2026-04-03 17:00"), second = due.find("Fri 2026-04-10 17:00");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
  CHECK(due.find("<td>in 3 days</td>") != std::string::npos);
  CHECK(due.find("<td><strong>Acme</strong></td>") != std::string::npos);
}

TEST_CASE("html: lint only and nothing evaluated") {
  Fixture fx;
  std::string lint = render_html(fx.lint_only());
  CHECK(markup_problem(lint, kVoid) == "");
  CHECK(lint.find("Agreement lint only") != std::string::npos);
  CHECK(lint.find("<section id=\"findings\"") == std::string::npos);
  CHECK(dangling_link(lint) == "");

  fx.outcome = eval::Outcome{};
  std::string none = render_html(fx.data());
  CHECK(markup_problem(none, kVoid) == "");
  CHECK(none.find("Nothing was evaluated") != std::string::npos);
  CHECK(dangling_link(none) == "");
}

TEST_CASE("html: hostile strings are escaped in every section") {
  Fixture fx(true);
  fx.outcome.periodic.push_back(monthly_windows(fx, 3, 2));
  std::string html = render_html(fx.data());
  CHECK(markup_problem(html, kVoid) == "");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(dangling_link(html) == "");
  // Element content keeps line breaks as <br>; attribute values and SVG titles as spaces.
  CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | 100% &amp; &#39;co&#39;, a:b<br>`tick`") !=
        std::string::npos);
  CHECK(html.find("title=\"Site visits are announced &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | 100% &amp; "
                  "&#39;co&#39;, a:b `tick` *bold*, January 2026: ") != std::string::npos);
  for (const auto& title : between(html, "<title>", "</title>")) {
    INFO(title);
    CHECK(title.find('<') == std::string::npos);
  }
  for (const auto& value : between(html, "=\"", "\"")) {
    INFO(value);
    CHECK(value.find('<') == std::string::npos);
  }
  // No output line starts with text from the input (a CI log showing the file must not read a
  // workflow command): outside the stylesheet every line starts with markup.
  std::string body = html.substr(html.find("</style>"));
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    if (end > start) {
      INFO(body.substr(start, std::min<size_t>(end - start, 120)));
      CHECK(body[start] == '<');
    }
    start = end + 1;
  }
}

TEST_CASE("html: a window longer than a heat map column colours each column it covers, counted once") {
  Fixture fx;
  // Judged 1 to 20 January: weekly columns. February's "too-many" window becomes January's.
  fx.outcome.judged_to = at("2026-01-20T17:00:00-05:00");
  fx.outcome.as_of = fx.outcome.judged_to;
  auto& f = fx.outcome.findings[2];
  f.at = at("2026-01-01T00:00:00-05:00");
  f.window = calendar::Interval{f.at, at("2026-02-01T00:00:00-05:00")};
  std::string heat = section(render_html(fx.data()), "compliance");
  size_t row = heat.find("<tr class=\"compliance-row\" data-block=\"2\">");
  REQUIRE(row != std::string::npos);
  std::string cells = heat.substr(row, heat.find("</tr>", row) - row);
  CHECK(occurrences(cells, "<td class=\"cell st-broken\"") == 4);  // the weeks of 29 Dec, 5, 12 and 19 January
  CHECK(occurrences(cells, "finding\">1</td>") == 1);
  CHECK(occurrences(cells, ": broken; within the window of 1 finding that began earlier\"></td>") == 3);
}
