// Tokens and expected words for editors (editor_support.h). The expected words come from ANTLR
// itself: the text before the cursor is parsed with an error strategy that, when the parser
// reaches the end of that text, records the set of tokens it could have accepted there and stops.
#include "engine/syntax/editor_support.h"

#include <algorithm>
#include <exception>
#include <set>

#include "engine/base/text.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/agreement_text.h"
#include "engine/syntax/ast_builder.h"
#include "engine/syntax/ast_visitor.h"
#include "engine/syntax/token_names.h"

namespace pactum::syntax {

namespace {

using antlr4::Token;
using detail::TermsLexer;
using detail::TermsParser;

// `text` cut at `line`:`column` (when given), cleaned as the parser cleans it (invalid UTF-8 and
// control characters become U+FFFD, one code point each, so columns stay where they were).
std::string clean_prefix(std::string_view text, uint32_t line = 0, uint32_t column = 0) {
  size_t end = text.size();
  if (line != 0) {
    uint32_t l = 1, c = 1;
    for (size_t i = 0; i < text.size();) {
      if (l > line || (l == line && c >= column)) {
        end = i;
        break;
      }
      char32_t cp = 0;
      size_t len = utf8_decode(text, i, cp);
      if (len == 0) len = 1;
      if (text[i] == '\n') {
        ++l;
        c = 1;
      } else {
        ++c;
      }
      i += len;
    }
  }
  std::set<size_t> replaced;
  Diagnostics ignored(1000000);
  return clean_agreement_text(text.substr(0, end), 0, replaced, ignored);
}

std::string symbolic(const antlr4::dfa::Vocabulary& vocabulary, size_t type) {
  if (type == Token::EOF) return "EOF";
  return vocabulary.getSymbolicName(type);
}

// Records the tokens the parser could accept when it meets the end of the input, then stops it.
// Mistakes earlier in the text are recovered from as usual (silently), so that completion still
// works below a line that does not parse yet.
class ExpectedAtEndStrategy : public antlr4::DefaultErrorStrategy {
 public:
  antlr4::misc::IntervalSet expected;
  bool reached = false;

  void sync(antlr4::Parser* p) override {
    if (p->getTokenStream()->LA(1) == Token::EOF) record(p->getExpectedTokens());
    DefaultErrorStrategy::sync(p);
  }
  Token* recoverInline(antlr4::Parser* p) override {
    if (p->getTokenStream()->LA(1) == Token::EOF) {
      record(p->getExpectedTokens());
      throw antlr4::ParseCancellationException("end of the text before the cursor");
    }
    return DefaultErrorStrategy::recoverInline(p);
  }
  void reportError(antlr4::Parser* p, const antlr4::RecognitionException& e) override {
    Token* t = e.getOffendingToken();
    if (t != nullptr && t->getType() == Token::EOF) {
      record(e.getExpectedTokens());
      throw antlr4::ParseCancellationException("end of the text before the cursor");
    }
    DefaultErrorStrategy::reportError(p, e);
  }

