// V2.4 SLA clocks that pause: `... within D after paused from P1 until P2`, for plain units,
// business hours and business days. Which events pause which clock (at or after A, other than
// A, correlated except on `by`), repeated and stray events, empty pauses at one instant, pauses
// at the instant of the target or of A, pauses after the deadline, pending and missing, the
// measured counted and paused time, nights, weekends and DST in New York.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

const std::string kHeader = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Client
party Vendor
  business hours mon-fri 09:00-17:00
)";

std::string clock(const std::string& within, const std::string& same = " with same incident") {
  return kHeader + "term \"P\"\n  every incident by Client requires resolution by Vendor" + same + " within " + within +
         " after paused from waiting_for_client until client_replied\n";
}

std::string ev(const std::string& type, const std::string& id, const std::string& at, const std::string& incident,
               const std::string& by = "") {
  std::string who = by.empty() ? (type == "incident" || type == "client_replied" ? "Client" : "Vendor") : by;
  std::string key = incident.empty() ? "" : ", incident: " + incident;
  return "{id: " + id + ", at: " + at + ", type: " + type + ", by: " + who + key + "}";
}
std::string inc(const std::string& id, const std::string& at) { return ev("incident", id, at, id); }
std::string wait(const std::string& id, const std::string& at, const std::string& incident) {
  return ev("waiting_for_client", id, at, incident);
}
std::string reply(const std::string& id, const std::string& at, const std::string& incident) {
  return ev("client_replied", id, at, incident);
}
std::string res(const std::string& id, const std::string& at, const std::string& incident) {
  return ev("resolution", id, at, incident);
}

const std::string k8h = clock("8 hours");
const char* kAsOf = "2026-03-10T00:00:00Z";

}  // namespace

TEST_CASE("V2.4 plain clock: pauses subtracted", "[eval][pause]") {
  // 2026-03-02 is a Monday. 8 hours from 08:00 is 16:00 without pauses.
  check_cases({
      {"a 4-hour pause: resolved after 11 h, 7 h counted: met", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T10:00:00Z", "I1"),
               reply("Y1", "2026-03-02T14:00:00Z", "I1"), res("S1", "2026-03-02T19:00:00Z", "I1")}),
       kAsOf, {}},
      {"no pause: late", k8h, events({inc("I1", "2026-03-02T08:00:00Z"), res("S1", "2026-03-02T19:00:00Z", "I1")}), kAsOf,
       {"P|1|late|Vendor|I1,S1"}},
      {"two pauses add up", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T09:00:00Z", "I1"),
               reply("Y1", "2026-03-02T10:00:00Z", "I1"), wait("W2", "2026-03-02T12:00:00Z", "I1"),
               reply("Y2", "2026-03-02T13:00:00Z", "I1"), res("S1", "2026-03-02T18:00:00Z", "I1")}),
       kAsOf, {}},
      {"a repeated P1 while paused changes nothing; a stray P2 ends nothing", k8h,
       events({inc("I2", "2026-03-03T08:00:00Z"), wait("W2a", "2026-03-03T09:00:00Z", "I2"),
               wait("W2b", "2026-03-03T09:30:00Z", "I2"), reply("Y2a", "2026-03-03T10:00:00Z", "I2"),
               reply("Y2b", "2026-03-03T11:00:00Z", "I2"), res("S2", "2026-03-03T18:00:00Z", "I2")}),
       kAsOf, {"P|1|late|Vendor|I2,S2"}},
      {"a stray P2 before a pause does not end it", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), reply("Y0", "2026-03-02T09:00:00Z", "I1"),
               wait("W1", "2026-03-02T10:00:00Z", "I1"), reply("Y1", "2026-03-02T12:00:00Z", "I1"),
               res("S1", "2026-03-02T17:30:00Z", "I1")}),
       kAsOf, {}},
      {"a pause before A does not count (its P2 is stray)", k8h,
       events({wait("W6", "2026-03-06T11:00:00Z", "I6"), inc("I6", "2026-03-06T12:00:00Z"),
               reply("Y6", "2026-03-06T13:00:00Z", "I6"), res("S6", "2026-03-06T20:30:00Z", "I6")}),
       kAsOf, {"P|1|late|Vendor|I6,S6"}},
  });
}

