// Every production of spec section 3 is accepted and builds the right AST.
#include <array>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pactum;
using pactum::test::parse;
using pactum::test::diag_lines;

namespace {

// Parses `rule` as the only rule of a term and returns it (failing the test on any error).
model::Rule one_rule(const std::string& rule) {
  auto p = parse("term \"t\"\n  " + rule + "\n");
  INFO("rule: " << rule << "\n" << diag_lines(p.diags));
  REQUIRE(p.ok);
  REQUIRE(p.agreement.blocks.size() == 1);
  REQUIRE(p.agreement.blocks[0].rules.size() == 1);
  return p.agreement.blocks[0].rules[0];
}

}  // namespace

TEST_CASE("parser: every rule form, timing, duration and period reads back in canonical text") {
  struct Case {
    const char* input;
    const char* canonical;
  };
  const Case cases[] = {
      // 5.1 and every timing
      {"every a requires b before", "every a requires b before"},
      {"every a requires b after", "every a requires b after"},
      {"every a requires b at least 48 hours before", "every a requires b at least 48 hours before"},
      {"every a requires b within 2 days before", "every a requires b within 2 days before"},
      {"every a requires b within 2 days after", "every a requires b within 2 days after"},
      {"every a requires b no later than due", "every a requires b no later than due"},
      {"every a requires b with same k before", "every a requires b with same k before"},
      {"every a requires b with same k1, k2 , k3 after", "every a requires b with same k1, k2, k3 after"},
      // every unit, singular and plural
      {"every a requires b within 1 minute after", "every a requires b within 1 minute after"},
      {"every a requires b within 30 minutes after", "every a requires b within 30 minutes after"},
      {"every a requires b within 1 hours after", "every a requires b within 1 hour after"},
      {"every a requires b within 2 hour after", "every a requires b within 2 hours after"},
      {"every a requires b within 1 days after", "every a requires b within 1 day after"},
      {"every a requires b within 3 week after", "every a requires b within 3 weeks after"},
      {"every a requires b within 1 weeks after", "every a requires b within 1 week after"},
      {"every a requires b within 10 business days after", "every a requires b within 10 business days after"},
      {"every a requires b within 1 business days after", "every a requires b within 1 business day after"},
      {"every a requires b within 4 business hour after", "every a requires b within 4 business hours after"},
      {"every a requires b within 0 business days of Acme after",
       "every a requires b within 0 business days of Acme after"},
      {"every a requires b at least 2 business days of P before",
       "every a requires b at least 2 business days of P before"},
      // patterns
      {"every a by P requires b by Q before", "every a by P requires b by Q before"},
      {"every a where x = 1 requires b where y != \"z\" before",
       "every a where x = 1 requires b where y != \"z\" before"},
      // 5.2
      {"every a occurs within business hours of P", "every a occurs within business hours of P"},
      {"every a by P occurs within business hours of P and Q and R",
       "every a by P occurs within business hours of P and Q and R"},
      // 5.3 and every period
      {"at least 1 meeting every day", "at least 1 meeting every day"},
      {"at least 1 meeting every week", "at least 1 meeting every week"},
      {"at least 1 meeting every month", "at least 1 meeting every month"},
      {"at least 1 meeting every quarter", "at least 1 meeting every quarter"},
      {"at least 1 meeting every year", "at least 1 meeting every year"},
      {"at least 1 meeting every 10 days", "at least 1 meeting every 10 days"},
      {"at least 1 meeting every 2 weeks", "at least 1 meeting every 2 weeks"},
      {"at least 1 meeting every 3 months", "at least 1 meeting every 3 months"},
      {"at least 1 meeting every 1 month", "at least 1 meeting every 1 month"},
      {"at least 1 meeting every 0 days", "at least 1 meeting every 0 days"},
      {"at least 1 meeting every week allowing 1 missed per quarter",
       "at least 1 meeting every week allowing 1 missed per quarter"},
      {"at least 2 meeting by P where topic = review every 2 weeks allowing 3 missed per 6 months",
       "at least 2 meeting by P where topic = review every 2 weeks allowing 3 missed per 6 months"},
      // 5.4, 5.5
      {"at most 2 site_visit by Acme every month", "at most 2 site_visit by Acme every month"},
      {"no sla_change", "no sla_change"},
      {"no sla_change where approved_by_both = false", "no sla_change where approved_by_both = false"},
      // 5.6 and every aggregate
      {"average value of kpi_report at least 80% every month", "average value of kpi_report at least 80% every month"},
      {"minimum value of r at most 3.5 every week", "minimum value of r at most 3.5 every week"},
      {"maximum value of r at most 360 every day", "maximum value of r at most 360 every day"},
      {"total value of r at least 99.5% every year", "total value of r at least 99.5% every year"},
      {"latest value of r where kpi = \"x\" at most 0 every quarter",
       "latest value of r where kpi = \"x\" at most 0 every quarter"},
      // layout and case are free
      {"Every site_visit  BY Acme requires notice by Acme with same visit at least 48 Hours before",
       "every site_visit by Acme requires notice by Acme with same visit at least 48 hours before"},
      {"AT   LEAST 1 m\n  EVERY\n\n  Week  # comment\n", "at least 1 m every week"},
      // backticked reserved names
      {"every `note` by `by` requires `name` with same `at`, `id` before",
       "every `note` by `by` requires `name` with same `at`, id before"},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input);
    CHECK(one_rule(c.input).text == c.canonical);
  }
}

