// The findings table, grouped by term in agreement order: the term's clause and severity, the
// rules broken (location and text), then per finding its time, rule, reason, responsible party,
// message, events (file:line, type and id, local time) and credit. Each row has the id the
// charts link to. Long lists are capped (Page::listed) with a count of what was left out.
#include <fmt/format.h>

#include "engine/eval/wording.h"
#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"
#include "engine/report/review.h"

namespace pactum::report::html {

namespace {

std::string events_cell(const Page& p, const eval::Finding& f) {
  const auto& d = p.d;
  if (!d.log) return "";
  std::vector<std::string> lines;
  const size_t shown = 8;  // examples, not a dump
  for (size_t i = 0; i < f.events.size() && i < shown; ++i) {
    const auto& e = d.log->event(f.events[i]);
    std::string id = e.id == log::kNoSymbol ? "" : " " + std::string(d.log->symbols.text(e.id));
    lines.push_back(fmt::format("{} {}", code(fmt::format("{}:{}", d.sources.name(e.file), e.line)),
                                h(fmt::format("{}{}, {}", d.log->symbols.text(e.type), id, local_time(p, e.at)))));
  }
  if (f.events.size() > shown) lines.push_back(fmt::format("and {} more", count(f.events.size() - shown)));
  return fmt::format("{}", fmt::join(lines, "<br>"));
}

std::string group(const Page& p, const TermView& t) {
  const auto& d = p.d;
  const auto& all = d.outcome->findings;
  const model::Block& block = *t.block;
  std::string severity = severity_name(block.severity);
  std::string clause = block.clause ? fmt::format("clause {}, ", h(*block.clause)) : "";
  std::string out = fmt::format("<div class=\"term-findings\" id=\"{}\" data-block=\"{}\">\n", term_anchor(t.block_index),
                                t.block_index + 1);
  out += fmt::format("<h3>{} &ldquo;{}&rdquo; <span class=\"meta\">({}<span class=\"sev {}\">{}</span>, {})</span></h3>\n",
                     block.expectation ? "Expectation" : "Term", h(block.name), clause, severity, severity,
                     plural(t.findings.size(), "finding"));
  std::vector<const model::Rule*> rules;
  for (size_t i : t.findings)
    if (std::find(rules.begin(), rules.end(), all[i].rule) == rules.end()) rules.push_back(all[i].rule);
  std::sort(rules.begin(), rules.end(), [](auto* a, auto* b) { return a->number < b->number; });
  out += "<ul class=\"rules\">\n";
  for (const auto* r : rules)
    out += fmt::format("<li>Rule {} ({}): {}</li>\n", r->number, code(rule_location(d, *r)), code(r->text));
  out += "</ul>\n";
  bool priced = shown_credits(d) != nullptr;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> attrs;
  size_t omitted = 0;
  for (size_t i : t.findings) {
    if (!p.listed[i]) {
      ++omitted;
      continue;
    }
    const auto& f = all[i];
    // A window finding reads by the window's name ("May 2026"); the exact times are its tooltip.
    std::string when = f.window ? fmt::format("<span title=\"{}\">{}</span>", attr(when_text(p, f)),
                                              h(eval::window_name(window_period(*f.rule), *f.window, p.zone)))
                                : h(when_text(p, f));
    rows.push_back({std::to_string(i + 1), when, std::to_string(f.rule->number), h(f.reason),
                    h(responsible_text(f)), prose(f.message), events_cell(p, f)});
    if (priced) {
      const credits::Charge* c = charge_of(d, f);
      rows.back().push_back(c ? h(charge_text(d, f, *c)) : "");
    }
    attrs.push_back(fmt::format("id=\"{}\" class=\"finding\"", finding_anchor(i)));
  }
  std::vector<std::string> headers = {"#", "When", "Rule", "Reason", "Responsible", "Message", "Events"};
  if (priced) headers.push_back("Credit");
  if (!rows.empty()) out += table({headers, {0, 2}, "findings"}, rows, attrs);
  if (omitted) out += left_out(omitted, omitted == 1 ? "finding of this term" : "findings of this term");
  return out + "</div>\n";
}

}  // namespace

std::string findings(const Page& p) {
  const auto& o = *p.d.outcome;
  std::string out = fmt::format("<section id=\"findings\" class=\"page-start\" data-total=\"{}\">\n<h2>Findings</h2>\n",
                                o.findings.size());
  if (o.findings.empty()) return out + "<p>No findings.</p>\n</section>\n";
  size_t listed = std::count(p.listed.begin(), p.listed.end(), true);
  out += fmt::format("<p class=\"note\">{}, grouped by term in agreement order{}.</p>\n",
                     plural(o.findings.size(), "finding"),
                     listed < o.findings.size() ? fmt::format("; {} listed here", count(listed)) : "");
  for (const auto& t : p.terms)
    if (!t.findings.empty()) out += group(p, t);
  return out + "</section>\n";
}

}  // namespace pactum::report::html
