// Code actions: the rewrites lint proposes (its notes "write `RULE` ...") replace the rule they
// are about, and "did you mean `X`?" replaces the misspelt word. Both come from the diagnostics
// of the analysis, so an action always matches what is underlined.
#include "engine/lsp/features.h"
#include "engine/syntax/parser.h"

namespace pactum::lsp {

namespace {

// A rewrite is offered only if it reads as one rule.
bool is_rule(const std::string& text) {
  model::Agreement parsed;
  Diagnostics diags;
  return syntax::parse_agreement("term \"t\"\n  " + text + "\n", 0, parsed, diags) && parsed.blocks.size() == 1 &&
         parsed.blocks[0].rules.size() == 1;
}

// Every rule quoted after "write " in a note. A rule may hold backticked names (`` `by` ``), so
// the quote ends at the first backtick after which the text reads as one rule.
std::vector<std::string> written_rewrites(const std::string& note) {
  std::vector<std::string> out;
  for (size_t at = note.find("write `"); at != std::string::npos; at = note.find("write `", at + 1)) {
    size_t start = at + 7;
    for (size_t end = note.find('`', start); end != std::string::npos; end = note.find('`', end + 1)) {
      std::string candidate = note.substr(start, end - start);
      if (is_rule(candidate)) {
        out.push_back(candidate);
        break;
      }
    }
  }
  return out;
}

// "did you mean `before`?" / "did you mean \"Asia/Manila\"?"
std::optional<std::string> did_you_mean(const std::string& note) {
  const std::string head = "did you mean ";
  if (note.rfind(head, 0) != 0 || note.size() < head.size() + 3 || note.back() != '?') return std::nullopt;
  std::string quoted = note.substr(head.size(), note.size() - head.size() - 1);
  if (quoted.size() < 2) return std::nullopt;
  if (quoted.front() == '`' && quoted.back() == '`') return quoted.substr(1, quoted.size() - 2);
  if (quoted.front() == '"' && quoted.back() == '"') return quoted;  // a string: replace with its quotes
  return std::nullopt;
}

bool overlaps(const Analysis& a, const Diagnostic& d, Position start, Position end) {
  Position ds = a.lines().to_position(d.loc), de = a.lines().to_position(d.loc, d.width);
  auto less = [](Position x, Position y) { return x.line != y.line ? x.line < y.line : x.character < y.character; };
  return !less(de, start) && !less(end, ds);
}

Json action(const Analysis& a, const std::string& title, const Json& diagnostic, Json range, const std::string& text,
            bool preferred) {
  Json edit = {{"range", std::move(range)}, {"newText", text}};
  Json j = {{"title", title},
            {"kind", "quickfix"},
            {"diagnostics", Json::array({diagnostic})},
            {"edit", {{"changes", {{a.uri(), Json::array({edit})}}}}}};
  if (preferred) j["isPreferred"] = true;
  return j;
}

}  // namespace

Json code_actions(const Analysis& a, Position start, Position end) {
  Json out = Json::array();
  Json all = diagnostics(a);
  const auto& diags = a.diagnostics();
  for (size_t i = 0; i < diags.size(); ++i) {
    const Diagnostic& d = diags[i];
    if (!d.loc.valid() || !overlaps(a, d, start, end)) continue;
    bool first = true;
    for (const auto& note : d.notes) {
      if (auto word = did_you_mean(note)) {
        // The whole word or string as written, when the diagnostic points at its start.
        uint32_t width = d.width;
        if (const auto* t = a.token_at(d.loc); t && t->line == d.loc.line && t->column == d.loc.column) width = t->length;
        out.push_back(action(a, "Change to " + *word, all[i], a.range(d.loc, width), *word, first));
        first = false;
        continue;
      }
      for (const auto& rewrite : written_rewrites(note)) {
        auto at = a.rule_at(d.loc);
        if (!at.rule) continue;
        std::string title = "Rewrite as `" + rewrite + "`" + (d.code.empty() ? "" : " (" + d.code + ")");
        out.push_back(action(a, title, all[i], a.range(a.extent_of(at.rule->loc)), rewrite, first));
        first = false;
      }
    }
  }
  return out;
}

}  // namespace pactum::lsp
