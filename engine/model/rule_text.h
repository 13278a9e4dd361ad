// Canonical text of rules, patterns and conditions: keywords in lower case, single spaces,
// names backticked only where needed. Used in reports (`rule_text`), by lint to compare
// patterns, and by `pactum fmt`.
#pragma once
#include <string>
#include <vector>

#include "engine/model/agreement.h"

namespace pactum::model {

std::string canonical_text(const Rule& rule);
std::string canonical_text(const Pattern& pattern);
std::string canonical_text(const Condition& condition);
std::string canonical_text(const Literal& literal);
std::string canonical_text(const Duration& duration);
std::string canonical_text(const Period& period);
// A name as it must be written: bare, or in backticks when it is a reserved word.
std::string written_name(const std::string& name);
bool is_reserved_word(const std::string& word);  // case-insensitive
// The reserved words (every keyword of the version 1 grammar), lower case, in grammar order.
const std::vector<std::string>& reserved_word_list();
// The words version 2 adds (spec V2.2): keywords only where the grammar expects them, names
// everywhere else, so they are never backticked.
const std::vector<std::string>& soft_keyword_list();
bool is_soft_keyword(const std::string& word);  // case-insensitive
std::string canonical_text(const Decimal& number);
std::string canonical_text(const Amount& amount);
std::string canonical_text(const CreditLine& credit);

// The whole agreement in canonical layout (pactum fmt).
std::string format_agreement(const Agreement& agreement);

}  // namespace pactum::model
