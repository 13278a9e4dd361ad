// Source files and locations. Every diagnostic and finding points into a file registered here,
// so one report can show a line of the agreement and a line of a log side by side.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pactum {

// A place in a source file: 1-based line and column (columns count Unicode code points).
// line == 0 means "no location" (e.g. a problem with a whole file).
struct SourceLoc {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  bool valid() const { return line != 0; }
};

// Owns the names (and, when loaded, the texts) of every file pactum reads.
// Large logs are not kept in memory: their lines are re-read from disk only when a diagnostic
// needs to show one.
class SourceManager {
 public:
  // Registers a file whose full text is kept (agreements, standard input, tests).
  uint32_t add_text(std::string name, std::string text);
  // Registers a file by path; its text is read lazily when a line is requested.
  uint32_t add_path(std::string name);

  const std::string& name(uint32_t file) const { return files_.at(file).name; }
  size_t size() const { return files_.size(); }
  // The text of line `line` (1-based) without its line break, or nullopt when unavailable.
  std::optional<std::string> line(uint32_t file, uint32_t line) const;

 private:
  struct File {
    std::string name;
    std::optional<std::string> text;  // kept text; else read from `name` on demand
  };
  std::vector<File> files_;
};

// Reads a whole file into `out`; false (and errno kept) when it cannot be read.
bool read_file(const std::string& path, std::string& out);

}  // namespace pactum
