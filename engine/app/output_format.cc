#include "engine/app/output_format.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "engine/base/text.h"

namespace pactum::app {

namespace {

using report::Format;

struct Extension {
  const char* suffix;
  Format format;
  std::vector<Format> also;  // other formats such a file may hold without a warning
};

const std::vector<Extension>& extensions() {
  // Longest suffix first: `.sarif.json` is SARIF.
  static const std::vector<Extension> list = {
      {".sarif.json", Format::Sarif, {}},
      {".sarif", Format::Sarif, {}},
      {".json", Format::Json, {Format::Gitlab, Format::Sarif}},
      {".xml", Format::Junit, {}},
      {".markdown", Format::Markdown, {}},
      {".md", Format::Markdown, {}},
      {".html", Format::Html, {}},
      {".htm", Format::Html, {}},
      {".txt", Format::Text, {Format::Github}},
  };
  return list;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

const char* format_name(Format f) { return report::format_names()[static_cast<size_t>(f)].c_str(); }

}  // namespace

FormatChoice choose_format(std::optional<Format> given, const std::optional<std::string>& output) {
  FormatChoice choice;
  const Extension* ext = nullptr;
  if (output)
    for (const auto& e : extensions())
      if (ends_with(*output, e.suffix)) {
        ext = &e;
        break;
      }
  if (!given) {
    choice.format = ext ? ext->format : Format::Text;
    return choice;
  }
  choice.format = *given;
  if (ext && ext->format != *given && std::find(ext->also.begin(), ext->also.end(), *given) == ext->also.end())
    choice.warning = fmt::format("pactum: warning: `{}` gets the {} report (--format {}), but its extension `{}` says {}",
                                 visible_text(*output), format_name(*given), format_name(*given), ext->suffix,
                                 format_name(ext->format));
  return choice;
}

}  // namespace pactum::app
