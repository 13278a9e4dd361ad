// One wording for YAML syntax errors, whichever parser found them. libyaml and yaml-cpp describe
// the same mistakes in different words; mapping both onto one text keeps the two backends'
// diagnostics identical (the differential tests compare them) and reads better than either.
#pragma once
#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <string_view>

namespace pactum::log {

struct SyntaxProblem {
  std::string message;  // without the "malformed YAML: " prefix
  uint32_t column = 0;  // 1-based column to point at instead of the parser's, or 0
};

// yaml-cpp's wording for an alias without anchor; the builder reports libyaml's case with it too.
inline constexpr std::string_view kUndefinedAnchorProblem = "the referenced anchor is not defined";

// `problem` is the parser's message, `line` the text of the line it points at (may be empty).
SyntaxProblem describe_yaml_problem(std::string_view problem, std::string_view line);

// Text a YAML reader refuses before parsing: invalid UTF-8 or a character YAML does not allow (a
// control character). libyaml finds these itself but reports only a byte offset, and yaml-cpp
// accepts them silently; both backends use this to say the same thing at the same place.
// The checks and messages are libyaml's (reader.c). Text starting with a UTF-16/32 byte order
// mark is not checked here (both parsers decode it).
struct EncodingProblem {
  size_t offset = 0;     // byte offset of the offending character
  std::string message;   // libyaml's words, e.g. "invalid leading UTF-8 octet"
};
std::optional<EncodingProblem> find_encoding_problem(std::string_view text);
// 1-based line and column (in code points) of byte `offset` in `text`.
std::pair<uint32_t, uint32_t> position_of(std::string_view text, size_t offset);

// position_of for offsets asked in increasing order (a parser's events), each counted on from
// the one before: linear in the text, where position_of from the start for every node was
// quadratic (10,000 waivers: 20 s). An earlier offset starts over from the beginning.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view text);
  std::pair<uint32_t, uint32_t> at(size_t offset);

 private:
  std::string_view text_;
  size_t start_ = 0, offset_ = 0;
  uint32_t line_ = 1, column_ = 1;
};

}  // namespace pactum::log
