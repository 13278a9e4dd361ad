// Spec 5.1 across timings: `with same` (one and two keys, missing keys, numbers vs strings, the
// event's own fields), Q is never A itself, equal timestamps, one Q for many As, targets before
// the effective start and after as-of.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string block(const std::string& rule) { return utc("term \"T1\"\n  " + rule + "\n"); }

}  // namespace

TEST_CASE("5.1 with same", "[eval][same]") {
  const std::string before = block("every visit requires notice with same visit before");
  const std::string two = block("every visit requires notice with same site, slot before");
  const std::string after = block("every ticket requires fix with same ticket within 1 days after");
  const std::string by_same = block("every visit requires notice with same `by` before");
  const std::string plain = block("every visit requires notice before");
  check_cases({
      {"same key", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: V-1}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: V-1}"}),
       "", {}},
      {"another key does not serve", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: V-2}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: V-1}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"A without the key never correlates", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"Q without the key never correlates", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: V-1}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"a null key counts as absent", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: null}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: null}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"\"80\" is not 80", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: \"80\"}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: 80}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"80 is not \"80\"", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: 80}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: \"80\"}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"numbers compare numerically: 80 and 80.0", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: 80.0}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: 80}"}),
       "", {}},
      {"strings are case-sensitive", before,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: v-1}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: V-1}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"each visit finds its own notice", before,
       events({"{id: N-2, at: 2026-01-04T10:00:00Z, type: notice, visit: V-2}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: V-1}",
               "{id: V-2, at: 2026-01-06T11:00:00Z, type: visit, visit: V-2}",
               "{id: V-3, at: 2026-01-06T12:00:00Z, type: visit, visit: V-3}"}),
       "", {"T1|1|missing|unassigned|V-1", "T1|1|missing|unassigned|V-3"}},
      {"two keys: both equal", two,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, site: X, slot: 2}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, site: X, slot: 2}"}),
       "", {}},
      {"two keys: one differs", two,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, site: X, slot: 1}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, site: X, slot: 2}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"two keys: one missing on both sides", two,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, site: X}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, site: X}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"two keys: values are not mixed up across keys", two,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, site: A, slot: B}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, site: B, slot: A}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"after: a fix for another ticket does not settle", after,
       events({"{id: T-1, at: 2026-01-06T10:00:00Z, type: ticket, ticket: 1}",
               "{id: F-2, at: 2026-01-06T11:00:00Z, type: fix, ticket: 2}"}),
       "2026-01-08T00:00:00Z", {"T1|1|missing|unassigned|T-1"}},
      {"after: the right fix settles, the other stays open", after,
       events({"{id: T-1, at: 2026-01-06T10:00:00Z, type: ticket, ticket: 1}",
               "{id: T-2, at: 2026-01-06T10:30:00Z, type: ticket, ticket: 2}",
               "{id: F-1, at: 2026-01-06T11:00:00Z, type: fix, ticket: 1}"}),
       "", {}, {"T-2"}},
      {"after: a ticket without the key can never be answered", after,
       events({"{id: T-1, at: 2026-01-06T10:00:00Z, type: ticket}", "{id: F-1, at: 2026-01-06T11:00:00Z, type: fix}"}),
       "2026-01-08T00:00:00Z", {"T1|1|missing|unassigned|T-1"}},
      {"after: a ticket without the key is pending until its deadline", after,
       events({"{id: T-1, at: 2026-01-06T10:00:00Z, type: ticket}", "{id: F-1, at: 2026-01-06T11:00:00Z, type: fix}"}),
       "", {}, {"T-1"}},
      {"after: \"1\" does not settle 1", after,
       events({"{id: T-1, at: 2026-01-06T10:00:00Z, type: ticket, ticket: 1}",
               "{id: F-1, at: 2026-01-06T11:00:00Z, type: fix, ticket: \"1\"}"}),
       "2026-01-08T00:00:00Z", {"T1|1|missing|unassigned|T-1"}},
      {"with same `by`: the same party", by_same,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, by: Acme}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, by: Acme}"}),
       "", {}},
      {"with same `by`: another party", by_same,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, by: Northwind}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, by: Acme}"}),
       "", {"T1|1|missing|Acme|V-1"}},  // V2.1: the acting party
      {"with same `by`: no by on either side", by_same,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice}", "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"without with same one notice serves every visit", plain,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, visit: V-9}",
               "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, visit: V-1}",
               "{id: V-2, at: 2026-01-07T10:00:00Z, type: visit}"}),
       "", {}},
  });
}