TEST_CASE("V2.4 plain clock: events at one instant", "[eval][pause][instant]") {
  check_cases({
      // P1 at A's instant, before A in the log: at or after A.at counts. Paused 08:00-10:00.
      {"a pause at A's instant counts, whatever the log order", k8h,
       events({wait("W1", "2026-03-02T08:00:00Z", "I1"), inc("I1", "2026-03-02T08:00:00Z"),
               reply("Y1", "2026-03-02T10:00:00Z", "I1"), res("S1", "2026-03-02T18:00:00Z", "I1")}),
       kAsOf, {}},
      {"P2 then P1 at one instant: an empty pause", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), reply("Y1", "2026-03-02T10:00:00Z", "I1"),
               wait("W1", "2026-03-02T10:00:00Z", "I1"), res("S1", "2026-03-02T16:30:00Z", "I1")}),
       kAsOf, {"P|1|late|Vendor|I1,S1"}},
      {"P1 then P2 at one instant: an empty pause", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T10:00:00Z", "I1"),
               reply("Y1", "2026-03-02T10:00:00Z", "I1"), res("S1", "2026-03-02T16:30:00Z", "I1")}),
       kAsOf, {"P|1|late|Vendor|I1,S1"}},
      {"without its P2 the same P1 holds the clock: pending", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T10:00:00Z", "I1")}), kAsOf, {}, {"I1"}},
      // The deadline 16:00 passed; a pause from the target's own instant changes nothing.
      {"a pause at the target's instant, before it in the log: ignored", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T17:00:00Z", "I1"),
               res("S1", "2026-03-02T17:00:00Z", "I1")}),
       kAsOf, {"P|1|late|Vendor|I1,S1"}},
      {"a pause after the target: ignored", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), res("S1", "2026-03-02T16:30:00Z", "I1"),
               wait("W1", "2026-03-02T16:45:00Z", "I1"), reply("Y1", "2026-03-02T18:00:00Z", "I1")}),
       kAsOf, {"P|1|late|Vendor|I1,S1"}},
      {"a target at the deadline instant is in time", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T09:00:00Z", "I1"),
               reply("Y1", "2026-03-02T09:30:00Z", "I1"), res("S1", "2026-03-02T16:30:00Z", "I1")}),
       kAsOf, {}},
  });
}

TEST_CASE("V2.4 plain clock: pauses after the deadline", "[eval][pause]") {
  check_cases({
      {"a pause after the deadline does not make a late target in time", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T17:00:00Z", "I1"),
               reply("Y1", "2026-03-02T20:00:00Z", "I1"), res("S1", "2026-03-02T21:00:00Z", "I1")}),
       kAsOf, {"P|1|late|Vendor|I1,S1"}},
      {"a pause running at as-of that began after the deadline: missing", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T17:00:00Z", "I1")}), kAsOf,
       {"P|1|missing|Vendor|I1"}},
      {"a pause that began exactly at the deadline: missing", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T16:00:00Z", "I1")}), kAsOf,
       {"P|1|missing|Vendor|I1"}},
      {"a pause that began a moment before the deadline: pending", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T15:59:59Z", "I1")}), kAsOf, {}, {"I1"}},
      {"no target and the deadline after as-of: pending", k8h,
       events({inc("I1", "2026-03-09T20:00:00Z"), wait("W1", "2026-03-09T21:00:00Z", "I1"),
               reply("Y1", "2026-03-09T22:00:00Z", "I1")}),
       kAsOf, {}, {"I1"}},
  });
}

