// The language features, each a function of one analysed document (analysis.h) and the request's
// parameters, returning the LSP result. No protocol handling here: server.cc binds them to methods.
#pragma once
#include <set>
#include <string>

#include "engine/lsp/analysis.h"

namespace pactum::lsp {

// Event types and attribute names seen in the workspace's logs (when a log is configured).
struct LogVocabulary {
  std::set<std::string> event_types;
  std::set<std::string> attributes;
};

// textDocument/publishDiagnostics: syntax errors, agreement errors and lint entries, with codes,
// severities, exact ranges, and their notes (suggestions) after the message.
Json diagnostics(const Analysis& a);
// textDocument/hover: a rule's plain-English explanation and responsible party; a party's or
// calendar's zone, hours and holidays; an interval's or fee's declaration; a keyword's help.
Json hover(const Analysis& a, Position at);
// textDocument/completion: the keywords the grammar accepts at the cursor and the names that fit.
Json completion(const Analysis& a, Position at, const LogVocabulary& logs);
// textDocument/codeAction: lint's rewrites and "did you mean" fixes of the diagnostics in range.
Json code_actions(const Analysis& a, Position start, Position end);
// textDocument/documentSymbol: the agreement, parties, calendars, intervals, terms and
// expectations with their rules.
Json document_symbols(const Analysis& a);
// textDocument/definition and references for party, calendar, interval and fee names.
Json definition(const Analysis& a, Position at);
Json references(const Analysis& a, Position at, bool include_declaration);
// textDocument/formatting: `pactum fmt`'s canonical layout as one edit (none when unchanged).
Json formatting(const Analysis& a);

// One line of help on a word of the language ("" when it is none).
std::string keyword_help(const std::string& word);

}  // namespace pactum::lsp
