#include "engine/log/event_builder.h"

#include "engine/base/exact_decimal.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "engine/base/charconv.h"

#include "engine/log/yaml_errors.h"

namespace pactum::log {

namespace {

constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

uint32_t code_points(std::string_view s) {
  uint32_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// A plain scalar is a Number only when all of it reads as a decimal number: `80`, `-3.5`, `1e3`.
// `0x10`, `1_000`, `inf` and dates stay strings.
// `out_of_range` (hardening): it reads as a number but overflows a double (`1e999`).
bool parse_number(std::string_view s, double& out, bool* out_of_range = nullptr) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i >= s.size()) return false;
  bool digit = std::isdigit(static_cast<unsigned char>(s[i]));
  bool dot = s[i] == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]));
  if (!digit && !dot) return false;
  const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
  const char* end = s.data() + s.size();
  auto r = parse_double(begin, end, out);  // std::from_chars (engine/base/charconv.h)
  if (r.ec == std::errc::result_out_of_range && r.ptr == end) {
    // Nearer to zero than any double (`1e-400`): zero, with the text kept for exact comparisons
    // (engine/base/exact_decimal.h: `1e-400 > 0` holds). Beyond the largest double: refused.
    auto exact = parse_exact_decimal(std::string_view(begin, static_cast<size_t>(end - begin)));
    if (exact && static_cast<int64_t>(exact->digits.size()) + exact->exponent < 0) {
      out = exact->negative ? -0.0 : 0.0;
      if (out_of_range) *out_of_range = false;
      return true;
    }
  }
  if (out_of_range) *out_of_range = r.ec == std::errc::result_out_of_range && r.ptr == end;
  return r.ec == std::errc() && r.ptr == end;
}

bool valid_type_name(std::string_view s) {
  if (s.empty()) return false;
  auto ok_first = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
  if (!ok_first(s[0]) || static_cast<unsigned char>(s[0]) >= 0x80) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80 || !(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
}

// "2026-03-08T02:30" as the user would have written it (seconds and milliseconds only when set).
std::string format_local_time(LocalTime t) {
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  date::hh_mm_ss<Millis> tod{t - day};
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                tod.hours().count(), tod.minutes().count());
  if (tod.seconds().count() || tod.subseconds().count()) out += fmt::format(":{:02}", tod.seconds().count());
  if (tod.subseconds().count()) out += fmt::format(".{:03}", tod.subseconds().count());
  return out;
}

std::string clock_text(date::local_seconds t) {
  auto day = date::floor<date::days>(t);
  date::hh_mm_ss<std::chrono::seconds> tod{t - day};
  return fmt::format("{:02}:{:02}", tod.hours().count(), tod.minutes().count());
}

const std::vector<std::string>& zone_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    try {
      const auto& db = date::get_tzdb();
      for (const auto& z : db.zones)
        if (z.name() != "localtime") out.push_back(std::string(z.name()));  // find_zone refuses it
    } catch (...) {
    }
    return out;
  }();
  return names;
}

}  // namespace

