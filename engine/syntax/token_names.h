// Token kinds in the words of a user. Tokens are named by their symbolic name in
// grammar/TermsLexer.g4 ("BEFORE", "ID", "EOF"), so this file needs no generated code: a keyword
// token's name is its keyword in upper case.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pactum::syntax {

// "BEFORE" -> true; "ID", "STRING", "COMMA" -> false.
bool is_keyword_token(std::string_view symbolic);
// "BEFORE" -> "before" (only meaningful for keyword tokens).
std::string keyword_of(std::string_view symbolic);
// One token kind as a phrase: "`before`", "a name", "a string", "a date (YYYY-MM-DD)", "`,`",
// "end of file".
std::string describe_token_kind(std::string_view symbolic);
// Every keyword of the language, lower case, in grammar order (for "did you mean").
const std::vector<std::string>& all_keywords();

}  // namespace pactum::syntax
