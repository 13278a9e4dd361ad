// Fuzz target: the .terms front end and everything an agreement alone drives.
//   text -> lexer/parser -> AST -> canonical text (must parse again to the same text)
//        -> semantic resolution -> lint -> evaluation against a small fixed log -> JSON report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/app/session.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"
#include "engine/report/report.h"
#include "fuzz/fuzz_common.h"

namespace {

constexpr const char* kLog = R"(events:
  - {id: N1, at: 2026-02-02T09:00:00Z, type: notice, by: Acme, visit: V1, minutes: 12}
  - {id: V1, at: 2026-02-04T10:00:00Z, type: site_visit, by: Acme, visit: V1, minutes: 80}
  - {id: T1, at: 2026-02-07T23:30:00Z, type: ticket, by: Northwind, priority: high, tags: [a, b]}
  - {id: R1, at: 2026-02-09T08:00:00Z, type: response, by: Northwind, ticket: T1, score: 97.5}
  - {id: M1, at: 2026-03-31T12:00:00Z, type: meeting, by: Acme, ok: true}
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pactum;
  if (size > 64 * 1024) return -1;  // bigger inputs only slow the search down
  std::string text(reinterpret_cast<const char*>(data), size);

  app::Session s;
  bool ok = s.load_agreement_text("fuzz.terms", text);
  fuzz::require_located(s.errors, text);
  if (!s.parsed) return 0;

  // The formatter's output must read back, and format to itself (fmt -w never changes meaning
  // silently or produces a file pactum cannot read).
  std::string formatted = model::format_agreement(s.ast);
  {
    app::Session again;
    again.load_agreement_text("formatted.terms", formatted);
    if (!again.parsed)
      fuzz::fail("formatted agreement does not parse",
                 "--- input ---\n" + text + "\n--- formatted ---\n" + formatted + "\n--- errors ---\n" +
                     again.render_errors(false));
    std::string twice = model::format_agreement(again.ast);
    if (twice != formatted)
      fuzz::fail("fmt is not idempotent", "--- input ---\n" + text + "\n--- once ---\n" + formatted +
                                              "\n--- twice ---\n" + twice);
  }

  if (!ok || !s.resolved) {
    if (s.agreement) s.run_lint();  // `pactum lint` still runs on agreement errors
    return 0;
  }
  if (!s.load_log_text("fixed.yaml", kLog, log::Backend::Libyaml)) return 0;  // e.g. undeclared `by`
  s.evaluate(std::nullopt);
  report::ReportData report{s.sources, *s.agreement, &s.log, &s.outcome, s.lint,
                            lint::obligation_balance(*s.agreement), false, &s.credits};
  (void)report::render(report::Format::Json, report);
  (void)report::render(report::Format::Text, report);
  return 0;
}
