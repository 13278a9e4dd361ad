// Shared helpers of the libFuzzer targets (fuzz/README.md). Each target drives the same code the
// CLI runs, through engine/app's Session, and checks the invariants pactum promises: no crash, no
// sanitizer report, errors always located, and canonical text that reads back to itself.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/base/diagnostics.h"

namespace pactum::fuzz {

// A broken promise is a crash, so that libFuzzer saves the input.
[[noreturn]] inline void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "pactum fuzz invariant broken: %s\n%s\n", what, detail.c_str());
  std::abort();
}

// Every error must name a line (a file-level error such as "cannot read" is never produced here:
// the fuzzers only feed text). Line 0 would print as `file:0:0`, which locates nothing.
inline void require_located(const Diagnostics& diags, const std::string& input) {
  for (const auto& d : diags.items())
    if (d.level == DiagLevel::Error && d.loc.line == 0)
      fail("an error without a line", d.message + "\n--- input ---\n" + input);
}

}  // namespace pactum::fuzz
