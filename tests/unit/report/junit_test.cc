#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

TEST_CASE("junit: golden report") {
  Fixture fx;
  check_golden("junit.golden", render_junit(fx.data()));
}

TEST_CASE("junit: well-formed, with counts of test cases") {
  Fixture fx;
  std::string xml = render_junit(fx.data());
  CHECK(markup_problem(xml) == "");
  // 5 rules + 1 lint entry; 4 rules have findings; the pending rule is skipped; the warning passes.
  CHECK(xml.find("<testsuites name=\"pactum: Customer care outsourcing - Acme Telecom and Northwind CX\" tests=\"6\" "
                 "failures=\"4\" errors=\"0\" skipped=\"1\">") != std::string::npos);
  CHECK(between(xml, "<failure ", ">").size() == 4);  // one per finding
  CHECK(xml.find("<skipped message=\"data_request D-1 awaits") != std::string::npos);
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
  CHECK(between(none, "<skipped message=\"not evaluated", "/>").size() == 5);
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
