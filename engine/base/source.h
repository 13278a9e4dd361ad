// Source files and locations. Every diagnostic and finding points into a file registered here,
// so one report can show a line of the agreement and a line of a log side by side.
#pragma once
#include <cstdint>
#include <memory>
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
// A file's source lines come from what was read, never from opening its name again (which could
// block on a FIFO, read /dev/zero forever, or find another file by then): its kept text, or, for
// a large regular file streamed from disk, the same open file descriptor (pread).
class SourceManager {
 public:
  // Registers a file whose full text is kept (agreements, standard input, pipes, tests).
  uint32_t add_text(std::string name, std::string text);
  // Registers a file by name only (one that could not be read): it has no lines.
  uint32_t add_path(std::string name);
  // Registers a regular file streamed from the open descriptor `fd`, which it now owns.
  uint32_t add_open_file(std::string name, int fd);

  // Replaces the kept text of a file registered with add_text (a pipe read while parsed).
  void set_text(uint32_t file, std::string text) {
    files_.at(file).text = std::move(text);
    index_lines(files_.at(file));
  }
  // Gives a file registered with add_text the open descriptor `fd` (which it now owns) in place
  // of a kept text: a pipe's text spilled to a temporary file (log/spill_file.h).
  void set_open_file(uint32_t file, int fd);
  // Forgets the files registered after the first `count` (closing their descriptors): a
  // streamed check that starts over reads its logs again.
  void truncate(size_t count) {
    if (count < files_.size()) files_.resize(count);
  }

  const std::string& name(uint32_t file) const { return files_.at(file).name; }
  size_t size() const { return files_.size(); }
  // The kept text of a file registered with add_text.
  std::optional<std::string_view> text(uint32_t file) const;
  // The whole text of a file: its kept text, or read from its open descriptor; nullopt when it
  // has neither or the descriptor cannot be read.
  std::optional<std::string> contents(uint32_t file) const;
  // The text of line `line` (1-based) without its line break, or nullopt when unavailable (no
  // such line, no text, or a line longer than kMaxLineBytes).
  std::optional<std::string> line(uint32_t file, uint32_t line) const;

  static constexpr size_t kMaxLineBytes = size_t{16} << 20;

 private:
  struct Descriptor {
    int fd = -1;
    ~Descriptor();
  };
  struct File {
    std::string name;
    std::optional<std::string> text;    // kept text
    std::shared_ptr<Descriptor> open;   // else: the open regular file
    std::vector<size_t> marks;          // of a kept text: where lines 1, 1 + kLinesPerMark, ... start
  };
  // 16: a text report of 70,000 findings shows a rule's line with each, and reading 32 lines on
  // average to find it was a tenth of rendering; the marks cost half a byte per line of text.
  static constexpr uint32_t kLinesPerMark = 16;
  static void index_lines(File& f);
  std::vector<File> files_;
};

// Whether the open file `fd` is one of the kernel's process or system files (under /proc or
// /sys; not a pipe reached through /dev/fd, which resolves to the pipe). A path that leads there
// is refused as an input: a committed symbolic link `log.yaml -> /proc/self/environ` would
// otherwise be read, and the first line of an error would quote the environment into a CI log.
bool is_kernel_file(int fd);
constexpr const char* kKernelFileError = "it leads to a process or kernel file (under /proc or /sys), not an input";

// Reads a whole file of any kind (regular, pipe, device) into `out`, at most `limit` bytes,
// opening it once. False with `error` set when it cannot be opened or read ("No such file or
// directory", "Is a directory") or holds more than `limit` bytes ("larger than 2 MiB").
bool read_file(const std::string& path, std::string& out, size_t limit, std::string& error);

// "2 MiB", "256 MiB", "1 GiB": a byte count as the limits are written.
std::string byte_size_text(size_t bytes);

// The size limit of inputs read whole into memory that people write: agreements and rule-test
// files (docs/security.md, limits). Real ones are kilobytes; reading, parsing and linting take
// about 175 bytes of memory per byte of agreement (425 for the worst shape measured, a condition
// listing a million values), so this also bounds memory (under 900 MB).
constexpr size_t kMaxAgreementBytes = size_t{2} << 20;

}  // namespace pactum
