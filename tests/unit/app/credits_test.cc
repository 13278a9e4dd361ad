// Spec V2.8, service credits: which findings are priced and how much (fixed amounts, a
// percentage of a fee, per started day / hour late, tiers), who owes them in which shares, the
// window each credit falls in and the cap per party and window.
#include "tests/unit/app/credits_fixture.h"

using namespace pactum;
using namespace pactum::credits_test;
using eval_test::events;

namespace {

std::string ev(const std::string& id, const std::string& at, const std::string& type, const std::string& extra = "") {
  return "{id: " + id + ", at: " + at + ", type: " + type + extra + "}";
}

// `every ticket requires answer by Northwind with same ticket within 4 hours after`, priced by `credits`.
std::string tickets(const std::string& credits, const std::string& options = "") {
  return header(options) + "term \"Tickets\"\n" + credits +
         "  every ticket requires answer by Northwind with same ticket within 4 hours after\n";
}

std::string releases(const std::string& credits, const std::string& options = "") {
  return header(options) + "term \"Releases\"\n" + credits +
         "  every release requires delivery by Northwind with same release within 2 days after\n";
}

}  // namespace

TEST_CASE("V2.8 a fixed credit per finding: late and missing alike, met and pending never", "[credits]") {
  std::string log = events({
      ev("T1", "2026-01-05T10:00:00Z", "ticket", ", ticket: T1"),
      ev("A1", "2026-01-05T15:00:00Z", "answer", ", by: Northwind, ticket: T1"),
      ev("T2", "2026-01-06T10:00:00Z", "ticket", ", ticket: T2"),
      ev("T3", "2026-01-07T10:00:00Z", "ticket", ", ticket: T3"),
      ev("A3", "2026-01-07T11:00:00Z", "answer", ", by: Northwind, ticket: T3"),
      ev("T4", "2026-01-31T22:00:00Z", "ticket", ", ticket: T4"),  // pending at as-of
  });
  check_cases({
      {"credit 100", tickets("  credit 100\n"), log, "2026-01-31T23:00:00Z",
       {"Tickets|1|late|Northwind|T1,A1 => 100.00 Northwind", "Tickets|1|missing|Northwind|T2 => 100.00 Northwind"},
       {"by_period Northwind 2026-01-01T00:00:00+00:00 200.00/0.00/200.00", "by_party Acme 0.00/0.00/0.00",
        "by_party Northwind 200.00/0.00/200.00"}},
      {"`per finding` is the default, written out", tickets("  credit 100 per finding\n"), log, "2026-01-31T23:00:00Z",
       {"Tickets|1|late|Northwind|T1,A1 => 100.00 Northwind", "Tickets|1|missing|Northwind|T2 => 100.00 Northwind"}},
  });
}

TEST_CASE("V2.8 per day late and per hour late: started days / hours past the deadline", "[credits]") {
  // Deadlines: R1 01-12 10:00, R2 03-04 10:00, R3 03-27 10:00, R5 02-05 10:00.
  std::string log = events({
      ev("R1", "2026-01-10T10:00:00Z", "release", ", release: R1"),
      ev("D1", "2026-01-14T11:00:00Z", "delivery", ", by: Northwind, release: R1"),  // 2 d 1 h: 3 days, 49 hours
      ev("R5", "2026-02-03T10:00:00Z", "release", ", release: R5"),
      ev("D5", "2026-02-05T10:00:00.001Z", "delivery", ", by: Northwind, release: R5"),  // 1 ms: 1 day, 1 hour
      ev("R2", "2026-03-02T10:00:00Z", "release", ", release: R2"),
      ev("D2", "2026-03-06T10:00:00Z", "delivery", ", by: Northwind, release: R2"),  // exactly 48 h: 2 days
      ev("R4", "2026-03-10T10:00:00Z", "release", ", release: R4"),
      ev("D4", "2026-03-12T10:00:00Z", "delivery", ", by: Northwind, release: R4"),  // at the deadline: met
      ev("R3", "2026-03-25T10:00:00Z", "release", ", release: R3"),  // missing: as-of - deadline = 4 d 14 h
  });
  check_cases({
      {"per day late", releases("  credit 250 per day late\n"), log, "2026-04-01T00:00:00Z",
       {"Releases|1|late|Northwind|R1,D1 => 750.00 Northwind", "Releases|1|late|Northwind|R5,D5 => 250.00 Northwind",
        "Releases|1|late|Northwind|R2,D2 => 500.00 Northwind", "Releases|1|missing|Northwind|R3 => 1250.00 Northwind"}},
      {"per hour late", releases("  credit 10 per hour late\n"), log, "2026-04-01T00:00:00Z",
       {"Releases|1|late|Northwind|R1,D1 => 490.00 Northwind", "Releases|1|late|Northwind|R5,D5 => 10.00 Northwind",
        "Releases|1|late|Northwind|R2,D2 => 480.00 Northwind", "Releases|1|missing|Northwind|R3 => 1100.00 Northwind"}},
      {"a missing finding whose deadline is as-of itself: 0 started days", releases("  credit 250 per day late\n"),
       events({ev("R1", "2026-01-10T10:00:00Z", "release", ", release: R1")}), "2026-01-12T10:00:00Z",
       {"Releases|1|missing|Northwind|R1 => 0.00 Northwind"}},
  });
}

