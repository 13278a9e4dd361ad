// Spec 5.1, the after-timings: `after`, `within D after` (plain, business days, business hours,
// in the target party's own zone, across weekends, holidays and DST) and `no later than k`.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

std::string rule(const std::string& timing) {
  return utc("term \"Reply\"\n  every request requires reply " + timing + "\n");
}

const std::string kRequest = "{id: R-1, at: 2026-01-06T10:00:00Z, type: request}";

std::optional<double> measure(const pactum::eval::Finding& f, const std::string& key) {
  for (const auto& m : f.measured)
    if (m.key == key) return m.number;
  return std::nullopt;
}

std::string measure_text(const pactum::eval::Finding& f, const std::string& key) {
  for (const auto& m : f.measured)
    if (m.key == key) return m.text;
  return "";
}

}  // namespace

TEST_CASE("5.1 after", "[eval][after]") {
  const std::string t = rule("after");
  const std::string no_period = R"(
agreement "T"
  timezone "UTC"
term "Reply"
  every request requires reply after
)";
  check_cases({
      {"answered later", t, events({kRequest, "{id: Q-1, at: 2026-03-01T10:00:00Z, type: reply}"}), "", {}},
      {"unanswered before the effective end: pending", t, events({kRequest}), "", {}, {"R-1"}},
      {"unanswered with as-of well before the end: pending", t, events({kRequest}), "2026-12-31T23:59:59Z", {}, {"R-1"}},
      {"unanswered once the interval reaches the effective end: missing", t, events({kRequest}), "2027-01-01T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"as-of long after the end: missing", t, events({kRequest}), "2027-06-01T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"a reply before the request does not count", t,
       events({"{id: Q-1, at: 2026-01-05T10:00:00Z, type: reply}", kRequest}), "2027-01-01T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"equal times: Q.at == A.at is after", t, events({kRequest, "{id: Q-1, at: 2026-01-06T10:00:00Z, type: reply}"}),
       "2027-01-01T00:00:00Z", {}},
      {"equal times even when Q comes earlier in the file", t,
       events({"{id: Q-1, at: 2026-01-06T10:00:00Z, type: reply}", kRequest}), "2027-01-01T00:00:00Z", {}},
      {"a reply after as-of is invisible", t, events({kRequest, "{id: Q-1, at: 2026-02-01T10:00:00Z, type: reply}"}),
       "2026-01-20T00:00:00Z", {}, {"R-1"}},
      {"one reply answers every open request", t,
       events({kRequest, "{id: R-2, at: 2026-01-07T10:00:00Z, type: request}",
               "{id: Q-1, at: 2026-01-08T10:00:00Z, type: reply}", "{id: R-3, at: 2026-01-09T10:00:00Z, type: request}"}),
       "", {}, {"R-3"}},
      {"without an effective period: pending forever", no_period,
       events({kRequest, "{id: X-1, at: 2027-06-01T10:00:00Z, type: other}"}), "", {}, {"R-1"}},
      {"a request after the effective end is not judged", t,
       events({"{id: R-9, at: 2027-01-02T10:00:00Z, type: request}"}), "2027-02-01T00:00:00Z", {}},
  });
}

