#include "engine/log/event_builder.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/base/charconv.h"
#include "engine/base/exact_decimal.h"

// One event: its keys, the values of `at`, `type`, `by`, `id` and the attributes, and the event
// written to the log when its mapping ends (or withdrawn, if anything in it was wrong).

namespace pactum::log {

namespace {

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


}  // namespace

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

}  // namespace pactum::log
