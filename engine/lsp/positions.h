// LSP positions (0-based line, column in UTF-16 code units) against pactum's SourceLoc (1-based
// line, column in code points) and byte offsets into the document's text.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/source.h"
#include "engine/lsp/json_rpc.h"

namespace pactum::lsp {

struct Position {
  uint32_t line = 0;       // 0-based
  uint32_t character = 0;  // UTF-16 code units
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  size_t line_count() const { return starts_.size(); }
  // The text of 0-based `line` without its line break.
  std::string_view line_text(uint32_t line) const;

  // A 1-based code point location (a column past the end of its line stays at the end).
  Position to_position(SourceLoc loc) const;
  // `loc` advanced by `width` code points on its line.
  Position to_position(SourceLoc loc, uint32_t width) const;
  // The 1-based code point location of an LSP position (clamped into the document).
  SourceLoc to_loc(Position p) const;
  // The byte offset of an LSP position (clamped).
  size_t to_offset(Position p) const;
  // The position just past the last character of the document.
  Position end() const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset of each line
};

Json to_json(Position p);
Json range_json(Position start, Position end);
// `{"line": L, "character": C}` with non-negative integers, else an InvalidParams error.
Position position_from_json(const Json& j, const char* path);

}  // namespace pactum::lsp
