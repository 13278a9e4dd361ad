// What an editor needs from engine/syntax beyond the AST: the tokens as written (to find the word
// under the cursor and the extent of a rule) and the words the grammar accepts at the cursor (for
// completion). Plain types only: ANTLR stays inside engine/syntax.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pactum::syntax {

struct LexedToken {
  std::string kind;  // symbolic name in grammar/TermsLexer.g4: "EVERY", "ID", "STRING", "COMMENT", "ERROR_CHAR"
  std::string text;  // as written (backticks kept)
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in code points (as SourceLoc)
  uint32_t length = 0;  // in code points; no token spans a line break
  bool hidden = false;  // a comment or an unexpected character: not seen by the parser
};

// Every token of `text` in order, hidden ones included (invalid UTF-8 is read as U+FFFD, as the
// parser does). Never throws.
std::vector<LexedToken> tokenize(std::string_view text);

// The words that could come at the cursor (1-based line, column in code points), from the
// parser's expected-token set after the text before the cursor. A word the cursor is in the
// middle or at the end of is not part of that text (it is what the user is typing). Keywords in
// lower case ("every", "business"); the other kinds as "<name>", "<string>", "<integer>",
// "<number>", "<date>", "<datetime>", "<time>"; punctuation as written (",", "%", "(", "=");
// "<end>" where the file may end. Version 2 words are listed only where they are keywords, not
// where they could be read as a name. Sorted, without duplicates. Never throws.
std::vector<std::string> expected_words_at(std::string_view text, uint32_t line, uint32_t column);

}  // namespace pactum::syntax
