// Fuzz target: the whole `pactum check` pipeline on a small fixed agreement with every rule form;
// the input is the log. Every report format is rendered, and the streamed check must give what the
// loaded one gives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

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
  currency "EUR"
  fee monthly_fee 10000
  credits at most 1000 every month

party Acme
  business hours mon-fri 08:00-18:00, sat 10:00-14:00
  timezone "Europe/Berlin"
party Northwind
  business hours sun-thu 22:00-06:00

calendar Hotline
  timezone "Asia/Manila"
  business hours mon-sat 07:00-22:00

interval outage from outage_start to outage_end with same service
interval maintenance from maint_start by Northwind to maint_end

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

term "Version 2 service levels"
  effective 2026-02-01 to 2026-11-30
  credit 100
  credit 5% of monthly_fee when measured below 90
  credit 50 per hour late
  at least 80% of call have wait <= 20 every month or at most 1 failed when fewer than 5 cases
  at most 10% of call by Northwind have abandoned = true every week grouped by period
  every ticket requires response by Northwind with same ticket within 4 business hours after paused from hold until resume in at least 90% of cases every month
  every incident requires fix with same incident within 8 hours after paused from hold until resume
  every month requires report by Northwind for the month within 5 business days after
  every quarter requires forecast for the period at least 2 business days before
  no closure during business hours of Hotline
  every order outside business hours of Hotline requires shipment within 0 business days of Hotline after
  every termination requires termination_notice with same `by` at least 90 days before

expectation "Version 2 intervals"
  responsible Northwind
  credit 250 per day late
  availability of outage at least 99.5% every month
  availability of outage during business hours of Hotline at least 99% every week
  downtime of maintenance at most 4 hours every month
  percentile 90 duration of outage at most 8 hours every month
  average duration of outage during business hours of Acme at most 2 hours every quarter
)";

// The same log checked the loaded way and streamed (events dropped after every timestamp,
// symbols forgotten every few events) must give the same report, warnings and errors
// (engine/app/streamed_check.cc). The log is a memory file, so both read it by one path.
void check_streamed_equals_loaded(const std::string& text, pactum::log::Backend backend) {
  using namespace pactum;
  int fd = ::memfd_create("fuzz-log", MFD_CLOEXEC);
  if (fd < 0) return;
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  std::vector<std::string> paths{"/proc/self/fd/" + std::to_string(fd)};
  auto render = [](app::Session& s) {
    std::string out = s.render_errors(false) + "\n--- warnings ---\n" + s.render_warnings(false);
    if (s.errors.has_errors()) return out;
    report::ReportData report{s.sources, *s.agreement, &s.log, &s.outcome, s.lint,
                              lint::obligation_balance(*s.agreement), false, &s.credits};
    return out + "\n--- report ---\n" + report::render(report::Format::Json, report);
  };
  app::Session loaded, streamed;
  if (!loaded.load_agreement_text("fixed.terms", kAgreement) || !streamed.load_agreement_text("fixed.terms", kAgreement))
    fuzz::fail("fixed agreement rejected", loaded.render_errors(false));
  if (loaded.load_logs(paths, backend)) loaded.evaluate(std::nullopt);
  auto how = streamed.stream_check(paths, backend, nullptr, std::nullopt);
  if (how.result != app::Session::Streamed::Done && how.load_ok) streamed.evaluate(std::nullopt);
  ::close(fd);
  std::string a = render(loaded), b = render(streamed);
  if (a != b) fuzz::fail("streamed and loaded checks differ", "--- loaded ---\n" + a + "\n--- streamed ---\n" + b);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  ::setenv("PACTUM_STREAM_BATCH", "1", 1);
  return 0;
}

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
  if (backend == log::Backend::Libyaml) check_streamed_equals_loaded(text, backend);
  report::ReportData report{s.sources, *s.agreement, &s.log, &s.outcome, s.lint,
                            lint::obligation_balance(*s.agreement), false, &s.credits};
  for (auto format : {report::Format::Text, report::Format::Json, report::Format::Junit, report::Format::Sarif,
                      report::Format::Github, report::Format::Markdown, report::Format::Html})
    (void)report::render(format, report);
  return 0;
}