TEST_CASE("V2.8 per day late applies only to findings with a deadline", "[credits]") {
  std::string notice = header() +
                       "term \"Visits\"\n  credit 100\n  credit 1000 per day late\n"
                       "  every visit requires notice by Acme with same visit at least 48 hours before\n";
  std::string due = header() +
                    "term \"Orders\"\n  credit 40 per day late\n"
                    "  every order requires shipment by Northwind with same order no later than due\n";
  check_cases({
      {"`at least D before`: late, but no deadline: only the per-finding line", notice,
       events({ev("N1", "2026-01-05T10:00:00Z", "notice", ", by: Acme, visit: V1"),
               ev("V1", "2026-01-06T10:00:00Z", "visit", ", visit: V1"), ev("V2", "2026-01-08T10:00:00Z", "visit", ", visit: V2")}),
       "2026-01-31T00:00:00Z",
       {"Visits|1|late|Acme|V1,N1 => 100.00 Acme", "Visits|1|missing|Acme|V2 => 100.00 Acme"}},
      // due 2026-01-10 is 24:00 of that day; shipped 01-12 12:00: 36 hours, 2 started days.
      {"`no later than`: per day late from the attribute's deadline", due,
       events({ev("O1", "2026-01-05T10:00:00Z", "order", ", order: O1, due: 2026-01-10"),
               ev("S1", "2026-01-12T12:00:00Z", "shipment", ", by: Northwind, order: O1")}),
       "2026-01-31T00:00:00Z", {"Orders|1|late|Northwind|O1,S1 => 80.00 Northwind"}},
      {"a rule without a deadline gets no per-day credit",
       header() + "term \"Counts\"\n  credit 70 per day late\n  at least 1 meeting every month\n", events({}),
       "2026-02-01T00:00:00Z", {"Counts|1|too-few|unassigned|@2026-01-01T00:00:00+00:00 => -"}},
  });
}

