// Finding ids do not depend on the order of the logs on the command line (V2.9), even when the
// first event of a finding shares its instant with events of another file: events of one instant
// are evaluated in file order (section 4), so the first cited event depends on that order, and
// the id takes the first by identity among them instead. A baseline written with the logs in one
// order must accept the same findings with the logs in the other. (Not when the cited events
// themselves depend on the order: `too-many` cites the events after the first N of one instant,
// docs/semantics.md.)
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "engine/app/session.h"
#include "engine/report/finding_id.h"

using namespace pactum;

namespace {

const char* kTerms = R"(agreement "Ids"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Bolt

term "Visits are frequent"
  responsible Bolt
  at least 5 visit every month

term "Reviews are held"
  responsible Acme
  at least 3 review every month
)";

Instant instant(const std::string& iso) { return resolve(*parse_timestamp(iso), find_zone("UTC")).instant; }

// "block|reason|id" for every finding, with the logs loaded in the order given.
std::vector<std::string> ids(const std::vector<std::pair<std::string, std::string>>& logs) {
  app::Session s;
  REQUIRE(s.load_agreement_text("ids.terms", kTerms));
  for (const auto& [name, text] : logs) REQUIRE(s.load_log_text(name, text, log::Backend::Libyaml));
  s.evaluate(instant("2026-02-01T00:00:00Z"));
  INFO(s.render_errors(false));
  REQUIRE(!s.errors.has_errors());
  std::vector<std::string> out;
  for (const auto& f : s.outcome.findings) out.push_back(fmt::format("{}|{}|{}", f.block->name, f.reason, report::finding_id(s.log, f)));
  return out;
}

}  // namespace

TEST_CASE("finding ids: the same whatever the order of the logs", "[triage][ids]") {
  struct Row {
    const char* name;
    std::string one, two;
  };
  const Row rows[] = {
      {"events with ids at one instant",
       "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: V2}\n  - {at: 2026-01-10T10:00:00Z, type: review, id: R2}\n",
       "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: V1}\n  - {at: 2026-01-10T10:00:00Z, type: review, id: R1}\n"},
      {"events without ids, of two types",
       "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, kind: b}\n  - {at: 2026-01-11T10:00:00Z, type: review}\n",
       "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, kind: a}\n  - {at: 2026-01-11T10:00:00Z, type: review}\n"},
      {"several events of each file at the instant",
       "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: B}\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: D}\n",
       "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: C}\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: A}\n"},
  };
  for (const Row& row : rows) {
    SECTION(row.name) {
      auto forward = ids({{"one.yaml", row.one}, {"two.yaml", row.two}});
      auto backward = ids({{"two.yaml", row.two}, {"one.yaml", row.one}});
      CHECK(forward.size() == 2);
      CHECK(forward == backward);
      // The same files under other names: still the same ids.
      CHECK(ids({{"z.yaml", row.two}, {"a.yaml", row.one}}) == forward);
    }
  }
}

TEST_CASE("finding ids: within one file, the first cited event names the finding", "[triage][ids]") {
  // Events of one instant in one file keep their order: the id is the one the spec's first event gives.
  auto a = ids({{"one.yaml", "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: V9}\n"
                             "  - {at: 2026-01-10T10:00:00Z, type: visit, id: V1}\n"}});
  auto b = ids({{"one.yaml", "events:\n  - {at: 2026-01-10T10:00:00Z, type: visit, id: V1}\n"
                             "  - {at: 2026-01-10T10:00:00Z, type: visit, id: V9}\n"}});
  REQUIRE(a.size() == 2);
  CHECK(a[0] != b[0]);  // ["id","V9"] vs ["id","V1"]: the order within the file decides
}