TEST_CASE("V2.4 which pause events belong to which clock", "[eval][pause][correlation]") {
  const std::string by_too = kHeader + R"(term "P"
  every incident by Vendor requires resolution with same incident, `by` within 8 hours after paused from waiting_for_client until client_replied
)";
  const std::string uncorrelated = kHeader + R"(term "P"
  every incident by Client requires resolution by Vendor within 8 hours after paused from waiting_for_client until client_replied
)";
  const std::string self = kHeader + R"(term "P"
  every incident requires resolution within 8 hours after paused from incident until client_replied
)";
  const std::string toggle = kHeader + R"(term "P"
  every incident by Client requires resolution by Vendor with same incident within 8 hours after paused from hold until hold
)";
  check_cases({
      {"another key's pause: not this clock's", k8h,
       events({inc("I5", "2026-03-06T08:00:00Z"), wait("W9", "2026-03-06T09:00:00Z", "I9"),
               reply("Y9", "2026-03-06T12:00:00Z", "I9"), res("S5", "2026-03-06T17:00:00Z", "I5")}),
       kAsOf, {"P|1|late|Vendor|I5,S5"}},
      {"a pause event lacking the correlated attribute: ignored", k8h,
       events({inc("I1", "2026-03-02T08:00:00Z"), wait("W1", "2026-03-02T09:00:00Z", ""),
               reply("Y1", "2026-03-02T12:00:00Z", ""), res("S1", "2026-03-02T17:00:00Z", "I1")}),
       kAsOf, {"P|1|late|Vendor|I1,S1"}},
      // `with same `by`` binds the target (a resolution by the incident's own party), never the
      // pause events: the Vendor's waiting and the Client's reply pause the Vendor's incident.
      {"a correlation on by does not apply to pause events", by_too,
       events({ev("incident", "I1", "2026-03-02T08:00:00Z", "I1", "Vendor"),
               ev("waiting_for_client", "W1", "2026-03-02T09:00:00Z", "I1", "Vendor"),
               ev("client_replied", "Y1", "2026-03-02T12:00:00Z", "I1", "Client"),
               ev("resolution", "S0", "2026-03-02T13:00:00Z", "I1", "Client"),
               ev("resolution", "S1", "2026-03-02T18:30:00Z", "I1", "Vendor")}),
       kAsOf, {}},
      {"a correlation on by still binds the target", by_too,
       events({ev("incident", "I1", "2026-03-02T08:00:00Z", "I1", "Vendor"),
               ev("resolution", "S0", "2026-03-02T13:00:00Z", "I1", "Client")}),
       kAsOf, {"P|1|missing|Vendor|I1"}},
      {"without correlation every pause event concerns every open clock", uncorrelated,
       events({inc("I1", "2026-03-02T08:00:00Z"), inc("I2", "2026-03-02T09:00:00Z"),
               wait("W", "2026-03-02T10:00:00Z", "X"), reply("Y", "2026-03-02T12:00:00Z", "X"),
               res("S", "2026-03-02T18:30:00Z", "X")}),
       kAsOf, {"P|1|late|Vendor|I1,S"}},
      // I1 matches P1 but never pauses its own clock; I2 pauses I1's (09:00-10:00) and not its own.
      {"the activation itself is no pause event of its own clock", self,
       events({inc("I1", "2026-03-02T08:00:00Z"), inc("I2", "2026-03-02T09:00:00Z"),
               reply("Y", "2026-03-02T10:00:00Z", "X"), res("S", "2026-03-02T17:30:00Z", "X")}),
       kAsOf, {"P|1|late|unassigned|I1,S", "P|1|late|unassigned|I2,S"}},
      {"an event matching P1 and P2 starts a pause, the next one ends it", toggle,
       events({inc("I1", "2026-03-02T08:00:00Z"), ev("hold", "H1", "2026-03-02T09:00:00Z", "I1"),
               ev("hold", "H2", "2026-03-02T11:00:00Z", "I1"), res("S1", "2026-03-02T18:00:00Z", "I1")}),
       kAsOf, {}},
  });
}

