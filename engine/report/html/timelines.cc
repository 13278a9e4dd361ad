// A timeline per term: the judged interval on one time axis shared by every term, with lanes
// for the activations its rules judged (per day), the windows of each rule with a period
// (coloured by how they fared), its findings (red; a window finding shades its window) and its
// pending items (amber). Every mark has a tooltip; a finding links to its row in the findings
// table. With many marks a lane aggregates: bars per slice of the axis, linking to the term.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "engine/eval/wording.h"
#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"
#include "engine/report/html/svg.h"

namespace pactum::report::html {

namespace {

constexpr double kWidth = 960, kLabel = 116, kX0 = 124, kX1 = 950, kLane = 22, kTop = 4;
constexpr size_t kMaxMarks = 300;  // per lane; beyond it the lane aggregates
constexpr size_t kBins = 160;

using State = eval::WindowResult::State;

const char* state_words(State s) {
  switch (s) {
    case State::Kept: return "kept";
    case State::Broken: return "broken";
    case State::Tolerated: return "a tolerated miss";
    case State::Pending: return "pending (not decided yet)";
  }
  return "";
}
int severity_of(State s) {  // which state wins when windows share a slice
  switch (s) {
    case State::Broken: return 3;
    case State::Pending: return 2;
    case State::Tolerated: return 1;
    case State::Kept: return 0;
  }
  return 0;
}

std::string value_text(double v) { return eval::plain_number(std::round(v * 100) / 100); }

class Timeline {
 public:
  Timeline(const Page& p, const TermView& t)
      : p_(p), t_(t), axis_(p.d.outcome->judged_from, p.d.outcome->judged_to, kX0, kX1) {}

  std::string render() {
    const auto& o = *p_.d.outcome;
    lanes_ = (t_.activations ? 1 : 0) + t_.periodic.size() + 1 + (t_.pending.empty() ? 0 : 1);
    double height = kTop + kLane * double(lanes_) + 22;
    Svg svg(kWidth, height, "timeline-chart", "Timeline of " + t_.block->name);
    // The parts of the axis this block does not judge (before or after its `effective` span).
    double lanes_bottom = kTop + kLane * double(lanes_);
    if (t_.judged) {
      if (t_.judged->start > o.judged_from)
        svg.rect(kX0, kTop, axis_.x(t_.judged->start) - kX0, lanes_bottom - kTop, "not-judged", "not judged");
      if (t_.judged->end < o.judged_to)
        svg.rect(axis_.x(t_.judged->end), kTop, kX1 - axis_.x(t_.judged->end), lanes_bottom - kTop, "not-judged",
                 "not judged");
    } else {
      svg.rect(kX0, kTop, kX1 - kX0, lanes_bottom - kTop, "not-judged", "not judged");
    }
    for (const auto& tick : ticks(axis_, p_.zone)) {
      svg.line(tick.x, kTop, tick.x, lanes_bottom, "grid");
      svg.text(tick.x, lanes_bottom + 14, tick.label, "axis-label", "middle");
    }
    double y = kTop;
    if (t_.activations) activity_lane(svg, y), y += kLane;
    for (const auto* s : t_.periodic) window_lane(svg, *s, y), y += kLane;
    findings_lane(svg, y), y += kLane;
    if (!t_.pending.empty()) pending_lane(svg, y), y += kLane;
    svg.line(kX0, lanes_bottom, kX1, lanes_bottom, "axis");
    return svg.str();
  }

 private:
  void lane_label(Svg& svg, double y, const std::string& label) {
    svg.text(kLabel, y + kLane / 2 + 4, label, "axis-label", "end");
    svg.line(kX0, y + kLane, kX1, y + kLane, "lane");
  }

