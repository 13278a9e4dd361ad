// One large log parsed on several threads (issue 17). libyaml is most of the cost of a check and
// parses one file on one core; here the file is cut into chunks (256 KiB by default) at the starts
// of its top-level items, each chunk is parsed by its own libyaml parser on a worker thread into
// compact records (libyaml_events.h), and this thread feeds the builder the records of chunk 0,
// 1, 2, ... in file order: the builder sees exactly the calls of a single parse, so events, their
// indices, lines, columns and every diagnostic are the same (the differential tests in
// tests/unit/log/parallel_reader_test.cc and tests/log/threads_differential.py).
//
// Why a cut is safe. Two layouts are cut:
//   - items: the log is a block sequence (`- ` items at column C: the root, or the value of the
//     root mapping's `events` key). A cut is at a line that starts with C spaces and `- `. A chunk
//     after the first is parsed as PREFIX + CHUNK, PREFIX being the file's text before its first
//     item (`agreement: ...`, `events:`), so its parser is in the state the single parser has at a
//     new item: inside that sequence, at its column. The events of the prefix are dropped; the
//     chunk's item events are kept; the events that close the sequence and the document at the
//     end of the chunk are dropped (except in the last chunk);
//   - documents: a stream of documents. A cut is at a line that starts with `---`, which YAML
//     reads as a document start wherever it is (or as an error, inside a quoted or flow scalar).
// A chunk parsed on its own agrees with the single parser on everything up to its end, as long as
// nothing open at its end would have gone on into the next chunk: a quoted or flow scalar, a flow
// collection, a block scalar, a later document, anything after the sequence. So a chunk other
// than the last counts only when its parse ended without error and with nothing but the closing
// events of the sequence, mapping, document and stream after its last item. A chunk that does not
// (a malformed log, an odd layout) stops the parallel work: the rest of the file, from that
// chunk's start (a proven cut), is read by one parser over PREFIX + REST, which is again the
// single parser's state there, so even its errors read the same. A file whose layout is not one
// of the two (or whose text before the first item has other line breaks than `\n`, or that is
// UTF-16 or UTF-32) is not cut at all: read_with_libyaml_parallel returns false.
//
// Lines: each chunk's parser counts lines from its own start (PREFIX included), so a chunk's marks
// are shifted by the lines before it, counted by libyaml itself (the line of its stream end).
#include <yaml.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>
#include <cstdlib>

#include "engine/log/libyaml_events.h"
#include "engine/log/readers.h"
#include "engine/log/yaml_arena.h"
#include "engine/log/yaml_errors.h"