TEST_CASE("V2.4 business-hour clocks across nights and weekends", "[eval][pause][business]") {
  const std::string t = clock("4 business hours");
  check_cases({
      // Mon 15:00-16:00 counts 1 h; paused Mon 16:00 - Tue 10:00; Tue 10:00 + 3 h = 13:00.
      {"paused over a night: met", t,
       events({inc("R1", "2026-03-02T15:00:00Z"), wait("W1", "2026-03-02T16:00:00Z", "R1"),
               reply("Y1", "2026-03-03T10:00:00Z", "R1"), res("F1", "2026-03-03T12:30:00Z", "R1")}),
       kAsOf, {}},
      // Fri 16:00-16:30 counts 0.5 h; paused Fri 16:30 - Mon 09:30; Mon 09:30 + 3.5 h = 13:00.
      {"paused over a weekend: late by 30 minutes", t,
       events({inc("R2", "2026-03-06T16:00:00Z"), wait("W2", "2026-03-06T16:30:00Z", "R2"),
               reply("Y2", "2026-03-09T09:30:00Z", "R2"), res("F2", "2026-03-09T13:30:00Z", "R2")}),
       kAsOf, {"P|1|late|Vendor|R2,F2"}},
      {"paused only while closed: the deadline does not move (met at it)", t,
       events({inc("R3", "2026-03-02T15:00:00Z"), wait("W3", "2026-03-02T18:00:00Z", "R3"),
               reply("Y3", "2026-03-03T08:00:00Z", "R3"), res("F3", "2026-03-03T11:00:00Z", "R3")}),
       kAsOf, {}},
      {"paused only while closed: a minute after the deadline is late", t,
       events({inc("R3", "2026-03-02T15:00:00Z"), wait("W3", "2026-03-02T18:00:00Z", "R3"),
               reply("Y3", "2026-03-03T08:00:00Z", "R3"), res("F3", "2026-03-03T11:01:00Z", "R3")}),
       kAsOf, {"P|1|late|Vendor|R3,F3"}},
      // Activated on Saturday: counting starts Monday 09:00; paused Mon 10:00-11:00: deadline 14:00.
      {"activated outside hours, paused inside", t,
       events({inc("R4", "2026-03-07T10:00:00Z"), wait("W4", "2026-03-09T10:00:00Z", "R4"),
               reply("Y4", "2026-03-09T11:00:00Z", "R4"), res("F4", "2026-03-09T14:00:00Z", "R4")}),
       kAsOf, {}},
  });
}

TEST_CASE("V2.4 business-day clocks", "[eval][pause][business-days]") {
  const std::string t = clock("1 business day");
  check_cases({
      // Mon 10:00, 1 business day: Tue 24:00 without pauses. All of Tuesday paused: Wed 24:00.
      {"a business day paused moves the deadline a day", t,
       events({inc("D1", "2026-03-02T10:00:00Z"), wait("W1", "2026-03-03T00:00:00Z", "D1"),
               reply("Y1", "2026-03-04T00:00:00Z", "D1"), res("F1", "2026-03-04T20:00:00Z", "D1")}),
       kAsOf, {}},
      {"without the pause the same answer is late", t,
       events({inc("D1", "2026-03-02T10:00:00Z"), res("F1", "2026-03-04T20:00:00Z", "D1")}), kAsOf, {"P|1|late|Vendor|D1,F1"}},
      // Fri 10:00: Mon 24:00. A pause over the weekend counts nothing (not business days).
      {"a pause over the weekend changes nothing", t,
       events({inc("D2", "2026-03-06T10:00:00Z"), wait("W2", "2026-03-07T10:00:00Z", "D2"),
               reply("Y2", "2026-03-08T10:00:00Z", "D2"), res("F2", "2026-03-10T00:30:00Z", "D2")}),
       "2026-03-11T00:00:00Z", {"P|1|late|Vendor|D2,F2"}},
  });
}

