// The front end: .terms text -> tokens -> parse tree -> model::Agreement.
// This facade is the only public face of engine/syntax; ANTLR types never leave the module and
// no exception crosses it.
#pragma once
#include <string_view>

#include "engine/base/diagnostics.h"
#include "engine/model/agreement.h"

namespace pactum::syntax {

// Who reads the errors of a file that is not a valid agreement (docs/security.md).
enum class Disclosure {
  OneLine,  // anyone (the file may be any file a path led to): limit_disclosure applies
  Author,   // the person who is writing the text (the language server's open document): the
            // errors quote it freely
};

// Parses `text` (the contents of source file `file`) into `out`. Lexical and syntax errors, and
// malformed literals (2026-02-30, 25:00), are appended to `diags` with their locations.
// Returns false when any error was found; `out` is then partial and must not be evaluated.
bool parse_agreement(std::string_view text, uint32_t file, model::Agreement& out, Diagnostics& diags,
                     Disclosure disclosure = Disclosure::OneLine);

}  // namespace pactum::syntax
