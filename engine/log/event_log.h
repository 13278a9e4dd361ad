// Compact, column-friendly storage of the events of one or more logs. Strings are interned into
// Symbols, times are integers, attributes live in one flat array: a million events stay well
// under a hundred megabytes and are cheap to scan in time order.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/huge_page_allocator.h"
#include "engine/base/time.h"
#include "engine/log/census.h"

namespace pactum::log {

using Symbol = uint32_t;
constexpr Symbol kNoSymbol = UINT32_MAX;

// Interns strings: equal texts get equal Symbols, so `with same` and type lookups are integer
// comparisons.
class SymbolTable {
 public:
  SymbolTable() = default;
  SymbolTable(const SymbolTable& other);  // re-interns: texts must not be shared between tables
  SymbolTable& operator=(const SymbolTable& other);
  SymbolTable(SymbolTable&&) noexcept = default;
  SymbolTable& operator=(SymbolTable&&) noexcept = default;

  Symbol intern(std::string_view text) { return intern(text, hash(text)); }
  // The same in two steps, for a loader that knows a text long before it needs its Symbol:
  // hash it and prefetch its slot now, intern it later (a new or long-unseen text costs a cache
  // miss in the index; this way the miss overlaps with parsing).
  static uint32_t hash(std::string_view text);
  // always_inline: else GCC 12 finds the function free of side effects (a prefetch is none to
  // it) and drops every call to it, prefetch and all (seen in the disassembly).
  [[gnu::always_inline]] void prefetch(uint32_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  Symbol intern(std::string_view text, uint32_t hash);
  std::optional<Symbol> find(std::string_view text) const;
  // Forgets the texts of the symbols `live` does not mark (indexed by symbol; missing: not
  // live). The others keep their numbers and texts (but not their addresses: views taken before
  // are invalid); forgotten numbers go to new texts. A streamed check forgets the ids of the
  // events it dropped, so that memory does not grow with the log.
  void retain(const std::vector<bool>& live);
  std::string_view text(Symbol s) const { return s == kNoSymbol ? std::string_view{} : views_[s]; }
  size_t size() const { return views_.size(); }  // numbers in use or forgotten
  size_t live() const { return views_.size() - free_.size(); }
  // How often retain() ran: a cache of symbols taken from this table is stale once it moved.
  uint32_t generation() const { return generation_; }

 private:
  // A million distinct ids must stay cheap: texts are packed into large blocks (stable addresses,
  // one allocation per block, not per string) and found through a flat open-addressing index.
  struct Slot {
    uint32_t hash = 0;
    Symbol symbol = kNoSymbol;  // kNoSymbol: empty slot
  };
  size_t slot_of(std::string_view text, uint32_t hash) const;  // its slot, or the empty one for it
  std::string_view store(std::string_view text);
  void grow();
  void place(const Slot& slot);  // a slot of a text not in the index, placed without comparing texts

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;  // of the last block
  size_t block_cap_ = 0;
  std::vector<std::string_view> views_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // size 0 or a power of two, at most half full
  std::vector<Symbol> free_;  // forgotten numbers (retain())
  uint32_t generation_ = 0;
};

// An attribute value. A plain YAML scalar that reads as a number is a Number (its text kept);
// `true`/`false` are Bool; quoted scalars are always String ("80" is not 80); a sequence of
// scalars is a List (items in EventLog::list_items).
// 16 bytes (an Attribute 24): a million events carry millions of them. `number` is meaningful
// for a Number only, `list_begin`/`list_size` for a List only (they share storage).
struct Value {
  enum class Kind : uint8_t { String, Number, Bool, List };
  Kind kind = Kind::String;
  bool boolean = false;
  Symbol text = kNoSymbol;  // scalar text as written (String, Number, Bool)
  union {
    double number = 0;  // Number
    struct {
      uint32_t list_begin;  // List
      uint32_t list_size;
    };
  };
};
static_assert(sizeof(Value) == 16);

struct Attribute {
  Symbol key;
  Value value;
};
static_assert(sizeof(Attribute) == 24);

struct Event {
  Instant at{};
  Symbol type = kNoSymbol;
  Symbol by = kNoSymbol;  // a declared party name, or kNoSymbol
  Symbol id = kNoSymbol;
  uint32_t file = 0;      // SourceManager file id
  uint32_t index = 0;     // 0-based position in its file (document number for a stream)
  uint32_t line = 0;      // where the event's mapping starts (1-based)
  uint32_t column = 0;
  uint32_t attr_begin = 0;  // attributes [attr_begin, attr_begin + attr_count) in EventLog::attributes
  uint32_t attr_count = 0;
  uint32_t order = 0;       // position in the merged log: file order on the command line, then index
};

// Where `e` stands when the logs are loaded one after the other: its file (in command-line
// order), then its place in the file. It orders events as `order` does on a loaded log, and is
// the same whichever way the logs were read (logs merged as they are read number `order` by
// time): the tie-breaks of the report order use it.
inline uint64_t load_position(const Event& e) { return (uint64_t{e.file} << 32) | e.index; }

class EventLog {
 public:
  SymbolTable symbols;
  std::vector<Event> events;
  std::vector<Attribute> attributes;
  std::vector<Value> list_items;
  // The `timezone:` of each log that declares one, indexed by SourceManager file id (nullptr or
  // out of range: none). Attribute date-times without an offset are read in it (V2.1).
  std::vector<const date::time_zone*> file_zones;
  // Attribute names per event type and duplicate ids, noted by the loader (census.h).
  Census census;

