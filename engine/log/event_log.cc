#include "engine/log/event_log.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace pactum::log {

namespace {

constexpr size_t kBlockSize = 256 * 1024;

// The last 1 to 7 bytes are read with loads of fixed size that may overlap the bytes before them
// (the text's length is mixed in first, so that overlaps cannot make two texts alike): a copy of
// `n` bytes into a word was compiled to a byte loop into memory and a load of the whole word,
// which the processor cannot forward from the byte stores (perf annotate: two thirds of the
// function's samples on that load, and this function hashes every scalar of a log).
uint32_t hash_of(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  const char* p = s.data();
  size_t n = s.size();
  auto load8 = [](const char* at) {
    uint64_t w;
    std::memcpy(&w, at, 8);
    return w;
  };
  auto load4 = [](const char* at) {
    uint32_t w;
    std::memcpy(&w, at, 4);
    return uint64_t{w};
  };
  for (; n >= 8; p += 8, n -= 8) {
    h = (h ^ load8(p)) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  if (n > 0) {
    if (s.size() >= 8) w = load8(p + n - 8);  // the last 8 bytes of the text
    else if (n >= 4) w = load4(p) << 32 | load4(p + n - 4);
    else w = uint64_t{static_cast<unsigned char>(p[0])} << 16 | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
             static_cast<unsigned char>(p[n - 1]);
  }
  // MurmurHash3's finalizer: every bit of the last word reaches the low 32 bits (w may now fill
  // all 64 bits, and one multiplication carries a bit only upwards).
  h ^= w;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return static_cast<uint32_t>(h);
}

}  // namespace

uint32_t SymbolTable::hash(std::string_view text) { return hash_of(text); }

SymbolTable::SymbolTable(const SymbolTable& other) {
  for (std::string_view text : other.views_) intern(text);
}

SymbolTable& SymbolTable::operator=(const SymbolTable& other) {
  if (this != &other) {
    SymbolTable copy(other);
    *this = std::move(copy);
  }
  return *this;
}

size_t SymbolTable::slot_of(std::string_view text, uint32_t hash) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.symbol == kNoSymbol) return i;
    if (slot.hash == hash && views_[slot.symbol] == text) return i;
  }
}

std::string_view SymbolTable::store(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > block_cap_ - block_used_) {
    block_cap_ = std::max(kBlockSize, text.size());
    blocks_.push_back(std::unique_ptr<char[]>(new char[block_cap_]));
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::memcpy(at, text.data(), text.size());
  block_used_ += text.size();
  return std::string_view(at, text.size());
}

// A slot of a distinct text into the first free place of its probe sequence. Filled from an old
// table in its order, the new table is written nearly in order too (each entry lies close to
// its hash's place): no text is read and no cache line is fetched at random.
void SymbolTable::place(const Slot& slot) {
  size_t mask = slots_.size() - 1;
  size_t i = slot.hash & mask;
  while (slots_[i].symbol != kNoSymbol) i = (i + 1) & mask;
  slots_[i] = slot;
}

void SymbolTable::grow() {
  auto old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  for (const Slot& s : old)
    if (s.symbol != kNoSymbol) place(s);
}

Symbol SymbolTable::intern(std::string_view text, uint32_t hash) {
  if ((views_.size() + 1) * 2 > slots_.size()) grow();
  size_t i = slot_of(text, hash);
  if (slots_[i].symbol != kNoSymbol) return slots_[i].symbol;
  Symbol s;
  if (!free_.empty()) {
    s = free_.back();
    free_.pop_back();
    views_[s] = store(text);
  } else {
    s = static_cast<Symbol>(views_.size());
    views_.push_back(store(text));
  }
  slots_[i] = Slot{hash, s};
  return s;
}

void SymbolTable::retain(const std::vector<bool>& live) {
  ++generation_;
  std::vector<std::unique_ptr<char[]>> old_blocks = std::move(blocks_);
  blocks_.clear();
  block_used_ = block_cap_ = 0;
  free_.clear();
  for (Symbol s = 0; s < views_.size(); ++s) {
    if (s < live.size() && live[s]) {
      views_[s] = store(views_[s]);
    } else {
      views_[s] = std::string_view{};
      free_.push_back(s);
    }
  }
  std::reverse(free_.begin(), free_.end());  // the lowest numbers first
  // The index keeps the live slots (their hashes stored: no text hashed again), refilled in the
  // table's own order (place()): with a million live ids, refilling in symbol order fetched a
  // random cache line per symbol, most of the symbol table's time at 10^7 events. The live slots
  // are set aside first, so that the table is refilled in place (a second table of 32 MiB at
  // 10^7 events was the peak of the whole check).
  std::vector<Slot> kept;
  kept.reserve(views_.size() - free_.size());
  for (const Slot& slot : slots_)
    if (slot.symbol != kNoSymbol && slot.symbol < live.size() && live[slot.symbol]) kept.push_back(slot);
  std::fill(slots_.begin(), slots_.end(), Slot{});
  for (const Slot& slot : kept) place(slot);
}

std::optional<Symbol> SymbolTable::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[slot_of(text, hash_of(text))];
  if (slot.symbol == kNoSymbol) return std::nullopt;
  return slot.symbol;
}

