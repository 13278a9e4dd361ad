// What a block's service credits cost, in plain English, for `pactum explain` (issue 10):
// "Each late or missing delivery costs Vendor 250 USD per started day late."
#pragma once
#include <string>

#include "engine/model/agreement.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::credits {

// One or more sentences for the block's `credit` lines; empty when it has none.
std::string credit_sentence(const model::Block& block, const semantic::ResolvedAgreement& agreement);

// The agreement's cap and currency in one sentence ("Credits are capped at 1200 USD per party
// and calendar month."); empty without a cap.
std::string cap_sentence(const semantic::ResolvedAgreement& agreement);

}  // namespace pactum::credits
