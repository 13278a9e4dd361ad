// Reads YAML event logs (spec section 4) into an EventLog. Two streaming backends share one
// event builder: libyaml (fast, the default) and yaml-cpp's Parser + EventHandler (the reference).
// Neither ever builds a document tree.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/base/source.h"
#include "engine/log/event_log.h"

namespace pactum::log {

enum class Backend { Libyaml, YamlCpp };

// The size limit of a log read from standard input, a pipe or a device (docs/security.md).
constexpr size_t kMaxStreamLogBytes = size_t{256} << 20;

struct LoadOptions {
  Backend backend = Backend::Libyaml;
  const date::time_zone* default_zone = nullptr;  // the agreement timezone (for times without offset)
  std::vector<std::string> parties;               // declared party names (`by` must be one of them)
  std::vector<std::string> calendars;             // V2.7 calendar names: a `by` naming one is told so
  bool check_parties = true;  // false when the agreement did not parse: its party list is unknown
  std::optional<std::string> agreement_name;      // a log's `agreement:` must equal it when set
  // Told how far reading has got: the bytes of this log read so far and the events of all logs,
  // every few thousand events while a regular file is streamed and once when a log is done
  // (a progress line, engine/app/progress.h). Empty: not told.
  std::function<void(uint64_t bytes, size_t events)> progress;
  // Threads that parse a log (`check --threads`): 1 starts no thread at all (libyaml and the
  // builder take turns); 2 or more parse a large regular file in chunks of about `chunk_bytes`
  // on that many threads (readers.h, read_with_libyaml_parallel), and any other log on one
  // reader thread beside the builder.
  unsigned threads = 2;
  size_t chunk_bytes = size_t{256} << 10;
  // Called after each event is added whenever no event of its file still waits for its time
  // (EventBuilder::on_event): a streamed check evaluates and drops events as they come.
  std::function<void()> on_event;
  // With on_event: a log from standard input or a pipe is parsed while it is read (no size
  // limit), its text kept for caret lines up to kMaxStreamLogBytes; each such log is noted
  // here (its file id, and whether all its text was kept) so that a streamed check that must
  // start over can parse it again from the kept text (`replay`, in the same order).
  struct PipedLog {
    uint32_t file;
    bool complete;
  };
  std::vector<PipedLog>* piped = nullptr;
  // Whether the check is streaming at this moment: a pipe past kMaxStreamLogBytes is read on
  // only then (memory does not grow with it); otherwise reading stops there, as without streaming.
  std::function<bool()> streaming;
  // By name ("<stdin>" for standard input), each entry used once, in order; nullopt: the text
  // was not all kept, the log is too large to be read again (the error a loaded check gives).
  std::vector<std::pair<std::string, std::optional<std::string>>>* replay = nullptr;
  // When it points to true (set between events, from on_event), reading stops after the current
  // event: the events read stay, the rest of the file is not read (merged_reader.cc gives up).
  const bool* cancel = nullptr;
};

// Loads the log at `path` ("-" = standard input) and appends its events to `log`, with
// `order` continuing the merged numbering. Input errors and warnings go to `diags` with
// file:line:column. Returns false when the file had any error.
//
// Details the spec leaves open, decided here:
// - A root mapping is shape 1 when it has an `events` key (or only `agreement`/`timezone`),
//   otherwise it is the first event of a stream (shape 3). A later document after shape 1 or 2
//   is an error. Empty documents hold no event but keep the document numbering (Event.index).
// - Times without offset: the log's `timezone:` (wherever it appears in the mapping), else
//   `default_zone`, else UTC. A bare date whose midnight is skipped by DST starts at the gap's end.
// - `by` must be one of `parties` (an empty list accepts no `by`); one of `calendars` is an error
//   that says it is a calendar, not a party (V2.2). A null `by`/`id`/attribute is
//   absent; a null list item is dropped; `at:`/`type:` without value are errors.
// - Events with an error are not added; the other events of the file are. A file that is not
//   valid YAML adds no events at all, and errors inside the item where the parser gave up are
//   dropped (the two backends read different half-parsed parts of it).
// - Limits: 64 levels of nesting, 1 MiB per scalar; aliases only to scalars. Reading stops at
//   these and when `diags` is full.
// - Standard input is named "<stdin>" in diagnostics. A log that is not a regular file (standard
//   input from a pipe, a FIFO, a device) is read to its end and kept for caret lines, up to
//   kMaxStreamLogBytes, and no further than its first bytes that are not UTF-8 text; a regular
//   file is streamed, any size, and caret lines are read from the same open file.
bool load_log(const std::string& path, SourceManager& sources, EventLog& log, Diagnostics& diags,
              const LoadOptions& options);

}  // namespace pactum::log

namespace pactum::log {

// Loads a log held in memory (named `name` in diagnostics; the text is kept for caret lines).
// Used by `pactum test`, whose cases carry their events inline.
bool load_log_text(const std::string& name, const std::string& text, SourceManager& sources, EventLog& log,
                   Diagnostics& diags, const LoadOptions& options);

}  // namespace pactum::log