TEST_CASE("V2.4 clocks across DST in New York", "[eval][pause][dst]") {
  auto ny = [](const std::string& rule_tail) {
    return std::string(R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
party Client
party Vendor
  business hours mon-fri 09:00-17:00
term "P"
  every incident by Client requires resolution by Vendor with same incident within )") +
           rule_tail + " after paused from waiting_for_client until client_replied\n";
  };
  const std::string hours8 = ny("8 hours");
  const std::string bhours2 = ny("2 business hours");
  const std::string bday1 = ny("1 business day");
  const char* as_of = "2026-12-01T00:00:00Z";
  check_cases({
      // Sat 03-07 22:00 EST (03:00Z); paused 23:00-00:00 EST; 9 h elapsed: 12:00Z = 08:00 EDT.
      {"elapsed time across the spring gap: met at the deadline", hours8,
       events({inc("I1", "2026-03-07T22:00:00-05:00"), wait("W1", "2026-03-07T23:00:00-05:00", "I1"),
               reply("Y1", "2026-03-08T00:00:00-05:00", "I1"), res("S1", "2026-03-08T08:00:00-04:00", "I1")}),
       as_of, {}},
      {"elapsed time across the spring gap: a minute late", hours8,
       events({inc("I1", "2026-03-07T22:00:00-05:00"), wait("W1", "2026-03-07T23:00:00-05:00", "I1"),
               reply("Y1", "2026-03-08T00:00:00-05:00", "I1"), res("S1", "2026-03-08T08:01:00-04:00", "I1")}),
       as_of, {"P|1|late|Vendor|I1,S1"}},
      // Fri 10-30 16:00 EDT, 0.5 h counted; paused 16:30 EDT - Mon 11-02 10:00 EST; + 1.5 h: 11:30 EST.
      {"business hours across the autumn fold", bhours2,
       events({inc("I2", "2026-10-30T16:00:00-04:00"), wait("W2", "2026-10-30T16:30:00-04:00", "I2"),
               reply("Y2", "2026-11-02T10:00:00-05:00", "I2"), res("S2", "2026-11-02T11:30:00-05:00", "I2")}),
       as_of, {}},
      {"business hours across the autumn fold: late", bhours2,
       events({inc("I2", "2026-10-30T16:00:00-04:00"), wait("W2", "2026-10-30T16:30:00-04:00", "I2"),
               reply("Y2", "2026-11-02T10:00:00-05:00", "I2"), res("S2", "2026-11-02T11:31:00-05:00", "I2")}),
       as_of, {"P|1|late|Vendor|I2,S2"}},
      // Fri 03-06 12:00 EST: Mon 03-09 24:00 EDT without pauses (Fri 12 h + Mon 24 h counted).
      // Paused Mon 00:00-12:00 EDT: the last 12 h run on Tuesday to 12:00 EDT.
      {"business days across the spring change", bday1,
       events({inc("I3", "2026-03-06T12:00:00-05:00"), wait("W3", "2026-03-09T00:00:00-04:00", "I3"),
               reply("Y3", "2026-03-09T12:00:00-04:00", "I3"), res("S3", "2026-03-10T12:00:00-04:00", "I3")}),
       as_of, {}},
      {"business days across the spring change: late", bday1,
       events({inc("I3", "2026-03-06T12:00:00-05:00"), wait("W3", "2026-03-09T00:00:00-04:00", "I3"),
               reply("Y3", "2026-03-09T12:00:00-04:00", "I3"), res("S3", "2026-03-10T12:01:00-04:00", "I3")}),
       as_of, {"P|1|late|Vendor|I3,S3"}},
  });
}

