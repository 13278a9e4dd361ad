// Fuzz target: the YAML event-log loader, both backends. The first byte picks the backend (so
// that one corpus serves both); the rest is the log text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/base/source.h"
#include "engine/log/loader.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pactum;
  if (size < 1 || size > 256 * 1024) return -1;
  log::LoadOptions options;
  options.backend = (data[0] & 1) ? log::Backend::YamlCpp : log::Backend::Libyaml;
  options.default_zone = find_zone((data[0] & 2) ? "America/New_York" : "UTC");
  options.parties = {"Acme", "Northwind"};
  if (data[0] & 4) options.agreement_name = "Case 01";
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  SourceManager sources;
  log::EventLog events;
  Diagnostics diags{50};
  bool ok = log::load_log_text("fuzz.yaml", text, sources, events, diags, options);
  if (!ok && !diags.has_errors()) fuzz::fail("load failed without an error", text);
  fuzz::require_located(diags, text);
  for (const auto& d : diags.items()) (void)render_diagnostic(d, sources, false);
  events.sort_by_time();
  return 0;
}