TEST_CASE("5.1 within D after, plain units", "[eval][after]") {
  const std::string t = rule("within 24 hours after");
  const std::string m = rule("within 90 minutes after");
  const std::string w = rule("within 1 week after");
  check_cases({
      {"exactly at the deadline", t, events({kRequest, "{id: Q-1, at: 2026-01-07T10:00:00Z, type: reply}"}), "", {}},
      {"a minute after the deadline: late", t, events({kRequest, "{id: Q-1, at: 2026-01-07T10:01:00Z, type: reply}"}),
       "", {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"no reply, deadline before as-of: missing", t, events({kRequest}), "2026-01-08T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"no reply, deadline exactly at as-of: missing", t, events({kRequest}), "2026-01-07T10:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"no reply, deadline after as-of: pending", t, events({kRequest}), "2026-01-07T09:59:59Z", {}, {"R-1"}},
      {"no reply and no as-of (latest event = the request): pending", t, events({kRequest}), "", {}, {"R-1"}},
      {"only the first reply counts: late even if a later one follows", t,
       events({kRequest, "{id: Q-1, at: 2026-01-08T10:00:00Z, type: reply}",
               "{id: Q-2, at: 2026-01-09T10:00:00Z, type: reply}"}),
       "", {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"a reply before the request does not count", t,
       events({"{id: Q-0, at: 2026-01-06T09:00:00Z, type: reply}", kRequest}), "2026-01-08T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"equal times are after, even when Q is earlier in the file", t,
       events({"{id: Q-1, at: 2026-01-06T10:00:00Z, type: reply}", kRequest}), "2026-01-08T00:00:00Z", {}},
      {"a reply after as-of is invisible: pending", t,
       events({kRequest, "{id: Q-1, at: 2026-01-06T12:00:00Z, type: reply}"}), "2026-01-06T11:00:00Z", {}, {"R-1"}},
      {"a late reply after as-of is invisible: missing, not late", t,
       events({kRequest, "{id: Q-1, at: 2026-01-09T12:00:00Z, type: reply}"}), "2026-01-08T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"one reply settles two open requests, one late one in time", t,
       events({kRequest, "{id: R-2, at: 2026-01-07T09:00:00Z, type: request}",
               "{id: Q-1, at: 2026-01-07T11:00:00Z, type: reply}"}),
       "", {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"90 minutes: exact", m, events({kRequest, "{id: Q-1, at: 2026-01-06T11:30:00Z, type: reply}"}), "", {}},
      {"90 minutes: late", m, events({kRequest, "{id: Q-1, at: 2026-01-06T11:31:00Z, type: reply}"}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"1 week: exact", w, events({kRequest, "{id: Q-1, at: 2026-01-13T10:00:00Z, type: reply}"}), "", {}},
      {"1 week: late", w, events({kRequest, "{id: Q-1, at: 2026-01-13T10:00:01Z, type: reply}"}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
  });
}

TEST_CASE("5.1 within D after: late reports the delay and the deadline", "[eval][after]") {
  auto s = run(rule("within 24 hours after"), events({kRequest, "{id: Q-1, at: 2026-01-07T13:30:00Z, type: reply}"}));
  REQUIRE(s->outcome.findings.size() == 1);
  const auto& f = s->outcome.findings[0];
  CHECK(f.reason == "late");
  CHECK(f.at == instant("2026-01-06T10:00:00Z"));
  CHECK(measure(f, "delay_hours") == Approx(3.5));
  CHECK(measure_text(f, "deadline") == "2026-01-07T10:00:00+00:00");
  CHECK(s->outcome.by_party.at("unassigned") == 1);
}

TEST_CASE("5.1 within N business days after", "[eval][after][business]") {
  // Fri 01-09: business days strictly after are Mon 01-12 (1st) and Tue 01-13 (2nd): due Wed 01-14 00:00.
  const std::string d2 = rule("within 2 business days after");
  const std::string d0 = rule("within 0 business days after");
  const std::string fri = "{id: R-1, at: 2026-01-09T15:00:00Z, type: request}";
  const std::string sat = "{id: R-1, at: 2026-01-10T15:00:00Z, type: request}";
  // Northwind works in Manila (UTC+8). Fri 01-09 20:00Z is already Sat 01-10 04:00 there.
  const std::string manila = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
  timezone "Asia/Manila"
)";
  const std::string manila_holiday = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
  holidays 2026-01-13
party Northwind
  timezone "Asia/Manila"
  holidays 2026-01-12
)";
  const std::string by_nw = "term \"Reply\"\n  every request requires reply by Northwind within 1 business days after\n";
  const std::string of_acme =
      "term \"Reply\"\n  every request requires reply by Northwind within 1 business days of Acme after\n";
  const std::string late_fri = "{id: R-1, at: 2026-01-09T20:00:00Z, type: request}";
  check_cases({
      {"Tue 23:59 is in time", d2, events({fri, "{id: Q-1, at: 2026-01-13T23:59:00Z, type: reply}"}), "", {}},
      {"exactly 24:00 Tue is in time", d2, events({fri, "{id: Q-1, at: 2026-01-14T00:00:00Z, type: reply}"}), "", {}},
      {"Wed 00:01 is late", d2, events({fri, "{id: Q-1, at: 2026-01-14T00:01:00Z, type: reply}"}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"a Saturday request has the same deadline", d2, events({sat, "{id: Q-1, at: 2026-01-14T00:00:00Z, type: reply}"}),
       "", {}},
      {"a Saturday request: missing once the deadline passed", d2, events({sat}), "2026-01-14T00:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      {"a Saturday request: pending before the deadline", d2, events({sat}), "2026-01-13T23:59:59Z", {}, {"R-1"}},
      {"0 business days: by 24:00 of A's own date", d0,
       events({kRequest, "{id: Q-1, at: 2026-01-06T23:59:59Z, type: reply}"}), "", {}},
      {"0 business days: the next morning is late", d0,
       events({kRequest, "{id: Q-1, at: 2026-01-07T00:30:00Z, type: reply}"}), "", {"Reply|1|late|unassigned|R-1,Q-1"}},
      // V2.1: from a non-business day, 0 business days is the first business day after it.
      {"0 business days on a Saturday: due Monday 24:00", d0,
       events({sat, "{id: Q-1, at: 2026-01-12T23:59:59Z, type: reply}"}), "", {}},
      {"0 business days on a Saturday: Tuesday is late", d0,
       events({sat, "{id: Q-1, at: 2026-01-13T00:00:01Z, type: reply}"}), "", {"Reply|1|late|unassigned|R-1,Q-1"}},
      // In Manila A's date is Sat 01-10: the 1st business day after is Mon 01-12, due 24:00 Manila = 16:00Z.
      {"target party's zone: due 24:00 Manila time", manila + by_nw,
       events({late_fri, "{id: Q-1, at: 2026-01-12T16:00:00Z, type: reply, by: Northwind}"}), "", {}},
      {"target party's zone: 16:01Z is late (it would be in time in UTC)", manila + by_nw,
       events({late_fri, "{id: Q-1, at: 2026-01-12T16:01:00Z, type: reply, by: Northwind}"}), "",
       {"Reply|1|late|Northwind|R-1,Q-1"}},
      {"target party's holiday on Mon 01-12 moves the deadline to Tue 24:00 Manila", manila_holiday + by_nw,
       events({late_fri, "{id: Q-1, at: 2026-01-13T15:59:00Z, type: reply, by: Northwind}"}), "", {}},
      {"target party's holiday: Tue 24:00 Manila is the limit", manila_holiday + by_nw,
       events({late_fri, "{id: Q-1, at: 2026-01-13T16:01:00Z, type: reply, by: Northwind}"}), "",
       {"Reply|1|late|Northwind|R-1,Q-1"}},
      // `of Acme`: UTC, Acme's holiday on Tue 01-13: A's date Fri 01-09, 1st business day Mon 01-12, due Tue 00:00Z.
      {"`of Acme` overrides the target's party", manila_holiday + of_acme,
       events({late_fri, "{id: Q-1, at: 2026-01-13T00:00:00Z, type: reply, by: Northwind}"}), "", {}},
      {"`of Acme`: Tue 00:01Z is late", manila_holiday + of_acme,
       events({late_fri, "{id: Q-1, at: 2026-01-13T00:01:00Z, type: reply, by: Northwind}"}), "",
       {"Reply|1|late|Northwind|R-1,Q-1"}},
  });
}

TEST_CASE("5.1 within N business hours after", "[eval][after][business]") {
  const std::string h4 = rule("within 4 business hours after");
  // Acme in New York; US daylight saving starts Sun 2026-03-08.
  const std::string ny = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00
party Northwind
term "Reply"
  every request requires reply by Acme within 4 business hours after
)";
  auto req = [](const std::string& at) { return "{id: R-1, at: " + at + ", type: request}"; };
  auto reply = [](const std::string& at) { return "{id: Q-1, at: " + at + ", type: reply, by: Acme}"; };
  auto rep = [](const std::string& at) { return "{id: Q-1, at: " + at + ", type: reply}"; };
  check_cases({
      {"inside hours: 10:00 + 4h = 14:00", h4, events({req("2026-01-06T10:00:00Z"), rep("2026-01-06T14:00:00Z")}), "",
       {}},
      {"inside hours: 14:01 is late", h4, events({req("2026-01-06T10:00:00Z"), rep("2026-01-06T14:01:00Z")}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"before opening: counting starts at 09:00", h4,
       events({req("2026-01-06T07:00:00Z"), rep("2026-01-06T13:00:00Z")}), "", {}},
      {"before opening: 13:01 is late", h4, events({req("2026-01-06T07:00:00Z"), rep("2026-01-06T13:01:00Z")}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"after closing: next morning 13:00", h4, events({req("2026-01-06T20:00:00Z"), rep("2026-01-07T13:00:00Z")}), "",
       {}},
      {"exactly at the closing time: next morning 13:00", h4,
       events({req("2026-01-06T17:00:00Z"), rep("2026-01-07T13:00:00Z")}), "", {}},
      {"exactly at the closing time: 13:01 is late", h4,
       events({req("2026-01-06T17:00:00Z"), rep("2026-01-07T13:01:00Z")}), "", {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"across a weekend: Fri 15:00 -> Mon 11:00", h4, events({req("2026-01-09T15:00:00Z"), rep("2026-01-12T11:00:00Z")}),
       "", {}},
      {"across a weekend: Mon 11:01 is late", h4, events({req("2026-01-09T15:00:00Z"), rep("2026-01-12T11:01:00Z")}), "",
       {"Reply|1|late|unassigned|R-1,Q-1"}},
      {"on Saturday: Mon 13:00", h4, events({req("2026-01-10T15:00:00Z"), rep("2026-01-12T13:00:00Z")}), "", {}},
      {"pending until the deadline", h4, events({req("2026-01-09T15:00:00Z")}), "2026-01-12T10:59:00Z", {}, {"R-1"}},
      {"missing at the deadline", h4, events({req("2026-01-09T15:00:00Z")}), "2026-01-12T11:00:00Z",
       {"Reply|1|missing|unassigned|R-1"}},
      // Fri 03-06 15:00 EST (20:00Z): 2h to 17:00 EST, then Mon 03-09 09:00 EDT (13:00Z) + 2h = 15:00Z.
      {"across the DST change: Mon 11:00 EDT", ny, events({req("2026-03-06T20:00:00Z"), reply("2026-03-09T15:00:00Z")}),
       "", {}},
      {"across the DST change: a minute later is late", ny,
       events({req("2026-03-06T20:00:00Z"), reply("2026-03-09T15:01:00Z")}), "", {"Reply|1|late|Acme|R-1,Q-1"}},
      {"in the target party's zone: 09:00 EST start", ny,
       events({req("2026-01-06T12:00:00Z"), reply("2026-01-06T18:00:00Z")}), "", {}},
      {"in the target party's zone: 18:01Z late", ny,
       events({req("2026-01-06T12:00:00Z"), reply("2026-01-06T18:01:00Z")}), "", {"Reply|1|late|Acme|R-1,Q-1"}},
  });
}

TEST_CASE("5.1 no later than k", "[eval][after]") {
  const std::string t = utc("term \"Promise\"\n  every commitment requires delivery no later than due\n");
  const std::string ny = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
party Acme
term "Promise"
  every commitment requires delivery no later than due
)";
  const std::string c_date = "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: 2026-01-10}";
  const std::string c_time = "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: 2026-01-10T12:00:00Z}";
  auto d = [](const std::string& at) { return "{id: D-1, at: " + at + ", type: delivery}"; };
  check_cases({
      {"a date means 24:00 of that day: 23:59", t, events({c_date, d("2026-01-10T23:59:00Z")}), "", {}},
      {"a date means 24:00 of that day: exactly midnight", t, events({c_date, d("2026-01-11T00:00:00Z")}), "", {}},
      {"a date: 00:01 the next day is late", t, events({c_date, d("2026-01-11T00:01:00Z")}), "",
       {"Promise|1|late|unassigned|C-1,D-1"}},
      {"a quoted date reads the same", t,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: \"2026-01-10\"}", d("2026-01-11T00:01:00Z")}),
       "", {"Promise|1|late|unassigned|C-1,D-1"}},
      {"a date in the agreement timezone (New York): 24:00 EST = 05:00Z", ny,
       events({c_date, d("2026-01-11T04:59:00Z")}), "", {}},
      {"a date in New York: 05:01Z is late", ny, events({c_date, d("2026-01-11T05:01:00Z")}), "",
       {"Promise|1|late|unassigned|C-1,D-1"}},
      {"a date-time attribute: exact", t, events({c_time, d("2026-01-10T12:00:00Z")}), "", {}},
      {"a date-time attribute: late", t, events({c_time, d("2026-01-10T12:00:01Z")}), "",
       {"Promise|1|late|unassigned|C-1,D-1"}},
      {"no delivery, due passed: missing", t, events({c_date}), "2026-01-11T00:00:00Z",
       {"Promise|1|missing|unassigned|C-1"}},
      {"no delivery, due ahead: pending", t, events({c_date}), "2026-01-10T23:59:59Z", {}, {"C-1"}},
      {"a delivery before the commitment does not count", t, events({d("2026-01-05T10:00:00Z"), c_date}),
       "2026-01-12T00:00:00Z", {"Promise|1|missing|unassigned|C-1"}},
      {"a due date already past when committed: the first delivery is late", t,
       events({"{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: 2026-01-01}", d("2026-01-06T10:00:00Z")}), "",
       {"Promise|1|late|unassigned|C-1,D-1"}},
  });
}

TEST_CASE("5.1 no later than k: an unreadable k is an input warning and is skipped", "[eval][after]") {
  const std::string t = utc("term \"Promise\"\n  every commitment requires delivery no later than due\n");
  struct Row {
    const char* name;
    std::string commitment;
  };
  std::vector<Row> rows = {
      {"not a date", "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: soon}"},
      {"missing", "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment}"},
      {"a number", "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: 42}"},
      {"a boolean", "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: true}"},
      {"an invalid date", "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: 2026-02-30}"},
      {"a list", "{id: C-1, at: 2026-01-06T10:00:00Z, type: commitment, due: [2026-01-10]}"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    auto s = run(t, events({r.commitment, "{id: C-2, at: 2026-01-07T10:00:00Z, type: commitment, due: 2026-01-08}"}),
                 "2026-02-01T00:00:00Z");
    // C-1 is skipped (neither a finding nor pending); C-2 is judged normally.
    CHECK(dump_findings(*s) == "Promise|1|missing|unassigned|C-2\n");
    CHECK(dump_pending(*s) == "");
    CHECK(s->warnings.items().size() == 1);
    CHECK(warnings_text(*s).find("due") != std::string::npos);
    CHECK(s->errors.error_count() == 0);
  }
}

TEST_CASE("5.1 within N business hours after: holidays, breaks, night spans", "[eval][after][business]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
  holidays 2026-01-12
party Lunch
  business hours mon-fri 09:00-12:00, mon-fri 13:00-17:00
party Night
  business hours mon-fri 22:00-06:00
  holidays 2026-01-08
term "Acme"
  every request requires reply by Acme within 4 business hours after
term "Lunch"
  every ask requires reply by Lunch within 2 business hours after
term "Night"
  every call requires reply by Night within 2 business hours after
)";
  auto ev = [](const std::string& id, const std::string& type, const std::string& at, const std::string& by = "") {
    return "{id: " + id + ", at: " + at + ", type: " + type + (by.empty() ? "" : ", by: " + by) + "}";
  };
  check_cases({
      // Mon 01-12 is Acme's holiday: counting starts Tue 09:00.
      {"a request on a holiday: Tue 13:00", t,
       events({ev("R-1", "request", "2026-01-12T10:00:00Z"), ev("Q-1", "reply", "2026-01-13T13:00:00Z", "Acme")}), "", {}},
      {"a request on a holiday: Tue 13:01 is late", t,
       events({ev("R-1", "request", "2026-01-12T10:00:00Z"), ev("Q-1", "reply", "2026-01-13T13:01:00Z", "Acme")}), "",
       {"Acme|1|late|Acme|R-1,Q-1"}},
      {"the lunch break does not count: 11:00 + 2h = 14:00", t,
       events({ev("A-1", "ask", "2026-01-06T11:00:00Z"), ev("Q-1", "reply", "2026-01-06T14:00:00Z", "Lunch")}), "", {}},
      {"the lunch break does not count: 14:01 is late", t,
       events({ev("A-1", "ask", "2026-01-06T11:00:00Z"), ev("Q-1", "reply", "2026-01-06T14:01:00Z", "Lunch")}), "",
       {"Lunch|1|late|Lunch|A-1,Q-1"}},
      {"asked during lunch: from 13:00", t,
       events({ev("A-1", "ask", "2026-01-06T12:30:00Z"), ev("Q-1", "reply", "2026-01-06T15:00:00Z", "Lunch")}), "", {}},
      // Tue 05:00: 1 hour until 06:00, then Tue 22:00 + 1 hour.
      {"night span: Tue 05:00 -> Tue 23:00", t,
       events({ev("C-1", "call", "2026-01-06T05:00:00Z"), ev("Q-1", "reply", "2026-01-06T23:00:00Z", "Night")}), "", {}},
      {"night span: 23:01 is late", t,
       events({ev("C-1", "call", "2026-01-06T05:00:00Z"), ev("Q-1", "reply", "2026-01-06T23:01:00Z", "Night")}), "",
       {"Night|1|late|Night|C-1,Q-1"}},
      // Wed 23:00: 1 hour to 24:00; Thu 01-08 is a holiday (its 00:00-06:00 and 22:00-24:00 go),
      // so the second hour is Fri 00:00-01:00.
      {"night span with a holiday after midnight: Fri 01:00", t,
       events({ev("C-1", "call", "2026-01-07T23:00:00Z"), ev("Q-1", "reply", "2026-01-09T01:00:00Z", "Night")}), "", {}},
      {"night span with a holiday after midnight: Thu 01:00 would be in time without it", t,
       events({ev("C-1", "call", "2026-01-07T23:00:00Z"), ev("Q-1", "reply", "2026-01-09T01:01:00Z", "Night")}), "",
       {"Night|1|late|Night|C-1,Q-1"}},
  });
}
