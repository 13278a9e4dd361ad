// One wording for YAML syntax errors, whichever parser found them. libyaml and yaml-cpp describe
// the same mistakes in different words; mapping both onto one text keeps the two backends'
// diagnostics identical (the differential tests compare them) and reads better than either.
#pragma once
#include <cstdint>
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

}  // namespace pactum::log
