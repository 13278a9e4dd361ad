// Backend A: libyaml's event parser (yaml_parser_parse), the fast default.
#include <yaml.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "engine/log/libyaml_events.h"
#include "engine/log/readers.h"
#include "engine/log/yaml_check.h"
#include "engine/log/yaml_errors.h"

// The browser build (WebAssembly without threads) parses on the one thread: the pipeline below
// then fills a batch when the builder asks for one, and the builder sees the same calls
// (PACTUM_READER_THREAD, libyaml_events.h).

namespace pactum::log {

namespace libyaml {

void report(const Failure& p, EventBuilder& builder, const PrefixReader& prefix, int64_t line_shift,
            int64_t offset_shift) {
  auto at = [&](const yaml_mark_t& m) {
    Mark mark = to_mark(m);
    mark.line = static_cast<uint32_t>(static_cast<int64_t>(mark.line) + line_shift);
    return mark;
  };
  switch (p.error) {
    case YAML_MEMORY_ERROR:
      builder.syntax_error(at(p.mark), "out of memory");
      return;
    case YAML_READER_ERROR: {
      // Bad encoding: libyaml gives a byte offset, not a mark (p.mark is where the scanner was,
      // often line 1). Locate the offset in the text itself.
      Mark mark = at(p.mark);
      size_t offset = static_cast<size_t>(static_cast<int64_t>(p.problem_offset) + offset_shift);
      if (prefix && p.problem_offset > 0) {
        auto [line, column] = position_of(prefix(offset), offset);
        mark = Mark{line, column};
      }
      builder.syntax_error(mark, "cannot read the text: " + (p.problem.empty() ? std::string("error") : p.problem));
      return;
    }
    default: {
      // Where the unfinished thing began helps more than where libyaml gave up on it.
      std::string_view problem = p.problem.empty() ? std::string_view("parse error") : std::string_view(p.problem);
      if (p.context == "while scanning a quoted scalar") {
        builder.syntax_error(at(p.context_mark), "unclosed quoted string");
        return;
      }
      if (p.context == "while scanning a simple key") {
        builder.syntax_error(at(p.context_mark), problem);
        return;
      }
      builder.syntax_error(at(p.problem_mark), problem);
      return;
    }
  }
}

}  // namespace libyaml

namespace {

using namespace libyaml;

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

// libyaml's parsing is most of the cost of a check (about 60%), and the rest (building events,
// evaluating) does not need it to have finished: so libyaml parses on a second thread while this
// one builds. The parser thread copies each event into a compact record (its strings into one
// buffer per batch) and frees libyaml's event at once, while it is still in that core's cache;
// this thread then reads batches sequentially. Batches travel in order through a small fixed
// set of buffers. The builder sees exactly the calls it would see single-threaded, and a parse
// error is reported after every event before it, as before.
class ParsePipeline {
 public:
  explicit ParsePipeline(yaml_parser_t& parser) : parser_(parser) {
    for (auto& b : batches_) {
      b.records.reserve(kBatchSize);
      empty_.push_back(&b);
    }
#if PACTUM_READER_THREAD
    thread_ = std::thread([this] { produce(); });
#endif
  }

  ~ParsePipeline() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  // Feeds every event to the builder; true when parsing stopped at a syntax error the builder
  // has not been told about yet (the caller reports it once the parser thread is done).
  bool consume(EventBuilder& builder) {
    for (;;) {
      Batch* b = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
#if !PACTUM_READER_THREAD
        if (full_.empty()) {  // parse the next batch now, on this thread
          Batch* next = empty_.front();
          empty_.pop_front();
          fill(*next);
          full_.push_back(next);
        }
#endif
        changed_.wait(lock, [&] { return !full_.empty(); });
        b = full_.front();
        full_.pop_front();
      }
      bool more = true;
      const Record* records = b->records.data();
      for (size_t i = 0, n = b->records.size(); i < n && more; ++i) {
        prefetch_ahead(records, i, n, builder);
        more = dispatch(records[i], b->text, builder);
      }
      bool last = b->last, failed = b->failed;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        empty_.push_back(b);
        if (!more) stop_ = true;
      }
      changed_.notify_all();
      if (!more) return false;
      if (last) {
        if (thread_.joinable()) thread_.join();  // the parser's error state is read after this
        return failed;
      }
    }
  }

 private:
  static constexpr size_t kBatchSize = 2048;

  struct Batch {
    std::vector<Record> records;
    std::string text;
    bool last = false;    // stream end or error: nothing follows
    bool failed = false;  // stopped at a syntax error
  };

  void produce() {
    for (;;) {
      Batch* b = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || !empty_.empty(); });
        if (stop_) return;
        b = empty_.front();
        empty_.pop_front();
      }
      bool last = fill(*b);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        full_.push_back(b);
      }
      changed_.notify_all();
      if (last) return;
    }
  }

  // Parses the next events into `b`; true when nothing follows.
  bool fill(Batch& b) {
    b.records.clear();
    b.text.clear();
    // A batch also ends when its text would outgrow 32-bit offsets (a scalar is at most 1 MiB
    // for the builder, but libyaml hands over whatever it read).
    while (b.records.size() < kBatchSize && b.text.size() < (1u << 30)) {
      yaml_event_t e;
      if (!yaml_parser_parse(&parser_, &e)) {
        b.last = b.failed = true;
        break;
      }
      append_record(e, b.text, b.records);
      bool end = e.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&e);
      if (end) {
        b.last = true;
        break;
      }
    }
    return b.last;
  }

  yaml_parser_t& parser_;
  Batch batches_[8];
  std::deque<Batch*> empty_, full_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_ = false;
  std::thread thread_;
};

