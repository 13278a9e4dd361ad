// The scorecard: per party, findings by severity, pending items, tolerated misses, the rules
// that bind it (the obligation balance) and the credits it owes, as bars; then the findings per
// month by severity (is it getting better?).
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"
#include "engine/report/html/svg.h"
#include "engine/report/review.h"

namespace pactum::report::html {

namespace {

struct Row {
  PartyScore score;
  size_t tolerated = 0;
  size_t rules = 0;
  std::optional<credits::Cents> owed;
};

const char* kSeverityClass[3] = {"sev-critical", "sev-major", "sev-minor"};
const char* kSeverityName[3] = {"critical", "major", "minor"};

// One party's bars; each measure is scaled to its own largest value over all parties.
std::string party_chart(const Row& r, const Row& max, const std::optional<std::string>& currency) {
  const double label_w = 110, bar_x = 112, bar_w = 250, row_h = 16;
  bool money = max.owed.has_value();
  Svg svg(bar_x + bar_w + 120, row_h * (money ? 5 : 4) + 4, "scorecard-chart",
          fmt::format("{}: {} findings, {} pending, {} tolerated misses, {} rules", r.score.party, r.score.findings,
                      r.score.pending, r.tolerated, r.rules));
  auto scale = [&](double v, double m) { return m > 0 ? v / m * bar_w : 0.0; };
  double y = 2;
  auto bar_row = [&](const char* label, double value, double m, const char* cls, const std::string& text) {
    svg.text(label_w, y + 11.5, label, "axis-label", "end");
    svg.rect(bar_x, y + 2, bar_w, row_h - 4, "track");
    if (value > 0) svg.rect(bar_x, y + 2, scale(value, m), row_h - 4, cls, text);
    svg.text(bar_x + bar_w + 6, y + 11.5, text, "value-label");
    y += row_h;
  };
  // Findings: stacked by severity.
  svg.text(label_w, y + 11.5, "Findings", "axis-label", "end");
  svg.rect(bar_x, y + 2, bar_w, row_h - 4, "track");
  double x = bar_x;
  for (int s = 0; s < 3; ++s) {
    size_t n = r.score.by_severity[s];
    if (!n) continue;
    double w = scale(double(n), double(max.score.findings));
    svg.rect(x, y + 2, w, row_h - 4, kSeverityClass[s], fmt::format("{} {}", plural(n, "finding"), kSeverityName[s]));
    x += w;
  }
  std::vector<std::string> parts;
  for (int s = 0; s < 3; ++s)
    if (r.score.by_severity[s]) parts.push_back(fmt::format("{} {}", count(r.score.by_severity[s]), kSeverityName[s]));
  svg.text(bar_x + bar_w + 6, y + 11.5,
           r.score.findings ? fmt::format("{} ({})", count(r.score.findings), fmt::join(parts, ", ")) : "0",
           "value-label");
  y += row_h;
  bar_row("Pending", double(r.score.pending), double(max.score.pending), "st-pending", count(r.score.pending));
  bar_row("Tolerated", double(r.tolerated), double(max.tolerated), "st-tolerated", count(r.tolerated));
  bar_row("Rules binding", double(r.rules), double(max.rules), "st-rules", count(r.rules));
  if (money)
    bar_row("Credits owed", double(r.owed.value_or(0)), double(*max.owed), "st-credit",
            credits::money_text(r.owed.value_or(0), currency));
  return svg.str();
}

// Findings per heat map column, stacked by severity: the trend of the judged interval.
std::string trend(const Page& p) {
  const auto& o = *p.d.outcome;
  const auto& cols = p.columns;
  std::vector<std::array<size_t, 3>> per(cols.size(), {0, 0, 0});
  for (const auto& f : o.findings) {
    auto r = column_range(p, f.at, f.window);
    if (r.first <= r.last) ++per[r.first][static_cast<int>(f.block->severity)];
  }
  size_t max = 1;
  for (const auto& c : per) max = std::max(max, c[0] + c[1] + c[2]);
  const double x0 = 40, width = 900, height = 170, top = 10, bottom = 140;
  Svg svg(x0 + width + 10, height, "trend-chart", "Findings per period by severity");
  double slot = width / double(cols.size());
  double bar = std::max(1.0, std::min(slot * 0.7, 60.0));
  // A few horizontal grid lines with their counts.
  for (size_t k = 0; k <= 4; ++k) {
    double v = double(max) * double(k) / 4.0;
    double yy = bottom - (bottom - top) * double(k) / 4.0;
    svg.line(x0, yy, x0 + width, yy, "grid");
    if (k == 0 || max >= 4 || k == 4) svg.text(x0 - 4, yy + 4, fmt::format("{}", size_t(v + 0.5)), "axis-label", "end");
  }
  size_t label_every = cols.size() / 16 + 1;
  for (size_t i = 0; i < cols.size(); ++i) {
    double cx = x0 + slot * (double(i) + 0.5);
    double y = bottom;
    size_t total = per[i][0] + per[i][1] + per[i][2];
    for (int s = 0; s < 3; ++s) {
      if (!per[i][s]) continue;
      double hgt = (bottom - top) * double(per[i][s]) / double(max);
      y -= hgt;
      svg.rect(cx - bar / 2, y, bar, hgt, kSeverityClass[s],
               fmt::format("{}: {} of {}", cols[i].long_label, plural(per[i][s], std::string(kSeverityName[s]) + " finding"),
                           count(total)));
    }
    if (i % label_every == 0) svg.text(cx, bottom + 16, cols[i].label, "axis-label", "middle");
  }
  return "<figure class=\"chart\">\n" + svg.str() +
         "<figcaption>Findings per period of the judged interval, by severity (a finding counts in the period of "
         "its time, or of its window&rsquo;s start).</figcaption>\n</figure>\n";
}

std::string legend() {
  return "<p class=\"legend\"><span class=\"swatch sev-critical\"></span>critical <span class=\"swatch sev-major\">"
         "</span>major <span class=\"swatch sev-minor\"></span>minor <span class=\"swatch st-pending\"></span>pending "
         "<span class=\"swatch st-tolerated\"></span>tolerated</p>\n";
}

}  // namespace

std::string scorecard(const Page& p) {
  const auto& d = p.d;
  const credits::Ledger* ledger = shown_credits(d);
  std::vector<Row> rows;
  Row max;
  if (ledger) max.owed = 0;
  for (const auto& s : party_scores(d)) {
    Row r;
    r.score = s;
    auto t = d.outcome->tolerated_by_party.find(s.party);
    if (t != d.outcome->tolerated_by_party.end()) r.tolerated = t->second;
    for (const auto& [party, n] : d.balance.per_party)
      if (party == s.party) r.rules = n;
    if (ledger) {
      r.owed = 0;
      for (const auto& [party, totals] : ledger->by_party)
        if (party == s.party) r.owed = totals.owed;
      max.owed = std::max(*max.owed, *r.owed);
    }
    max.score.findings = std::max(max.score.findings, s.findings);
    max.score.pending = std::max(max.score.pending, s.pending);
    max.tolerated = std::max(max.tolerated, r.tolerated);
    max.rules = std::max(max.rules, r.rules);
    rows.push_back(r);
  }
  std::string out = "<section id=\"scorecard\">\n<h2>Scorecard</h2>\n";
  out += "<p class=\"note\">Per party: its findings by severity (a finding shared by two parties counts for each), "
         "the items pending on it, the misses its agreement tolerates, how many rules bind it by the agreement&rsquo;s "
         "text alone";
  out += ledger ? ", and the credits it owes.</p>\n" : ".</p>\n";
  out += legend();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> attrs;
  for (const auto& r : rows) {
    std::string name = r.score.name.empty() ? "" : "<br><span class=\"meta\">" + h(r.score.name) + "</span>";
    cells.push_back({"<strong>" + h(r.score.party) + "</strong>" + name,
                     party_chart(r, max, ledger ? ledger->currency : std::nullopt)});
    attrs.push_back(fmt::format("class=\"score-row\" data-findings=\"{}\" data-pending=\"{}\"", r.score.findings,
                                r.score.pending));
  }
  out += table({{"Party", "Findings, pending, tolerated, rules" + std::string(ledger ? ", credits" : "")}, {}, "scorecard"},
               cells, attrs);
  out += "<h3>Is it getting better?</h3>\n" + trend(p);
  return out + "</section>\n";
}

}  // namespace pactum::report::html
