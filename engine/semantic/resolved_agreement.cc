#include "engine/semantic/resolved_agreement.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace pactum::semantic {

namespace {

// The agreement's default business hours: mon-fri 09:00-17:00.
std::vector<model::HoursSpan> default_hours() { return {model::HoursSpan{0, 4, 9 * 60, 17 * 60, {}}}; }

void report(Diagnostics& diags, const char* code, SourceLoc loc, std::string message,
            std::vector<std::string> notes = {}, uint32_t width = 1) {
  diags.add(Diagnostic{DiagLevel::Error, code, loc, width, std::move(message), std::move(notes), ""});
}

// Every place a party name is used, so that each unknown one is reported where it is written.
void collect_party_uses(const model::Agreement& a, std::vector<const model::Name*>& uses) {
  for (const auto& block : a.blocks) {
    for (const auto& n : block.responsible) uses.push_back(&n);
    for (const auto& rule : block.rules) {
      if (rule.subject.by) uses.push_back(&*rule.subject.by);
      if (rule.kind == model::Rule::Kind::Requires) {
        if (rule.target.by) uses.push_back(&*rule.target.by);
        if (rule.timing.duration.of_party) uses.push_back(&*rule.timing.duration.of_party);
      }
      for (const auto& p : rule.parties) uses.push_back(&p);
    }
  }
}

void check_period(const model::Period& p, Diagnostics& diags) {
  if (p.count <= 0)
    report(diags, kBadPeriod, p.loc, "a period of zero length: no window could ever be judged",
           {"write a positive length, e.g. `every 2 weeks`"});
}

const date::time_zone* zone_or_report(const model::CalendarDecl& c, const std::string& fallback, Diagnostics& diags) {
  std::string name = c.timezone.value_or(fallback);
  if (const auto* z = find_zone(name)) return z;
  std::vector<std::string> candidates;
  try {
    for (const auto& z : date::get_tzdb().zones) candidates.push_back(z.name());
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
  for (const auto& p : parties)
    if (p.id == id) return &p;
  return nullptr;
}

std::vector<std::string> ResolvedAgreement::party_names() const {
  std::vector<std::string> names;
  for (const auto& p : parties) names.push_back(p.id);
  return names;
}

const calendar::BusinessCalendar& ResolvedAgreement::calendar_of(const std::string& party) const {
  if (const Party* p = find_party(party)) return p->calendar;
  return *agreement_calendar;
}

const calendar::BusinessCalendar& duration_calendar(const ResolvedAgreement& agreement, const model::Duration& d,
                                                    const model::Pattern& target) {
  if (d.of_party) return agreement.calendar_of(d.of_party->text);
  if (target.by) return agreement.calendar_of(target.by->text);
  return *agreement.agreement_calendar;
}

std::vector<std::string> responsible_by_text(const model::Block& block, const model::Rule& rule) {
  if (rule.kind == model::Rule::Kind::Requires && rule.target.by) return {rule.target.by->text};
  if (!block.responsible.empty()) {
    std::vector<std::string> names;
    for (const auto& n : block.responsible)
      if (std::find(names.begin(), names.end(), n.text) == names.end()) names.push_back(n.text);
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

  // Parties: duplicates, zones, calendars (each part inherited separately).
  std::set<std::string> seen;
  for (const auto& decl : a.parties) {
    if (!seen.insert(decl.id.text).second) {
      report(diags, kDuplicateParty, decl.id.loc, fmt::format("party `{}` is declared twice", decl.id.text),
             {"merge the two declarations into one `party` block"}, static_cast<uint32_t>(decl.id.text.size()));
      continue;
    }
    const date::time_zone* zone = agreement_zone;
    if (decl.calendar.timezone) {
      zone = zone_or_report(decl.calendar, "UTC", diags);
      if (!zone) zone = agreement_zone;
    }
    const auto& hours = decl.calendar.hours.empty() ? agreement_hours : decl.calendar.hours;
    const auto& holidays = decl.calendar.holidays_declared ? decl.calendar.holidays : agreement_cal.holidays;
    Party party{decl.id.text, &decl, calendar::BusinessCalendar(zone, hours, holidays)};
    if (!party.calendar.has_weekly_hours())
      report(diags, kBadCalendar, decl.calendar.hours_loc.valid() ? decl.calendar.hours_loc : decl.id.loc,
             fmt::format("party `{}` has no business time at all", decl.id.text),
             {"write opening hours such as `business hours mon-fri 09:00-17:00`"});
    out.parties.push_back(std::move(party));
  }

  // Every party name used must be declared.
  std::vector<const model::Name*> uses;
  collect_party_uses(a, uses);
  auto names = out.party_names();
  for (const auto* use : uses) {
    if (out.find_party(use->text)) continue;
    std::vector<std::string> notes;
    std::string near = closest_match(use->text, names);
    if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
    else if (names.empty()) notes.push_back("declare it first: `party " + use->text + "`");
    else notes.push_back("declared parties: " + fmt::format("{}", fmt::join(names, ", ")));
    report(diags, kUnknownParty, use->loc, fmt::format("unknown party `{}`", use->text), notes,
           static_cast<uint32_t>(use->text.size()));
  }

  // Periods of periodic rules.
  for (const auto& block : a.blocks) {
    for (const auto& rule : block.rules) {
      using K = model::Rule::Kind;
      if (rule.kind == K::AtLeast || rule.kind == K::AtMost || rule.kind == K::Aggregate) check_period(rule.period, diags);
      if (rule.allowed_misses) check_period(rule.allowance_period, diags);
    }
  }

  return out;
}

}  // namespace pactum::semantic
