#include "engine/log/event_builder.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/log/yaml_errors.h"

// The event builder turns parse events (from libyaml or yaml-cpp) into events of the log.
// This file: the parse-event interface, diagnostics and dispatch; the document shapes are in
// log_shapes.cc, the fields of one event in event_fields.cc, local times in event_times.cc.

namespace pactum::log {

namespace {

constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

// Whether every byte is below 0x80 and none is a line feed, eight bytes at a time.
bool is_ascii_without_line_feed(std::string_view s) {
  constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    __builtin_memcpy(&v, s.data() + i, 8);
    uint64_t lf = v ^ (ones * '\n');
    if ((v & highs) || ((lf - ones) & ~lf & highs)) return false;
  }
  for (; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80 || s[i] == '\n') return false;
  return true;
}

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

EventBuilder::EventBuilder(EventLog& log, Diagnostics& diags, const SourceManager& sources, uint32_t file,
                           const LoadOptions& options)
    : log_(log), diags_(diags), sources_(sources), file_(file), options_(options) {
  events_at_start_ = log_.events.size();
  compactions_at_start_ = log_.compactions();
  on_event_ = options_.on_event;
  attrs_at_start_ = log_.attributes.size();
  items_at_start_ = log_.list_items.size();
  stack_.reserve(kMaxDepth + 8);  // frames are referenced across pushes: never reallocate
  parties_.insert(options_.parties.begin(), options_.parties.end());
  sym_at_ = log_.symbols.intern("at");
  sym_type_ = log_.symbols.intern("type");
  sym_by_ = log_.symbols.intern("by");
  sym_id_ = log_.symbols.intern("id");
}

// ---- diagnostics ---------------------------------------------------------------------------

void EventBuilder::error(Mark mark, std::string message, std::vector<std::string> notes, uint32_t width) {
  had_error_ = true;
  Diagnostic& d = held_.emplace_back();
  d.level = DiagLevel::Error;
  d.loc = SourceLoc{file_, mark.line, mark.column};
  d.width = width;
  d.message = std::move(message);
  d.notes = std::move(notes);
}

void EventBuilder::flush() {
  for (Diagnostic& d : held_) diags_.add(std::move(d));
  held_.clear();
  release_ = 0;
  if (diags_.full()) stop_ = true;
}

// Between items (events, top-level keys, documents) what was read is complete. The errors are
// released with the next parse event: a parser may hand over an item and then, with its next
// look at the text, find that the item was the start of a syntax error.
void EventBuilder::flush_if_safe() {
  if (held_.empty()) return;
  Ctx ctx = stack_.empty() ? Ctx::Document : stack_.back().ctx;
  if (ctx == Ctx::Document || ctx == Ctx::TopMap || ctx == Ctx::EventList) release_ = held_.size();
}

bool EventBuilder::begin_call() {
  if (release_) {
    for (size_t i = 0; i < release_; ++i) diags_.add(std::move(held_[i]));
    held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(release_));
    release_ = 0;
    if (diags_.full()) stop_ = true;
  }
  return !stop_;
}

void EventBuilder::fatal(Mark mark, std::string message, uint32_t width) {
  error(mark, std::move(message), {}, width);
  flush();
  stop_ = true;
}

void EventBuilder::syntax_error(Mark mark, std::string_view problem) {
  if (syntax_failed_) return;
  syntax_failed_ = true;
  auto line = sources_.line(file_, mark.line);
  if (!line && line_lookup_) line = line_lookup_(mark.line);
  SyntaxProblem p = describe_yaml_problem(problem, line ? std::string_view(*line) : std::string_view{});
  if (p.column) mark.column = p.column;
  held_.clear();
  release_ = 0;
  fatal(mark, "malformed YAML: " + p.message);
}

void EventBuilder::file_error(std::string message) {
  syntax_failed_ = true;
  fatal(Mark{}, std::move(message));
}

// Called for every event's `at` (the caret under a time found wrong later): the usual text is
// ASCII without a line break, whose width is its size.
uint32_t EventBuilder::width_of(const Node& n) {
  if (n.kind != NodeKind::Scalar) return 1;
  uint32_t quotes = n.plain ? 0 : 2;
  if (is_ascii_without_line_feed(n.text))
    return std::clamp<uint32_t>(static_cast<uint32_t>(std::min<size_t>(n.text.size(), 200)) + quotes, 1, 200);
  if (n.text.find('\n') != std::string_view::npos) return 1;
  return std::clamp<uint32_t>(code_points(n.text) + quotes, 1, 200);
}