TEST_CASE("V2.8 tiers: `when measured above|below X` is strict, the largest applicable line is charged", "[credits]") {
  std::string escalations = header() +
                            "term \"Escalations\"\n  responsible Northwind\n  credit 100\n"
                            "  credit 300 when measured above 4\n  at most 2 escalation every month\n";
  std::vector<std::string> esc;
  for (int i = 1; i <= 3; ++i) esc.push_back(ev("J" + std::to_string(i), "2026-01-0" + std::to_string(i + 4) + "T10:00:00Z", "escalation"));
  for (int i = 1; i <= 5; ++i) esc.push_back(ev("F" + std::to_string(i), "2026-02-0" + std::to_string(i + 1) + "T10:00:00Z", "escalation"));
  for (int i = 1; i <= 4; ++i) esc.push_back(ev("M" + std::to_string(i), "2026-03-0" + std::to_string(i + 1) + "T10:00:00Z", "escalation"));

  std::string quality = header() +
                        "expectation \"Quality\"\n  responsible Northwind\n  credit 200\n"
                        "  credit 500 when measured below 70\n  average score of survey at least 80 every month\n";
  std::string surveys = events({ev("S1", "2026-01-10T10:00:00Z", "survey", ", score: 75"),
                                ev("S2", "2026-02-10T10:00:00Z", "survey", ", score: 60"),
                                ev("S3", "2026-02-11T10:00:00Z", "survey", ", score: 79"),
                                ev("S4", "2026-03-10T10:00:00Z", "survey", ", score: 70")});

  std::string answers = header() +
                        "term \"Answers\"\n  credit 50\n  credit 80 when measured above 24\n"
                        "  every question requires reply by Northwind with same q within 1 day after\n";
  std::string only_tiers = header() +
                           "term \"Visits\"\n  responsible Acme\n  credit 300 when measured above 5\n"
                           "  credit 100 when measured above 3\n  at most 1 visit every month\n";
  std::vector<std::string> visits;
  for (int i = 1; i <= 2; ++i) visits.push_back(ev("J" + std::to_string(i), "2026-01-0" + std::to_string(i + 4) + "T10:00:00Z", "visit"));
  for (int i = 1; i <= 4; ++i) visits.push_back(ev("F" + std::to_string(i), "2026-02-0" + std::to_string(i + 1) + "T10:00:00Z", "visit"));
  for (int i = 1; i <= 6; ++i) visits.push_back(ev("M" + std::to_string(i), "2026-03-0" + std::to_string(i + 1) + "T10:00:00Z", "visit"));

  check_cases({
      {"count (5.4): 3 and 4 are not above 4, 5 is", escalations, events(esc), "2026-04-01T00:00:00Z",
       {"Escalations|1|too-many|Northwind|@2026-01-01T00:00:00+00:00 J3 => 100.00 Northwind",
        "Escalations|1|too-many|Northwind|@2026-02-01T00:00:00+00:00 F3,F4,F5 => 300.00 Northwind",
        "Escalations|1|too-many|Northwind|@2026-03-01T00:00:00+00:00 M3,M4 => 100.00 Northwind"}},
      {"aggregate value (5.6): 69.5 is below 70, 70 and 75 are not; no-data has no value", quality, surveys,
       "2026-05-01T00:00:00Z",
       {"Quality|1|below-target|Northwind|@2026-01-01T00:00:00+00:00 S1 => 200.00 Northwind",
        "Quality|1|below-target|Northwind|@2026-02-01T00:00:00+00:00 S2,S3 => 500.00 Northwind",
        "Quality|1|below-target|Northwind|@2026-03-01T00:00:00+00:00 S4 => 200.00 Northwind",
        "Quality|1|no-data|Northwind|@2026-04-01T00:00:00+00:00 => 200.00 Northwind"}},
      {"delay in hours of a late finding: 25 h is above 24, exactly 24 h is not; missing has no value", answers,
       events({ev("Q1", "2026-01-05T10:00:00Z", "question", ", q: Q1"),
               ev("P1", "2026-01-07T11:00:00Z", "reply", ", by: Northwind, q: Q1"),
               ev("Q2", "2026-01-08T10:00:00Z", "question", ", q: Q2"),
               ev("P2", "2026-01-10T10:00:00Z", "reply", ", by: Northwind, q: Q2"),
               ev("Q3", "2026-01-12T10:00:00Z", "question", ", q: Q3")}),
       "2026-01-31T00:00:00Z",
       {"Answers|1|late|Northwind|Q1,P1 => 80.00 Northwind", "Answers|1|late|Northwind|Q2,P2 => 50.00 Northwind",
        "Answers|1|missing|Northwind|Q3 => 50.00 Northwind"}},
      {"none applies: no credit; both apply: the largest, not the sum", only_tiers, events(visits),
       "2026-04-01T00:00:00Z",
       {"Visits|1|too-many|Acme|@2026-01-01T00:00:00+00:00 J2 => -",
        "Visits|1|too-many|Acme|@2026-02-01T00:00:00+00:00 F2,F3,F4 => 100.00 Acme",
        "Visits|1|too-many|Acme|@2026-03-01T00:00:00+00:00 M2,M3,M4,M5,M6 => 300.00 Acme"}},
  });
}

