// Spec 5.2: `every A occurs within business hours of P [and P2 ...]`: each party's hours, time
// zone and holidays; DST; night spans (with holidays on the after-midnight part); inheritance of
// the agreement's calendar; opening times inside, closing times outside.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

// Acme in New York (09:00-17:00, holiday Fri 2026-07-03); Northwind in Berlin (08:00-18:00).
// In January that is 14:00-22:00Z and 07:00-17:00Z: both are open 14:00-17:00Z.
const std::string kParties = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00
  holidays 2026-07-03
party Northwind
  timezone "Europe/Berlin"
  business hours mon-fri 08:00-18:00
)";

std::string v(const std::string& at, const std::string& extra = "") {
  return "{id: V-1, at: " + at + ", type: visit" + extra + "}";
}

std::vector<std::string> missed(const pactum::eval::Finding& f) {
  for (const auto& m : f.measured)
    if (m.key == "outside_hours_of") return m.list;
  return {};
}

}  // namespace

TEST_CASE("5.2 one party", "[eval][hours]") {
  const std::string t = kParties + "term \"H\"\n  every visit occurs within business hours of Acme\n";
  check_cases({
      {"09:00 EST: the opening time is inside", t, events({v("2026-01-06T14:00:00Z")}), "", {}},
      {"08:59 EST: outside", t, events({v("2026-01-06T13:59:00Z")}), "", {"H|1|outside-hours|unassigned|V-1"}},
      {"16:59 EST: inside", t, events({v("2026-01-06T21:59:00Z")}), "", {}},
      {"17:00 EST: the closing time is outside", t, events({v("2026-01-06T22:00:00Z")}), "",
       {"H|1|outside-hours|unassigned|V-1"}},
      {"a Saturday", t, events({v("2026-01-10T16:00:00Z")}), "", {"H|1|outside-hours|unassigned|V-1"}},
      {"Friday evening in New York is Saturday in UTC: inside", t, events({v("2026-01-09T21:30:00Z")}), "", {}},
      {"a holiday (Fri 07-03, 11:00 EDT)", t, events({v("2026-07-03T15:00:00Z")}), "",
       {"H|1|outside-hours|unassigned|V-1"}},
      {"the day after the holiday is not one (Mon 07-06)", t, events({v("2026-07-06T15:00:00Z")}), "", {}},
      {"DST: 09:00 EDT on Mon 03-09 is 13:00Z: inside", t, events({v("2026-03-09T13:00:00Z")}), "", {}},
      {"before DST: 13:00Z on Mon 03-02 is 08:00 EST: outside", t, events({v("2026-03-02T13:00:00Z")}), "",
       {"H|1|outside-hours|unassigned|V-1"}},
      {"DST: 16:59 EDT = 20:59Z inside, 21:00Z outside", t,
       events({v("2026-03-09T20:59:00Z"), "{id: V-2, at: 2026-03-09T21:00:00Z, type: visit}"}), "",
       {"H|1|outside-hours|unassigned|V-2"}},
      {"responsible: the event's by", t, events({v("2026-01-10T16:00:00Z", ", by: Northwind")}), "",
       {"H|1|outside-hours|Northwind|V-1"}},
      {"a visit outside the judged interval is ignored", t, events({v("2025-12-27T16:00:00Z")}),
       "2026-01-02T00:00:00Z", {}},
      {"only matching events are checked", t,
       events({"{id: X-1, at: 2026-01-10T16:00:00Z, type: visits}", v("2026-01-06T14:00:00Z")}), "", {}},
  });
}

TEST_CASE("5.2 two parties in different zones", "[eval][hours]") {
  const std::string t = kParties + "term \"H\"\n  every visit occurs within business hours of Acme and Northwind\n";
  struct Row {
    const char* name;
    std::string at;
    std::vector<std::string> missed;
  };
  std::vector<Row> rows = {
      {"both open (15:00Z)", "2026-01-06T15:00:00Z", {}},
      {"Berlin opens 07:00Z, New York not yet", "2026-01-06T12:00:00Z", {"Acme"}},
      {"New York open, Berlin closed at 17:00Z", "2026-01-06T17:00:00Z", {"Northwind"}},
      {"16:59Z: both open", "2026-01-06T16:59:00Z", {}},
      {"Saturday: both closed", "2026-01-10T15:00:00Z", {"Acme", "Northwind"}},
      {"Acme's holiday: only Acme", "2026-07-03T14:00:00Z", {"Acme"}},
      // EU summer time starts 03-29, US on 03-08: on Mon 03-09 Berlin is UTC+1 (07:00-17:00Z), NY UTC-4 (13:00-21:00Z).
      {"between the two DST changes: 13:00Z both open", "2026-03-09T13:00:00Z", {}},
      {"between the two DST changes: 12:59Z only Berlin", "2026-03-09T12:59:00Z", {"Acme"}},
      // After 03-29 Berlin is UTC+2: 06:00-16:00Z.
      {"after both changes: 16:00Z Berlin closed", "2026-03-30T16:00:00Z", {"Northwind"}},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    auto s = run(t, events({v(r.at)}));
    if (r.missed.empty()) {
      CHECK(dump_findings(*s) == "");
    } else {
      CHECK(dump_findings(*s) == "H|1|outside-hours|unassigned|V-1\n");
      REQUIRE(s->outcome.findings.size() == 1);
      CHECK(missed(s->outcome.findings[0]) == r.missed);
    }
  }
}

