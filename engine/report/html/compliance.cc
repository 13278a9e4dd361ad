// Compliance over time: the heat map of a QBR deck. One row per term (block), one column per
// calendar month of the judged interval (weeks or days when it is short, quarters or years when
// it is long); each cell says how the term fared then: broken (a finding), pending, tolerated (a
// miss the agreement allows), kept, or not judged (outside the judged interval or the block's
// own `effective` span). A window longer than a column colours every column it covers.
#include <fmt/format.h>

#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"

namespace pactum::report::html {

namespace {

// What falls in one cell. An item counts in the column it starts in; a window longer than a
// column also covers the columns after it (`covering`), which take its colour but not its count.
struct Cell {
  bool judged = false;
  size_t findings = 0, pending = 0, tolerated = 0, kept_windows = 0, activations = 0;
  size_t covering_findings = 0, covering_pending = 0;
};

std::vector<Cell> cells_of(const Page& p, const TermView& t) {
  const auto& o = *p.d.outcome;
  std::vector<Cell> cells(p.columns.size());
  for (size_t c = 0; c < cells.size(); ++c)
    cells[c].judged = t.judged && p.columns[c].span.start < t.judged->end && p.columns[c].span.end > t.judged->start;
  auto add = [&](Instant at, const std::optional<calendar::Interval>& window, size_t Cell::*field, size_t n = 1,
                 size_t Cell::*covering = nullptr) {
    auto r = column_range(p, at, window);
    for (size_t c = r.first; c <= r.last && c < cells.size(); ++c) cells[c].*(c == r.first || !covering ? field : covering) += n;
  };
  for (size_t i : t.findings) add(o.findings[i].at, o.findings[i].window, &Cell::findings, 1, &Cell::covering_findings);
  for (size_t i : t.pending) add(o.pending[i].at, o.pending[i].window, &Cell::pending, 1, &Cell::covering_pending);
  for (const auto* s : t.periodic)
    for (const auto& w : s->windows) {
      if (w.state == eval::WindowResult::State::Tolerated) add(w.window.start, w.window, &Cell::tolerated);
      if (w.state == eval::WindowResult::State::Kept) add(w.window.start, w.window, &Cell::kept_windows);
    }
  if (t.activity)
    for (const auto& day : *t.activity)
      add(start_of_local_day(date::local_days{date::days{day.day}}, p.zone), std::nullopt, &Cell::activations,
          day.count);
  return cells;
}

std::string cell_html(const TermView& t, const CalendarSpan& column, const Cell& c) {
  std::vector<std::string> words;
  const char* cls;
  std::string mark;
  if (c.findings || c.covering_findings) {
    cls = "st-broken";
    mark = c.findings ? count(c.findings) : "";
    words.push_back(c.findings ? "broken: " + plural(c.findings, "finding") : "broken");
    if (c.covering_findings) words.push_back(fmt::format("within the window of {} that began earlier",
                                                         plural(c.covering_findings, "finding")));
  } else if (c.pending || c.covering_pending) {
    cls = "st-pending";
    mark = "&hellip;";
    words.push_back("pending");
  } else if (c.tolerated) {
    cls = "st-tolerated";
    mark = "~";
    words.push_back("kept, with a tolerated miss");
  } else if (c.judged) {
    bool activity = c.activations || c.kept_windows;
    cls = activity ? "st-kept" : "st-kept quiet";
    mark = "&#10003;";
    words.push_back(activity ? "kept" : "kept (no activity)");
  } else {
    cls = "st-none";
    words.push_back("not judged");
  }
  if (c.findings && c.pending) words.push_back(fmt::format("{} pending", count(c.pending)));
  if (c.tolerated && c.findings) words.push_back(plural(c.tolerated, "tolerated miss") );
  if (c.activations) words.push_back(plural(c.activations, "activation") + " judged");
  if (c.kept_windows) words.push_back(plural(c.kept_windows, "window") + " kept");
  std::string title = fmt::format("{}, {}: {}", t.block->name, column.long_label, fmt::join(words, "; "));
  return fmt::format("<td class=\"cell {}\" title=\"{}\">{}</td>", cls, attr(title), mark);
}

}  // namespace

std::string compliance(const Page& p) {
  std::string out = "<section id=\"compliance\" class=\"page-start\">\n<h2>Compliance over time</h2>\n";
  out += "<p class=\"note\">Each row is a term, each column a period of the judged interval. A number counts the "
         "findings of that period; hover a cell for details, or click a term for its timeline.</p>\n";
  out += "<p class=\"legend\"><span class=\"swatch st-broken\"></span>broken <span class=\"swatch st-pending\"></span>"
         "pending <span class=\"swatch st-tolerated\"></span>tolerated miss <span class=\"swatch st-kept\"></span>kept "
         "<span class=\"swatch st-kept quiet\"></span>kept, no activity <span class=\"swatch st-none\"></span>not "
         "judged</p>\n";
  out += "<div class=\"scroll\"><table class=\"heatmap\">\n<thead><tr><th class=\"term\">Term</th>";
  for (const auto& c : p.columns) out += fmt::format("<th title=\"{}\">{}</th>", attr(c.long_label), h(c.label));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& t : p.terms) {
    std::string clause = t.block->clause ? fmt::format("<span class=\"meta\">{}</span>", h(*t.block->clause)) : "";
    out += fmt::format("<tr class=\"compliance-row\" data-block=\"{}\"><th class=\"term\"><a href=\"#{}\">{}</a> {}</th>",
                       t.block_index + 1, timeline_anchor(t.block_index), h(t.block->name), clause);
    auto cells = cells_of(p, t);
    for (size_t c = 0; c < cells.size(); ++c) out += cell_html(t, p.columns[c], cells[c]);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n</section>\n";
}

}  // namespace pactum::report::html
