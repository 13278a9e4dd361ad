#include "engine/log/event_builder.h"

#include <fmt/format.h>

// The three shapes of a log (a mapping with `events:`, a list of events, a stream of event
// documents), told apart by the first keys, and the top-level keys of shape 1.

namespace pactum::log {

namespace {

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

}  // namespace pactum::log
