// V2.3 share of activations: `every A requires Q ... timing [pause] in at least X% of cases
// every PERIOD [small]`. Each activation settled as 5.1 would (met, failed = late / missing /
// early, open = pending), the three-valued window verdict, no per-activation output, the cap of
// 100 cited activations, and windows and clocks across DST in New York.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string term(const std::string& rule) { return utc("term \"S\"\n  " + rule + "\n"); }

std::string ticket(const std::string& id, const std::string& at) {
  return "{id: " + id + ", at: " + at + ", type: ticket, by: Acme, ticket: " + id + "}";
}
std::string answer(const std::string& id, const std::string& at, const std::string& ticket_id) {
  return "{id: " + id + ", at: " + at + ", type: answer, by: Northwind, ticket: " + ticket_id + "}";
}

// within 4 hours after, 75%: four tickets on January 5, 12, 19, 26 at 09:00, answered after the
// given numbers of minutes (-1: never answered).
std::vector<std::string> january(std::vector<int> minutes) {
  const char* days[] = {"05", "12", "19", "26"};
  std::vector<std::string> out;
  for (size_t i = 0; i < minutes.size(); ++i) {
    std::string id = "T" + std::to_string(i + 1);
    out.push_back(ticket(id, std::string("2026-01-") + days[i] + "T09:00:00Z"));
    if (minutes[i] >= 0) {
      char at[32];
      std::snprintf(at, sizeof at, "2026-01-%sT%02d:%02d:00Z", days[i], 9 + minutes[i] / 60, minutes[i] % 60);
      out.push_back(answer("A" + std::to_string(i + 1), at, id));
    }
  }
  return out;
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const std::string kAnswered =
    term("every ticket by Acme requires answer by Northwind with same ticket within 4 hours after in at least 75% of cases "
         "every month");
const char* kWindow = "@2026-01-01T00:00:00+00:00";

}  // namespace

TEST_CASE("V2.3 share of activations: settled as 5.1, judged per window", "[eval][share][activations]") {
  const char* feb = "2026-02-01T00:00:00Z";
  check_cases({
      {"3 of 4 in time (one at exactly 4 h): 75% holds", kAnswered, events(january({60, 300, 240, 30})), feb, {}},
      {"2 late of 4: 50% below 75%: the failed activations in time order", kAnswered,
       events(january({300, 60, 241, 30})), feb, {std::string("S|1|below-target|Northwind|") + kWindow + " T1,T3"}},
      {"late and missing both fail", kAnswered, events(january({300, 60, -1, 30})), feb,
       {std::string("S|1|below-target|Northwind|") + kWindow + " T1,T3"}},
      {"an answer for another ticket does not serve", kAnswered,
       events(plus(january({60, 60, 60, -1}), {answer("X", "2026-01-26T10:00:00Z", "T9")})), feb, {}},
      {"no per-activation findings or pending items", kAnswered, events(january({300})), "2026-01-31T00:00:00Z", {}},
      {"activations of a window that is not judged are not cases", kAnswered,
       events(plus(january({60}), {ticket("T9", "2026-02-02T09:00:00Z")})), "2026-02-10T00:00:00Z", {}},
  });
}

TEST_CASE("V2.3 share of activations: the three-valued verdict", "[eval][share][activations][pending]") {
  // As-of 2026-02-01 00:00 with a ticket at 01-31 22:00 (deadline 02-01 02:00): that case is
  // open. January has 4 cases then: T1..T3 (given minutes) and T-open.
  auto with_open = [](std::vector<int> minutes) {
    return events(plus(january(minutes), {ticket("T-open", "2026-01-31T22:00:00Z")}));
  };
  const char* as_of = "2026-02-01T00:00:00Z";
  const std::string r50 =
      term("every ticket by Acme requires answer by Northwind with same ticket within 4 hours after in at least 50% of "
           "cases every month");
  check_cases({
      // 75%: F=2 of 4: (4-2)/4 = 50% < 75 whatever T-open does.
      {"fails early", kAnswered, with_open({300, 300, 60}), as_of, {std::string("S|1|below-target|Northwind|") + kWindow + " T1,T2"}},
      // 50%: F=0, O=1: (4-0-1)/4 = 75% >= 50 even if T-open fails.
      {"holds early", r50, with_open({60, 60, 60}), as_of, {}},
      // 75%: F=1, O=1: (4-1)/4 = 75 not below; (4-1-1)/4 = 50 < 75: pending, listing the open case.
      {"pending while the open case decides", kAnswered, with_open({300, 60, 60}), as_of, {},
       {std::string("S|1|pending|Northwind|") + kWindow + " T-open"}},
      // The same window once T-open is answered in time (4 h) / late.
      {"decided: met", kAnswered,
       events(plus(january({300, 60, 60}), {ticket("T-open", "2026-01-31T22:00:00Z"),
                                            answer("A-open", "2026-02-01T02:00:00Z", "T-open")})),
       "2026-02-01T03:00:00Z", {}},
      {"decided: missed", kAnswered,
       events(plus(january({300, 60, 60}), {ticket("T-open", "2026-01-31T22:00:00Z")})), "2026-02-01T02:00:00Z",
       {std::string("S|1|below-target|Northwind|") + kWindow + " T1,T-open"}},
  });
}

