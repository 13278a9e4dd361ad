#include "engine/app/log_checks.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <sys/stat.h>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/model/rule_text.h"

namespace pactum::app {

namespace {

// A misspelt name would silently match nothing: each one is looked up once in a hash set, and the
// searches for a near spelling compare at most kTypoComparisons pairs of names in all (a search is
// linear in the candidates): 10^5 rules naming 10^5 unknown names against 10^5 logged names cost
// that many look-ups, not 10^10 comparisons (docs/security.md, limits). Real logs have tens of
// types and attributes: every search is done.
constexpr size_t kTypoComparisons = 1'000'000;

class TypoBudget {
 public:
  std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
    if (spent_ + candidates.size() > kTypoComparisons) return {};
    spent_ += candidates.size();
    return closest_match(word, candidates);
  }

 private:
  size_t spent_ = 0;
};

// The event's own fields (`at`, `by`, `type`, `id`) are not attributes.
bool is_event_field(const std::string& name) { return name == "at" || name == "by" || name == "type" || name == "id"; }

// ---- event types -------------------------------------------------------------------------------

// A rule whose event type no logged event has, while a logged type is spelt almost the same, is
// almost always a typo (`site_vist`): it would silently match nothing. Warn at the pattern. (A
// type that simply did not occur, such as no `sla_change` all year, is not worth a warning.)
void warn_unseen_types(const model::Agreement& ast, const log::EventLog& log, TypoBudget& budget,
                       std::set<const model::Rule*>& warned, Diagnostics& warnings) {
  std::vector<std::string> logged;
  for (const auto& t : log.census.types()) logged.emplace_back(log.symbols.text(t.type));
  std::unordered_set<std::string> looked_up;
  auto check = [&](const model::Rule& rule, const model::Pattern& p) {
    auto symbol = log.symbols.find(p.type.text);
    if (symbol && log.census.has_type(*symbol)) return;
    if (!looked_up.insert(p.type.text).second) return;
    std::string near = budget.closest(p.type.text, logged);
    if (near.empty()) return;
    warned.insert(&rule);
    warnings.warning(p.type.loc, fmt::format("no event in the logs has type `{}`, so this rule matches nothing",
                                             p.type.text),
                     {fmt::format("did you mean `{}`?", near)}, static_cast<uint32_t>(p.type.text.size()));
  };
  for (const auto& block : ast.blocks)
    for (const auto& rule : block.rules) {
      check(rule, rule.subject);
      if (rule.kind == model::Rule::Kind::Requires) check(rule, rule.target);
    }
}

// ---- attribute names ---------------------------------------------------------------------------

// How a rule reads an attribute, for the consequence the warning states.
enum class Use { Test, Absent, Same, Aggregate, Due };

struct NameUse {
  const model::Name* name;
  const model::Pattern* pattern;  // whose events must carry it
  Use use;
  std::string text;               // the condition, for Test/Absent
};

void collect_condition(const model::Condition& c, const model::Pattern& p, std::vector<NameUse>& out) {
  using K = model::Condition::Kind;
  switch (c.kind) {
    case K::Or:
    case K::And:
    case K::Not:
      for (const auto& o : c.operands) collect_condition(o, p, out);
      return;
    case K::Absent: out.push_back({&c.attribute, &p, Use::Absent, model::canonical_text(c)}); return;
    default: out.push_back({&c.attribute, &p, Use::Test, model::canonical_text(c)}); return;
  }
}

void collect_pattern(const model::Pattern& p, std::vector<NameUse>& out) {
  if (p.where) collect_condition(*p.where, p, out);
}

std::vector<NameUse> uses_of(const model::Rule& rule) {
  using K = model::Rule::Kind;
  std::vector<NameUse> out;
  collect_pattern(rule.subject, out);
  if (rule.kind == K::Requires || rule.kind == K::PeriodRequires) collect_pattern(rule.target, out);
  if (rule.kind == K::Requires) {
    for (const auto& k : rule.same) {
      out.push_back({&k, &rule.subject, Use::Same, {}});
      out.push_back({&k, &rule.target, Use::Same, {}});
    }
    if (rule.timing.kind == model::Timing::Kind::NoLaterThan)
      out.push_back({&rule.timing.attribute, &rule.subject, Use::Due, {}});
  }
  if (rule.pause) {
    collect_pattern(rule.pause->from, out);
    collect_pattern(rule.pause->until, out);
  }
  if (rule.kind == K::Aggregate) out.push_back({&rule.attribute, &rule.subject, Use::Aggregate, {}});
  if (rule.kind == K::ShareOfEvents && rule.have) collect_condition(*rule.have, rule.subject, out);
  return out;
}

std::vector<NameUse> uses_of(const model::IntervalDecl& interval) {
  std::vector<NameUse> out;
  collect_pattern(interval.open, out);
  collect_pattern(interval.close, out);
  for (const auto& k : interval.same) {
    out.push_back({&k, &interval.open, Use::Same, {}});
    out.push_back({&k, &interval.close, Use::Same, {}});
  }
  return out;
}

std::string consequence(const NameUse& u) {
  switch (u.use) {
    case Use::Test: return fmt::format("`{}` is false for every event", u.text);
    case Use::Absent: return fmt::format("`{}` is true for every event", u.text);
    case Use::Same: return fmt::format("`with same {}` pairs no events", model::written_name(u.name->text));
    case Use::Aggregate: return "this aggregate never has a value";
    case Use::Due: return "no activation has a due date";
  }
  return {};
}

std::string or_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return out;
}

