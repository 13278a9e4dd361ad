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
    Json j = {{"range", a.range(d.loc, d.loc.valid() ? d.width : 0)},
              {"severity", severity_of(d.level)},
              {"source", "pactum"},
              {"message", message}};
    if (!d.code.empty()) j["code"] = d.code;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace pactum::lsp
