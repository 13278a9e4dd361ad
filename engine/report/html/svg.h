// A small SVG writer for the html report's charts. Coordinates are in the viewBox's units; the
// page scales the picture to its width (and to paper when printed). Titles become tooltips and
// link targets are fragments of the same page only (`#finding-3`), never a URL: a chart can
// neither load nor send anything.
#pragma once
#include <string>
#include <string_view>

namespace pactum::report::html {

class Svg {
 public:
  // `label` (plain text, escaped here) is what a screen reader says for the whole picture.
  Svg(double width, double height, std::string_view css_class, std::string_view label);

  // Each mark: `cls` is a CSS class of the page's stylesheet; `title` (plain text, escaped here)
  // a tooltip; `fragment` a fragment id of this page (letters, digits, '-') to link to.
  void rect(double x, double y, double w, double h, std::string_view cls, std::string_view title = {},
            std::string_view fragment = {});
  void circle(double cx, double cy, double r, std::string_view cls, std::string_view title = {},
              std::string_view fragment = {});
  void line(double x1, double y1, double x2, double y2, std::string_view cls);
  // `path` is built by the caller from numbers only (points(), move/line commands).
  void path(const std::string& d, std::string_view cls, std::string_view title = {});
  // Text (escaped here); anchor is "start", "middle" or "end".
  void text(double x, double y, std::string_view content, std::string_view cls, std::string_view anchor = "start");
  // A diamond centred on (x, y).
  void diamond(double x, double y, double r, std::string_view cls, std::string_view title = {},
               std::string_view fragment = {});

  std::string str() const;

 private:
  void mark(const std::string& element, std::string_view title, std::string_view fragment);
  std::string body_;
  std::string open_;
};

// A number for a coordinate: one decimal, no "-0".
std::string num(double v);

}  // namespace pactum::report::html