// The attribute names of one rule (or interval) that the events of its types never carry while
// one of theirs is spelt almost the same: one warning per name.
bool warn_names(const std::vector<NameUse>& uses, const log::EventLog& log, TypoBudget& budget, Diagnostics& warnings) {
  // The uses of each name, names in the order of their first use (hash groups: a rule `with same`
  // 40,000 keys compared every name with every other before).
  std::unordered_map<std::string_view, std::vector<size_t>> uses_of_name;
  std::vector<std::string_view> names;
  for (size_t i = 0; i < uses.size(); ++i) {
    const std::string& name = uses[i].name->text;
    if (is_event_field(name)) continue;
    auto [it, fresh] = uses_of_name.try_emplace(name);
    if (fresh) names.push_back(name);
    it->second.push_back(i);
  }
  bool warned = false;
  for (std::string_view name_view : names) {
    const std::vector<size_t>& same_name = uses_of_name[name_view];
    size_t i = same_name.front();
    const std::string& name = uses[i].name->text;
    auto key = log.symbols.find(name);
    std::vector<std::string> lacking;     // the types whose events never carry it
    std::unordered_set<std::string> lacking_set;
    std::vector<std::string> candidates;  // the names those events do carry
    std::unordered_set<std::string> candidate_set;
    bool unknowable = false;
    for (size_t j : same_name) {
      const std::string& type = uses[j].pattern->type.text;
      auto symbol = log.symbols.find(type);
      const log::Census::TypeKeys* keys = symbol ? log.census.keys_of(*symbol) : nullptr;
      if (!keys) continue;  // no such event at all: the type warning's business
      if (keys->overflow) unknowable = true;
      if (keys->overflow || (key && std::find(keys->keys.begin(), keys->keys.end(), *key) != keys->keys.end()))
        continue;
      if (!lacking_set.insert(type).second) continue;
      lacking.push_back(type);
      for (log::Symbol k : keys->keys) {
        std::string text(log.symbols.text(k));
        if (candidate_set.insert(text).second) candidates.push_back(text);
      }
    }
    if (lacking.empty() || unknowable) continue;
    std::string near = budget.closest(name, candidates);
    if (near.empty()) continue;
    std::vector<std::string> types;
    for (const auto& t : lacking) types.push_back("`" + t + "`");
    warned = true;
    warnings.warning(uses[i].name->loc,
                     fmt::format("no {} event in the logs has an attribute `{}`, so {}", or_list(types), name,
                                 consequence(uses[i])),
                     {fmt::format("did you mean `{}`?", near)}, static_cast<uint32_t>(name.size()));
  }
  return warned;
}

}  // namespace

std::set<const model::Rule*> warn_misspelt_names(const model::Agreement& ast, const log::EventLog& log,
                                                 Diagnostics& warnings) {
  std::set<const model::Rule*> warned;
  if (log.count() == 0) return warned;
  TypoBudget budget;
  warn_unseen_types(ast, log, budget, warned, warnings);
  for (const auto& interval : ast.intervals) warn_names(uses_of(interval), log, budget, warnings);
  for (const auto& block : ast.blocks)
    for (const auto& rule : block.rules)
      if (warn_names(uses_of(rule), log, budget, warnings)) warned.insert(&rule);
  return warned;
}

