#include "engine/lsp/analysis.h"

#include <algorithm>

#include "engine/base/text.h"
#include "engine/lint/lint.h"

namespace pactum::lsp {

bool before(SourceLoc a, SourceLoc b) { return a.line != b.line ? a.line < b.line : a.column < b.column; }

bool Extent::contains(SourceLoc loc) const { return !before(loc, start) && before(loc, end); }

Analysis::Analysis(std::string uri, std::string text, int64_t version)
    : uri_(std::move(uri)),
      text_(with_line_feeds(text)),
      had_lone_cr_(text_ != text),
      version_(version),
      lines_(text_),
      session_(std::make_unique<app::Session>()) {
  app::Session& s = *session_;
  if (text_.size() > kMaxAgreementBytes) {
    // Parsing and linting take about 175 bytes of memory per byte (docs/security.md, limits).
    too_large_ = true;
    Diagnostic d;
    d.loc = SourceLoc{0, 1, 1};
    d.message = "this agreement is larger than " + byte_size_text(kMaxAgreementBytes) + " (the limit); pactum does not read it";
    diagnostics_.push_back(std::move(d));
    return;
  }
  // The text is the editor's, shown to the person writing it: errors quote it freely.
  s.disclosure = syntax::Disclosure::Author;
  s.load_agreement_text(uri_, text_);
  diagnostics_ = s.errors.items();
  for (const auto& w : s.warnings.items()) diagnostics_.push_back(w);
  // Lint runs on the agreement as far as it resolves, like `pactum lint`: agreement errors are
  // already among s.errors, lint adds its own checks.
  if (s.parsed && s.agreement) {
    auto entries = lint::lint_agreement(*s.agreement, app::current_year());
    diagnostics_.insert(diagnostics_.end(), entries.begin(), entries.end());
    auto notes = lint::lint_notes(*s.agreement);  // information: `responsible` under a target `by`, ...
    diagnostics_.insert(diagnostics_.end(), notes.begin(), notes.end());
  }
  lint::sort_entries(diagnostics_);
}

const semantic::ResolvedAgreement* Analysis::resolved() const {
  return session_->parsed && session_->agreement ? &*session_->agreement : nullptr;
}

const std::vector<syntax::LexedToken>& Analysis::tokens() const {
  if (!tokens_) tokens_ = too_large_ ? std::vector<syntax::LexedToken>{} : syntax::tokenize(text_);
  return *tokens_;
}

const syntax::LexedToken* Analysis::token_at(SourceLoc loc) const {
  const auto& all = tokens();
  // The last token starting at or before loc.
  auto it = std::upper_bound(all.begin(), all.end(), loc, [](SourceLoc l, const syntax::LexedToken& t) {
    return before(l, SourceLoc{0, t.line, t.column});
  });
  if (it == all.begin()) return nullptr;
  --it;
  if (it->line == loc.line && loc.column < it->column + it->length) return &*it;
  return nullptr;
}

const NameUse* Analysis::name_at(SourceLoc loc) const {
  for (const auto& n : names())
    if (n.loc.line == loc.line && loc.column >= n.loc.column && loc.column < n.loc.column + n.width) return &n;
  return nullptr;
}

// --- the names of the agreement ---------------------------------------------------------------

namespace {

struct NameCollector {
  const model::Agreement& ast;
  std::vector<NameUse>& out;

