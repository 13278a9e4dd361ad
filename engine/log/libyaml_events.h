// libyaml's parse events as compact records, shared by the two libyaml readers: the reader thread
// (libyaml_reader.cc) and the parallel reader of one large file (parallel_reader.cc). A parser
// copies each event into a Record (its strings into one buffer per batch) and frees libyaml's
// event at once; the builder is fed the records later, in file order, on its own thread.
#pragma once
#include <yaml.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD
#include "engine/log/event_builder.h"

namespace pactum::log::libyaml {

// libyaml marks are 0-based and count characters, as SourceLoc columns do.
inline Mark to_mark(const yaml_mark_t& m) {
  return Mark{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

// A libyaml event without pointers: strings are [offset, offset + length) in a batch's text.
struct Text {
  uint32_t offset = 0;
  uint32_t length = 0;
};
struct Record {
  yaml_event_type_t type;
  bool plain = false;
  Mark mark;
  Text value, tag, anchor;
};

inline Text copy(std::string& text, const yaml_char_t* s, size_t length) {
  Text t{static_cast<uint32_t>(text.size()), static_cast<uint32_t>(length)};
  if (s) text.append(reinterpret_cast<const char*>(s), length);
  return t;
}
inline Text copy(std::string& text, const yaml_char_t* s) {
  return copy(text, s, s ? std::char_traits<char>::length(reinterpret_cast<const char*>(s)) : 0);
}

inline Record record(const yaml_event_t& e, std::string& text) {
  Record r{e.type, false, to_mark(e.start_mark), {}, {}, {}};
  switch (e.type) {
    case YAML_MAPPING_START_EVENT: r.anchor = copy(text, e.data.mapping_start.anchor); break;
    case YAML_SEQUENCE_START_EVENT: r.anchor = copy(text, e.data.sequence_start.anchor); break;
    case YAML_ALIAS_EVENT: r.anchor = copy(text, e.data.alias.anchor); break;
    case YAML_SCALAR_EVENT:
      r.value = copy(text, e.data.scalar.value, e.data.scalar.length);
      r.plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      r.tag = copy(text, e.data.scalar.tag);
      r.anchor = copy(text, e.data.scalar.anchor);
      break;
    default: break;
  }
  return r;
}

inline std::string_view view(const std::string& text, Text t) { return std::string_view(text).substr(t.offset, t.length); }

// One event → one builder call; false when reading should stop. `line_shift` moves the mark to
// its line in the file (a chunk of a file parsed on its own counts lines from its own start).
inline bool dispatch(const Record& r, const std::string& text, EventBuilder& b, int64_t line_shift = 0) {
  Mark mark{static_cast<uint32_t>(static_cast<int64_t>(r.mark.line) + line_shift), r.mark.column};
  switch (r.type) {
    case YAML_DOCUMENT_START_EVENT: return b.document_start();
    case YAML_DOCUMENT_END_EVENT: return b.document_end();
    case YAML_MAPPING_START_EVENT: return b.mapping_start(mark, view(text, r.anchor));
    case YAML_MAPPING_END_EVENT: return b.mapping_end();
    case YAML_SEQUENCE_START_EVENT: return b.sequence_start(mark, view(text, r.anchor));
    case YAML_SEQUENCE_END_EVENT: return b.sequence_end();
    case YAML_SCALAR_EVENT:
      return b.scalar(mark, view(text, r.value), r.plain, view(text, r.tag), view(text, r.anchor));
    case YAML_ALIAS_EVENT: return b.alias(mark, view(text, r.anchor));
    case YAML_STREAM_END_EVENT: return false;
    default: return true;  // stream start
  }
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
