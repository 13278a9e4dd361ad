// Input warnings about an agreement read against its logs: the mistakes that would otherwise
// give a wrong answer without a word (issue 13). None of them changes a finding or the exit
// status (spec 8: input warnings go to standard error and do not change the exit status).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"
#include "engine/model/agreement.h"

namespace pactum::app {

// A rule naming an event type that no logged event has, or an attribute that no logged event of
// the rule's types carries, while a logged name is spelt almost the same (`site_vist`,
// `with same tiket`, `where priorty = "P2"`): one warning per rule and name, with the nearest
// name. Names that simply do not occur (no `sla_change` all year, an optional attribute) are not
// warned about. Reads what the loader noted (log::Census), never the events. Returns the rules
// warned about.
std::set<const model::Rule*> warn_misspelt_names(const model::Agreement& ast, const log::EventLog& log,
                                                 Diagnostics& warnings);

// Events that repeat an id seen before, within one log or across logs: the first
// log::Census::kMaxDuplicatesKept with both places, then how many more.
void warn_duplicate_ids(const log::EventLog& log, const SourceManager& sources, Diagnostics& warnings);

// The same log file given twice on the command line (links followed): its events would count
// twice. `files[i]` is the SourceManager id of `paths[i]`.
void warn_repeated_logs(const std::vector<std::string>& paths, const std::vector<uint32_t>& files,
                        Diagnostics& warnings);

// A note for each rule that matched no event in the judged interval (its activation or counted
// pattern), unless a warning already explains it (`skip`). Nothing when the logs are empty.
void note_unmatched_rules(const eval::Outcome& outcome, const log::EventLog& log,
                          const std::set<const model::Rule*>& skip, Diagnostics& warnings);

// An empty judged interval (spec 5: it ends at as-of, which lies before its start): `--as-of`
// before the effective start or the earliest event, or logs that all predate the effective start.
// Nothing is judged; the spec makes it no error, so it is a warning at the effective period.
void warn_empty_judged_interval(const eval::Outcome& outcome, const model::Agreement& ast,
                                const date::time_zone* zone, bool as_of_given, Diagnostics& warnings);

}  // namespace pactum::app