TEST_CASE("V2.8 equal shares, each rounded to cents half away from zero", "[credits]") {
  auto three = [](const std::string& credit, const std::string& responsible) {
    return "agreement \"T\"\n  effective 2026-01-01 to 2026-12-31\n  timezone \"UTC\"\n"
           "party A\nparty B\nparty C\n"
           "term \"Meetings\"\n" + responsible + "  " + credit + "\n  at least 1 meeting every month\n";
  };
  check_cases({
      {"100.00 three ways is 33.33 each; totals add the rounded shares", three("credit 100", "  responsible A, B, C\n"),
       events({}), "2026-02-01T00:00:00Z",
       {"Meetings|1|too-few|A,B,C|@2026-01-01T00:00:00+00:00 => 100.00 A 33.33, B 33.33, C 33.33"},
       {"by_period A 2026-01-01T00:00:00+00:00 33.33/0.00/33.33", "by_period B 2026-01-01T00:00:00+00:00 33.33/0.00/33.33",
        "by_period C 2026-01-01T00:00:00+00:00 33.33/0.00/33.33", "by_party A 33.33/0.00/33.33",
        "by_party B 33.33/0.00/33.33", "by_party C 33.33/0.00/33.33"}},
      {"0.05 two ways: 2.5 cents round up to 0.03 each", three("credit 0.05", "  responsible C, A\n"), events({}),
       "2026-02-01T00:00:00Z", {"Meetings|1|too-few|C,A|@2026-01-01T00:00:00+00:00 => 0.05 C 0.03, A 0.03"},
       {"by_period A 2026-01-01T00:00:00+00:00 0.03/0.00/0.03", "by_period C 2026-01-01T00:00:00+00:00 0.03/0.00/0.03",
        "by_party A 0.03/0.00/0.03", "by_party B 0.00/0.00/0.00", "by_party C 0.03/0.00/0.03"}},
      {"the finding's amount is rounded first: 0.125 is 0.13", three("credit 0.125", "  responsible B\n"), events({}),
       "2026-02-01T00:00:00Z", {"Meetings|1|too-few|B|@2026-01-01T00:00:00+00:00 => 0.13 B"}},
      {"nobody responsible: `unassigned` owes it, listed last", three("credit 10", ""), events({}),
       "2026-02-01T00:00:00Z", {"Meetings|1|too-few|unassigned|@2026-01-01T00:00:00+00:00 => 10.00 unassigned"},
       {"by_period unassigned 2026-01-01T00:00:00+00:00 10.00/0.00/10.00", "by_party A 0.00/0.00/0.00",
        "by_party B 0.00/0.00/0.00", "by_party C 0.00/0.00/0.00", "by_party unassigned 10.00/0.00/10.00"}},
  });
}

TEST_CASE("V2.8 a percentage of a fee is computed exactly and rounded once", "[credits]") {
  std::string fee = "  fee base 333.33\n";
  std::string log = events({ev("R1", "2026-01-10T10:00:00Z", "release", ", release: R1"),
                            ev("D1", "2026-01-14T11:00:00Z", "delivery", ", by: Northwind, release: R1")});  // 3 days
  check_cases({
      {"2.5% of 333.33 = 8.33325: 8.33", releases("  credit 2.5% of base\n", fee), log, "2026-02-01T00:00:00Z",
       {"Releases|1|late|Northwind|R1,D1 => 8.33 Northwind"}},
      {"per day late: 3 x 8.33325 = 24.99975: 25.00 (not 3 x 8.33)", releases("  credit 2.5% of base per day late\n", fee),
       log, "2026-02-01T00:00:00Z", {"Releases|1|late|Northwind|R1,D1 => 25.00 Northwind"}},
      {"0.15% of 333.33 = 0.499995: 0.50, half away from zero", releases("  credit 0.15% of base\n", fee), log,
       "2026-02-01T00:00:00Z", {"Releases|1|late|Northwind|R1,D1 => 0.50 Northwind"}},
      {"a tier of fees: 8% beats 5%", releases("  credit 5% of base\n  credit 8% of base when measured above 24\n", fee),
       log, "2026-02-01T00:00:00Z", {"Releases|1|late|Northwind|R1,D1 => 26.67 Northwind"}},
  });
}