  void activity_lane(Svg& svg, double y) {
    lane_label(svg, y, "Activations");
    const auto& days = *t_.activity;
    uint32_t max = 1;
    for (const auto& d : days) max = std::max(max, d.count);
    auto height = [&](double n) { return std::max(2.0, (kLane - 6) * std::sqrt(n / double(max))); };
    auto day_start = [&](int32_t day) { return start_of_local_day(date::local_days{date::days{day}}, p_.zone); };
    if (days.size() <= kMaxMarks) {
      for (const auto& d : days) {
        double x = axis_.x(day_start(d.day)), w = std::max(1.0, axis_.x(day_start(d.day + 1)) - x - 0.3);
        double hgt = height(d.count);
        svg.rect(x, y + kLane - 3 - hgt, w, hgt, "activity",
                 fmt::format("{} on {}", plural(d.count, "activation"),
                             date::format("%a %F", date::local_days{date::days{d.day}})));
      }
      return;
    }
    std::vector<size_t> bins(kBins, 0);
    for (const auto& d : days) bins[bin_of(day_start(d.day))] += d.count;
    size_t bmax = *std::max_element(bins.begin(), bins.end());
    for (size_t b = 0; b < kBins; ++b) {
      if (!bins[b]) continue;
      double hgt = std::max(2.0, (kLane - 6) * std::sqrt(double(bins[b]) / double(bmax)));
      svg.rect(bin_x(b), y + kLane - 3 - hgt, bin_w() - 0.3, hgt, "activity",
               fmt::format("{} from {}", plural(bins[b], "activation"), bin_range(b)));
    }
  }

  void window_lane(Svg& svg, const eval::PeriodicSummary& s, double y) {
    lane_label(svg, y, fmt::format("Rule {} windows", s.rule->number));
    std::map<int64_t, size_t> finding_of;  // window start -> finding index, for links
    for (size_t i : t_.findings) {
      const auto& f = p_.d.outcome->findings[i];
      if (f.rule == s.rule && f.window) finding_of.emplace(f.window->start.time_since_epoch().count(), i);
    }
    if (s.windows.size() <= kMaxMarks) {
      for (const auto& w : s.windows) {
        double x = axis_.x(w.window.start), x2 = axis_.x(w.window.end);
        std::string value = w.value ? " (" + value_text(*w.value) + ")" : "";
        std::string title = fmt::format("Rule {}, {}: {}{}", s.rule->number,
                                        eval::window_name(window_period(*s.rule), w.window, p_.zone), state_words(w.state), value);
        auto it = finding_of.find(w.window.start.time_since_epoch().count());
        std::string link = it != finding_of.end() ? p_.link(it->second) : "";
        svg.rect(x + 0.4, y + 5, std::max(1.0, x2 - x - 0.8), kLane - 10, state_class(w.state), title, link);
      }
      return;
    }
    std::vector<int> worst(kBins, -1);
    std::vector<size_t> n(kBins, 0), broken(kBins, 0);
    for (const auto& w : s.windows) {
      size_t b = bin_of(w.window.start);
      worst[b] = std::max(worst[b], severity_of(w.state));
      ++n[b];
      broken[b] += w.state == State::Broken;
    }
    static const State by_severity[] = {State::Kept, State::Tolerated, State::Pending, State::Broken};
    for (size_t b = 0; b < kBins; ++b) {
      if (worst[b] < 0) continue;
      svg.rect(bin_x(b), y + 5, bin_w() - 0.3, kLane - 10, state_class(by_severity[worst[b]]),
               fmt::format("{} from {}, {} broken", plural(n[b], "window"), bin_range(b), count(broken[b])));
    }
  }

  void findings_lane(Svg& svg, double y) {
    lane_label(svg, y, "Findings");
    const auto& all = p_.d.outcome->findings;
    if (t_.findings.size() <= kMaxMarks) {
      for (size_t i : t_.findings) {
        const auto& f = all[i];
        std::string title = fmt::format("{}: {}", when_text(p_, f), f.message);
        if (f.window) {
          double x = axis_.x(f.window->start), x2 = axis_.x(f.window->end);
          svg.rect(x, y + 3, std::max(1.5, x2 - x), kLane - 6, "finding-window", title, p_.link(i));
        } else {
          svg.diamond(axis_.x(f.at), y + kLane / 2, 6.5, "finding", title, p_.link(i));
        }
      }
      return;
    }
    aggregated(svg, y, t_.findings, all, "finding", "finding");
  }

