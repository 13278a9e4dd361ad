#include "engine/syntax/token_names.h"

#include <cctype>
#include <map>

#include "engine/model/rule_text.h"

namespace pactum::syntax {

namespace {

const std::map<std::string_view, std::string>& other_kinds() {
  static const std::map<std::string_view, std::string> kinds = {
      {"ID", "a name"},
      {"STRING", "a string"},
      {"INT", "a whole number"},
      {"NUMBER", "a number"},
      {"DATE", "a date (YYYY-MM-DD)"},
      {"DATETIME", "a date and time (YYYY-MM-DDTHH:MM)"},
      {"TIME", "a time (HH:MM)"},
      {"COMMA", "`,`"},
      {"DASH", "`-`"},
      {"PERCENT", "`%`"},
      {"LPAREN", "`(`"},
      {"RPAREN", "`)`"},
      {"EQ", "`=`"},
      {"NE", "`!=`"},
      {"LT", "`<`"},
      {"LE", "`<=`"},
      {"GT", "`>`"},
      {"GE", "`>=`"},
      {"EOF", "end of file"},
      {"ERROR_CHAR", "an unexpected character"},
  };
  return kinds;
}

}  // namespace

bool is_keyword_token(std::string_view symbolic) {
  if (symbolic.empty() || other_kinds().count(symbolic)) return false;
  for (char c : symbolic)
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  std::string word = keyword_of(symbolic);
  return model::is_reserved_word(word) || model::is_soft_keyword(word);
}

std::string keyword_of(std::string_view symbolic) {
  std::string word(symbolic);
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

std::string describe_token_kind(std::string_view symbolic) {
  auto it = other_kinds().find(symbolic);
  if (it != other_kinds().end()) return it->second;
  if (is_keyword_token(symbolic)) return "`" + keyword_of(symbolic) + "`";
  return std::string(symbolic);
}

const std::vector<std::string>& all_keywords() { return model::reserved_word_list(); }

}  // namespace pactum::syntax
