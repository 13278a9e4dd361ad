// Version 2, V2.1: the changes and clarifications to version 1, through the whole pipeline (the
// calendar arithmetic itself is in tests/unit/calendar/dst_test.cc and business_*_test.cc).
// 2026-01-09 is a Friday, 01-10 Saturday, 01-12 Monday. Instants in expectations were computed
// independently (Python zoneinfo).
#include <algorithm>
#include <map>

#include "engine/eval/rule_evaluator.h"
#include "engine/report/finding_id.h"
#include "tests/unit/app/eval_fixture.h"

using namespace pactum;
using namespace pactum::eval_test;

namespace {

const eval::Finding* only_pending(const app::Session& s) {
  REQUIRE(s.outcome.pending.size() == 1);
  return &s.outcome.pending.front();
}

// Loads several logs (name, YAML text) in the given order, as `pactum check A L1 L2` does.
std::unique_ptr<app::Session> run_logs(const std::string& terms,
                                       const std::vector<std::pair<std::string, std::string>>& logs,
                                       const std::string& as_of = "") {
  auto s = std::make_unique<app::Session>();
  REQUIRE(s->load_agreement_text("a.terms", terms));
  for (const auto& [name, text] : logs) {
    bool ok = s->load_log_text(name, text, log::Backend::Libyaml);
    INFO(name << ":\n" << text << "\n" << s->render_errors(false));
    REQUIRE(ok);
  }
  std::optional<Instant> when;
  if (!as_of.empty()) when = instant(as_of, s->agreement->ast->timezone_name());
  s->evaluate(when);
  return s;
}

}  // namespace

TEST_CASE("V2.1 same business day: `within 0 business days after`", "[eval][v21][business]") {
  // Shop: UTC mon-fri 09:00-17:00, Monday 01-12 a holiday.
  const std::string shop = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Shop
  holidays 2026-01-12
party Buyer
term "Ship"
  every order requires shipment by Shop with same order within 0 business days after
)";
  auto order = [](const std::string& at) { return "{id: O-1, at: " + at + ", type: order, by: Buyer, order: 1}"; };
  auto ship = [](const std::string& at) { return "{id: S-1, at: " + at + ", type: shipment, by: Shop, order: 1}"; };
  check_cases({
      {"after hours on a business day: still that day", shop,
       events({order("2026-01-09T20:00:00Z"), ship("2026-01-10T00:00:00Z")}), "", {}},
      {"after hours on a business day: a millisecond after 24:00 is late", shop,
       events({order("2026-01-09T20:00:00Z"), ship("2026-01-10T00:00:00.001Z")}), "", {"Ship|1|late|Shop|O-1,S-1"}},
      {"Saturday: over the weekend and the Monday holiday to Tuesday 24:00", shop,
       events({order("2026-01-10T10:00:00Z"), ship("2026-01-13T23:59:59Z")}), "", {}},
      {"Saturday: Wednesday is late", shop,
       events({order("2026-01-10T10:00:00Z"), ship("2026-01-14T00:00:01Z")}), "", {"Ship|1|late|Shop|O-1,S-1"}},
      {"on the holiday itself: the next business day", shop,
       events({order("2026-01-12T10:00:00Z"), ship("2026-01-13T16:00:00Z")}), "", {}},
      {"Saturday, no shipment yet on Tuesday: pending", shop, events({order("2026-01-10T10:00:00Z")}),
       "2026-01-13T12:00:00Z", {}, {"O-1"}},
      {"Saturday, no shipment by Tuesday 24:00: missing", shop, events({order("2026-01-10T10:00:00Z")}),
       "2026-01-14T00:00:00Z", {"Ship|1|missing|Shop|O-1"}},
  });

  // Santiago: Saturday 2026-09-05 ends in the midnight gap (00:00 -> 01:00 on 09-06).
  const std::string santiago = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Shop
  timezone "America/Santiago"
  business hours mon-sat 09:00-17:00
