// Baseline files: the findings known when the baseline was written, by stable id (spec V2.9),
// with enough context for a reviewer to read the file. `pactum check --write-baseline FILE`
// writes one; `--baseline FILE` accepts the findings it lists.
//
//   {"pactum_baseline": 1, "agreement": "...", "findings": [
//     {"id": "3f2a9c0d1e2b4a5c", "block": "Site visits are announced", "rule": 1, "reason": "late",
//      "at": "2026-01-13T10:00:00-05:00"}, ...]}
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"

namespace pactum::triage {

struct BaselineEntry {
  std::string id;
  std::string block;
  int64_t rule = 0;
  std::string reason;
  std::string at;
  uint32_t line = 0;  // where it is in the baseline file
};

struct Baseline {
  uint32_t file = 0;
  std::vector<BaselineEntry> entries;
};

// Reads a baseline registered as `file`; mistakes are located input errors.
std::optional<Baseline> read_baseline(uint32_t file, const std::string& text, Diagnostics& errors);

// The baseline of `findings` as JSON text (one finding per line, sorted by id, so that a
// baseline under version control changes by whole lines).
std::string write_baseline(const std::string& agreement, const std::vector<eval::Finding>& findings,
                           const log::EventLog& log, const date::time_zone* zone);

}  // namespace pactum::triage
