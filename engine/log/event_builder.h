// The backend-independent half of the log loader: consumes a SAX-like stream of YAML parse
// events (from libyaml or yaml-cpp) and turns it into EventLog entries, implementing the three
// log shapes of spec section 4 and every input error. Both backends feed this one class, so they
// cannot disagree about what a log means or how its errors read.
#pragma once
#include <functional>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/source.h"
#include "engine/log/event_log.h"
#include "engine/log/loader.h"

namespace pactum::log {

// A position in the log file, 1-based line and column (columns in code points).
struct Mark {
  uint32_t line = 0;
  uint32_t column = 0;
};

// Limits that keep hostile input bounded (nothing in a real log comes near them).
constexpr uint32_t kMaxDepth = 64;
constexpr size_t kMaxScalarBytes = size_t{1} << 20;

class EventBuilder {
 public:
  EventBuilder(EventLog& log, Diagnostics& diags, const SourceManager& sources, uint32_t file,
               const LoadOptions& options);

  // Each returns false when reading should stop (a fatal error, or the error limit is reached).
  // `anchor` is empty when the node has none; `plain` is false for quoted and block scalars;
  // `tag` is the resolved tag, empty (or "?") when none was written.
  bool document_start();
  bool document_end();
  bool mapping_start(Mark mark, std::string_view anchor);
  bool mapping_end();
  bool sequence_start(Mark mark, std::string_view anchor);
  bool sequence_end();
  // What a parser thread computed already (libyaml_events.h), so that this thread does not do it
  // again: `known` holds kHashKnown when `hash` is the text's SymbolTable::hash, kControlChecked
  // when has_control_lead_byte(text) was looked at, and kMaybeControl when it said yes (the exact
  // check for control characters runs here). Plain integers, not std::optional: GCC 12 built each
  // optional argument in memory and read it back whole, a failed store forwarding on every scalar
  // (perf annotate: half of the reader loop's samples on the instruction after that load).
  static constexpr unsigned kHashKnown = 1, kControlChecked = 2, kMaybeControl = 4;
  bool scalar(Mark mark, std::string_view text, bool plain, std::string_view tag, std::string_view anchor,
              uint32_t hash = 0, unsigned known = 0);
  // The usual scalar of a log, without a tag or an anchor: fewer arguments to pass, all in registers.
  bool untagged_scalar(Mark mark, std::string_view text, bool plain, uint32_t hash, unsigned known);
  bool alias(Mark mark, std::string_view name);
  // A scalar with this SymbolTable::hash is coming: its symbol's slot is loaded into the cache.
  [[gnu::always_inline]] void prefetch_symbol(uint32_t hash) const { log_.symbols.prefetch(hash); }

  // A YAML syntax error reported by a backend; `problem` is the backend's own wording, mapped
  // here onto one shared wording so both backends report the same text.
  void syntax_error(Mark mark, std::string_view problem);
  // An error about the whole file (unreadable).
  void file_error(std::string message);

  // End of input: resolves the local times kept for later (the log's `timezone:` may follow its
  // events) and, after a syntax error, withdraws the file's events. Returns true when the file
  // had no error.
  bool finish();

  // Called with the number of events in the log after every 4096th event added (progress).
  void on_progress(std::function<void(size_t events)> tick) { tick_ = std::move(tick); }
  // Called after every event added while no event of this file waits for its time: a streamed
  // check evaluates and drops what is complete (log::EventLog::compact).
  void on_event(std::function<void()> hook) { on_event_ = std::move(hook); }
  // Where a syntax error finds its line while the file's text is not in the SourceManager yet (a
  // pipe read while it is parsed): the error's wording looks at the line (a tab in indentation).
  using LineLookup = std::function<std::optional<std::string>(uint32_t line)>;
  void on_line_lookup(LineLookup lookup) { line_lookup_ = std::move(lookup); }

 private:
  enum class NodeKind : uint8_t { Mapping, Sequence, Scalar, BadAlias };
  struct Node {
    NodeKind kind;
    Mark mark;
    std::string_view text;  // Scalar
    bool plain = true;
    bool string_tag = false;  // quoted, `!` or `!!str`: always a string
    std::optional<uint32_t> hash = std::nullopt;  // Scalar: SymbolTable::hash(text), when known
    // A plain null: empty, `~`, `null`, `Null` or `NULL` (inline: asked several times per field).
    bool null() const {
      if (kind != NodeKind::Scalar || !plain || string_tag) return false;
      switch (text.size()) {
        case 0: return true;
        case 1: return text[0] == '~';
        case 4: return text == "null" || text == "Null" || text == "NULL";
        default: return false;
      }
    }
    uint32_t text_hash() const { return hash ? *hash : SymbolTable::hash(text); }
  };
  // What the enclosing collection is, and what the next node in it means.
  enum class Ctx : uint8_t { Document, TopMap, EventList, Event, List, Skip, Record };
  enum class Role : uint8_t { None, Events, Agreement, Timezone, At, Type, By, Id, Attribute, Ignore };
  struct Frame {
    Ctx ctx;
    bool expect_value = false;  // mappings: the next node is a value (else a key)
    Role role = Role::None;     // mappings: what the pending value means
    Mark mark;                  // where the collection starts
    Mark key_mark;              // mappings: where the pending key starts
    Symbol key = kNoSymbol;     // mappings: the pending key
    uint32_t items = 0;         // sequences: items seen so far
  };
  struct Recorded {  // a parse event of an undecided root mapping, kept for replay
    enum Type : uint8_t { MapStart, MapEnd, SeqStart, SeqEnd, Scalar, BadAlias } type;
    Mark mark;
    std::string text;
    bool plain = true;
    bool string_tag = false;
  };
  struct Anchor {
    bool scalar = false;
    std::string text;
    bool plain = true;
    bool string_tag = false;
  };
  struct PendingTime {  // an `at` without offset, resolved in finish()
    uint32_t event;     // index in log_.events
    LocalTime local;
    bool date_only;
    Mark mark;
    uint32_t width;
  };
  // The event being read: its attributes and list items go straight into the log and are cut
  // back if the event turns out to be bad.
  struct Draft {
    Mark start;
    uint32_t index = 0;
    bool bad = false;
    bool has_at = false;
    bool has_type = false;
    bool at_local = false;  // no offset: resolve in a zone
    ParsedTime at;
    Mark at_mark;
    uint32_t at_width = 1;
    Symbol type = kNoSymbol;
    Symbol by = kNoSymbol;
    Symbol id = kNoSymbol;
    size_t attr_begin = 0;
    size_t items_begin = 0;
    std::vector<std::pair<Symbol, uint32_t>> keys;  // key, line: duplicate detection
    // The same as an index, filled once an event has many keys (a scan per key was quadratic:
    // 400,000 attributes on one event took half a minute).
    std::unordered_map<Symbol, uint32_t> key_lines;
    Symbol list_key = kNoSymbol;                     // the list attribute being read
    size_t list_begin = 0;
    // Texts whose Symbols are taken when the event is complete (see defer_intern).
    struct Deferred {
      uint32_t offset, size, hash;
      uint32_t target;  // an index in log_.attributes, or kTargetType/By/Id
    };
    std::vector<Deferred> deferred;
    std::string scratch;
  };
  static constexpr uint32_t kTargetType = UINT32_MAX, kTargetBy = UINT32_MAX - 1, kTargetId = UINT32_MAX - 2;

