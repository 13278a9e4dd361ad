// JSON building blocks shared by the JSON and SARIF renderers.
#pragma once
#include <nlohmann/json.hpp>

#include "engine/report/report.h"

namespace pactum::report {

// `charge`: the finding's credit (V2.8), if it is priced.
nlohmann::ordered_json finding_json(const ReportData& d, const eval::Finding& f,
                                    const credits::Charge* charge = nullptr);
// The top-level `credits` object (V2.8).
nlohmann::ordered_json credits_json(const ReportData& d, const credits::Ledger& ledger);
nlohmann::ordered_json lint_json(const ReportData& d, const Diagnostic& l);
nlohmann::ordered_json json_document(const ReportData& d);

}  // namespace pactum::report
