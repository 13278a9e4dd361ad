// The wording of lexical and syntax errors (spec 8.2): what was found, what was expected, and a
// hint where one helps. Works on plain data (token kinds by symbolic name, token text), so the
// ANTLR glue in ast_builder.cc stays thin and the wording is unit-testable.
#pragma once
#include <string>
#include <vector>

namespace pactum::syntax {

struct ContextToken {
  std::string kind;  // symbolic name: "ID", "BEFORE", "ERROR_CHAR" (an unknown character), ...
  std::string text;  // as written
};

struct FoundToken {
  std::string kind;  // symbolic name: "ID", "BEFORE", "EOF", ...
  std::string text;  // as written
  bool first_on_line = false;  // nothing but layout before it on its line
  // Context for hints that depend on the words around (`where priority in ("P1", "P2")`,
  // `business hours 24/7`): the token before it, and the tokens after it on its line.
  ContextToken previous;
  std::vector<ContextToken> next;
};

struct SyntaxMessage {
  std::string message;             // "expected `before`, found `befor`"
  std::vector<std::string> notes;  // "did you mean `before`?"
};

// `expected` lists the token kinds that could have come (symbolic names, any order).
SyntaxMessage describe_syntax_error(const FoundToken& found, const std::vector<std::string>& expected);

// "`before`, `after` or `within`": the expected kinds as a short readable list, with families
// (comparison operators, units, day names, the starts of a rule) folded into one phrase.
std::string describe_expected(const std::vector<std::string>& expected);

// "`befor`", "end of file", "the string \"abc\"".
std::string describe_found(const FoundToken& found);

}  // namespace pactum::syntax