  void pending_lane(Svg& svg, double y) {
    lane_label(svg, y, "Pending");
    const auto& all = p_.d.outcome->pending;
    if (t_.pending.size() <= kMaxMarks) {
      for (size_t i : t_.pending) {
        const auto& f = all[i];
        std::string title = fmt::format("{}: {}", when_text(p_, f), f.message);
        if (f.window) {
          double x = axis_.x(f.window->start), x2 = axis_.x(f.window->end);
          svg.rect(x, y + 3, std::max(1.5, x2 - x), kLane - 6, "pending-window", title, "due-soon");
        } else {
          svg.circle(axis_.x(f.at), y + kLane / 2, 4.5, "pending", title, "due-soon");
        }
      }
      return;
    }
    aggregated(svg, y, t_.pending, all, "pending", "pending item");
  }

  void aggregated(Svg& svg, double y, const std::vector<size_t>& items, const std::vector<eval::Finding>& all,
                  const char* cls, const char* noun) {
    std::vector<size_t> bins(kBins, 0);
    for (size_t i : items) bins[bin_of(all[i].window ? all[i].window->start : all[i].at)]++;
    size_t max = *std::max_element(bins.begin(), bins.end());
    std::string link = std::string(cls) == "finding" ? term_anchor(t_.block_index) : "due-soon";
    for (size_t b = 0; b < kBins; ++b) {
      if (!bins[b]) continue;
      double hgt = std::max(2.0, (kLane - 4) * std::sqrt(double(bins[b]) / double(max)));
      svg.rect(bin_x(b), y + kLane - 2 - hgt, bin_w() - 0.3, hgt, cls,
               fmt::format("{} from {}", plural(bins[b], noun), bin_range(b)), link);
    }
  }

  size_t bin_of(Instant t) const {
    double f = (axis_.x(t) - kX0) / (kX1 - kX0);
    return std::min(kBins - 1, static_cast<size_t>(std::max(0.0, f) * double(kBins)));
  }
  double bin_w() const { return (kX1 - kX0) / double(kBins); }
  double bin_x(size_t b) const { return kX0 + bin_w() * double(b); }
  std::string bin_range(size_t b) const {
    auto at = [&](size_t k) {
      auto span = axis_.to() - axis_.from();
      return axis_.from() + Millis{static_cast<int64_t>(double(span.count()) * double(k) / double(kBins))};
    };
    return fmt::format("{} to {}", local_time(p_, at(b)), local_time(p_, at(b + 1)));
  }

  const Page& p_;
  const TermView& t_;
  TimeAxis axis_;
  size_t lanes_ = 0;
};

std::string summary(const TermView& t) {
  std::vector<std::string> parts = {plural(t.findings.size(), "finding")};
  if (!t.pending.empty()) parts.push_back(count(t.pending.size()) + " pending");
  if (t.activations) parts.push_back(plural(t.activations, "activation") + " judged");
  size_t windows = 0, kept = 0;
  for (const auto* s : t.periodic) {
    windows += s->windows.size();
    for (const auto& w : s->windows) kept += w.state == State::Kept || w.state == State::Tolerated;
  }
  if (windows) parts.push_back(fmt::format("{} of {} kept", count(kept), plural(windows, "window")));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string timelines(const Page& p) {
  std::string out = "<section id=\"timelines\" class=\"page-start\">\n<h2>Timelines</h2>\n";
  out += "<p class=\"note\">Each term on the judged interval: activations judged per day (grey), the windows of rules "
         "with a period, findings in red (a window finding shades its window) and pending items in amber; grey hatching "
         "is outside the term&rsquo;s own span. Hover a mark for its message; click a finding for its row.</p>\n";
  for (const auto& t : p.terms) {
    std::string clause = t.block->clause ? fmt::format(" <span class=\"meta\">clause {}</span>", h(*t.block->clause)) : "";
    // The term's name links to its findings when it has some.
    std::string name = t.findings.empty() ? "<strong>" + h(t.block->name) + "</strong>"
                                          : fmt::format("<a href=\"#{}\">{}</a>", term_anchor(t.block_index), h(t.block->name));
    out += fmt::format("<figure class=\"timeline\" id=\"{}\" data-block=\"{}\">\n<figcaption>{}{} "
                       "<span class=\"meta\">&mdash; {}</span></figcaption>\n",
                       timeline_anchor(t.block_index), t.block_index + 1, name, clause, summary(t));
    out += Timeline(p, t).render();
    out += "</figure>\n";
  }
  return out + "</section>\n";
}

}  // namespace pactum::report::html
