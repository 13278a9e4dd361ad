// Hover: what the word under the cursor means, in the words of `pactum explain`.
#include <cctype>

#include <fmt/format.h>

#include "engine/app/explain.h"
#include "engine/lsp/features.h"
#include "engine/model/rule_text.h"

namespace pactum::lsp {

namespace {

std::string hours_text(const std::vector<model::HoursSpan>& hours) {
  static const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string out;
  for (const auto& h : hours) {
    if (!out.empty()) out += ", ";
    out += days[h.first_day % 7];
    if (h.last_day != h.first_day) out += std::string("-") + days[h.last_day % 7];
    out += fmt::format(" {:02}:{:02}-{:02}:{:02}", h.open_minute / 60, h.open_minute % 60, h.close_minute / 60,
                       h.close_minute % 60);
  }
  return out;
}

std::string dates_text(const std::vector<date::year_month_day>& dates) {
  std::string out;
  for (const auto& d : dates) out += (out.empty() ? "" : ", ") + date::format("%F", d);
  return out.empty() ? "none" : out;
}

// Zone, hours and holidays of a party or calendar, each inherited separately from the agreement.
std::string calendar_lines(const Analysis& a, const std::string& id, const model::CalendarDecl& own) {
  const model::CalendarDecl* header = a.ast().header ? &a.ast().header->calendar : nullptr;
  std::string zone;
  if (const auto* r = a.resolved()) zone = std::string(r->calendar_of(id).zone()->name());
  else if (own.timezone) zone = *own.timezone;
  else if (header && header->timezone) zone = *header->timezone;
  else zone = "UTC";
  if (!own.timezone) zone += " (the agreement's)";
  std::string hours = !own.hours.empty()                   ? hours_text(own.hours)
                      : header && !header->hours.empty() ? hours_text(header->hours) + " (the agreement's)"
                                                         : "mon-fri 09:00-17:00 (the default)";
  std::string holidays = own.holidays_declared ? dates_text(own.holidays)
                         : header && header->holidays_declared ? dates_text(header->holidays) + " (the agreement's)"
                                                               : "none";
  return fmt::format("- Time zone: {}\n- Business hours: {}\n- Holidays: {}", zone, hours, holidays);
}

std::string name_hover(const Analysis& a, const NameUse& use) {
  const auto& ast = a.ast();
  switch (use.kind) {
    case NameKind::Party:
      if (const auto* p = ast.find_party(use.text)) {
        std::string title = fmt::format("**party {}**", p->id.text);
        if (p->display_name) title += " — " + *p->display_name;
        if (p->role) title += fmt::format(" ({})", p->role->text);
        return title + "\n\n" + calendar_lines(a, p->id.text, p->calendar);
      }
      return fmt::format("**{}**: no party or calendar of this name is declared", use.text);
    case NameKind::Calendar:
      if (const auto* c = ast.find_calendar(use.text))
        return fmt::format("**calendar {}**\n\n{}", c->id.text, calendar_lines(a, c->id.text, c->calendar));
      return "";
    case NameKind::Interval:
      if (const auto* i = ast.find_interval(use.text)) {
        std::string same;
        for (const auto& k : i->same) same += (same.empty() ? " with the same " : ", ") + k.text;
        return fmt::format("**interval {}**\n\nFrom each `{}` to the next `{}`{}.", i->id.text,
                           model::canonical_text(i->open), model::canonical_text(i->close), same);
      }
      return fmt::format("**{}**: no interval of this name is declared", use.text);
    case NameKind::Fee:
      if (ast.header)
        for (const auto& f : ast.header->fees)
          if (f.id.text == use.text)
            return fmt::format("**fee {}**: {}{}", f.id.text, f.amount.text,
                               ast.header->currency ? " " + *ast.header->currency : std::string());
      return fmt::format("**{}**: no fee of this name is declared", use.text);
    case NameKind::EventType:
    case NameKind::Attribute: return "";
  }
  return "";
}

std::string rule_hover(const Analysis& a, const model::Block& block, const model::Rule& rule) {
  return fmt::format("**{} \"{}\", rule {}**\n\n{}\n\n*Responsible:* {}.", block.expectation ? "expectation" : "term",
                     block.name, rule.number, app::explain_rule(block, rule),
                     app::explain_responsible(a.ast(), block, rule));
}

// A block's name: what kind of block, its options and how many rules it has.
std::string block_hover(const model::Block& b) {
  std::string text = fmt::format("**{} \"{}\"**", b.expectation ? "expectation" : "term", b.name);
  std::vector<std::string> facts;
  if (b.clause) facts.push_back("clause " + *b.clause);
  static const char* severities[] = {"critical", "major", "minor"};
  facts.push_back(std::string("severity ") + severities[static_cast<int>(b.severity)]);
  if (!b.responsible.empty()) {
    std::string who;
    for (const auto& r : b.responsible) who += (who.empty() ? "" : ", ") + r.text;
    facts.push_back("responsible " + who);
  }
  if (b.effective_from && b.effective_to)
    facts.push_back("in force " + date::format("%F", *b.effective_from) + " to " + date::format("%F", *b.effective_to));
  facts.push_back(fmt::format("{} rule{}", b.rules.size(), b.rules.size() == 1 ? "" : "s"));
  if (!b.credits.empty()) facts.push_back(fmt::format("{} credit line{}", b.credits.size(), b.credits.size() == 1 ? "" : "s"));
  std::string list;
  for (const auto& f : facts) list += (list.empty() ? "" : "; ") + f;
  return text + "\n\n" + list + ".";
}

Json markdown(const std::string& text, Json range) {
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", std::move(range)}};
}

bool is_keyword(const syntax::LexedToken& t) {
  std::string word = t.text;
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t.kind != "ID" && (model::is_reserved_word(word) || model::is_soft_keyword(word));
}

}  // namespace

Json hover(const Analysis& a, Position at) {
  SourceLoc loc = a.lines().to_loc(at);
  const syntax::LexedToken* token = a.token_at(loc);
  if (!token || token->kind == "COMMENT") return nullptr;
  SourceLoc token_loc{0, token->line, token->column};

  if (const NameUse* use = a.name_at(loc)) {
    std::string text = name_hover(a, *use);
    if (!text.empty()) return markdown(text, a.range(use->loc, use->width));
  }
  auto at_rule = a.rule_at(loc);
  // A rule with a syntax error in it is half written: its partial AST explains nothing useful.
  if (at_rule.rule && !a.parsed()) {
    Extent e = a.extent_of(at_rule.rule->loc);
    for (const auto& d : a.diagnostics())
      if (d.level == DiagLevel::Error && e.contains(SourceLoc{0, d.loc.line, d.loc.column})) at_rule = {};
  }
  std::string rule_text = at_rule.rule ? rule_hover(a, *at_rule.block, *at_rule.rule) : "";
  if (is_keyword(*token) && !a.name_at(loc)) {
    std::string help = keyword_help(token->text);
    if (!help.empty()) {
      std::string text = fmt::format("`{}` — {}", token->text, help);
      if (!rule_text.empty()) text += "\n\n---\n\n" + rule_text;
      return markdown(text, a.range(token_loc, token->length));
    }
  }
  if (at_rule.rule) return markdown(rule_text, a.range(a.extent_of(at_rule.rule->loc)));
  if (token->kind == "STRING") {
    SourceLoc keyword = a.token_before(token_loc);
    for (const auto& b : a.ast().blocks)
      if (b.loc.line == keyword.line && b.loc.column == keyword.column)
        return markdown(block_hover(b), a.range(token_loc, token->length));
  }
  return nullptr;
}

}  // namespace pactum::lsp
