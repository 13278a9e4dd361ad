#include "engine/lsp/positions.h"

#include <algorithm>

namespace pactum::lsp {

namespace {

size_t sequence_length(unsigned char c) { return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string_view LineIndex::line_text(uint32_t line) const {
  if (line >= starts_.size()) return {};
  size_t begin = starts_[line];
  size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  std::string_view s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

Position LineIndex::to_position(SourceLoc loc) const { return to_position(loc, 0); }

Position LineIndex::to_position(SourceLoc loc, uint32_t width) const {
  if (loc.line == 0) return Position{0, 0};
  uint32_t line = std::min<uint32_t>(loc.line - 1, static_cast<uint32_t>(starts_.size() - 1));
  std::string_view s = line_text(line);
  uint64_t code_points = static_cast<uint64_t>(loc.column > 0 ? loc.column - 1 : 0) + width;
  uint32_t units = 0;
  size_t i = 0;
  for (uint64_t n = 0; n < code_points && i < s.size(); ++n) {
    size_t len = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return Position{line, units};
}

size_t LineIndex::to_offset(Position p) const {
  if (p.line >= starts_.size()) return text_.size();
  std::string_view s = line_text(p.line);
  size_t i = 0;
  uint32_t units = 0;
  while (i < s.size() && units < p.character) {
    size_t len = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return starts_[p.line] + i;
}

SourceLoc LineIndex::to_loc(Position p) const {
  uint32_t line = std::min<uint32_t>(p.line, static_cast<uint32_t>(starts_.size() - 1));
  std::string_view s = line_text(line);
  size_t i = 0;
  uint32_t units = 0, column = 1;
  while (i < s.size() && units < p.character) {
    size_t len = std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    units += len == 4 ? 2 : 1;
    i += len;
    ++column;
  }
  return SourceLoc{0, line + 1, column};
}

Position LineIndex::end() const {
  uint32_t last = static_cast<uint32_t>(starts_.size() - 1);
  return to_position(SourceLoc{0, last + 1, 1}, UINT32_MAX / 2);
}

Json to_json(Position p) { return Json{{"line", p.line}, {"character", p.character}}; }

Json range_json(Position start, Position end) { return Json{{"start", to_json(start)}, {"end", to_json(end)}}; }

Position position_from_json(const Json& j, const char* path) {
  if (!j.is_object()) throw RpcError(kInvalidParams, std::string("`") + path + "` must be a position");
  std::string line_path = std::string(path) + ".line", character_path = std::string(path) + ".character";
  int64_t line = int_member(j, "line", line_path.c_str());
  int64_t character = int_member(j, "character", character_path.c_str());
  if (line < 0 || character < 0 || line > UINT32_MAX || character > UINT32_MAX)
    throw RpcError(kInvalidParams, std::string("`") + path + "` is out of range");
  return Position{static_cast<uint32_t>(line), static_cast<uint32_t>(character)};
}

}  // namespace pactum::lsp