  // Dispatch of one complete node start or scalar in the current context.
  void node(const Node& n);
  void end_collection(bool mapping);
  void value_done();  // a key or value of the enclosing mapping has been consumed
  void push(Ctx ctx, Mark mark) { stack_.push_back(Frame{ctx, false, Role::None, mark, {}, kNoSymbol, 0}); }
  void skip_node(const Node& n);  // a node whose content is ignored (after an error)

  void document_root(const Node& n);
  void top_key(Frame& f, const Node& n);
  void top_value(Frame& f, const Node& n);
  void event_item(Frame& f, const Node& n);
  void event_key(Frame& f, const Node& n);
  void event_value(Frame& f, const Node& n);
  void list_item(const Node& n);
  void begin_event(Mark mark, uint32_t index);
  void end_event();
  // false: null (absent). With `defer`, out.text is left for defer_intern.
  bool attribute_value(const Node& n, Value& out, bool defer = false);
  // Interning a text costs a cache miss in the symbol index when the text is new or long unseen
  // (ids, correlation values): it is hashed and prefetched now and interned in end_event, so the
  // miss overlaps with parsing the rest of the event.
  void defer_intern(const Node& n, uint32_t target);
  Symbol key_symbol(std::string_view text);  // an event key, through key_cache_
  void set_at(const Node& n);
  void set_timezone(const Node& n);
  void set_agreement(const Node& n);

  // Root mapping of a document whose shape is not known yet: recorded until a decisive key.
  void record_node(const Node& n);
  void record(Recorded r);
  void decide(bool container);

  void error(Mark mark, std::string message, std::vector<std::string> notes = {}, uint32_t width = 1);
  // Errors inside an item of the log are held until the item is complete: after a syntax error
  // each parser has read a different, half-parsed part of it, so its errors are dropped.
  void flush_if_safe();
  void flush();
  bool begin_call();  // releases the errors of the last complete item; false when stopped
  void fatal(Mark mark, std::string message, uint32_t width = 1);
  bool go() const { return !stop_; }
  bool enter(Mark mark);  // depth limit check for a collection start
  void remember_anchor(std::string_view anchor, const Node& n);
  static uint32_t width_of(const Node& n);
  const date::time_zone* zone_for_local() const;
  bool resolve_now(const ParsedTime& t, Mark mark, uint32_t width, Instant& out);
  std::string describe_gap(LocalTime local, const date::time_zone* zone) const;

  EventLog& log_;
  Diagnostics& diags_;
  const SourceManager& sources_;
  uint32_t file_;
  const LoadOptions& options_;
  std::function<void(size_t)> tick_;
  std::function<void()> on_event_;
  LineLookup line_lookup_;
  uint32_t compactions_at_start_ = 0;
  std::unordered_set<std::string_view> parties_;  // options_.parties, for the `by` check of every event

  enum class Shape : uint8_t { Unknown, Container, List, Stream };
  Shape shape_ = Shape::Unknown;
  int document_ = -1;    // current document number
  uint32_t depth_ = 0;   // open collections
  bool stop_ = false;
  bool syntax_failed_ = false;
  bool had_error_ = false;
  size_t events_at_start_;
  size_t attrs_at_start_;
  size_t items_at_start_;

  std::vector<Frame> stack_;
  std::vector<Diagnostic> held_;  // errors of the item being read
  size_t release_ = 0;            // how many of them belong to complete items
  Draft draft_;
  bool seen_events_ = false, seen_agreement_ = false, seen_timezone_ = false;
  const date::time_zone* log_zone_ = nullptr;
  std::vector<PendingTime> pending_;
  std::unordered_map<std::string, Anchor> anchors_;

  std::vector<Recorded> recording_;
  uint32_t record_depth_ = 0;     // depth inside the recorded root mapping
  bool record_expect_value_ = false;
  bool record_saw_top_key_ = false;  // `agreement` or `timezone` among the recorded keys

  Symbol sym_at_, sym_type_, sym_by_, sym_id_;
  std::vector<Symbol> key_cache_;  // the key last seen at each position of an event: they repeat
};

}  // namespace pactum::log