TEST_CASE("5.1 Q is never A itself", "[eval][self]") {
  const std::string before = block("every change requires change before");
  const std::string major = block("every change where kind = \"major\" requires change before");
  const std::string least = block("every change requires change at least 1 hours before");
  const std::string within_before = block("every change requires change within 1 hours before");
  const std::string after = block("every ping requires ping after");
  const std::string within_after = block("every ping requires ping within 1 hours after");
  check_cases({
      {"a lone event does not serve itself", before, events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: change}"}), "",
       {"T1|1|missing|unassigned|C-1"}},
      {"the second one is served by the first", before,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: change}", "{id: C-2, at: 2026-01-06T11:00:00Z, type: change}"}),
       "", {"T1|1|missing|unassigned|C-1"}},
      {"two at the same instant serve each other", before,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: change}", "{id: C-2, at: 2026-01-06T10:00:00Z, type: change}"}),
       "", {}},
      {"a condition on A only: a minor change serves the major one", major,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: change, kind: minor}",
               "{id: C-2, at: 2026-01-06T11:00:00Z, type: change, kind: major}"}),
       "", {}},
      {"a condition on A only: a lone major change", major,
       events({"{id: C-2, at: 2026-01-06T11:00:00Z, type: change, kind: major}"}), "", {"T1|1|missing|unassigned|C-2"}},
      {"at least before: the earlier one is too close (late), the first missing", least,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: change}", "{id: C-2, at: 2026-01-06T10:30:00Z, type: change}"}),
       "", {"T1|1|missing|unassigned|C-1", "T1|1|late|unassigned|C-2,C-1"}},
      {"at least before: three, the third served by the first", least,
       events({"{id: C-1, at: 2026-01-06T08:00:00Z, type: change}", "{id: C-2, at: 2026-01-06T08:30:00Z, type: change}",
               "{id: C-3, at: 2026-01-06T09:10:00Z, type: change}"}),
       "", {"T1|1|missing|unassigned|C-1", "T1|1|late|unassigned|C-2,C-1"}},
      {"within before: the previous one is too old (early)", within_before,
       events({"{id: C-1, at: 2026-01-06T08:00:00Z, type: change}", "{id: C-2, at: 2026-01-06T10:30:00Z, type: change}"}),
       "", {"T1|1|missing|unassigned|C-1", "T1|1|early|unassigned|C-2,C-1"}},
      {"within before: the previous one is recent", within_before,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: change}", "{id: C-2, at: 2026-01-06T10:30:00Z, type: change}"}),
       "", {"T1|1|missing|unassigned|C-1"}},
      {"after: the last one waits", after,
       events({"{id: P-1, at: 2026-01-06T10:00:00Z, type: ping}", "{id: P-2, at: 2026-01-07T10:00:00Z, type: ping}"}), "",
       {}, {"P-2"}},
      {"after: the last one is missing at the effective end", after,
       events({"{id: P-1, at: 2026-01-06T10:00:00Z, type: ping}", "{id: P-2, at: 2026-01-07T10:00:00Z, type: ping}"}),
       "2027-01-01T00:00:00Z", {"T1|1|missing|unassigned|P-2"}},
      {"after: two at the same instant answer each other", after,
       events({"{id: P-1, at: 2026-01-06T10:00:00Z, type: ping}", "{id: P-2, at: 2026-01-06T10:00:00Z, type: ping}"}),
       "2027-01-01T00:00:00Z", {}},
      {"within after: late second, pending third", within_after,
       events({"{id: P-1, at: 2026-01-06T10:00:00Z, type: ping}", "{id: P-2, at: 2026-01-06T12:00:00Z, type: ping}",
               "{id: P-3, at: 2026-01-06T12:30:00Z, type: ping}"}),
       "", {"T1|1|late|unassigned|P-1,P-2"}, {"P-3"}},
  });
}

TEST_CASE("5.1 the judged interval and visibility of targets", "[eval][interval]") {
  const std::string before = block("every visit requires notice at least 1 days before");
  const std::string after = block("every request requires reply within 1 days after");
  check_cases({
      {"a target before the effective start serves", before,
       events({"{id: N-1, at: 2025-12-31T09:00:00Z, type: notice}", "{id: V-1, at: 2026-01-01T10:00:00Z, type: visit}"}),
       "", {}},
      {"an activation before the effective start is not judged", before,
       events({"{id: V-0, at: 2025-12-31T10:00:00Z, type: visit}", "{id: V-1, at: 2026-01-01T00:00:00Z, type: visit}"}),
       "", {"T1|1|missing|unassigned|V-1"}},
      {"an activation at 24:00 of the effective end is not judged", before,
       events({"{id: V-1, at: 2027-01-01T00:00:00Z, type: visit}"}), "", {}},
      {"an activation a second before the effective end is judged", before,
       events({"{id: V-1, at: 2026-12-31T23:59:59Z, type: visit}"}), "", {"T1|1|missing|unassigned|V-1"}},
      {"an activation after as-of is invisible", before,
       events({"{id: V-1, at: 2026-02-01T10:00:00Z, type: visit}"}), "2026-01-31T00:00:00Z", {}},
      {"an activation exactly at as-of is judged", before,
       events({"{id: V-1, at: 2026-02-01T10:00:00Z, type: visit}"}), "2026-02-01T10:00:00Z",
       {"T1|1|missing|unassigned|V-1"}},
      {"a request before the start answered inside: not judged at all", after,
       events({"{id: R-0, at: 2025-12-30T10:00:00Z, type: request}", "{id: Q-0, at: 2026-01-05T10:00:00Z, type: reply}"}),
       "", {}},
      {"a target after as-of is invisible", after,
       events({"{id: R-1, at: 2026-01-06T10:00:00Z, type: request}", "{id: Q-1, at: 2026-01-06T11:00:00Z, type: reply}"}),
       "2026-01-06T10:30:00Z", {}, {"R-1"}},
  });
}
