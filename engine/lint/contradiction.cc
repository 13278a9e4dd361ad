// contradiction (spec 7, an error): rules that cannot all hold, comparing patterns by their
// canonical text, across blocks too:
//   - `at least N P every T` and `at most M P every T` with M < N (same pattern, same period);
//   - `no P` and `at least N P every T` with N >= 1 (same pattern, any period);
//   - the same aggregate of the same attribute and pattern, `at least X` and `at most Y` with Y < X.
//     For average, minimum, maximum and latest the periods need not match (a floor that holds every
//     month keeps a quarter's average, minimum, maximum or last value at least as high); a total
//     grows with the window, so totals contradict only over the same period.
// The entry points at the later rule and names the earlier one in a note.
#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

using Kind = model::Rule::Kind;

struct Placed {
  const model::Block* block;
  const model::Rule* rule;
  std::string pattern;  // canonical text of the subject pattern
};

bool before(const SourceLoc& a, const SourceLoc& b) {
  if (a.file != b.file) return a.file < b.file;
  if (a.line != b.line) return a.line < b.line;
  return a.column < b.column;
}

std::string where(const Placed& p) {
  return fmt::format("{} \"{}\" (line {}): {}", p.block->expectation ? "expectation" : "term", p.block->name,
                     p.rule->loc.line, quoted(*p.rule));
}

bool same_period(const model::Rule& a, const model::Rule& b) {
  return model::canonical_text(a.period) == model::canonical_text(b.period);
}

// The message and rewrite for a pair `first` (earlier) and `later`, or nothing when they agree.
std::optional<Diagnostic> judge(const Placed& first, const Placed& later) {
  const model::Rule& a = *first.rule;
  const model::Rule& b = *later.rule;
  if (first.pattern != later.pattern) return std::nullopt;
  const std::string& p = later.pattern;
  std::string message;
  std::vector<std::string> notes{"it contradicts " + where(first)};

  if ((a.kind == Kind::AtLeast && b.kind == Kind::AtMost) || (a.kind == Kind::AtMost && b.kind == Kind::AtLeast)) {
    const model::Rule& least = a.kind == Kind::AtLeast ? a : b;
    const model::Rule& most = a.kind == Kind::AtMost ? a : b;
    if (!same_period(a, b) || most.count >= least.count) return std::nullopt;
    message = fmt::format("contradictory terms: at least {} and at most {} {} every {}; every {} breaks one of them",
                          least.count, most.count, p, period_word(least.period), period_word(least.period));
    model::Rule fix = b;
    fix.count = b.kind == Kind::AtMost ? least.count : most.count;
    notes.push_back(write_rule(fix) + ", or change the other rule so that the minimum is not above the maximum");
  } else if ((a.kind == Kind::No && b.kind == Kind::AtLeast) || (a.kind == Kind::AtLeast && b.kind == Kind::No)) {
    const model::Rule& least = a.kind == Kind::AtLeast ? a : b;
    if (least.count < 1) return std::nullopt;
    message = fmt::format("contradictory terms: {} is forbidden, yet at least {} are required every {}", p,
                          least.count, period_word(least.period));
    notes.push_back(fmt::format("delete one of the two rules, or narrow the prohibition with a condition, e.g. "
                                "`no {} where ...`, so that it no longer matches the required events",
                                p));
  } else if (a.kind == Kind::Aggregate && b.kind == Kind::Aggregate && a.at_least != b.at_least) {
    if (a.aggregate != b.aggregate || a.attribute.text != b.attribute.text) return std::nullopt;
    if (a.aggregate == model::Aggregate::Total && !same_period(a, b)) return std::nullopt;
    const model::Rule& floor = a.at_least ? a : b;
    const model::Rule& ceiling = a.at_least ? b : a;
    if (!(ceiling.bound < floor.bound)) return std::nullopt;
    std::string pct = floor.percent || ceiling.percent ? "%" : "";
    message = fmt::format("contradictory targets: {} must be at least {}{} and at most {}{}; no value can be both",
                          fmt::format("the {} {} of {}", aggregate_word(b.aggregate), b.attribute.text, p),
                          number_text(floor.bound), pct, number_text(ceiling.bound), pct);
    model::Rule fix = b;
    fix.bound = b.at_least ? ceiling.bound : floor.bound;
    notes.push_back(write_rule(fix) + ", or move the other bound so that the range is not empty");
  } else {
    return std::nullopt;
  }
  return entry(DiagLevel::Error, kContradiction, b.loc, message, notes, first_word_width(b));
}

}  // namespace

void check_contradictions(const Context& ctx, std::vector<Diagnostic>& out) {
  std::vector<Placed> rules;
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules)
      if (rule.kind == Kind::AtLeast || rule.kind == Kind::AtMost || rule.kind == Kind::No || rule.kind == Kind::Aggregate)
        rules.push_back({&block, &rule, model::canonical_text(rule.subject)});
  for (size_t i = 0; i < rules.size(); ++i)
    for (size_t j = i + 1; j < rules.size(); ++j) {
      const Placed* first = &rules[i];
      const Placed* later = &rules[j];
      if (before(later->rule->loc, first->rule->loc)) std::swap(first, later);
      if (auto d = judge(*first, *later)) out.push_back(std::move(*d));
    }
}

}  // namespace pactum::lint
