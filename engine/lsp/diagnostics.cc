// Diagnostics: what `pactum lint` prints, as the editor underlines it.
#include "engine/lsp/features.h"

namespace pactum::lsp {

namespace {

int severity_of(DiagLevel level) {
  switch (level) {
    case DiagLevel::Error: return 1;
    case DiagLevel::Warning: return 2;
    case DiagLevel::Note: return 3;
  }
  return 1;
}

}  // namespace

Json diagnostics(const Analysis& a) {
  Json out = Json::array();
  for (const auto& d : a.diagnostics()) {
    std::string message = d.message;
    for (const auto& note : d.notes) message += "\n" + note;
    // An agreement error points at the start of a word or string with width 1: underline all of it.
    uint32_t width = d.loc.valid() ? d.width : 0;
    if (width == 1)
      if (const auto* t = a.token_at(d.loc); t && t->line == d.loc.line && t->column == d.loc.column) width = t->length;
    Json j = {{"range", a.range(d.loc, width)},
              {"severity", severity_of(d.level)},
              {"source", "pactum"},
              {"message", message}};
    if (!d.code.empty()) j["code"] = d.code;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace pactum::lsp
