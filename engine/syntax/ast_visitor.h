// Internal to engine/syntax, and with front_end.cc, ast_builder.cc and rule_builder.cc the only
// code that sees ANTLR's generated types: the visitor that turns the parse tree into
// model::Agreement. Declarations and options are built in ast_builder.cc, rules in
// rule_builder.cc.
//
// Every accessor of a partly parsed tree may return nullptr, and ANTLR's recovery may insert
// conjured tokens ("<missing ID>"): both are treated as absent, so a broken file still gives a
// partial AST and every literal error in it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "TermsLexer.h"
#include "TermsParser.h"
#include "TermsParserBaseVisitor.h"
#include "antlr4-runtime.h"
#include "engine/base/diagnostics.h"
#include "engine/model/agreement.h"

namespace pactum::syntax::detail {

using grammar::TermsLexer;
using grammar::TermsParser;

inline uint32_t token_width(const antlr4::Token* t) {
  if (t == nullptr || t->getType() == antlr4::Token::EOF) return 1;
  if (t->getStopIndex() == INVALID_INDEX || t->getStopIndex() < t->getStartIndex()) return 1;
  return static_cast<uint32_t>(t->getStopIndex() - t->getStartIndex() + 1);
}

class AstBuilder : public grammar::TermsParserBaseVisitor {
 public:
  AstBuilder(uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

  antlrcpp::Any visitFile(TermsParser::FileContext* ctx) override;
  model::Agreement take() {
    out_.file = file_;
    return std::move(out_);
  }

 private:
  using Token = antlr4::Token;
  using TerminalNode = antlr4::tree::TerminalNode;

  // -- tokens and small values (ast_builder.cc) --
  static const Token* token(TerminalNode* node);
  SourceLoc loc(const Token* t) const;
  SourceLoc loc(TerminalNode* node) const { return loc(node ? node->getSymbol() : nullptr); }
  SourceLoc loc(antlr4::ParserRuleContext* ctx) const { return loc(ctx ? ctx->getStart() : nullptr); }
  void error(const Token* t, std::string message, std::vector<std::string> notes = {});
  model::Name name(TermsParser::NameContext* ctx);
  std::optional<std::string> string_value(TerminalNode* node);
  std::optional<int64_t> int_value(TerminalNode* node);
  std::optional<double> number_value(TermsParser::NumberContext* ctx);
  std::optional<model::Decimal> decimal_value(TermsParser::NumberContext* ctx);
  std::optional<date::year_month_day> date_value(TerminalNode* node);
  std::optional<int> time_value(TerminalNode* node);

  // -- declarations and options (ast_builder.cc) --
  model::AgreementDecl agreement(TermsParser::AgreementContext* ctx);
  model::PartyDecl party(TermsParser::PartyContext* ctx);
  model::CalendarDef calendar(TermsParser::CalendarDeclContext* ctx);
  model::IntervalDecl interval(TermsParser::IntervalDeclContext* ctx);
  void calendar_option(TermsParser::CalendarOptContext* ctx, model::CalendarDecl& cal);
  void hours_span(TermsParser::HoursSpanContext* ctx, std::vector<model::HoursSpan>& out);
  model::Block block(TermsParser::BlockContext* ctx);
  model::Amount amount(TermsParser::AmountContext* ctx);
  model::CreditLine credit(TermsParser::CreditOptContext* ctx);

  // -- rules (rule_builder.cc) --
  model::Rule rule(TermsParser::Rule_Context* ctx);
  void every_rule(TermsParser::EveryRuleContext* ctx, model::Rule& r);
  void period_rule(TermsParser::PeriodTailContext* ctx, model::Rule& r);
  void count_rule(TermsParser::CountRuleContext* ctx, model::Rule& r);
  void duration_rule(TermsParser::AggregateRuleContext* ctx, model::Rule& r);
  void percentile_rule(TermsParser::PercentileRuleContext* ctx, model::Rule& r);
  void duration_measure(TermsParser::NameContext* interval, TermsParser::DuringContext* during,
                        TermsParser::DurationBoundContext* bound, TermsParser::PeriodContext* period, model::Rule& r);
  void aggregate_rule(TermsParser::AggregateRuleContext* ctx, model::Rule& r);
  std::optional<model::SmallSample> small(TermsParser::SmallContext* ctx);
  model::Pattern pattern(TermsParser::PatternContext* ctx);
  model::Condition condition(TermsParser::ConditionContext* ctx);
  model::Condition conj(TermsParser::ConjContext* ctx);
  model::Condition unary(TermsParser::UnaryContext* ctx);
  model::Condition comparison(TermsParser::ComparisonContext* ctx);
  model::Literal literal(TermsParser::LiteralContext* ctx);
  model::Timing timing(TermsParser::TimingContext* ctx);
  void limit_length(TerminalNode* node, int64_t amount, int64_t max, const char* unit);
  model::Duration duration(TermsParser::DurationContext* ctx);
  model::Duration plain_duration(TermsParser::PlainDurationContext* ctx);
  model::Period period(TermsParser::PeriodContext* ctx);

  uint32_t file_;
  Diagnostics& diags_;
  model::Agreement out_;
};

}  // namespace pactum::syntax::detail