const Event* EventLog::find_event(uint32_t index) const {
  if (index >= window_base_) {
    size_t at = retained_ + (index - window_base_);
    return at < events.size() ? &events[at] : nullptr;
  }
  // The events a report cites are looked up in nearly ascending order (findings by time, each
  // thread rendering a run of them): the search gallops out from where this thread's last lookup
  // ended, a few comparisons on cache lines already read instead of a binary search over 100,000
  // held events (9% of rendering a report of 70,000 findings). The hint only saves time: any
  // value gives the same answer.
  static thread_local size_t hint = 0;
  const uint32_t* held = retained_index_.data();
  size_t n = retained_index_.size();
  if (n == 0) return nullptr;
  size_t h = std::min(hint, n - 1), lo, hi;  // the answer lies in [lo, hi]
  if (held[h] < index) {
    lo = h + 1;
    size_t step = 1;
    while (lo + step - 1 < n && held[lo + step - 1] < index) lo += step, step *= 2;
    hi = std::min(n, lo + step - 1);
  } else {
    hi = h;
    size_t step = 1;
    while (hi >= step && held[hi - step] >= index) hi -= step, step *= 2;
    lo = hi >= step ? hi - step + 1 : 0;
  }
  size_t at = static_cast<size_t>(std::lower_bound(held + lo, held + hi, index) - held);
  hint = at;
  if (at == n || held[at] != index) return nullptr;
  return &events[at];
}

const Event& EventLog::retained_event(uint32_t index) const {
  if (const Event* e = find_event(index)) return *e;
  // A rule cited an event it did not declare as held (RuleEvaluator::held): a bug, never input.
  throw std::logic_error("event " + std::to_string(index) + " was dropped while still cited");
}

void EventLog::attributes_dropped(const Event& e) {
  throw std::logic_error("the attributes of event " + std::to_string(e.order) + " were read after it was evaluated");
}

// In place: the held events move to the front (without their attributes), then the events from
// the cut on (with theirs), each to a position at or before its own, in ascending order, so none
// is overwritten before it has moved. No second copy of the arrays exists at any moment (a copy
// doubled the peak memory of a streamed check), and their capacity, once grown to what a batch
// needs, is used again by the next batch instead of growing anew.
void EventLog::compact(uint32_t cut, const std::vector<uint32_t>& held) {
  std::vector<uint32_t> kept_index;
  kept_index.reserve(static_cast<size_t>(std::lower_bound(held.begin(), held.end(), cut) - held.begin()));
  size_t to = 0;
  // `held` and the retained indices both ascend: one walk finds the held ones among them.
  size_t r = 0;
  for (uint32_t h : held) {
    if (h >= cut) break;
    while (r < retained_index_.size() && retained_index_[r] < h) ++r;
    size_t from;
    if (r < retained_index_.size() && retained_index_[r] == h) from = r;
    else if (h >= window_base_ && retained_ + size_t{h - window_base_} < events.size()) from = retained_ + (h - window_base_);
    else throw std::logic_error("event " + std::to_string(h) + " was dropped while still cited");
    Event fields = events[from];
    fields.attr_begin = kAttributesDropped;
    fields.attr_count = 0;
    events[to++] = fields;
    kept_index.push_back(h);
  }
  uint32_t retained = static_cast<uint32_t>(to);
  size_t attributes_to = 0, items_to = 0;
  for (uint32_t i = std::max(cut, window_base_), end = count(); i < end; ++i) {
    Event e = events[retained_ + (i - window_base_)];
    uint32_t begin = e.attr_begin;
    e.attr_begin = static_cast<uint32_t>(attributes_to);
    for (uint32_t a = begin; a < begin + e.attr_count; ++a) {
      Attribute attribute = attributes[a];
      if (attribute.value.kind == Value::Kind::List) {
        // The loaders add list items in the order of their attributes, so these too only move down.
        if (attribute.value.list_begin < items_to) throw std::logic_error("list items out of order");
        std::copy_n(list_items.begin() + attribute.value.list_begin, attribute.value.list_size,
                    list_items.begin() + static_cast<std::ptrdiff_t>(items_to));
        attribute.value.list_begin = static_cast<uint32_t>(items_to);
        items_to += attribute.value.list_size;
      }
      attributes[attributes_to++] = attribute;
    }
    events[to++] = e;
  }
  events.resize(to);
  attributes.resize(attributes_to);
  list_items.resize(items_to);
  retained_index_ = std::move(kept_index);
  retained_ = retained;
  window_base_ = std::max(cut, window_base_);
  ++compactions_;
}

void EventLog::forget_symbols(Symbol pinned) {
  std::vector<bool> live(symbols.size(), false);
  auto mark = [&](Symbol s) {
    if (s != kNoSymbol && s < live.size()) live[s] = true;
  };
  for (Symbol s = 0; s < pinned && s < live.size(); ++s) live[s] = true;
  for (const Event& e : events) {
    mark(e.type), mark(e.by), mark(e.id);
    if (e.attr_begin == kAttributesDropped) continue;
    for (uint32_t i = e.attr_begin; i < e.attr_begin + e.attr_count; ++i) {
      const Attribute& a = attributes[i];
      mark(a.key);
      if (a.value.kind != Value::Kind::List) {
        mark(a.value.text);
        continue;
      }
      for (uint32_t k = 0; k < a.value.list_size; ++k) mark(list_items[a.value.list_begin + k].text);
    }
  }
  census.mark_symbols(live);
  symbols.retain(live);
  census.forget_symbols(live);
}

void EventLog::sort_by_time() {
  auto before = [](const Event& a, const Event& b) {
    if (a.at != b.at) return a.at < b.at;
    return a.order < b.order;
  };
  if (std::is_sorted(events.begin(), events.end(), before)) return;
  std::sort(events.begin(), events.end(), before);
}

}  // namespace pactum::log
