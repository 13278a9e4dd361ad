// The ANTLR front end: lexer, parser and the error reporting glue; the visitor that turns the
// parse tree into model::Agreement is ast_builder.cc / rule_builder.cc (ast_visitor.h). The
// wording of errors lives in syntax_errors.cc, literal reading in literals.cc.
#include "engine/syntax/ast_builder.h"

#include <algorithm>

#include "engine/syntax/ast_visitor.h"
#include "engine/syntax/literals.h"
#include "engine/syntax/syntax_errors.h"

namespace pactum::syntax::detail {

namespace {

using antlr4::Token;
using antlr4::tree::TerminalNode;

std::string symbolic_name(const antlr4::dfa::Vocabulary& vocabulary, ssize_t type) {
  if (type < 0 || static_cast<size_t>(type) == Token::EOF) return "EOF";
  return vocabulary.getSymbolicName(static_cast<size_t>(type));
}


// --- error reporting glue -----------------------------------------------------------------------

// How many tokens after an offending one a syntax message may read for its hints.
constexpr size_t kContextTokens = 40;

// Turns ANTLR's syntax errors into Diagnostics. The strategy composes the message (first line)
// and notes (following lines); this listener only places it.
class DiagnosticListener : public antlr4::BaseErrorListener {
 public:
  DiagnosticListener(uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void syntaxError(antlr4::Recognizer*, Token* offending, size_t line, size_t column, const std::string& msg,
                   std::exception_ptr) override {
    Diagnostic d;
    d.loc = SourceLoc{file_, static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1)};
    d.width = token_width(offending);
    size_t start = 0;
    for (size_t nl = msg.find('\n'); ; nl = msg.find('\n', start)) {
      std::string part = msg.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (start == 0) d.message = part;
      else d.notes.push_back(part);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    diags_.add(std::move(d));
  }

 private:
  uint32_t file_;
  Diagnostics& diags_;
};

// DefaultErrorStrategy recovers well, but words its messages for grammar authors ("mismatched
// input 'befor' expecting 'before'"). This one says the same in user words and stops after
// kMaxSyntaxErrors errors.
class UserWordsErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  int errors() const { return errors_; }

  // Before a loop or an optional part that may also be skipped, ANTLR defers the error to the
  // enclosing rule, which then only lists what may follow it (`efective` after the agreement
  // header would get "expected `party`, `term`, ..."). Report it here instead, where the expected
  // set still includes the options of this loop, and resynchronise the same way ANTLR does.
  void sync(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    antlr4::atn::ATNState* s = p->getATN().states[p->getState()];
    size_t la = p->getTokenStream()->LA(1);
    antlr4::misc::IntervalSet next = p->getATN().nextTokens(s);
    if (next.contains(la)) return;
    if (!next.contains(Token::EPSILON)) return DefaultErrorStrategy::sync(p);
    switch (s->getStateType()) {
      case antlr4::atn::ATNState::BLOCK_START:
      case antlr4::atn::ATNState::STAR_BLOCK_START:
      case antlr4::atn::ATNState::PLUS_BLOCK_START:
      case antlr4::atn::ATNState::STAR_LOOP_ENTRY:
      case antlr4::atn::ATNState::STAR_LOOP_BACK:
      case antlr4::atn::ATNState::PLUS_LOOP_BACK: break;
      default: return;
    }
    antlr4::misc::IntervalSet expected = p->getExpectedTokens();
    if (expected.contains(la)) return;
    beginErrorCondition(p);
    report(p, p->getCurrentToken(), expected);
    consumeUntil(p, expected.Or(getErrorRecoverySet(p)));
  }

