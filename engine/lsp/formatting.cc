// Formatting: `pactum fmt` over the open text.
#include "engine/lsp/features.h"
#include "engine/model/rule_text.h"

namespace pactum::lsp {

Json formatting(const Analysis& a) {
  if (a.too_large()) throw RpcError(kRequestFailed, a.diagnostics().front().message);
  if (!a.parsed())
    throw RpcError(kRequestFailed, "the agreement has syntax errors; pactum formats it once it reads");
  std::string formatted = model::format_agreement(a.ast());
  if (formatted == a.text() && !a.had_lone_cr()) return Json::array();
  return Json::array({{{"range", range_json(Position{0, 0}, a.lines().end())}, {"newText", formatted}}});
}

}  // namespace pactum::lsp