namespace pactum::log {

using namespace libyaml;

namespace {

// Appends the bytes [offset, offset + size) of the file (fewer at its end) to `out`, through
// pread: the workers read their chunks at once, and the descriptor's own offset is left alone.
void append_at(int fd, uint64_t offset, size_t size, std::string& out) {
  size_t base = out.size();
  out.resize(base + size);
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::pread(fd, out.data() + base + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(base + got);
}
std::string read_at(int fd, uint64_t offset, size_t size) {
  std::string out;
  append_at(fd, offset, size, out);
  return out;
}

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};
using Parser = std::unique_ptr<yaml_parser_t, ParserDeleter>;
Parser make_parser() {
  Parser p(new yaml_parser_t);
  if (!yaml_parser_initialize(p.get())) throw std::bad_alloc();
  return p;
}

bool opens(yaml_event_type_t t) {
  return t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_START_EVENT || t == YAML_MAPPING_START_EVENT ||
         t == YAML_SEQUENCE_START_EVENT;
}
bool closes(yaml_event_type_t t) {
  return t == YAML_STREAM_END_EVENT || t == YAML_DOCUMENT_END_EVENT || t == YAML_MAPPING_END_EVENT ||
         t == YAML_SEQUENCE_END_EVENT;
}

// Where the top-level items of a file are.
struct Layout {
  bool documents = false;  // a stream of documents; else a block sequence of items
  std::string prefix;      // items: the text before the first item's line
  uint32_t prefix_lines = 0;  // items: libyaml's (0-based) line of the first item
  uint32_t column = 0;        // items: the column of their `-`
  int depth = 1;  // how many collections (the stream and documents count) enclose an item, the last being the container
};

bool line_break_other_than_lf(std::string_view text) {
  if (text.find('\r') != std::string_view::npos) return true;
  for (size_t i = text.find('\xC2'); i != std::string_view::npos; i = text.find('\xC2', i + 1))
    if (i + 1 < text.size() && text[i + 1] == '\x85') return true;  // NEL
  for (size_t i = text.find('\xE2'); i != std::string_view::npos; i = text.find('\xE2', i + 1))
    if (i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) return true;
  return false;
}

bool dash_at(std::string_view text, size_t at, uint32_t column) {
  if (at + column + 1 >= text.size()) return false;
  for (size_t i = at; i < at + column; ++i)
    if (text[i] != ' ') return false;
  char after = text[at + column + 1];
  return text[at + column] == '-' && (after == ' ' || after == '\n' || after == '\t' || after == '\r');
}

// Reads the head of the file (at most 1 MiB) with libyaml to find its layout.
std::optional<Layout> find_layout(int fd, uint64_t size) {
  std::string head = read_at(fd, 0, static_cast<size_t>(std::min<uint64_t>(size, 1u << 20)));
  if (head.size() >= 2 && (head[0] == '\0' || head[1] == '\0' || (head[0] == '\xFE' && head[1] == '\xFF') ||
                           (head[0] == '\xFF' && head[1] == '\xFE')))
    return std::nullopt;  // UTF-16 or UTF-32: libyaml decodes it, the cuts look for ASCII bytes
  Parser parser = make_parser();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(head.data()), head.size());
  struct Seen {
    yaml_event_type_t type;
    yaml_mark_t mark;
    bool block;
    std::string scalar;
  };
  auto next = [&]() -> std::optional<Seen> {
    yaml_event_t e;
    if (!yaml_parser_parse(parser.get(), &e)) return std::nullopt;
    Seen s{e.type, e.start_mark, false, {}};
    if (e.type == YAML_SEQUENCE_START_EVENT) s.block = e.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE;
    if (e.type == YAML_SCALAR_EVENT)
      s.scalar.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    yaml_event_delete(&e);
    return s;
  };
  auto items_at = [&](const yaml_mark_t& mark, int depth) -> std::optional<Layout> {
    // The first item's line starts at the mark's line: the prefix is every line before it.
    size_t start = 0;
    for (size_t line = 0; line < mark.line; ++line) {
      start = head.find('\n', start);
      if (start == std::string::npos) return std::nullopt;
      ++start;
    }
    Layout l;
    l.prefix = head.substr(0, start);
    l.prefix_lines = static_cast<uint32_t>(mark.line);
    l.column = static_cast<uint32_t>(mark.column);
    l.depth = depth;
    if (line_break_other_than_lf(l.prefix) || !dash_at(head, start, l.column)) return std::nullopt;
    return l;
  };
  auto skip_node = [&](const Seen& first) {  // the rest of a node whose first event was `first`
    int depth = opens(first.type) ? 1 : 0;
    while (depth > 0) {
      auto e = next();
      if (!e) return false;
      depth += opens(e->type) ? 1 : closes(e->type) ? -1 : 0;
      // Deeper than the builder allows: an error for the one parser to report, and libyaml's
      // work would grow quadratically with the depth (a megabyte of `[`: minutes).
      if (depth > static_cast<int>(kMaxDepth)) return false;
    }
    return true;
  };
  auto stream = next(), document = next(), root = next();
  if (!stream || !document || !root || document->type != YAML_DOCUMENT_START_EVENT) return std::nullopt;
  if (root->type == YAML_SEQUENCE_START_EVENT && root->block) return items_at(root->mark, 3);
  if (root->type == YAML_MAPPING_START_EVENT) {
    for (;;) {
      auto key = next();
      if (!key) return std::nullopt;
      if (key->type == YAML_MAPPING_END_EVENT) break;
      bool events = key->type == YAML_SCALAR_EVENT && key->scalar == "events";
      if (!skip_node(*key)) return std::nullopt;
      auto value = next();
      if (!value) return std::nullopt;
      if (events && value->type == YAML_SEQUENCE_START_EVENT && value->block) return items_at(value->mark, 4);
      if (events) return std::nullopt;  // a flow sequence, or no sequence: one parser
      if (!skip_node(*value)) return std::nullopt;
    }
  } else if (!skip_node(*root)) {
    return std::nullopt;
  }
  Layout l;  // the first document is no list of items: a stream of documents
  l.documents = true;
  return l;
}

// The first cut at or after `from` (the start of a line that begins an item), else `size`.
uint64_t find_cut(int fd, uint64_t size, const Layout& layout, uint64_t from) {
  const size_t window = 1 << 16, overlap = layout.column + 4;
  for (uint64_t at = from - 1; at < size; at += window) {  // `from - 1`: the line break before a cut
    std::string text = read_at(fd, at, window + overlap);
    for (size_t nl = text.find('\n'); nl != std::string::npos && nl < window; nl = text.find('\n', nl + 1)) {
      size_t line = nl + 1;
      bool cut = layout.documents ? text.compare(line, 3, "---") == 0 &&
                                        (line + 3 == text.size() || text[line + 3] == ' ' || text[line + 3] == '\t' ||
                                         text[line + 3] == '\r' || text[line + 3] == '\n')
                                  : dash_at(text, line, layout.column);
      if (cut && text.size() > line) return at + line;
    }
  }
  return size;
}

struct Chunk {
  uint64_t begin = 0, end = 0;  // its bytes in the file
  bool first = false, last = false;
  std::vector<Record> records;  // what the builder is fed: see Classifier
  std::string text;
  bool clean = false;       // parsed without error, ending with the closing events only
  bool encoding_clean = false;  // no byte libyaml's reader refuses in [begin, end + kLookahead) (and
                                // neither too large nor too deep to parse here: parse_chunk)
  uint32_t end_line = 0;    // libyaml's (0-based) line of the stream end: the lines of PREFIX + chunk
  std::optional<Failure> failure;
  bool done = false;
};

// Sorts a parse's events into head (before and including the container's start), items and tail
// (the container's end and what follows), and keeps what the builder is to be fed: the head of
// the first chunk only, the items, and the tail of the last chunk only.
class Classifier {
 public:
  Classifier(const Layout& layout, bool keep_head, bool keep_tail)
      : layout_(layout), keep_head_(keep_head), keep_tail_(keep_tail) {}

