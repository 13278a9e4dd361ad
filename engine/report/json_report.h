// JSON building blocks shared by the JSON and SARIF renderers.
#pragma once
#include <nlohmann/json.hpp>

#include "engine/report/report.h"

namespace pactum::report {

nlohmann::ordered_json finding_json(const ReportData& d, const eval::Finding& f);
nlohmann::ordered_json lint_json(const ReportData& d, const Diagnostic& l);
nlohmann::ordered_json json_document(const ReportData& d);

}  // namespace pactum::report
