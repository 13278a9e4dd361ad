#include "engine/log/yaml_errors.h"

#include <array>

namespace pactum::log {

namespace {

struct Wording {
  std::string_view libyaml;  // substring of libyaml's problem
  std::string_view yamlcpp;  // yaml-cpp's ParserException message
  std::string_view text;
};

constexpr std::array kWordings{
    Wording{"did not find expected ',' or '}'", "end of map flow not found", "unclosed `{`: expected `,` or `}`"},
    Wording{"did not find expected ',' or ']'", "end of sequence flow not found", "unclosed `[`: expected `,` or `]`"},
    Wording{"did not find expected '-' indicator", "end of sequence not found",
            "bad indentation: expected the next `-` item of the list"},
    Wording{"did not find expected key", "end of map not found",
            "bad indentation: expected the next `key:` of the mapping"},
    Wording{"mapping values are not allowed in this context", "illegal map value",
            "unexpected `:` here (bad indentation, or a value with `: ` that needs quotes)"},
    Wording{"block sequence entries are not allowed in this context", "illegal block entry",
            "unexpected `-` list item here (bad indentation?)"},
    Wording{"found character that cannot start any token", "unknown token",
            "a character that cannot start any YAML token (quote the value)"},
    Wording{"found unexpected end of stream", "unexpected end of stream", "unexpected end of file"},
    Wording{"found undefined tag handle", "undefined tag handle", "undefined tag handle"},
    Wording{"found undefined alias", kUndefinedAnchorProblem, "alias to an anchor that is not defined before it"},
    Wording{"could not find expected ':'", "", "expected `key: value` or a `-` list item on this line"},
    Wording{"unclosed quoted string", "", "unclosed quoted string (missing closing quote)"},
    Wording{"did not find expected alphabetic or numeric character", "anchor not found after &",
            "a name must follow `&` or `*`"},
    Wording{"did not find expected alphabetic or numeric character", "alias not found after *",
            "a name must follow `&` or `*`"},
    Wording{"found a tab character", "illegal tab when looking for indentation",
            "a tab character in indentation (YAML indents with spaces)"},
};

}  // namespace

SyntaxProblem describe_yaml_problem(std::string_view problem, std::string_view line) {
  // Tabs in indentation are the most common mistake and each parser notices them somewhere else
  // on the line; point at the tab itself.
  for (size_t i = 0; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i) {
    if (line[i] == '\t')
      return SyntaxProblem{"a tab character in indentation (YAML indents with spaces)", static_cast<uint32_t>(i + 1)};
  }
  for (const Wording& w : kWordings) {
    if (problem.find(w.libyaml) != std::string_view::npos || (!w.yamlcpp.empty() && problem == w.yamlcpp))
      return SyntaxProblem{std::string(w.text), 0};
  }
  return SyntaxProblem{std::string(problem), 0};
}

}  // namespace pactum::log
