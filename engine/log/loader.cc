#include "engine/log/loader.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "engine/log/event_builder.h"
#include "engine/log/readers.h"
#include "engine/log/spill_file.h"
#include "engine/log/yaml_errors.h"

namespace pactum::log {

namespace {

std::string cannot_read(const std::string& path, int err) {
  return fmt::format("cannot read log `{}`: {}", path, std::strerror(err));
}

// Room for the events of a log of `bytes` bytes, so that the arrays do not grow by doubling
// (each doubling copies everything and briefly holds both copies: the peak memory of a large
// log). The estimate errs high; reserved pages that are never written cost no memory.
void reserve_for(EventLog& log, uintmax_t bytes) {
  if (bytes < (1u << 20)) return;
  auto grow = [](auto& v, uintmax_t more) {
    size_t needed = v.size() + static_cast<size_t>(more);
    if (needed > v.capacity()) v.reserve(std::max(needed, v.capacity() + v.capacity() / 2));
  };
  grow(log.events, bytes / 64);      // an event of four short fields takes ~60 bytes of YAML
  grow(log.attributes, bytes / 32);  // an attribute, `    key: value`, ~16 or more
}

std::string too_large(const std::string& name) {
  return fmt::format("the log `{}` is larger than {} (the limit for a log read from a pipe, a device or standard "
                     "input; a regular file has none)",
                     name, byte_size_text(kMaxStreamLogBytes));
}

enum class StreamEnd { Complete, Garbage, TooLarge, Failed };

// Reads a pipe, a device or a terminal to its end, at most kMaxStreamLogBytes. Reading also
// stops at the first bytes that are not UTF-8 text (checked block by block): the parse fails
// there anyway, so /dev/zero or /dev/urandom cost one block, not the limit.
StreamEnd read_stream(int fd, std::string& text) {
  char block[1 << 16];
  size_t checked = 0;
  bool decoded_by_parser = false;  // UTF-16/32 with a byte order mark: the parsers decode it
  for (;;) {
    ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return StreamEnd::Failed;
    if (n == 0) return StreamEnd::Complete;
    if (text.size() + static_cast<size_t>(n) > kMaxStreamLogBytes) return StreamEnd::TooLarge;
    text.append(block, static_cast<size_t>(n));
    if (checked == 0 && text.size() >= 4)
      decoded_by_parser = (text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF') ||
                          text.compare(0, 4, std::string("\0\0\xFE\xFF", 4)) == 0;
    if (decoded_by_parser) continue;
    // Up to a character boundary a few bytes short of the end (a block may split a sequence).
    size_t end = text.size() >= 4 ? text.size() - 4 : 0;
    while (end > checked && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (end <= checked) continue;
    if (find_encoding_problem(std::string_view(text).substr(checked, end - checked))) return StreamEnd::Garbage;
    checked = end;
  }
}

// Parses a log whose text is kept in `sources` (file `file`).
void parse_kept(const SourceManager& sources, uint32_t file, EventBuilder& builder, Backend backend, bool threaded) {
  std::string_view text = *sources.text(file);
  if (backend == Backend::YamlCpp) read_with_yamlcpp(text, builder);
  else read_with_libyaml(text, builder, threaded);
}

// A streamed check reads standard input or a pipe while parsing it: any size, the text kept
// (for caret lines, and to parse it again should the check start over) up to
// kMaxStreamLogBytes, cut at a line end beyond that; kept in an unnamed temporary file when one
// can be made (spill_file.h), so that it does not take memory.
bool read_piped(int fd, const std::string& name, SourceManager& sources, EventLog& log, Diagnostics& diags,
                const LoadOptions& options) {
  uint32_t file = sources.add_text(name, std::string());
  EventBuilder builder(log, diags, sources, file, options);
  SpilledText kept;
  bool complete = true, failed = false;
  ByteSource read = [&](char* buffer, size_t size) -> size_t {
    for (;;) {
      ssize_t n = ::read(fd, buffer, size);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        failed = true;
        return 0;
      }
      if (complete && kept.size() + static_cast<size_t>(n) <= kMaxStreamLogBytes) {
        kept.append(std::string_view(buffer, static_cast<size_t>(n)));
      } else if (complete) {
        complete = false;
        if (!options.streaming || !options.streaming()) return 0;  // too large to load: reading ends here
        kept.append(std::string_view(buffer, std::min(static_cast<size_t>(n), kMaxStreamLogBytes - kept.size())));
        kept.truncate(kept.line_end());  // whole lines only
      }
      return static_cast<size_t>(n);
    }
  };
  builder.on_line_lookup([&](uint32_t wanted) -> std::optional<std::string> {
    // The text read so far (the parser reads ahead of the error): line `wanted`, or its start.
    std::string text = kept.prefix(kept.size());
    size_t start = 0;
    for (uint32_t line = 1; line < wanted; ++line) {
      start = text.find('\n', start);
      if (start == std::string::npos) return std::nullopt;
      ++start;
    }
    size_t end = text.find('\n', start);
    std::string found = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!found.empty() && found.back() == '\r') found.pop_back();
    return found;
  });
  read_with_libyaml(read, [&](size_t size) { return kept.prefix(size); }, builder, options.threads > 1);
  ::close(fd);
  if (failed) builder.file_error(name == "<stdin>" ? "cannot read the log from standard input" : cannot_read(name, EIO));
  if (kept.lost()) complete = false;
  if (kept.spilled()) sources.set_open_file(file, kept.release_file());
  else sources.set_text(file, kept.release_text());
  if (options.piped) options.piped->push_back(LoadOptions::PipedLog{file, complete});
  return builder.finish();
}

}  // namespace

bool load_log(const std::string& path, SourceManager& sources, EventLog& log, Diagnostics& diags,
              const LoadOptions& options) {
  bool stdin_log = path == "-";
  std::string name = stdin_log ? "<stdin>" : path;
  if (options.replay) {
    // Standard input or a pipe read once already by a streamed check that starts over: its kept
    // text (never opened again: a FIFO would wait for another writer).
    auto it = std::find_if(options.replay->begin(), options.replay->end(),
                           [&](const auto& kept) { return kept.first == name; });
    if (it != options.replay->end()) {
      std::optional<std::string> text = std::move(it->second);
      options.replay->erase(it);
      uint32_t file = sources.add_text(name, text ? std::move(*text) : std::string());
      EventBuilder builder(log, diags, sources, file, options);
      if (text) parse_kept(sources, file, builder, options.backend, options.threads > 1);
      else builder.file_error(too_large(name));
      return builder.finish();
    }
  }
  // The input is opened once; its lines for diagnostics come from what was read (the kept text,
  // or this descriptor for a regular file), never from opening the name again.
  int fd;
  if (stdin_log) fd = ::fcntl(0, F_DUPFD_CLOEXEC, 0);
  else do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
  struct stat st {};
  int err = fd < 0 ? errno : ::fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
  bool kernel = !err && !stdin_log && is_kernel_file(fd);
  if (err || kernel) {
    if (fd >= 0) ::close(fd);
    uint32_t file = sources.add_path(name);
    EventBuilder builder(log, diags, sources, file, options);
    builder.file_error(stdin_log ? "cannot read the log from standard input"
                       : kernel  ? fmt::format("cannot read log `{}`: {}", path, kKernelFileError)
                                 : cannot_read(path, err));
    return builder.finish();
  }

  bool piped = !S_ISREG(st.st_mode) || stdin_log;
  if (piped && options.on_event && options.backend == Backend::Libyaml) return read_piped(fd, name, sources, log, diags, options);

  if (!S_ISREG(st.st_mode)) {
    // A pipe, a device, a terminal: read to the end (or the limit) and keep the text.
    std::string text;
    StreamEnd end = read_stream(fd, text);
    ::close(fd);
    uint32_t file = sources.add_text(name, std::move(text));
    EventBuilder builder(log, diags, sources, file, options);
    if (end == StreamEnd::Failed)
      builder.file_error(stdin_log ? "cannot read the log from standard input" : cannot_read(path, EIO));
    else if (end == StreamEnd::TooLarge)
      builder.file_error(too_large(name));
    else
      parse_kept(sources, file, builder, options.backend, options.threads > 1);
    return builder.finish();
  }

  if (options.backend == Backend::YamlCpp) {
    // yaml-cpp needs the whole text: read it through this descriptor and keep it.
    std::string text;
    if (st.st_size > 0) text.reserve(static_cast<size_t>(st.st_size));
    char block[1 << 16];
    ssize_t n = 0;
    while ((n = ::read(fd, block, sizeof block)) != 0) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      text.append(block, static_cast<size_t>(n));
    }
    int read_error = n < 0 ? errno : 0;
    ::close(fd);
    uint32_t file = sources.add_text(name, std::move(text));
    EventBuilder builder(log, diags, sources, file, options);
    if (read_error) builder.file_error(cannot_read(path, read_error));
    else parse_kept(sources, file, builder, options.backend, options.threads > 1);
    return builder.finish();
  }