TEST_CASE("V2.3 share of activations: the small-sample clause, three-valued", "[eval][share][activations][small]") {
  const std::string t =
      term("every ticket by Acme requires answer by Northwind with same ticket within 4 hours after in at least 90% of "
           "cases every month or at most 1 failed when fewer than 10 cases");
  auto with_open = [](std::vector<int> minutes) {
    return events(plus(january(minutes), {ticket("T-open", "2026-01-31T22:00:00Z")}));
  };
  const char* as_of = "2026-02-01T00:00:00Z";
  check_cases({
      {"F=2 > 1: fails", t, with_open({300, 300, 60}), as_of, {std::string("S|1|below-target|Northwind|") + kWindow + " T1,T2"}},
      {"F+O = 1 <= 1: holds", t, with_open({60, 60, 60}), as_of, {}},
      {"F=1, O=1: pending", t, with_open({300, 60, 60}), as_of, {}, {std::string("S|1|pending|Northwind|") + kWindow + " T-open"}},
      {"F=1, no open case: holds although the share is 75%", t, events(january({300, 60, 60, 60})), as_of, {}},
  });
}

TEST_CASE("V2.3 share of activations: every 5.1 reason counts as failed", "[eval][share][activations][reasons]") {
  auto share = [](const std::string& timing) {
    return term("every visit requires notice with same visit " + timing + " in at least 100% of cases every month");
  };
  auto visit = [](const std::string& id, const std::string& at) {
    return "{id: " + id + ", at: " + at + ", type: visit, visit: " + id + "}";
  };
  auto notice = [](const std::string& id, const std::string& at, const std::string& v) {
    return "{id: " + id + ", at: " + at + ", type: notice, visit: " + v + "}";
  };
  const char* feb = "2026-02-01T00:00:00Z";
  check_cases({
      {"before: missing", share("before"), events({visit("V1", "2026-01-10T10:00:00Z")}), feb,
       {"S|1|below-target|unassigned|" + std::string(kWindow) + " V1"}},
      {"before: met", share("before"), events({notice("N1", "2026-01-09T10:00:00Z", "V1"), visit("V1", "2026-01-10T10:00:00Z")}),
       feb, {}},
      {"at least D before: late", share("at least 48 hours before"),
       events({notice("N1", "2026-01-09T10:00:00Z", "V1"), visit("V1", "2026-01-10T10:00:00Z")}), feb,
       {"S|1|below-target|unassigned|" + std::string(kWindow) + " V1"}},
      {"within D before: early", share("within 2 hours before"),
       events({notice("N1", "2026-01-09T10:00:00Z", "V1"), visit("V1", "2026-01-10T10:00:00Z")}), feb,
       {"S|1|below-target|unassigned|" + std::string(kWindow) + " V1"}},
      {"within D before: met", share("within 2 hours before"),
       events({notice("N1", "2026-01-10T09:00:00Z", "V1"), visit("V1", "2026-01-10T10:00:00Z")}), feb, {}},
      // Plain `after`: open until the judged interval reaches the effective end, then missing.
      {"after: open before the effective end", share("after"), events({visit("V1", "2026-01-10T10:00:00Z")}), feb, {},
       {"S|1|pending|unassigned|" + std::string(kWindow) + " V1"}},
      {"after: missing at the effective end", share("after"), events({visit("V1", "2026-01-10T10:00:00Z")}),
       "2027-01-01T00:00:00Z", {"S|1|below-target|unassigned|" + std::string(kWindow) + " V1"}},
      {"after: met", share("after"), events({visit("V1", "2026-01-10T10:00:00Z"), notice("N1", "2026-03-01T10:00:00Z", "V1")}),
       "2026-03-02T00:00:00Z", {}},
  });
}

