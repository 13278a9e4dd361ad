#include "engine/base/source.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pactum {

uint32_t SourceManager::add_text(std::string name, std::string text) {
  files_.push_back(File{std::move(name), std::move(text)});
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t SourceManager::add_path(std::string name) {
  files_.push_back(File{std::move(name), std::nullopt});
  return static_cast<uint32_t>(files_.size() - 1);
}

static std::optional<std::string> nth_line(std::istream& in, uint32_t wanted) {
  std::string text;
  for (uint32_t n = 1; std::getline(in, text); ++n) {
    if (n == wanted) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      return text;
    }
  }
  return std::nullopt;
}

std::optional<std::string> SourceManager::line(uint32_t file, uint32_t wanted) const {
  if (file >= files_.size() || wanted == 0) return std::nullopt;
  const File& f = files_[file];
  if (f.text) {
    std::istringstream in(*f.text);
    return nth_line(in, wanted);
  }
  std::ifstream in(f.name, std::ios::binary);
  if (!in) return std::nullopt;
  return nth_line(in, wanted);
}

bool read_file(const std::string& path, std::string& out) {
  // An ifstream opens a directory on Linux and reads it as empty: `pactum check DIR log.yaml`
  // then checked the log against an empty agreement instead of saying the file is unreadable.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    errno = EISDIR;
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  out = std::move(buffer).str();
  return true;
}

}  // namespace pactum
