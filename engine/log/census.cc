#include "engine/log/census.h"

#include <algorithm>

#include "engine/log/event_log.h"

namespace pactum::log {

void Census::note(const Event& e, const Attribute* attributes, const EventLog& log) {
  // Attribute names per type. Events of one type nearly always carry the same few names, so the
  // linear search over at most kMaxKeysPerType names is a handful of integer compares.
  uint32_t slot = slot_for(e.type);
  if (slot != kUntracked) {
    TypeKeys& t = types_[slot];
    for (uint32_t i = 0; i < e.attr_count && !t.overflow; ++i) add_key(t, attributes[i].key);
  }

  // Duplicate ids: where each id was first seen. The places of a duplicate are taken now, while
  // `events` is still in load order.
  if (e.id == kNoSymbol) return;
  if (e.id >= first_of_id_.size()) first_of_id_.resize(std::max<size_t>(e.id + 1, first_of_id_.size() * 3 / 2));
  uint32_t& first = first_of_id_[e.id];
  if (first == 0 || first - 1 >= log.count()) {  // (a withdrawn file's events are gone)
    first = e.order + 1;
    return;
  }
  ++duplicate_count_;
  if (duplicates_.size() >= kMaxDuplicatesKept) return;
  const Event* before = log.find_event(first - 1);
  Place first_place = before ? Place{before->file, before->line, before->column} : Place{};
  duplicates_.push_back(Duplicate{e.id, first_place, Place{e.file, e.line, e.column}});
}

uint32_t& Census::slot_for(Symbol type) {
  if (type >= slot_of_type_.size()) slot_of_type_.resize(type + 1, kNoSlot);
  uint32_t& slot = slot_of_type_[type];
  if (slot == kNoSlot) {
    if (types_.size() >= kMaxTypes) {
      slot = kUntracked;
    } else {
      slot = static_cast<uint32_t>(types_.size());
      types_.push_back(TypeKeys{type, {}, false});
    }
  }
  return slot;
}

void Census::add_key(TypeKeys& t, Symbol key) {
  if (t.overflow || std::find(t.keys.begin(), t.keys.end(), key) != t.keys.end()) return;
  if (t.keys.size() >= kMaxKeysPerType) {
    t.overflow = true;
    t.keys.clear();
    t.keys.shrink_to_fit();
  } else {
    t.keys.push_back(key);
  }
}

void Census::clear_types() {
  slot_of_type_.clear();
  types_.clear();
}

void Census::absorb_types(const Census& other, const std::function<Symbol(Symbol)>& to_here) {
  // The tracked types in their order of first appearance, then the untracked ones (there are
  // such only past kMaxTypes tracked ones, so they stay untracked here too).
  for (const TypeKeys& t : other.types_) {
    uint32_t slot = slot_for(to_here(t.type));
    if (slot == kUntracked) continue;
    TypeKeys& mine = types_[slot];
    if (t.overflow) {
      mine.overflow = true;
      mine.keys.clear();
      mine.keys.shrink_to_fit();
    }
    for (Symbol key : t.keys) add_key(mine, to_here(key));
  }
  for (Symbol s = 0; s < other.slot_of_type_.size(); ++s)
    if (other.slot_of_type_[s] == kUntracked) {
      Symbol type = to_here(s);
      if (type >= slot_of_type_.size()) slot_of_type_.resize(type + 1, kNoSlot);
      if (slot_of_type_[type] == kNoSlot) slot_of_type_[type] = kUntracked;
    }
}

void Census::mark_symbols(std::vector<bool>& live) const {
  auto mark = [&](Symbol s) {
    if (s < live.size()) live[s] = true;
  };
  for (const auto& t : types_) {
    mark(t.type);
    for (Symbol k : t.keys) mark(k);
  }
  for (const auto& d : duplicates_) mark(d.id);
  // A type past kMaxTypes is untracked by its symbol: keep every symbol that names one.
  for (Symbol s = 0; s < slot_of_type_.size(); ++s)
    if (slot_of_type_[s] != kNoSlot) mark(s);
}

void Census::forget_symbols(const std::vector<bool>& live) {
  for (Symbol s = 0; s < first_of_id_.size(); ++s)
    if (s >= live.size() || !live[s]) first_of_id_[s] = 0;
}

const Census::TypeKeys* Census::keys_of(Symbol type) const {
  if (type >= slot_of_type_.size()) return nullptr;
  uint32_t slot = slot_of_type_[type];
  if (slot == kNoSlot) return nullptr;
  if (slot == kUntracked) return &untracked_;
  return &types_[slot];
}

}  // namespace pactum::log
