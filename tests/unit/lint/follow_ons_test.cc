// After an unknown party (an agreement error at each use), lint says nothing more about the rules
// naming it: what it would say is computed from a stand-in calendar or party (issue 13).
#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {

struct Run {
  model::Agreement ast;
  Diagnostics diags;
  std::vector<Diagnostic> entries;
};

std::unique_ptr<Run> lint_best_effort(const std::string& text) {
  auto r = std::make_unique<Run>();
  REQUIRE(syntax::parse_agreement(text, 0, r->ast, r->diags));
  auto resolved = semantic::resolve_best_effort(r->ast, r->diags);
  r->entries = lint::lint_agreement(resolved, 2026);
  return r;
}

std::string codes(const std::vector<Diagnostic>& entries) {
  std::string out;
  for (const auto& d : entries) out += std::to_string(d.loc.line) + ":" + d.code + " ";
  return out;
}

}  // namespace

TEST_CASE("lint: no follow-on entries about an unknown party") {
  const std::string header = std::string(kAcmeNorthwind);  // blocks start on line 14
  struct Row {
    const char* name;
    std::string blocks;
    std::string expected;  // "line:code " per entry
  };
  const Row rows[] = {
      {"the same rules with the party spelt right warn",
       "term \"T\"\n  every incident requires fix by Northwind within 4 hours after\n"
       "  at least 30 review by Northwind every month\n"
       "  every visit by Acme requires notice by Northwind at least 2 hours before\n",
       "15:deadline-outside-hours 16:cadence-too-dense 17:short-notice 2:one-sided "},
      {"spelt wrong: only the agreement errors remain",
       "term \"T\"\n  every incident requires fix by Northwnd within 4 hours after\n"
       "  at least 30 review by Northwnd every month\n"
       "  every visit by Acme requires notice by Northwnd at least 2 hours before\n",
       ""},
      {"a rule without the unknown party keeps its entries",
       "term \"T\"\n  every incident requires fix by Northwnd within 4 hours after\n"
       "term \"U\"\n  every visit by Acme requires notice by Acme at least 2 hours before\n",
       "17:short-notice "},
      {"an unknown name in the block's responsible list silences the block's rules",
       "term \"T\"\n  responsible Acme, Nortwind\n  at least 30 review every month\n", ""},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    auto run = lint_best_effort(header + "\n" + r.blocks);
    std::string got = codes(run->entries);
    std::string want = r.expected;
    INFO("entries: " << got);
    auto sorted = [](std::string s) {
      std::vector<std::string> parts;
      size_t start = 0;
      for (size_t sp; (sp = s.find(' ', start)) != std::string::npos; start = sp + 1) parts.push_back(s.substr(start, sp - start));
      std::sort(parts.begin(), parts.end());
      return parts;
    };
    CHECK(sorted(got) == sorted(want));
  }
}