void warn_duplicate_ids(const log::EventLog& log, const SourceManager& sources, Diagnostics& warnings) {
  const auto& census = log.census;
  const auto& shown = census.duplicates();
  for (size_t i = 0; i < shown.size(); ++i) {
    const auto& d = shown[i];
    std::vector<std::string> notes;
    if (d.first.file == UINT32_MAX)  // a streamed check keeps no place of evaluated events
      notes.push_back("the first event with this id is earlier in the logs");
    else
      notes.push_back(fmt::format("the first event with this id is at {}:{}",
                                  d.first.file < sources.size() ? shown_path(sources.name(d.first.file)) : "<input>",
                                  d.first.line));
    if (i + 1 == shown.size() && census.duplicate_count() > shown.size())
      notes.push_back(fmt::format("{} more events repeat an id seen before (the first {} are shown)",
                                  census.duplicate_count() - shown.size(), shown.size()));
    warnings.warning(SourceLoc{d.again.file, d.again.line, d.again.column},
                     fmt::format("event id `{}` was used before: both events are counted", log.symbols.text(d.id)),
                     std::move(notes));
  }
}

void warn_repeated_logs(const std::vector<std::string>& paths, const std::vector<uint32_t>& files,
                        Diagnostics& warnings) {
  // Each path is looked at once (links followed): a thousand logs cost a thousand stat calls.
  std::map<std::pair<dev_t, ino_t>, size_t> first;  // file identity -> first position
  for (size_t j = 0; j < paths.size() && j < files.size(); ++j) {
    struct stat st {};
    if (paths[j] == "-" || ::stat(paths[j].c_str(), &st) != 0) continue;
    auto [it, fresh] = first.emplace(std::make_pair(st.st_dev, st.st_ino), j);
    if (fresh) continue;
    warnings.warning(SourceLoc{files[j], 0, 0},
                     fmt::format("this log is given twice (also as log {}, `{}`): its events count twice",
                                 it->second + 1, visible_text(paths[it->second])),
                     {"pass each log once"});
  }
}

void note_unmatched_rules(const eval::Outcome& outcome, const log::EventLog& log,
                          const std::set<const model::Rule*>& skip, Diagnostics& warnings) {
  using K = model::Rule::Kind;
  // An empty log or judged interval has its own warning; every rule would get a note.
  if (log.count() == 0 || outcome.judged_to < outcome.judged_from) return;
  for (const auto& [block, rule] : outcome.unmatched) {
    if (skip.count(rule)) continue;
    // Rules that report an empty window themselves (`too-few`, `no-data`) and `no P`, whose
    // point is to match nothing, need no note.
    if (rule->kind != K::Requires && rule->kind != K::OccursWithin && rule->kind != K::AtMost &&
        rule->kind != K::ShareOfEvents)
      continue;
    warnings.add(Diagnostic{DiagLevel::Note, "", rule->subject.loc, 1,
                            fmt::format("no event in the judged interval matched `{}`: rule {} of \"{}\" had nothing "
                                        "to check",
                                        model::canonical_text(rule->subject), rule->number, block->name),
                            {}, ""});
  }
}

void warn_empty_judged_interval(const eval::Outcome& outcome, const model::Agreement& ast,
                                const date::time_zone* zone, bool as_of_given, Diagnostics& warnings) {
  if (!outcome.evaluated || outcome.judged_to >= outcome.judged_from) return;
  bool effective = ast.header && ast.header->effective_from;
  SourceLoc loc = effective ? ast.header->effective_loc : SourceLoc{ast.file, 0, 0};
  std::string start = effective ? fmt::format("the agreement takes effect on {}", date::format("%F", *ast.header->effective_from))
                                : fmt::format("the earliest event is at {}", format_instant(outcome.judged_from, zone));
  std::string message =
      as_of_given ? fmt::format("--as-of {} is before the judged interval begins ({}): nothing was judged",
                                format_instant(outcome.as_of, zone), start)
                  : fmt::format("every event in the logs is before the judged interval begins ({}; the latest event is "
                                "at {}): nothing was judged",
                                start, format_instant(outcome.as_of, zone));
  std::vector<std::string> notes;
  if (as_of_given) notes.push_back("give an --as-of at or after the start, or leave it out to judge up to the latest event");
  else notes.push_back("check that these are the logs of this agreement's period");
  warnings.warning(loc, std::move(message), std::move(notes));
}

}  // namespace pactum::app
