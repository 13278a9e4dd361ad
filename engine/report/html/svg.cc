#include "engine/report/html/svg.h"

#include <cmath>

#include <fmt/format.h>

#include "engine/report/html/markup.h"

namespace pactum::report::html {

namespace {

// Fragment ids are made by markup.h's *_anchor functions; anything else is dropped rather than
// written into an href.
bool safe_fragment(std::string_view f) {
  if (f.empty()) return false;
  for (char c : f)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;  // no "-0"
  if (r == std::floor(r)) return fmt::format("{}", static_cast<long long>(r));
  return fmt::format("{:.1f}", r);
}

Svg::Svg(double width, double height, std::string_view css_class, std::string_view label) {
  open_ = fmt::format(
      "<svg class=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
      css_class, num(width), num(height), num(width), num(height), attr(label));
}

void Svg::mark(const std::string& element, std::string_view title, std::string_view fragment) {
  std::string t = title.empty() ? "" : "<title>" + attr(title) + "</title>";
  if (safe_fragment(fragment)) {
    body_ += fmt::format("<a href=\"#{}\">{}{}</a>\n", fragment, t, element);
  } else if (!t.empty()) {
    body_ += "<g>" + t + element + "</g>\n";
  } else {
    body_ += element + "\n";
  }
}

void Svg::rect(double x, double y, double w, double h, std::string_view cls, std::string_view title,
               std::string_view fragment) {
  if (w < 0.5) w = 0.5;  // a mark never vanishes
  mark(fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", cls, num(x), num(y), num(w),
                   num(h)),
       title, fragment);
}

void Svg::circle(double cx, double cy, double r, std::string_view cls, std::string_view title,
                 std::string_view fragment) {
  mark(fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", cls, num(cx), num(cy), num(r)), title,
       fragment);
}

void Svg::diamond(double x, double y, double r, std::string_view cls, std::string_view title,
                  std::string_view fragment) {
  mark(fmt::format("<path class=\"{}\" d=\"M{} {}L{} {}L{} {}L{} {}Z\"/>", cls, num(x), num(y - r), num(x + r), num(y),
                   num(x), num(y + r), num(x - r), num(y)),
       title, fragment);
}

void Svg::line(double x1, double y1, double x2, double y2, std::string_view cls) {
  body_ += fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", cls, num(x1), num(y1), num(x2),
                       num(y2));
}

void Svg::path(const std::string& d, std::string_view cls, std::string_view title) {
  mark(fmt::format("<path class=\"{}\" d=\"{}\"/>", cls, d), title, {});
}

void Svg::text(double x, double y, std::string_view content, std::string_view cls, std::string_view anchor) {
  body_ += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", cls, num(x), num(y),
                       anchor, attr(content));
}

std::string Svg::str() const { return open_ + body_ + "</svg>\n"; }

}  // namespace pactum::report::html