TEST_CASE("V2.8 the cap per party and window; credits fall in the window of the finding's time", "[credits]") {
  auto outages = [](const std::string& options, const std::string& zone = "UTC") {
    return "agreement \"T\"\n  effective 2026-01-01 to 2026-12-31\n  timezone \"" + zone + "\"\n" + options +
           "party Acme\nparty Northwind\n"
           "term \"No outages\"\n  credit 100\n  no outage\n";
  };
  std::string month_log = events({ev("O1", "2026-01-05T10:00:00Z", "outage", ", by: Northwind"),
                                  ev("O2", "2026-01-06T10:00:00Z", "outage", ", by: Acme"),
                                  ev("O3", "2026-01-20T10:00:00Z", "outage", ", by: Northwind"),
                                  ev("O4", "2026-01-31T10:00:00Z", "outage", ", by: Northwind"),
                                  ev("O5", "2026-02-02T10:00:00Z", "outage", ", by: Northwind")});
  check_cases({
      {"crossing the cap within a month: owed 250, capped 50; the cap is per party", outages("  credits at most 250 every month\n"),
       month_log, "2026-03-01T00:00:00Z",
       {"No outages|1|forbidden|Northwind|O1 => 100.00 Northwind", "No outages|1|forbidden|Acme|O2 => 100.00 Acme",
        "No outages|1|forbidden|Northwind|O3 => 100.00 Northwind", "No outages|1|forbidden|Northwind|O4 => 100.00 Northwind",
        "No outages|1|forbidden|Northwind|O5 => 100.00 Northwind"},
       {"by_period Acme 2026-01-01T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-01-01T00:00:00+00:00 300.00/50.00/250.00",
        "by_period Northwind 2026-02-01T00:00:00+00:00 100.00/0.00/100.00", "by_party Acme 100.00/0.00/100.00",
        "by_party Northwind 400.00/50.00/350.00"}},
      {"a weekly cap: ISO weeks from Monday", outages("  credits at most 150 every week\n"), month_log,
       "2026-03-01T00:00:00Z", {},
       {"by_period Acme 2026-01-05T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-01-05T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-01-19T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-01-26T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-02-02T00:00:00+00:00 100.00/0.00/100.00", "by_party Acme 100.00/0.00/100.00",
        "by_party Northwind 400.00/0.00/400.00"}},
      {"a cap as a percentage of a fee", outages("  fee base 1000\n  credits at most 15% of base every quarter\n"),
       month_log, "2026-03-01T00:00:00Z", {},
       {"by_period Acme 2026-01-01T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-01-01T00:00:00+00:00 400.00/250.00/150.00", "by_party Acme 100.00/0.00/100.00",
        "by_party Northwind 400.00/250.00/150.00"}},
      {"no cap: the calendar month of the agreement zone (03:00Z on 02-01 is January in New York)",
       outages("", "America/New_York"),
       events({ev("O1", "2026-02-01T03:00:00Z", "outage", ", by: Northwind"),
               ev("O2", "2026-02-01T06:00:00Z", "outage", ", by: Northwind")}),
       "2026-03-01T00:00:00", {},
       {"by_period Northwind 2026-01-01T00:00:00-05:00 100.00/0.00/100.00",
        "by_period Northwind 2026-02-01T00:00:00-05:00 100.00/0.00/100.00", "by_party Acme 0.00/0.00/0.00",
        "by_party Northwind 200.00/0.00/200.00"}},
      {"by_period: by start, then party in declaration order, unassigned last", outages(""),
       events({ev("O1", "2026-01-03T10:00:00Z", "outage"), ev("O2", "2026-01-04T10:00:00Z", "outage", ", by: Northwind"),
               ev("O3", "2026-01-05T10:00:00Z", "outage", ", by: Acme"),
               ev("O4", "2026-02-05T10:00:00Z", "outage", ", by: Northwind")}),
       "2026-03-01T00:00:00Z", {},
       {"by_period Acme 2026-01-01T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-01-01T00:00:00+00:00 100.00/0.00/100.00",
        "by_period unassigned 2026-01-01T00:00:00+00:00 100.00/0.00/100.00",
        "by_period Northwind 2026-02-01T00:00:00+00:00 100.00/0.00/100.00", "by_party Acme 100.00/0.00/100.00",
        "by_party Northwind 200.00/0.00/200.00", "by_party unassigned 100.00/0.00/100.00"}},
  });
}

