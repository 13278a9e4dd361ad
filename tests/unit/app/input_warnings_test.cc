// The warnings and notes about an agreement read against its logs (issue 13: the mistakes that
// would otherwise give a wrong answer without a word): misspelt attribute names, duplicate event
// ids, rules that matched nothing, an empty judged interval, and the lint notes. Each case lists
// every diagnostic the run leaves in Session::warnings, as "line:column: level: message [note]".
#include <catch2/catch.hpp>

#include "eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

std::string diagnostics(const app::Session& s) {
  std::string out;
  for (const auto& d : s.warnings.items()) {
    const char* level = d.level == DiagLevel::Error ? "error" : d.level == DiagLevel::Warning ? "warning" : "note";
    out += fmt::format("{}:{}: {}: {}", d.loc.line, d.loc.column, level, d.message);
    for (const auto& n : d.notes) out += " [" + n + "]";
    out += "\n";
  }
  return out;
}

struct WarningCase {
  const char* name;
  std::string blocks;  // after the usual header (kUtcHeader: blocks start on line 7)
  std::vector<std::string> log;
  std::string as_of;
  std::vector<std::string> expected;
};

const std::string kTickets = R"(term "Tickets"
  every ticket where priority = "P1" requires fix with same ticket within 4 hours after
)";

}  // namespace

