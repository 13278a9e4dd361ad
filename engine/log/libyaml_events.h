// libyaml's parse events as compact records, shared by the two libyaml readers: the reader thread
// (libyaml_reader.cc) and the parallel reader of one large file (parallel_reader.cc). A parser
// copies each event into a Record (its strings into one buffer per batch) and frees libyaml's
// event at once; the builder is fed the records later, in file order, on its own thread.
#pragma once
#include <yaml.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/text.h"     // has_control_lead_byte
#include "engine/base/threads.h"  // PACTUM_READER_THREAD
#include "engine/log/event_builder.h"

namespace pactum::log::libyaml {

// libyaml marks are 0-based and count characters, as SourceLoc columns do.
inline Mark to_mark(const yaml_mark_t& m) {
  return Mark{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

// A libyaml event without pointers, in 24 bytes (a chunk of a large log holds some 30,000 of
// them, and the reader keeps a window of chunks). Its strings are in a batch's text from
// `offset` on: the value (`length` bytes; a scalar's); when it has a tag or an anchor (rare),
// their two lengths come first (4 bytes each) and the tag and the anchor follow the value.
struct Record {
  static constexpr uint8_t kPlain = 1;  // a plain scalar
  static constexpr uint8_t kExtra = 2;  // a tag or an anchor
  // The value may hold a control character (has_control_lead_byte), looked at on the parser's
  // thread: the builder's exact check runs only for the values that have this flag.
  static constexpr uint8_t kMaybeControl = 4;
  uint8_t type = YAML_NO_EVENT;         // a yaml_event_type_t
  uint8_t flags = 0;
  Mark mark;
  uint32_t offset = 0;
  uint32_t length = 0;
  // A scalar's SymbolTable::hash, computed on the parser's thread: the builder prefetches the
  // symbol table's slot a few dozen records ahead (prefetch_ahead), so that a text seen long ago
  // (an id a later event names) is in the cache when it is interned.
  uint32_t hash = 0;
};
static_assert(sizeof(Record) == 24);

struct RecordStrings {
  std::string_view value, tag, anchor;
};

inline std::string_view chars(const yaml_char_t* s, size_t length) {
  return s ? std::string_view(reinterpret_cast<const char*>(s), length) : std::string_view();
}
inline std::string_view chars(const yaml_char_t* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// Fills `r` (default-constructed) from `e`, its strings appended to `text`.
inline void fill_record(const yaml_event_t& e, std::string& text, Record& r) {
  r.type = static_cast<uint8_t>(e.type);
  r.mark = to_mark(e.start_mark);
  RecordStrings s;
  switch (e.type) {
    case YAML_MAPPING_START_EVENT: s.anchor = chars(e.data.mapping_start.anchor); break;
    case YAML_SEQUENCE_START_EVENT: s.anchor = chars(e.data.sequence_start.anchor); break;
    case YAML_ALIAS_EVENT: s.anchor = chars(e.data.alias.anchor); break;
    case YAML_SCALAR_EVENT:
      s.value = chars(e.data.scalar.value, e.data.scalar.length);
      r.hash = SymbolTable::hash(s.value);
      if (has_control_lead_byte(s.value)) r.flags |= Record::kMaybeControl;
      if (e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) r.flags |= Record::kPlain;
      s.tag = chars(e.data.scalar.tag);
      s.anchor = chars(e.data.scalar.anchor);
      break;
    default: break;
  }
  r.offset = static_cast<uint32_t>(text.size());
  r.length = static_cast<uint32_t>(s.value.size());
  if (!s.tag.empty() || !s.anchor.empty()) {
    r.flags |= Record::kExtra;
    uint32_t lengths[2] = {static_cast<uint32_t>(s.tag.size()), static_cast<uint32_t>(s.anchor.size())};
    text.append(reinterpret_cast<const char*>(lengths), sizeof lengths);
    text.append(s.value).append(s.tag).append(s.anchor);
  } else {
    text.append(s.value);
  }
}

inline Record record(const yaml_event_t& e, std::string& text) {
  Record r;
  fill_record(e, text, r);
  return r;
}

// record(), written where it is kept: a Record returned by value was stored field by field and
// then copied 16 bytes at a time, loads the processor cannot forward from those smaller stores
// (perf annotate: half of a chunk parser's own samples on that copy).
inline void append_record(const yaml_event_t& e, std::string& text, std::vector<Record>& records) {
  fill_record(e, text, records.emplace_back());
}

inline RecordStrings strings_of(const Record& r, const std::string& text) {
  std::string_view all(text);
  if (!(r.flags & Record::kExtra)) return RecordStrings{all.substr(r.offset, r.length), {}, {}};
  uint32_t lengths[2];
  std::memcpy(lengths, text.data() + r.offset, sizeof lengths);
  size_t at = r.offset + sizeof lengths;
  return RecordStrings{all.substr(at, r.length), all.substr(at + r.length, lengths[0]),
                       all.substr(at + r.length + lengths[0], lengths[1])};
}

// One event → one builder call; false when reading should stop. `line_shift` moves the mark to
// its line in the file (a chunk of a file parsed on its own counts lines from its own start).
inline bool dispatch(const Record& r, const std::string& text, EventBuilder& b, int64_t line_shift = 0) {
  Mark mark{static_cast<uint32_t>(static_cast<int64_t>(r.mark.line) + line_shift), r.mark.column};
  switch (static_cast<yaml_event_type_t>(r.type)) {
    case YAML_DOCUMENT_START_EVENT: return b.document_start();
    case YAML_DOCUMENT_END_EVENT: return b.document_end();
    case YAML_MAPPING_START_EVENT: return b.mapping_start(mark, strings_of(r, text).anchor);
    case YAML_MAPPING_END_EVENT: return b.mapping_end();
    case YAML_SEQUENCE_START_EVENT: return b.sequence_start(mark, strings_of(r, text).anchor);
    case YAML_SEQUENCE_END_EVENT: return b.sequence_end();
    case YAML_SCALAR_EVENT: {
      unsigned known = EventBuilder::kHashKnown | EventBuilder::kControlChecked |
                       ((r.flags & Record::kMaybeControl) ? EventBuilder::kMaybeControl : 0u);
      bool plain = (r.flags & Record::kPlain) != 0;
      if (!(r.flags & Record::kExtra))
        return b.untagged_scalar(mark, std::string_view(text.data() + r.offset, r.length), plain, r.hash, known);
      RecordStrings s = strings_of(r, text);
      return b.scalar(mark, s.value, plain, s.tag, s.anchor, r.hash, known);
    }
    case YAML_ALIAS_EVENT: return b.alias(mark, strings_of(r, text).anchor);
    case YAML_STREAM_END_EVENT: return false;
    default: return true;  // stream start
  }
}

// Records are fed to the builder in order; while record i is dispatched, the slot of the scalar
// `kPrefetchAhead` records later is prefetched (about two events ahead: a cache miss takes longer
// than building a few events' worth of records).
constexpr size_t kPrefetchAhead = 32;
[[gnu::always_inline]] inline void prefetch_ahead(const Record* records, size_t i, size_t count,
                                                  const EventBuilder& b) {
  if (i + kPrefetchAhead < count && records[i + kPrefetchAhead].type == YAML_SCALAR_EVENT)
    b.prefetch_symbol(records[i + kPrefetchAhead].hash);
}

// A parser's error, copied out of the parser (the parser of a chunk is gone when it is reported).
struct Failure {
  yaml_error_type_t error = YAML_NO_ERROR;
  std::string problem, context;
  yaml_mark_t mark{}, problem_mark{}, context_mark{};
  size_t problem_offset = 0;
};
inline Failure failure_of(const yaml_parser_t& p) {
  return Failure{p.error, p.problem ? p.problem : "", p.context ? p.context : "", p.mark, p.problem_mark,
                 p.context_mark, p.problem_offset};
}

// Returns the input's first `size` bytes (for locating a reader error).
using PrefixReader = std::function<std::string(size_t size)>;

// Reports a parse error to the builder, in the wording both backends share. `line_shift` as in
// dispatch; `offset_shift` moves a reader error's byte offset to the file's.
void report(const Failure& f, EventBuilder& builder, const PrefixReader& prefix, int64_t line_shift = 0,
            int64_t offset_shift = 0);

}  // namespace pactum::log::libyaml
