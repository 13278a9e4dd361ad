// Lint advice on the agreement itself, and the obligation balance: how many rules bind each
// party by the agreement's text alone.
#include <fmt/format.h>

#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"

namespace pactum::report::html {

std::string lint(const Page& p) {
  const auto& d = p.d;
  std::string out = "<section id=\"lint\" class=\"page-start\">\n<h2>Agreement lint</h2>\n<p class=\"note\">Advice on "
                    "the agreement&rsquo;s text: terms that are unreasonable or contradictory as written.</p>\n";
  if (d.lint.empty()) return out + "<p>No lint entries.</p>\n</section>\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < d.lint.size() && i < kLintRows; ++i) {
    const auto& l = d.lint[i];
    std::string where = l.loc.file < d.sources.size()
                            ? code(fmt::format("{}:{}:{}", d.sources.name(l.loc.file), l.loc.line, l.loc.column))
                            : "";
    const char* level = l.level == DiagLevel::Error ? "error" : "warning";
    std::vector<std::string> notes;
    for (const auto& n : l.notes) notes.push_back(prose(n));
    rows.push_back({code(l.code), fmt::format("<span class=\"sev {}\">{}</span>", level, level), where, prose(l.message),
                    fmt::format("{}", fmt::join(notes, "<br>"))});
  }
  out += table({{"Code", "Severity", "Where", "Message", "Suggestion"}, {}, "lint"}, rows);
  if (d.lint.size() > kLintRows) out += left_out(d.lint.size() - kLintRows, "lint entries");
  return out + "</section>\n";
}

std::string obligations(const Page& p) {
  const auto& d = p.d;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [party, n] : d.balance.per_party) rows.push_back({h(party), std::to_string(n)});
  if (d.balance.by_events) rows.push_back({"depends on who acts (the events)", std::to_string(d.balance.by_events)});
  if (d.balance.unassigned) rows.push_back({"nobody (unassigned)", std::to_string(d.balance.unassigned)});
  return "<section id=\"obligations\">\n<h2>Obligations</h2>\n<p class=\"note\">How many rules bind each party by the "
         "agreement&rsquo;s text alone.</p>\n" +
         table({{"Party", "Rules"}, {1}, ""}, rows) + "</section>\n";
}

}  // namespace pactum::report::html