  void add(NameKind kind, const model::Name& n, bool declaration = false) {
    if (!n.loc.valid() || n.text.empty()) return;
    out.push_back(NameUse{kind, n.text, n.loc, 1, declaration});
  }
  // `of X`: a party or a calendar (V2.7).
  void add_party_or_calendar(const model::Name& n) {
    add(ast.find_calendar(n.text) && !ast.find_party(n.text) ? NameKind::Calendar : NameKind::Party, n);
  }
  void condition(const model::Condition& c) {
    if (c.kind == model::Condition::Kind::Or || c.kind == model::Condition::Kind::And ||
        c.kind == model::Condition::Kind::Not) {
      for (const auto& o : c.operands) condition(o);
      return;
    }
    add(NameKind::Attribute, c.attribute);
  }
  void pattern(const model::Pattern& p) {
    add(NameKind::EventType, p.type);
    if (p.by) add(NameKind::Party, *p.by);
    if (p.hours) add_party_or_calendar(p.hours->calendar);
    if (p.where) condition(*p.where);
  }
  void amount(const model::Amount& a) {
    if (a.fee) add(NameKind::Fee, *a.fee);
  }
  void rule(const model::Rule& r) {
    using K = model::Rule::Kind;
    bool interval_rule = r.kind == K::Availability || r.kind == K::Downtime || r.kind == K::DurationMeasure;
    if (!interval_rule) pattern(r.subject);
    if (r.kind == K::Requires || r.kind == K::PeriodRequires) {
      pattern(r.target);
      for (const auto& s : r.same) add(NameKind::Attribute, s);
      if (r.timing.kind == model::Timing::Kind::NoLaterThan) add(NameKind::Attribute, r.timing.attribute);
      if (r.timing.duration.of_party) add_party_or_calendar(*r.timing.duration.of_party);
    }
    if (r.pause) {
      pattern(r.pause->from);
      pattern(r.pause->until);
    }
    for (const auto& p : r.parties) add_party_or_calendar(p);
    if (r.kind == K::Aggregate) add(NameKind::Attribute, r.attribute);
    if (r.have) condition(*r.have);
    if (interval_rule) {
      add(NameKind::Interval, r.interval);
      if (r.during) add_party_or_calendar(*r.during);
    }
  }
  void run() {
    if (ast.header) {
      for (const auto& f : ast.header->fees) add(NameKind::Fee, f.id, true);
      if (ast.header->credit_cap) amount(ast.header->credit_cap->amount);
    }
    for (const auto& p : ast.parties) add(NameKind::Party, p.id, true);
    for (const auto& c : ast.calendars) add(NameKind::Calendar, c.id, true);
    for (const auto& i : ast.intervals) {
      add(NameKind::Interval, i.id, true);
      pattern(i.open);
      pattern(i.close);
      for (const auto& s : i.same) add(NameKind::Attribute, s);
    }
    for (const auto& b : ast.blocks) {
      for (const auto& r : b.responsible) add(NameKind::Party, r);
      for (const auto& c : b.credits) amount(c.amount);
      for (const auto& r : b.rules) rule(r);
    }
  }
};

}  // namespace

const std::vector<NameUse>& Analysis::names() const {
  if (!names_) index_names();
  return *names_;
}

void Analysis::index_names() const {
  std::vector<NameUse> out;
  NameCollector{ast(), out}.run();
  // Widths from the tokens as written (a backticked name is two code points wider).
  for (auto& n : out)
    if (const auto* t = token_at(n.loc); t && t->line == n.loc.line && t->column == n.loc.column) n.width = t->length;
  std::stable_sort(out.begin(), out.end(), [](const NameUse& a, const NameUse& b) { return before(a.loc, b.loc); });
  names_ = std::move(out);
}

// --- extents --------------------------------------------------------------------------------

namespace {

size_t first_token_at_or_after(const std::vector<syntax::LexedToken>& all, SourceLoc loc) {
  auto it = std::lower_bound(all.begin(), all.end(), loc, [](const syntax::LexedToken& t, SourceLoc l) {
    return before(SourceLoc{0, t.line, t.column}, l);
  });
  return static_cast<size_t>(it - all.begin());
}

}  // namespace

SourceLoc Analysis::token_before(SourceLoc loc) const {
  const auto& all = tokens();
  size_t i = first_token_at_or_after(all, loc);
  while (i > 0) {
    --i;
    if (!all[i].hidden) return SourceLoc{0, all[i].line, all[i].column};
  }
  return loc;
}

void Analysis::collect_starts() const {
  std::vector<SourceLoc> starts;
  const auto& a = ast();
  if (a.header) starts.push_back(a.header->loc);
  // The keyword before a declared name (`party`, `calendar`) starts the declaration.
  for (const auto& p : a.parties) starts.push_back(token_before(p.id.loc));
  for (const auto& c : a.calendars) starts.push_back(token_before(c.id.loc));
  for (const auto& i : a.intervals) starts.push_back(i.loc);
  for (const auto& b : a.blocks) {
    starts.push_back(b.loc);
    for (const auto& r : b.rules) starts.push_back(r.loc);
  }
  for (auto& s : starts) s.file = 0;
  starts.erase(std::remove_if(starts.begin(), starts.end(), [](SourceLoc l) { return !l.valid(); }), starts.end());
  std::sort(starts.begin(), starts.end(), before);
  starts_ = std::move(starts);
}

Extent Analysis::extent_of(SourceLoc start) const {
  if (!starts_) collect_starts();
  start.file = 0;
  auto next = std::upper_bound(starts_->begin(), starts_->end(), start, before);
  const auto& all = tokens();
  size_t first = first_token_at_or_after(all, start);
  size_t stop = next == starts_->end() ? all.size() : first_token_at_or_after(all, *next);
  for (size_t i = stop; i > first; --i) {
    const auto& t = all[i - 1];
    if (!t.hidden) return Extent{start, SourceLoc{0, t.line, t.column + t.length}};
  }
  return Extent{start, SourceLoc{0, start.line, start.column + 1}};
}

Analysis::RuleAt Analysis::rule_at(SourceLoc loc) const {
  // The last rule starting at or before loc, if its text reaches loc.
  RuleAt found;
  for (const auto& b : ast().blocks)
    for (const auto& r : b.rules)
      if (r.loc.valid() && !before(loc, SourceLoc{0, r.loc.line, r.loc.column})) found = RuleAt{&b, &r};
  if (found.rule && extent_of(found.rule->loc).contains(SourceLoc{0, loc.line, loc.column})) return found;
  return {};
}

Json Analysis::range(SourceLoc loc, uint32_t width) const {
  return range_json(lines_.to_position(loc), lines_.to_position(loc, width));
}

Json Analysis::range(const Extent& e) const { return range_json(lines_.to_position(e.start), lines_.to_position(e.end)); }

}  // namespace pactum::lsp
