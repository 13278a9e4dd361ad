#include "engine/log/spill_file.h"

#include <cerrno>
#include <algorithm>
#include <cstdlib>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace pactum::log {

namespace {

// $TMPDIR when it is an absolute path, else /tmp (a relative one would depend on where pactum
// runs, which CI chooses).
std::string temporary_directory() {
  const char* dir = std::getenv("TMPDIR");
  if (dir && dir[0] == '/') return dir;
  return "/tmp";
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool read_at(int fd, char* out, size_t size, off_t offset) {
  while (size > 0) {
    ssize_t n = ::pread(fd, out, size, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n, size -= static_cast<size_t>(n), offset += n;
  }
  return true;
}

}  // namespace

int open_unnamed_temporary_file() {
  std::string dir = temporary_directory();
#ifdef O_TMPFILE
  int fd;
  do fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  while (fd < 0 && errno == EINTR);
  if (fd >= 0) return fd;
#endif
  // File systems without O_TMPFILE: a private name, unlinked at once.
  std::string name = dir + "/pactum-log-XXXXXX";
  int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named < 0) return -1;
  ::unlink(name.c_str());
  return named;
}

SpilledText::SpilledText() : fd_(open_unnamed_temporary_file()) {}

SpilledText::~SpilledText() {
  if (fd_ >= 0) ::close(fd_);
}

void SpilledText::append(std::string_view bytes) {
  if (lost_) return;
  if (fd_ >= 0 && !write_all(fd_, bytes)) back_to_memory();
  if (fd_ < 0) memory_.append(bytes);
  if (size_t nl = bytes.rfind('\n'); nl != std::string_view::npos) line_end_ = size_ + nl + 1;
  size_ += bytes.size();
}

void SpilledText::truncate(size_t size) {
  if (lost_ || size >= size_) return;
  if (fd_ >= 0) {
    if (::ftruncate(fd_, static_cast<off_t>(size)) != 0 || ::lseek(fd_, 0, SEEK_END) < 0) {
      size_ = size;  // what is beyond stays in the file, never read: only the first size_ bytes are the text
      line_end_ = std::min(line_end_, size);
      back_to_memory();
      return;
    }
  } else {
    memory_.resize(size);
    memory_.shrink_to_fit();
  }
  size_ = size;
  line_end_ = std::min(line_end_, size);
}

std::string SpilledText::prefix(size_t size) const {
  size = std::min(size, size_);
  if (lost_) return std::string();
  if (fd_ < 0) return memory_.substr(0, size);
  std::string text(size, '\0');
  if (!read_at(fd_, text.data(), size, 0)) return std::string();
  return text;
}

int SpilledText::release_file() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

// The file could not be written (the disk is full) or cut: what it holds comes back into
// memory, and the rest is kept there.
void SpilledText::back_to_memory() {
  int fd = fd_;
  fd_ = -1;
  std::string text(size_, '\0');
  bool ok = read_at(fd, text.data(), size_, 0);
  ::close(fd);
  // A file that cannot be read back either: the text is lost (caret lines missing rather than
  // wrong, and no second reading).
  if (ok) memory_ = std::move(text);
  else lost_ = true;
}

}  // namespace pactum::log