// ---- the parse-event interface ---------------------------------------------------------------

bool EventBuilder::enter(Mark mark) {
  if (++depth_ > kMaxDepth) {
    fatal(mark, fmt::format("nesting deeper than {} levels (the limit for event logs)", kMaxDepth));
    return false;
  }
  return true;
}

void EventBuilder::remember_anchor(std::string_view anchor, const Node& n) {
  if (anchor.empty()) return;
  Anchor& a = anchors_[std::string(anchor)];
  a.scalar = n.kind == NodeKind::Scalar;
  a.text.assign(a.scalar ? n.text : std::string_view{});
  a.plain = n.plain;
  a.string_tag = n.string_tag;
}

bool EventBuilder::document_start() {
  if (!begin_call()) return false;
  ++document_;
  stack_.clear();
  push(Ctx::Document, Mark{});
  anchors_.clear();  // anchors are scoped to their document
  return true;
}

bool EventBuilder::document_end() {
  if (!begin_call()) return false;
  stack_.clear();
  flush();
  depth_ = 0;
  return true;
}

bool EventBuilder::mapping_start(Mark mark, std::string_view anchor) {
  if (!begin_call() || !enter(mark)) return false;
  Node n{NodeKind::Mapping, mark, {}, true, false};
  remember_anchor(anchor, n);
  node(n);
  return go();
}

bool EventBuilder::sequence_start(Mark mark, std::string_view anchor) {
  if (!begin_call() || !enter(mark)) return false;
  Node n{NodeKind::Sequence, mark, {}, true, false};
  remember_anchor(anchor, n);
  node(n);
  return go();
}

bool EventBuilder::mapping_end() {
  if (!begin_call()) return false;
  --depth_;
  end_collection(true);
  return go();
}

bool EventBuilder::sequence_end() {
  if (!begin_call()) return false;
  --depth_;
  end_collection(false);
  return go();
}

bool EventBuilder::scalar(Mark mark, std::string_view text, bool plain, std::string_view tag,
                          std::string_view anchor, uint32_t hash, unsigned known) {
  if (!begin_call()) return false;
  if (text.size() > kMaxScalarBytes) {
    fatal(mark, "a scalar longer than 1 MiB (the limit for event logs)");
    return false;
  }
  // Hardening (docs/security.md): YAML escapes ("\e", "\x07", "\u009b") can put control
  // characters into a value that the raw-text check cannot see; printed in a report or an error
  // they would reach the user's terminal as escape sequences. Tab and line breaks are fine.
  // A first look eight bytes at a time keeps the exact check off the usual path.
  bool suspect = (known & kControlChecked) ? (known & kMaybeControl) != 0 : has_control_lead_byte(text);
  for (size_t i = 0; suspect && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
              static_cast<unsigned char>(text[i + 1]) >= 0x80;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c1) {
      unsigned code = c1 ? static_cast<unsigned char>(text[i + 1]) : c;
      error(mark, fmt::format("a value holds the control character U+{:04X}; values in a log are text", code),
            {"control characters (other than tab and line breaks) are refused so that no report can carry terminal escapes"});
      break;
    }
  }
  // `!` (the non-specific tag yaml-cpp gives quoted scalars) and `!!str` force a string. Any
  // other explicit tag (`!!int "12"`, `!!bool "true"`, `!custom 'x'`) makes the scalar read by its
  // text alone, as if plain: yaml-cpp does not tell whether a tagged scalar was quoted, and both
  // readers must give the same events.
  bool tagged = !tag.empty() && tag != "!" && tag != kStrTag;
  Node n{NodeKind::Scalar, mark, text, plain || tagged, (!plain && !tagged) || tag == "!" || tag == kStrTag,
         (known & kHashKnown) ? std::optional<uint32_t>(hash) : std::nullopt};
  remember_anchor(anchor, n);
  node(n);
  return go();
}

bool EventBuilder::untagged_scalar(Mark mark, std::string_view text, bool plain, uint32_t hash, unsigned known) {
  return scalar(mark, text, plain, {}, {}, hash, known);
}

bool EventBuilder::alias(Mark mark, std::string_view name) {
  if (!begin_call()) return false;
  auto it = anchors_.find(std::string(name));
  if (it == anchors_.end()) {
    syntax_error(mark, kUndefinedAnchorProblem);
    return false;
  }
  const Anchor& a = it->second;
  if (!a.scalar) {
    // Expanding collections would let a few lines of YAML stand for billions of events.
    error(mark, "aliases to mappings or sequences are not supported in event logs", {},
          static_cast<uint32_t>(name.size() + 1));
    node(Node{NodeKind::BadAlias, mark, {}, true, false});
    return go();
  }
  node(Node{NodeKind::Scalar, mark, a.text, a.plain, a.string_tag});
  return go();
}

