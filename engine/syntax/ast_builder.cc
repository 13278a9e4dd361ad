// Parse tree -> model: the agreement header, parties, calendars, intervals, blocks and their
// options (rules are built in rule_builder.cc), and the literal values they carry.
#include <algorithm>

#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/ast_visitor.h"
#include "engine/syntax/literals.h"

namespace pactum::syntax::detail {

antlrcpp::Any AstBuilder::visitFile(TermsParser::FileContext* ctx) {
  if (ctx->agreement()) out_.header = agreement(ctx->agreement());
  for (auto* child : ctx->children) {
    if (auto* p = dynamic_cast<TermsParser::PartyContext*>(child)) out_.parties.push_back(party(p));
    if (auto* c = dynamic_cast<TermsParser::CalendarDeclContext*>(child)) out_.calendars.push_back(calendar(c));
    if (auto* i = dynamic_cast<TermsParser::IntervalDeclContext*>(child)) out_.intervals.push_back(interval(i));
    if (auto* b = dynamic_cast<TermsParser::BlockContext*>(child)) out_.blocks.push_back(block(b));
  }
  return {};
}

// -- tokens and small values --

const antlr4::Token* AstBuilder::token(TerminalNode* node) {
  if (node == nullptr || dynamic_cast<antlr4::tree::ErrorNode*>(node)) return nullptr;
  const Token* t = node->getSymbol();
  if (t == nullptr || t->getTokenIndex() == INVALID_INDEX) return nullptr;  // conjured by recovery
  return t;
}

SourceLoc AstBuilder::loc(const Token* t) const {
  if (t == nullptr) return SourceLoc{file_, 0, 0};
  return SourceLoc{file_, static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine() + 1)};
}

void AstBuilder::error(const Token* t, std::string message, std::vector<std::string> notes) {
  diags_.error(loc(t), std::move(message), std::move(notes), token_width(t));
}

model::Name AstBuilder::name(TermsParser::NameContext* ctx) {
  model::Name n;
  if (ctx == nullptr) return n;
  n.loc = loc(ctx);
  const Token* t = ctx->ID() ? token(ctx->ID()) : ctx->getStart();  // a version 2 word used as a name
  if (t == nullptr || t->getTokenIndex() == INVALID_INDEX) return n;
  n.text = t->getText();
  if (!n.text.empty() && n.text[0] == '`') {  // backticked: strip (unterminated is reported by the lexer scan)
    n.text.erase(0, 1);
    if (!n.text.empty() && n.text.back() == '`') n.text.pop_back();
  }
  return n;
}

std::optional<std::string> AstBuilder::string_value(TerminalNode* node) {
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

std::optional<int64_t> AstBuilder::int_value(TerminalNode* node) {
  const Token* t = token(node);
  if (t == nullptr) return std::nullopt;
  auto v = parse_int(t->getText());
  if (!v) error(t, "number too large: `" + t->getText() + "`");
  return v;
}

std::optional<double> AstBuilder::number_value(TermsParser::NumberContext* ctx) {
  const Token* t = ctx ? ctx->getStart() : nullptr;
  if (t == nullptr || t->getTokenIndex() == INVALID_INDEX) return std::nullopt;
  if (t->getType() != TermsParser::INT && t->getType() != TermsParser::NUMBER) return std::nullopt;  // syntax error
  auto v = parse_number(t->getText());
  // The token is a well-formed number; from_chars fails only when it overflows a double.
  if (!v) error(t, "number out of range: `" + t->getText() + "` (a number must lie within about 1.8e308)");
  return v;
}

// Shares, thresholds and money are exact decimals (V2.3, V2.8): at most 18 significant digits.
std::optional<model::Decimal> AstBuilder::decimal_value(TermsParser::NumberContext* ctx) {
  const Token* t = ctx ? ctx->getStart() : nullptr;
  if (t == nullptr || t->getTokenIndex() == INVALID_INDEX) return std::nullopt;
  if (t->getType() != TermsParser::INT && t->getType() != TermsParser::NUMBER) return std::nullopt;
  auto d = model::parse_decimal(t->getText());
  if (!d) error(t, "number too precise: `" + t->getText() + "` (at most 18 significant digits)");
  return d;
}

std::optional<date::year_month_day> AstBuilder::date_value(TerminalNode* node) {
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

std::optional<int> AstBuilder::time_value(TerminalNode* node) {
  const Token* t = token(node);
  if (t == nullptr) return std::nullopt;
  std::string why;
  auto minutes = parse_time_of_day(t->getText(), &why);
  if (!minutes) error(t, "invalid time `" + t->getText() + "`: " + why);
  return minutes;
}

// -- the agreement, parties, calendars and intervals --

model::AgreementDecl AstBuilder::agreement(TermsParser::AgreementContext* ctx) {
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
    } else if (auto* cur = dynamic_cast<TermsParser::CurrencyOptContext*>(opt)) {
      if (auto s = string_value(cur->STRING())) {  // given twice: the last (V2.2)
        a.currency = *s;
        a.currency_loc = loc(cur->CURRENCY());
      }
    } else if (auto* f = dynamic_cast<TermsParser::FeeOptContext*>(opt)) {
      model::FeeDecl fee;
      fee.id = name(f->name());
      fee.loc = loc(f->FEE());
      if (auto d = decimal_value(f->number())) fee.amount = *d;
      a.fees.push_back(std::move(fee));
    } else if (auto* cap = dynamic_cast<TermsParser::CreditCapOptContext*>(opt)) {
      model::CreditCap c;
      c.loc = loc(cap->CREDITS());
      c.amount = amount(cap->amount());
      c.period = period(cap->period());
      a.credit_cap = std::move(c);  // given twice: the last
    }
  }
  return a;
}