TEST_CASE("parser: conditions, precedence, not, parentheses, include, is present") {
  struct Case {
    const char* condition;
    const char* tree;
    const char* canonical;
  };
  const Case cases[] = {
      {"x = 1", "x=1", "x = 1"},
      {"x != \"a\"", "x!=\"a\"", "x != \"a\""},
      {"x < 3.5", "x<3.5", "x < 3.5"},
      {"x <= 80%", "x<=80%", "x <= 80%"},
      {"x > 2026-01-31", "x>2026-01-31", "x > 2026-01-31"},
      {"x >= 2026-01-31T09:30:00Z", "x>=2026-01-31T09:30:00Z", "x >= 2026-01-31T09:30:00Z"},
      {"x = TRUE", "x=true", "x = true"},
      {"x = false", "x=false", "x = false"},
      {"x = Acme", "x=Acme", "x = Acme"},
      {"x = `note`", "x=`note`", "x = `note`"},
      {"a = 1 or b = 2 and c = 3", "(or a=1 (and b=2 c=3))", "a = 1 or b = 2 and c = 3"},
      {"a = 1 and b = 2 or c = 3", "(or (and a=1 b=2) c=3)", "a = 1 and b = 2 or c = 3"},
      {"(a = 1 or b = 2) and c = 3", "(and (or a=1 b=2) c=3)", "(a = 1 or b = 2) and c = 3"},
      {"a = 1 and (b = 2 and c = 3)", "(and a=1 b=2 c=3)", "a = 1 and b = 2 and c = 3"},
      {"(a = 1 or b = 2) or c = 3", "(or a=1 b=2 c=3)", "a = 1 or b = 2 or c = 3"},
      {"((a = 1))", "a=1", "a = 1"},
      {"not a = 1", "(not a=1)", "not a = 1"},
      {"not a = 1 and b = 2", "(and (not a=1) b=2)", "not a = 1 and b = 2"},
      {"not (a = 1 and b = 2)", "(not (and a=1 b=2))", "not (a = 1 and b = 2)"},
      {"not not a is present", "(not (not a present))", "not not a is present"},
      {"attendees include Acme", "attendees include Acme", "attendees include Acme"},
      {"attendees include Acme, \"North wind\", 3", "attendees include Acme \"North wind\" 3",
       "attendees include Acme, \"North wind\", 3"},
      {"a is present", "a present", "a is present"},
      {"a IS ABSENT", "a absent", "a is absent"},
      {"topic = \"service review\" and attendees include Acme, Northwind",
       "(and topic=\"service review\" attendees include Acme Northwind)",
       "topic = \"service review\" and attendees include Acme, Northwind"},
  };
  for (const auto& c : cases) {
    INFO("condition: " << c.condition);
    auto rule = one_rule(std::string("no e where ") + c.condition);
    REQUIRE(rule.subject.where);
    CHECK(test::sexpr(*rule.subject.where) == c.tree);
    CHECK(model::canonical_text(*rule.subject.where) == c.canonical);
  }
}