term "Ship"
  every order requires shipment by Shop with same order within 0 business days after
)";
  check_cases({
      {"24:00 in a gap: the first instant after it (01:00 -03 = 04:00Z)", santiago,
       events({"{id: O-1, at: 2026-09-05T14:00:00Z, type: order, order: 1}", ship("2026-09-06T04:00:00Z")}), "", {}},
      {"24:00 in a gap: 04:00:01Z is late", santiago,
       events({"{id: O-1, at: 2026-09-05T14:00:00Z, type: order, order: 1}", ship("2026-09-06T04:00:01Z")}), "",
       {"Ship|1|late|Shop|O-1,S-1"}},
  });
}

TEST_CASE("V2.1 same business day: the before-timings are unchanged", "[eval][v21][business]") {
  const std::string within = utc("term \"Notice\"\n  every visit requires notice within 0 business days before\n");
  const std::string at_least = utc("term \"Notice\"\n  every visit requires notice at least 0 business days before\n");
  const std::string visit = "{id: V-1, at: 2026-01-10T10:00:00Z, type: visit}";  // Saturday
  check_cases({
      {"within 0 before on a Saturday: Saturday 00:00 is the bound", within,
       events({"{id: N-1, at: 2026-01-10T00:00:00Z, type: notice}", visit}), "", {}},
      {"within 0 before on a Saturday: Friday is early (not moved to a business day)", within,
       events({"{id: N-1, at: 2026-01-09T16:00:00Z, type: notice}", visit}), "", {"Notice|1|early|unassigned|V-1,N-1"}},
      {"at least 0 before on a Saturday: a notice that morning will do", at_least,
       events({"{id: N-1, at: 2026-01-10T09:00:00Z, type: notice}", visit}), "", {}},
  });
}

TEST_CASE("V2.1 the acting party: `with same `by`` makes the activation's `by` responsible", "[eval][v21]") {
  const std::string header = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
  timezone "Asia/Manila"
party Carrier
)";
  const std::string either = header + R"(
term "Terminate"
  responsible Acme
  every termination requires termination_notice with same `by`, contract at least 90 days before
)";
  const std::string target_by = header + R"(
term "Terminate"
  responsible Acme
  every termination requires termination_notice by Northwind with same `by` before
)";
  const std::string no_list = header + R"(
term "Terminate"
  every termination requires termination_notice with same `by` before
)";
  const std::string pattern_by = header + R"(
term "Terminate"
  responsible Acme
  every termination by Carrier requires termination_notice with same `by` before
)";
  check_cases({
      {"a notice by another party does not count: the acting party, not the block's list", either,
       events({"{id: N-1, at: 2026-01-02T10:00:00Z, type: termination_notice, by: Acme, contract: K}",
               "{id: T-1, at: 2026-06-01T10:00:00Z, type: termination, by: Carrier, contract: K}"}),
       "", {"Terminate|1|missing|Carrier|T-1"}},
      {"late notice by the same party: that party", either,
       events({"{id: N-1, at: 2026-05-01T10:00:00Z, type: termination_notice, by: Northwind, contract: K}",
               "{id: T-1, at: 2026-06-01T10:00:00Z, type: termination, by: Northwind, contract: K}"}),
       "", {"Terminate|1|late|Northwind|T-1,N-1"}},
      {"an activation without `by`: the block's list", either,
       events({"{id: T-1, at: 2026-06-01T10:00:00Z, type: termination, contract: K}"}), "",
       {"Terminate|1|missing|Acme|T-1"}},
      {"an activation without `by` and no list: unassigned", no_list,
       events({"{id: T-1, at: 2026-06-01T10:00:00Z, type: termination}"}), "", {"Terminate|1|missing|unassigned|T-1"}},
      {"the target's `by` comes first", target_by,
       events({"{id: T-1, at: 2026-06-01T10:00:00Z, type: termination, by: Carrier}"}), "",
       {"Terminate|1|missing|Northwind|T-1"}},
      {"the activation pattern's `by` is the acting party", pattern_by,
       events({"{id: T-1, at: 2026-06-01T10:00:00Z, type: termination, by: Carrier}"}), "",
       {"Terminate|1|missing|Carrier|T-1"}},
  });

  // Pending items carry the acting party too (they count for no one).
  const std::string after = header + R"(