TEST_CASE("V2.8 pending and tolerated items are never priced", "[credits]") {
  SECTION("pending: the deadline has not passed at as-of") {
    auto s = eval_test::run(tickets("  credit 100\n"),
                            events({ev("T1", "2026-01-05T10:00:00Z", "ticket", ", ticket: T1")}), "2026-01-05T13:00:00Z");
    CHECK(s->outcome.findings.empty());
    CHECK(s->outcome.pending.size() == 1);
    CHECK(s->credits.enabled);
    CHECK(s->credits.by_period.empty());
    CHECK(dump_ledger(*s) == "by_party Acme 0.00/0.00/0.00\nby_party Northwind 0.00/0.00/0.00\n");
  }
  SECTION("tolerated: the first missed week of each month is allowed") {
    auto s = eval_test::run(header() +
                                "term \"Reports\"\n  responsible Northwind\n  credit 100\n"
                                "  at least 1 report every week allowing 1 missed per month\n",
                            events({}), "2026-01-26T00:00:00Z");
    // Weeks of 01-05, 01-12, 01-19 are judged: one tolerated, two findings.
    CHECK(s->outcome.tolerated == 1);
    CHECK(dump_charges(*s) ==
          "Reports|1|too-few|Northwind|@2026-01-12T00:00:00+00:00 => 100.00 Northwind\n"
          "Reports|1|too-few|Northwind|@2026-01-19T00:00:00+00:00 => 100.00 Northwind\n");
    CHECK(dump_ledger(*s) ==
          "by_period Northwind 2026-01-01T00:00:00+00:00 200.00/0.00/200.00\n"
          "by_party Acme 0.00/0.00/0.00\nby_party Northwind 200.00/0.00/200.00\n");
  }
}

TEST_CASE("V2.8 only blocks with credit lines are priced; without any, the ledger is off", "[credits]") {
  std::string log = events({ev("O1", "2026-01-05T10:00:00Z", "outage", ", by: Northwind"),
                            ev("O2", "2026-01-05T11:00:00Z", "notice", ", by: Acme")});
  auto priced = eval_test::run(header() + "term \"A\"\n  credit 5\n  no outage\nterm \"B\"\n  no notice\n", log);
  CHECK(dump_charges(*priced) == "A|1|forbidden|Northwind|O1 => 5.00 Northwind\nB|1|forbidden|Acme|O2 => -\n");
  auto plain = eval_test::run(header() + "term \"A\"\n  no outage\nterm \"B\"\n  no notice\n", log);
  CHECK_FALSE(plain->credits.enabled);
  CHECK(plain->credits.by_party.empty());
  CHECK(plain->credits.charge_of(0) == nullptr);
}