  // The zone in which `e`'s attribute date-times without an offset are read: its log's
  // `timezone:`, else `fallback` (the agreement's).
  const date::time_zone* zone_of(const Event& e, const date::time_zone* fallback) const {
    return e.file < file_zones.size() && file_zones[e.file] ? file_zones[e.file] : fallback;
  }

  // The Symbol of a name or text the agreement uses (a type, a party, an attribute, a literal),
  // compiled once before the pass: kNoSymbol when no event has the text (it can never match).
  // A streamed log interns it instead: its events are still to come.
  Symbol symbol_for(std::string_view text) const {
    if (interns_names_) return const_cast<SymbolTable&>(symbols).intern(text);
    return symbols.find(text).value_or(kNoSymbol);
  }
  void intern_names(bool on) { interns_names_ = on; }

  // The attribute `key` of `e` (null attributes are never stored), or nullptr.
  const Value* attribute(const Event& e, Symbol key) const {
    if (e.attr_begin == kAttributesDropped) attributes_dropped(e);
    for (uint32_t i = e.attr_begin, end = e.attr_begin + e.attr_count; i < end; ++i)
      if (attributes[i].key == key) return &attributes[i].value;
    return nullptr;
  }
  // Stable sort by time (then merged order); skipped when already in order (the usual case).
  void sort_by_time();

  // ---- events by their index in the time-sorted log ----
  // A loaded log holds every event: `events[i]` is event i. A streamed one (check on a
  // time-ordered log, engine/app/streamed_check.cc) drops events once the rules have seen them:
  // `events` then holds the events the rules still cite (retained, in index order) followed by
  // the window of events not yet evaluated, which starts at index window_base().
  const Event& event(uint32_t index) const {
    if (index >= window_base_) return events[retained_ + (index - window_base_)];
    return retained_event(index);
  }
  // The event with this index, or nullptr when it was dropped (or never read).
  const Event* find_event(uint32_t index) const;
  // The events read so far (the next event's index).
  uint32_t count() const { return window_base_ + static_cast<uint32_t>(events.size() - retained_); }
  uint32_t window_base() const { return window_base_; }
  // The index of the event stored at events[position] when that is in the window.
  uint32_t index_of_position(size_t position) const { return window_base_ + static_cast<uint32_t>(position - retained_); }
  // Drops the events before index `cut` except `held` (sorted, unique; indices the rules still
  // cite), and the attributes and list items of all of them: memory then holds only what is
  // needed. Rules read the attributes of an event while it is fed to them; later they read its
  // own fields only (time, type, by, id, place), which is what a finding cites. Reading an
  // attribute of a held event is a bug, and throws.
  static constexpr uint32_t kAttributesDropped = UINT32_MAX;
  void compact(uint32_t cut, const std::vector<uint32_t>& held);
  // Forgets the symbols that neither the stored events nor the census use, except those below
  // `pinned` (interned before the pass: the names the rules compiled). A streamed check calls it
  // after compact() now and then: event ids and other one-off texts come and go.
  void forget_symbols(Symbol pinned);
  // How often compact() ran: a loader that must withdraw events it already handed out (a file
  // that turns out not to be YAML) can no longer do so once this moved (`stream_broken`).
  uint32_t compactions() const { return compactions_; }
  bool stream_broken = false;
  // How often a loader withdrew events it had added (a file that is not YAML, a time that turned
  // out not to exist): a streamed check that saw them starts over.
  uint32_t withdrawals = 0;

 private:
  const Event& retained_event(uint32_t index) const;
  [[noreturn]] static void attributes_dropped(const Event& e);
  uint32_t window_base_ = 0;            // index of events[retained_]
  uint32_t retained_ = 0;               // events kept before the window
  std::vector<uint32_t> retained_index_;  // their indices, ascending
  uint32_t compactions_ = 0;
  bool interns_names_ = false;
};

}  // namespace pactum::log
