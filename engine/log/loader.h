// Reads YAML event logs (spec section 4) into an EventLog. Two streaming backends share one
// event builder: libyaml (fast, the default) and yaml-cpp's Parser + EventHandler (the reference).
// Neither ever builds a document tree.
#pragma once
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/source.h"
#include "engine/log/event_log.h"

namespace pactum::log {

enum class Backend { Libyaml, YamlCpp };

struct LoadOptions {
  Backend backend = Backend::Libyaml;
  const date::time_zone* default_zone = nullptr;  // the agreement timezone (for times without offset)
  std::vector<std::string> parties;               // declared party names (`by` must be one of them)
  std::optional<std::string> agreement_name;      // a log's `agreement:` must equal it when set
};

// Loads the log at `path` ("-" = standard input) and appends its events to `log`, with
// `order` continuing the merged numbering. Input errors and warnings go to `diags` with
// file:line:column. Returns false when the file had any error.
bool load_log(const std::string& path, SourceManager& sources, EventLog& log, Diagnostics& diags,
              const LoadOptions& options);

}  // namespace pactum::log

namespace pactum::log {

// Loads a log held in memory (named `name` in diagnostics; the text is kept for caret lines).
// Used by `pactum test`, whose cases carry their events inline.
bool load_log_text(const std::string& name, const std::string& text, SourceManager& sources, EventLog& log,
                   Diagnostics& diags, const LoadOptions& options);

}  // namespace pactum::log
