// `pactum check --slice K/N` (docs/sliced-runs.md): what a sliced check refuses, and the
// fingerprint that ties the parts of one run together for `pactum merge`.
#pragma once
#include <optional>
#include <string>

#include "engine/app/commands.h"
#include "engine/app/session.h"

namespace pactum::app {

// The slice of `options.slice`, or nullopt after a usage error on `io.err` (exit 2): a malformed
// K/N, a report format other than JSON, or an option whose result needs the whole run's findings
// (--waivers, --baseline, --write-baseline, --strict-baseline).
std::optional<eval::Slice> slice_of(const CheckOptions& options, Streams io);

// SHA-256 (hex) of what makes the parts of a run parts of the same run: the agreement (name and
// text), the logs as named on the command line, --as-of, --due-within and the filter. Not N: merge names a
// different N plainly.
std::string run_fingerprint(const CheckOptions& options, const Session& s);

}  // namespace pactum::app