term "Confirm"
  responsible Acme
  every order requires confirmation with same `by`, order within 2 days after
)";
  auto s = run(after, events({"{id: O-1, at: 2026-01-05T10:00:00Z, type: order, by: Carrier, order: 1}"}),
               "2026-01-06T00:00:00Z");
  CHECK(only_pending(*s)->responsible == std::vector<std::string>{"Carrier"});
  CHECK(s->outcome.by_party.at("Carrier") == 0);

  // The calendar of business durations is not the acting party's: without `of` and without a
  // target `by` it is the agreement's (UTC), not Northwind's (Manila). Friday 20:00Z is Saturday
  // in Manila: Northwind's calendar would make Monday 24:00 Manila (16:00Z) the deadline.
  const std::string business = header + R"(
term "Answer"
  every request requires answer with same `by` within 1 business days after
)";
  check_cases({
      {"business days in the agreement's calendar, not the acting party's", business,
       events({"{id: R-1, at: 2026-01-09T20:00:00Z, type: request, by: Northwind}",
               "{id: A-1, at: 2026-01-12T20:00:00Z, type: answer, by: Northwind}"}),
       "", {}},
  });
}

namespace {

// Exposes the helper that the share-of-activations windows (V2.3) use.
class ProbeRule : public eval::RuleEvaluator {
 public:
  using RuleEvaluator::RuleEvaluator;
  using RuleEvaluator::responsible_for_activations;
  std::vector<eval::Subscription> subscriptions() const override { return {}; }
  void on_event(uint32_t, int) override {}
  void finish(eval::Outcome&) override {}
};

}  // namespace

TEST_CASE("V2.1 acting parties of several activations: distinct, in declaration order", "[eval][v21]") {
  const std::string terms = R"(
agreement "T"
  timezone "UTC"
party Zed
party Acme
party Mid
term "Either"
  responsible Acme
  every termination requires termination_notice with same `by` before
term "Target"
  responsible Acme
  every termination requires termination_notice by Mid with same `by` before
term "Plain"
  responsible Acme
  every termination requires termination_notice with same contract before
)";
  auto s = run(terms, events({"{id: T-1, at: 2026-01-05T10:00:00Z, type: termination, by: Mid}",
                              "{id: T-2, at: 2026-01-06T10:00:00Z, type: termination, by: Zed}",
                              "{id: T-3, at: 2026-01-07T10:00:00Z, type: termination, by: Mid}",
                              "{id: T-4, at: 2026-01-08T10:00:00Z, type: termination}"}));
  Diagnostics warnings;
  eval::EvalContext ctx{*s->agreement, s->log, s->outcome.judged_from, s->outcome.judged_to, s->outcome.as_of,
                        warnings};
  const auto& blocks = s->ast.blocks;
  using V = std::vector<std::string>;
  ProbeRule either(ctx, 0, blocks[0], blocks[0].rules[0]);
  CHECK(either.responsible_for_activations({0, 1, 2, 3}) == V{"Zed", "Mid"});
  CHECK(either.responsible_for_activations({2}) == V{"Mid"});
  CHECK(either.responsible_for_activations({3}) == V{"Acme"});  // no `by`: the block's list
  CHECK(either.responsible_for_activations({}) == V{"Acme"});
  ProbeRule target(ctx, 1, blocks[1], blocks[1].rules[0]);
  CHECK(target.responsible_for_activations({0, 1}) == V{"Mid"});
  ProbeRule plain(ctx, 2, blocks[2], blocks[2].rules[0]);
  CHECK(plain.responsible_for_activations({0, 1}) == V{"Acme"});
}

