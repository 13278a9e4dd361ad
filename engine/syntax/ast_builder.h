// Internal to engine/syntax: the ANTLR front end (front_end.cc; only it and the visitor files include
// generated code). Plain types only; callers go through parser.h.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/model/agreement.h"

namespace pactum::syntax::detail {

// At most this many syntax errors are reported per file; then parsing stops (the rest would
// mostly be consequences of the earlier ones).
constexpr int kMaxSyntaxErrors = 20;
// Deeper conditions are refused before parsing (the parser recurses per level).
constexpr int kMaxNesting = 200;

// Lexes and parses `utf8` (valid UTF-8) and builds `out`, appending every lexical, syntax and
// literal error to `diags`. `replaced` holds the code point offsets where the caller substituted
// U+FFFD for invalid UTF-8 (already reported, not reported again). May throw on internal
// failure; parse_agreement catches.
void parse_source(const std::string& utf8, uint32_t file, const std::set<size_t>& replaced,
                  model::Agreement& out, Diagnostics& diags);

// The tokens of `utf8`, hidden ones included, as "KIND text" (tests: lexer ambiguities).
std::vector<std::string> lex_for_test(const std::string& utf8);

}  // namespace pactum::syntax::detail
