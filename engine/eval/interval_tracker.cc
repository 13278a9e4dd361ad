// Building V2.6 intervals. Events of one instant are collected and settled together when the
// next instant begins, in log order (section 4's stable order), as the contract words it:
//   - a P2 event closes the open interval of its key (an event matching both patterns closes it
//     and is used up); while an interval is open, a P1 event of its key is ignored, also when a
//     P2 at the same instant comes later in the log (that P2 then closes the interval);
//   - a P1 event opens an interval for a key that is not open, and any P2 event of that key at
//     the same instant that closed nothing, listed before it, closes it at once ("an event at the
//     same instant closes it, whatever the order in the log"): a zero-length interval, that P2
//     used up. A P2 that closed an earlier interval is not one of them: an end and a new start at
//     one instant, listed in that order, close the old interval and open a new one.
// Every other P2 event closes nothing and is ignored. This is how V2.4's pausing clocks read one
// instant too. The union of the intervals changes only between instants: a stretch begins when the
// first key opens and ends when the last one closes.
#include "engine/eval/interval_tracker.h"

#include <algorithm>

#include <fmt/format.h>

namespace pactum::eval {

IntervalTracker::IntervalTracker(EvalContext& ctx, const model::IntervalDecl& decl)
    : ctx_(ctx),
      decl_(decl),
      open_pattern_(decl.open, ctx.log, ctx.agreement),
      close_pattern_(decl.close, ctx.log, ctx.agreement) {
  for (const auto& k : decl.same) same_.push_back(FieldRef::compile(k.text, ctx.log));
}

IntervalTracker::~IntervalTracker() = default;

std::vector<Subscription> IntervalTracker::subscriptions() const {
  // One subscription per type: an event whose type both patterns name arrives once.
  std::vector<Subscription> out{{open_pattern_.type(), Phase::First, 0}};
  if (close_pattern_.type() != open_pattern_.type()) out.push_back({close_pattern_.type(), Phase::First, 0});
  return out;
}

void IntervalTracker::on_event(uint32_t index, int) {
  const log::Event& e = ctx_.log.event(index);
  if (!instant_.empty() && e.at != instant_at_) settle_instant();
  bool opens = open_pattern_.matches(e);
  bool closes = close_pattern_.matches(e);
  if (!opens && !closes) return;
  std::string key;
  for (size_t i = 0; i < same_.size(); ++i) {
    if (append_key(ctx_.log, read_field(ctx_.log, e, same_[i]), key)) continue;
    if (ctx_.judged(e)) {
      std::string type(ctx_.log.symbols.text(e.type));
      std::string name = e.id != log::kNoSymbol ? fmt::format("{} {}", type, ctx_.log.symbols.text(e.id))
                                                : fmt::format("{} at {}", type, format_local(e.at, ctx_.agreement.zone));
      ctx_.warn(e, fmt::format("{} has no `{}`; it neither opens nor closes an interval `{}`", name,
                               decl_.same[i].text, decl_.id.text));
    }
    return;
  }
  instant_at_ = e.at;
  instant_.push_back(Candidate{index, opens, closes, std::move(key)});
}

void IntervalTracker::close(const std::string& key, Instant at) {
  auto it = open_.find(key);
  BuiltInterval done{it->second.opening, it->second.start, at};
  open_.erase(it);
  tell_interval(done);
}

void IntervalTracker::tell_interval(const BuiltInterval& interval) {
  for (auto* l : listeners_) l->on_interval(interval);
}

void IntervalTracker::settle_instant() {
  Instant t = instant_at_;
  bool was_down = !open_.empty();
  // Per key, the P2 events of this instant that closed nothing (yet): a P1 of the key after one
  // in the log opens an interval that this P2 closes at once.
  std::unordered_map<std::string, uint32_t> unused_close;
  for (auto& c : instant_) {
    auto it = open_.find(c.key);
    if (c.closes && it != open_.end() && it->second.opening != c.index) {
      close(c.key, t);
      continue;
    }
    if (c.opens && it == open_.end()) {
      open_.emplace(c.key, Open{c.index, t});
      auto stray = unused_close.find(c.key);
      if (stray != unused_close.end() && stray->second > 0) {
        --stray->second;  // used up
        close(c.key, t);
      }
      continue;
    }
    if (c.closes && it == open_.end()) ++unused_close[c.key];
  }
  instant_.clear();
  bool is_down = !open_.empty();
  if (!was_down && is_down) union_start_ = t;
  if (was_down && !is_down)
    for (auto* l : listeners_) l->on_union(union_start_, t, false);
}

void IntervalTracker::finish() {
  if (!instant_.empty()) settle_instant();
  // Still open at as-of, in the order they opened (the sorted log's order).
  std::vector<Open> still;
  still.reserve(open_.size());
  for (const auto& [key, o] : open_) still.push_back(o);
  std::sort(still.begin(), still.end(), [](const Open& a, const Open& b) { return a.opening < b.opening; });
  for (const auto& o : still) tell_interval(BuiltInterval{o.opening, o.start, std::nullopt});
  if (!open_.empty() && union_start_ < ctx_.as_of)
    for (auto* l : listeners_) l->on_union(union_start_, ctx_.as_of, true);
}

void IntervalTracker::held(std::vector<uint32_t>& out) const {
  for (const auto& c : instant_) out.push_back(c.index);
  for (const auto& [key, o] : open_) out.push_back(o.opening);
}

IntervalTracker* IntervalTrackers::tracker(const std::string& name) {
  for (const auto& t : trackers_)
    if (t->decl().id.text == name) return t.get();
  const model::IntervalDecl* decl = ctx_.agreement.ast->find_interval(name);
  if (!decl) return nullptr;
  trackers_.push_back(std::make_unique<IntervalTracker>(ctx_, *decl));
  return trackers_.back().get();
}

std::vector<EventConsumer*> IntervalTrackers::consumers() const {
  std::vector<EventConsumer*> out;
  for (const auto& t : trackers_) out.push_back(t.get());
  return out;
}

void IntervalTrackers::finish() {
  for (auto& t : trackers_) t->finish();
}

void IntervalTrackers::held(std::vector<uint32_t>& out) const {
  for (const auto& t : trackers_) t->held(out);
}

}  // namespace pactum::eval