TEST_CASE("parser: literal kinds and values") {
  auto rule = one_rule("no e where a = \"q\\\"x\\\\\" or b = 3.5% or c = 2026-02-01 or d = 2026-02-01T10:00+05:30 or "
                       "e = true or f = Acme");
  REQUIRE(rule.subject.where);
  const auto& ops = rule.subject.where->operands;
  REQUIRE(ops.size() == 6);
  using K = model::Literal::Kind;
  CHECK(ops[0].values[0].kind == K::String);
  CHECK(ops[0].values[0].text == "q\"x\\");
  CHECK(ops[1].values[0].kind == K::Number);
  CHECK(ops[1].values[0].number == 3.5);
  CHECK(ops[1].values[0].percent);
  CHECK(ops[1].values[0].text == "3.5");
  CHECK(ops[2].values[0].kind == K::Date);
  CHECK(ops[2].values[0].time.date_only);
  CHECK(ops[3].values[0].kind == K::DateTime);
  REQUIRE(ops[3].values[0].time.offset);
  CHECK(ops[3].values[0].time.offset->count() == 330);
  CHECK(ops[4].values[0].kind == K::Bool);
  CHECK(ops[4].values[0].boolean);
  CHECK(ops[5].values[0].kind == K::Identifier);
  CHECK(ops[5].values[0].text == "Acme");
  CHECK(ops[5].values[0].loc.line == 2);
}

TEST_CASE("parser: rule fields") {
  auto r = one_rule("every dispute_raised by X requires dispute_resolved with same dispute within 10 business days of Y after");
  CHECK(r.kind == model::Rule::Kind::Requires);
  CHECK(r.number == 1);
  CHECK(r.loc.line == 2);
  CHECK(r.loc.column == 3);
  CHECK(r.subject.type.text == "dispute_raised");
  CHECK(r.subject.type.loc.column == 9);
  REQUIRE(r.subject.by);
  CHECK(r.subject.by->text == "X");
  CHECK(r.target.type.text == "dispute_resolved");
  CHECK_FALSE(r.target.by);
  REQUIRE(r.same.size() == 1);
  CHECK(r.same[0].text == "dispute");
  CHECK(r.timing.kind == model::Timing::Kind::WithinAfter);
  CHECK(r.timing.duration.amount == 10);
  CHECK(r.timing.duration.unit == model::Duration::Unit::BusinessDays);
  REQUIRE(r.timing.duration.of_party);
  CHECK(r.timing.duration.of_party->text == "Y");

  auto a = one_rule("at least 3 m every 2 weeks allowing 1 missed per quarter");
  CHECK(a.kind == model::Rule::Kind::AtLeast);
  CHECK(a.count == 3);
  CHECK(a.period.unit == model::Period::Unit::Weeks);
  CHECK(a.period.count == 2);
  REQUIRE(a.allowed_misses);
  CHECK(*a.allowed_misses == 1);
  CHECK(a.allowance_period.unit == model::Period::Unit::Quarter);

  auto m = one_rule("at most 2 m every month");
  CHECK(m.kind == model::Rule::Kind::AtMost);
  CHECK_FALSE(m.allowed_misses);
  CHECK(m.period.unit == model::Period::Unit::Month);

  auto g = one_rule("maximum value of r at most 99.5% every year");
  CHECK(g.kind == model::Rule::Kind::Aggregate);
  CHECK(g.aggregate == model::Aggregate::Maximum);
  CHECK(g.attribute.text == "value");
  CHECK_FALSE(g.at_least);
  CHECK(g.bound == 99.5);
  CHECK(g.percent);
  CHECK(g.bound_loc.column == 30);
  CHECK(g.period.unit == model::Period::Unit::Year);

  auto o = one_rule("every v occurs within business hours of A and B");
  CHECK(o.kind == model::Rule::Kind::OccursWithin);
  REQUIRE(o.parties.size() == 2);
  CHECK(o.parties[1].text == "B");

  auto n = one_rule("no x");
  CHECK(n.kind == model::Rule::Kind::No);
  CHECK(n.subject.type.text == "x");
}

