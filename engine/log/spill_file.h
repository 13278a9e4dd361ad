#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pactum::log {

// The kept text of a log read from standard input or a pipe (for caret lines, and to parse it
// again should a streamed check start over), written to an unnamed temporary file rather than
// held in memory: a streamed check of a piped log then holds only what the rules need. The file
// is created in $TMPDIR (an absolute path) or /tmp, already unlinked (O_TMPFILE, else mkstemp
// and unlink), so nothing is left behind and no other process can open it by name. When no such
// file can be made or written (a read-only or full disk), the text is kept in memory instead,
// as before.
class SpilledText {
 public:
  SpilledText();
  ~SpilledText();
  SpilledText(const SpilledText&) = delete;
  SpilledText& operator=(const SpilledText&) = delete;

  void append(std::string_view bytes);
  size_t size() const { return size_; }
  // The size up to the end of the last whole line (0 before the first line break).
  size_t line_end() const { return line_end_; }
  // Drops the bytes after the first `size` (a cut at a line end).
  void truncate(size_t size);
  // The first `size` bytes.
  std::string prefix(size_t size) const;
  // Whether the text is in a temporary file (else in memory).
  bool spilled() const { return fd_ >= 0; }
  // Whether bytes were lost (a temporary file that could be neither written nor read back):
  // the text is then not kept at all, as for a log past the size limit.
  bool lost() const { return lost_; }
  // Hands over the file's descriptor (the caller owns it) or, when not spilled, the text.
  int release_file();
  std::string release_text() { return lost_ ? std::string() : std::move(memory_); }

 private:
  void back_to_memory();
  int fd_ = -1;
  size_t size_ = 0;
  size_t line_end_ = 0;
  bool lost_ = false;
  std::string memory_;
};

// An unnamed temporary file open for reading and writing, or -1.
int open_unnamed_temporary_file();

}  // namespace pactum::log