  // Whether `e` is to be kept.
  bool take(const yaml_event_t& e) {
    switch (phase_) {
      case Phase::Head:
        depth_ += opens(e.type) ? 1 : closes(e.type) ? -1 : 0;
        if (depth_ == layout_.depth && container(e)) {
          phase_ = Phase::Items;
          start_ok_ = layout_.documents || (e.start_mark.line == layout_.prefix_lines &&
                                            e.start_mark.column == layout_.column);
        }
        return keep_head_;
      case Phase::Items:
        if (closes(e.type) && depth_ == layout_.depth) {
          phase_ = Phase::Tail;
          --depth_;
          tail_ = 1;
          return keep_tail_;
        }
        depth_ += opens(e.type) ? 1 : closes(e.type) ? -1 : 0;
        return true;
      case Phase::Tail:
        ++tail_;
        // `...` ends the document as the end of the text does, but the items after it are in a
        // new document: only the implicit end is the end of a chunk.
        if (!closes(e.type) || (e.type == YAML_DOCUMENT_END_EVENT && !e.data.document_end.implicit)) odd_tail_ = true;
        return keep_tail_;
    }
    return false;
  }
  bool started() const { return phase_ != Phase::Head; }
  // The parse reached the end of its text with the closing events only after the last item.
  bool clean_end() const { return start_ok_ && phase_ == Phase::Tail && !odd_tail_ && tail_ == layout_.depth; }