TEST_CASE("V2.1 `within 0 business hours after`: the next opening outside hours", "[eval][v21][business]") {
  const std::string t = utc("term \"Ack\"\n  every alarm requires ack within 0 business hours after\n");
  auto alarm = [](const std::string& at) { return "{id: A-1, at: " + at + ", type: alarm}"; };
  auto ack = [](const std::string& at) { return "{id: K-1, at: " + at + ", type: ack}"; };
  check_cases({
      {"Saturday: due at Monday's opening", t, events({alarm("2026-01-10T12:00:00Z"), ack("2026-01-12T09:00:00Z")}), "",
       {}},
      {"Saturday: a millisecond after the opening is late", t,
       events({alarm("2026-01-10T12:00:00Z"), ack("2026-01-12T09:00:00.001Z")}), "", {"Ack|1|late|unassigned|A-1,K-1"}},
      {"at the closing time (outside): the next morning", t,
       events({alarm("2026-01-12T17:00:00Z"), ack("2026-01-13T09:00:00Z")}), "", {}},
      {"inside hours: A itself", t, events({alarm("2026-01-12T10:00:00Z"), ack("2026-01-12T10:00:00Z")}), "", {}},
      {"inside hours: a millisecond later is late", t,
       events({alarm("2026-01-12T10:00:00Z"), ack("2026-01-12T10:00:00.001Z")}), "", {"Ack|1|late|unassigned|A-1,K-1"}},
      {"Saturday, as of Sunday: pending", t, events({alarm("2026-01-10T12:00:00Z")}), "2026-01-11T12:00:00Z", {},
       {"A-1"}},
      {"Saturday, as of Monday's opening: missing", t, events({alarm("2026-01-10T12:00:00Z")}), "2026-01-12T09:00:00Z",
       {"Ack|1|missing|unassigned|A-1"}},
  });
}

TEST_CASE("V2.1 attribute date-times without an offset are read in the log's timezone", "[eval][v21]") {
  const std::string promise = utc("term \"Promise\"\n  every commitment requires delivery no later than due\n");
  auto log = [](const std::string& zone_line, const std::string& due, const std::string& delivered) {
    return zone_line + "events:\n  - {id: C-1, at: 2026-03-02T10:00:00Z, type: commitment, due: " + due +
           "}\n  - {id: D-1, at: " + delivered + ", type: delivery}\n";
  };
  const std::string tokyo = "timezone: \"Asia/Tokyo\"\n";
  const std::string ny = "timezone: \"America/New_York\"\n";
  check_cases({
      {"a bare date: 24:00 in the log's zone (Tokyo, 15:00Z)", promise, log(tokyo, "2026-03-31", "2026-03-31T15:00:00Z"),
       "", {}},
      {"a bare date in Tokyo: 15:00:00.001Z is late", promise, log(tokyo, "2026-03-31", "2026-03-31T15:00:00.001Z"), "",
       {"Promise|1|late|unassigned|C-1,D-1"}},
      {"without `timezone:` the agreement's zone (UTC)", promise, log("", "2026-03-31", "2026-03-31T15:00:00.001Z"), "",
       {}},
      {"a date-time without offset: Tokyo 10:00 = 01:00Z", promise,
       log(tokyo, "\"2026-03-31T10:00\"", "2026-03-31T01:00:01Z"), "", {"Promise|1|late|unassigned|C-1,D-1"}},
      {"a date-time with an offset keeps it", promise, log(tokyo, "2026-03-31T10:00:00Z", "2026-03-31T09:59:00Z"), "",
       {}},
      {"a fold in the log's zone: the earlier 01:30 (EDT, 05:30Z)", promise,
       log(ny, "\"2026-11-01T01:30\"", "2026-11-01T06:00:00Z"), "2026-11-02T00:00:00Z",
       {"Promise|1|late|unassigned|C-1,D-1"}},
      {"a bare date whose 24:00 is in a fold (Havana 11-01 00:00): the earlier instant", promise,
       log("timezone: \"America/Havana\"\n", "2026-10-31", "2026-11-01T04:00:01Z"), "",
       {"Promise|1|late|unassigned|C-1,D-1"}},
  });

  // A local time the log's zone skips cannot be read: an input warning, the activation skipped.
  auto s = run(promise, log(ny, "\"2026-03-08T02:30\"", "2026-03-09T00:00:00Z"));
  CHECK(dump_findings(*s) == "");
  CHECK(dump_pending(*s) == "");
  CHECK(s->warnings.items().size() == 1);

  // Several logs: each event's attributes in its own log's zone.
  const std::string both = "events:\n  - {id: C-2, at: 2026-03-02T10:00:00Z, type: commitment, due: 2026-03-31}\n";
  auto m = run_logs(promise, {{"tokyo.yaml", log(tokyo, "2026-03-31", "2026-03-31T16:00:00Z")}, {"plain.yaml", both}});
  CHECK(dump_findings(*m) == "Promise|1|late|unassigned|C-1,D-1\n");  // C-2 (UTC 24:00) is met by D-1

  // Comparisons with date literals: the literal in the agreement's zone, the attribute in the log's.
  const std::string early = utc("term \"Early\"\n  no booking where starts < 2026-04-01\n");
  auto booking = [](const std::string& starts) {
    return "{id: B-1, at: 2026-03-02T10:00:00Z, type: booking, starts: " + starts + "}";
  };
  check_cases({
      {"21:00 New York is 01:00Z the next day: not before", early, ny + events({booking("\"2026-03-31T21:00\"")}), "", {}},
      {"the same text in a UTC log is before", early, events({booking("\"2026-03-31T21:00\"")}), "",
       {"Early|1|forbidden|unassigned|B-1"}},
      {"a bare date is 00:00 in the log's zone: Tokyo 04-01 is 03-31 15:00Z", early,
       tokyo + events({booking("2026-04-01")}), "", {"Early|1|forbidden|unassigned|B-1"}},
      {"New York 04-01 00:00 is 04:00Z: not before", early, ny + events({booking("2026-04-01")}), "", {}},
  });
}

