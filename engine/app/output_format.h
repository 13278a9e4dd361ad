// `-o FILE` without `--format`: the format the file's extension names (`report.sarif` gets
// SARIF, not text). An explicit `--format` wins; one that contradicts the extension is a warning.
#pragma once
#include <optional>
#include <string>

#include "engine/report/report.h"

namespace pactum::app {

struct FormatChoice {
  report::Format format = report::Format::Text;
  std::string warning;  // empty, or "pactum: warning: ..." (one line, no newline)
};

// `given`: the `--format` value when one was given. Extensions, case-insensitive: .sarif (and
// .sarif.json) SARIF, .json JSON, .xml JUnit, .md/.markdown Markdown, .html/.htm HTML; .txt and
// anything else text.
FormatChoice choose_format(std::optional<report::Format> given, const std::optional<std::string>& output);

}  // namespace pactum::app
