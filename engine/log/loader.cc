#include "engine/log/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "engine/log/event_builder.h"
#include "engine/log/readers.h"

namespace pactum::log {

namespace {

bool read_stdin(std::string& out) {
  out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  return !std::cin.bad();
}

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

}  // namespace

bool load_log(const std::string& path, SourceManager& sources, EventLog& log, Diagnostics& diags,
              const LoadOptions& options) {
  if (path == "-") {
    // Standard input cannot be re-read for caret lines: its text is kept.
    std::string text;
    bool ok = read_stdin(text);
    uint32_t file = sources.add_text("<stdin>", text);
    EventBuilder builder(log, diags, sources, file, options);
    if (!ok)
      builder.file_error("cannot read the log from standard input");
    else if (options.backend == Backend::YamlCpp)
      read_with_yamlcpp(text, builder);
    else
      read_with_libyaml(text, builder);
    return builder.finish();
  }

  // Files are not kept in memory: a diagnostic re-reads the one line it shows.
  uint32_t file = sources.add_path(path);
  EventBuilder builder(log, diags, sources, file, options);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    builder.file_error(cannot_read(path, EISDIR));
    return builder.finish();
  }
  if (options.backend == Backend::YamlCpp) {
    std::string text;
    if (!read_file(path, text))
      builder.file_error(cannot_read(path, errno ? errno : EIO));
    else
      read_with_yamlcpp(text, builder);
    return builder.finish();
  }
  if (uintmax_t bytes = std::filesystem::file_size(path, ec); !ec) reserve_for(log, bytes);
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (!in) {
    builder.file_error(cannot_read(path, errno));
    return builder.finish();
  }
  read_with_libyaml(in, builder);
  std::fclose(in);
  return builder.finish();
}

}  // namespace pactum::log
