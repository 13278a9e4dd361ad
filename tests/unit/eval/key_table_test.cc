// KeyTable: every key added is found again with its value, every other key is not, through
// growth of its index and its blocks; keys are compared byte for byte (append_key's keys hold
// NUL bytes and lengths), and large keys are kept whole.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/eval/key_table.h"

using pactum::eval::KeyTable;

namespace {

struct Case {
  const char* name;
  std::vector<std::string> keys;  // added in this order (repeats update the same entry)
};

std::vector<std::string> many(size_t n, size_t length) {
  std::vector<std::string> keys;
  std::mt19937 rng(7);
  for (size_t i = 0; i < n; ++i) {
    std::string key(length, '\0');
    for (auto& c : key) c = static_cast<char>(rng() % 4);  // few letters: many near misses
    key += std::to_string(i);
    keys.push_back(key);
  }
  return keys;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> list = {
      {"none", {}},
      {"one", {"T-1"}},
      {"empty key", {"", "a"}},
      {"repeats", {"a", "b", "a", "a", "b", "c"}},
      {"NUL bytes and prefixes", {std::string("a\0b", 3), std::string("a\0c", 3), "a", std::string("a\0", 2)}},
      {"large keys", {std::string(300000, 'x'), std::string(300000, 'y'), std::string(2 << 20, 'z'), "small",
                      std::string(300000, 'x') + "!"}},
      {"past several index sizes", many(5000, 3)},
      {"past several blocks", many(40000, 60)},
  };
  return list;
}

}  // namespace

TEST_CASE("a key table finds what was added, and only that", "[eval][key_table]") {
  for (const auto& c : cases()) {
    INFO("case: " << c.name);
    KeyTable<uint64_t> table;
    std::map<std::string, uint64_t> expected;
    for (size_t i = 0; i < c.keys.size(); ++i) {
      table[c.keys[i]] += i + 1;
      expected[c.keys[i]] += i + 1;
    }
    CHECK(table.size() == expected.size());
    for (const auto& [key, value] : expected) {
      const uint64_t* found = table.find(key);
      REQUIRE(found);
      CHECK(*found == value);
      CHECK_FALSE(table.find(key + "?"));
      if (!key.empty()) {
        std::string shorter = key.substr(0, key.size() - 1);
        CHECK((table.find(shorter) != nullptr) == (expected.count(shorter) == 1));
      }
    }
    uint64_t sum = 0, want = 0;
    table.for_each_value([&](uint64_t v) { sum += v; });
    for (const auto& [key, value] : expected) want += value;
    CHECK(sum == want);
  }
}

TEST_CASE("a key table keeps values where they are while it grows", "[eval][key_table]") {
  KeyTable<uint32_t> table;
  uint32_t& first = table["first"];
  first = 42;
  for (const auto& key : many(20000, 8)) table[key] = 1;
  CHECK(&table["first"] == &first);
  CHECK(first == 42);
}
