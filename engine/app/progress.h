// A progress line on standard error while `pactum check` reads large logs: bytes read, events,
// rate. Only on a terminal (a CI log or a redirected stderr would fill with carriage returns)
// and only when the logs add up to kProgressMinBytes or more (smaller logs are read before
// anyone could read the line). `--quiet` turns it off. PACTUM_PROGRESS=always shows it on any
// stderr, for tests; PACTUM_PROGRESS=never turns it off.
#pragma once
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace pactum::app {

inline constexpr uint64_t kProgressMinBytes = uint64_t{4} << 20;

// Whether a progress line may be shown at all: stderr is a terminal (or PACTUM_PROGRESS says).
bool progress_allowed(bool quiet);

// The bytes a progress line counts for the log at `path`: a regular file's size, else 0 (standard
// input, a pipe: unknown beforehand).
uint64_t log_bytes(const std::string& path);

class ProgressLine {
 public:
  ProgressLine(std::ostream& err, bool allowed) : err_(err), allowed_(allowed) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { end(); }

  // The logs to read add up to `total_bytes` (0: unknown, such as standard input).
  void begin(uint64_t total_bytes);
  // `bytes` of the logs read so far, `events` read so far. Drawn at most a few times a second.
  void update(uint64_t bytes, size_t events);
  // Clears the line (the report follows on a clean terminal).
  void end();

  bool shown() const { return shown_; }

 private:
  std::ostream& err_;
  bool allowed_;
  bool active_ = false;
  bool shown_ = false;  // something was drawn
  uint64_t total_ = 0;
  size_t width_ = 0;  // of the last line drawn
  std::chrono::steady_clock::time_point start_{}, last_{};
};

// "12.5 MB": decimal units, one decimal.
std::string megabytes(uint64_t bytes);
// "1,234,567"
std::string grouped(uint64_t n);

}  // namespace pactum::app
