// `duplicate-block`: two blocks (terms or expectations) with one name. A finding's stable id is
// computed from its block's name, rule number, reason, window and first event (spec V2.9), so
// the findings of two blocks named alike get the same ids: a baseline or waiver written for one
// would accept the other's (a new critical term named like an old minor one would pass a CI
// check), and SARIF would merge their rules. The spec promises ids unique when event ids are;
// only distinct block names keep that promise, so this is an error.
#include <unordered_map>

#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"

namespace pactum::lint {

void check_block_names(const Context& ctx, std::vector<Diagnostic>& out) {
  std::unordered_map<std::string_view, const model::Block*> first;  // name -> its first block
  for (const auto& block : ctx.agreement.ast->blocks) {
    auto [it, added] = first.emplace(block.name, &block);
    if (added) continue;
    const model::Block& earlier = *it->second;
    auto kind = [](const model::Block& b) { return b.expectation ? "expectation" : "term"; };
    out.push_back(entry(DiagLevel::Error, kDuplicateBlock, block.loc,
                        fmt::format("{} \"{}\" has the name of the {} at line {}: their findings would get the same "
                                    "ids, so a baseline or waiver of one would also accept the other's",
                                    kind(block), block.name, kind(earlier), earlier.loc.line),
                        {fmt::format("give each block its own name (\"{} ({})\", for instance)", block.name,
                                     block.clause ? "clause " + *block.clause : std::string("2"))},
                        static_cast<uint32_t>(block.expectation ? 11 : 4)));
  }
}

}  // namespace pactum::lint
