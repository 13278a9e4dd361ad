// The plain-English wording of `pactum explain`, one rule at a time, for other front ends (the
// language server's hover) that show a single rule.
#pragma once
#include <string>

#include "engine/model/agreement.h"

namespace pactum::app {

// "Every site_visit by Acme needs a notice by Acme with the same visit at least 48 hours before it."
std::string explain_rule(const model::Block& block, const model::Rule& rule);
// Who answers for a breach of `rule`, in words: "Acme", "the party that did the event", ...
std::string explain_responsible(const model::Agreement& agreement, const model::Block& block,
                                const model::Rule& rule);

}  // namespace pactum::app
