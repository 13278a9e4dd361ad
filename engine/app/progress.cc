#include "engine/app/progress.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <ostream>

#include <fmt/format.h>

namespace pactum::app {

uint64_t log_bytes(const std::string& path) {
  struct stat st {};
  bool regular = path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  return regular ? static_cast<uint64_t>(st.st_size) : 0;
}

bool progress_allowed(bool quiet) {
  const char* forced = std::getenv("PACTUM_PROGRESS");
  if (forced && std::strcmp(forced, "never") == 0) return false;
  if (quiet) return false;
  if (forced && std::strcmp(forced, "always") == 0) return true;
  return ::isatty(2) == 1;
}

std::string megabytes(uint64_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void ProgressLine::begin(uint64_t total_bytes) {
  total_ = total_bytes;
  active_ = allowed_ && total_bytes >= kProgressMinBytes;
  start_ = std::chrono::steady_clock::now();
  last_ = {};
}

void ProgressLine::update(uint64_t bytes, size_t events) {
  if (!active_) return;
  auto now = std::chrono::steady_clock::now();
  // The first update is drawn at once, later ones at most every 200 ms.
  if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string rate = seconds > 0 ? fmt::format(", {}/s", megabytes(static_cast<uint64_t>(bytes / seconds))) : "";
  if (total_ > 0 && bytes > total_) bytes = total_;  // stdio reads ahead of the parser
  std::string of = total_ > 0 ? fmt::format(" of {} ({}%)", megabytes(total_), bytes * 100 / total_) : "";
  std::string line = fmt::format("pactum: reading logs: {}{}, {} events{}", megabytes(bytes), of, grouped(events), rate);
  // Overwrite the previous line; pad when the new one is shorter.
  size_t pad = width_ > line.size() ? width_ - line.size() : 0;
  err_ << '\r' << line << std::string(pad, ' ');
  err_.flush();
  width_ = line.size();
  shown_ = true;
}

void ProgressLine::end() {
  if (!active_) return;
  active_ = false;
  if (width_ == 0) return;
  err_ << '\r' << std::string(width_, ' ') << '\r';
  err_.flush();
  width_ = 0;
}

}  // namespace pactum::app
