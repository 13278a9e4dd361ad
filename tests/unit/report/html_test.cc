#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

namespace {
const std::vector<std::string> kVoid = {"meta", "br"};
}

TEST_CASE("html: golden report") {
  Fixture fx;
  check_golden("html.golden", render_html(fx.data()));
}

TEST_CASE("html: one self-contained, well-formed page") {
  Fixture fx;
  std::string html = render_html(fx.data());
  CHECK(markup_problem(html, kVoid) == "");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  for (const char* banned : {"<script", "<link", "src=", "href=", "url(", "@import"}) {
    INFO(banned);
    CHECK(html.find(banned) == std::string::npos);
  }
  for (const char* section : {"<h2>Summary</h2>", "<h2>Scorecard</h2>", "<h2>Findings</h2>", "<h2>Pending</h2>",
                              "<h2>Agreement lint</h2>", "<h2>Obligations</h2>", "@media print"})
    CHECK(html.find(section) != std::string::npos);
  CHECK(html.find("<tr><td>Acme</td><td>Acme Telecom Inc.</td><td class=\"num\">3</td>") != std::string::npos);
}

TEST_CASE("html: lint only and nothing evaluated") {
  Fixture fx;
  std::string lint = render_html(fx.lint_only());
  CHECK(markup_problem(lint, kVoid) == "");
  CHECK(lint.find("Agreement lint only") != std::string::npos);
  CHECK(lint.find("<h2>Findings</h2>") == std::string::npos);

  fx.outcome = eval::Outcome{};
  std::string none = render_html(fx.data());
  CHECK(markup_problem(none, kVoid) == "");
  CHECK(none.find("Nothing was evaluated") != std::string::npos);
}

TEST_CASE("html: hostile strings are escaped") {
  Fixture fx(true);
  std::string html = render_html(fx.data());
  CHECK(markup_problem(html, kVoid) == "");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | 100% &amp; &#39;co&#39;, a:b<br>`tick`") !=
        std::string::npos);
  // No markup inside <title>.
  auto title = between(html, "<title>", "</title>");
  REQUIRE(title.size() == 1);
  CHECK(title[0].find('<') == std::string::npos);
}
