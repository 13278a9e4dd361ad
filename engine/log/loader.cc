#include "engine/log/loader.h"

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
