// The ANTLR front end: lexer, parser, error reporting glue and the visitor that turns the parse
// tree into model::Agreement. This is the only file that includes generated code; the wording
// of errors lives in syntax_errors.cc, literal reading in literals.cc.
#include "engine/syntax/ast_builder.h"

#include <algorithm>

#include "TermsLexer.h"
#include "TermsParser.h"
#include "TermsParserBaseVisitor.h"
#include "antlr4-runtime.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/literals.h"
#include "engine/syntax/syntax_errors.h"

namespace pactum::syntax::detail {

namespace {

using grammar::TermsLexer;
using grammar::TermsParser;
using antlr4::Token;
using antlr4::tree::TerminalNode;

std::string symbolic_name(const antlr4::dfa::Vocabulary& vocabulary, ssize_t type) {
  if (type < 0 || static_cast<size_t>(type) == Token::EOF) return "EOF";
  return vocabulary.getSymbolicName(static_cast<size_t>(type));
}

uint32_t token_width(const Token* t) {
  if (t == nullptr || t->getType() == Token::EOF) return 1;
  if (t->getStopIndex() == INVALID_INDEX || t->getStopIndex() < t->getStartIndex()) return 1;
  return static_cast<uint32_t>(t->getStopIndex() - t->getStartIndex() + 1);
}

// --- error reporting glue -----------------------------------------------------------------------

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
    FoundToken what{found ? symbolic_name(vocabulary, static_cast<ssize_t>(found->getType())) : "EOF",
                    found ? found->getText() : ""};
    if (found) {
      Token* before = found->getTokenIndex() > 0 && found->getTokenIndex() != INVALID_INDEX
                          ? p->getTokenStream()->get(found->getTokenIndex() - 1)
                          : nullptr;
      // Hidden tokens (unknown characters) count as text on the line; skipped layout does not.
      what.first_on_line = before == nullptr || before->getLine() < found->getLine();
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

// --- the visitor: parse tree -> model -----------------------------------------------------------

// Every accessor of a partly parsed tree may return nullptr, and ANTLR's recovery may insert
// conjured tokens ("<missing ID>"): both are treated as absent, so a broken file still gives a
// partial AST and every literal error in it.
class AstBuilder : public grammar::TermsParserBaseVisitor {
 public:
  AstBuilder(uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  antlrcpp::Any visitFile(TermsParser::FileContext* ctx) override {
    if (ctx->agreement()) out_.header = agreement(ctx->agreement());
    for (auto* child : ctx->children) {
      if (auto* p = dynamic_cast<TermsParser::PartyContext*>(child)) out_.parties.push_back(party(p));
      if (auto* b = dynamic_cast<TermsParser::BlockContext*>(child)) out_.blocks.push_back(block(b));
    }
    return {};
  }

  model::Agreement take() {
    out_.file = file_;
    return std::move(out_);
  }

 private:
  // -- tokens and small values --

  static const Token* token(TerminalNode* node) {
    if (node == nullptr || dynamic_cast<antlr4::tree::ErrorNode*>(node)) return nullptr;
    const Token* t = node->getSymbol();
    if (t == nullptr || t->getTokenIndex() == INVALID_INDEX) return nullptr;  // conjured by recovery
    return t;
  }
  SourceLoc loc(const Token* t) const {
    if (t == nullptr) return SourceLoc{file_, 0, 0};
    return SourceLoc{file_, static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine() + 1)};
  }
  SourceLoc loc(TerminalNode* node) const { return loc(node ? node->getSymbol() : nullptr); }
  SourceLoc loc(antlr4::ParserRuleContext* ctx) const { return loc(ctx ? ctx->getStart() : nullptr); }

  void error(const Token* t, std::string message, std::vector<std::string> notes = {}) {
    diags_.error(loc(t), std::move(message), std::move(notes), token_width(t));
  }

  model::Name name(TermsParser::NameContext* ctx) {
    model::Name n;
    if (ctx == nullptr) return n;
    const Token* t = token(ctx->ID());
    n.loc = loc(ctx);
    if (t == nullptr) return n;
    n.text = t->getText();
    if (!n.text.empty() && n.text[0] == '`') {  // backticked: strip (unterminated is reported by the lexer scan)
      n.text.erase(0, 1);
      if (!n.text.empty() && n.text.back() == '`') n.text.pop_back();
    }
    return n;
  }

  std::optional<std::string> string_value(TerminalNode* node) {
    const Token* t = token(node);
    if (t == nullptr) return std::nullopt;
    StringValue v = unescape_string(t->getText());
    for (const auto& [offset, pair] : v.bad_escapes) {
      SourceLoc at = loc(t);
      at.column += static_cast<uint32_t>(offset);
      diags_.error(at, "unknown escape `" + pair + "` in a string", {"only \\\" and \\\\ are escapes"}, 2);
    }
    return v.value;
  }

  std::optional<int64_t> int_value(TerminalNode* node) {
    const Token* t = token(node);
    if (t == nullptr) return std::nullopt;
    auto v = parse_int(t->getText());
    if (!v) error(t, "number too large: `" + t->getText() + "`");
    return v;
  }

  std::optional<date::year_month_day> date_value(TerminalNode* node) {
    const Token* t = token(node);
    if (t == nullptr) return std::nullopt;
    std::string why;
    auto parsed = parse_timestamp(t->getText(), &why);
    if (!parsed) {
      error(t, "invalid date `" + t->getText() + "`: " + why);
      return std::nullopt;
    }
    return date::year_month_day{date::floor<date::days>(parsed->local)};
  }

  std::optional<int> time_value(TerminalNode* node) {
    const Token* t = token(node);
    if (t == nullptr) return std::nullopt;
    std::string why;
    auto minutes = parse_time_of_day(t->getText(), &why);
    if (!minutes) error(t, "invalid time `" + t->getText() + "`: " + why);
    return minutes;
  }

  // -- agreement and parties --

  model::AgreementDecl agreement(TermsParser::AgreementContext* ctx) {
    model::AgreementDecl a;
    a.loc = loc(ctx->AGREEMENT());
    a.name = string_value(ctx->STRING());
    if (!a.name) a.name = std::string();
    for (auto* opt : ctx->agreementOpt()) {
      if (auto* e = dynamic_cast<TermsParser::EffectiveOptContext*>(opt)) {
        a.effective_loc = loc(e->EFFECTIVE());
        a.effective_from = date_value(e->DATE(0));
        a.effective_to = date_value(e->DATE(1));
      } else if (auto* c = dynamic_cast<TermsParser::AgreementCalendarOptContext*>(opt)) {
        calendar_option(c->calendarOpt(), a.calendar);
      }
    }
    return a;
  }

  model::PartyDecl party(TermsParser::PartyContext* ctx) {
    model::PartyDecl p;
    p.id = name(ctx->name());
    if (p.id.loc.line == 0) p.id.loc = loc(ctx);
    for (auto* opt : ctx->partyOpt()) {
      if (auto* n = dynamic_cast<TermsParser::PartyNameOptContext*>(opt)) {
        if (auto s = string_value(n->STRING())) p.display_name = *s;
      } else if (auto* r = dynamic_cast<TermsParser::PartyRoleOptContext*>(opt)) {
        p.role = name(r->name());
      } else if (auto* c = dynamic_cast<TermsParser::PartyCalendarOptContext*>(opt)) {
        calendar_option(c->calendarOpt(), p.calendar);
      }
    }
    return p;
  }

  // Lists accumulate over repeated options; single values take the last (spec 3).
  void calendar_option(TermsParser::CalendarOptContext* ctx, model::CalendarDecl& cal) {
    if (auto* tz = dynamic_cast<TermsParser::TimezoneOptContext*>(ctx)) {
      if (auto s = string_value(tz->STRING())) {
        cal.timezone = *s;
        cal.timezone_loc = loc(tz->STRING());
      }
    } else if (auto* h = dynamic_cast<TermsParser::HoursOptContext*>(ctx)) {
      if (!cal.hours_loc.valid()) cal.hours_loc = loc(h->BUSINESS());
      if (h->hours())
        for (auto* span : h->hours()->hoursSpan()) hours_span(span, cal.hours);
    } else if (auto* d = dynamic_cast<TermsParser::HolidaysOptContext*>(ctx)) {
      if (!cal.holidays_loc.valid()) cal.holidays_loc = loc(d->HOLIDAYS());
      cal.holidays_declared = true;
      for (auto* node : d->DATE())
        if (auto day = date_value(node)) cal.holidays.push_back(*day);
    }
  }

  static int day_number(TermsParser::DayContext* ctx) {
    if (ctx == nullptr || ctx->getStart() == nullptr) return 0;
    switch (ctx->getStart()->getType()) {
      case TermsParser::MON: return 0;
      case TermsParser::TUE: return 1;
      case TermsParser::WED: return 2;
      case TermsParser::THU: return 3;
      case TermsParser::FRI: return 4;
      case TermsParser::SAT: return 5;
      case TermsParser::SUN: return 6;
      default: return 0;
    }
  }

  void hours_span(TermsParser::HoursSpanContext* ctx, std::vector<model::HoursSpan>& out) {
    model::HoursSpan span;
    span.loc = loc(ctx);
    if (auto* days = ctx->dayspan()) {
      auto list = days->day();
      span.first_day = day_number(list.empty() ? nullptr : list[0]);
      span.last_day = list.size() > 1 ? day_number(list[1]) : span.first_day;
    }
    auto open = time_value(ctx->TIME(0));
    auto close = time_value(ctx->TIME(1));
    if (open && *open == 24 * 60) {
      error(token(ctx->TIME(0)), "24:00 is only allowed as a closing time", {"write 00:00 for the start of a day"});
      open.reset();
    }
    if (!open || !close) return;
    span.open_minute = *open;
    span.close_minute = *close;
    out.push_back(span);
  }

  // -- blocks and rules --

  model::Block block(TermsParser::BlockContext* ctx) {
    model::Block b;
    b.expectation = ctx->EXPECTATION() != nullptr;
    b.loc = loc(ctx);
    b.name = string_value(ctx->STRING()).value_or("");
    for (auto* opt : ctx->blockOpt()) {
      if (auto* c = dynamic_cast<TermsParser::ClauseOptContext*>(opt)) {
        if (auto s = string_value(c->STRING())) b.clause = *s;
      } else if (auto* s = dynamic_cast<TermsParser::SeverityOptContext*>(opt)) {
        if (s->CRITICAL()) b.severity = model::Severity::Critical;
        if (s->MAJOR()) b.severity = model::Severity::Major;
        if (s->MINOR()) b.severity = model::Severity::Minor;
      } else if (auto* r = dynamic_cast<TermsParser::ResponsibleOptContext*>(opt)) {
        for (auto* n : r->name()) b.responsible.push_back(name(n));
      } else if (auto* n = dynamic_cast<TermsParser::NoteOptContext*>(opt)) {
        if (auto s = string_value(n->STRING())) b.notes.push_back(*s);
      }
    }
    for (auto* r : ctx->rule_()) {
      model::Rule rule = this->rule(r);
      rule.number = static_cast<int>(b.rules.size()) + 1;
      rule.text = model::canonical_text(rule);
      b.rules.push_back(std::move(rule));
    }
    return b;
  }

  model::Rule rule(TermsParser::Rule_Context* ctx) {
    model::Rule r;
    r.loc = loc(ctx);
    if (auto* e = dynamic_cast<TermsParser::EveryRuleContext*>(ctx)) {
      r.subject = pattern(e->pattern());
      if (auto* req = dynamic_cast<TermsParser::RequiresTailContext*>(e->everyTail())) {
        r.kind = model::Rule::Kind::Requires;
        r.target = pattern(req->pattern());
        if (req->correlation())
          for (auto* n : req->correlation()->name()) r.same.push_back(name(n));
        r.timing = timing(req->timing());
      } else if (auto* occ = dynamic_cast<TermsParser::OccursTailContext*>(e->everyTail())) {
        r.kind = model::Rule::Kind::OccursWithin;
        for (auto* n : occ->name()) r.parties.push_back(name(n));
      }
    } else if (auto* c = dynamic_cast<TermsParser::CountRuleContext*>(ctx)) {
      r.kind = c->MOST() ? model::Rule::Kind::AtMost : model::Rule::Kind::AtLeast;
      r.count = int_value(c->INT()).value_or(0);
      r.subject = pattern(c->pattern());
      r.period = period(c->period());
      if (auto* a = c->allowance()) {
        r.allowed_misses = int_value(a->INT()).value_or(0);
        r.allowance_period = period(a->period());
      }
    } else if (auto* n = dynamic_cast<TermsParser::NoRuleContext*>(ctx)) {
      r.kind = model::Rule::Kind::No;
      r.subject = pattern(n->pattern());
    } else if (auto* g = dynamic_cast<TermsParser::AggregateRuleContext*>(ctx)) {
      r.kind = model::Rule::Kind::Aggregate;
      r.aggregate = aggregate(g->aggregate());
      r.attribute = name(g->name());
      r.subject = pattern(g->pattern());
      if (auto* b = g->bound()) {
        r.at_least = b->MOST() == nullptr;
        r.percent = b->PERCENT() != nullptr;
        r.bound_loc = loc(b->number());
        if (b->number()) r.bound = number_value(b->number()).value_or(0);
      }
      r.period = period(g->period());
    }
    return r;
  }

  static model::Aggregate aggregate(TermsParser::AggregateContext* ctx) {
    if (ctx == nullptr || ctx->getStart() == nullptr) return model::Aggregate::Average;
    switch (ctx->getStart()->getType()) {
      case TermsParser::MINIMUM: return model::Aggregate::Minimum;
      case TermsParser::MAXIMUM: return model::Aggregate::Maximum;
      case TermsParser::TOTAL: return model::Aggregate::Total;
      case TermsParser::LATEST: return model::Aggregate::Latest;
      default: return model::Aggregate::Average;
    }
  }

  std::optional<double> number_value(TermsParser::NumberContext* ctx) {
    const Token* t = ctx ? ctx->getStart() : nullptr;
    if (t == nullptr || t->getTokenIndex() == INVALID_INDEX) return std::nullopt;
    if (t->getType() != TermsParser::INT && t->getType() != TermsParser::NUMBER) return std::nullopt;  // syntax error
    auto v = parse_number(t->getText());
    // The token is a well-formed number; from_chars fails only when it overflows a double.
    if (!v) error(t, "number out of range: `" + t->getText() + "` (a number must lie within about 1.8e308)");
    return v;
  }

  model::Pattern pattern(TermsParser::PatternContext* ctx) {
    model::Pattern p;
    if (ctx == nullptr) return p;
    p.loc = loc(ctx);
    auto names = ctx->name();
    if (!names.empty()) p.type = name(names[0]);
    if (ctx->BY() && names.size() > 1) p.by = name(names[1]);
    if (ctx->condition()) p.where = condition(ctx->condition());
    return p;
  }

  // -- conditions: `and` binds tighter than `or`; nested nodes of the same kind (from
  //    parentheses) are flattened, so `(a or b) or c` and `a or b or c` are one AST --

  static void add_operand(model::Condition& parent, model::Condition child) {
    if (child.kind == parent.kind) {
      for (auto& o : child.operands) parent.operands.push_back(std::move(o));
    } else {
      parent.operands.push_back(std::move(child));
    }
  }

  model::Condition condition(TermsParser::ConditionContext* ctx) {
    auto conjs = ctx->conj();
    if (conjs.size() == 1) return conj(conjs[0]);
    model::Condition c;
    c.kind = model::Condition::Kind::Or;
    c.loc = loc(ctx);
    for (auto* j : conjs) add_operand(c, conj(j));
    return c;
  }

  model::Condition conj(TermsParser::ConjContext* ctx) {
    auto unaries = ctx->unary();
    if (unaries.size() == 1) return unary(unaries[0]);
    model::Condition c;
    c.kind = model::Condition::Kind::And;
    c.loc = loc(ctx);
    for (auto* u : unaries) add_operand(c, unary(u));
    return c;
  }

  model::Condition unary(TermsParser::UnaryContext* ctx) {
    model::Condition c;
    c.loc = loc(ctx);
    if (auto* n = dynamic_cast<TermsParser::NotUnaryContext*>(ctx)) {
      c.kind = model::Condition::Kind::Not;
      if (n->unary()) c.operands.push_back(unary(n->unary()));
    } else if (auto* p = dynamic_cast<TermsParser::ParenUnaryContext*>(ctx)) {
      if (p->condition()) return condition(p->condition());
    } else if (auto* cmp = dynamic_cast<TermsParser::ComparisonUnaryContext*>(ctx)) {
      if (cmp->comparison()) return comparison(cmp->comparison());
    }
    return c;
  }

  model::Condition comparison(TermsParser::ComparisonContext* ctx) {
    model::Condition c;
    c.loc = loc(ctx);
    c.attribute = name(ctx->name());
    if (ctx->compareOp()) {
      c.kind = model::Condition::Kind::Compare;
      c.op = compare_op(ctx->compareOp());
      for (auto* l : ctx->literal()) c.values.push_back(literal(l));
    } else if (ctx->INCLUDE()) {
      c.kind = model::Condition::Kind::Include;
      for (auto* l : ctx->literal()) c.values.push_back(literal(l));
    } else if (ctx->IS()) {
      c.kind = ctx->ABSENT() ? model::Condition::Kind::Absent : model::Condition::Kind::Present;
    }
    return c;
  }

  static model::CompareOp compare_op(TermsParser::CompareOpContext* ctx) {
    if (ctx == nullptr || ctx->getStart() == nullptr) return model::CompareOp::Eq;
    switch (ctx->getStart()->getType()) {
      case TermsParser::NE: return model::CompareOp::Ne;
      case TermsParser::LT: return model::CompareOp::Lt;
      case TermsParser::LE: return model::CompareOp::Le;
      case TermsParser::GT: return model::CompareOp::Gt;
      case TermsParser::GE: return model::CompareOp::Ge;
      default: return model::CompareOp::Eq;
    }
  }

  model::Literal literal(TermsParser::LiteralContext* ctx) {
    using K = model::Literal::Kind;
    model::Literal l;
    l.loc = loc(ctx);
    if (ctx->STRING()) {
      l.kind = K::String;
      l.text = string_value(ctx->STRING()).value_or("");
    } else if (ctx->number()) {
      l.kind = K::Number;
      l.text = ctx->number()->getText();
      l.number = number_value(ctx->number()).value_or(0);
      l.percent = ctx->PERCENT() != nullptr;
    } else if (ctx->DATE() || ctx->DATETIME()) {
      TerminalNode* node = ctx->DATE() ? ctx->DATE() : ctx->DATETIME();
      l.kind = ctx->DATE() ? K::Date : K::DateTime;
      l.text = node->getText();
      std::string why;
      if (auto t = parse_timestamp(l.text, &why)) {
        l.time = *t;
      } else if (token(node)) {
        error(token(node), std::string(ctx->DATE() ? "invalid date `" : "invalid date-time `") + l.text + "`: " + why);
      }
    } else if (ctx->TRUE() || ctx->FALSE()) {
      l.kind = K::Bool;
      l.boolean = ctx->TRUE() != nullptr;
      l.text = l.boolean ? "true" : "false";
    } else if (ctx->name()) {
      l.kind = K::Identifier;
      l.text = name(ctx->name()).text;
    }
    return l;
  }

  // -- timing, durations, periods --

  model::Timing timing(TermsParser::TimingContext* ctx) {
    using K = model::Timing::Kind;
    model::Timing t;
    if (ctx == nullptr) return t;
    t.loc = loc(ctx);
    if (dynamic_cast<TermsParser::BeforeTimingContext*>(ctx)) {
      t.kind = K::Before;
    } else if (dynamic_cast<TermsParser::AfterTimingContext*>(ctx)) {
      t.kind = K::After;
    } else if (auto* a = dynamic_cast<TermsParser::AtLeastTimingContext*>(ctx)) {
      t.kind = K::AtLeastBefore;
      t.duration = duration(a->duration());
    } else if (auto* w = dynamic_cast<TermsParser::WithinTimingContext*>(ctx)) {
      t.kind = w->AFTER() ? K::WithinAfter : K::WithinBefore;
      t.duration = duration(w->duration());
    } else if (auto* n = dynamic_cast<TermsParser::NoLaterThanTimingContext*>(ctx)) {
      t.kind = K::NoLaterThan;
      t.attribute = name(n->name());
    }
    return t;
  }

  // Limit (docs/security.md): no duration or period may exceed 400 years, the span of the years
  // the calendar supports (1900-2300). Larger amounts are meaningless and overflowed the
  // millisecond arithmetic of the evaluator (found by fuzz/fuzz_terms).
  static constexpr int64_t kMaxDays = 146097;  // 400 Gregorian years
  void limit_length(TerminalNode* node, int64_t amount, int64_t max, const char* unit) {
    const Token* t = token(node);
    if (t == nullptr || amount <= max) return;
    error(t, "too long: `" + t->getText() + " " + unit + "` is more than 400 years (the limit is " +
                 std::to_string(max) + " " + unit + ")");
  }

  model::Duration duration(TermsParser::DurationContext* ctx) {
    using U = model::Duration::Unit;
    model::Duration d;
    if (ctx == nullptr) return d;
    d.loc = loc(ctx);
    d.amount = int_value(ctx->INT()).value_or(0);
    if (ctx->BUSINESS()) {
      bool days = ctx->businessUnit() && (ctx->businessUnit()->DAY() || ctx->businessUnit()->DAYS());
      d.unit = days ? U::BusinessDays : U::BusinessHours;
      if (ctx->OF()) d.of_party = name(ctx->name());
    } else {
      size_t unit = ctx->unit() && ctx->unit()->getStart() ? ctx->unit()->getStart()->getType()
                                                           : static_cast<size_t>(TermsParser::HOURS);
      switch (unit) {
        case TermsParser::MINUTE:
        case TermsParser::MINUTES: d.unit = U::Minutes; break;
        case TermsParser::DAY:
        case TermsParser::DAYS: d.unit = U::Days; break;
        case TermsParser::WEEK:
        case TermsParser::WEEKS: d.unit = U::Weeks; break;
        default: d.unit = U::Hours; break;
      }
    }
    switch (d.unit) {
      case U::Minutes: limit_length(ctx->INT(), d.amount, kMaxDays * 24 * 60, "minutes"); break;
      case U::Hours: limit_length(ctx->INT(), d.amount, kMaxDays * 24, "hours"); break;
      case U::BusinessHours: limit_length(ctx->INT(), d.amount, kMaxDays * 24, "business hours"); break;
      case U::Days: limit_length(ctx->INT(), d.amount, kMaxDays, "days"); break;
      case U::BusinessDays: limit_length(ctx->INT(), d.amount, kMaxDays, "business days"); break;
      case U::Weeks: limit_length(ctx->INT(), d.amount, kMaxDays / 7, "weeks"); break;
    }
    return d;
  }

  model::Period period(TermsParser::PeriodContext* ctx) {
    using U = model::Period::Unit;
    model::Period p;
    if (ctx == nullptr) return p;
    p.loc = loc(ctx);
    if (ctx->INT()) {
      p.count = int_value(ctx->INT()).value_or(0);
      if (ctx->DAYS() || ctx->DAY()) p.unit = U::Days;
      else if (ctx->MONTHS() || ctx->MONTH()) p.unit = U::Months;
      else p.unit = U::Weeks;
      if (p.unit == U::Days) limit_length(ctx->INT(), p.count, kMaxDays, "days");
      else if (p.unit == U::Months) limit_length(ctx->INT(), p.count, 400 * 12, "months");
      else limit_length(ctx->INT(), p.count, kMaxDays / 7, "weeks");
      return p;
    }
    if (ctx->DAY()) p.unit = U::Day;
    else if (ctx->WEEK()) p.unit = U::Week;
    else if (ctx->MONTH()) p.unit = U::Month;
    else if (ctx->QUARTER()) p.unit = U::Quarter;
    else if (ctx->YEAR()) p.unit = U::Year;
    return p;
  }

  uint32_t file_;
  Diagnostics& diags_;
  model::Agreement out_;
};

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
