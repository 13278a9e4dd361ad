#include "engine/log/event_log.h"

#include <algorithm>

namespace pactum::log {

Symbol SymbolTable::intern(std::string_view text) {
  auto it = index_.find(text);
  if (it != index_.end()) return it->second;
  texts_.emplace_back(text);
  Symbol s = static_cast<Symbol>(texts_.size() - 1);
  index_.emplace(std::string_view(texts_.back()), s);
  return s;
}

std::optional<Symbol> SymbolTable::find(std::string_view text) const {
  auto it = index_.find(text);
  if (it == index_.end()) return std::nullopt;
  return it->second;
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