model::PartyDecl AstBuilder::party(TermsParser::PartyContext* ctx) {
  model::PartyDecl p;
  p.id = name(ctx->name());
  if (p.id.loc.line == 0) p.id.loc = loc(ctx);
  for (auto* opt : ctx->partyOpt()) {
    if (auto* n = dynamic_cast<TermsParser::PartyNameOptContext*>(opt)) {
      if (auto s = string_value(n->STRING())) p.display_name = *s, p.display_name_loc = loc(n);
    } else if (auto* r = dynamic_cast<TermsParser::PartyRoleOptContext*>(opt)) {
      p.role = name(r->name());
    } else if (auto* c = dynamic_cast<TermsParser::PartyCalendarOptContext*>(opt)) {
      calendar_option(c->calendarOpt(), p.calendar);
    }
  }
  return p;
}

model::CalendarDef AstBuilder::calendar(TermsParser::CalendarDeclContext* ctx) {
  model::CalendarDef c;
  c.id = name(ctx->name());
  if (c.id.loc.line == 0) c.id.loc = loc(ctx);
  for (auto* opt : ctx->calendarOpt()) calendar_option(opt, c.calendar);
  return c;
}

model::IntervalDecl AstBuilder::interval(TermsParser::IntervalDeclContext* ctx) {
  model::IntervalDecl i;
  i.loc = loc(ctx);
  i.id = name(ctx->name());
  auto patterns = ctx->pattern();
  if (!patterns.empty()) i.open = pattern(patterns[0]);
  if (patterns.size() > 1) i.close = pattern(patterns[1]);
  if (ctx->correlation())
    for (auto* n : ctx->correlation()->name()) i.same.push_back(name(n));
  return i;
}

// Lists accumulate over repeated options; single values take the last (spec 3).
void AstBuilder::calendar_option(TermsParser::CalendarOptContext* ctx, model::CalendarDecl& cal) {
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

namespace {

int day_number(TermsParser::DayContext* ctx) {
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

}  // namespace

void AstBuilder::hours_span(TermsParser::HoursSpanContext* ctx, std::vector<model::HoursSpan>& out) {
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

// -- blocks and their options --

model::Block AstBuilder::block(TermsParser::BlockContext* ctx) {
  model::Block b;
  b.expectation = ctx->EXPECTATION() != nullptr;
  b.loc = loc(ctx);
  b.name = string_value(ctx->STRING()).value_or("");
  for (auto* opt : ctx->blockOpt()) {
    if (auto* c = dynamic_cast<TermsParser::ClauseOptContext*>(opt)) {
      if (auto s = string_value(c->STRING())) b.clause = *s, b.clause_loc = loc(c);
    } else if (auto* s = dynamic_cast<TermsParser::SeverityOptContext*>(opt)) {
      b.severity_loc = loc(s);
      if (s->CRITICAL()) b.severity = model::Severity::Critical;
      if (s->MAJOR()) b.severity = model::Severity::Major;
      if (s->MINOR()) b.severity = model::Severity::Minor;
    } else if (auto* r = dynamic_cast<TermsParser::ResponsibleOptContext*>(opt)) {
      for (auto* n : r->name()) b.responsible.push_back(name(n));
    } else if (auto* n = dynamic_cast<TermsParser::NoteOptContext*>(opt)) {
      if (auto s = string_value(n->STRING())) b.notes.push_back(*s), b.note_locs.push_back(loc(n));
    } else if (auto* e = dynamic_cast<TermsParser::BlockEffectiveOptContext*>(opt)) {
      b.effective_loc = loc(e->EFFECTIVE());  // given twice: the last (V2.2)
      b.effective_from = date_value(e->DATE(0));
      b.effective_to = date_value(e->DATE(1));
    } else if (auto* c = dynamic_cast<TermsParser::CreditOptContext*>(opt)) {
      b.credits.push_back(credit(c));  // credit lines accumulate
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

model::Amount AstBuilder::amount(TermsParser::AmountContext* ctx) {
  model::Amount a;
  if (ctx == nullptr) return a;
  a.loc = loc(ctx);
  if (auto d = decimal_value(ctx->number())) a.number = *d;
  if (ctx->OF()) a.fee = name(ctx->name());
  return a;
}

model::CreditLine AstBuilder::credit(TermsParser::CreditOptContext* ctx) {
  model::CreditLine c;
  c.loc = loc(ctx->CREDIT());
  c.amount = amount(ctx->amount());
  if (auto* per = ctx->creditPer()) {
    if (per->DAY()) c.per = model::CreditLine::Per::DayLate;
    else if (per->HOUR()) c.per = model::CreditLine::Per::HourLate;
  }
  if (auto* when = ctx->creditWhen()) {
    model::CreditLine::Threshold t;
    t.above = when->ABOVE() != nullptr;
    t.percent = when->PERCENT() != nullptr;
    t.loc = loc(when->number());
    if (auto d = decimal_value(when->number())) t.value = *d;
    c.when = std::move(t);
  }
  return c;
}

}  // namespace pactum::syntax::detail