TEST_CASE("5.2 night spans and holidays", "[eval][hours]") {
  // Mon-Fri nights 22:00-06:00 (Mon 22:00 to Tue 06:00, ..., Fri 22:00 to Sat 06:00).
  // Wed 2026-01-07 is a holiday: Tue 22:00-24:00 stays, Wed 00:00-06:00 and Wed 22:00-24:00 go.
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Night
  business hours mon-fri 22:00-06:00
  holidays 2026-01-07
term "H"
  every visit occurs within business hours of Night
)";
  check_cases({
      {"Mon 23:00 inside", t, events({v("2026-01-05T23:00:00Z")}), "", {}},
      {"Tue 05:59 inside", t, events({v("2026-01-06T05:59:00Z")}), "", {}},
      {"Tue 06:00 outside (closing)", t, events({v("2026-01-06T06:00:00Z")}), "", {"H|1|outside-hours|unassigned|V-1"}},
      {"Mon 22:00 inside (opening)", t, events({v("2026-01-05T22:00:00Z")}), "", {}},
      {"Mon 03:00 outside (no Sunday night)", t, events({v("2026-01-05T03:00:00Z")}), "",
       {"H|1|outside-hours|unassigned|V-1"}},
      {"Sat 03:00 inside (Friday's night)", t, events({v("2026-01-10T03:00:00Z")}), "", {}},
      {"Sat 23:00 outside", t, events({v("2026-01-10T23:00:00Z")}), "", {"H|1|outside-hours|unassigned|V-1"}},
      {"Tue 23:00 (eve of the holiday) inside", t, events({v("2026-01-06T23:00:00Z")}), "", {}},
      {"Wed 03:00: after-midnight part on the holiday date", t, events({v("2026-01-07T03:00:00Z")}), "",
       {"H|1|outside-hours|unassigned|V-1"}},
      {"Wed 23:00 holiday evening", t, events({v("2026-01-07T23:00:00Z")}), "", {"H|1|outside-hours|unassigned|V-1"}},
      {"Thu 03:00: after-midnight part of the holiday's night is on Thu: inside", t,
       events({v("2026-01-08T03:00:00Z")}), "", {}},
  });
}

TEST_CASE("5.2 calendars inherited from the agreement", "[eval][hours]") {
  // The agreement's hours are read in each party's own zone; declared holidays replace the agreement's.
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
  business hours mon-fri 08:00-12:00
  holidays 2026-01-06
party Tokyo
  timezone "Asia/Tokyo"
party Own
  holidays 2026-01-07
party Plain
term "Tk"
  every visit occurs within business hours of Tokyo
term "Own"
  every visit occurs within business hours of Own
term "Plain"
  every visit occurs within business hours of Plain
)";
  const std::string default_hours = R"(
agreement "T"
  timezone "UTC"
party P
term "D"
  every visit occurs within business hours of P
)";
  check_cases({
      // Thu 01-08 00:30Z = 09:30 Tokyo: inside for Tokyo, outside (00:30) for the UTC parties.
      {"agreement hours in Tokyo time", t, events({v("2026-01-08T00:30:00Z")}), "",
       {"Own|1|outside-hours|unassigned|V-1", "Plain|1|outside-hours|unassigned|V-1"}},
      // Tue 01-06 09:00Z: the agreement's holiday. Own replaced the holidays, so it is open.
      {"declared holidays replace the agreement's", t, events({v("2026-01-06T09:00:00Z")}), "",
       {"Tk|1|outside-hours|unassigned|V-1", "Plain|1|outside-hours|unassigned|V-1"}},
      {"the party's own holiday", t, events({v("2026-01-07T09:00:00Z")}), "",
       {"Tk|1|outside-hours|unassigned|V-1", "Own|1|outside-hours|unassigned|V-1"}},
      {"default hours mon-fri 09:00-17:00: 09:00", default_hours, events({v("2026-01-06T09:00:00Z")}), "", {}},
      {"default hours: 17:00 outside", default_hours, events({v("2026-01-06T17:00:00Z")}), "",
       {"D|1|outside-hours|unassigned|V-1"}},
      {"default hours: Sunday outside", default_hours, events({v("2026-01-11T10:00:00Z")}), "",
       {"D|1|outside-hours|unassigned|V-1"}},
  });
}
