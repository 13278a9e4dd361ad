// LSP positions count UTF-16 code units; pactum's columns count code points.
#include <catch2/catch.hpp>

#include "engine/lsp/positions.h"

using namespace pactum;
using namespace pactum::lsp;

TEST_CASE("positions: code points to UTF-16 and back") {
  // "é" is one code point and one UTF-16 unit; "𝄞" (U+1D11E) one code point and two units.
  std::string text = "ab\n\xC3\xA9x\xF0\x9D\x84\x9Ey\r\nlast";
  LineIndex lines(text);
  CHECK(lines.line_count() == 3);
  CHECK(lines.line_text(1) == "\xC3\xA9x\xF0\x9D\x84\x9Ey");
  struct Case {
    uint32_t column;  // code points, 1-based
    uint32_t character;
  };
  for (auto c : {Case{1, 0}, Case{2, 1}, Case{3, 2}, Case{4, 4}, Case{5, 5}, Case{9, 5}}) {
    INFO("column " << c.column);
    Position p = lines.to_position(SourceLoc{0, 2, c.column});
    CHECK(p.line == 1);
    CHECK(p.character == c.character);
    if (c.column <= 5) CHECK(lines.to_loc(p).column == c.column);
  }
  CHECK(lines.to_position(SourceLoc{0, 2, 3}, 1).character == 4);  // the width of 𝄞 is 2 units
  CHECK(lines.to_offset(Position{1, 4}) == 3 + 2 + 1 + 4);
  CHECK(lines.to_offset(Position{7, 0}) == text.size());
  Position end = lines.end();
  CHECK(end.line == 2);
  CHECK(end.character == 4);
  CHECK(lines.to_loc(Position{99, 99}).line == 3);
}
