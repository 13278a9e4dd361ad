// Service levels: for each rule with a period that measures a value per window (aggregates 5.6,
// shares V2.3, availability and downtime, durations V2.6, and the counts of 5.3 / 5.4), the
// value of every window as a line against the target, on the time axis of the timelines. Dots
// are coloured by how the window fared and link to the finding of a broken one; the side of the
// target line that fails is shaded. Many windows aggregate into slices showing the worst value.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "engine/eval/wording.h"
#include "engine/model/rule_text.h"
#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"
#include "engine/report/html/svg.h"

namespace pactum::report::html {

namespace {

using Kind = model::Rule::Kind;
using State = eval::WindowResult::State;

constexpr double kWidth = 1040, kX0 = 70, kX1 = 950, kTop = 12, kBottom = 172, kHeight = 196;
constexpr size_t kMaxPoints = 240;
constexpr size_t kBins = 160;

bool higher_is_better(const model::Rule& r) {
  switch (r.kind) {
    case Kind::AtLeast:
    case Kind::Requires:
    case Kind::Availability: return true;
    case Kind::AtMost:
    case Kind::Downtime: return false;
    default: return r.at_least;
  }
}

std::string unit_of(const model::Rule& r) {
  switch (r.kind) {
    case Kind::Aggregate: return r.percent ? "%" : "";
    case Kind::ShareOfEvents:
    case Kind::Requires:
    case Kind::Availability: return "%";
    case Kind::Downtime:
    case Kind::DurationMeasure: return " min";
    default: return "";
  }
}

bool percent_scale(const model::Rule& r) { return unit_of(r) == "%"; }

std::string value_text(double v, const std::string& unit) {
  return eval::plain_number(std::round(v * 100) / 100) + unit;
}

const char* state_words(State s) {
  switch (s) {
    case State::Kept: return "kept";
    case State::Broken: return "broken";
    case State::Tolerated: return "missed, tolerated";
    case State::Pending: return "not decided yet";
  }
  return "";
}

double nice_step(double range, int ticks) {
  double raw = range / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

// One point of the chart: a window, or a slice of windows when aggregated.
struct Point {
  Instant start, end;
  std::optional<double> value;  // the worst value of the slice
  State state = State::Kept;
  std::string title;
  std::string link;
};

class Chart {
 public:
  Chart(const Page& p, const TermView& t, const eval::PeriodicSummary& s)
      : p_(p), t_(t), s_(s), rule_(*s.rule), unit_(unit_of(rule_)), higher_(higher_is_better(rule_)),
        axis_(p.d.outcome->judged_from, p.d.outcome->judged_to, kX0, kX1) {}

  std::string render() {
    build_points();
    scale();
    Svg svg(kWidth, kHeight, "service-level-chart",
            fmt::format("{}, rule {}: the value per window against the target", t_.block->name, rule_.number));
    // The failing side of the target line.
    if (s_.target) {
      double ty = y(*s_.target);
      if (higher_) svg.rect(kX0, ty, kX1 - kX0, kBottom - ty, "fail-zone");
      else svg.rect(kX0, kTop, kX1 - kX0, ty - kTop, "fail-zone");
    }
    double step = nice_step(hi_ - lo_, 4);
    if (unit_.empty() && (rule_.kind == Kind::AtLeast || rule_.kind == Kind::AtMost)) step = std::max(step, 1.0);  // counts
    // Counted, not stepped: with huge values `v += step` could stand still.
    double first = std::ceil(lo_ / step) * step;
    for (int k = 0; k <= 12; ++k) {
      double v = first + step * k;
      if (!(v <= hi_ + step * 1e-9)) break;
      svg.line(kX0, y(v), kX1, y(v), "grid");
      svg.text(kX0 - 6, y(v) + 4, value_text(v, unit_ == "%" ? "%" : ""), "axis-label", "end");
    }
    for (const auto& tick : ticks(axis_, p_.zone)) svg.text(tick.x, kBottom + 16, tick.label, "axis-label", "middle");
    svg.line(kX0, kBottom, kX1, kBottom, "axis");
    // The line through the measured values, broken where a window has none.
    std::string d;
    bool pen = false;
    for (const auto& pt : points_) {
      if (!pt.value) {
        pen = false;
        continue;
      }
      d += fmt::format("{}{} {}", pen ? "L" : "M", num(mid(pt)), num(y(*pt.value)));
      pen = true;
    }
    if (!d.empty()) svg.path(d, "sl-line");
    if (s_.target) {
      double ty = y(*s_.target);
      svg.line(kX0, ty, kX1, ty, "target");
      svg.text(kX1 + 6, ty + 4, fmt::format("target {} {}", higher_ ? "\u2265" : "\u2264", value_text(*s_.target, unit_)),
               "target-label");
    }
    for (const auto& pt : points_) {
      if (pt.value) svg.circle(mid(pt), y(*pt.value), points_.size() > 60 ? 2.5 : 4, state_class(pt.state), pt.title, pt.link);
      else svg.diamond(mid(pt), kBottom - 6, 5, state_class(pt.state), pt.title, pt.link);
    }
    return svg.str();
  }

  std::string caption() const {
    size_t judged = 0, kept = 0;
    std::optional<double> worst;
    const eval::WindowResult* worst_window = nullptr;
    for (const auto& w : s_.windows) {
      if (w.state == State::Pending) continue;
      ++judged;
      kept += w.state == State::Kept;
      if (w.value && (!worst || (higher_ ? *w.value < *worst : *w.value > *worst))) worst = w.value, worst_window = &w;
    }
    std::string out = fmt::format("kept in {} of {}", count(kept), plural(judged, "window"));
    if (worst_window)
      out += fmt::format("; worst {} ({})", value_text(*worst, unit_),
                         eval::window_name(window_period(rule_), worst_window->window, p_.zone));
    size_t pending = s_.windows.size() - judged;
    if (pending) out += fmt::format("; {} not decided yet", count(pending));
    return out;
  }

 private:
  void build_points() {
    std::map<int64_t, size_t> finding_of;
    for (size_t i : t_.findings) {
      const auto& f = p_.d.outcome->findings[i];
      if (f.rule == s_.rule && f.window) finding_of.emplace(f.window->start.time_since_epoch().count(), i);
    }
    auto link_of = [&](const eval::WindowResult& w) -> std::string {
      auto it = finding_of.find(w.window.start.time_since_epoch().count());
      return it == finding_of.end() ? "" : p_.link(it->second);
    };
    std::string target = s_.target ? fmt::format("; target {} {}", higher_ ? "at least" : "at most",
                                                 value_text(*s_.target, unit_))
                                   : "";
    if (s_.windows.size() <= kMaxPoints) {
      for (const auto& w : s_.windows) {
        std::string value = w.value ? value_text(*w.value, unit_) : (w.state == State::Pending ? "open" : "no value");
        points_.push_back({w.window.start, w.window.end, w.value, w.state,
                           fmt::format("{}: {}, {}{}", eval::window_name(window_period(rule_), w.window, p_.zone), value,
                                       state_words(w.state), target),
                           link_of(w)});
      }
      return;
    }
    // Slices of the axis, each showing its worst window.
    std::vector<std::vector<const eval::WindowResult*>> bins(kBins);
    for (const auto& w : s_.windows) {
      double f = (axis_.x(w.window.start) - kX0) / (kX1 - kX0);
      bins[std::min(kBins - 1, static_cast<size_t>(std::max(0.0, f) * double(kBins)))].push_back(&w);
    }
    for (const auto& bin : bins) {
      if (bin.empty()) continue;
      Point pt{bin.front()->window.start, bin.back()->window.end, std::nullopt, State::Kept, "", ""};
      size_t broken = 0;
      for (const auto* w : bin) {
        if (w->value && (!pt.value || (higher_ ? *w->value < *pt.value : *w->value > *pt.value))) pt.value = w->value;
        if (w->state == State::Broken) {
          ++broken;
          pt.state = State::Broken;
          if (pt.link.empty()) pt.link = link_of(*w);
        } else if (w->state == State::Pending && pt.state != State::Broken) {
          pt.state = State::Pending;
        }
      }
      pt.title = fmt::format("{} from {} to {}: {} broken; worst {}{}", plural(bin.size(), "window"),
                             local_time(p_, pt.start), local_time(p_, pt.end), count(broken),
                             pt.value ? value_text(*pt.value, unit_) : "none", target);
      points_.push_back(pt);
    }
  }

  void scale() {
    bool any = false;
    double lo = 0, hi = 0;
    auto see = [&](double v) {
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
    };
    for (const auto& pt : points_)
      if (pt.value) see(*pt.value);
    if (s_.target) see(*s_.target);
    if (!any) lo = 0, hi = 1;
    double pad = hi > lo ? (hi - lo) * 0.15 : std::max(1.0, std::abs(hi) * 0.1);
    lo_ = lo - pad;
    hi_ = hi + pad;
    if (lo >= 0 && (lo_ < 0 || lo_ < (hi_ - lo_) * 0.6)) lo_ = 0;  // near zero: start at zero
    if (percent_scale(rule_) && hi <= 100) hi_ = std::min(hi_, 100.0);
    if (hi_ <= lo_) hi_ = lo_ + 1;
  }

  double y(double v) const { return kBottom - (v - lo_) / (hi_ - lo_) * (kBottom - kTop); }
  double mid(const Point& pt) const { return (axis_.x(pt.start) + axis_.x(pt.end)) / 2; }

  const Page& p_;
  const TermView& t_;
  const eval::PeriodicSummary& s_;
  const model::Rule& rule_;
  std::string unit_;
  bool higher_;
  TimeAxis axis_;
  std::vector<Point> points_;
  double lo_ = 0, hi_ = 1;
};

bool charted(const eval::PeriodicSummary& s) {
  return std::any_of(s.windows.begin(), s.windows.end(), [](const eval::WindowResult& w) { return w.value.has_value(); });
}

}  // namespace

std::string service_levels(const Page& p) {
  std::string out = "<section id=\"service-levels\" class=\"page-start\">\n<h2>Service levels</h2>\n";
  out += "<p class=\"note\">The value each window measured, against the target line (dashed); the shaded side fails. "
         "Green dots were kept, red ones broken (click for the finding), amber ones are not decided yet; a diamond on "
         "the axis is a window without a value.</p>\n";
  size_t charts = 0;
  for (const auto& t : p.terms)
    for (const auto* s : t.periodic) {
      if (!charted(*s)) continue;
      ++charts;
      Chart chart(p, t, *s);
      std::string svg = chart.render();
      std::string clause = t.block->clause ? fmt::format(" <span class=\"meta\">clause {}</span>", h(*t.block->clause)) : "";
      out += fmt::format("<figure class=\"chart service-level\" data-block=\"{}\" data-rule=\"{}\">\n<figcaption><strong>{}"
                         "</strong>{}, rule {}: {}<br><span class=\"meta\">{}</span></figcaption>\n",
                         t.block_index + 1, s->rule->number, h(t.block->name), clause, s->rule->number,
                         code(s->rule->text), chart.caption());
      out += svg + "</figure>\n";
    }
  if (!charts) out += "<p>No rule of this agreement measures a value per window.</p>\n";
  return out + "</section>\n";
}

}  // namespace pactum::report::html
