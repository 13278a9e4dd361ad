// The facade of engine/syntax. Checks the bytes (UTF-8, no control characters: agreement_text.cc),
// hands the text to the ANTLR front end (ast_builder.cc) and guarantees that no exception leaves
// the module: anything the runtime throws becomes an error diagnostic. A file with errors shows
// one line of itself at most (limit_disclosure).
#include "engine/syntax/parser.h"

#include <exception>
#include <set>

#include "engine/syntax/agreement_text.h"
#include "engine/syntax/ast_builder.h"

namespace pactum::syntax {

bool parse_agreement(std::string_view text, uint32_t file, model::Agreement& out, Diagnostics& diags,
                     Disclosure disclosure) {
  // Collect locally, then hand over in source order: lexical errors are found before syntax
  // errors but should read top to bottom.
  Diagnostics local(1000);
  out = model::Agreement{};
  out.file = file;
  try {
    std::set<size_t> replaced;
    std::string clean = clean_agreement_text(text, file, replaced, local);
    detail::parse_source(clean, file, replaced, out, local);
  } catch (const std::exception& e) {
    local.error(SourceLoc{file, 0, 0}, std::string("internal error while reading the agreement: ") + e.what());
  } catch (...) {
    local.error(SourceLoc{file, 0, 0}, "internal error while reading the agreement");
  }
  local.sort();
  std::vector<Diagnostic> found = local.items();
  if (disclosure == Disclosure::OneLine) limit_disclosure(text, found);
  for (auto& d : found) diags.add(std::move(d));
  return !local.has_errors();
}

}  // namespace pactum::syntax