 private:
  bool container(const yaml_event_t& e) const {
    if (layout_.documents) return e.type == YAML_STREAM_START_EVENT;
    return e.type == YAML_SEQUENCE_START_EVENT && e.start_mark.line >= layout_.prefix_lines &&
           e.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE;
  }
  enum class Phase { Head, Items, Tail };
  const Layout& layout_;
  bool keep_head_, keep_tail_;
  Phase phase_ = Phase::Head;
  int depth_ = 0;
  int tail_ = 0;
  bool odd_tail_ = false;
  bool start_ok_ = false;
};

// libyaml's reader decodes its input in blocks of 16 KiB (INPUT_RAW_BUFFER_SIZE), each as a whole
// when the scanner first needs a character of it, and fails at once on a byte it refuses (invalid
// UTF-8, a control character): so the single parser may fail on such a byte while its scanner is
// still up to 16 KiB (plus a few characters of lookahead) before it, in an earlier item. A chunk
// is fed to the builder only when none of its bytes nor of the 32 KiB after it is refused; else
// the rest of the file, from the chunk's start, is read by one parser whose reads end where the
// single parser's reads end (read_rest), so that it fails at the same moment.
constexpr uint64_t kReadBlock = 16384;
constexpr uint64_t kMaxChunkBytes = uint64_t{1} << 30;
constexpr uint64_t kLookahead = 32768;

// Whether libyaml's reader accepts every character of `zone` (find_encoding_problem's checks,
// which are libyaml's), printable ASCII skipped through a table. `to_end`: the zone ends where the
// file ends; else a character cut by its end is left to the next chunk's zone.
bool encoding_clean(std::string_view zone, bool to_end) {
  static const auto plain = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x7F; ++c) t[static_cast<size_t>(c)] = true;
    t['\t'] = t['\n'] = t['\r'] = true;
    return t;
  }();
  size_t i = 0, n = zone.size();
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while they are all plain (this scan was a third of a parser
    // thread's own work, beside libyaml's, at one byte a step).
    const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'),
                  cr = _mm_set1_epi8('\r'), del = _mm_set1_epi8(0x7F);
    for (; i + 16 <= n; i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(zone.data() + i));
      __m128i below = _mm_cmplt_epi8(v, space);  // signed: the bytes from 0x80 on too
      __m128i breaks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
      __m128i other = _mm_or_si128(_mm_andnot_si128(breaks, below), _mm_cmpeq_epi8(v, del));
      if (_mm_movemask_epi8(other) != 0) break;
    }
#endif
    while (i < n && plain[static_cast<unsigned char>(zone[i])]) ++i;
    if (i == n) break;
    unsigned char lead = static_cast<unsigned char>(zone[i]);
    if (lead < 0xC0 || lead >= 0xF8) return false;  // a control character or DEL, or no leading octet
    size_t width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (i + width > n) return !to_end;
    if (find_encoding_problem(zone.substr(i, width))) return false;
    i += width;
  }
  return true;
}

