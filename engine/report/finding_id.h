// Stable finding ids (spec V2.9): the first 16 hex digits of the SHA-256 of the compact JSON array
// [block, rule, reason, window_start, window_end, event], where the times are UTC with three
// fraction digits ("2026-01-13T15:00:00.000Z"), `null` without a window, and `event` names the
// finding's first event: ["id", ID] when it has an id, else ["at", TYPE, TIME], or null when the
// finding has no event. Nothing else goes in (no file names, no positions, no responsible
// parties), so the id is the same in every run and on every machine whatever the order or the
// names of the logs. Every report format that shows ids takes them from here.
#pragma once
#include <string>

#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"

namespace pactum::report {

// The exact UTF-8 text that is hashed (compact JSON, no spaces).
std::string finding_id_text(const log::EventLog& log, const eval::Finding& f);
// 16 lowercase hex digits.
std::string finding_id(const log::EventLog& log, const eval::Finding& f);
// The first 16 hex digits of SHA-256 of `text` (OpenSSL's EVP interface; sha256.h in the
// WebAssembly build).
std::string short_sha256(const std::string& text);

}  // namespace pactum::report
