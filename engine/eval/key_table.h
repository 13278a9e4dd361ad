#pragma once

// A hash map from correlation keys (the bytes append_key builds) to a small value, for the rules
// that must remember every key they have seen for the rest of the log (`every A requires B with
// same k before`: a later A may name any earlier B). Such a rule can hold millions of keys, so
// each costs little: one record per key (its value, its length, its bytes), back to back in large
// blocks that never move, and a 4-byte slot in an open-addressing index that names the record.
// About 28 bytes for a 16-byte key plus its slots; a std::unordered_map<std::string, V> took a
// heap node per key, about 88 bytes with its bucket, before the value.
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pactum::eval {

template <typename Value>
class KeyTable {
  static_assert(std::is_trivially_destructible_v<Value> && alignof(Value) <= 8,
                "records are never destroyed one by one, and blocks are aligned to 8");

 public:
  // The value of `key`, added (value-initialized) when the key is new. It never moves: a
  // reference stays valid as long as the table.
  Value& operator[](std::string_view key) {
    uint32_t hash = hash_of(key);
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t i = probe(key, hash);
    if (slots_[i] == 0) {
      slots_[i] = add(key);
      ++size_;
    }
    return value_at(slots_[i]);
  }

  // The value of `key`, or nullptr when it was never added.
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    size_t i = probe(key, hash_of(key));
    return slots_[i] != 0 ? &value_at(slots_[i]) : nullptr;
  }

  size_t size() const { return size_; }

  // Calls f(value) for every key's value, in the order the keys were added.
  template <typename F>
  void for_each_value(F&& f) const {
    for (const Block& b : blocks_)
      for (size_t at = 0; at < b.used; at = next_record(b.bytes.get(), at)) f(*value_in(b.bytes.get() + at));
  }

 private:
  // A record: the value, the key's length (LEB128), its bytes, padding to kAlign. A slot holds
  // the record's place in kAlign-byte units, block by block, plus one (0: an empty slot).
  static constexpr size_t kAlign = alignof(Value) < 4 ? 4 : alignof(Value);
  static constexpr size_t kBlockSize = size_t{1} << 20;
  static constexpr size_t kUnitsPerBlock = kBlockSize / kAlign;
  struct Block {
    std::unique_ptr<char[]> bytes;
    size_t used = 0;
    size_t capacity = 0;
  };

  static uint32_t hash_of(std::string_view key) {
    uint64_t h = std::hash<std::string_view>{}(key);  // 32 bits in WebAssembly
    return static_cast<uint32_t>(h ^ (h >> 32));
  }
  static size_t round_up(size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

  static Value* value_in(char* record) { return std::launder(reinterpret_cast<Value*>(record)); }
  static const Value* value_in(const char* record) {
    return std::launder(reinterpret_cast<const Value*>(record));
  }
  // The key of the record at `record`.
  static std::string_view key_in(const char* record) {
    const auto* p = reinterpret_cast<const unsigned char*>(record + sizeof(Value));
    size_t length = 0;
    for (int shift = 0;; shift += 7) {
      length |= size_t{static_cast<size_t>(*p & 0x7f)} << shift;
      if (*p++ < 0x80) break;
    }
    return std::string_view(reinterpret_cast<const char*>(p), length);
  }
  static size_t next_record(const char* block, size_t at) {
    std::string_view key = key_in(block + at);
    return round_up(static_cast<size_t>(key.data() + key.size() - block));
  }

  const char* record_at(uint32_t slot) const {
    size_t unit = slot - 1;
    return blocks_[unit / kUnitsPerBlock].bytes.get() + (unit % kUnitsPerBlock) * kAlign;
  }
  Value& value_at(uint32_t slot) { return *value_in(const_cast<char*>(record_at(slot))); }
  const Value& value_at(uint32_t slot) const { return *value_in(record_at(slot)); }

  // The slot of `key`: where it is, or the empty slot where it would go (linear probing; at
  // most half the slots are used, so one is always empty).
  size_t probe(std::string_view key, uint32_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      uint32_t s = slots_[i];
      if (s == 0 || key_in(record_at(s)) == key) return i;
    }
  }

  void grow() {
    // The slots are rebuilt from the keys: the old ones go first, so that the two are never
    // held at once (at millions of keys, a third of the table's peak).
    size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
    std::vector<uint32_t>().swap(slots_);
    slots_.assign(size, 0);
    size_t mask = size - 1;
    for (size_t b = 0; b < blocks_.size(); ++b) {
      const char* block = blocks_[b].bytes.get();
      for (size_t at = 0; at < blocks_[b].used; at = next_record(block, at)) {
        size_t i = hash_of(key_in(block + at)) & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = slot_of(b, at);
      }
    }
  }

  uint32_t slot_of(size_t block, size_t at) const {
    uint64_t unit = uint64_t{block} * kUnitsPerBlock + at / kAlign + 1;
    if (unit > UINT32_MAX) throw std::length_error("more correlation keys than a key table can hold (16 GiB)");
    return static_cast<uint32_t>(unit);
  }

  // Writes the record of a new key and returns its slot value. A record larger than a block gets
  // a block of its own (its place is then the block's start, and the next small key a new block).
  uint32_t add(std::string_view key) {
    unsigned char length[10];
    size_t length_bytes = 0;
    for (size_t n = key.size();; n >>= 7) {
      length[length_bytes++] = static_cast<unsigned char>((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
      if (n < 0x80) break;
    }
    size_t bytes = round_up(sizeof(Value) + length_bytes + key.size());
    if (blocks_.empty() || blocks_.back().capacity - blocks_.back().used < bytes) {
      size_t capacity = bytes > kBlockSize ? bytes : kBlockSize;
      // Not zeroed (`new char[]`; make_unique_for_overwrite is missing from the WebAssembly build's
      // libc++): only the bytes written are read, and zeroing a megabyte for a rule that keeps a
      // few keys cost `pactum test` a quarter of its time (one table per rule and case).
      blocks_.push_back(Block{std::unique_ptr<char[]>(new char[capacity]), 0, capacity});
    }
    Block& b = blocks_.back();
    char* record = b.bytes.get() + b.used;
    new (record) Value{};
    std::memcpy(record + sizeof(Value), length, length_bytes);
    if (!key.empty()) std::memcpy(record + sizeof(Value) + length_bytes, key.data(), key.size());
    uint32_t slot = slot_of(blocks_.size() - 1, b.used);
    b.used += bytes;
    return slot;
  }

  std::vector<uint32_t> slots_;  // record place + 1; 0: empty
  std::vector<Block> blocks_;    // the records, back to back; a block's bytes never move
  size_t size_ = 0;
};

}  // namespace pactum::eval
