// Credits (V2.8), when the agreement has `credit` lines: per party and window what accrued, what
// the cap held back and what is owed, as bars per window and as the table of the other formats.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"
#include "engine/report/html/svg.h"
#include "engine/report/review.h"

namespace pactum::report::html {

namespace {

// Owed and capped per window, stacked, all parties together.
std::string chart(const Page& p, const credits::Ledger& ledger) {
  std::map<Instant, std::pair<credits::Cents, credits::Cents>> per;  // window start -> owed, capped
  std::map<Instant, calendar::Interval> windows;
  for (const auto& t : ledger.by_period) {
    auto& [owed, capped] = per[t.window.start];
    owed = credits::add(owed, t.totals.owed);
    capped = credits::add(capped, t.totals.capped);
    windows[t.window.start] = t.window;
  }
  if (per.empty()) return "";
  credits::Cents max = 1;
  for (const auto& [start, v] : per) max = std::max(max, credits::add(v.first, v.second));
  TimeAxis axis(p.d.outcome->judged_from, p.d.outcome->judged_to, 70, 950);
  const double top = 10, bottom = 130;
  Svg svg(960, 154, "credits-chart", "Credits owed and capped per window");
  for (size_t k = 0; k <= 2; ++k) {
    double v = double(max) * double(k) / 2.0, y = bottom - (bottom - top) * double(k) / 2.0;
    svg.line(70, y, 950, y, "grid");
    svg.text(64, y + 4, credits::cents_text(static_cast<credits::Cents>(v)), "axis-label", "end");
  }
  for (const auto& tick : ticks(axis, p.zone)) svg.text(tick.x, bottom + 16, tick.label, "axis-label", "middle");
  svg.line(70, bottom, 950, bottom, "axis");
  for (const auto& [start, v] : per) {
    const auto& w = windows[start];
    double x = axis.x(w.start), x2 = axis.x(w.end), width = std::max(2.0, (x2 - x) * 0.7);
    double cx = (x + x2) / 2;
    double h_owed = (bottom - top) * double(v.first) / double(max);
    double h_capped = (bottom - top) * double(v.second) / double(max);
    std::string dates = window_dates(p.d, w);
    svg.rect(cx - width / 2, bottom - h_owed, width, h_owed, "st-credit",
             fmt::format("{}: {} owed", dates, credits::money_text(v.first, ledger.currency)));
    if (v.second)
      svg.rect(cx - width / 2, bottom - h_owed - h_capped, width, h_capped, "st-capped",
               fmt::format("{}: {} beyond the cap, not owed", dates, credits::money_text(v.second, ledger.currency)));
  }
  return "<figure class=\"chart\">\n" + svg.str() +
         "<figcaption>Credits per window, all parties: owed (solid), beyond the cap and not owed "
         "(light).</figcaption>\n</figure>\n";
}

}  // namespace

std::string credits(const Page& p) {
  const credits::Ledger* ledger = shown_credits(p.d);
  if (!ledger) return "";
  std::string out = "<section id=\"credits\" class=\"page-start\">\n<h2>Credits</h2>\n";
  out += fmt::format("<p class=\"note\">{}.</p>\n", h(credits_heading(p.d, *ledger)));
  out += chart(p, *ledger);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : credit_rows(p.d, *ledger)) {
    auto cell = [&](credits::Cents c) {
      return r.total ? "<strong>" + credits::cents_text(c) + "</strong>" : credits::cents_text(c);
    };
    rows.push_back({h(r.party), r.total ? "<strong>total</strong>" : h(r.period), cell(r.totals.accrued),
                    cell(r.totals.capped), cell(r.totals.owed)});
  }
  out += table({{"Party", "Period", "Accrued", "Capped", "Owed"}, {2, 3, 4}, ""}, rows);
  return out + "</section>\n";
}

}  // namespace pactum::report::html
