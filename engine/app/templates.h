// The agreement templates of rules/ (*.terms), embedded in the binary at build time by
// cmake/embed_templates.cmake: `pactum init` works from an installed binary, with no source tree.
#pragma once
#include <string_view>
#include <vector>

namespace pactum::app {

struct EmbeddedTemplate {
  std::string_view name;  // the file name without `.terms`: "contact-center"
  std::string_view text;
};

// In name order.
const std::vector<EmbeddedTemplate>& embedded_templates();

}  // namespace pactum::app