TEST_CASE("V2.3 share of activations: no later than", "[eval][share][activations]") {
  const std::string t =
      term("every commitment requires delivery with same commitment no later than due in at least 100% of cases every "
           "month");
  // C2 has no readable due date: skipped (an input warning), so it is not a case; C1 is met.
  auto s = run(t,
               events({"{id: C1, at: 2026-01-05T10:00:00Z, type: commitment, commitment: C1, due: 2026-01-10}",
                       "{id: C2, at: 2026-01-06T10:00:00Z, type: commitment, commitment: C2, due: soon}",
                       "{id: D1, at: 2026-01-10T23:00:00Z, type: delivery, commitment: C1}"}),
               "2026-02-01T00:00:00Z");
  CHECK(dump_findings(*s) == "");
  CHECK(dump_pending(*s) == "");
  CHECK_THAT(warnings_text(*s), Catch::Contains("C2 has no readable `due` date"));
}

TEST_CASE("V2.3 share of activations: at most 100 activations cited, all counted", "[eval][share][activations][cap]") {
  // 120 tickets on 2026-01-05 from 00:00, one a minute; none answered; and 30 answered ones.
  std::vector<std::string> log;
  char at[32];
  for (int k = 0; k < 150; ++k) {
    std::snprintf(at, sizeof at, "2026-01-05T%02d:%02d:00Z", k / 60, k % 60);
    std::string id = "T" + std::to_string(k + 1);
    log.push_back(ticket(id, at));
    if (k >= 120) log.push_back(answer("A" + std::to_string(k + 1), at, id));
  }
  auto s = run(kAnswered, events(log), "2026-02-01T00:00:00Z");
  std::string cited;
  for (int k = 1; k <= 100; ++k) cited += (k > 1 ? ",T" : "T") + std::to_string(k);
  CHECK(dump_findings(*s) == lines({std::string("S|1|below-target|Northwind|") + kWindow + " " + cited}));
  CHECK(dump_measured(*s) == lines({"below-target cases=150 failed=120 open=0 share=20 target=75"}));
}

TEST_CASE("V2.3 share of activations: measured values and messages", "[eval][share][activations]") {
  auto s = run(kAnswered, events(plus(january({300, 60, 60}), {ticket("T-open", "2026-01-31T22:00:00Z")})),
               "2026-02-01T00:00:00Z");
  CHECK(dump_measured(*s) == lines({"pending cases=4 failed=1 open=1 share=75 target=75"}));
  REQUIRE(s->outcome.pending.size() == 1);
  const auto& p = s->outcome.pending[0];
  CHECK(p.at == instant("2026-01-01T00:00:00Z"));
  REQUIRE(p.window);
  CHECK(p.window->end == instant("2026-02-01T00:00:00Z"));
  CHECK_THAT(p.message, Catch::Contains("1 failed (1 late) and 1 still open; it holds only if every open case is met"));

  auto f = run(kAnswered, events(january({300, -1, 60, 60})), "2026-02-01T00:00:00Z");
  CHECK(dump_measured(*f) == lines({"below-target cases=4 failed=2 open=0 share=50 target=75"}));
  REQUIRE(f->outcome.findings.size() == 1);
  CHECK_THAT(f->outcome.findings[0].message,
             Catch::Contains("2 of 4 `ticket by Acme` failed in January 2026 (1 late, 1 missing), so 50% were in time"));
}

TEST_CASE("V2.3 share of activations: windows judged and failed for never-met", "[eval][share][activations][never-met]") {
  // January fails, February has no case, March is pending (as-of 04-01 00:00, a ticket at 03-31 22:00).
  auto s = run(kAnswered,
               events(plus(january({300, 300, 60, 60}),
                           {ticket("M1", "2026-03-02T09:00:00Z"), answer("B1", "2026-03-02T10:00:00Z", "M1"),
                            ticket("M2", "2026-03-31T22:00:00Z")})),
               "2026-04-01T00:00:00Z");
  CHECK(dump_findings(*s) == lines({std::string("S|1|below-target|Northwind|") + kWindow + " T1,T2"}));
  CHECK(dump_pending(*s) == lines({"S|1|pending|Northwind|@2026-03-01T00:00:00+00:00 M2"}));
  REQUIRE(s->outcome.periodic.size() == 1);
  CHECK(s->outcome.periodic[0].judged_windows == 1);  // the empty February and the pending March are not judged
  CHECK(s->outcome.periodic[0].failed_windows == 1);
}

