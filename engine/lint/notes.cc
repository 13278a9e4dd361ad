// Lint notes: what an agreement says that its author may not have meant, where the text is still
// valid and the rule still reasonable. Not lint entries (spec 7 gives those the severities error
// and warning, and `--fail-on warning` fails on them): `lint` and `check` print them on standard
// error, and they never change a report or the exit status.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/semantic/zone_abbreviations.h"

namespace pactum::lint {

std::vector<Diagnostic> lint_notes(const semantic::ResolvedAgreement& agreement) {
  std::vector<Diagnostic> out;
  if (!agreement.ast) return out;
  auto zone_note = [&](const model::CalendarDecl& c) {
    if (!c.timezone) return;
    std::string text = semantic::fixed_offset_zone_note(*c.timezone);
    if (text.empty()) return;
    Diagnostic d;
    d.level = DiagLevel::Note;
    d.loc = c.timezone_loc;
    d.width = static_cast<uint32_t>(c.timezone->size() + 2);
    d.message = std::move(text);
    out.push_back(std::move(d));
  };
  if (agreement.ast->header) zone_note(agreement.ast->header->calendar);
  for (const auto& p : agreement.ast->parties) zone_note(p.calendar);
  for (const auto& c : agreement.ast->calendars) zone_note(c.calendar);
  for (const auto& block : agreement.ast->blocks) {
    if (block.responsible.empty()) continue;
    std::vector<std::string> listed;  // the block's `responsible`, each once
    bool all_declared = true;
    for (const auto& n : block.responsible) {
      if (std::find(listed.begin(), listed.end(), n.text) == listed.end()) listed.push_back(n.text);
      all_declared = all_declared && agreement.find_party(n.text);
    }
    if (!all_declared) continue;  // the unknown party is an agreement error; nothing follows from it
    for (const auto& rule : block.rules) {
      bool has_target = rule.kind == model::Rule::Kind::Requires || rule.kind == model::Rule::Kind::PeriodRequires;
      if (!has_target || !rule.target.by || !agreement.find_party(rule.target.by->text)) continue;
      const std::string& by = rule.target.by->text;
      if (listed.size() == 1 && listed.front() == by) continue;
      std::vector<std::string> others;
      for (const auto& name : listed)
        if (name != by) others.push_back(name);
      Diagnostic d;
      d.level = DiagLevel::Note;
      d.loc = rule.target.by->loc;
      d.width = static_cast<uint32_t>(by.size());
      d.message = fmt::format("only {} is responsible for rule {} of \"{}\", not {}: the target's `by {}` comes "
                              "before the block's `responsible {}`",
                              by, rule.number, block.name, and_list(others), by, fmt::join(listed, ", "));
      d.notes.push_back(fmt::format(
          "a finding's responsible party is the target's `by` when it names one, else the block's `responsible`; "
          "to hold {} responsible too, drop `by {}` from the target (then anyone's `{}` serves)",
          and_list(others), by, rule.target.type.text));
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace pactum::lint