// `input`: the worker's buffer for PREFIX (but for the first chunk), the chunk and the lookahead.
void parse_chunk(int fd, uint64_t size, const Layout& layout, Chunk& c, std::string& input) {
  // A record names its strings by 32-bit offsets into the chunk's text: a chunk of more than
  // 1 GiB (one enormous item) is not parsed here; feed() reads the rest of the file from its
  // start with one parser, whose batches stay far below that (libyaml_reader.cc).
  if (c.end - c.begin > kMaxChunkBytes) {
    c.encoding_clean = false;
    return;
  }
  input.assign(c.first ? std::string_view() : std::string_view(layout.prefix));
  size_t prefix = input.size();
  append_at(fd, c.begin, static_cast<size_t>(c.end - c.begin + kLookahead), input);
  c.encoding_clean = encoding_clean(std::string_view(input).substr(prefix), c.begin + (input.size() - prefix) >= size);
  input.resize(prefix + static_cast<size_t>(c.end - c.begin));
  // libyaml's allocations come from this thread's arena until the piece is parsed (yaml_arena.h):
  // the scope is opened before the parser and closed after it is deleted, and every event is
  // copied into the chunk's records before it is deleted.
  YamlArenaScope arena;
  Parser parser = make_parser();
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(input.data()), input.size());
  Classifier sorter(layout, c.first, c.last);
  uint32_t depth = 0;
  for (;;) {
    yaml_event_t e;
    if (!yaml_parser_parse(parser.get(), &e)) {
      c.failure = failure_of(*parser);
      break;
    }
    // Past the builder's nesting limit, libyaml's own work grows quadratically with the depth
    // (half a megabyte of `[` took two minutes here): the chunk is left to the one parser of
    // feed(), which the builder stops at the limit with its error.
    if (opens(e.type) && ++depth > kMaxDepth + 2) {
      yaml_event_delete(&e);
      c.encoding_clean = false;
      return;
    }
    if (closes(e.type) && depth > 0) --depth;
    bool end = e.type == YAML_STREAM_END_EVENT;
    if (end) c.end_line = static_cast<uint32_t>(e.start_mark.line);
    if (sorter.take(e)) append_record(e, c.text, c.records);
    yaml_event_delete(&e);
    if (end) break;
  }
  c.clean = !c.failure && sorter.clean_end();
}

class ParallelRead {
 public:
  ParallelRead(int fd, uint64_t size, const Layout& layout, unsigned threads, size_t chunk_bytes,
               std::atomic<uint64_t>* position, ParallelStats& stats)
      : fd_(fd), size_(size), layout_(layout), chunk_bytes_(std::max<size_t>(chunk_bytes, 1)), position_(position),
        stats_(stats), window_(std::max<size_t>(threads + 2, std::min<size_t>(size_t{8} * threads, 32))) {
#if PACTUM_READER_THREAD  // never reached in a build without threads (read_with_libyaml_parallel)
    // One worker fewer than threads: the builder's thread is the last parser (feed() parses a
    // chunk itself rather than wait for one), so that the threads never outnumber the cores.
    for (unsigned i = 0; i + 1 < threads; ++i) workers_.emplace_back([this] { work(); });
#else
    (void)threads;
#endif
  }
  ~ParallelRead() {
    stop();
    // How the work was shared (docs/performance.md): time the builder waited for the next chunk,
    // and the parsers (together) for room in the window.
    if (std::getenv("PACTUM_READER_TRACE"))
      fprintf(stderr, "pactum: reader: builder waited %.3f s and parsed %zu chunks, parsers waited %.3f s\n",
              std::chrono::duration<double>(builder_wait_).count(), builder_parsed_,
              std::chrono::duration<double>(worker_wait_).count());
  }

