// Test helper: .terms text -> parsed -> resolved -> linted, kept together because the resolved
// agreement points into the parsed one.
#pragma once
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/lint/lint.h"
#include "engine/syntax/parser.h"

namespace pactum::lint::testing {

struct Linted {
  model::Agreement ast;
  Diagnostics diags;
  std::optional<semantic::ResolvedAgreement> resolved;
  std::vector<Diagnostic> entries;

  size_t count(const std::string& code) const {
    return static_cast<size_t>(std::count_if(entries.begin(), entries.end(),
                                             [&](const Diagnostic& d) { return d.code == code; }));
  }
  const Diagnostic* first(const std::string& code) const {
    for (const auto& d : entries)
      if (d.code == code) return &d;
    return nullptr;
  }
  // Every entry, one per line, for failure messages.
  std::string dump() const {
    std::string out;
    for (const auto& d : entries) {
      out += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " + d.code + ": " + d.message + "\n";
      for (const auto& n : d.notes) out += "    = " + n + "\n";
    }
    for (const auto& d : diags.items()) out += "diag: " + d.code + " " + d.message + "\n";
    return out;
  }
};

inline std::unique_ptr<Linted> lint_text(const std::string& text, int year = 2026) {
  auto l = std::make_unique<Linted>();
  bool parsed = syntax::parse_agreement(text, 0, l->ast, l->diags);
  INFO(text);
  for (const auto& d : l->diags.items()) INFO(d.message);
  REQUIRE(parsed);
  l->resolved = semantic::resolve_agreement(l->ast, l->diags);
  REQUIRE(l->resolved);
  l->entries = lint_agreement(*l->resolved, year);
  return l;
}

// Two parties eight to thirteen hours apart, as in the spec's example.
inline const char* kAcmeNorthwind = R"(
agreement "Lint test"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Acme
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00

party Northwind
  timezone "Asia/Manila"
  business hours mon-fri 08:00-20:00
)";

// A fires/does-not-fire case: `code` must appear exactly `expected` times.
struct Case {
  const char* name;
  std::string text;
  size_t expected;
};

inline void run_cases(const char* code, const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto l = lint_text(c.text);
      INFO(l->dump());
      CHECK(l->count(code) == c.expected);
      if (const Diagnostic* d = l->first(code)) {
        // Every entry explains itself in numbers and proposes a rewrite.
        CHECK(!d->message.empty());
        CHECK(d->loc.valid());
        CHECK(!d->notes.empty());
      }
    }
  }
}

}  // namespace pactum::lint::testing
