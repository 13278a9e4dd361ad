// What the loader learns about a log in passing, while it builds each event (no second scan):
// the attribute names each event type carries, and the events that repeat an id seen before.
// Session turns them into input warnings: a rule naming an attribute that no event of its type
// carries while one is spelt almost the same (`with same tiket`), and duplicate event ids (the
// same export passed twice doubles every count without this).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace pactum::log {

using Symbol = uint32_t;
struct Event;
struct Attribute;
class EventLog;

class Census {
 public:
  // Bounds that keep hostile logs cheap: per type at most kMaxKeysPerType attribute names are
  // kept (a type with more is "anything goes": never warned about), at most kMaxTypes types are
  // tracked, and the first kMaxDuplicatesKept duplicate ids are kept with both places (all are
  // counted).
  static constexpr size_t kMaxKeysPerType = 64;
  static constexpr size_t kMaxTypes = 10'000;
  static constexpr size_t kMaxDuplicatesKept = 5;

  struct TypeKeys {
    Symbol type;
    std::vector<Symbol> keys;  // in order of first appearance
    bool overflow = false;     // more than kMaxKeysPerType names, or the type was not tracked
  };
  struct Place {
    uint32_t file = UINT32_MAX;  // SourceManager file id; UINT32_MAX: unset
    uint32_t line = 0;
    uint32_t column = 0;
  };
  struct Duplicate {
    Symbol id;
    Place first, again;
  };

  // Called by the loader for every event it keeps, with the attributes of that event, before it
  // is appended to `log` (the events kept so far, in load order: `order` is their index; a
  // streamed check may have dropped the first of a duplicate: its place is then unknown).
  void note(const Event& e, const Attribute* attributes, const EventLog& log);

  // The attribute names events of `type` carry; nullptr when no event of that type was loaded.
  // An untracked type (past kMaxTypes) comes back with `overflow` set.
  const TypeKeys* keys_of(Symbol type) const;
  // Whether some event of a tracked type was loaded.
  bool has_type(Symbol type) const { return keys_of(type) != nullptr; }
  // Every tracked type, in order of first appearance.
  const std::vector<TypeKeys>& types() const { return types_; }

  const std::vector<Duplicate>& duplicates() const { return duplicates_; }

  // Several logs read at once and merged in time order (merged_reader.h) note their events here
  // in time order, while each log's own census noted them in file order. The attribute names
  // must be what loading the logs one after the other gives (the order of first appearance
  // names the candidates of a "did you mean", and decides which types the bounds leave out):
  // forget the types noted here, then take each log's in command-line order. `to_here` gives
  // this log's symbol for one of `other`'s.
  void clear_types();
  void absorb_types(const Census& other, const std::function<Symbol(Symbol)>& to_here);

  // For EventLog::forget_symbols: marks the symbols the census keeps (types, attribute names,
  // the ids of the duplicates shown), then forgets the first places of ids no longer live (a
  // streamed check then finds a repeated id only while the first event is still stored).
  void mark_symbols(std::vector<bool>& live) const;
  void forget_symbols(const std::vector<bool>& live);
  size_t duplicate_count() const { return duplicate_count_; }

 private:
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  static constexpr uint32_t kUntracked = UINT32_MAX - 1;
  // The slot of `type`, made when it is new (kUntracked past kMaxTypes).
  uint32_t& slot_for(Symbol type);
  // Adds attribute name `key` to `t` (kMaxKeysPerType bounds it).
  static void add_key(TypeKeys& t, Symbol key);
  std::vector<uint32_t> slot_of_type_;  // indexed by type Symbol
  std::vector<TypeKeys> types_;
  TypeKeys untracked_{0, {}, true};
  // Indexed by id Symbol: 1 + the load position (Event::order) of the first event with that id,
  // 0 for none; 4 bytes per symbol (a million ids must stay cheap: docs/performance.md).
  std::vector<uint32_t> first_of_id_;
  std::vector<Duplicate> duplicates_;
  size_t duplicate_count_ = 0;
};

}  // namespace pactum::log
