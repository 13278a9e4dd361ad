// JSON building blocks shared by the JSON and SARIF renderers.
#pragma once
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/report/report.h"

namespace pactum::report {

// A finding of the JSON report: `charge` is its credit (V2.8), if it is priced. finding_json_text
// is the object as text (PrettyJson: laid out and escaped as json_text lays out and escapes it,
// its inner lines indented `depth` levels), written straight, for the
// 60,000 findings of a large report; finding_json is the same object as a value, for the
// renderers that add members to it.
class RuleMembers;
std::string finding_json_text(const ReportData& d, const eval::Finding& f, const credits::Charge* charge = nullptr,
                              size_t depth = 0, const RuleMembers* laid_out = nullptr);
// The same text appended to `out` (a buffer that holds many findings, pieces_in_order.h).
void append_finding_json(std::string& out, const ReportData& d, const eval::Finding& f,
                         const credits::Charge* charge = nullptr, size_t depth = 0,
                         const RuleMembers* laid_out = nullptr);

// The members of a finding that its rule alone decides (`block` to `location`), laid out once per
// rule of `findings` for finding_json_text at `depth` (a report of 60,000 findings of a few
// rules repeats them): the same bytes as written member by member.
class RuleMembers {
 public:
  RuleMembers(const ReportData& d, const std::vector<eval::Finding>& findings, size_t depth);
  const std::string* of(const eval::Finding& f) const;  // null for a rule not seen

 private:
  std::map<std::pair<const model::Block*, const model::Rule*>, std::string> laid_out_;
};
nlohmann::ordered_json finding_json(const ReportData& d, const eval::Finding& f,
                                    const credits::Charge* charge = nullptr);
// The top-level `credits` object (V2.8).
nlohmann::ordered_json credits_json(const ReportData& d, const credits::Ledger& ledger);
nlohmann::ordered_json lint_json(const ReportData& d, const Diagnostic& l);
// `pactum`, `agreement` and, in a check, `as_of`, `judged` and `summary`: what comes before the
// findings.
nlohmann::ordered_json json_head(const ReportData& d);
nlohmann::ordered_json obligations_json(const ReportData& d);
// The `slice` member of a part (`check --slice`): what `pactum merge` needs besides the report
// itself to rebuild the whole run's report exactly (slice_part.cc).
nlohmann::ordered_json slice_json(const ReportData& d);

// The one escaping function of the JSON formats (JSON, SARIF): the document as text, indented by
// two. Invalid UTF-8 (a file name, say) becomes U+FFFD instead of aborting the report, and every
// control character (engine/base/text.h), which the JSON library writes raw unless it is below
// U+0020, is written as a \u escape, and so is the `[` of `##[`: the values are exact, and no
// terminal or CI log showing the file sees an escape sequence or a workflow command.
// A report too large to hold is written piece by piece instead (json_writer.h), with the same bytes.
std::string json_text(const nlohmann::ordered_json& document);

}  // namespace pactum::report