// ---- dispatch ----------------------------------------------------------------------------------

void EventBuilder::node(const Node& n) {
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  switch (f.ctx) {
    case Ctx::Record:
      record_node(n);
      return;
    case Ctx::Skip:
      skip_node(n);
      return;
    case Ctx::Document:
      document_root(n);
      break;
    case Ctx::TopMap:
      f.expect_value ? top_value(f, n) : top_key(f, n);
      break;
    case Ctx::EventList:
      event_item(f, n);
      break;
    case Ctx::Event:
      f.expect_value ? event_value(f, n) : event_key(f, n);
      break;
    case Ctx::List:
      list_item(n);
      break;
  }
  if (n.kind == NodeKind::Scalar || n.kind == NodeKind::BadAlias) {
    value_done();
    flush_if_safe();
  }
}

void EventBuilder::skip_node(const Node& n) {
  if (n.kind == NodeKind::Mapping || n.kind == NodeKind::Sequence) push(Ctx::Skip, n.mark);
}

void EventBuilder::value_done() {
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  if (f.ctx != Ctx::TopMap && f.ctx != Ctx::Event) return;
  if (!f.expect_value) {
    f.expect_value = true;
  } else {
    f.expect_value = false;
    f.role = Role::None;
  }
}

void EventBuilder::end_collection(bool mapping) {
  if (stack_.empty()) return;
  Frame& f = stack_.back();
  switch (f.ctx) {
    case Ctx::Record:
      record(Recorded{mapping ? Recorded::MapEnd : Recorded::SeqEnd, {}, {}, true, false});
      if (record_depth_ == 0) decide(record_saw_top_key_);
      return;
    case Ctx::Document:
      return;  // unbalanced input; the backend reports it
    case Ctx::Event:
      end_event();
      break;
    case Ctx::List: {
      Value v;
      v.kind = Value::Kind::List;
      v.list_begin = static_cast<uint32_t>(draft_.list_begin);
      v.list_size = static_cast<uint32_t>(log_.list_items.size() - draft_.list_begin);
      log_.attributes.push_back(Attribute{draft_.list_key, v});
      break;
    }
    case Ctx::Skip:
    case Ctx::TopMap:
    case Ctx::EventList:
      break;
  }
  stack_.pop_back();
  value_done();
  flush_if_safe();
}

bool EventBuilder::finish() {
  if (!syntax_failed_) flush();
  if ((syntax_failed_ || !pending_.empty()) && log_.compactions() != compactions_at_start_) {
    // Streamed: events of this file were evaluated and dropped already, so they can no longer be
    // withdrawn or re-timed. The streamed check starts over on the loaded path.
    log_.stream_broken = true;
    pending_.clear();
    return false;
  }
  if (syntax_failed_) {
    // A file that is not valid YAML contributes no events: what was read before the error
    // depends on how far each parser looks ahead.
    if (log_.events.size() > events_at_start_) ++log_.withdrawals;
    log_.events.resize(events_at_start_);
    log_.attributes.resize(attrs_at_start_);
    log_.list_items.resize(items_at_start_);
    pending_.clear();
    return false;
  }
  bool removed = false;
  for (const PendingTime& p : pending_) {
    ParsedTime t;
    t.local = p.local;
    t.date_only = p.date_only;
    Event& e = log_.events[p.event];
    if (!resolve_now(t, p.mark, p.width, e.at)) {
      e.type = kNoSymbol;  // marks it for removal below
      removed = true;
    }
  }
  pending_.clear();
  flush();
  if (log_zone_) {
    if (log_.file_zones.size() <= file_) log_.file_zones.resize(file_ + 1, nullptr);
    log_.file_zones[file_] = log_zone_;
  }
  if (removed) {
    ++log_.withdrawals;
    auto first = log_.events.begin() + static_cast<std::ptrdiff_t>(events_at_start_);
    log_.events.erase(std::remove_if(first, log_.events.end(), [](const Event& e) { return e.type == kNoSymbol; }),
                      log_.events.end());
    for (size_t i = events_at_start_; i < log_.events.size(); ++i) log_.events[i].order = log_.index_of_position(i);
  }
  return !had_error_;
}

}  // namespace pactum::log