TEST_CASE("V2.1 precision: milliseconds, further digits dropped", "[eval][v21]") {
  const std::string hour = utc("term \"Reply\"\n  every request requires reply within 1 hours after\n");
  const std::string request = "{id: R-1, at: 2026-01-05T10:00:00Z, type: request}";
  auto reply = [](const std::string& at) { return "{id: Q-1, at: " + at + ", type: reply}"; };
  const std::string reading = utc("term \"Cut-off\"\n  no reading where t >= 2026-01-05T10:00:00.9999Z\n");
  auto read = [](const std::string& t) {
    return "{id: X-1, at: 2026-01-05T09:00:00Z, type: reading, t: \"" + t + "\"}";
  };
  check_cases({
      {"11:00:00.0009 is 11:00:00.000: in time (not rounded up)", hour,
       events({request, reply("2026-01-05T11:00:00.0009Z")}), "", {}},
      {"11:00:00.001 is late", hour, events({request, reply("2026-01-05T11:00:00.001Z")}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"10:00:00.9999 in the log is .999, the reply's .9994 too: exactly the deadline", hour,
       events({"{id: R-1, at: 2026-01-05T10:00:00.9999Z, type: request}", reply("2026-01-05T11:00:00.9994Z")}), "", {}},
      {"a literal with four digits is .999: equal to an attribute .999", reading, events({read("2026-01-05T10:00:00.999Z")}),
       "", {"Cut-off|1|forbidden|unassigned|X-1"}},
      {"an attribute .9989 is .998: below the literal", reading, events({read("2026-01-05T10:00:00.9989Z")}), "", {}},
  });
}

TEST_CASE("V2.1 DST: effective start and end in a gap or a fold", "[eval][v21][dst]") {
  // Havana changes at midnight: 03-08 begins at 01:00 CDT (05:00Z); 11-01 00:00 occurs twice,
  // so 24:00 of 10-31 is the earlier one (04:00Z).
  const std::string terms = R"(
agreement "T"
  effective 2026-03-08 to 2026-10-31
  timezone "America/Havana"
party Ops
term "Never"
  no outage
)";
  auto s = run(terms, events({"{id: O-1, at: 2026-03-08T04:59:59Z, type: outage}",
                              "{id: O-2, at: 2026-03-08T05:00:00Z, type: outage}",
                              "{id: O-3, at: 2026-11-01T03:59:59Z, type: outage}",
                              "{id: O-4, at: 2026-11-01T04:00:00Z, type: outage}"}),
               "2026-11-02T00:00:00Z");
  CHECK(format_instant(*s->agreement->effective_start, find_zone("UTC")) == "2026-03-08T05:00:00+00:00");
  CHECK(format_instant(*s->agreement->effective_end, find_zone("UTC")) == "2026-11-01T04:00:00+00:00");
  CHECK(dump_findings(*s) == "Never|1|forbidden|unassigned|O-2\nNever|1|forbidden|unassigned|O-3\n");
  CHECK(s->outcome.ignored_events == 2);
}

