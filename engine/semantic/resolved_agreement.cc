#include "engine/semantic/resolved_agreement.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/model/decimal.h"
#include "engine/semantic/zone_abbreviations.h"

namespace pactum::semantic {

namespace {

// The agreement's default business hours: mon-fri 09:00-17:00.
std::vector<model::HoursSpan> default_hours() { return {model::HoursSpan{0, 4, 9 * 60, 17 * 60, {}}}; }

void report(Diagnostics& diags, const char* code, SourceLoc loc, std::string message,
            std::vector<std::string> notes = {}, uint32_t width = 1) {
  diags.add(Diagnostic{DiagLevel::Error, code, loc, width, std::move(message), std::move(notes), ""});
}

// Every place a party name is used, so that each unknown one is reported where it is written.
// `by X` and `responsible X` name parties only; `of X` (business durations, `occurs within`,
// `during|outside business hours of X`) a party or a calendar (V2.2).
struct NameUses {
  std::vector<const model::Name*> parties;
  std::vector<const model::Name*> calendars;  // party or calendar
};

void collect_pattern_uses(const model::Pattern& p, NameUses& uses) {
  if (p.by) uses.parties.push_back(&*p.by);
  if (p.hours) uses.calendars.push_back(&p.hours->calendar);
}

void collect_party_uses(const model::Agreement& a, NameUses& uses) {
  for (const auto& i : a.intervals) {
    collect_pattern_uses(i.open, uses);
    collect_pattern_uses(i.close, uses);
  }
  for (const auto& block : a.blocks) {
    for (const auto& n : block.responsible) uses.parties.push_back(&n);
    for (const auto& rule : block.rules) {
      collect_pattern_uses(rule.subject, uses);
      if (rule.kind == model::Rule::Kind::Requires || rule.kind == model::Rule::Kind::PeriodRequires) {
        collect_pattern_uses(rule.target, uses);
        if (rule.timing.duration.of_party) uses.calendars.push_back(&*rule.timing.duration.of_party);
      }
      if (rule.pause) {
        collect_pattern_uses(rule.pause->from, uses);
        collect_pattern_uses(rule.pause->until, uses);
      }
      if (rule.during) uses.calendars.push_back(&*rule.during);
      for (const auto& p : rule.parties) uses.calendars.push_back(&p);
    }
  }
}

bool is_periodic(const model::Rule& rule) {
  using K = model::Rule::Kind;
  switch (rule.kind) {
    case K::AtLeast:
    case K::AtMost:
    case K::Aggregate:
    case K::ShareOfEvents:
    case K::PeriodRequires:
    case K::Availability:
    case K::Downtime:
    case K::DurationMeasure: return true;
    default: return false;
  }
}

std::string percent_text(const model::Decimal& d) { return d.text + "%"; }

// V2.2: a share, an availability or a `when measured` threshold written with `%` lies in 0..100.
void check_percentage(const model::Decimal& d, SourceLoc loc, const char* what, Diagnostics& diags) {
  model::Decimal hundred{100, 0, "100"};
  if (model::compare(d, hundred) <= 0) return;
  report(diags, kBadPercentage, loc, fmt::format("{} of {} is above 100%", what, percent_text(d)),
         {"a percentage lies between 0% and 100%"}, static_cast<uint32_t>(d.text.size() + 1));
}

void check_period(const model::Period& p, Diagnostics& diags) {
  if (p.count <= 0)
    report(diags, kBadPeriod, p.loc, "a period of zero length: no window could ever be judged",
           {"write a positive length, e.g. `every 2 weeks`"});
}

// The version 2 agreement errors of one rule (V2.2), and zero-length periods.
void check_rule(const model::Rule& rule, const std::set<std::string>& intervals, Diagnostics& diags) {
  using K = model::Rule::Kind;
  if (is_periodic(rule)) check_period(rule.period, diags);
  if (rule.allowed_misses) check_period(rule.allowance_period, diags);
  if (rule.share) {
    check_period(rule.share->period, diags);
    check_percentage(rule.share->percent, rule.share->percent_loc, "a share", diags);
  }
  if (rule.kind == K::ShareOfEvents) check_percentage(rule.share_percent, rule.share_loc, "a share", diags);
  if (rule.kind == K::Availability) check_percentage(rule.availability, rule.share_loc, "an availability", diags);
  if (rule.pause && rule.timing.kind != model::Timing::Kind::WithinAfter)
    report(diags, kBadPause, rule.pause->loc, "a clock can pause only with a `within ... after` deadline",
           {"`paused from ... until ...` stops the clock of `within D after`; other timings have no clock"},
           6);
  if (rule.kind == K::PeriodRequires && rule.timing.kind == model::Timing::Kind::NoLaterThan)
    report(diags, kBadTiming, rule.timing.loc, "an obligation per period has no event to read a `no later than` date from",
           {"write a deadline relative to the period, e.g. `within 5 business days after`"}, 13);
  if (rule.kind == K::Availability || rule.kind == K::Downtime || rule.kind == K::DurationMeasure) {
    if (!rule.interval.text.empty() && !intervals.count(rule.interval.text)) {
      std::vector<std::string> known(intervals.begin(), intervals.end());
      std::vector<std::string> notes;
      std::string near = closest_match(rule.interval.text, known);
      if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
      else if (known.empty()) notes.push_back("declare it first: `interval " + rule.interval.text + " from START to END`");
      else notes.push_back(fmt::format("declared intervals: {}", fmt::join(known, ", ")));
      report(diags, kUnknownInterval, rule.interval.loc, fmt::format("unknown interval `{}`", rule.interval.text), notes,
             static_cast<uint32_t>(rule.interval.text.size()));
    }
  }
  if (rule.kind == K::DurationMeasure && rule.measure == model::Measure::Percentile &&
      (rule.percentile < 1 || rule.percentile > 100))
    report(diags, kBadPercentile, rule.percentile_loc,
           fmt::format("percentile {} does not exist", rule.percentile), {"write a percentile from 1 to 100"},
           static_cast<uint32_t>(std::to_string(rule.percentile).size()));
}

const date::time_zone* zone_or_report(const model::CalendarDecl& c, const std::string& fallback, Diagnostics& diags) {
  std::string name = c.timezone.value_or(fallback);
  if (const auto* z = find_zone(name)) return z;
  if (auto notes = zone_abbreviation_notes(name); !notes.empty()) {
    report(diags, kUnknownTimezone, c.timezone_loc, fmt::format("unknown time zone \"{}\"", name), notes);
    return nullptr;
  }
  std::vector<std::string> candidates;
  try {
    for (const auto& z : date::get_tzdb().zones)
      if (z.name() != "localtime") candidates.push_back(z.name());  // find_zone refuses it
  } catch (...) {
  }
  std::string near = closest_match(name, candidates);
  std::vector<std::string> notes;
  if (!near.empty()) notes.push_back(fmt::format("did you mean \"{}\"?", near));
  notes.push_back("time zones are IANA names such as \"America/New_York\" or \"Asia/Manila\"");
  report(diags, kUnknownTimezone, c.timezone_loc, fmt::format("unknown time zone \"{}\"", name), notes);
  return nullptr;
}

}  // namespace

const Party* ResolvedAgreement::find_party(const std::string& id) const {
  auto it = party_index.find(id);
  return it == party_index.end() ? nullptr : &parties[it->second];
}

const NamedCalendar* ResolvedAgreement::find_calendar(const std::string& id) const {
  auto it = calendar_index.find(id);
  return it == calendar_index.end() ? nullptr : &calendars[it->second];
}

std::optional<calendar::Interval> ResolvedAgreement::block_span(const model::Block& block) const {
  if (!block.effective_from || !block.effective_to) return std::nullopt;
  auto from = date::local_days{*block.effective_from};
  auto to = date::local_days{*block.effective_to};
  if (to < from) return std::nullopt;  // bad-period, reported by resolve
  return calendar::Interval{start_of_local_day(from, zone), start_of_local_day(to + date::days{1}, zone)};
}

const model::FeeDecl* find_fee(const model::Agreement& agreement, const std::string& id) {
  if (!agreement.header) return nullptr;
  for (const auto& f : agreement.header->fees)
    if (f.id.text == id) return &f;
  return nullptr;
}

std::vector<std::string> ResolvedAgreement::party_names() const {
  std::vector<std::string> names;
  for (const auto& p : parties) names.push_back(p.id);
  return names;
}

const calendar::BusinessCalendar& ResolvedAgreement::calendar_of(const std::string& name) const {
  if (const Party* p = find_party(name)) return p->calendar;
  if (const NamedCalendar* c = find_calendar(name)) return c->calendar;
  return *agreement_calendar;
}

const calendar::BusinessCalendar& duration_calendar(const ResolvedAgreement& agreement, const model::Duration& d,
                                                    const model::Pattern& target) {
  if (d.of_party) return agreement.calendar_of(d.of_party->text);
  if (target.by) return agreement.calendar_of(target.by->text);
  return *agreement.agreement_calendar;
}

bool correlates_on_by(const model::Rule& rule) {
  if (rule.kind != model::Rule::Kind::Requires) return false;
  return std::any_of(rule.same.begin(), rule.same.end(), [](const model::Name& k) { return k.text == "by"; });
}

std::vector<std::string> responsible_by_text(const model::Block& block, const model::Rule& rule) {
  bool has_target = rule.kind == model::Rule::Kind::Requires || rule.kind == model::Rule::Kind::PeriodRequires;
  if (has_target && rule.target.by) return {rule.target.by->text};
  if (correlates_on_by(rule)) {
    if (rule.subject.by) return {rule.subject.by->text};
    return {};
  }
  return responsible_fallback(block, rule);
}

std::vector<std::string> responsible_fallback(const model::Block& block, const model::Rule& rule) {
  if (!block.responsible.empty()) {
    std::vector<std::string> names;
    std::unordered_set<std::string_view> seen_names;  // linear, however long the list
    for (const auto& n : block.responsible)
      if (seen_names.insert(n.text).second) names.push_back(n.text);
    return names;
  }
  if (rule.subject.by) return {rule.subject.by->text};
  return {};
}

std::optional<ResolvedAgreement> resolve_agreement(const model::Agreement& a, Diagnostics& diags) {
  size_t errors_before = diags.error_count();
  ResolvedAgreement out = resolve_best_effort(a, diags);
  if (diags.error_count() > errors_before || diags.full()) return std::nullopt;
  return out;
}

ResolvedAgreement resolve_best_effort(const model::Agreement& a, Diagnostics& diags) {
  ResolvedAgreement out;
  out.ast = &a;
  model::CalendarDecl agreement_cal;
  if (a.header) {
    out.name = a.header->name.value_or("");
    agreement_cal = a.header->calendar;
  }

  // Time zone and default calendar of the agreement.
  out.zone = zone_or_report(agreement_cal, "UTC", diags);
  if (!out.zone) out.zone = find_zone("UTC");
  const date::time_zone* agreement_zone = out.zone;
  std::vector<model::HoursSpan> agreement_hours = agreement_cal.hours.empty() ? default_hours() : agreement_cal.hours;
  out.agreement_calendar.emplace(agreement_zone, agreement_hours, agreement_cal.holidays);
  if (!out.agreement_calendar->has_weekly_hours())
    report(diags, kBadCalendar, agreement_cal.hours_loc, "the agreement's business hours contain no time at all",
           {"write opening hours such as `business hours mon-fri 09:00-17:00`"});

  // Effective period.
  if (a.header && a.header->effective_from && a.header->effective_to) {
    auto from = date::local_days{*a.header->effective_from};
    auto to = date::local_days{*a.header->effective_to};
    if (to < from) {
      report(diags, kBadPeriod, a.header->effective_loc, "the effective period ends before it begins",
             {"write `effective FIRST-DAY to LAST-DAY` with the earlier date first"});
    } else {
      out.effective_start = start_of_local_day(from, agreement_zone);
      out.effective_end = start_of_local_day(to + date::days{1}, agreement_zone);
    }
  }

  // Parties and named calendars share one name space (V2.2): duplicates, zones, calendars
  // (each part inherited separately from the agreement).
  std::map<std::string, const char*> seen;  // name -> "party" / "calendar"
  auto build_calendar = [&](const model::Name& id, const model::CalendarDecl& decl, const char* kind)
      -> std::optional<calendar::BusinessCalendar> {
    if (auto [it, fresh] = seen.emplace(id.text, kind); !fresh) {
      report(diags, kDuplicateParty, id.loc,
             std::string(it->second) == kind
                 ? fmt::format("{} `{}` is declared twice", kind, id.text)
                 : fmt::format("{} `{}` has the name of a {} declared before", kind, id.text, it->second),
             {std::string(it->second) == kind ? fmt::format("merge the two declarations into one `{}` block", kind)
                                              : "parties and calendars share one set of names: rename one of them"},
             static_cast<uint32_t>(id.text.size()));
      return std::nullopt;
    }
    const date::time_zone* zone = agreement_zone;
    if (decl.timezone) {
      zone = zone_or_report(decl, "UTC", diags);
      if (!zone) zone = agreement_zone;
    }
    const auto& hours = decl.hours.empty() ? agreement_hours : decl.hours;
    const auto& holidays = decl.holidays_declared ? decl.holidays : agreement_cal.holidays;
    calendar::BusinessCalendar cal(zone, hours, holidays);
    if (!cal.has_weekly_hours())
      report(diags, kBadCalendar, decl.hours_loc.valid() ? decl.hours_loc : id.loc,
             fmt::format("{} `{}` has no business time at all", kind, id.text),
             {"write opening hours such as `business hours mon-fri 09:00-17:00`"});
    return cal;
  };
  // Declaration order decides which of two clashing names is "the second" (V2.2).
  struct Decl {
    uint32_t line;
    const model::PartyDecl* party;
    const model::CalendarDef* calendar;
  };
  std::vector<Decl> decls;
  for (const auto& p : a.parties) decls.push_back({p.id.loc.line, &p, nullptr});
  for (const auto& c : a.calendars) decls.push_back({c.id.loc.line, nullptr, &c});
  std::stable_sort(decls.begin(), decls.end(), [](const Decl& x, const Decl& y) { return x.line < y.line; });
  for (size_t k = 0; k < decls.size(); ++k) {
    const auto& d = decls[k];
    if (k == kMaxParties) {
      // Every finding lists its responsible parties, and lint reads every party's calendar:
      // the number of names multiplies output and work (docs/security.md, limits).
      const model::Name& id = d.party ? d.party->id : d.calendar->id;
      diags.error(id.loc, fmt::format("more than {} parties and calendars (the limit for an agreement)", kMaxParties),
                  {}, static_cast<uint32_t>(id.text.size()));
      break;
    }
    if (d.party) {
      if (auto cal = build_calendar(d.party->id, d.party->calendar, "party")) {
        out.party_index.emplace(d.party->id.text, out.parties.size());
        out.parties.push_back(Party{d.party->id.text, d.party, std::move(*cal)});
      }
    } else if (auto cal = build_calendar(d.calendar->id, d.calendar->calendar, "calendar")) {
      out.calendar_index.emplace(d.calendar->id.text, out.calendars.size());
      out.calendars.push_back(NamedCalendar{d.calendar->id.text, d.calendar, std::move(*cal)});
    }
  }
  // Keep parties in declaration order among themselves (the loop above already does).

  // Every party or calendar name used must be declared, as the right kind.
  NameUses uses;
  collect_party_uses(a, uses);
  auto names = out.party_names();
  std::vector<std::string> both = names;
  for (const auto& c : out.calendars) both.push_back(c.id);
  auto unknown = [&](const model::Name* use, const std::vector<std::string>& candidates, const char* what) {
    std::vector<std::string> notes;
    std::string near = closest_match(use->text, candidates);
    if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
    else if (candidates.empty()) notes.push_back("declare it first: `party " + use->text + "`");
    else notes.push_back(fmt::format("declared {}: {}", what, list_of(candidates)));
    return notes;
  };
  for (const auto* use : uses.parties) {
    if (out.find_party(use->text)) continue;
    if (out.find_calendar(use->text)) {
      report(diags, kUnknownParty, use->loc, fmt::format("`{}` is a calendar, not a party", use->text),
             {"`by` and `responsible` name a party; a calendar only gives business time (`of X`, `during business hours of X`)"},
             static_cast<uint32_t>(use->text.size()));
      continue;
    }
    report(diags, kUnknownParty, use->loc, fmt::format("unknown party `{}`", use->text),
           unknown(use, names, "parties"), static_cast<uint32_t>(use->text.size()));
  }
  for (const auto* use : uses.calendars) {
    if (out.find_party(use->text) || out.find_calendar(use->text)) continue;
    report(diags, kUnknownParty, use->loc, fmt::format("no party or calendar named `{}`", use->text),
           unknown(use, both, "parties and calendars"), static_cast<uint32_t>(use->text.size()));
  }

  // Intervals (V2.6): their own name space.
  std::set<std::string> interval_names;
  for (const auto& i : a.intervals)
    if (!interval_names.insert(i.id.text).second)
      report(diags, kDuplicateInterval, i.id.loc, fmt::format("interval `{}` is declared twice", i.id.text),
             {"give each interval its own name"}, static_cast<uint32_t>(i.id.text.size()));

  // Fees (V2.8): unique names; every `X% of FEE` names one.
  std::set<std::string> fee_names;
  if (a.header)
    for (const auto& f : a.header->fees)
      if (!fee_names.insert(f.id.text).second)
        report(diags, kDuplicateFee, f.id.loc, fmt::format("fee `{}` is declared twice", f.id.text),
               {"give each fee its own name"}, static_cast<uint32_t>(f.id.text.size()));
  std::vector<std::string> fee_list(fee_names.begin(), fee_names.end());
  auto check_amount = [&](const model::Amount& amount) {
    if (!amount.fee || fee_names.count(amount.fee->text)) return;
    std::vector<std::string> notes;
    std::string near = closest_match(amount.fee->text, fee_list);
    if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
    else if (fee_list.empty()) notes.push_back("declare it in the agreement: `fee " + amount.fee->text + " AMOUNT`");
    else notes.push_back(fmt::format("declared fees: {}", fmt::join(fee_list, ", ")));
    report(diags, kUnknownFee, amount.fee->loc, fmt::format("unknown fee `{}`", amount.fee->text), notes,
           static_cast<uint32_t>(amount.fee->text.size()));
  };
  if (a.header && a.header->credit_cap) {
    check_amount(a.header->credit_cap->amount);
    check_period(a.header->credit_cap->period, diags);
  }

  // Blocks and rules.
  for (const auto& block : a.blocks) {
    if (block.effective_from && block.effective_to && date::local_days{*block.effective_to} < date::local_days{*block.effective_from})
      report(diags, kBadPeriod, block.effective_loc, "the block's effective period ends before it begins",
             {"write `effective FIRST-DAY to LAST-DAY` with the earlier date first"});
    for (const auto& credit : block.credits) {
      check_amount(credit.amount);
      if (credit.when && credit.when->percent) check_percentage(credit.when->value, credit.when->loc, "a threshold", diags);
    }
    for (const auto& rule : block.rules) check_rule(rule, interval_names, diags);
  }

  return out;
}

}  // namespace pactum::semantic