TEST_CASE("V2.4 measured counted and paused time", "[eval][pause][measured]") {
  struct Row {
    const char* name;
    std::string terms;
    std::vector<std::string> log;
    std::string measured;
  };
  std::vector<Row> rows{
      {"late: counted up to Q, paused 1 h", k8h,
       {inc("I2", "2026-03-03T08:00:00Z"), wait("W2", "2026-03-03T09:00:00Z", "I2"), reply("Y2", "2026-03-03T10:00:00Z", "I2"),
        res("S2", "2026-03-03T18:00:00Z", "I2")},
       "late delay_hours=1 counted_hours=9 paused_hours=1"},
      {"missing: counted up to as-of", k8h,
       {inc("I4", "2026-03-05T08:00:00Z"), wait("W4", "2026-03-05T10:00:00Z", "I4"), reply("Y4", "2026-03-05T11:00:00Z", "I4")},
       "missing counted_hours=111 paused_hours=1"},
      {"pending: paused since 12:00 with 4 h counted", k8h,
       {inc("I3", "2026-03-04T08:00:00Z"), wait("W3", "2026-03-04T12:00:00Z", "I3")},
       "pending counted_hours=4 paused_hours=132"},
      {"missing after a pause that began past the deadline: paused time still measured", k8h,
       {inc("I1", "2026-03-09T08:00:00Z"), wait("W1", "2026-03-09T20:00:00Z", "I1")},
       "missing counted_hours=12 paused_hours=4"},
      {"business hours: counted in business time", clock("4 business hours"),
       {inc("R2", "2026-03-06T16:00:00Z"), wait("W2", "2026-03-06T16:30:00Z", "R2"), reply("Y2", "2026-03-09T09:30:00Z", "R2"),
        res("F2", "2026-03-09T13:30:00Z", "R2")},
       "late delay_hours=0.5 counted_hours=4.5 paused_hours=65"},
      {"business days: counted on business dates", clock("1 business day"),
       {inc("D1", "2026-03-02T10:00:00Z"), wait("W1", "2026-03-03T00:00:00Z", "D1"), reply("Y1", "2026-03-03T12:00:00Z", "D1"),
        res("F1", "2026-03-04T13:00:00Z", "D1")},
       "late delay_hours=1 counted_hours=39 paused_hours=12"},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    auto s = run(row.terms, events(row.log), kAsOf);
    CHECK(dump_measured(*s) == lines({row.measured}));
  }
}

TEST_CASE("V2.4 messages", "[eval][pause]") {
  auto late = run(k8h,
                  events({inc("I2", "2026-03-03T08:00:00Z"), wait("W2", "2026-03-03T09:00:00Z", "I2"),
                          reply("Y2", "2026-03-03T10:00:00Z", "I2"), res("S2", "2026-03-03T18:00:00Z", "I2")}),
                  kAsOf);
  REQUIRE(late->outcome.findings.size() == 1);
  CHECK(late->outcome.findings[0].message ==
        "incident I2 was answered by resolution S2 1 hour after the deadline, Tue 2026-03-03 17:00 (the clock was "
        "paused for 1 hour)");
  auto pending = run(k8h, events({inc("I3", "2026-03-04T08:00:00Z"), wait("W3", "2026-03-04T12:00:00Z", "I3")}), kAsOf);
  REQUIRE(pending->outcome.pending.size() == 1);
  CHECK(pending->outcome.pending[0].message ==
        "incident I3 is awaiting resolution by Vendor with the same incident; its clock is paused since Wed 2026-03-04 "
        "12:00, with 4 hours of 8 hours counted");
}

TEST_CASE("V2.4 with a share: a clock held by a pause is an open case", "[eval][pause][share]") {
  const std::string t = kHeader + R"(term "P"
  every incident by Client requires resolution by Vendor with same incident within 8 hours after paused from waiting_for_client until client_replied in at least 50% of cases every month
)";
  // February: I1 late, I2 held by a pause at as-of (open): 1 of 2 failed, 1 open: pending.
  auto s = run(t,
               events({inc("I1", "2026-02-02T08:00:00Z"), res("S1", "2026-02-02T17:00:00Z", "I1"),
                       inc("I2", "2026-02-27T08:00:00Z"), wait("W2", "2026-02-27T09:00:00Z", "I2")}),
               "2026-03-01T00:00:00Z");
  CHECK(dump_findings(*s) == "");
  CHECK(dump_pending(*s) == lines({"P|1|pending|Vendor|@2026-02-01T00:00:00+00:00 I2"}));
}
