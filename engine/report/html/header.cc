// The top of the page: the agreement, its parties with their roles and time zones, the judged
// interval and the as-of time, the overall verdict in one sentence and the key figures.
#include <algorithm>

#include <fmt/format.h>

#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"
#include "engine/report/review.h"

namespace pactum::report::html {

namespace {

credits::Cents owed_total(const credits::Ledger& ledger) {
  credits::Cents total = 0;
  for (const auto& [party, totals] : ledger.by_party) total = credits::add(total, totals.owed);
  return total;
}

size_t broken_terms(const Page& p) {
  return std::count_if(p.terms.begin(), p.terms.end(), [](const TermView& t) { return !t.findings.empty(); });
}

std::string block_noun(const Page& p) {
  const auto& blocks = p.d.agreement.ast->blocks;
  bool expectations = std::any_of(blocks.begin(), blocks.end(), [](const model::Block& b) { return b.expectation; });
  return expectations ? "terms and expectations" : "terms";
}

std::string parties(const Page& p) {
  if (p.d.agreement.parties.empty()) return "";
  std::string out = "<ul class=\"parties\">\n";
  for (const auto& party : p.d.agreement.parties) {
    std::string name = party.decl && party.decl->display_name ? *party.decl->display_name : "";
    std::string role = party.decl && party.decl->role ? party.decl->role->text : "";
    const auto* zone = party.calendar.zone();
    out += fmt::format("<li><strong>{}</strong>{}{}<span class=\"meta\">{}</span></li>\n", h(party.id),
                       name.empty() ? "" : " <span>" + h(name) + "</span>",
                       role.empty() ? "" : " <span class=\"role\">" + h(role) + "</span>",
                       zone ? " " + h(zone->name()) : "");
  }
  return out + "</ul>\n";
}

std::string figure(const std::string& value, const std::string& label, const char* cls = "") {
  return fmt::format("<div class=\"figure {}\"><span class=\"value\">{}</span><span class=\"label\">{}</span></div>\n",
                     cls, value, label);
}

std::string figures(const Page& p) {
  const auto& o = *p.d.outcome;
  size_t sev[3] = {0, 0, 0};
  for (const auto& f : o.findings) ++sev[static_cast<int>(f.block->severity)];
  std::string out = "<div class=\"figures\">\n";
  out += figure(count(o.findings.size()),
                fmt::format("findings ({} critical, {} major, {} minor)", count(sev[0]), count(sev[1]), count(sev[2])),
                o.findings.empty() ? "good" : "bad");
  out += figure(fmt::format("{} / {}", count(broken_terms(p)), count(p.terms.size())),
                block_noun(p) + " broken", broken_terms(p) ? "bad" : "good");
  out += figure(count(o.pending.size()), "pending", o.pending.empty() ? "" : "warn");
  out += figure(count(o.tolerated), "tolerated misses");
  if (const auto* ledger = shown_credits(p.d))
    out += figure(h(credits::money_text(owed_total(*ledger), ledger->currency)), "credits owed",
                  owed_total(*ledger) ? "bad" : "good");
  out += figure(count(o.events), fmt::format("events ({} outside the judged interval)", count(o.ignored_events)));
  return out + "</div>\n";
}

}  // namespace

std::string verdict_sentence(const Page& p) {
  if (!p.d.outcome) return "Agreement lint only: no event logs were checked.";
  if (!p.evaluated()) return "Nothing was evaluated: the logs have no events and no `--as-of` was given.";
  const auto& o = *p.d.outcome;
  std::string pending =
      o.pending.empty() ? "" : fmt::format("; {} {} pending", plural(o.pending.size(), "item"), o.pending.size() == 1 ? "is" : "are");
  std::string credit;
  if (const auto* ledger = shown_credits(p.d); ledger && owed_total(*ledger))
    credit = fmt::format("; credits owed: {}", credits::money_text(owed_total(*ledger), ledger->currency));
  if (o.findings.empty())
    return fmt::format("Kept: no {} was broken from {} to {}{}{}.", block_noun(p) == "terms" ? "term" : "term or expectation",
                       local_time(p, o.judged_from), local_time(p, o.judged_to), pending, credit);
  std::vector<PartyScore> scores = party_scores(p.d);
  std::stable_sort(scores.begin(), scores.end(), [](const PartyScore& a, const PartyScore& b) { return a.findings > b.findings; });
  std::vector<std::string> who;
  for (const auto& s : scores)
    if (s.findings && who.size() < 3) who.push_back(fmt::format("{} {}", s.party, count(s.findings)));
  size_t critical = 0;
  for (const auto& f : o.findings) critical += f.block->severity == model::Severity::Critical;
  return fmt::format("Not kept: {} of {} {} {} broken, with {}{} (by party: {}){}{}.", count(broken_terms(p)),
                     count(p.terms.size()), block_noun(p), broken_terms(p) == 1 ? "was" : "were",
                     plural(o.findings.size(), "finding"), critical ? fmt::format(", {} critical", count(critical)) : "",
                     fmt::join(who, ", "), pending, credit);
}

std::string header(const Page& p) {
  const auto& d = p.d;
  std::string out = "<header>\n";
  out += fmt::format("<h1>{}</h1>\n", d.agreement.name.empty() ? "Agreement review" : h(d.agreement.name));
  out += parties(p);
  if (p.evaluated()) {
    const auto& o = *d.outcome;
    out += fmt::format("<p class=\"meta\">Judged from <strong>{}</strong> to <strong>{}</strong>, as of <strong>{}</strong> "
                       "({})</p>\n",
                       h(local_time(p, o.judged_from)), h(local_time(p, o.judged_to)), h(local_time(p, o.as_of)),
                       h(p.zone->name()));
    const char* tone = o.findings.empty() ? "kept" : "broken";
    out += fmt::format("<p class=\"verdict {}\" data-findings=\"{}\" data-pending=\"{}\">{}</p>\n", tone,
                       o.findings.size(), o.pending.size(), prose(verdict_sentence(p)));
    out += figures(p);
    if (d.triage) out += fmt::format("<p class=\"note\">Accepted and set apart: {}.</p>\n", h(triage_words(d)));
    if (d.filter) out += fmt::format("<p class=\"note\" id=\"filtered\">Filtered: {}.</p>\n", h(filter_words(d)));
  } else {
    out += fmt::format("<p class=\"verdict\">{}</p>\n", prose(verdict_sentence(p)));
  }
  return out + "</header>\n";
}

}  // namespace pactum::report::html
