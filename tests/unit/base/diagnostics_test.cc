#include <catch2/catch.hpp>

#include "engine/base/diagnostics.h"

using namespace pactum;

TEST_CASE("closest_match suggests plausible misspellings only") {
  std::vector<std::string> parties = {"Acme", "Northwind"};
  CHECK(closest_match("Acmee", parties) == "Acme");
  CHECK(closest_match("acme", parties) == "Acme");
  CHECK(closest_match("Nortwind", parties) == "Northwind");
  CHECK(closest_match("Globex", parties).empty());
  CHECK(closest_match("befor", {"before", "after"}) == "before");
  // Every letter replaced is no misspelling; one letter added or kept is.
  CHECK(closest_match("q", {"a", "b"}).empty());
  CHECK(closest_match("ab", {"cd"}).empty());
  CHECK(closest_match("x", {"xy"}) == "xy");
  CHECK(closest_match("ab", {"ac"}) == "ac");
  CHECK(closest_match("A", {"a"}) == "a");  // case only
}

TEST_CASE("diagnostics render compiler style with the source line and a caret") {
  SourceManager sources;
  auto file = sources.add_text("a.terms", "party Acme\n  role clinet\n");
  Diagnostic d{DiagLevel::Error, "", SourceLoc{file, 2, 8}, 6, "unknown role `clinet`", {"did you mean `client`?"}, ""};
  auto text = render_diagnostic(d, sources);
  CHECK(text ==
        "a.terms:2:8: error: unknown role `clinet`\n"
        " 2 |   role clinet\n"
        "   |        ^~~~~~\n"
        "   = did you mean `client`?\n");
}

TEST_CASE("the error limit bounds what is kept and counts what is dropped") {
  Diagnostics diags(2);
  for (int i = 0; i < 5; ++i) diags.error(SourceLoc{0, 1, 1}, "bad");
  diags.warning(SourceLoc{0, 1, 1}, "warn");
  CHECK(diags.error_count() == 2);
  CHECK(diags.dropped() == 3);
  CHECK(diags.items().size() == 3);
}