  // A regular file, streamed by libyaml (logs can be gigabytes: they are not kept in memory).
  reserve_for(log, static_cast<uintmax_t>(st.st_size));
  uint32_t file = sources.add_open_file(name, fd);
  EventBuilder builder(log, diags, sources, file, options);
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (options.threads > 1 && size >= 2 * static_cast<uint64_t>(options.chunk_bytes)) {
    // Large enough to be cut: parsed on several threads, when its layout allows (else below).
    std::atomic<uint64_t> position{0};
    if (options.progress)
      builder.on_progress([&](size_t events) { options.progress(position.load(std::memory_order_relaxed), events); });
    if (read_with_libyaml_parallel(fd, size, builder, options.threads, options.chunk_bytes, &position)) {
      bool ok = builder.finish();
      if (options.progress) options.progress(size, log.count());
      return ok;
    }
  }
  int stream_fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  std::FILE* in = stream_fd < 0 ? nullptr : ::fdopen(stream_fd, "rb");
  if (!in) {
    if (stream_fd >= 0) ::close(stream_fd);
    builder.file_error(cannot_read(path, errno));
    return builder.finish();
  }
  if (options.progress)  // the stream's descriptor shares its file offset with `fd`
    builder.on_progress([&](size_t events) { options.progress(static_cast<uint64_t>(std::max<off_t>(::lseek(fd, 0, SEEK_CUR), 0)), events); });
  read_with_libyaml(in, builder, options.threads > 1);
  std::fclose(in);
  bool ok = builder.finish();
  if (options.progress) options.progress(static_cast<uint64_t>(st.st_size), log.count());
  return ok;
}

}  // namespace pactum::log