bool EventBuilder::Node::null() const {
  if (kind != NodeKind::Scalar || !plain || string_tag) return false;
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

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

uint32_t EventBuilder::width_of(const Node& n) {
  if (n.kind != NodeKind::Scalar || n.text.find('\n') != std::string_view::npos) return 1;
  uint32_t w = code_points(n.text) + (n.plain ? 0 : 2);
  return std::clamp<uint32_t>(w, 1, 200);
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
                          std::string_view anchor, std::optional<uint32_t> hash) {
  if (!begin_call()) return false;
  if (text.size() > kMaxScalarBytes) {
    fatal(mark, "a scalar longer than 1 MiB (the limit for event logs)");
    return false;
  }
  // Hardening (docs/security.md): YAML escapes ("\e", "\x07", "\u009b") can put control
  // characters into a value that the raw-text check cannot see; printed in a report or an error
  // they would reach the user's terminal as escape sequences. Tab and line breaks are fine.
  // A branch-free first look (it vectorizes) keeps the exact check off the usual path.
  unsigned char suspect = 0;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    suspect |= static_cast<unsigned char>((c < 0x20) | (c == 0x7F) | (c == 0xC2));
  }
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
  Node n{NodeKind::Scalar, mark, text, plain || tagged, (!plain && !tagged) || tag == "!" || tag == kStrTag, hash};
  remember_anchor(anchor, n);
  node(n);
  return go();
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

// ---- shapes ------------------------------------------------------------------------------------

void EventBuilder::document_root(const Node& n) {
  if (n.kind == NodeKind::BadAlias || n.null()) return;  // an empty document holds no event
  if (shape_ == Shape::Container || shape_ == Shape::List) {
    error(n.mark,
          "a second YAML document: a log is either one document (a mapping with `events:` or a list of "
          "events) or a stream with one event per document");
    skip_node(n);
    return;
  }
  switch (n.kind) {
    case NodeKind::Mapping:
      if (shape_ == Shape::Unknown) {
        // `events:` (shape 1) or an event (shape 3)? Decided by the keys; until then, recorded.
        push(Ctx::Record, n.mark);
        record(Recorded{Recorded::MapStart, n.mark, {}, true, false});
      } else {  // the stream's shape is known: one event per document
        begin_event(n.mark, static_cast<uint32_t>(document_));
        push(Ctx::Event, n.mark);
      }
      return;
    case NodeKind::Sequence:
      if (shape_ == Shape::Unknown) {
        shape_ = Shape::List;
        push(Ctx::EventList, n.mark);
      } else {
        error(n.mark, "in a stream of YAML documents each document is one event (a mapping), not a list");
        skip_node(n);
      }
      return;
    default:
      if (shape_ == Shape::Stream)
        error(n.mark, fmt::format("an event must be a mapping with `at:` and `type:`, not the scalar `{}`", n.text),
              {}, width_of(n));
      else
        error(n.mark,
              "a log must be a mapping with `events:`, a list of events, or a stream of event documents; "
              "found a scalar",
              {}, width_of(n));
      return;
  }
}

void EventBuilder::record_node(const Node& n) {
  if (n.kind == NodeKind::Scalar && record_depth_ == 1 && !record_expect_value_) {
    if (n.text == "events") {
      decide(true);
      if (!stop_) node(n);
      return;
    }
    if (n.text == "at" || n.text == "type" || n.text == "by" || n.text == "id") {
      decide(false);
      if (!stop_) node(n);
      return;
    }
    if (n.text == "agreement" || n.text == "timezone") record_saw_top_key_ = true;
  }
  Recorded r{Recorded::Scalar, n.mark, std::string(n.text), n.plain, n.string_tag};
  if (n.kind == NodeKind::Mapping) r.type = Recorded::MapStart;
  if (n.kind == NodeKind::Sequence) r.type = Recorded::SeqStart;
  if (n.kind == NodeKind::BadAlias) r.type = Recorded::BadAlias;
  record(std::move(r));
}

void EventBuilder::record(Recorded r) {
  switch (r.type) {
    case Recorded::MapStart:
    case Recorded::SeqStart:
      ++record_depth_;
      break;
    case Recorded::MapEnd:
    case Recorded::SeqEnd:
      if (--record_depth_ == 1) record_expect_value_ = !record_expect_value_;
      break;
    case Recorded::Scalar:
    case Recorded::BadAlias:
      if (record_depth_ == 1) record_expect_value_ = !record_expect_value_;
      break;
  }
  recording_.push_back(std::move(r));
}

void EventBuilder::decide(bool container) {
  stack_.pop_back();  // the Record frame; the Document frame is below it
  shape_ = container ? Shape::Container : Shape::Stream;
  std::vector<Recorded> replay;
  replay.swap(recording_);
  record_depth_ = 0;
  record_expect_value_ = false;
  record_saw_top_key_ = false;
  // The first recorded item is the root mapping itself: open it as what it turned out to be.
  if (container) {
    push(Ctx::TopMap, replay.front().mark);
  } else {
    begin_event(replay.front().mark, static_cast<uint32_t>(document_));
    push(Ctx::Event, replay.front().mark);
  }
  for (size_t i = 1; i < replay.size() && !stop_; ++i) {
    const Recorded& r = replay[i];
    switch (r.type) {
      case Recorded::MapStart:
        node(Node{NodeKind::Mapping, r.mark, {}, true, false});
        break;
      case Recorded::SeqStart:
        node(Node{NodeKind::Sequence, r.mark, {}, true, false});
        break;
      case Recorded::MapEnd:
        end_collection(true);
        break;
      case Recorded::SeqEnd:
        end_collection(false);
        break;
      case Recorded::Scalar:
        node(Node{NodeKind::Scalar, r.mark, r.text, r.plain, r.string_tag});
        break;
      case Recorded::BadAlias:
        node(Node{NodeKind::BadAlias, r.mark, {}, true, false});
        break;
    }
  }
}

// ---- shape 1: the top-level mapping ---------------------------------------------------------

void EventBuilder::top_key(Frame& f, const Node& n) {
  f.role = Role::Ignore;
  f.key_mark = n.mark;
  if (n.kind != NodeKind::Scalar || n.null()) {
    if (n.kind != NodeKind::BadAlias)
      error(n.kind == NodeKind::Scalar ? f.mark : n.mark, "a top-level key must be `events`, `agreement` or `timezone`");
    skip_node(n);
    return;
  }
  auto take = [&](bool& seen, Role role) {
    if (seen) {
      error(n.mark, fmt::format("duplicate top-level key `{}`", n.text), {}, width_of(n));
      return;
    }
    seen = true;
    f.role = role;
  };
  if (n.text == "events") {
    take(seen_events_, Role::Events);
  } else if (n.text == "agreement") {
    take(seen_agreement_, Role::Agreement);
  } else if (n.text == "timezone") {
    take(seen_timezone_, Role::Timezone);
  } else {
    std::vector<std::string> notes;
    std::string near = closest_match(std::string(n.text), {"events", "agreement", "timezone"});
    if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
    error(n.mark,
          fmt::format("unknown top-level key `{}`: a log mapping has only `events`, `agreement` and `timezone`",
                      n.text),
          std::move(notes), width_of(n));
  }
}

void EventBuilder::top_value(Frame& f, const Node& n) {
  switch (f.role) {
    case Role::Events:
      if (n.kind == NodeKind::Sequence) {
        push(Ctx::EventList, n.mark);
      } else if (!n.null() && n.kind != NodeKind::BadAlias) {
        error(n.mark, "`events` must be a list of events", {}, width_of(n));
        skip_node(n);
      }
      return;
    case Role::Agreement:
    case Role::Timezone:
      if (n.kind == NodeKind::Scalar) {
        if (n.null()) return;
        f.role == Role::Agreement ? set_agreement(n) : set_timezone(n);
      } else if (n.kind != NodeKind::BadAlias) {
        error(n.mark, fmt::format("`{}` must be a scalar", f.role == Role::Agreement ? "agreement" : "timezone"));
        skip_node(n);
      }
      return;
    default:
      skip_node(n);
      return;
  }
}

void EventBuilder::set_agreement(const Node& n) {
  if (options_.agreement_name && n.text != *options_.agreement_name)
    error(n.mark,
          fmt::format("this log is for the agreement \"{}\", but the agreement is \"{}\"", n.text,
                      *options_.agreement_name),
          {}, width_of(n));
}

void EventBuilder::set_timezone(const Node& n) {
  if (const date::time_zone* z = find_zone(std::string(n.text))) {
    log_zone_ = z;
    // Known from now on (a streamed check reads attribute times before the file ends).
    if (log_.file_zones.size() <= file_) log_.file_zones.resize(file_ + 1, nullptr);
    log_.file_zones[file_] = z;
    return;
  }
  std::vector<std::string> notes;
  std::string near = closest_match(std::string(n.text), zone_names());
  if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
  notes.push_back("time zones are IANA names such as `America/New_York` or `Asia/Manila`");
  error(n.mark, fmt::format("unknown time zone `{}`", n.text), std::move(notes), width_of(n));
}

// ---- events --------------------------------------------------------------------------------------

void EventBuilder::event_item(Frame& f, const Node& n) {
  uint32_t index = f.items++;
  switch (n.kind) {
    case NodeKind::Mapping:
      begin_event(n.mark, index);
      push(Ctx::Event, n.mark);
      return;
    case NodeKind::Sequence:
      error(n.mark, "an event must be a mapping with `at:` and `type:`, not a list");
      skip_node(n);
      return;
    case NodeKind::Scalar:
      if (n.null())  // an empty `-` item: its own position differs between parsers, so point at the list
        error(f.mark, fmt::format("item {} of the list of events is empty; an event is a mapping with `at:` and "
                                  "`type:`",
                                  index + 1));
      else
        error(n.mark, fmt::format("an event must be a mapping with `at:` and `type:`, not the scalar `{}`", n.text),
              {}, width_of(n));
      return;
    case NodeKind::BadAlias:
      return;
  }
}

void EventBuilder::begin_event(Mark mark, uint32_t index) {
  draft_.start = mark;
  draft_.index = index;
  draft_.bad = false;
  draft_.has_at = false;
  draft_.has_type = false;
  draft_.at_local = false;
  draft_.type = draft_.by = draft_.id = kNoSymbol;
  draft_.attr_begin = log_.attributes.size();
  draft_.items_begin = log_.list_items.size();
  draft_.keys.clear();
  if (!draft_.key_lines.empty()) draft_.key_lines.clear();
  draft_.deferred.clear();
  draft_.scratch.clear();
}

void EventBuilder::defer_intern(const Node& n, uint32_t target) {
  std::string_view text = n.text;
  uint32_t hash = n.text_hash();
  log_.symbols.prefetch(hash);
  draft_.deferred.push_back(Draft::Deferred{static_cast<uint32_t>(draft_.scratch.size()),
                                            static_cast<uint32_t>(text.size()), hash, target});
  draft_.scratch.append(text);
}

Symbol EventBuilder::key_symbol(std::string_view text) {
  size_t position = draft_.keys.size();
  if (position < key_cache_.size()) {
    Symbol cached = key_cache_[position];
    if (cached != kNoSymbol && log_.symbols.text(cached) == text) return cached;
  } else if (position < 64) {
    key_cache_.resize(position + 1, kNoSymbol);
  }
  Symbol key = log_.symbols.intern(text);
  if (position < key_cache_.size()) key_cache_[position] = key;
  return key;
}

void EventBuilder::event_key(Frame& f, const Node& n) {
  f.role = Role::Ignore;
  f.key_mark = n.mark;
  if (n.kind != NodeKind::Scalar || n.null()) {
    if (n.kind != NodeKind::BadAlias)
      error(n.kind == NodeKind::Scalar ? draft_.start : n.mark, "the keys of an event must be names");
    draft_.bad = true;
    skip_node(n);
    return;
  }
  Symbol key = key_symbol(n.text);
  std::optional<uint32_t> given;  // the line where the key was given before
  constexpr size_t kScanned = 16;  // keys looked through one by one; beyond, an index
  if (draft_.keys.size() < kScanned) {
    for (const auto& [seen, line] : draft_.keys)
      if (seen == key) given = line;
  } else {
    if (draft_.key_lines.empty())
      for (const auto& [seen, line] : draft_.keys) draft_.key_lines.emplace(seen, line);
    if (auto it = draft_.key_lines.find(key); it != draft_.key_lines.end()) given = it->second;
  }
  if (given) {
    std::string first = *given == n.mark.line ? "earlier on this line" : fmt::format("on line {}", *given);
    error(n.mark, fmt::format("duplicate key `{}` in this event", n.text),
          {fmt::format("`{}` was first given {}", n.text, first)}, width_of(n));
    draft_.bad = true;
    return;
  }
  draft_.keys.emplace_back(key, n.mark.line);
  if (!draft_.key_lines.empty()) draft_.key_lines.emplace(key, n.mark.line);
  f.key = key;
  f.role = key == sym_at_     ? Role::At
           : key == sym_type_ ? Role::Type
           : key == sym_by_   ? Role::By
           : key == sym_id_   ? Role::Id
                              : Role::Attribute;
}

void EventBuilder::event_value(Frame& f, const Node& n) {
  if (f.role == Role::Ignore) {
    skip_node(n);
    return;
  }
  if (n.kind == NodeKind::BadAlias) {
    draft_.bad = true;
    if (f.role == Role::At) draft_.has_at = true;
    if (f.role == Role::Type) draft_.has_type = true;
    return;
  }
  std::string_view key = log_.symbols.text(f.key);
  if (f.role == Role::Attribute) {
    if (n.kind == NodeKind::Scalar) {
      Value v;
      if (attribute_value(n, v, true)) {
        defer_intern(n, static_cast<uint32_t>(log_.attributes.size()));
        log_.attributes.push_back(Attribute{f.key, v});
      }
    } else if (n.kind == NodeKind::Sequence) {
      draft_.list_key = f.key;
      draft_.list_begin = log_.list_items.size();
      push(Ctx::List, n.mark);
    } else {
      error(n.mark,
            fmt::format("attribute `{}` is a mapping; an attribute value is a scalar or a list of scalars", key));
      draft_.bad = true;
      skip_node(n);
    }
    return;
  }
  // at, type, by, id: scalars only
  if (f.role == Role::At) draft_.has_at = true;
  if (f.role == Role::Type) draft_.has_type = true;
  if (n.kind != NodeKind::Scalar) {
    error(n.mark, fmt::format("`{}` must be a scalar, not a {}", key, n.kind == NodeKind::Mapping ? "mapping" : "list"));
    draft_.bad = true;
    skip_node(n);
    return;
  }
  if (n.null()) {
    if (f.role == Role::At || f.role == Role::Type) {
      error(f.key_mark, fmt::format("`{}` has no value", key), {}, static_cast<uint32_t>(key.size()));
      draft_.bad = true;
    }
    return;  // a null `by` or `id` is absent
  }
  switch (f.role) {
    case Role::At:
      set_at(n);
      return;
    case Role::Type:
      if (!valid_type_name(n.text)) {
        error(n.mark,
              fmt::format("`{}` is not a valid event type: use letters, digits and `_`, not starting with a digit",
                          n.text),
              {}, width_of(n));
        draft_.bad = true;
        return;
      }
      defer_intern(n, kTargetType);
      return;
    case Role::By: {
      if (options_.check_parties && !parties_.count(n.text)) {
        std::vector<std::string> notes;
        std::string near = closest_match(std::string(n.text), options_.parties);
        if (std::find(options_.calendars.begin(), options_.calendars.end(), n.text) != options_.calendars.end()) {
          // V2.2: calendars share the parties' names but never act.
          notes.push_back("a calendar only gives business time; `by` names the party that did the event");
          error(n.mark, fmt::format("`{}` is a calendar, not a party", n.text), std::move(notes), width_of(n));
          draft_.bad = true;
          return;
        }
        if (!near.empty())
          notes.push_back(fmt::format("did you mean `{}`?", near));
        else if (options_.parties.empty())
          notes.push_back("the agreement declares no parties");
        else
          notes.push_back(fmt::format("the declared parties are: {}", list_of(options_.parties)));
        error(n.mark, fmt::format("`{}` is not a declared party", n.text), std::move(notes), width_of(n));
        draft_.bad = true;
        return;
      }
      defer_intern(n, kTargetBy);
      return;
    }
    case Role::Id:
      defer_intern(n, kTargetId);
      return;
    default:
      return;
  }
}

void EventBuilder::list_item(const Node& n) {
  switch (n.kind) {
    case NodeKind::Scalar: {
      Value v;
      if (attribute_value(n, v)) log_.list_items.push_back(v);  // a null item is absent
      return;
    }
    case NodeKind::BadAlias:
      draft_.bad = true;
      return;
    default:
      error(n.mark, fmt::format("a list attribute holds only scalars; `{}` has a nested {}",
                                log_.symbols.text(draft_.list_key),
                                n.kind == NodeKind::Mapping ? "mapping" : "list"));
      draft_.bad = true;
      skip_node(n);
      return;
  }
}

bool EventBuilder::attribute_value(const Node& n, Value& out, bool defer) {
  if (n.null()) return false;
  out = Value{};
  if (!defer) out.text = log_.symbols.intern(n.text, n.text_hash());
  if (n.string_tag) return true;
  double number = 0;
  bool out_of_range = false;
  if (n.text == "true" || n.text == "false") {
    out.kind = Value::Kind::Bool;
    out.boolean = n.text == "true";
  } else if (parse_number(n.text, number, &out_of_range)) {
    out.kind = Value::Kind::Number;
    out.number = number;
  } else if (out_of_range) {
    // A limit (docs/security.md): read as a string, it was silently left out of aggregates.
    error(n.mark, fmt::format("number out of range: `{}` (a number in a log must lie within about ±1.8e308)", n.text),
          {"quote it to keep it as text"}, width_of(n));
    draft_.bad = true;
  }
  return true;
}

void EventBuilder::set_at(const Node& n) {
  std::string why;
  auto parsed = parse_timestamp(n.text, &why);
  if (!parsed) {
    error(n.mark, fmt::format("`at` is not a valid date-time: `{}` ({})", n.text, why),
          {"write e.g. `2026-01-31T09:30:00-05:00`, `2026-01-31 09:30` (in the log's time zone) or `2026-01-31`"},
          width_of(n));
    draft_.bad = true;
    return;
  }
  draft_.at = *parsed;
  draft_.at_local = !parsed->offset;
  draft_.at_mark = n.mark;
  draft_.at_width = width_of(n);
}

void EventBuilder::end_event() {
  if (!draft_.has_at) {
    error(draft_.start, "this event has no `at` (when it happened)");
    draft_.bad = true;
  }
  if (!draft_.has_type) {
    error(draft_.start, "this event has no `type`");
    draft_.bad = true;
  }
  if (draft_.bad) {  // withdraw what the event wrote
    log_.attributes.resize(draft_.attr_begin);
    log_.list_items.resize(draft_.items_begin);
    return;
  }
  for (const Draft::Deferred& d : draft_.deferred) {
    Symbol s = log_.symbols.intern(std::string_view(draft_.scratch).substr(d.offset, d.size), d.hash);
    switch (d.target) {
      case kTargetType: draft_.type = s; break;
      case kTargetBy: draft_.by = s; break;
      case kTargetId: draft_.id = s; break;
      default: log_.attributes[d.target].value.text = s; break;
    }
  }
  Event e;
  e.type = draft_.type;
  e.by = draft_.by;
  e.id = draft_.id;
  e.file = file_;
  e.index = draft_.index;
  e.line = draft_.start.line;
  e.column = draft_.start.column;
  e.attr_begin = static_cast<uint32_t>(draft_.attr_begin);
  e.attr_count = static_cast<uint32_t>(log_.attributes.size() - draft_.attr_begin);
  e.order = log_.count();
  if (!draft_.at_local) {
    e.at = resolve(draft_.at, nullptr).instant;
  } else if (shape_ == Shape::Container && !seen_timezone_) {
    // `timezone:` may still follow the events: resolve in finish().
    pending_.push_back(PendingTime{static_cast<uint32_t>(log_.events.size()), draft_.at.local, draft_.at.date_only,
                                   draft_.at_mark, draft_.at_width});
  } else if (!resolve_now(draft_.at, draft_.at_mark, draft_.at_width, e.at)) {
    log_.attributes.resize(draft_.attr_begin);
    log_.list_items.resize(draft_.items_begin);
    return;
  }
  log_.census.note(e, log_.attributes.data() + e.attr_begin, log_);
  log_.events.push_back(e);
  if (tick_ && log_.count() % 4096 == 0) tick_(log_.count());
  // A streamed check evaluates what is complete and drops it (streamed_check.cc): only once the
  // file's events are final, that is when a `timezone:` can no longer follow them (attribute
  // times without an offset are read in it): not inside a log mapping before its `timezone:`.
  if (on_event_ && pending_.empty() && (shape_ != Shape::Container || seen_timezone_)) on_event_();
  if (options_.cancel && *options_.cancel) stop_ = true;
}

const date::time_zone* EventBuilder::zone_for_local() const {
  if (log_zone_) return log_zone_;
  if (options_.default_zone) return options_.default_zone;
  static const date::time_zone* utc = find_zone("UTC");
  return utc;
}

bool EventBuilder::resolve_now(const ParsedTime& t, Mark mark, uint32_t width, Instant& out) {
  const date::time_zone* zone = zone_for_local();
  Resolved r = resolve(t, zone);
  out = r.instant;
  // A bare date whose midnight is skipped starts when the day actually begins.
  if (r.status == LocalResolution::Nonexistent && !t.date_only) {
    error(mark, describe_gap(t.local, zone), {}, width);
    return false;
  }
  return true;
}

std::string EventBuilder::describe_gap(LocalTime local, const date::time_zone* zone) const {
  auto info = zone->get_info(date::floor<std::chrono::seconds>(local));
  auto from = date::local_seconds{info.second.begin.time_since_epoch()} + info.first.offset;
  auto to = date::local_seconds{info.second.begin.time_since_epoch()} + info.second.offset;
  return fmt::format("{} does not exist in {}: clocks jump from {} to {}", format_local_time(local), zone->name(),
                     clock_text(from), clock_text(to));
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
