// Edge cases across spec 4 and 5: business days before in another party's zone, target patterns
// with conditions and `by`, as-of before the effective start, merged logs (file order for equal
// times), the log's own timezone, DST in daily windows.
#include "tests/unit/app/eval_fixture.h"

using namespace pactum::eval_test;

namespace {

const std::string kManila = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
  timezone "Asia/Manila"
)";

}  // namespace

TEST_CASE("Business days before, in the named party's zone", "[eval][before][business]") {
  // A = Mon 01-12 01:00Z, already Mon 09:00 in Manila (in UTC it is also Monday).
  // `of Northwind`: the 1st business day before Monday is Fri 01-09 in Manila:
  //   at least: by 24:00 Fri Manila = 16:00Z Fri; within: from 00:00 Fri Manila = 16:00Z Thu.
  const std::string least = kManila + "term \"N\"\n  every visit requires notice at least 1 business days of Northwind before\n";
  const std::string within = kManila + "term \"N\"\n  every visit requires notice within 1 business days of Northwind before\n";
  const std::string by_nw = kManila + "term \"N\"\n  every visit requires notice by Northwind within 1 business days before\n";
  const std::string utc_least = kManila + "term \"N\"\n  every visit requires notice at least 1 business days before\n";
  const std::string visit = "{id: V-1, at: 2026-01-12T01:00:00Z, type: visit}";
  check_cases({
      {"at least, Manila: 16:00Z Fri is the limit", least,
       events({"{id: N-1, at: 2026-01-09T16:00:00Z, type: notice}", visit}), "", {}},
      {"at least, Manila: 16:01Z Fri is late", least, events({"{id: N-1, at: 2026-01-09T16:01:00Z, type: notice}", visit}),
       "", {"N|1|late|unassigned|V-1,N-1"}},
      {"at least, agreement calendar (UTC): 16:01Z Fri is fine", utc_least,
       events({"{id: N-1, at: 2026-01-09T16:01:00Z, type: notice}", visit}), "", {}},
      {"within, Manila: 16:00Z Thu is inside", within,
       events({"{id: N-1, at: 2026-01-08T16:00:00Z, type: notice}", visit}), "", {}},
      {"within, Manila: 15:59Z Thu is early", within,
       events({"{id: N-1, at: 2026-01-08T15:59:00Z, type: notice}", visit}), "", {"N|1|early|unassigned|V-1,N-1"}},
      {"within, target by Northwind: the same calendar", by_nw,
       events({"{id: N-1, at: 2026-01-08T15:59:00Z, type: notice, by: Northwind}", visit}), "",
       {"N|1|early|Northwind|V-1,N-1"}},
  });
}

TEST_CASE("Target patterns: type, by and condition all have to match", "[eval][same]") {
  const std::string t = utc("term \"N\"\n  every visit requires notice by Acme where formal = true before\n");
  const std::string a = utc("term \"N\"\n  every visit where kind = \"site\" requires notice before\n");
  const std::string visit = "{id: V-1, at: 2026-01-06T10:00:00Z, type: visit}";
  check_cases({
      {"matching target", t, events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, by: Acme, formal: true}", visit}),
       "", {}},
      {"another party's notice", t,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, by: Northwind, formal: true}", visit}), "",
       {"N|1|missing|Acme|V-1"}},
      {"a notice without by", t, events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, formal: true}", visit}), "",
       {"N|1|missing|Acme|V-1"}},
      {"an informal notice", t,
       events({"{id: N-1, at: 2026-01-05T10:00:00Z, type: notice, by: Acme, formal: false}", visit}), "",
       {"N|1|missing|Acme|V-1"}},
      {"activation condition: only site visits are checked", a,
       events({"{id: V-1, at: 2026-01-06T10:00:00Z, type: visit, kind: site}",
               "{id: V-2, at: 2026-01-06T11:00:00Z, type: visit, kind: remote}",
               "{id: V-3, at: 2026-01-06T12:00:00Z, type: visit}"}),
       "", {"N|1|missing|unassigned|V-1"}},
  });
}

TEST_CASE("As-of before the effective start", "[eval][interval]") {
  const std::string t = utc("term \"W\"\n  at least 1 x every day\nterm \"N\"\n  no x\nterm \"R\"\n  every x requires y after\n");
  auto s = run(t, events({"{id: X-1, at: 2025-12-20T10:00:00Z, type: x}"}), "2025-12-25T00:00:00Z");
  CHECK(s->outcome.evaluated);
  CHECK(dump_findings(*s) == "");
  CHECK(dump_pending(*s) == "");
  CHECK(s->outcome.ignored_events == 1);
}

