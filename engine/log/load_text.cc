#include "engine/log/event_builder.h"
#include "engine/log/loader.h"
#include "engine/log/readers.h"

namespace pactum::log {

bool load_log_text(const std::string& name, const std::string& text, SourceManager& sources, EventLog& log,
                   Diagnostics& diags, const LoadOptions& options) {
  uint32_t file = sources.add_text(name, text);
  EventBuilder builder(log, diags, sources, file, options);
  if (options.backend == Backend::YamlCpp) read_with_yamlcpp(text, builder);
  else read_with_libyaml(text, builder, options.threads > 1);
  return builder.finish();
}

}  // namespace pactum::log
