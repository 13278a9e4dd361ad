#include "engine/syntax/agreement_text.h"

#include <cctype>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/token_names.h"

namespace pactum::syntax {

std::string clean_agreement_text(std::string_view text, uint32_t file, std::set<size_t>& replaced,
                                 Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  uint32_t line = 1, column = 1;
  size_t code_point = 0;
  int reported = 0;
  auto control_at = [&](size_t at, char32_t& cp) {
    if (at >= text.size()) return size_t{0};
    size_t len = utf8_decode(text, at, cp);
    return len != 0 && is_control_character(cp) && cp != '\t' && cp != '\n' && cp != '\r' ? len : size_t{0};
  };
  while (i < text.size()) {
    char32_t cp = 0;
    size_t len = utf8_decode(text, i, cp);
    if (len == 0) {
      if (reported++ < 10)
        diags.error(SourceLoc{file, line, column},
                    fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[i])),
                    {"the agreement file must be UTF-8 text"});
      replaced.insert(code_point++);
      out += "\xEF\xBF\xBD";
      ++column;
      ++i;
      continue;
    }
    if (control_at(i, cp)) {
      // A run of control characters is one error (a binary file would give thousands).
      char32_t first = cp;
      size_t run = 0;
      for (size_t k; (k = control_at(i, cp)) != 0; i += k, ++run) {
        replaced.insert(code_point++);
        out += "\xEF\xBF\xBD";
      }
      if (reported++ < 10)
        diags.error(SourceLoc{file, line, column},
                    run == 1 ? fmt::format("control character U+{:04X} in the agreement", static_cast<uint32_t>(first))
                             : fmt::format("{} control characters in the agreement (the first is U+{:04X})", run,
                                           static_cast<uint32_t>(first)),
                    {"an agreement is plain text: tabs and line breaks are its only control characters, and "
                     "names, strings and comments can hold none (they would reach reports and terminals)"},
                    static_cast<uint32_t>(std::min<size_t>(run, 200)));
      column += static_cast<uint32_t>(run);
      continue;
    }
    // `pactum fmt` prints an agreement as it is: `##[` or `##vso[` in a string or a comment
    // would be a command in a CI log (docs/security.md).
    if (cp == '[' && before_command_bracket(out) && reported++ < 10) {
      if (out.size() >= 2 && out.compare(out.size() - 2, 2, "##") == 0)
        diags.error(SourceLoc{file, line, column - 2}, "two `#` followed by `[` in the agreement",
                    {"GitHub Actions reads them as a workflow command wherever they are printed, `pactum fmt` "
                     "included; put a space between them"},
                    3);
      else
        diags.error(SourceLoc{file, line, column - 5}, "`##vso` followed by `[` in the agreement",
                    {"Azure Pipelines reads it as a logging command wherever it is printed, `pactum fmt` "
                     "included; put a space after `##`"},
                    6);
    }
    out.append(text.substr(i, len));
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++code_point;
    i += len;
  }
  return out;
}

namespace {

// Words of the language and its punctuation may be quoted from a rejected file: they tell
// nothing about it. Anything else in backticks becomes `…`.
bool language_text(std::string_view quoted) {
  static const std::set<std::string_view> kSymbols = {"=", "!=", "<", "<=", ">", ">=", "(", ")", ",", "-", "%"};
  if (quoted.empty() || kSymbols.count(quoted)) return !quoted.empty();
  const auto& words = all_keywords();
  size_t start = 0;
  while (start <= quoted.size()) {
    size_t end = quoted.find(' ', start);
    if (end == std::string_view::npos) end = quoted.size();
    std::string word(quoted.substr(start, end - start));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool known = model::is_soft_keyword(word);  // the version 2 words (`calendar`, `during`, ...)
    for (const auto& w : words) known = known || w == word;
    if (!known) return false;
    start = end + 1;
  }
  return true;
}

std::string redact(const std::string& message) {
  std::string text = message;
  // describe_found: `the string "..."` always ends a syntax message.
  if (auto at = text.find("the string "); at != std::string::npos) text = text.substr(0, at) + "a string";
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t open = text.find('`', i);
    size_t close = open == std::string::npos ? std::string::npos : text.find('`', open + 1);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::string_view inside(text.data() + open + 1, close - open - 1);
    out += text.substr(i, open - i);
    out += language_text(inside) ? "`" + std::string(inside) + "`" : std::string("`…`");
    i = close + 1;
  }
  return out;
}

}  // namespace

bool reads_as_agreement(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  uint32_t first_error = 0;
  for (const auto& d : diagnostics)
    if (d.level == DiagLevel::Error) {
      first_error = d.loc.line;
      break;
    }
  uint32_t line = 1;
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte order mark
  while (i < text.size()) {  // white space and `#` comments
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  size_t end = i;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
  std::string word(text.substr(i, end - i));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> starts = {"agreement", "party", "calendar", "interval", "term", "expectation"};
  return starts.count(word) && line < first_error;
}

void limit_disclosure(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  bool any_error = false;
  for (const auto& d : diagnostics) any_error = any_error || d.level == DiagLevel::Error;
  if (!any_error || reads_as_agreement(text, diagnostics)) return;
  bool first = true;
  for (auto& d : diagnostics) {
    if (first && d.level == DiagLevel::Error) {
      first = false;
      continue;
    }
    d.show_source = false;
    d.message = redact(d.message);
    for (auto& note : d.notes) note = redact(note);
  }
}

}  // namespace pactum::syntax
