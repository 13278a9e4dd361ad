// Waiver files: accepted exceptions to an agreement, kept beside it (legal text and operational
// exceptions change at different speeds). A waiver matches findings by their stable id, or by
// block [+ rule] + the id of the finding's first event, or by block [+ rule] + window start; it
// says who owns the exception, why, and until when (inclusive, in the agreement's time zone).
//
//   waivers:
//     - id: 3f2a9c0d1e2b4a5c
//       owner: Northwind
//       reason: Visit rescheduled by mutual agreement (email of 2026-01-10)
//       until: 2026-06-30
//       approved_by: J. Smith, Acme procurement
//     - block: Weekly service review
//       window: 2026-03-02
//       owner: Acme
//       reason: Office closed for the move
//       until: 2026-03-31
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/time.h"
#include "engine/model/agreement.h"

namespace pactum::triage {

struct Waiver {
  SourceLoc loc;  // the entry (its `-`)
  // What it matches; at least one of `id`, `event`, `window`.
  std::optional<std::string> id;
  std::optional<std::string> block;
  std::optional<int64_t> rule;
  std::optional<std::string> event;
  std::optional<Instant> window;
  std::string window_text;  // as written
  // Why it exists.
  std::string owner;
  std::string reason;
  std::string approved_by;  // optional
  std::string until_text;   // as written, YYYY-MM-DD
  Instant until_end{};      // 24:00 of `until` in the agreement's time zone
};

struct WaiverFile {
  uint32_t file = 0;
  std::vector<Waiver> waivers;
};

// Reads a waiver file registered as `file` with text `text`. Every mistake is an input error
// with its line and column (unknown keys with a did-you-mean, missing owner/reason/until, dates
// that are not dates, blocks the agreement does not have, an entry that matches nothing by
// construction). Returns nullopt when there was any error.
std::optional<WaiverFile> read_waivers(uint32_t file, const std::string& text, const model::Agreement& agreement,
                                       const date::time_zone* zone, Diagnostics& errors);

}  // namespace pactum::triage
