// Lint for V2.6 rules: `perfection-target` on availability (allowed downtime in the shortest window
// under 5 minutes) and `downtime ... at most 0`; `never-met` wording and rewrites for V2.6 rules.
#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {

// kAcmeNorthwind: 2026 in UTC; Acme works mon-fri 09:00-17:00 New York time (160 hours in
// February 2026, the shortest month: 28 days, 40320 minutes).
std::string with_rule(const std::string& rule) {
  return std::string(kAcmeNorthwind) +
         "\ninterval outage from outage_start to outage_end with same service\n"
         "\nexpectation \"Uptime\"\n  responsible Northwind\n  " +
         rule + "\n";
}

eval::PeriodicSummary summary(const model::Agreement& a, size_t judged, size_t failed, double best) {
  eval::PeriodicSummary s;
  s.block = &a.blocks[0];
  s.rule = &a.blocks[0].rules[0];
  s.judged_windows = judged;
  s.failed_windows = failed;
  s.best_value = best;
  return s;
}

}  // namespace

TEST_CASE("perfection-target: availability with under 5 minutes of allowed downtime", "[lint][perfection-target][intervals]") {
  run_cases(lint::kPerfectionTarget,
            {
                {"99.99% of a month (February: 4 minutes) fires", with_rule("availability of outage at least 99.99% every month"), 1},
                {"99.9% of a month (40 minutes) passes", with_rule("availability of outage at least 99.9% every month"), 0},
                {"99.99% of a quarter (Q1: 12.96 minutes) passes", with_rule("availability of outage at least 99.99% every quarter"), 0},
                {"99.9% of a day (1.44 minutes) fires", with_rule("availability of outage at least 99.9% every day"), 1},
                {"99.5% of a day (7.2 minutes) passes", with_rule("availability of outage at least 99.5% every day"), 0},
                {"100% fires", with_rule("availability of outage at least 100% every year"), 1},
                {"99.95% of Acme's February business time (4.8 minutes) fires",
                 with_rule("availability of outage during business hours of Acme at least 99.95% every month"), 1},
                {"99.9% of Acme's February business time (9.6 minutes) passes",
                 with_rule("availability of outage during business hours of Acme at least 99.9% every month"), 0},
                {"99% of a business day (4.8 minutes) fires; closed days are not the shortest window",
                 with_rule("availability of outage during business hours of Acme at least 99% every day"), 1},
                {"98.9% of a business day (5.28 minutes) passes",
                 with_rule("availability of outage during business hours of Acme at least 98.9% every day"), 0},
                {"downtime at most 0 minutes fires", with_rule("downtime of outage at most 0 minutes every month"), 1},
                {"downtime at most 0 hours fires", with_rule("downtime of outage at most 0 hours every month"), 1},
                {"downtime at most 1 minute passes", with_rule("downtime of outage at most 1 minute every month"), 0},
                {"a duration measure is not checked", with_rule("maximum duration of outage at most 0 minutes every month"), 0},
            });
}

TEST_CASE("perfection-target: availability entries point at the target and propose one", "[lint][perfection-target][intervals]") {
  auto l = lint_text(with_rule("availability of outage at least 99.99% every month"));
  INFO(l->dump());
  const Diagnostic* d = l->first(lint::kPerfectionTarget);
  REQUIRE(d);
  CHECK(d->level == DiagLevel::Warning);
  CHECK(d->loc.line == 18);
  CHECK(d->loc.column == 35);
  CHECK(d->width == 6);
  CHECK_THAT(d->message, Catch::Contains("allows only 4 minutes 1 second of downtime") &&
                             Catch::Contains("2026-02-01 to 2026-02-28"));
  REQUIRE(d->notes.size() == 2);
  CHECK_THAT(d->notes[0], Catch::StartsWith("write `availability of outage at least 99.98% every month`") &&
                              Catch::Contains("8 minutes 3 seconds"));

  auto zero = lint_text(with_rule("downtime of outage at most 0 minutes every month"));
  INFO(zero->dump());
  d = zero->first(lint::kPerfectionTarget);
  REQUIRE(d);
  CHECK(d->loc.column == 30);
  CHECK(d->width == 9);
  CHECK_THAT(d->notes[0], Catch::StartsWith("write `downtime of outage at most 41 minutes every month`"));
}

TEST_CASE("never-met: V2.6 rules name what they measure and propose the best level reached", "[lint][never-met][intervals]") {
  struct Row {
    const char* rule;
    double best;
    const char* message;
    const char* rewrite;
  };
  std::vector<Row> rows{
      {"availability of outage at least 99.5% every month", 97.5806,
       "availability of outage at least 99.5% every month failed in all 3 judged months; the best value seen in a month was 97.58%",
       "write `availability of outage at least 97.58% every month`"},
      {"availability of outage during business hours of Acme at least 99.5% every month", 97.1,
       "availability of outage during business hours of Acme at least 99.5%",
       "write `availability of outage during business hours of Acme at least 97.1% every month`"},
      {"downtime of outage at most 4 hours every month", 270,
       "downtime of outage at most 4 hours every month failed in all 3 judged months; the best value seen in a month was 4 hours 30 minutes",
       "write `downtime of outage at most 270 minutes every month`"},
      {"percentile 80 duration of outage at most 8 hours every month", 4320,
       "percentile 80 duration of outage at most 8 hours every month failed",
       "write `percentile 80 duration of outage at most 72 hours every month`"},
      {"minimum duration of outage at least 2 hours every month", 59.5,
       "minimum duration of outage at least 2 hours every month failed",
       "write `minimum duration of outage at least 59 minutes every month`"},
  };
  for (const auto& row : rows) {
    SECTION(row.rule) {
      auto l = lint_text(with_rule(row.rule));
      auto out = lint::never_met({summary(l->ast, 3, 3, row.best)});
      REQUIRE(out.size() == 1);
      CHECK(out[0].code == lint::kNeverMet);
      CHECK_THAT(out[0].message, Catch::Contains(row.message));
      REQUIRE(!out[0].notes.empty());
      CHECK_THAT(out[0].notes[0], Catch::Contains(row.rewrite));
      CHECK(lint::never_met({summary(l->ast, 3, 2, row.best)}).empty());
    }
  }
}
