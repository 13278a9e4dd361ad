#include "tests/unit/report/report_fixture.h"

using namespace pactum;
using namespace pactum::report;
using namespace pactum::report::testing;

namespace {
std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}
}  // namespace

TEST_CASE("github: golden report") {
  Fixture fx;
  check_golden("github.golden", render_github(fx.data()));
}

TEST_CASE("github: one workflow command per item, errors first, then a summary") {
  Fixture fx;
  auto out = lines(render_github(fx.data()));
  REQUIRE(out.size() == 7);
  CHECK(out[0].rfind("::error file=examples/acme.terms,line=27,col=3,title=Site visits are announced rule 1%3A late::"
                     "site_visit V-1 was announced 25 hours before; the agreement requires 48 hours (responsible: Acme)"
                     "%0Aevent: acme-2026.yaml:15: site_visit V-1 at Tue 2026-01-13 10:00",
                     0) == 0);
  CHECK(out[3].rfind("::error file=examples/acme.terms,line=42,col=3,title=Service levels rule 1%3A below-target::", 0) == 0);
  CHECK(out[4].rfind("::warning file=examples/acme.terms,line=36,col=3,title=pactum lint%3A deadline-outside-hours::", 0) == 0);
  CHECK(out[5].rfind("::notice file=examples/acme.terms,line=36,col=3,title=Data requests are answered rule 1%3A pending::", 0) == 0);
  CHECK(out[6] == "pactum: 4 findings (by party: Acme 3, Northwind 1), 1 pending, 1 tolerated; 0 lint errors, 1 warning");
}

TEST_CASE("github: lint only and nothing evaluated") {
  Fixture fx;
  auto lint = lines(render_github(fx.lint_only()));
  REQUIRE(lint.size() == 3);
  CHECK(lint[0].rfind("::error file=examples/acme.terms,line=32,col=3,title=pactum lint%3A contradiction::", 0) == 0);
  CHECK(lint[2] == "pactum: 1 lint error, 1 warning");

  fx.outcome = eval::Outcome{};
  auto none = lines(render_github(fx.data()));
  REQUIRE(none.size() == 2);
  CHECK(none[1] == "pactum: no events and no --as-of: nothing was evaluated; 0 lint errors, 1 warning");
}

TEST_CASE("github: hostile strings cannot break out of a command") {
  Fixture fx(true);
  std::string text = render_github(fx.data());
  CHECK(text.find('\r') == std::string::npos);
  auto out = lines(text);
  REQUIRE(out.size() == 7);  // line breaks in names and messages did not add lines
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    INFO(out[i]);
    CHECK(out[i].rfind("::", 0) == 0);
    // Properties end at the first "::"; inside them no raw `:` or `,` other than separators.
    size_t space = out[i].find(' '), end = out[i].find("::", 2);
    REQUIRE(end != std::string::npos);
    std::string props = out[i].substr(space + 1, end - space - 1);
    for (const auto& kv : between("," + props, ",", "=")) CHECK((kv == "file" || kv == "line" || kv == "col" || kv == "title"));
  }
  CHECK(out[0].find("file=terms/evil name|%25.terms,") != std::string::npos);
  CHECK(out[0].find("title=Site visits are announced <script>alert(\"x\")</script> | 100%25 & 'co'%2C a%3Ab%0D%0A") !=
        std::string::npos);
  CHECK(out[0].find("::site_visit V-1 was announced 25 hours before; the agreement requires 48 hours <script>alert(\"x\")"
                    "</script> | 100%25 & 'co', a:b%0D%0A`tick` *bold* (responsible: Acme)%0Aevent: logs/evil,log:1.yaml:15:") !=
        std::string::npos);
  CHECK(out[6].rfind("pactum: ", 0) == 0);
}