// Without the reader thread (`check --threads 1`; a build without threads, such as WebAssembly,
// needs this path): libyaml and the builder take turns on this thread.
bool consume_inline(yaml_parser_t& parser, EventBuilder& builder) {
  std::string text;
  for (;;) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) return true;
    text.clear();
    Record r = record(e, text);
    yaml_event_delete(&e);
    if (!dispatch(r, text, builder)) return false;
  }
}

void run(yaml_parser_t& parser, EventBuilder& builder, const PrefixReader& prefix, bool threaded) {
  bool failed;
  if (threaded) {
    ParsePipeline pipeline(parser);
    failed = pipeline.consume(builder);
  } else {
    failed = consume_inline(parser, builder);
  }
  if (failed) report(failure_of(parser), builder, prefix);
}

std::unique_ptr<yaml_parser_t, ParserDeleter> make_parser() {
  std::unique_ptr<yaml_parser_t, ParserDeleter> p(new yaml_parser_t);
  if (!yaml_parser_initialize(p.get())) throw std::bad_alloc();
  return p;
}

}  // namespace

void read_with_libyaml(std::FILE* in, EventBuilder& builder, bool threaded) {
  // A large stdio buffer: libyaml asks for 16 KiB at a time, the kernel is asked far less often.
  static thread_local std::unique_ptr<char[]> buffer(new char[1 << 20]);
  std::setvbuf(in, buffer.get(), _IOFBF, 1 << 20);
  auto parser = make_parser();
  yaml_parser_set_input_file(parser.get(), in);
  run(
      *parser, builder,
      [in](size_t size) {
    std::string text(size, '\0');
    std::clearerr(in);
    if (std::fseek(in, 0, SEEK_SET) != 0) return std::string();
    text.resize(std::fread(text.data(), 1, size, in));
    return text;
      },
      threaded);
}

void read_with_libyaml(const ByteSource& read, const std::function<std::string(size_t)>& prefix, EventBuilder& builder,
                       bool threaded) {
  auto parser = make_parser();
  yaml_parser_set_input(
      parser.get(),
      [](void* data, unsigned char* buffer, size_t size, size_t* size_read) -> int {
        *size_read = (*static_cast<const ByteSource*>(data))(reinterpret_cast<char*>(buffer), size);
        return 1;
      },
      const_cast<ByteSource*>(&read));
  run(*parser, builder, prefix, threaded);
}

bool libyaml_accepts(std::string_view text) {
  auto parser = make_parser();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  // Stop where the builder would: past kMaxDepth, libyaml's own work grows quadratically with
  // the depth (100 000 `[` took minutes: fuzz_check timeout); false sends the text to
  // read_with_libyaml, which reports the limit.
  uint32_t depth = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(parser.get(), &event)) return false;
    yaml_event_type_t type = event.type;
    yaml_event_delete(&event);
    if (type == YAML_STREAM_END_EVENT) return true;
    if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT) {
      if (++depth > kMaxDepth) return false;
    } else if ((type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT) && depth > 0) {
      --depth;
    }
  }
}

std::optional<YamlProblem> check_plain_yaml(std::string_view text, const char* what) {
  if (auto bad = find_encoding_problem(text)) {
    auto [line, column] = position_of(text, bad->offset);
    return YamlProblem{line, column, "cannot read the text: " + bad->message};
  }
  auto parser = make_parser();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  uint32_t depth = 0;
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(parser.get(), &event)) {
      const yaml_parser_t& p = *parser;
      bool quoted = p.context && std::string_view(p.context) == "while scanning a quoted scalar";
      Mark at = to_mark(quoted ? p.context_mark : p.problem_mark);
      auto line_start = text.begin();
      for (uint32_t l = 1; l < at.line && line_start != text.end(); ++line_start)
        if (*line_start == '\n') ++l;
      auto line_end = std::find(line_start, text.end(), '\n');
      SyntaxProblem sp = describe_yaml_problem(quoted ? "unclosed quoted string" : p.problem ? p.problem : "parse error",
                                               text.substr(static_cast<size_t>(line_start - text.begin()),
                                                           static_cast<size_t>(line_end - line_start)));
      return YamlProblem{at.line, sp.column ? sp.column : at.column, "malformed YAML: " + sp.message};
    }
    yaml_event_type_t type = event.type;
    Mark at = to_mark(event.start_mark);
    yaml_event_delete(&event);
    if (type == YAML_STREAM_END_EVENT) return std::nullopt;
    if (type == YAML_ALIAS_EVENT)
      return YamlProblem{at.line, at.column, fmt::format("aliases (`*name`) are not supported in {}", what)};
    if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT) {
      if (++depth > kMaxDepth)
        return YamlProblem{at.line, at.column, fmt::format("nesting deeper than {} levels (the limit for {})", kMaxDepth, what)};
    } else if ((type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT) && depth > 0) {
      --depth;
    }
  }
}

void read_with_libyaml(std::string_view text, EventBuilder& builder, bool threaded) {
  auto parser = make_parser();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  run(*parser, builder, [text](size_t size) { return std::string(text.substr(0, size)); }, threaded);
}

}  // namespace pactum::log
