#include <catch2/catch.hpp>

#include <string>

#include "engine/log/event_log.h"

using namespace pactum::log;

TEST_CASE("symbols: equal texts intern to equal symbols, texts stay valid as the table grows") {
  SymbolTable t;
  Symbol empty = t.intern("");
  Symbol a = t.intern("alpha");
  std::string_view alpha = t.text(a);
  for (int i = 0; i < 200000; ++i) t.intern("id-" + std::to_string(i));
  std::string big(300 * 1024, 'x');  // larger than a storage block
  Symbol b = t.intern(big);
  CHECK(t.intern("alpha") == a);
  CHECK(t.intern("") == empty);
  CHECK(t.text(empty).empty());
  CHECK(alpha == "alpha");  // the view taken before growing still reads the text
  CHECK(t.text(t.intern("id-123456")) == "id-123456");
  CHECK(t.find("id-199999").has_value());
  CHECK_FALSE(t.find("id-200000").has_value());
  CHECK(t.text(b) == big);
  CHECK(t.text(kNoSymbol).empty());
  CHECK(t.size() == 200003);
}

TEST_CASE("symbols: a copy is independent of the original") {
  SymbolTable t;
  Symbol a = t.intern("a");
  SymbolTable copy = t;
  Symbol b1 = t.intern("b");
  Symbol c2 = copy.intern("c");
  CHECK(b1 == c2);  // same number, different texts: nothing is shared
  CHECK(t.text(b1) == "b");
  CHECK(copy.text(c2) == "c");
  CHECK(copy.text(a) == "a");
  CHECK_FALSE(t.find("c").has_value());
  SymbolTable empty;
  CHECK_FALSE(empty.find("a").has_value());
}

TEST_CASE("symbols: the hash reads every byte of a text, whatever its length") {
  // A change to any one byte of a text of 1 to 40 bytes changes its hash (the last bytes are read
  // with loads that overlap: a byte they skipped would go unnoticed here), as does its length.
  std::string base;
  for (size_t length = 0; length <= 40; ++length) {
    uint32_t h = SymbolTable::hash(base);
    for (size_t at = 0; at < length; ++at)
      for (int delta : {1, 0x20, 0x80}) {
        std::string changed = base;
        changed[at] = static_cast<char>(changed[at] ^ delta);
        INFO("length " << length << ", byte " << at << " xor " << delta);
        CHECK(SymbolTable::hash(changed) != h);
      }
    std::string longer = base + base.substr(0, 1);
    if (!base.empty()) CHECK(SymbolTable::hash(longer) != h);
    base.push_back(static_cast<char>('a' + length % 26));
  }
  CHECK(SymbolTable::hash(std::string_view()) == SymbolTable::hash(std::string_view("", 0)));
}