TEST_CASE("Merged logs: equal times are ordered by file, then index", "[eval][order]") {
  const std::string t = utc("term \"N\"\n  no x\n");
  pactum::app::Session s;
  REQUIRE(s.load_agreement_text("a.terms", t));
  REQUIRE(s.load_log_text("one.yaml",
                          events({"{id: A-1, at: 2026-01-06T10:00:00Z, type: x}", "{id: A-2, at: 2026-01-06T09:00:00Z, type: x}",
                                  "{id: A-3, at: 2026-01-06T10:00:00Z, type: x}"}),
                          pactum::log::Backend::Libyaml));
  REQUIRE(s.load_log_text("two.yaml", events({"{id: B-1, at: 2026-01-06T10:00:00Z, type: x}",
                                              "{id: B-2, at: 2026-01-06T08:00:00Z, type: x}"}),
                          pactum::log::Backend::Libyaml));
  s.evaluate(std::nullopt);
  CHECK(dump_findings(s) == lines({"N|1|forbidden|unassigned|B-2", "N|1|forbidden|unassigned|A-2",
                                   "N|1|forbidden|unassigned|A-1", "N|1|forbidden|unassigned|A-3",
                                   "N|1|forbidden|unassigned|B-1"}));
}

TEST_CASE("Latest value with equal times: the last in file order", "[eval][aggregate]") {
  const std::string t = utc("term \"L\"\n  latest v of k at least 50 every month\n");
  check_cases({
      {"last of two equal-time values is low", t,
       events({"{id: K-1, at: 2026-01-06T10:00:00Z, type: k, v: 90}", "{id: K-2, at: 2026-01-06T10:00:00Z, type: k, v: 10}"}),
       "2026-02-01T00:00:00Z", {"L|1|below-target|unassigned|@2026-01-01T00:00:00+00:00 K-1,K-2"}},
      {"last of two equal-time values is high", t,
       events({"{id: K-1, at: 2026-01-06T10:00:00Z, type: k, v: 10}", "{id: K-2, at: 2026-01-06T10:00:00Z, type: k, v: 90}"}),
       "2026-02-01T00:00:00Z", {}},
  });
}

TEST_CASE("The log's timezone applies to times without offset", "[eval][interval]") {
  const std::string t = R"(
agreement "T"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
term "H"
  every visit occurs within business hours of Acme
party Acme
  timezone "UTC"
)";
  // 10:00 in Tokyo is 01:00Z: outside Acme's hours (09:00-17:00 UTC); 10:00 New York would be inside.
  auto tokyo = run(t, "timezone: \"Asia/Tokyo\"\nevents:\n  - {id: V-1, at: 2026-01-06T10:00:00, type: visit}\n");
  CHECK(dump_findings(*tokyo) == "H|1|outside-hours|unassigned|V-1\n");
  auto agreement_zone = run(t, "events:\n  - {id: V-1, at: 2026-01-06T10:00:00, type: visit}\n");
  CHECK(dump_findings(*agreement_zone) == "");
}

TEST_CASE("Daily windows across DST are local days", "[eval][periodic]") {
  const std::string t = R"(
agreement "T"
  effective 2026-03-07 to 2026-12-31
  timezone "America/New_York"
term "D"
  at least 1 m every day
)";
  // Sun 03-08 is 23 hours long in New York: 05:00Z to 04:00Z next day.
  check_cases({
      {"a report at 23:30 EDT on 03-08 counts for 03-08", t,
       events({"{id: M-7, at: 2026-03-07T15:00:00Z, type: m}", "{id: M-8, at: 2026-03-09T03:30:00Z, type: m}",
               "{id: M-9, at: 2026-03-09T15:00:00Z, type: m}"}),
       "2026-03-10T00:00:00", {}},
      {"an empty 03-08 starts at 05:00Z", t,
       events({"{id: M-7, at: 2026-03-07T15:00:00Z, type: m}", "{id: M-9, at: 2026-03-09T04:30:00Z, type: m}"}),
       "2026-03-09T23:59:59", {"D|1|too-few|unassigned|@2026-03-08T00:00:00-05:00"}},
  });
}
