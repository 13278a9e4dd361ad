// Backend A: libyaml's event parser (yaml_parser_parse), the fast default.
#include <yaml.h>

#include <functional>
#include <memory>
#include <string>

#include "engine/log/readers.h"
#include "engine/log/yaml_errors.h"

namespace pactum::log {

namespace {

// libyaml marks are 0-based and count characters, as SourceLoc columns do.
Mark to_mark(const yaml_mark_t& m) {
  return Mark{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

std::string_view text_of(const yaml_char_t* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view{};
}

// Returns the input's first `size` bytes (for locating a reader error).
using PrefixReader = std::function<std::string(size_t size)>;

void report(const yaml_parser_t& p, EventBuilder& builder, const PrefixReader& prefix) {
  switch (p.error) {
    case YAML_MEMORY_ERROR:
      builder.syntax_error(to_mark(p.mark), "out of memory");
      return;
    case YAML_READER_ERROR: {
      // Bad encoding: libyaml gives a byte offset, not a mark (p.mark is where the scanner was,
      // often line 1). Locate the offset in the text itself.
      Mark mark = to_mark(p.mark);
      if (prefix && p.problem_offset > 0) {
        auto [line, column] = position_of(prefix(p.problem_offset), p.problem_offset);
        mark = Mark{line, column};
      }
      builder.syntax_error(mark, std::string("cannot read the text: ") + (p.problem ? p.problem : "error"));
      return;
    }
    default: {
      // Where the unfinished thing began helps more than where libyaml gave up on it.
      std::string_view context = p.context ? p.context : "";
      if (context == "while scanning a quoted scalar") {
        builder.syntax_error(to_mark(p.context_mark), "unclosed quoted string");
        return;
      }
      if (context == "while scanning a simple key") {
        builder.syntax_error(to_mark(p.context_mark), p.problem ? p.problem : "parse error");
        return;
      }
      builder.syntax_error(to_mark(p.problem_mark), p.problem ? p.problem : "parse error");
      return;
    }
  }
}

// One libyaml event → one builder call; false when reading should stop.
bool dispatch(const yaml_event_t& e, EventBuilder& b) {
  Mark mark = to_mark(e.start_mark);
  switch (e.type) {
    case YAML_DOCUMENT_START_EVENT:
      return b.document_start();
    case YAML_DOCUMENT_END_EVENT:
      return b.document_end();
    case YAML_MAPPING_START_EVENT:
      return b.mapping_start(mark, text_of(e.data.mapping_start.anchor));
    case YAML_MAPPING_END_EVENT:
      return b.mapping_end();
    case YAML_SEQUENCE_START_EVENT:
      return b.sequence_start(mark, text_of(e.data.sequence_start.anchor));
    case YAML_SEQUENCE_END_EVENT:
      return b.sequence_end();
    case YAML_SCALAR_EVENT:
      return b.scalar(mark,
                      std::string_view(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length),
                      e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE, text_of(e.data.scalar.tag),
                      text_of(e.data.scalar.anchor));
    case YAML_ALIAS_EVENT:
      return b.alias(mark, text_of(e.data.alias.anchor));
    default:  // stream start/end
      return true;
  }
}

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

void run(yaml_parser_t& parser, EventBuilder& builder, const PrefixReader& prefix) {
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      report(parser, builder, prefix);
      return;
    }
    bool more = event.type != YAML_STREAM_END_EVENT && dispatch(event, builder);
    yaml_event_delete(&event);
    if (!more) return;
  }
}

std::unique_ptr<yaml_parser_t, ParserDeleter> make_parser() {
  std::unique_ptr<yaml_parser_t, ParserDeleter> p(new yaml_parser_t);
  if (!yaml_parser_initialize(p.get())) throw std::bad_alloc();
  return p;
}

}  // namespace

void read_with_libyaml(std::FILE* in, EventBuilder& builder) {
  // A large stdio buffer: libyaml asks for 16 KiB at a time, the kernel is asked far less often.
  static thread_local std::unique_ptr<char[]> buffer(new char[1 << 20]);
  std::setvbuf(in, buffer.get(), _IOFBF, 1 << 20);
  auto parser = make_parser();
  yaml_parser_set_input_file(parser.get(), in);
  run(*parser, builder, [in](size_t size) {
    std::string text(size, '\0');
    std::clearerr(in);
    if (std::fseek(in, 0, SEEK_SET) != 0) return std::string();
    text.resize(std::fread(text.data(), 1, size, in));
    return text;
  });
}

void read_with_libyaml(std::string_view text, EventBuilder& builder) {
  auto parser = make_parser();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  run(*parser, builder, [text](size_t size) { return std::string(text.substr(0, size)); });
}

}  // namespace pactum::log
