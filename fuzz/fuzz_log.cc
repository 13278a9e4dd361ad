// Fuzz target: the YAML event-log loader. The first byte picks the options (bit 0: the backend
// whose diagnostics are rendered; bit 1: the default zone; bit 2: whether `agreement:` is
// checked); the rest is the log text.
//
// With PACTUM_FUZZ_DIFF=1 both backends read every input and must agree (README: "same events,
// same errors"): both accept it or both refuse it, and when both accept it they produce the same
// events. Off by default: libyaml and yaml-cpp still differ on some YAML corner cases (see
// fuzz/README.md), which would stop every run at the first of them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "engine/base/source.h"
#include "engine/log/loader.h"
#include "fuzz/fuzz_common.h"

namespace {

using namespace pactum;

struct Loaded {
  SourceManager sources;
  log::EventLog events;
  Diagnostics diags{50};
  bool ok = false;
};

void load(Loaded& l, const std::string& text, const log::LoadOptions& options) {
  l.ok = log::load_log_text("fuzz.yaml", text, l.sources, l.events, l.diags, options);
  if (!l.ok && !l.diags.has_errors()) fuzz::fail("load failed without an error", text);
  fuzz::require_located(l.diags, text);
}

std::string describe(const log::EventLog& log) {
  std::string out;
  for (const auto& e : log.events)
    out += fmt::format("{} {}:{} at={} type={} by={} id={} attrs={}\n", e.index, e.line, e.column,
                       e.at.time_since_epoch().count(), log.symbols.text(e.type), log.symbols.text(e.by),
                       log.symbols.text(e.id), e.attr_count);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 256 * 1024) return -1;
  static const bool differential = std::getenv("PACTUM_FUZZ_DIFF") != nullptr;
  log::LoadOptions options;
  options.default_zone = find_zone((data[0] & 2) ? "America/New_York" : "UTC");
  options.parties = {"Acme", "Northwind"};
  if (data[0] & 4) options.agreement_name = "Case 01";
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  Loaded a, b;
  options.backend = (data[0] & 1) ? log::Backend::YamlCpp : log::Backend::Libyaml;
  load(a, text, options);
  for (const auto& d : a.diags.items()) (void)render_diagnostic(d, a.sources, false);
  a.events.sort_by_time();
  if (!differential) return 0;

  options.backend = (data[0] & 1) ? log::Backend::Libyaml : log::Backend::YamlCpp;
  load(b, text, options);
  b.events.sort_by_time();
  if (a.ok != b.ok) {
    std::string why;
    for (const auto* l : {&a, &b})
      for (const auto& d : l->diags.items()) why += render_diagnostic(d, l->sources, false);
    fuzz::fail("the two YAML backends disagree on whether the log is valid",
               "--- input ---\n" + text + "\n--- diagnostics ---\n" + why);
  }
  if (a.ok) {
    std::string da = describe(a.events), db = describe(b.events);
    if (da != db) fuzz::fail("the two YAML backends read different events", "--- input ---\n" + text + "\n--- " +
                                                                               "first ---\n" + da + "--- second ---\n" + db);
  }
  return 0;
}