TEST_CASE("parser: business hours, day spans, night shifts, whole days") {
  struct Case {
    const char* hours;
    std::vector<std::array<int, 4>> spans;  // first day, last day, open, close
  };
  const Case cases[] = {
      {"mon-fri 09:00-17:00", {{0, 4, 540, 1020}}},
      {"mon-fri 08:00-20:00, sat 09:00-13:00", {{0, 4, 480, 1200}, {5, 5, 540, 780}}},
      {"fri-mon 10:00-14:00", {{4, 0, 600, 840}}},
      {"sun-sun 10:00-11:00", {{6, 6, 600, 660}}},
      {"mon-fri 22:00-06:00", {{0, 4, 1320, 360}}},
      {"mon-sun 00:00-24:00", {{0, 6, 0, 1440}}},
      {"TUE 9:30-12:00 , Wed-thu 13:00-13:00", {{1, 1, 570, 720}, {2, 3, 780, 780}}},
  };
  for (const auto& c : cases) {
    INFO("hours: " << c.hours);
    auto p = parse(std::string("party P\n  business hours ") + c.hours + "\n");
    INFO(diag_lines(p.diags));
    REQUIRE(p.ok);
    const auto& hours = p.agreement.parties.at(0).calendar.hours;
    REQUIRE(hours.size() == c.spans.size());
    for (size_t i = 0; i < hours.size(); ++i) {
      CHECK(hours[i].first_day == c.spans[i][0]);
      CHECK(hours[i].last_day == c.spans[i][1]);
      CHECK(hours[i].open_minute == c.spans[i][2]);
      CHECK(hours[i].close_minute == c.spans[i][3]);
    }
  }
}

TEST_CASE("parser: options given twice accumulate lists and keep the last single value") {
  auto p = parse(R"(agreement "A"
  timezone "Europe/Paris"
  business hours mon 09:00-12:00
  holidays 2026-01-01
  timezone "UTC"
  business hours tue 09:00-12:00
  holidays 2026-12-25, 2026-12-26
  effective 2026-01-01 to 2026-06-30
  effective 2026-01-01 to 2026-12-31
party P
  name "One"
  name "Two"
  role client
  role provider
  holidays 2026-05-01
  timezone "Asia/Manila"
term "t"
  clause "1"
  clause "2"
  severity critical
  severity minor
  responsible A
  responsible B, C
  note "n1"
  note "n2"
  no x
)");
  INFO(diag_lines(p.diags));
  REQUIRE(p.ok);
  const auto& h = *p.agreement.header;
  CHECK(*h.name == "A");
  CHECK(*h.calendar.timezone == "UTC");
  CHECK(h.calendar.timezone_loc.line == 5);
  CHECK(h.calendar.hours.size() == 2);
  CHECK(h.calendar.hours_loc.line == 3);
  CHECK(h.calendar.holidays.size() == 3);
  CHECK(h.calendar.holidays_declared);
  CHECK(h.effective_to == date::year_month_day{date::year{2026}, date::December, date::day{31}});
  CHECK(h.effective_loc.line == 9);
  const auto& party = p.agreement.parties.at(0);
  CHECK(party.display_name == "Two");
  CHECK(party.role->text == "provider");
  CHECK(party.calendar.holidays_declared);
  CHECK(party.calendar.hours.empty());
  CHECK(*party.calendar.timezone == "Asia/Manila");
  const auto& b = p.agreement.blocks.at(0);
  CHECK(b.clause == "2");
  CHECK(b.severity == model::Severity::Minor);
  REQUIRE(b.responsible.size() == 3);
  CHECK(b.responsible[2].text == "C");
  CHECK(b.notes == std::vector<std::string>{"n1", "n2"});
}

TEST_CASE("parser: an empty file and a file without agreement are valid") {
  auto empty = parse("");
  CHECK(empty.ok);
  CHECK_FALSE(empty.agreement.header);
  CHECK(empty.agreement.timezone_name() == "UTC");
  auto comments = parse("# nothing here\n   \n# at all");
  CHECK(comments.ok);
  auto no_header = parse("party A\nterm \"t\" no x");
  CHECK(no_header.ok);
  CHECK_FALSE(no_header.agreement.header);
  CHECK(no_header.agreement.parties.size() == 1);
}

