// The parallel reader (issue 17, engine/log/parallel_reader.cc): a log cut into chunks parsed on
// several threads gives exactly what one parser gives (every event field, every diagnostic), on
// the table cases, every log of the repository's corpora and generated logs with every construct
// that could straddle a cut; chunks as small as one byte, so that every item is a chunk.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "engine/log/event_builder.h"
#include "engine/log/readers.h"
#include "log_cases.h"
#include "log_test_util.h"

using namespace pactum;
using namespace pactum::log;
using namespace pactum::log::testing;
namespace fs = std::filesystem;

namespace {

LoadOptions with_threads(unsigned threads, size_t chunk_bytes) {
  LoadOptions o = test_options();
  o.threads = threads;
  o.chunk_bytes = chunk_bytes;
  return o;
}

// One parser on this thread (no thread at all) against 2 threads (one worker, the builder's thread
// parsing what the worker has not started: two cores' default) and 4, with chunks of these sizes.
void compare_threads(const std::string& name, const std::string& text) {
  Loaded single = load_text(text, with_threads(1, 1 << 20));
  for (unsigned threads : {2u, 4u}) {
    for (size_t chunk : {size_t{1}, size_t{37}, size_t{700}}) {
      Loaded parallel = load_text(text, with_threads(threads, chunk));
      INFO("input: " << name << ", " << threads << " threads, chunks of " << chunk << " bytes\nsingle diagnostics:\n"
                     << single.diagnostics.substr(0, 2000) << "parallel diagnostics:\n"
                     << parallel.diagnostics.substr(0, 2000));
      CHECK(parallel.ok == single.ok);
      CHECK(parallel.events == single.events);
      CHECK(parallel.diagnostics == single.diagnostics);
    }
  }
}

// How read_with_libyaml_parallel read `text` (null: it did not cut it).
std::optional<ParallelStats> parallel_stats(const std::string& text, size_t chunk) {
  auto path = scratch_dir() / "stats.yaml";
  std::ofstream(path, std::ios::binary) << text;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  SourceManager sources;
  uint32_t file = sources.add_open_file(path.string(), fd);
  EventLog log;
  Diagnostics diags;
  LoadOptions options = test_options();
  EventBuilder builder(log, diags, sources, file, options);
  ParallelStats stats;
  bool cut = read_with_libyaml_parallel(fd, text.size(), builder, 4, chunk, nullptr, &stats);
  builder.finish();
  if (!cut) return std::nullopt;
  return stats;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A log of `n` items in `shape` ("container", "list", "stream"), each with constructs that a cut
// must not break: block scalars whose lines look like items, a flow mapping over several lines,
// comments, an anchor used by a later item, multi-line quoted scalars, text beyond ASCII.
// With `errors`, an unknown party every fifth item and a mapping as an attribute every sixth.
std::string tricky_log(const std::string& shape, int n, const std::string& newline = "\n", bool errors = true) {
  std::string first = shape == "container" ? "  - " : shape == "list" ? "- " : "";
  std::string rest = shape == "container" ? "    " : shape == "list" ? "  " : "";
  std::string out = shape == "container" ? "agreement: Case # the header\ntimezone: UTC\nevents:\n" : "";
  for (int i = 0; i < n; ++i) {
    std::string ev;
    if (shape == "stream") ev += i % 3 == 0 ? "--- # document\n" : "---\n";
    ev += first + "id: E-" + std::to_string(i) + "\n";
    ev += rest + "at: 2026-01-05T10:" + std::to_string(10 + i % 50) + ":00Z\n";
    ev += rest + "type: " + (i % 2 ? "notice" : "call") + "\n";
    ev += rest + "by: " + (errors && i % 5 == 4 ? "Zed" : "Acme") + "\n";
    switch (i % 6) {
      case 0: ev += rest + "note: |\n" + rest + "  - id: not an item\n" + rest + "  ---\n" + rest + "  text\n"; break;
      case 1: ev += rest + "note: >2\n" + rest + "   - folded\n" + rest + "   more\n"; break;
      case 2:
        ev += errors ? rest + "tags: {a: 1,\n" + rest + "  b: [x,\n" + rest + "  y]}\n" : rest + "tags: [x,\n" + rest + "  y]\n";
        break;
      case 3: ev += rest + "site: &s" + std::to_string(i) + " \"Site\n" + rest + "  - north\"\n"; break;
      case 4:  // an alias of the item before (in a stream, anchors end with their document)
        ev += shape == "stream" ? "site: &t x\nagain: *t\n" : rest + "site: *s" + std::to_string(i - 1) + "\n";
        ev += "# a comment at column 0\n";
        break;
      case 5: ev += rest + "city: Zürich — 東京\n" + rest + "list:\n" + rest + "  - a\n" + rest + "  - b\n"; break;
    }
    out += ev;
  }
  if (newline != "\n")
    for (size_t at = 0; (at = out.find('\n', at)) != std::string::npos; at += newline.size())
      out.replace(at, 1, newline);
  return out;
}

}  // namespace

TEST_CASE("parallel reader: table cases give what one parser gives") {
  for (const auto& c : good_cases()) compare_threads(c.name, c.yaml);
  for (const auto& c : error_cases()) compare_threads(c.name, c.yaml);
}

TEST_CASE("parallel reader: every log of the repository gives what one parser gives") {
  std::vector<fs::path> files;
  auto root = fs::path(PACTUM_SOURCE_DIR);
  for (const char* dir : {"tests/data/logs", "tests/conformance/cases", "tests/bad-input/cases", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(root / dir))
      if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 150);
  for (const auto& path : files) {
    std::string text = slurp(path);
    if (text.size() > (4 << 20)) continue;  // the contact-center log: compared by tests/cli/threads_differential.py
    compare_threads(fs::relative(path, root).string(), text);
  }
}

TEST_CASE("parallel reader: generated logs of each shape are cut, and give what one parser gives") {
  for (const char* shape : {"container", "list", "stream"}) {
    std::string text = tricky_log(shape, 60);
    compare_threads(std::string("tricky ") + shape, text);
    compare_threads(std::string("tricky ") + shape + " with CRLF", tricky_log(shape, 60, "\r\n"));
    auto stats = parallel_stats(tricky_log(shape, 60, "\n", false), 200);
    INFO(shape);
    REQUIRE(stats);
    CHECK(stats->chunks > 10);  // really cut, every chunk counted
    CHECK_FALSE(stats->rest_read);
  }
}

TEST_CASE("parallel reader: what cannot be cut safely is read by one parser, with the same result") {
  std::string items = tricky_log("container", 30);
  std::string after = items.substr(items.find("  - "));  // the items without the header
  const std::pair<const char*, std::string> cases[] = {
      // A quoted scalar left open over later items: the chunk before a cut ends in an error.
      {"unclosed quote", items + "  - id: Q\n    note: \"open\n  - id: R\n    at: 2026-01-05T10:00:00Z\n" + after},
      // A flow sequence over lines that look like items.
      {"flow over items", items + "  - [a,\n  - b,\n  - c]\n" + after},
      // Keys after the sequence, and a second document.
      {"keys after events", items + "timezone: America/New_York\n"},
      {"second document", items + "---\nevents:\n  - {id: X, at: 2026-01-05T10:00:00Z, type: call}\n"},
      // Items at another column further on.
      {"other column", items + "   - id: deeper\n"},
      // A tab, a directive, a document end marker.
      {"tab", items + "\t- id: T\n" + after},
      {"document end", items + "...\n" + after},
  };
  for (const auto& [name, text] : cases) compare_threads(name, text);
}

TEST_CASE("parallel reader: a byte libyaml refuses gives the single parser's errors, wherever it is") {
  // libyaml's reader decodes 16 KiB at a time and fails at once: the single parser stops before
  // items it has not finished, whose errors (here an unknown party every 1,500 bytes before the
  // refused byte) are then not reported; the parallel reader must stop at the same item.
  std::string items = tricky_log("container", 450, "\n", false);
  REQUIRE(items.size() > 50000);
  for (size_t at : {size_t{300}, size_t{5000}, size_t{16380}, size_t{16390}, size_t{20000}, size_t{33000}, size_t{40000}, size_t{49000}}) {
    for (const char* bad : {" \xff", " \x01"}) {  // invalid UTF-8, a control character
      std::string text = items;
      for (size_t from = at > 20000 ? at - 20000 : 0; from + 1500 < at; from += 1500) {
        size_t by = text.find("by: Acme", from);
        text.replace(by, 8, "by: Zed");
      }
      size_t line = text.find("\n    type:", at);
      REQUIRE(line != std::string::npos);
      text.insert(line, bad);  // at the end of a line
      compare_threads("refused byte near " + std::to_string(at), text);
    }
  }
}

TEST_CASE("parallel reader: layouts that are not cut") {
  CHECK_FALSE(parallel_stats("events: [{id: A, at: 2026-01-05T10:00:00Z, type: call}]\n", 1));  // flow sequence
  CHECK_FALSE(parallel_stats(std::string("\xff\xfe" "e\0v\0", 6), 1));                                 // UTF-16
  CHECK_FALSE(parallel_stats("agreement: Case\r\nevents:\r\n  - {id: A}\r\n", 1));                // CR before the items
}
