// The two YAML backends. Each turns its parser's events into EventBuilder calls and reports
// its parser's errors through EventBuilder::syntax_error; neither builds a document tree.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "engine/log/event_builder.h"

namespace pactum::log {

// libyaml, streaming from an open file (read in large blocks) or from text in memory. `threaded`:
// libyaml parses on a second thread while this one builds; else both on this thread (no thread
// is started: `check --threads 1`, builds without threads).
void read_with_libyaml(std::FILE* in, EventBuilder& builder, bool threaded = true);
void read_with_libyaml(std::string_view text, EventBuilder& builder, bool threaded = true);

// libyaml reading from `read` (fills the buffer, returns the bytes read, 0 at the end or on a
// read error): a pipe read while it is parsed (a streamed check). `prefix` gives the text
// read so far, for the place of an encoding error.
using ByteSource = std::function<size_t(char* buffer, size_t size)>;
void read_with_libyaml(const ByteSource& read, const std::function<std::string(size_t)>& prefix, EventBuilder& builder,
                       bool threaded = true);

// One large regular file (descriptor `fd`, `size` bytes) parsed on `threads` threads at once
// (parallel_reader.cc): cut at the starts of its top-level items, each chunk of about
// `chunk_bytes` parsed by its own libyaml parser, the builder fed in file order exactly the calls
// a single parser gives. False, with nothing read, when the file's layout does not allow a cut
// that is provably safe: the caller then reads it with read_with_libyaml. `position` (if given)
// follows the bytes fed to the builder so far (progress).
// `stats` (tests): how the file was read.
struct ParallelStats {
  size_t chunks = 0;        // chunks fed to the builder from their own parser
  bool rest_read = false;   // a chunk did not count: the rest was read by one parser (read_rest)
};
bool read_with_libyaml_parallel(int fd, uint64_t size, EventBuilder& builder, unsigned threads, size_t chunk_bytes,
                                std::atomic<uint64_t>* position = nullptr, ParallelStats* stats = nullptr);

// Whether libyaml parses `text` without a syntax or encoding error (events are not looked at).
bool libyaml_accepts(std::string_view text);

// yaml-cpp's YAML::Parser with an EventHandler (never YAML::Load). Needs the whole text: its
// marks count bytes, and columns are reported in code points.
void read_with_yamlcpp(std::string_view text, EventBuilder& builder);

}  // namespace pactum::log
