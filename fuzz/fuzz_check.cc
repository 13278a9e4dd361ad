// Fuzz target: the whole `pactum check` pipeline on a small fixed agreement with every rule form;
// the input is the log. Every report format is rendered.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/app/session.h"
#include "engine/lint/lint.h"
#include "engine/report/report.h"
#include "fuzz/fuzz_common.h"

namespace {

constexpr const char* kAgreement = R"(agreement "Fuzz"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00
  holidays 2026-01-01, 2026-07-03

party Acme
  business hours mon-fri 08:00-18:00, sat 10:00-14:00
  timezone "Europe/Berlin"
party Northwind
  business hours sun-thu 22:00-06:00

term "Notice"
  clause "1.1"
  severity critical
  every site_visit by Acme requires notice by Acme with same visit at least 48 hours before
  every site_visit occurs within business hours of Northwind and Acme

term "Response"
  every ticket where priority = "high" or (score >= 80% and not tags include a, b) requires response by Northwind with same ticket within 2 business days after
  every ticket where escalated is present requires response within 4 business hours of Acme after
  every report requires approval no later than due

expectation "Cadence"
  severity minor
  at least 2 meeting every month allowing 1 missed per quarter
  at most 3 incident by Northwind every 2 weeks
  no breach where level > 3
  average `duration` of call at most 15 every week
  maximum score of survey at least 90% every quarter
  latest version of release at least 2 every year
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pactum;
  if (size < 1 || size > 256 * 1024) return -1;
  log::Backend backend = (data[0] & 1) ? log::Backend::YamlCpp : log::Backend::Libyaml;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  app::Session s;
  if (!s.load_agreement_text("fixed.terms", kAgreement)) fuzz::fail("fixed agreement rejected", s.render_errors(false));
  if (!s.load_log_text("fuzz.yaml", text, backend)) {
    fuzz::require_located(s.errors, text);
    (void)s.render_errors(false);
    return 0;
  }
  s.evaluate(std::nullopt);
  (void)s.render_warnings(false);
  report::ReportData report{s.sources, *s.agreement, &s.log, &s.outcome, s.lint,
                            lint::obligation_balance(*s.agreement), false};
  for (auto format : {report::Format::Text, report::Format::Json, report::Format::Junit, report::Format::Sarif,
                      report::Format::Github, report::Format::Markdown, report::Format::Html})
    (void)report::render(format, report);
  return 0;
}