  void feed(EventBuilder& builder) {
    int64_t lines_before = 0;  // line breaks in the file before the chunk being fed
    for (size_t index = 0;; ++index) {
      std::unique_ptr<Chunk> chunk;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        // The next chunk is not parsed yet: rather than wait, this thread parses one that nobody
        // has started, while there is room in the window. With three threads on two cores (two
        // parsers and this one, which sets the pace) each got two thirds of a core; with one
        // worker and this thread helping, each has a core of its own and none of them idles.
        while (!(!chunks_.empty() && chunks_.front()->done)) {
          if (Chunk* c = plan_chunk()) {
            lock.unlock();
            parse_chunk(fd_, size_, layout_, *c, builder_input_);
            lock.lock();
            c->done = true;
            ++builder_parsed_;
            continue;
          }
          auto t0 = std::chrono::steady_clock::now();
          changed_.wait(lock, [&] {
            return (!chunks_.empty() && chunks_.front()->done) || (planned_ != size_ && chunks_.size() < window_);
          });
          builder_wait_ += std::chrono::steady_clock::now() - t0;
        }
        chunk = std::move(chunks_.front());
        chunks_.pop_front();
      }
      changed_.notify_all();
      // A chunk's parser counts PREFIX's lines too: its line L is line L - prefix_lines + lines_before.
      int64_t shift = chunk->first ? 0 : lines_before - layout_.prefix_lines;
      if (!chunk->encoding_clean || (!chunk->last && !chunk->clean)) {
        stop();
        stats_.rest_read = true;
        read_rest(builder, chunk->begin, shift, chunk->first);
        return;
      }
      ++stats_.chunks;
      const Record* records = chunk->records.data();
      for (size_t i = 0, n = chunk->records.size(); i < n; ++i) {
        prefetch_ahead(records, i, n, builder);
        if (!dispatch(records[i], chunk->text, builder, shift)) return;  // stopped (error limit), or the stream's end
      }
      if (chunk->last) {
        if (chunk->failure) report(*chunk->failure, builder, prefix_reader(), shift, offset_shift(*chunk));
        return;
      }
      lines_before += chunk->first ? chunk->end_line : chunk->end_line - layout_.prefix_lines;
      if (position_) position_->store(chunk->end);
      recycle(std::move(chunk));
    }
  }

 private:
  int64_t offset_shift(const Chunk& c) const {
    return c.first ? 0 : static_cast<int64_t>(c.begin) - static_cast<int64_t>(layout_.prefix.size());
  }
  PrefixReader prefix_reader() const {
    int fd = fd_;
    return [fd](size_t size) { return read_at(fd, 0, size); };
  }

  // A fed chunk goes back to the workers with its buffers' capacity: a fresh megabyte of records
  // and text per 256 KiB chunk cost a page fault every 4 KiB (about 130,000 at 10^6 events, a
  // fifth of a second of system time) and the copies of a growing vector.
  void recycle(std::unique_ptr<Chunk> chunk) {
    chunk->records.clear();
    chunk->text.clear();
    chunk->failure.reset();
    chunk->clean = chunk->encoding_clean = chunk->done = false;
    chunk->end_line = 0;
    std::lock_guard<std::mutex> lock(mutex_);
    spare_.push_back(std::move(chunk));
  }

  // The next chunk of the file, planned and queued, or null when the file is all planned, the
  // window is full or the work stops. Under mutex_.
  Chunk* plan_chunk() {
    if (stop_ || planned_ == size_ || chunks_.size() >= window_) return nullptr;
    std::unique_ptr<Chunk> chunk;
    if (spare_.empty()) {
      chunk = std::make_unique<Chunk>();
    } else {
      chunk = std::move(spare_.back());
      spare_.pop_back();
    }
    chunk->first = planned_ == 0;
    chunk->begin = planned_;
    // The first cut comes after the first item's start, whatever the chunk size.
    uint64_t from = std::max<uint64_t>(planned_ + chunk_bytes_, layout_.prefix.size() + 1);
    chunk->end = from >= size_ ? size_ : find_cut(fd_, size_, layout_, from);
    chunk->last = chunk->end == size_;
    planned_ = chunk->end;
    Chunk* c = chunk.get();
    chunks_.push_back(std::move(chunk));
    return c;
  }

  void work() {
    std::string input;  // reused from chunk to chunk (its capacity)
    for (;;) {
      Chunk* c = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        auto t0 = std::chrono::steady_clock::now();
        changed_.wait(lock, [&] { return stop_ || planned_ == size_ || chunks_.size() < window_; });
        worker_wait_ += std::chrono::steady_clock::now() - t0;
        c = plan_chunk();
        if (!c) return;
      }
      parse_chunk(fd_, size_, layout_, *c, input);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        c->done = true;
      }
      changed_.notify_all();
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (auto& t : workers_)
      if (t.joinable()) t.join();
  }

  // The rest of the file from `begin` (a proven cut) by one parser over PREFIX + REST, fed to the
  // builder as it is parsed.
  void read_rest(EventBuilder& builder, uint64_t begin, int64_t shift, bool first) {
    struct Input {
      int fd;
      std::string prefix;
      size_t prefix_used = 0;
      uint64_t at;
    } input{fd_, first ? std::string() : layout_.prefix, 0, begin};
    Parser parser = make_parser();
    yaml_parser_set_input(
        parser.get(),
        [](void* data, unsigned char* buffer, size_t size, size_t* size_read) -> int {
          auto& in = *static_cast<Input*>(data);
          if (in.prefix_used < in.prefix.size()) {
            size_t n = std::min(size, in.prefix.size() - in.prefix_used);
            std::memcpy(buffer, in.prefix.data() + in.prefix_used, n);
            in.prefix_used += n;
            *size_read = n;
            return 1;
          }
          // Up to the next multiple of the read block, as the single parser reads the file.
          size = static_cast<size_t>(std::min<uint64_t>(size, (in.at / kReadBlock + 1) * kReadBlock - in.at));
          ssize_t n;
          do n = ::pread(in.fd, buffer, size, static_cast<off_t>(in.at));
          while (n < 0 && errno == EINTR);
          if (n < 0) return 0;
          in.at += static_cast<uint64_t>(n);
          *size_read = static_cast<size_t>(n);
          return 1;
        },
        &input);
    Classifier sorter(layout_, first, true);
    std::string text;
    for (;;) {
      yaml_event_t e;
      if (!yaml_parser_parse(parser.get(), &e)) {
        int64_t offset = first ? 0 : static_cast<int64_t>(begin) - static_cast<int64_t>(layout_.prefix.size());
        report(failure_of(*parser), builder, prefix_reader(), shift, offset);
        return;
      }
      bool keep = sorter.take(e);
      text.clear();
      Record r = record(e, text);
      yaml_event_delete(&e);
      if (keep && !dispatch(r, text, builder, shift)) return;
    }
  }

  int fd_;
  uint64_t size_;
  const Layout& layout_;
  size_t chunk_bytes_;
  std::atomic<uint64_t>* position_;
  ParallelStats& stats_;
  // Chunks planned but not yet fed, at most (bounds the memory: about 0.8 MB a chunk, records
  // and text). Eight per thread (at most 32, unless there are more threads than that, for a
  // bounded memory on a large machine): on two cores the builder and two parsers share the cores, and
  // with two per thread a parser slowed down by the others held up the builder while the other
  // parser, a few chunks ahead, waited for room (measured at 10^6 events: 0.2 s of the builder's
  // and 0.7 s of the parsers' time spent waiting; 1.32 -> 1.2 s wall, 47 -> 51 MiB).
  size_t window_;
  std::chrono::steady_clock::duration builder_wait_{}, worker_wait_{};  // (under mutex_)
  size_t builder_parsed_ = 0;  // chunks the builder's thread parsed itself (under mutex_)
  std::string builder_input_;  // the builder's thread's parse buffer (parse_chunk's `input`)
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Chunk>> chunks_;
  std::vector<std::unique_ptr<Chunk>> spare_;  // fed chunks, cleared, for reuse (recycle)
  uint64_t planned_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

bool read_with_libyaml_parallel(int fd, uint64_t size, EventBuilder& builder, unsigned threads, size_t chunk_bytes,
                                std::atomic<uint64_t>* position, ParallelStats* stats) {
  if (!PACTUM_READER_THREAD || threads < 2 || size == 0) return false;  // a build without threads: one parser
  std::optional<Layout> layout = find_layout(fd, size);
  if (!layout) return false;
  ParallelStats ignored;
  ParallelRead read(fd, size, *layout, threads, chunk_bytes, position, stats ? *stats : ignored);
  read.feed(builder);
  return true;
}

}  // namespace pactum::log
