// render_html: the page's frame (head, the Content-Security-Policy, the table of contents) and the
// sections in order. No script and no external resource: the policy forbids both, so a hostile
// name in an agreement or a log could not run or fetch anything even if escaping were ever
// missed; links are fragments of the page itself.
#include "engine/report/html/page.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/report/html/markup.h"

namespace pactum::report {

namespace html {

Page::Page(const ReportData& data) : d(data), zone(data.agreement.zone) {
  if (!evaluated()) return;
  const auto& o = *d.outcome;
  const auto& blocks = d.agreement.ast->blocks;
  for (size_t b = 0; b < blocks.size(); ++b) {
    TermView t;
    t.block_index = b;
    t.block = &blocks[b];
    Instant from = o.judged_from, to = o.judged_to;
    if (auto span = d.agreement.block_span(blocks[b])) {
      from = std::max(from, span->start);
      to = std::min(to, span->end);
    }
    if (from < to || (from == to && !d.agreement.block_span(blocks[b]))) t.judged = calendar::Interval{from, to};
    if (b < o.activity.size()) {
      t.activity = &o.activity[b];
      for (const auto& day : o.activity[b]) t.activations += day.count;
    }
    terms.push_back(std::move(t));
  }
  for (size_t i = 0; i < o.findings.size(); ++i)
    if (o.findings[i].block_index < terms.size()) terms[o.findings[i].block_index].findings.push_back(i);
  for (size_t i = 0; i < o.pending.size(); ++i)
    if (o.pending[i].block_index < terms.size()) terms[o.pending[i].block_index].pending.push_back(i);
  for (const auto& s : o.periodic)
    if (s.block_index < terms.size()) terms[s.block_index].periodic.push_back(&s);
  for (auto& t : terms)
    std::stable_sort(t.periodic.begin(), t.periodic.end(),
                     [](auto* a, auto* b) { return a->rule->number < b->rule->number; });

  Instant to = std::max(o.judged_to, o.judged_from + Millis{1});
  columns = heat_map_columns(o.judged_from, to, zone);

  listed.assign(o.findings.size(), false);
  size_t total = 0;
  for (const auto& t : terms)
    for (size_t k = 0; k < t.findings.size() && k < kFindingRowsPerTerm && total < kFindingRows; ++k, ++total)
      listed[t.findings[k]] = true;
}

std::string Page::link(size_t finding_index) const {
  if (finding_index < listed.size() && listed[finding_index]) return finding_anchor(finding_index);
  return term_anchor(d.outcome->findings[finding_index].block_index);
}

ColumnRange column_range(const Page& p, Instant at, const std::optional<calendar::Interval>& window) {
  const auto& cols = p.columns;
  auto index_of = [&](Instant t) -> std::optional<size_t> {
    auto it = std::upper_bound(cols.begin(), cols.end(), t,
                               [](Instant v, const CalendarSpan& c) { return v < c.span.start; });
    if (it == cols.begin()) return std::nullopt;
    size_t i = static_cast<size_t>(it - cols.begin()) - 1;
    if (t >= cols[i].span.end) return std::nullopt;
    return i;
  };
  if (cols.empty()) return {};
  if (!window) {
    auto i = index_of(at);
    return i ? ColumnRange{*i, *i} : ColumnRange{};
  }
  Millis column_length = cols.front().span.end - cols.front().span.start;
  if (window->end - window->start <= column_length + Millis{3'600'000}) {  // an hour's slack: DST
    auto i = index_of(window->start);
    return i ? ColumnRange{*i, *i} : ColumnRange{};
  }
  Instant from = std::max(window->start, cols.front().span.start);
  Instant to = std::min(window->end, cols.back().span.end);
  if (from >= to) return {};
  auto first = index_of(from), last = index_of(to - Millis{1});
  return first && last ? ColumnRange{*first, *last} : ColumnRange{};
}

const model::Period& window_period(const model::Rule& rule) {
  return rule.kind == model::Rule::Kind::Requires && rule.share ? rule.share->period : rule.period;
}

std::string local_time(const Page& p, Instant t) { return format_local(t, p.zone); }

const char* state_class(eval::WindowResult::State s) {
  using State = eval::WindowResult::State;
  switch (s) {
    case State::Kept: return "st-kept";
    case State::Broken: return "st-broken";
    case State::Tolerated: return "st-tolerated";
    case State::Pending: return "st-pending";
  }
  return "st-kept";
}

std::string when_text(const Page& p, const eval::Finding& f) {
  if (!f.window) return local_time(p, f.at);
  return fmt::format("{} to {}", local_time(p, f.window->start), local_time(p, f.window->end));
}

std::string responsible_text(const eval::Finding& f) { return fmt::format("{}", fmt::join(f.responsible, ", ")); }

namespace {

std::string contents(const Page& p) {
  std::vector<std::pair<const char*, const char*>> items;
  if (p.evaluated()) {
    items = {{"scorecard", "Scorecard"},   {"compliance", "Compliance over time"}, {"timelines", "Timelines"},
             {"service-levels", "Service levels"}, {"due-soon", "Due soon"}};
    if (shown_credits(p.d)) items.push_back({"credits", "Credits"});
    items.push_back({"findings", "Findings"});
  }
  items.push_back({"lint", "Agreement lint"});
  items.push_back({"obligations", "Obligations"});
  std::string out = "<nav class=\"toc\" aria-label=\"Contents\"><ol>\n";
  for (const auto& [id, name] : items) out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, name);
  return out + "</ol></nav>\n";
}

}  // namespace

}  // namespace html

std::string render_html(const ReportData& d) {
  using namespace html;
  Page page(d);
  std::string title = d.agreement.name.empty() ? "Agreement review" : "Agreement review: " + d.agreement.name;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"color-scheme\" content=\"light\">\n";
  out += fmt::format("<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n", attr(title), style());
  out += header(page);
  out += contents(page);
  if (page.evaluated())
    out += scorecard(page) + compliance(page) + timelines(page) + service_levels(page) + due_soon(page) +
           credits(page) + findings(page);
  out += lint(page) + obligations(page);
  out += "<footer class=\"meta\"><p>Written by pactum. This page is self-contained: it runs no script and loads "
         "nothing.</p></footer>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace pactum::report