TEST_CASE("parser: the example agreement of spec section 1") {
  std::string text = R"(# Customer care outsourcing: Acme Telecom (client) and Northwind CX (provider)
agreement "Customer care outsourcing - Acme Telecom and Northwind CX"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"

party Acme
  name "Acme Telecom Inc."
  role client
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00
  holidays 2026-07-03, 2026-11-26, 2026-12-25

party Northwind
  name "Northwind CX"
  role provider
  timezone "Asia/Manila"
  business hours mon-fri 08:00-20:00, sat 09:00-13:00

term "Weekly service review"
  clause "4.2"
  responsible Acme, Northwind
  at least 1 meeting where topic = "service review" and attendees include Acme, Northwind every week allowing 1 missed per quarter

term "Site visits are announced"
  clause "7.1"
  severity critical
  every site_visit by Acme requires notice by Acme with same visit at least 48 hours before
  every site_visit occurs within business hours of Northwind

term "Site visits are limited"
  clause "7.2"
  at most 2 site_visit by Acme every month

term "KPI co-ownership"
  clause "5.3"
  every kpi_change requires approval by Acme with same kpi before
  every kpi_change requires approval by Northwind with same kpi before

term "Disputes are resolved"
  clause "9.1"
  every dispute_raised requires dispute_resolved with same dispute within 10 business days after

term "Data requests are answered"
  clause "6.4"
  every data_request by Northwind requires data_shared by Acme with same request within 3 business days after

term "Promises are kept"
  clause "2.1"
  every commitment by Northwind requires delivery by Northwind with same commitment no later than due

term "No unilateral SLA change"
  clause "5.4"
  no sla_change where approved_by_both = false

expectation "Service levels"
  clause "Schedule B"
  responsible Northwind
  average value of kpi_report where kpi = "first call resolution" at least 80% every month
  average value of kpi_report where kpi = "average handle time" at most 360 every month
)";
  auto p = parse(text);
  INFO(diag_lines(p.diags));
  REQUIRE(p.ok);
  const auto& a = p.agreement;
  REQUIRE(a.header);
  CHECK(*a.header->name == "Customer care outsourcing - Acme Telecom and Northwind CX");
  CHECK(a.header->loc.line == 2);
  CHECK(a.header->loc.column == 1);
  CHECK(a.timezone_name() == "America/New_York");
  REQUIRE(a.parties.size() == 2);
  CHECK(a.parties[0].calendar.holidays.size() == 3);
  CHECK(a.parties[1].calendar.hours.size() == 2);
  CHECK(a.parties[1].id.loc.line == 13);
  CHECK(a.parties[1].id.loc.column == 7);
  REQUIRE(a.blocks.size() == 9);
  size_t rules = 0;
  for (const auto& b : a.blocks) rules += b.rules.size();
  CHECK(rules == 12);
  const auto& visits = a.blocks[1];
  CHECK(visits.severity == model::Severity::Critical);
  CHECK(visits.clause == "7.1");
  REQUIRE(visits.rules.size() == 2);
  CHECK(visits.rules[0].text ==
        "every site_visit by Acme requires notice by Acme with same visit at least 48 hours before");
  CHECK(visits.rules[0].loc.line == 27);
  CHECK(visits.rules[0].loc.column == 3);
  CHECK(visits.rules[1].number == 2);
  CHECK(visits.rules[1].kind == model::Rule::Kind::OccursWithin);
  const auto& levels = a.blocks[8];
  CHECK(levels.expectation);
  CHECK(levels.rules[0].bound == 80);
  CHECK(levels.rules[0].percent);
  CHECK(levels.rules[1].bound == 360);
  CHECK_FALSE(levels.rules[1].at_least);
  CHECK(a.blocks[0].rules[0].text ==
        "at least 1 meeting where topic = \"service review\" and attendees include Acme, Northwind every week "
        "allowing 1 missed per quarter");
}

TEST_CASE("parser: columns count code points, not bytes") {
  auto p = parse("party P name \"h\xC3\xA9\xC3\xA9\" role `r\xC3\xA9le`  role x");
  INFO(diag_lines(p.diags));
  REQUIRE(p.ok);
  CHECK(p.agreement.parties[0].role->text == "x");
  auto bad = parse("party P name \"\xC3\xA9\xC3\xA9\" @");
  REQUIRE(bad.diags.items().size() == 1);
  CHECK(bad.diags.items()[0].loc.column == 19);
}
