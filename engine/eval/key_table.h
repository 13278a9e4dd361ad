#pragma once

// A hash map from correlation keys (the bytes append_key builds) to a small value, for the rules
// that must remember every key they have seen for the rest of the log (`every A requires B with
// same k before`: a later A may name any earlier B). Such a rule can hold millions of keys, so
// each costs little: the key's bytes stored once, back to back in large blocks; one entry (where
// the bytes are, their hash, the value) in a chunked array that never copies itself to grow; and
// a 4-byte slot in an open-addressing index. A std::unordered_map<std::string, V> took a heap
// node per key, about 88 bytes with its bucket, before the value.
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace pactum::eval {

template <typename Value>
class KeyTable {
 public:
  // The value of `key`, added (value-initialized) when the key is new. It never moves: a
  // reference stays valid as long as the table.
  Value& operator[](std::string_view key) {
    uint32_t hash = hash_of(key);
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    size_t i = probe(key, hash);
    if (slots_[i] != 0) return entries_[slots_[i] - 1].value;
    entries_.push_back(Entry{store(key), static_cast<uint32_t>(key.size()), hash, Value{}});
    slots_[i] = static_cast<uint32_t>(entries_.size());
    return entries_.back().value;
  }

  // The value of `key`, or nullptr when it was never added.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    size_t i = probe(key, hash_of(key));
    return slots_[i] != 0 ? &entries_[slots_[i] - 1].value : nullptr;
  }

  size_t size() const { return entries_.size(); }

  // Calls f(value) for every key's value, in the order the keys were added.
  template <typename F>
  void for_each_value(F&& f) const {
    for (const Entry& e : entries_) f(e.value);
  }

 private:
  struct Entry {
    const char* bytes;
    uint32_t length;
    uint32_t hash;
    Value value;
  };
  static constexpr size_t kBlockSize = size_t{1} << 20;

  static uint32_t hash_of(std::string_view key) {
    uint64_t h = std::hash<std::string_view>{}(key);  // 32 bits in WebAssembly
    return static_cast<uint32_t>(h ^ (h >> 32));
  }

  // The slot of `key`: where it is, or the empty slot where it would go (linear probing; at
  // most half the slots are used, so one is always empty).
  size_t probe(std::string_view key, uint32_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      uint32_t s = slots_[i];
      if (s == 0) return i;
      const Entry& e = entries_[s - 1];
      if (e.hash == hash && e.length == key.size() && std::memcmp(e.bytes, key.data(), key.size()) == 0) return i;
    }
  }

  void grow() {
    // The slots are rebuilt from the entries' hashes: the old ones go first, so that the two are
    // never held at once (at millions of keys, a third of the table's peak).
    size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
    std::vector<uint32_t>().swap(slots_);
    slots_.assign(size, 0);
    size_t mask = slots_.size() - 1;
    for (size_t n = 0; n < entries_.size(); ++n) {
      size_t i = entries_[n].hash & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = static_cast<uint32_t>(n + 1);
    }
  }

  const char* store(std::string_view key) {
    if (key.empty()) return "";
    if (key.size() > kBlockSize / 4) {  // a large key gets a block of its own
      large_.push_back(std::make_unique<char[]>(key.size()));
      std::memcpy(large_.back().get(), key.data(), key.size());
      return large_.back().get();
    }
    if (blocks_.empty() || key.size() > kBlockSize - used_) {
      blocks_.push_back(std::make_unique<char[]>(kBlockSize));
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, key.data(), key.size());
    used_ += key.size();
    return at;
  }

  std::vector<uint32_t> slots_;                   // entry number + 1; 0: empty
  std::deque<Entry> entries_;                     // chunked: stable, and no copy when it grows
  std::vector<std::unique_ptr<char[]>> blocks_;   // the keys' bytes, back to back
  std::vector<std::unique_ptr<char[]>> large_;    // keys over a quarter block, one each
  size_t used_ = 0;                               // bytes used of the last block
};

}  // namespace pactum::eval
