#include "engine/base/source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pactum {

SourceManager::Descriptor::~Descriptor() {
  if (fd >= 0) ::close(fd);
}

uint32_t SourceManager::add_text(std::string name, std::string text) {
  files_.push_back(File{std::move(name), std::move(text), nullptr, {}});
  index_lines(files_.back());
  return static_cast<uint32_t>(files_.size() - 1);
}

// Where every kLinesPerMark-th line starts, so that line() reads from the nearest mark: reading
// from the start of the text each time made 40,000 lint warnings on one agreement quadratic.
// Built when the text is set (reports render diagnostics on several threads: never lazily).
void SourceManager::index_lines(File& f) {
  f.marks.clear();
  if (!f.text) return;
  std::string_view text = *f.text;
  f.marks.push_back(0);  // line 1
  uint64_t line = 1;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1))
    if (++line % kLinesPerMark == 1) f.marks.push_back(nl + 1);
}

uint32_t SourceManager::add_path(std::string name) {
  files_.push_back(File{std::move(name), std::nullopt, nullptr, {}});
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t SourceManager::add_open_file(std::string name, int fd) {
  auto open = std::make_shared<Descriptor>();
  open->fd = fd;
  files_.push_back(File{std::move(name), std::nullopt, std::move(open), {}});
  return static_cast<uint32_t>(files_.size() - 1);
}

void SourceManager::set_open_file(uint32_t file, int fd) {
  auto open = std::make_shared<Descriptor>();
  open->fd = fd;
  File& f = files_.at(file);
  f.text.reset();
  f.marks.clear();
  f.open = std::move(open);
}

std::optional<std::string> SourceManager::contents(uint32_t file) const {
  if (file >= files_.size()) return std::nullopt;
  const File& f = files_[file];
  if (f.text) return *f.text;
  if (!f.open) return std::nullopt;
  std::string text;
  char block[1 << 16];
  for (off_t offset = 0;;) {
    ssize_t n = ::pread(f.open->fd, block, sizeof block, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) return text;
    text.append(block, static_cast<size_t>(n));
    offset += n;
  }
}

std::optional<std::string_view> SourceManager::text(uint32_t file) const {
  if (file >= files_.size() || !files_[file].text) return std::nullopt;
  return std::string_view(*files_[file].text);
}

namespace {

// Finds line `wanted` in text delivered block by block; `more(buffer)` points the view at the
// next block and returns false at the end. Lines end at \n; a \r before it is dropped.
template <typename More>
std::optional<std::string> find_line(uint32_t wanted, More&& more, uint32_t first = 1) {  // the text from line `first`
  std::string_view buffer;
  uint32_t line = first;
  std::string current;
  while (more(buffer)) {
    for (size_t pos = 0; pos < buffer.size();) {
      size_t nl = buffer.find('\n', pos);
      size_t end = nl == std::string::npos ? buffer.size() : nl;
      if (line == wanted) {
        if (current.size() + (end - pos) > SourceManager::kMaxLineBytes) return std::nullopt;
        current.append(buffer.substr(pos, end - pos));
      }
      if (nl == std::string::npos) break;
      if (line == wanted) {
        if (!current.empty() && current.back() == '\r') current.pop_back();
        return current;
      }
      ++line;
      pos = nl + 1;
    }
  }
  // The text after the last line break is a line only when it is not empty (as std::getline).
  if (line != wanted || current.empty()) return std::nullopt;
  if (current.back() == '\r') current.pop_back();
  return current;
}

}  // namespace

std::optional<std::string> SourceManager::line(uint32_t file, uint32_t wanted) const {
  if (file >= files_.size() || wanted == 0) return std::nullopt;
  const File& f = files_[file];
  if (f.text) {
    size_t mark = std::min<size_t>((wanted - 1) / kLinesPerMark, f.marks.size() - 1);
    std::string_view text = std::string_view(*f.text).substr(f.marks[mark]);
    bool given = false;
    return find_line(
        wanted,
        [&](std::string_view& buffer) {
          if (given) return false;
          given = true;
          buffer = text;
          return true;
        },
        static_cast<uint32_t>(mark * kLinesPerMark + 1));
  }
  if (!f.open) return std::nullopt;
  off_t offset = 0;
  int fd = f.open->fd;
  std::string block(1 << 16, '\0');
  return find_line(wanted, [&](std::string_view& buffer) {
    ssize_t n;
    do n = ::pread(fd, block.data(), block.size(), offset);
    while (n < 0 && errno == EINTR);
    if (n <= 0) return false;
    buffer = std::string_view(block.data(), static_cast<size_t>(n));
    offset += n;
    return true;
  });
}

bool is_kernel_file(int fd) {
  char link[64], target[256];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = ::readlink(link, target, sizeof target - 1);
  if (n <= 0) return false;  // no /proc mounted: nothing to refuse either
  std::string_view t(target, static_cast<size_t>(n));
  return t.substr(0, 6) == "/proc/" || t.substr(0, 5) == "/sys/";
}

bool read_file(const std::string& path, std::string& out, size_t limit, std::string& error) {
  int fd;
  do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  if (is_kernel_file(fd)) {
    ::close(fd);
    error = kKernelFileError;
    return false;
  }
  struct stat st {};
  // An open directory reads as an error on Linux, but say so plainly (`pactum check DIR log.yaml`).
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    error = std::strerror(EISDIR);
    return false;
  }
  std::string text;
  if (S_ISREG(st.st_mode) && st.st_size > 0) text.reserve(std::min<size_t>(static_cast<size_t>(st.st_size), limit) + 1);
  char block[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    if (text.size() + static_cast<size_t>(n) > limit) {  // /dev/zero stops here, not at the memory's end
      ::close(fd);
      error = "larger than " + byte_size_text(limit) + " (the limit)";
      return false;
    }
    text.append(block, static_cast<size_t>(n));
  }
  ::close(fd);
  out = std::move(text);
  return true;
}

std::string byte_size_text(size_t bytes) {
  if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (size_t{1} << 10) && bytes % (size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace pactum
