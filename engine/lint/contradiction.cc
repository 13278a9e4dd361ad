// contradiction (spec 7, an error): rules that cannot all hold, comparing patterns by their
// canonical text, across blocks too:
//   - `at least N P every T` and `at most M P every T` with M < N (same pattern, same period);
//   - `no P` and `at least N P every T` with N >= 1 (same pattern, any period);
//   - the same aggregate of the same attribute and pattern, `at least X` and `at most Y` with Y < X.
//     For average, minimum, maximum and latest the periods need not match (a floor that holds every
//     month keeps a quarter's average, minimum, maximum or last value at least as high); a total
//     grows with the window, so totals contradict only over the same period.
// The entry points at the later rule and names the earlier one in a note: for each rule, the first
// earlier rule it contradicts (one entry per rule, however many it contradicts).
//
// Linear in the rules (docs/security.md, limits): rules are grouped by a hash key (pattern, and
// period or aggregate where they must match); within a group, the earlier rules that could be
// contradicted are kept as records of the running maximum or minimum (counts, bounds), in which
// the first one past a value is found by binary search. No pair of rules is ever enumerated.
#include <algorithm>
#include <unordered_map>

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

// Earlier rules as records of a running maximum (values strictly rising) or minimum (strictly
// falling), each with its index in source order: the first earlier rule whose value exceeds (or
// falls below) a given one is the first such record.
template <typename T>
struct Records {
  std::vector<std::pair<T, size_t>> list;
  void add_max(T v, size_t i) {
    if (list.empty() || v > list.back().first) list.emplace_back(v, i);
  }
  void add_min(T v, size_t i) {
    if (list.empty() || v < list.back().first) list.emplace_back(v, i);
  }
  // In max records: the first with value > x. In min records: the first with value < x.
  std::optional<size_t> first_above(T x) const {
    auto it = std::partition_point(list.begin(), list.end(), [x](const auto& r) { return !(r.first > x); });
    return it == list.end() ? std::nullopt : std::optional<size_t>(it->second);
  }
  std::optional<size_t> first_below(T x) const {
    auto it = std::partition_point(list.begin(), list.end(), [x](const auto& r) { return !(r.first < x); });
    return it == list.end() ? std::nullopt : std::optional<size_t>(it->second);
  }
};

struct Group {
  Records<int64_t> at_least, at_most;   // counts, per pattern and period
  Records<double> floors, ceilings;     // aggregate bounds, per pattern, aggregate, attribute (period for totals)
  std::optional<size_t> first_no;       // `no P`, per pattern
  std::optional<size_t> first_required; // `at least N P` with N >= 1, any period, per pattern
};

}  // namespace

void check_contradictions(const Context& ctx, std::vector<Diagnostic>& out) {
  std::vector<Placed> rules;  // in source order
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules)
      if (rule.kind == Kind::AtLeast || rule.kind == Kind::AtMost || rule.kind == Kind::No || rule.kind == Kind::Aggregate)
        rules.push_back({&block, &rule, model::canonical_text(rule.subject)});
  std::stable_sort(rules.begin(), rules.end(),
                   [](const Placed& a, const Placed& b) { return before(a.rule->loc, b.rule->loc); });

  std::unordered_map<std::string, Group> groups;
  auto earliest = [](std::optional<size_t> a, std::optional<size_t> b) {
    if (!a) return b;
    if (!b) return a;
    return std::optional<size_t>(std::min(*a, *b));
  };
  for (size_t j = 0; j < rules.size(); ++j) {
    const model::Rule& r = *rules[j].rule;
    const std::string& pattern = rules[j].pattern;
    std::optional<size_t> found;
    if (r.kind == Kind::AtLeast || r.kind == Kind::AtMost || r.kind == Kind::No) {
      Group& any_period = groups["p\x1f" + pattern];
      if (r.kind == Kind::No) {
        found = any_period.first_required;
        if (!any_period.first_no) any_period.first_no = j;
      } else {
        Group& same_period = groups["c\x1f" + pattern + "\x1f" + model::canonical_text(r.period)];
        if (r.kind == Kind::AtLeast) {
          found = same_period.at_most.first_below(r.count);
          if (r.count >= 1) found = earliest(found, any_period.first_no);
          same_period.at_least.add_max(r.count, j);
          if (r.count >= 1 && !any_period.first_required) any_period.first_required = j;
        } else {
          found = same_period.at_least.first_above(r.count);
          same_period.at_most.add_min(r.count, j);
        }
      }
    } else {  // an aggregate
      std::string key = "a\x1f" + pattern + "\x1f" + std::to_string(int(r.aggregate)) + "\x1f" + r.attribute.text;
      if (r.aggregate == model::Aggregate::Total) key += "\x1f" + model::canonical_text(r.period);
      Group& g = groups[key];
      if (r.at_least) {
        found = g.ceilings.first_below(r.bound);
        g.floors.add_max(r.bound, j);
      } else {
        found = g.floors.first_above(r.bound);
        g.ceilings.add_min(r.bound, j);
      }
    }
    if (found)
      if (auto d = judge(rules[*found], rules[j])) out.push_back(std::move(*d));
  }
}

}  // namespace pactum::lint
