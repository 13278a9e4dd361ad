// What the front end checks on the raw text of an agreement before and after ANTLR sees it
// (docs/security.md): the bytes are UTF-8 without control characters, and a file that turns out
// not to be a valid agreement shows at most one line of itself in the errors.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostics.h"

namespace pactum::syntax {

// Copies `text` for the lexer, dropping a leading byte order mark. Each invalid UTF-8 byte and
// each control character (engine/base/text.h: C0 other than tab and line breaks, DEL, C1,
// U+FFFE/U+FFFF) is reported at its line and column and replaced by U+FFFD; `replaced` gets the
// code point offsets of the replacements, so the lexer scan does not report them a second time.
// Inside a name, a string or a comment the replacement is harmless: the file has an error and is
// never evaluated; elsewhere it is an unexpected character the lexer scan skips. `##[` is refused
// too (a GitHub Actions command in any output that prints the agreement as it is: `pactum fmt`).
std::string clean_agreement_text(std::string_view text, uint32_t file, std::set<size_t>& replaced,
                                 Diagnostics& diags);

// The errors of one file, in source order. When there is any error the file is not a valid
// agreement, and it may be any file a path led to (`pactum test` reads the file a test names):
// every diagnostic after the first shows no source line and quotes no input text except words
// of the language. The first one shows its line (a window of 200 columns, as visible text).
void limit_disclosure(std::vector<Diagnostic>& diagnostics);

}  // namespace pactum::syntax
