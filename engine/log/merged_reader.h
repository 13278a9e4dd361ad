// Several logs read at once and merged on the fly (a k-way merge), for a streamed check of logs
// that are each in time order (one export per site, per month, per system): the events reach
// the target log in time order, as if the logs had been loaded one after the other and sorted,
// and a streamed check evaluates and drops them as they come.
//
// Each log is read by its own load_log into a staging log of its own, on its own thread. The
// threads take turns (one baton: exactly one of them or the merging caller runs at any time),
// so the loader, the source manager and the staging logs need no locks: the threads only let
// each reader keep its place in its file while another one reads. The caller moves the
// earliest staged event into the target log, re-interned there, and asks the reader whose
// events ran out for more.
//
// Equal times: the event of the log named first comes first, then file order, which is where
// the stable sort of the loaded path puts it. A log that is not in time order is seen by the
// streamed check (its events reach the target out of order) and the check starts over loaded.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/source.h"
#include "engine/log/event_log.h"
#include "engine/log/loader.h"

namespace pactum::log {

// Logs that can be merged this way: two or more, at most kMaxMergedLogs, all regular files
// (standard input and pipes are read the usual way, one after the other); never in the browser
// build, which has no threads.
constexpr size_t kMaxMergedLogs = 64;
bool can_merge(const std::vector<std::string>& paths);

enum class MergeResult {
  Done,         // every event moved, in time order; `diags` hold each log's warnings
  Stopped,      // the caller's keep_going() said no
  InputErrors,  // a log has an error: reading it the usual way gives every error in order
  Withdrawn,    // a log withdrew events it had handed out (not YAML after all, a time that does not exist)
  DuplicateIds  // an id repeats: which event is the first depends on the load order
};

struct MergeHooks {
  std::function<void()> on_event;     // after each event moved into the target log
  std::function<bool()> keep_going;   // asked after each event
  // The bytes read so far of each log (indexed as the paths), and the events moved.
  std::function<void(const std::vector<uint64_t>& bytes, size_t events)> progress;
};

// Reads `paths` into `target` merged in time order (with `options`; its on_event and progress
// are the merger's own). The warnings of log i end in diags[i] (one Diagnostics per path, with
// the file ids of the logs given in path order); the caller adds them in path order, which is
// the order in which reading the logs one after the other gives them.
MergeResult read_merged(const std::vector<std::string>& paths, SourceManager& sources, EventLog& target,
                        std::vector<Diagnostics>& diags, const LoadOptions& options, const MergeHooks& hooks);

}  // namespace pactum::log
