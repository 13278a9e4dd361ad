// V2.6 intervals (`interval NAME from P1 to P2 [with same k ...]`), built from the events as the
// one pass streams them. Each declared interval that some rule names is built once per run by one
// tracker; the rules that name it (availability, downtime, duration measures) subscribe to it and
// are told every interval and every stretch of their union, in time order. The tracker keeps only
// the intervals open right now (one per correlation key) and the events of the current instant.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/eval/rule_evaluator.h"

namespace pactum::eval {

// One interval: opened by event `opening` at `start`, closed at `end`, or still open at as-of.
struct BuiltInterval {
  uint32_t opening = 0;        // index of the opening event in the sorted log
  Instant start{};
  std::optional<Instant> end;  // nullopt: open (no closing event by as-of)
};

// What a rule learns from a tracker. Calls come in time order of the events that cause them;
// at the end of the pass, the intervals still open (in the order they opened), then the last
// stretch of the union if one is still running.
class IntervalListener {
 public:
  virtual ~IntervalListener() = default;
  // An interval that closed (zero-length ones included), told at its closing instant; or one
  // still open at as-of, told when the pass ends (end = nullopt).
  virtual void on_interval(const BuiltInterval& interval) = 0;
  // A maximal stretch [start, end) of the union of all intervals (never empty). `open`: the
  // stretch was still running at as-of, and `end` is as-of.
  virtual void on_union(Instant start, Instant end, bool open) = 0;
};

class IntervalTracker : public EventConsumer {
 public:
  IntervalTracker(EvalContext& ctx, const model::IntervalDecl& decl);
  ~IntervalTracker() override;

  const model::IntervalDecl& decl() const { return decl_; }
  void subscribe(IntervalListener* listener) { listeners_.push_back(listener); }

  std::vector<Subscription> subscriptions() const override;
  void on_event(uint32_t index, int role) override;
  // Settles the last instant and tells the listeners what is still open at as-of.
  void finish();
  // A streamed check (EvaluationPass::held): the events the tracker may still read or hand to
  // its listeners: the openings of the open intervals and the events of the current instant.
  void held(std::vector<uint32_t>& out) const;

 private:
  // An event of the current instant that matches P1 and/or P2.
  struct Candidate {
    uint32_t index;
    bool opens;   // matches P1
    bool closes;  // matches P2
    std::string key;
  };
  struct Open {
    uint32_t opening;
    Instant start;
  };

  void settle_instant();
  void close(const std::string& key, Instant at);
  void tell_interval(const BuiltInterval& interval);

  EvalContext& ctx_;
  const model::IntervalDecl& decl_;
  CompiledPattern open_pattern_;
  CompiledPattern close_pattern_;
  std::vector<FieldRef> same_;
  std::vector<IntervalListener*> listeners_;

  std::vector<Candidate> instant_;  // events of the instant being read, in log order
  Instant instant_at_{};
  std::unordered_map<std::string, Open> open_;  // by correlation key
  Instant union_start_{};                       // meaningful while open_ is not empty
};

// The trackers of one run, created when a rule first names an interval.
class IntervalTrackers {
 public:
  explicit IntervalTrackers(EvalContext& ctx) : ctx_(ctx) {}
  // The tracker of the declared interval `name`; nullptr when there is none of that name (an
  // agreement error caught before evaluation).
  IntervalTracker* tracker(const std::string& name);
  std::vector<EventConsumer*> consumers() const;
  void finish();
  // Trackers keep only the open intervals and the current instant, by correlation text (never a
  // Symbol of an event's text), and read as-of only in finish(): they always stream.
  bool streams() const { return true; }
  void held(std::vector<uint32_t>& out) const;

 private:
  EvalContext& ctx_;
  std::vector<std::unique_ptr<IntervalTracker>> trackers_;
};

}  // namespace pactum::eval
