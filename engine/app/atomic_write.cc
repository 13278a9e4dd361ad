// Output files (`-o FILE`, `fmt -w`): one function decides how a path is written
// (docs/security.md, "Output files"):
//   - a symbolic link is followed: its target is written (created if missing), the link stays;
//   - a regular file (or a new one) is replaced atomically: a temporary file beside it, fsync,
//     rename; it keeps the mode (and, where permitted, the owner) of the file it replaces, and a
//     new file gets 0666 less the umask, as any program's output;
//   - anything else that can be written (a FIFO, a character device such as /dev/null or a
//     terminal) is opened and written directly: never replaced by a regular file;
//   - a directory is an error.
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

bool write_all(int fd, const std::string& text, std::string& error) {
  const char* p = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
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

bool replace_atomically(const std::string& path, const std::string& text, const struct stat* old, std::string& error) {
  std::string temp = temporary_name(path);
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  auto fail = [&] {
    error = std::strerror(errno);
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  if (!write_all(fd, text, error)) {
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  }
  if (old) {
    // The replaced file's owner (only root may give a file away; elsewhere this fails harmlessly
    // and the file is the writer's, as any rewritten file) and mode, set-id bits included.
    if (::fchown(fd, old->st_uid, old->st_gid) != 0) errno = 0;
    if (::fchmod(fd, old->st_mode & 07777) != 0) return fail();
  } else if (::fchmod(fd, creation_mode()) != 0) {
    return fail();
  }
  if (::fsync(fd) != 0) return fail();
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    error = std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace

bool write_output(const std::string& requested, const std::string& text, std::string& error) {
  struct stat st {};
  if (::stat(requested.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      error = std::strerror(errno);
      return false;
    }
    // Nothing there yet, or a link to nothing: the file is created where the links lead.
    std::string path = requested;
    if (!resolve_links(path, error)) return false;
    return replace_atomically(path, text, nullptr, error);
  }
  if (S_ISDIR(st.st_mode)) {
    error = std::strerror(EISDIR);
    return false;
  }
  if (S_ISREG(st.st_mode)) {
    // Beside the file itself, every link on the way resolved.
    char* real = ::realpath(requested.c_str(), nullptr);
    if (!real) {
      error = std::strerror(errno);
      return false;
    }
    std::string path(real);
    std::free(real);
    return replace_atomically(path, text, &st, error);
  }
  // A FIFO, a device, a socket (also through a link such as /dev/stdout): written as it is.
  int fd;
  do fd = ::open(requested.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  bool ok = write_all(fd, text, error);
  if (::close(fd) != 0 && ok) {
    error = std::strerror(errno);
    ok = false;
  }
  return ok;
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