 private:
  void record(const antlr4::misc::IntervalSet& set) {
    expected.addAll(set);
    reached = true;
  }
};

std::string word_for(const std::string& kind) {
  if (kind == "ID") return "<name>";
  if (kind == "STRING") return "<string>";
  if (kind == "INT") return "<integer>";
  if (kind == "NUMBER") return "<number>";
  if (kind == "DATE") return "<date>";
  if (kind == "DATETIME") return "<datetime>";
  if (kind == "TIME") return "<time>";
  if (kind == "EOF") return "<end>";
  if (is_keyword_token(kind)) return keyword_of(kind);
  std::string phrase = describe_token_kind(kind);  // "`,`"
  if (phrase.size() >= 2 && phrase.front() == '`' && phrase.back() == '`') return phrase.substr(1, phrase.size() - 2);
  return "";
}

// The parser recurses once per `(` and `not` (front_end.cc refuses the same depth).
bool too_deep(const std::vector<Token*>& tokens) {
  int depth = 0;
  for (Token* t : tokens) {
    size_t type = t->getType();
    if (type == TermsLexer::LPAREN || type == TermsLexer::NOT) ++depth;
    if (type == TermsLexer::RPAREN) depth = std::max(0, depth - 1);
    if (type == TermsLexer::EVERY || type == TermsLexer::TERM || type == TermsLexer::EXPECTATION ||
        type == TermsLexer::PARTY)
      depth = 0;
    if (depth > detail::kMaxNesting) return true;
  }
  return false;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::vector<std::string> expected_words(const std::string& prefix) {
  antlr4::ANTLRInputStream input(prefix);
  TermsLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  if (too_deep(tokens.getTokens())) return {};
  TermsParser parser(&tokens);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<ExpectedAtEndStrategy>();
  parser.setErrorHandler(strategy);
  try {
    parser.file();
  } catch (const antlr4::ParseCancellationException&) {
  }
  if (!strategy->reached) return {};

  // The token before the cursor decides the one version 2 word that is a keyword where a name may
  // also come: `duration` after an aggregate word (spec V2.2).
  size_t previous = Token::INVALID_TYPE;
  for (Token* t : tokens.getTokens())
    if (t->getChannel() == Token::DEFAULT_CHANNEL && t->getType() != Token::EOF) previous = t->getType();
  bool measure_may_follow = previous == TermsLexer::AVERAGE || previous == TermsLexer::MINIMUM ||
                            previous == TermsLexer::MAXIMUM || previous == TermsLexer::TOTAL;

  const auto& vocabulary = parser.getVocabulary();
  bool name_expected = strategy->expected.contains(static_cast<size_t>(TermsLexer::ID));
  std::set<std::string> words;
  for (ssize_t type : strategy->expected.toList()) {
    if (type == static_cast<ssize_t>(Token::EPSILON)) continue;
    std::string kind = symbolic(vocabulary, static_cast<size_t>(type));
    std::string word = word_for(kind);
    if (word.empty()) continue;
    // Where a name may come, every version 2 word is expected as a name (the `name` rule).
    if (name_expected && model::is_soft_keyword(word) && !(word == "duration" && measure_may_follow)) continue;
    words.insert(word);
  }
  return {words.begin(), words.end()};
}

}  // namespace

std::vector<LexedToken> tokenize(std::string_view text) {
  std::vector<LexedToken> out;
  try {
    std::string clean = clean_prefix(text);
    antlr4::ANTLRInputStream input(clean);
    TermsLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    const auto& vocabulary = lexer.getVocabulary();
    for (Token* t : tokens.getTokens()) {
      if (t->getType() == Token::EOF) break;
      LexedToken lt;
      lt.kind = symbolic(vocabulary, t->getType());
      lt.text = t->getText();
      lt.line = static_cast<uint32_t>(t->getLine());
      lt.column = static_cast<uint32_t>(t->getCharPositionInLine() + 1);
      lt.length = detail::token_width(t);
      lt.hidden = t->getChannel() != Token::DEFAULT_CHANNEL;
      out.push_back(std::move(lt));
    }
  } catch (...) {
    // The lexer has a catch-all rule and the text is valid UTF-8: nothing should throw. If the
    // runtime does, the editor gets the tokens read so far.
  }
  return out;
}

std::vector<std::string> expected_words_at(std::string_view text, uint32_t line, uint32_t column) {
  try {
    std::string prefix = clean_prefix(text, line, column);
    // The word being typed is not part of the context.
    while (!prefix.empty() && is_word_char(prefix.back())) prefix.pop_back();
    if (!prefix.empty() && prefix.back() == '`') prefix.pop_back();
    return expected_words(prefix);
  } catch (...) {
    return {};
  }
}

}  // namespace pactum::syntax