TEST_CASE("V2.3 share of activations: DST in New York", "[eval][share][activations][dst]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
party Acme
party Northwind
term "S"
  every ticket by Acme requires answer by Northwind with same ticket within 2 hours after in at least 100% of cases every day
)";
  check_cases({
      // 03-08 has 23 hours: a ticket at 23:30 EDT belongs to 03-08; 2 hours of elapsed time from
      // 01:30 EST end at 04:30 EDT (03:30 does not exist).
      {"a late ticket at 23:30 on the short day", t,
       events({ticket("T1", "2026-03-08T23:30:00-04:00"), answer("A1", "2026-03-09T01:31:00-04:00", "T1")}),
       "2026-03-10T00:00:00-04:00", {"S|1|below-target|Northwind|@2026-03-08T00:00:00-05:00 T1"}},
      {"across the gap: 04:30 EDT is exactly 2 hours after 01:30 EST", t,
       events({ticket("T1", "2026-03-08T01:30:00-05:00"), answer("A1", "2026-03-08T04:30:00-04:00", "T1")}),
       "2026-03-09T00:00:00-04:00", {}},
      {"across the gap: 04:31 EDT is late", t,
       events({ticket("T1", "2026-03-08T01:30:00-05:00"), answer("A1", "2026-03-08T04:31:00-04:00", "T1")}),
       "2026-03-09T00:00:00-04:00", {"S|1|below-target|Northwind|@2026-03-08T00:00:00-05:00 T1"}},
      // 11-01 has 25 hours: 01:30 EDT + 2 h = 02:30 EST (01:30 EST is only one hour later).
      {"across the fold: 02:30 EST is exactly 2 hours after 01:30 EDT", t,
       events({ticket("T1", "2026-11-01T01:30:00-04:00"), answer("A1", "2026-11-01T02:30:00-05:00", "T1")}),
       "2026-11-02T00:00:00-05:00", {}},
  });
}

TEST_CASE("V2.3 share of activations: the acting parties of a window (V2.1)", "[eval][share][activations][acting]") {
  const std::string t = term(
      "every termination requires termination_notice with same `by` at least 2 days before in at least 100% of cases "
      "every month");
  auto termination = [](const std::string& id, const std::string& at, const std::string& by) {
    return "{id: " + id + ", at: " + at + ", type: termination, by: " + by + "}";
  };
  // Failed terminations by Northwind then Acme: both responsible, in declaration order.
  check_cases({
      {"the distinct by of the failed activations, in declaration order", t,
       events({termination("X1", "2026-01-10T10:00:00Z", "Northwind"), termination("X2", "2026-01-11T10:00:00Z", "Acme"),
               termination("X3", "2026-01-12T10:00:00Z", "Northwind")}),
       "2026-02-01T00:00:00Z", {std::string("S|1|below-target|Acme,Northwind|") + kWindow + " X1,X2,X3"}},
      {"a party whose activations were all met is not responsible", t,
       events({"{id: N1, at: 2026-01-01T10:00:00Z, type: termination_notice, by: Acme}",
               termination("X1", "2026-01-10T10:00:00Z", "Northwind"), termination("X2", "2026-01-11T10:00:00Z", "Acme")}),
       "2026-02-01T00:00:00Z", {std::string("S|1|below-target|Northwind|") + kWindow + " X1"}},
  });
  // 101 failures by Acme, then one by Northwind: Northwind's is not among the 100 cited, yet it
  // is one of the window's acting parties.
  std::vector<std::string> log;
  char at[32];
  for (int k = 0; k < 102; ++k) {
    std::snprintf(at, sizeof at, "2026-01-05T%02d:%02d:00Z", k / 60, k % 60);
    log.push_back(termination("X" + std::to_string(k + 1), at, k < 101 ? "Acme" : "Northwind"));
  }
  auto s = run(t, events(log), "2026-02-01T00:00:00Z");
  REQUIRE(s->outcome.findings.size() == 1);
  CHECK(s->outcome.findings[0].events.size() == 100);
  CHECK(s->outcome.findings[0].responsible == std::vector<std::string>{"Acme", "Northwind"});
}
