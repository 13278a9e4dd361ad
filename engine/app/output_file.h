// An output file written piece by piece (a report streamed per finding, issue 17), with the rules
// of write_output (atomic_write.cc, docs/security.md "Output files"): a regular file (or a new
// one) is written to a temporary file beside it that commit() renames over it, keeping its mode;
// a FIFO or a device is written directly; a directory is an error. Until commit(), the target is
// untouched; an OutputFile destroyed without commit() removes its temporary file, so an error
// (or an exception) while rendering leaves no file behind.
#pragma once
#include <cstdint>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include <sys/stat.h>

#include "engine/base/background_sync.h"

namespace pactum::app {

// A std::streambuf over a file descriptor with a 64 KiB buffer; remembers the first write error.
// `will_sync`: the file is fsync'ed when complete (a temporary file before its rename), so each
// 4 MiB written is brought to disk at once, on another thread (BackgroundSync): the final fsync
// of a report of 60 MB then waits for 1-3 ms, not 30 (Linux).
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd, bool will_sync = false);
  int error() const { return error_; }  // errno of the first failed write, else 0
  // Waits for the background syncs (before the descriptor is synced and closed); the errno of one
  // that failed, else 0.
  int finish_background_sync();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();
  bool write_all(const char* p, size_t n);
  void start_writeback();
  int fd_;
  int error_ = 0;
  std::unique_ptr<char[]> buffer_;
  // Used where the kernel can start writing back early (Linux); unused in the WebAssembly build.
  [[maybe_unused]] bool will_sync_;
  uint64_t written_ = 0;                       // bytes written to fd_
  [[maybe_unused]] uint64_t writeback_ = 0;    // bytes whose writing to disk has been started
  std::unique_ptr<BackgroundSync> sync_;       // with will_sync, where the kernel has fdatasync

};

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Opens `requested` for writing (the temporary file, or the FIFO/device itself); false with
  // `error` (strerror) when it cannot be.
  bool open(const std::string& requested, std::string& error);
  std::ostream& stream() { return *stream_; }
  // Flushes; for a temporary file also the mode (and owner) of the replaced file and fsync;
  // closes. False with `error` when any step (or an earlier write) failed; the temporary file is
  // then removed. The target is still untouched (but a FIFO's or a device's, written directly).
  bool complete(std::string& error);
  // complete(), then the rename of the temporary file over the target.
  bool commit(std::string& error);

 private:
  void discard();
  int fd_ = -1;
  std::string target_;     // the path finally written (links resolved)
  std::string temporary_;  // empty: written directly
  bool replaces_ = false;  // a regular file was there: its mode and owner are kept
  bool completed_ = false;  // complete() succeeded: only the rename is left
  struct stat old_ {};
  std::unique_ptr<FdStreamBuf> buf_;
  std::unique_ptr<std::ostream> stream_;
};

}  // namespace pactum::app