TEST_CASE("V2.1 DST: windows hold exactly the instants up to the next window's start", "[eval][v21][dst]") {
  // Known defect (regression): no effective period, New York; the 7-day windows start at the
  // first event, 01:30 EDT on 2026-10-25, so the second one starts at the earlier 01:30 of
  // 11-01 (05:30Z). 01:15 EST (06:15Z) is 45 minutes after that: the second window, not the first.
  const std::string weekly = R"(
agreement "T"
  timezone "America/New_York"
party Ops
term "Outages"
  at most 1 outage every 7 days
)";
  const std::string monthly = R"(
agreement "T"
  timezone "America/New_York"
party Ops
term "Outages"
  at most 1 outage every 1 months
)";
  check_cases({
      {"01:15 EST is not in the first window", weekly,
       events({"{id: O-1, at: 2026-10-25T01:30:00, type: outage}", "{id: O-2, at: 2026-11-01T01:15:00-05:00, type: outage}"}),
       "2026-11-02T00:00:00Z", {}},
      {"01:15 EDT is (the first pass, 15 minutes before the edge)", weekly,
       events({"{id: O-1, at: 2026-10-25T01:30:00, type: outage}", "{id: O-2, at: 2026-11-01T01:15:00-04:00, type: outage}"}),
       "2026-11-02T00:00:00Z", {"Outages|1|too-many|unassigned|@2026-10-25T01:30:00-04:00 O-2"}},
      {"the second window runs from 01:30 EDT to 01:30 EST a week later", weekly,
       events({"{id: O-1, at: 2026-10-25T01:30:00, type: outage}", "{id: O-2, at: 2026-11-01T01:15:00-05:00, type: outage}",
               "{id: O-3, at: 2026-11-08T01:29:59-05:00, type: outage}"}),
       "2026-11-08T06:30:00Z", {"Outages|1|too-many|unassigned|@2026-11-01T01:30:00-04:00 O-3"}},
      {"`N months` takes the same path", monthly,
       events({"{id: O-1, at: 2026-10-01T01:30:00, type: outage}", "{id: O-2, at: 2026-11-01T01:15:00-05:00, type: outage}"}),
       "2026-11-02T00:00:00Z", {}},
      {"`N months`: 01:15 EDT is in October's window", monthly,
       events({"{id: O-1, at: 2026-10-01T01:30:00, type: outage}", "{id: O-2, at: 2026-11-01T01:15:00-04:00, type: outage}"}),
       "2026-11-02T00:00:00Z", {"Outages|1|too-many|unassigned|@2026-10-01T01:30:00-04:00 O-2"}},
  });

  // Day windows where midnight is in a fold (Havana, 11-01 00:00-01:00 twice): 11-01 is 25 hours
  // long and holds both passes.
  const std::string daily = R"(
agreement "T"
  effective 2026-10-31 to 2026-11-01
  timezone "America/Havana"
