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
// Unless the text reads as an agreement (below): then every error shows its line and what it found.
void limit_disclosure(std::string_view text, std::vector<Diagnostic>& diagnostics);

// Whether `text` (with errors) starts as an agreement does: its first word, after white space and
// comments, opens a top-level item of the language (`agreement`, `party`, `calendar`,
// `interval`, `term`, `expectation`), and that line comes before the first error. Such a file
// was written in the language, by someone who is shown every error in full (spec 8.2): a file a
// path led to by mistake or by intent (a key file, `/etc/passwd`) fails on its first word.
bool reads_as_agreement(std::string_view text, const std::vector<Diagnostic>& diagnostics);

}  // namespace pactum::syntax
