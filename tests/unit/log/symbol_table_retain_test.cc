// SymbolTable::retain (a streamed check forgets the texts of dropped events): the live texts keep
// their numbers and are found again, the forgotten ones are not, their numbers go to new texts
// (lowest first), and the index stays right over many rounds of forgetting and growing.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/log/event_log.h"

using namespace pactum::log;

TEST_CASE("SymbolTable::retain keeps the live texts and forgets the others", "[log]") {
  SymbolTable table;
  std::map<std::string, Symbol> expected;  // the texts that must be found, with their numbers
  std::vector<std::string> forgotten;
  std::mt19937 random(17);
  int next = 0;
  for (int round = 0; round < 12; ++round) {
    // New texts (ids of the kind logs carry, and an empty one), then some known ones again.
    for (int i = 0; i < 3000; ++i) {
      std::string text = "E-" + std::to_string(next++);
      expected[text] = table.intern(text);
    }
    expected[""] = table.intern("");
    for (const auto& [text, symbol] : expected) CHECK(table.intern(text) == symbol);

    // Keep about a third.
    std::vector<bool> live(table.size(), false);
    std::map<std::string, Symbol> kept;
    for (const auto& [text, symbol] : expected) {
      if (random() % 3 == 0) {
        live[symbol] = true;
        kept.emplace(text, symbol);
      } else {
        forgotten.push_back(text);
      }
    }
    table.retain(live);
    expected = kept;
    INFO("round " << round);
    REQUIRE(table.live() == expected.size());
    for (const auto& [text, symbol] : expected) {
      auto found = table.find(text);
      REQUIRE(found);
      CHECK(*found == symbol);
      CHECK(table.text(symbol) == text);
    }
    for (size_t i = forgotten.size() > 200 ? forgotten.size() - 200 : 0; i < forgotten.size(); ++i)
      if (!expected.count(forgotten[i])) CHECK_FALSE(table.find(forgotten[i]));
    // A new text takes the lowest forgotten number.
    Symbol lowest = 0;
    while (lowest < live.size() && live[lowest]) ++lowest;
    std::string fresh = "fresh-" + std::to_string(round);
    Symbol s = table.intern(fresh);
    CHECK(s == lowest);
    expected[fresh] = s;
  }
}