party Ops
term "Ping"
  at least 1 ping every day
)";
  check_cases({
      {"a ping in the second pass of 00:30 counts for 11-01", daily,
       events({"{id: P-1, at: 2026-10-31T12:00:00Z, type: ping}", "{id: P-2, at: 2026-11-01T05:30:00Z, type: ping}"}),
       "2026-11-03T00:00:00Z", {}},
      {"a ping at 23:59 CDT on 10-31 does not", daily,
       events({"{id: P-1, at: 2026-10-31T12:00:00Z, type: ping}", "{id: P-2, at: 2026-11-01T03:59:00Z, type: ping}"}),
       "2026-11-03T00:00:00Z", {"Ping|1|too-few|unassigned|@2026-11-01T00:00:00-04:00"}},
  });
}

TEST_CASE("V2.9 finding ids do not depend on the order or the names of the logs", "[eval][v21][ids]") {
  const std::string terms = utc(R"(
term "Reply"
  every request requires reply by Northwind with same ticket within 1 days after
term "Visits"
  at most 1 visit every week
  every visit occurs within business hours of Acme
)");
  const std::string a = "events:\n"
                        "  - {id: R-1, at: 2026-01-05T10:00:00Z, type: request, ticket: 1}\n"
                        "  - {id: R-2, at: 2026-01-05T11:00:00Z, type: request, ticket: 2}\n"
                        "  - {at: 2026-01-06T20:00:00Z, type: visit}\n";
  const std::string b = "events:\n"
                        "  - {id: Q-1, at: 2026-01-07T10:00:00Z, type: reply, by: Northwind, ticket: 1}\n"
                        "  - {at: 2026-01-07T21:00:00Z, type: visit}\n"
                        "  - {id: R-3, at: 2026-01-11T10:00:00Z, type: request, ticket: 3}\n"
                        "  - {id: X-1, at: 2026-01-11T12:00:00Z, type: other}\n";
  // b with its events in reverse order.
  const std::string b_reversed = "events:\n"
                                 "  - {id: X-1, at: 2026-01-11T12:00:00Z, type: other}\n"
                                 "  - {id: R-3, at: 2026-01-11T10:00:00Z, type: request, ticket: 3}\n"
                                 "  - {at: 2026-01-07T21:00:00Z, type: visit}\n"
                                 "  - {id: Q-1, at: 2026-01-07T10:00:00Z, type: reply, by: Northwind, ticket: 1}\n";
  auto one = run_logs(terms, {{"a.yaml", a}, {"b.yaml", b}}, "2026-01-12T00:00:00Z");
  auto two = run_logs(terms, {{"renamed/zz.yaml", b_reversed}, {"other-name.yaml", a}}, "2026-01-12T00:00:00Z");

  auto ids = [](const app::Session& s) {
    std::map<std::string, std::string> out;  // finding line -> id
    for (const auto* list : {&s.outcome.findings, &s.outcome.pending})
      for (const auto& f : *list) {
        std::string key = finding_line(s, f);
        if (f.reason == "pending") key = "pending " + key;
        // Events without an id print as their position; name them by their time instead.
        const auto& e = s.log.event(f.events.front());
        key += " " + format_utc_millis(e.at);
        CHECK(out.emplace(key, report::finding_id(s.log, f)).second);
      }
    return out;
  };
  auto first = ids(*one), second = ids(*two);
  INFO("findings:\n" << dump_findings(*one) << "pending:\n" << dump_pending(*one));
  // Late R-1, missing R-2, too-many (the 01-07 visit, no id), two visits outside hours, R-3 pending.
  CHECK(first.size() == 6);
  std::vector<std::string> a_ids, b_ids;
  for (const auto& [k, v] : first) a_ids.push_back(v);
  for (const auto& [k, v] : second) b_ids.push_back(v);
  CHECK(a_ids == b_ids);
  std::sort(a_ids.begin(), a_ids.end());
  CHECK(std::adjacent_find(a_ids.begin(), a_ids.end()) == a_ids.end());  // unique
}