 protected:
  void reportNoViableAlternative(antlr4::Parser* p, const antlr4::NoViableAltException& e) override {
    report(p, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportInputMismatch(antlr4::Parser* p, const antlr4::InputMismatchException& e) override {
    report(p, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportFailedPredicate(antlr4::Parser* p, const antlr4::FailedPredicateException& e) override {
    report(p, e.getOffendingToken(), e.getExpectedTokens());
  }
  void reportUnwantedToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    report(p, p->getCurrentToken(), getExpectedTokens(p));
  }
  void reportMissingToken(antlr4::Parser* p) override {
    if (inErrorRecoveryMode(p)) return;
    beginErrorCondition(p);
    report(p, p->getCurrentToken(), getExpectedTokens(p));
  }

 private:
  void report(antlr4::Parser* p, Token* found, const antlr4::misc::IntervalSet& expected_set) {
    const auto& vocabulary = p->getVocabulary();
    std::vector<std::string> expected;
    for (ssize_t type : expected_set.toList()) expected.push_back(symbolic_name(vocabulary, type));
    FoundToken what;
    what.kind = found ? symbolic_name(vocabulary, static_cast<ssize_t>(found->getType())) : "EOF";
    what.text = found ? found->getText() : "";
    if (found) {
      Token* before = found->getTokenIndex() > 0 && found->getTokenIndex() != INVALID_INDEX
                          ? p->getTokenStream()->get(found->getTokenIndex() - 1)
                          : nullptr;
      // Hidden tokens (unknown characters) count as text on the line; skipped layout does not.
      what.first_on_line = before == nullptr || before->getLine() < found->getLine();
      if (before) what.previous = {symbolic_name(vocabulary, static_cast<ssize_t>(before->getType())), before->getText()};
      // Unknown characters (hidden) are context too: the `/` of `24/7`. Comments are not.
      auto* stream = p->getTokenStream();
      if (found->getTokenIndex() != INVALID_INDEX)
        for (size_t i = found->getTokenIndex() + 1; i < stream->size() && what.next.size() < kContextTokens; ++i) {
          Token* t = stream->get(i);
          if (t->getType() == Token::EOF || t->getLine() != found->getLine()) break;
          if (t->getType() == TermsLexer::COMMENT) continue;
          what.next.push_back({symbolic_name(vocabulary, static_cast<ssize_t>(t->getType())), t->getText()});
        }
    }
    SyntaxMessage m = describe_syntax_error(what, expected);
    std::string msg = m.message;
    for (const auto& n : m.notes) msg += "\n" + n;
    // Recovery resumes at the next token that could start something (often the next rule), so
    // a second error on the same line is nearly always a consequence of the first: drop it.
    size_t line = found ? found->getLine() : 0;
    if (errors_ > 0 && line == last_line_) return;
    last_line_ = line;
    p->notifyErrorListeners(found, msg, nullptr);
    if (++errors_ >= kMaxSyntaxErrors) throw antlr4::ParseCancellationException("too many syntax errors");
  }

  int errors_ = 0;
  size_t last_line_ = 0;
};

// --- lexical errors -------------------------------------------------------------------------

// Control characters are invisible in a message: name them by code point.
bool is_control(const std::string& ch) {
  return ch.size() == 1 && (static_cast<unsigned char>(ch[0]) < 0x20 || ch[0] == 0x7F);
}

std::string describe_char(const std::string& ch) {
  if (!is_control(ch)) return "`" + ch + "`";
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(static_cast<unsigned char>(ch[0])));
  return buf;
}

// The `/` of `business hours 24/7`: one mistake, answered once, by the syntax error at `24`.
bool round_the_clock(const std::vector<Token*>& all, size_t i) {
  return i >= 2 && i + 1 < all.size() && all[i]->getText() == "/" && all[i - 2]->getType() == TermsLexer::HOURS &&
         all[i - 1]->getType() == TermsLexer::INT && all[i - 1]->getText() == "24" &&
         all[i + 1]->getType() == TermsLexer::INT && all[i + 1]->getText() == "7";
}

// Unknown characters, unterminated strings and names: the lexer passes them on as tokens (see
// TermsLexer.g4) and they are reported here, once each, with the whole token underlined.
void report_lexical_errors(antlr4::CommonTokenStream& tokens, uint32_t file,
                           const std::set<size_t>& replaced, Diagnostics& diags) {
  const auto& all = tokens.getTokens();
  for (size_t i = 0; i < all.size(); ++i) {
    Token* t = all[i];
    SourceLoc loc{file, static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine() + 1)};
    std::string text = t->getText();
    if (t->getType() == TermsLexer::ERROR_CHAR) {
      if (replaced.count(t->getStartIndex())) continue;
      if (round_the_clock(all, i)) continue;  // the syntax error at `24` says what to write
      // A run of unknown characters is one error.
      size_t j = i;
      while (j + 1 < all.size() && all[j + 1]->getType() == TermsLexer::ERROR_CHAR &&
             all[j + 1]->getStartIndex() == all[j]->getStopIndex() + 1 &&
             !replaced.count(all[j + 1]->getStartIndex()))
        ++j;
      if (j == i) {
        diags.error(loc, "unexpected character " + describe_char(text));
      } else {
        std::string run;
        bool printable = true;
        for (size_t k = i; k <= j; ++k) {
          std::string ch = all[k]->getText();
          printable = printable && !is_control(ch);
          run += ch;
        }
        diags.error(loc, printable ? "unexpected characters `" + run + "`"
                                   : "unexpected characters (" + std::to_string(j - i + 1) + " control characters)",
                    {}, static_cast<uint32_t>(j - i + 1));
      }
      i = j;
    } else if (t->getType() == TermsLexer::STRING) {
      if (!unescape_string(text).terminated)
        diags.error(loc, "unterminated string", {"a string ends with `\"` on the same line"}, token_width(t));
    } else if (t->getType() == TermsLexer::ID && !text.empty() && text[0] == '`') {
      if (text.size() < 2 || text.back() != '`')
        diags.error(loc, "unterminated name in backticks", {"a backticked name ends with ` on the same line"},
                    token_width(t));
      else if (text.size() == 2)
        diags.error(loc, "empty name in backticks", {}, 2);
    }
  }
}

}  // namespace

// Comments ride on the hidden channel; they are kept (with whether code precedes them on their
// line) so that `pactum fmt` can put them back.
void collect_comments(antlr4::CommonTokenStream& tokens, uint32_t file, model::Agreement& out) {
  size_t last_code_line = 0;
  for (Token* t : tokens.getTokens()) {
    if (t->getType() == Token::EOF) break;
    size_t line = t->getLine();
    if (t->getType() == TermsLexer::COMMENT) {
      std::string text = t->getText();
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.pop_back();
      out.comments.push_back(model::Comment{
          SourceLoc{file, static_cast<uint32_t>(line), static_cast<uint32_t>(t->getCharPositionInLine() + 1)}, text,
          last_code_line == line});
    } else if (t->getChannel() == Token::DEFAULT_CHANNEL) {
      last_code_line = line;
    }
  }
}

void parse_source(const std::string& utf8, uint32_t file, const std::set<size_t>& replaced,
                  model::Agreement& out, Diagnostics& diags) {
  antlr4::ANTLRInputStream input(utf8);
  TermsLexer lexer(&input);
  DiagnosticListener listener(file, diags);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);  // cannot fire (the lexer has a catch-all rule); kept as a net
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  report_lexical_errors(tokens, file, replaced, diags);

