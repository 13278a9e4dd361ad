#include "engine/report/finding_id.h"
#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

TEST_CASE("junit: golden report") {
  Fixture fx;
  check_golden("junit.golden", render_junit(fx.data()));
}

TEST_CASE("junit: one test case per finding, pending item and tolerated miss") {
  Fixture fx;
  // A tolerated miss of "Site visits are limited" (the fixture counts one, without its item).
  fx.outcome.tolerated_misses.push_back(fx.item(1, 0, "too-few", {"Acme"}, at("2026-01-01T00:00:00-05:00"), {},
                                                "only 0 of the required 1 site_visit in January 2026, tolerated"));
  fx.outcome.tolerated_misses.back().window =
      calendar::Interval{at("2026-01-01T00:00:00-05:00"), at("2026-02-01T00:00:00-05:00")};
  std::string xml = render_junit(fx.data());
  CHECK(markup_problem(xml) == "");
  // 4 findings (failures), 1 pending + 1 tolerated (skipped), 1 lint warning (passes).
  CHECK(xml.find("<testsuites name=\"pactum: Customer care outsourcing - Acme Telecom and Northwind CX\" tests=\"7\" "
                 "failures=\"4\" errors=\"0\" skipped=\"2\">") != std::string::npos);
  CHECK(between(xml, "<failure ", ">").size() == fx.outcome.findings.size());  // the red count is the finding count
  CHECK(between(xml, "<testcase ", ">").size() == 7);
  // Names are unique and carry the finding id.
  auto names = between(xml, "<testcase name=\"", "\"");
  std::sort(names.begin(), names.end());
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  CHECK(xml.find("<testcase name=\"rule 1, late, Tue 2026-01-13 10:00 (" + finding_id(fx.log, fx.outcome.findings[0]) +
                 ")\" classname=\"Site visits are announced\" file=\"examples/acme.terms\" line=\"27\">") !=
        std::string::npos);
  CHECK(xml.find("<skipped message=\"pending: data_request D-1 awaits") != std::string::npos);
  CHECK(xml.find("<testcase name=\"rule 1, tolerated too-few, 2026-01-01 to 2026-01-31 (") != std::string::npos);
  CHECK(xml.find("<skipped message=\"tolerated: only 0 of the required 1 site_visit") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"Site visits are limited\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\">") !=
        std::string::npos);

  // A rule without findings, pending items or tolerated misses is one passing test case.
  fx.outcome.findings.pop_back();  // the below-target finding of "Service levels"
  std::string passing = render_junit(fx.data());
  CHECK(passing.find("<testsuite name=\"Service levels\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">") !=
        std::string::npos);
  CHECK(passing.find("<testcase name=\"rule 1: average value of kpi_report where kpi = &quot;first call "
                     "resolution&quot; at least 80% every month\" classname=\"Service levels\" file=\"examples/acme.terms\" "
                     "line=\"42\"/>") != std::string::npos);
}

TEST_CASE("junit: --due-within adds a suite of the pending items due soon") {
  Fixture fx;
  std::string xml = render_junit(fx.due_data("5d"));
  CHECK(markup_problem(xml) == "");
  CHECK(xml.find("<testsuite name=\"due within 5d\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\">") !=
        std::string::npos);
  CHECK(xml.find("<property name=\"until\" value=\"2026-04-05T17:00:00-04:00\"/>") != std::string::npos);
  CHECK(xml.find("<skipped message=\"due in 3 days 7 hours (deadline: the end of Fri 2026-04-03; must act: Acme): "
                 "data_request D-1 awaits") != std::string::npos);
  CHECK(xml.find("tests=\"7\" failures=\"4\" errors=\"0\" skipped=\"2\">") != std::string::npos);  // totals include it
  // Nothing due within a day: the suite is there, empty.
  std::string none = render_junit(fx.due_data("1d"));
  CHECK(none.find("<testsuite name=\"due within 1d\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">") !=
        std::string::npos);
  CHECK(render_junit(fx.data()).find("due within") == std::string::npos);
}

TEST_CASE("junit: lint only and nothing evaluated") {
  Fixture fx;
  std::string lint = render_junit(fx.lint_only());
  CHECK(markup_problem(lint) == "");
  CHECK(lint.find("<testsuite name=\"lint\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">") != std::string::npos);
  CHECK(lint.find("<testcase name=\"rule") == std::string::npos);
  CHECK(lint.find("<system-out>warning: 3 business days") != std::string::npos);

  fx.outcome = eval::Outcome{};
  std::string none = render_junit(fx.data());
  CHECK(markup_problem(none) == "");
  CHECK(between(none, "<skipped message=\"not evaluated", "/>").size() == 5);  // one per rule
  CHECK(none.find("tests=\"6\" failures=\"0\" errors=\"0\" skipped=\"5\"") != std::string::npos);
}

TEST_CASE("junit: hostile strings are escaped") {
  Fixture fx(true);
  std::string xml = render_junit(fx.data());
  CHECK(markup_problem(xml) == "");
  CHECK(xml.find("<script") == std::string::npos);
  CHECK(xml.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | 100% &amp; &apos;co&apos;") != std::string::npos);
  // Line breaks inside attributes are character references, or parsers would fold them.
  for (const auto& message : between(xml, "message=\"", "\"")) CHECK(message.find('\n') == std::string::npos);
  CHECK(xml.find("&#13;&#10;") != std::string::npos);
  CHECK(xml.find('\r') == std::string::npos);
}