TEST_CASE("V2.8 measured values of V2.6: availability in percent, downtime and durations in hours", "[credits]") {
  auto outages = [](const std::string& credits, const std::string& rule) {
    return header() + "interval outage from outage_start to outage_end\n" + "expectation \"Portal\"\n  responsible Northwind\n" +
           credits + "  " + rule + "\n";
  };
  // January: 31 days = 44640 minutes. February: 28 days = 40320 minutes.
  std::string log = events({ev("X1", "2026-01-20T10:00:00Z", "outage_start"), ev("Y1", "2026-01-20T12:00:00Z", "outage_end"),
                            ev("X2", "2026-02-10T08:00:00Z", "outage_start"), ev("Y2", "2026-02-10T10:30:00Z", "outage_end"),
                            ev("X3", "2026-03-10T08:00:00Z", "outage_start"), ev("Y3", "2026-03-10T09:00:00Z", "outage_end")});
  check_cases({
      // Jan: 100 (44640 - 120) / 44640 = 99.7311; Feb: 100 (40320 - 150) / 40320 = 99.6280; Mar: 99.8656.
      {"availability below a tier", outages("  credit 100\n  credit 400 when measured below 99.7\n",
                                            "availability of outage at least 99.9% every month"),
       log, "2026-04-01T00:00:00Z",
       {"Portal|1|below-target|Northwind|@2026-01-01T00:00:00+00:00 X1 => 100.00 Northwind",
        "Portal|1|below-target|Northwind|@2026-02-01T00:00:00+00:00 X2 => 400.00 Northwind",
        "Portal|1|below-target|Northwind|@2026-03-01T00:00:00+00:00 X3 => 100.00 Northwind"}},
      // Downtime in hours: Jan 2 (not above 2), Feb 2.5 (above), Mar 1 (no finding: at most 1 hour holds).
      {"downtime in hours", outages("  credit 100\n  credit 300 when measured above 2\n",
                                    "downtime of outage at most 1 hours every month"),
       log, "2026-04-01T00:00:00Z",
       {"Portal|1|above-target|Northwind|@2026-01-01T00:00:00+00:00 X1 => 100.00 Northwind",
        "Portal|1|above-target|Northwind|@2026-02-01T00:00:00+00:00 X2 => 300.00 Northwind"}},
      {"a duration measure in hours", outages("  credit 100\n  credit 300 when measured above 2\n",
                                              "maximum duration of outage at most 90 minutes every month"),
       log, "2026-04-01T00:00:00Z",
       {"Portal|1|above-target|Northwind|@2026-01-01T00:00:00+00:00 X1 => 100.00 Northwind",
        "Portal|1|above-target|Northwind|@2026-02-01T00:00:00+00:00 X2 => 300.00 Northwind"}},
  });
}

TEST_CASE("V2.8 per day late of an obligation per period (V2.5): charged in the anchor's window", "[credits]") {
  std::string terms = "agreement \"T\"\n  effective 2026-01-01 to 2026-12-31\n  timezone \"America/New_York\"\n"
                      "party Acme\nparty Northwind\n"
                      "term \"Monthly service report\"\n  credit 150 per day late\n"
                      "  every month requires service_report by Northwind for the month within 5 business days after\n";
  auto report = [](const std::string& id, const std::string& at, const std::string& period) {
    return "{id: " + id + ", at: " + at + ", type: service_report, by: Northwind, period: \"" + period + "\"}";
  };
  check_cases({
      // February's last date is Sat 02-28: due Fri 03-06 24:00 EST; sent Tue 03-10 09:00 EDT: 80 hours, 4 started
      // days (the delay crosses the start of daylight saving time: elapsed time). The finding's time is the anchor,
      // 1 March: a charge of March.
      {"late across a DST change", terms,
       events({report("J", "2026-02-02T10:00:00-05:00", "2026-01"), report("F", "2026-03-10T09:00:00-04:00", "2026-02")}),
       "2026-03-20T00:00:00",
       {"Monthly service report|1|late|Northwind|@2026-02-01T00:00:00-05:00 F => 600.00 Northwind"},
       {"by_period Northwind 2026-03-01T00:00:00-05:00 600.00/0.00/600.00", "by_party Acme 0.00/0.00/0.00",
        "by_party Northwind 600.00/0.00/600.00"}},
      // January: due Fri 02-06 24:00; as-of Tue 02-10 00:00: exactly 3 days.
      {"missing: as-of minus the deadline", terms, events({}), "2026-02-10T00:00:00",
       {"Monthly service report|1|missing|Northwind|@2026-01-01T00:00:00-05:00 => 450.00 Northwind"},
       {"by_period Northwind 2026-02-01T00:00:00-05:00 450.00/0.00/450.00", "by_party Acme 0.00/0.00/0.00",
        "by_party Northwind 450.00/0.00/450.00"}},
  });
}
