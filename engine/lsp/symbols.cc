// The outline (documentSymbol) and navigation between the names of parties, calendars, intervals
// and fees (definition, references).
#include "engine/lsp/features.h"
#include "engine/model/rule_text.h"

namespace pactum::lsp {

namespace {

// LSP SymbolKind values.
enum SymbolKind { kModule = 2, kNamespace = 3, kClass = 5, kInterface = 11, kFunction = 12, kConstant = 14,
                  kStruct = 23, kEvent = 24 };

Json symbol(const Analysis& a, const std::string& name, const std::string& detail, int kind, SourceLoc start,
            SourceLoc select, uint32_t select_width) {
  Extent e = a.extent_of(start);
  // The selection must lie inside the range.
  if (before(select, e.start)) select = e.start;
  Json j = {{"name", name.empty() ? std::string("(unnamed)") : name},
            {"kind", kind},
            {"range", a.range(e)},
            {"selectionRange", a.range(select, select_width)},
            {"children", Json::array()}};
  if (!detail.empty()) j["detail"] = detail;
  return j;
}

uint32_t width_at(const Analysis& a, SourceLoc loc) {
  const auto* t = a.token_at(loc);
  return t ? t->length : 1;
}

bool declares(NameKind kind) {
  return kind == NameKind::Party || kind == NameKind::Calendar || kind == NameKind::Interval || kind == NameKind::Fee;
}

const NameUse* declaration_of(const Analysis& a, const NameUse& use) {
  for (const auto& n : a.names())
    if (n.declaration && n.kind == use.kind && n.text == use.text) return &n;
  return nullptr;
}

Json location(const Analysis& a, const NameUse& n) { return {{"uri", a.uri()}, {"range", a.range(n.loc, n.width)}}; }

}  // namespace

Json document_symbols(const Analysis& a) {
  Json out = Json::array();
  const auto& ast = a.ast();
  if (ast.header && ast.header->loc.valid()) {
    const auto& h = *ast.header;
    Json agreement = symbol(a, h.name.value_or("agreement"), "agreement", kModule, h.loc, h.loc, 9);
    for (const auto& f : h.fees)
      if (f.id.loc.valid())
        agreement["children"].push_back(symbol(a, f.id.text, "fee " + f.amount.text, kConstant, f.loc, f.id.loc,
                                               width_at(a, f.id.loc)));
    // A fee's extent runs to the next item; keep it on its own line.
    for (auto& child : agreement["children"]) child["range"] = child["selectionRange"];
    out.push_back(std::move(agreement));
  }
  for (const auto& p : ast.parties) {
    if (!p.id.loc.valid()) continue;
    std::string detail = p.display_name.value_or("");
    if (p.role) detail += (detail.empty() ? "" : ", ") + p.role->text;
    out.push_back(symbol(a, p.id.text, detail.empty() ? "party" : detail, kClass, a.token_before(p.id.loc), p.id.loc,
                         width_at(a, p.id.loc)));
  }
  for (const auto& c : ast.calendars)
    if (c.id.loc.valid())
      out.push_back(symbol(a, c.id.text, "calendar", kStruct, a.token_before(c.id.loc), c.id.loc, width_at(a, c.id.loc)));
  for (const auto& i : ast.intervals)
    if (i.loc.valid() && i.id.loc.valid())
      out.push_back(symbol(a, i.id.text, "interval from " + model::canonical_text(i.open) + " to " +
                                             model::canonical_text(i.close),
                           kEvent, i.loc, i.id.loc, width_at(a, i.id.loc)));
  for (const auto& b : ast.blocks) {
    if (!b.loc.valid()) continue;
    std::string kind = b.expectation ? "expectation" : "term";
    std::string detail = kind + (b.clause ? ", clause " + *b.clause : "");
    Json block = symbol(a, b.name, detail, b.expectation ? kInterface : kNamespace, b.loc, b.loc,
                        width_at(a, b.loc));
    // The block's range runs to the end of its last rule.
    if (!b.rules.empty() && b.rules.back().loc.valid()) block["range"]["end"] = a.range(a.extent_of(b.rules.back().loc))["end"];
    for (const auto& r : b.rules)
      if (r.loc.valid())
        block["children"].push_back(symbol(a, "rule " + std::to_string(r.number), model::canonical_text(r), kFunction,
                                           r.loc, r.loc, width_at(a, r.loc)));
    out.push_back(std::move(block));
  }
  return out;
}

Json definition(const Analysis& a, Position at) {
  const NameUse* use = a.name_at(a.lines().to_loc(at));
  if (!use || !declares(use->kind)) return nullptr;
  const NameUse* decl = use->declaration ? use : declaration_of(a, *use);
  if (!decl) return nullptr;
  return location(a, *decl);
}

Json references(const Analysis& a, Position at, bool include_declaration) {
  const NameUse* use = a.name_at(a.lines().to_loc(at));
  if (!use || !declares(use->kind)) return nullptr;
  Json out = Json::array();
  for (const auto& n : a.names())
    if (n.kind == use->kind && n.text == use->text && (include_declaration || !n.declaration))
      out.push_back(location(a, n));
  return out;
}

}  // namespace pactum::lsp