TEST_CASE("input warnings: each silent mistake is named where it is written") {
  const std::vector<std::string> tickets = {
      "{id: T-1, at: 2026-01-05T09:00:00Z, type: ticket, ticket: A, priority: P1, minutes: 20}",
      "{id: F-1, at: 2026-01-05T10:00:00Z, type: fix, ticket: A}",
      "{id: T-2, at: 2026-01-06T09:00:00Z, type: ticket, ticket: B, priority: P2, minutes: 40}",
  };
  const std::vector<WarningCase> cases = {
      {"a clean agreement: nothing", kTickets, tickets, "", {}},
      {"a misspelt attribute in a condition",
       "term \"Tickets\"\n  every ticket where priorty = \"P1\" requires fix with same ticket within 4 hours after\n",
       tickets, "",
       {"8:22: warning: no `ticket` event in the logs has an attribute `priorty`, so `priorty = \"P1\"` is false for "
        "every event [did you mean `priority`?]"}},
      {"a misspelt attribute in `is absent` reads the other way round",
       "term \"Tickets\"\n  no ticket where priorty is absent\n", tickets, "",
       {"8:19: warning: no `ticket` event in the logs has an attribute `priorty`, so `priorty is absent` is true for "
        "every event [did you mean `priority`?]"}},
      {"a misspelt correlation: both sides named, one warning",
       "term \"Tickets\"\n  every ticket requires fix with same tiket within 4 hours after\n", tickets, "",
       {"8:39: warning: no `ticket` or `fix` event in the logs has an attribute `tiket`, so `with same tiket` pairs no "
        "events [did you mean `ticket`?]"}},
      {"a correlation only one side lacks",
       "term \"Tickets\"\n  every ticket requires fix with same priority within 4 hours after\n", tickets, "", {}},
      {"a misspelt aggregate attribute", "expectation \"Speed\"\n  average minuts of ticket at most 30 every month\n",
       tickets, "2026-02-01T00:00:00Z",
       {"8:11: warning: no `ticket` event in the logs has an attribute `minuts`, so this aggregate never has a value "
        "[did you mean `minutes`?]",
        // and the evaluator's input warning at each event it cannot count (spec 5.6)
        "2:5: warning: ticket T-1: `minuts` is missing; it is not counted by rule 1 of \"Speed\"",
        "4:5: warning: ticket T-2: `minuts` is missing; it is not counted by rule 1 of \"Speed\""}},
      {"one warning per rule and name, whatever how often it is written",
       "term \"Tickets\"\n  no ticket where priorty = \"P1\" or priorty = \"P2\"\n  no fix where tiket = \"A\"\n",
       tickets, "",
       {"8:19: warning: no `ticket` event in the logs has an attribute `priorty`, so `priorty = \"P1\"` is false for "
        "every event [did you mean `priority`?]",
        "9:16: warning: no `fix` event in the logs has an attribute `tiket`, so `tiket = \"A\"` is false for every "
        "event [did you mean `ticket`?]"}},
      {"an optional attribute that did not occur, spelt like nothing logged: no warning",
       "term \"Tickets\"\n  no ticket where escalated_to is present\n", tickets, "", {}},
      {"an attribute some events of the type carry: no warning",
       "term \"Tickets\"\n  no fix where reopened = true\n",
       {"{id: F-1, at: 2026-01-05T10:00:00Z, type: fix, ticket: A}",
        "{id: F-2, at: 2026-01-05T11:00:00Z, type: fix, ticket: B, reopened: false}"},
       "", {}},
      {"the event's own fields are not attributes",
       "term \"Tickets\"\n  every ticket requires fix with same `by`, `id` within 4 hours after\n", tickets, "", {}},
      {"a misspelt event type (the existing warning) needs no note besides",
       "term \"Tickets\"\n  every tikcet requires fix within 4 hours after\n", tickets, "",
       {"8:9: warning: no event in the logs has type `tikcet`, so this rule matches nothing [did you mean `ticket`?]"}},
      {"a rule that matched no event gets a note; `no` rules and count rules do not",
       "term \"Tickets\"\n  every ticket where priority = \"P3\" requires fix within 4 hours after\n"
       "  no ticket where priority = \"P3\"\n  at most 1 ticket where priority = \"P3\" every day\n",
       tickets, "",
       {"8:9: note: no event in the judged interval matched `ticket where priority = \"P3\"`: rule 1 of \"Tickets\" had "
        "nothing to check",
        "10:13: note: no event in the judged interval matched `ticket where priority = \"P3\"`: rule 3 of \"Tickets\" "
        "had nothing to check"}},
      {"an id used twice in one log: both places",
       kTickets,
       {"{id: T-1, at: 2026-01-05T09:00:00Z, type: ticket, ticket: A, priority: P1}",
        "{id: F-1, at: 2026-01-05T10:00:00Z, type: fix, ticket: A}",
        "{id: T-1, at: 2026-01-06T09:00:00Z, type: ticket, ticket: A, priority: P1}"},
       "",
       {"4:5: warning: event id `T-1` was used before: both events are counted [the first event with this id is at "
        "log.yaml:2]"}},
      {"--as-of before the effective start: nothing judged, said once", kTickets, tickets, "2025-06-01T00:00:00Z",
       {"3:3: warning: --as-of 2025-06-01T00:00:00+00:00 is before the judged interval begins (the agreement takes "
        "effect on 2026-01-01): nothing was judged [give an --as-of at or after the start, or leave it out to judge "
        "up to the latest event]"}},
      {"logs that all predate the effective start", kTickets,
       {"{id: T-0, at: 2025-03-05T09:00:00Z, type: ticket, ticket: A, priority: P1}"}, "",
       {"3:3: warning: every event in the logs is before the judged interval begins (the agreement takes effect on "
        "2026-01-01; the latest event is at 2025-03-05T09:00:00+00:00): nothing was judged [check that these are the "
        "logs of this agreement's period]"}},
      {"a block's responsible list under a target `by`: a note at the `by`",
       "term \"Fixes\"\n  responsible Acme, Northwind\n  every ticket requires fix by Northwind within 4 hours after\n"
       "  at least 1 ticket every week\n",
       tickets, "2026-01-07T00:00:00Z",
       {"9:32: note: only Northwind is responsible for rule 1 of \"Fixes\", not Acme: the target's `by Northwind` comes "
        "before the block's `responsible Acme, Northwind` [a finding's responsible party is the target's `by` when it "
        "names one, else the block's `responsible`; to hold Acme responsible too, drop `by Northwind` from the target "
        "(then anyone's `fix` serves)]"}},
      {"the same party alone in both: no note",
       "term \"Fixes\"\n  responsible Northwind\n  every ticket requires fix by Northwind within 4 hours after\n",
       tickets, "", {}},
  };
  for (const auto& c : cases) {
    INFO("case: " << c.name);
    auto s = run(utc(c.blocks), events(c.log), c.as_of);
    CHECK(diagnostics(*s) == lines(c.expected));
  }
}

TEST_CASE("input warnings: a duplicate id across two logs names both files, and only the first few are listed") {
  app::Session s;
  REQUIRE(s.load_agreement_text("a.terms", utc(kTickets)));
  std::vector<std::string> items;
  for (int i = 0; i < 8; ++i)
    items.push_back(fmt::format("{{id: T-{}, at: 2026-01-05T09:0{}:00Z, type: ticket, ticket: A, priority: P1}}", i, i));
  REQUIRE(s.load_log_text("first.yaml", events(items), log::Backend::Libyaml));
  REQUIRE(s.load_log_text("second.yaml", events(items), log::Backend::Libyaml));
  s.evaluate(std::nullopt);
  std::string out = diagnostics(s);
  INFO(out);
  CHECK(s.log.census.duplicate_count() == 8);
  CHECK(out.find("2:5: warning: event id `T-0` was used before: both events are counted [the first event with this id "
                 "is at first.yaml:2]") != std::string::npos);
  CHECK(out.find("[3 more events repeat an id seen before (the first 5 are shown)]") != std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '\n') == 5);  // the first 5 duplicates, nothing else
}