  // The parser recurses once per `(` and `not`: refuse absurd nesting before it can exhaust the
  // stack (a crash no try/catch can turn into a diagnostic).
  int depth = 0;
  for (Token* t : tokens.getTokens()) {
    if (t->getType() == TermsLexer::LPAREN || t->getType() == TermsLexer::NOT) ++depth;
    if (t->getType() == TermsLexer::RPAREN) depth = std::max(0, depth - 1);
    size_t type = t->getType();
    if (type == TermsLexer::EVERY || type == TermsLexer::TERM || type == TermsLexer::EXPECTATION ||
        type == TermsLexer::PARTY)
      depth = 0;  // a new rule or block: the previous condition is over, however unbalanced
    if (depth > kMaxNesting) {
      diags.error(SourceLoc{file, static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine() + 1)},
                  "condition nested too deeply (more than " + std::to_string(kMaxNesting) + " levels of `(` and `not`)");
      return;
    }
  }

  TermsParser parser(&tokens);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  auto strategy = std::make_shared<UserWordsErrorStrategy>();
  parser.setErrorHandler(strategy);
  TermsParser::FileContext* tree = nullptr;
  try {
    tree = parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    diags.error(SourceLoc{file, static_cast<uint32_t>(tokens.LT(1)->getLine()),
                          static_cast<uint32_t>(tokens.LT(1)->getCharPositionInLine() + 1)},
                "too many syntax errors; stopped reading the file here");
    return;  // the partial tree is not worth building after this many errors
  }
  AstBuilder builder(file, diags);
  builder.visitFile(tree);
  out = builder.take();
  collect_comments(tokens, file, out);
}

std::vector<std::string> lex_for_test(const std::string& utf8) {
  antlr4::ANTLRInputStream input(utf8);
  TermsLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  std::vector<std::string> out;
  for (Token* t : tokens.getTokens()) {
    if (t->getType() == Token::EOF) break;
    if (t->getType() == TermsLexer::COMMENT) continue;  // comments are not tokens of the language
    out.push_back(symbolic_name(lexer.getVocabulary(), static_cast<ssize_t>(t->getType())) + " " + t->getText());
  }
  return out;
}

}  // namespace pactum::syntax::detail
