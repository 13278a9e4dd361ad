// Output files (`-o FILE`, `fmt -w`): one function decides how a path is written
// (docs/security.md, "Output files"):
//   - a symbolic link is followed: its target is written (created if missing), the link stays;
//   - a regular file (or a new one) is replaced atomically: a temporary file beside it, fsync,
//     rename; it keeps the mode (and, where permitted, the owner) of the file it replaces, and a
//     new file gets 0666 less the umask, as any program's output;
//   - anything else that can be written (a FIFO, a character device such as /dev/null or a
//     terminal) is opened and written directly: never replaced by a regular file;
//   - a directory is an error.
// OutputFile (output_file.h) does it piece by piece, for reports streamed as they are rendered;
// write_output writes one text through it.
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/app/commands.h"
#include "engine/app/output_file.h"
#include "engine/base/background_close.h"

namespace pactum::app {

namespace {

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return path.substr(0, slash + 1);  // with its slash ("/" for a file in the root)
}

// Follows symbolic links (at most 40, as the kernel does) to the path that is finally written;
// a dangling link gives the missing target.
bool resolve_links(std::string& path, std::string& error) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return true;
    std::string target(PATH_MAX, '\0');
    ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) {
      error = std::strerror(errno);
      return false;
    }
    target.resize(static_cast<size_t>(n));
    path = !target.empty() && target[0] == '/' ? target : folder_of(path) + target;
  }
  error = std::strerror(ELOOP);
  return false;
}

// The temporary file's name: TARGET.pactum-tmp-XXXXXX beside the target, the target's name cut
// (at a character boundary) so that the whole stays within NAME_MAX.
std::string temporary_name(const std::string& path) {
  std::string folder = folder_of(path);
  std::string base = path.substr(folder.size());
  const std::string suffix = ".pactum-tmp-XXXXXX";
  size_t room = NAME_MAX > suffix.size() ? NAME_MAX - suffix.size() : 0;
  if (base.size() > room) {
    size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
    base.resize(cut);
  }
  return folder + base + suffix;
}

mode_t creation_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

constexpr size_t kBufferSize = size_t{1} << 16;

}  // namespace

FdStreamBuf::FdStreamBuf(int fd, bool will_sync) : fd_(fd), buffer_(new char[kBufferSize]), will_sync_(will_sync) {
  setp(buffer_.get(), buffer_.get() + kBufferSize);
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  if (will_sync_) sync_ = std::make_unique<BackgroundSync>(fd_);
#endif
}

void FdStreamBuf::start_writeback() {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  constexpr uint64_t kWritebackBytes = uint64_t{4} << 20;
  if (!sync_ || written_ - writeback_ < kWritebackBytes) return;
  // Asynchronous: returns once the writes are queued (a file system that cannot do it loses
  // nothing: fsync writes what is left). The helper's fdatasync then also waits for the disk.
  (void)::sync_file_range(fd_, static_cast<off_t>(writeback_), static_cast<off_t>(written_ - writeback_),
                          SYNC_FILE_RANGE_WRITE);
  writeback_ = written_;
  sync_->request();
#endif
}

int FdStreamBuf::finish_background_sync() {
  if (!sync_) return 0;
  sync_->finish();
  return sync_->error();
}

bool FdStreamBuf::write_all(const char* p, size_t left) {
  while (left > 0 && !error_) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
    written_ += static_cast<uint64_t>(n);
  }
  start_writeback();
  return !error_;
}

bool FdStreamBuf::drain() {
  bool ok = write_all(pbase(), static_cast<size_t>(pptr() - pbase()));
  setp(buffer_.get(), buffer_.get() + kBufferSize);
  return ok;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type ch) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize FdStreamBuf::xsputn(const char* s, std::streamsize n) {
  size_t size = static_cast<size_t>(n);
  if (size <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  if (!drain()) return 0;
  if (size < kBufferSize) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  return write_all(s, size) ? n : 0;
}

int FdStreamBuf::sync() { return drain() ? 0 : -1; }

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
  stream_.reset();
  buf_.reset();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

bool OutputFile::open(const std::string& requested, std::string& error) {
  struct stat st {};
  std::string path = requested;
  if (::stat(requested.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      error = std::strerror(errno);
      return false;
    }
    // Nothing there yet, or a link to nothing: the file is created where the links lead.
    if (!resolve_links(path, error)) return false;
  } else if (S_ISDIR(st.st_mode)) {
    error = std::strerror(EISDIR);
    return false;
  } else if (S_ISREG(st.st_mode)) {
    // Beside the file itself, every link on the way resolved.
    char* real = ::realpath(requested.c_str(), nullptr);
    if (!real) {
      error = std::strerror(errno);
      return false;
    }
    path = real;
    std::free(real);
    replaces_ = true;
    old_ = st;
  } else {
    // A FIFO, a device, a socket (also through a link such as /dev/stdout): written as it is.
    do fd_ = ::open(requested.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
      error = std::strerror(errno);
      return false;
    }
  }
  if (fd_ < 0) {
    std::string temp = temporary_name(path);
    fd_ = ::mkstemp(temp.data());
    if (fd_ < 0) {
      error = std::strerror(errno);
      return false;
    }
    temporary_ = temp;
    target_ = path;
  }
  buf_ = std::make_unique<FdStreamBuf>(fd_, !temporary_.empty());
  stream_ = std::make_unique<std::ostream>(buf_.get());
  return true;
}

bool OutputFile::complete(std::string& error) {
  if (completed_) return true;
  auto fail = [&](int err) {
    error = std::strerror(err);
    discard();
    return false;
  };
  stream_->flush();
  if (buf_->error()) return fail(buf_->error());
  if (!stream_->good()) return fail(EIO);
  if (int err = buf_->finish_background_sync()) return fail(err);
  if (!temporary_.empty()) {
    if (replaces_) {
      // The replaced file's owner (only root may give a file away; elsewhere this fails harmlessly
      // and the file is the writer's, as any rewritten file) and mode, set-id bits included.
      if (::fchown(fd_, old_.st_uid, old_.st_gid) != 0) errno = 0;
      if (::fchmod(fd_, old_.st_mode & 07777) != 0) return fail(errno);
    } else if (::fchmod(fd_, creation_mode()) != 0) {
      return fail(errno);
    }
    if (::fsync(fd_) != 0) return fail(errno);
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return fail(errno);
  completed_ = true;
  return true;
}

bool OutputFile::commit(std::string& error) {
  if (!complete(error)) return false;
  if (!temporary_.empty()) {
    // The file replaced stays open (a path reference: nothing is read, no FIFO waits) until after
    // the rename, so that freeing it (its blocks, its cached pages: 16-20 ms for 60 MB) happens
    // where its descriptor is closed, in the background (close_in_background), not in the rename.
    int replaced = -1;
#ifdef O_PATH
    if (replaces_) replaced = ::open(target_.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
#endif
    if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
      error = std::strerror(errno);
      if (replaced >= 0) ::close(replaced);
      discard();
      return false;
    }
    close_in_background(replaced);
    temporary_.clear();
  }
  stream_.reset();
  buf_.reset();
  return true;
}

bool write_output(const std::string& requested, const std::string& text, std::string& error) {
  OutputFile file;
  if (!file.open(requested, error)) return false;
  file.stream().write(text.data(), static_cast<std::streamsize>(text.size()));
  return file.commit(error);
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace pactum::app
