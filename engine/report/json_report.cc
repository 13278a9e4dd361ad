// The JSON report of spec 8.1. The other machine formats (SARIF) build on json_document().
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/due_soon.h"
#include "engine/report/finding_id.h"
#include "engine/report/json_report.h"
#include "engine/report/report.h"

namespace pactum::report {

using nlohmann::ordered_json;

namespace {

ordered_json location_json(const SourceManager& sources, SourceLoc loc) {
  ordered_json j;
  j["file"] = loc.file < sources.size() ? sources.name(loc.file) : "";
  j["line"] = loc.line;
  j["column"] = loc.column;
  return j;
}

ordered_json event_json(const ReportData& d, uint32_t index) {
  const auto& e = d.log->events[index];
  ordered_json j;
  j["file"] = d.sources.name(e.file);
  j["line"] = e.line;
  j["index"] = e.index;
  j["id"] = e.id == log::kNoSymbol ? ordered_json(nullptr) : ordered_json(std::string(d.log->symbols.text(e.id)));
  j["type"] = std::string(d.log->symbols.text(e.type));
  j["at"] = format_instant(e.at, d.agreement.zone);
  return j;
}

ordered_json waiver_json(const ReportData& d, const triage::Waiver& w) {
  ordered_json j;
  j["location"] = location_json(d.sources, w.loc);
  if (w.id) j["id"] = *w.id;
  if (w.block) j["block"] = *w.block;
  if (w.rule) j["rule"] = *w.rule;
  if (w.event) j["event"] = *w.event;
  if (w.window) j["window"] = format_instant(*w.window, d.agreement.zone);
  j["owner"] = w.owner;
  j["reason"] = w.reason;
  j["until"] = w.until_text;
  if (!w.approved_by.empty()) j["approved_by"] = w.approved_by;
  return j;
}

// Waivers and baseline (engine/triage): what they set apart, and what needs attention in them.
void add_triage(const ReportData& d, ordered_json& j) {
  const auto& t = *d.triage;
  j["summary"]["waived"] = t.waived.size();
  j["summary"]["baselined"] = t.baselined.size();
  if (t.waivers_used) {
    j["waived"] = ordered_json::array();
    for (const auto& w : t.waived) {
      ordered_json f = finding_json(d, w.finding);
      f["waiver"] = waiver_json(d, *w.waiver);
      j["waived"].push_back(f);
    }
    ordered_json waivers = {{"expired", ordered_json::array()}, {"unused", ordered_json::array()}};
    for (const auto* w : t.expired) waivers["expired"].push_back(waiver_json(d, *w));
    for (const auto* w : t.unused) waivers["unused"].push_back(waiver_json(d, *w));
    j["waivers"] = waivers;
  }
  if (t.baseline_used) {
    ordered_json b;
    b["accepted"] = ordered_json::array();
    for (const auto& f : t.baselined) b["accepted"].push_back(finding_json(d, f));
    b["fixed"] = ordered_json::array();
    for (const auto& e : t.fixed)
      b["fixed"].push_back({{"id", e.id}, {"block", e.block}, {"rule", e.rule}, {"reason", e.reason}, {"at", e.at}});
    j["baseline"] = b;
  }
}

// `--due-within`: the pending items due soon, soonest first, each with its deadline and the time
// left (in words and in hours).
void add_due_soon(const ReportData& d, ordered_json& j) {
  auto due = due_soon(d);
  ordered_json items = ordered_json::array();
  for (const auto& item : due) {
    ordered_json f = finding_json(d, *item.pending);
    f["deadline"] = format_instant(item.deadline, d.agreement.zone);
    f["due_in"] = time_left_words(item.left);
    f["due_in_hours"] = std::round(static_cast<double>(item.left.count()) / 36000.0) / 100.0;
    items.push_back(std::move(f));
  }
  j["summary"]["due_soon"] = due.size();
  j["due_soon"] = {{"within", d.due_within_text},
                   {"until", format_instant(due_until(d), d.agreement.zone)},
                   {"items", std::move(items)}};
}

// Money as a JSON number with at most two decimals: the double nearest to the exact cents
// prints as that decimal (1000.0, 33.33).
double money(credits::Cents c) { return static_cast<double>(c) / 100.0; }

ordered_json totals_json(const credits::Totals& t) {
  return {{"accrued", money(t.accrued)}, {"capped", money(t.capped)}, {"owed", money(t.owed)}};
}

}  // namespace

ordered_json credits_json(const ReportData& d, const credits::Ledger& ledger) {
  ordered_json j;
  j["currency"] = ledger.currency ? ordered_json(*ledger.currency) : ordered_json(nullptr);
  ordered_json by_party = ordered_json::object();
  for (const auto& [party, totals] : ledger.by_party) by_party[party] = totals_json(totals);
  j["by_party"] = by_party;
  j["by_period"] = ordered_json::array();
  for (const auto& p : ledger.by_period) {
    ordered_json entry = {{"party", p.party},
                          {"start", format_instant(p.window.start, d.agreement.zone)},
                          {"end", format_instant(p.window.end, d.agreement.zone)}};
    entry.update(totals_json(p.totals));
    j["by_period"].push_back(entry);
  }
  return j;
}

ordered_json finding_json(const ReportData& d, const eval::Finding& f, const credits::Charge* charge) {
  ordered_json j;
  j["id"] = finding_id(*d.log, f);
  j["block"] = f.block->name;
  j["kind"] = kind_name(*f.block);
  j["clause"] = f.block->clause ? ordered_json(*f.block->clause) : ordered_json(nullptr);
  j["rule"] = f.rule->number;
  j["rule_text"] = f.rule->text;
  j["location"] = location_json(d.sources, f.rule->loc);
  j["reason"] = f.reason;
  j["severity"] = severity_name(f.block->severity);
  j["responsible"] = f.responsible;
  j["at"] = format_instant(f.at, d.agreement.zone);
  if (f.window)
    j["window"] = {{"start", format_instant(f.window->start, d.agreement.zone)},
                   {"end", format_instant(f.window->end, d.agreement.zone)}};
  j["events"] = ordered_json::array();
  for (auto i : f.events) j["events"].push_back(event_json(d, i));
  ordered_json measured = ordered_json::object();
  for (const auto& m : f.measured) {
    if (m.number) measured[m.key] = *m.number;
    else if (!m.list.empty()) measured[m.key] = m.list;
    else measured[m.key] = m.text;
  }
  j["measured"] = measured;
  if (charge) j["credit"] = {{"amount", money(charge->amount)}, {"owed_by", charge->owed_by}};
  j["message"] = f.message;
  return j;
}

ordered_json lint_json(const ReportData& d, const Diagnostic& l) {
  ordered_json j;
  j["code"] = l.code;
  j["severity"] = l.level == DiagLevel::Error ? "error" : "warning";
  j["location"] = location_json(d.sources, l.loc);
  j["message"] = l.message;
  if (!l.notes.empty()) j["suggestion"] = l.notes.front();
  return j;
}

ordered_json json_document(const ReportData& d) {
  ordered_json j;
  j["pactum"] = 1;
  j["agreement"] = d.agreement.name;
  if (d.outcome) {
    const auto& o = *d.outcome;
    const auto* zone = d.agreement.zone;
    j["as_of"] = o.evaluated ? ordered_json(format_instant(o.as_of, zone)) : ordered_json(nullptr);
    j["judged"] = o.evaluated ? ordered_json{{"from", format_instant(o.judged_from, zone)},
                                             {"to", format_instant(o.judged_to, zone)}}
                              : ordered_json(nullptr);
    ordered_json by_party = ordered_json::object();
    for (const auto& p : d.agreement.parties) by_party[p.id] = o.by_party.count(p.id) ? o.by_party.at(p.id) : 0;
    if (o.by_party.count("unassigned")) by_party["unassigned"] = o.by_party.at("unassigned");
    j["summary"] = {{"events", o.events},           {"ignored_events", o.ignored_events},
                    {"rules", o.rules},             {"findings", o.findings.size()},
                    {"pending", o.pending.size()},  {"tolerated", o.tolerated},
                    {"by_party", by_party}};
    if (d.filter) {  // check --party/--term/--clause/--severity: what the counts above leave out
      ordered_json filtered = ordered_json::object();
      for (const auto& [option, values] : d.filter->criteria) filtered[option] = values;
      filtered["left_out"] = {{"findings", d.filter->findings_left_out},
                              {"pending", d.filter->pending_left_out},
                              {"accepted", d.filter->accepted_left_out}};
      j["summary"]["filtered"] = filtered;
    }
    j["findings"] = ordered_json::array();
    const credits::Ledger* ledger = shown_credits(d);
    for (size_t i = 0; i < o.findings.size(); ++i)
      j["findings"].push_back(finding_json(d, o.findings[i], ledger ? ledger->charge_of(i) : nullptr));
    j["pending"] = ordered_json::array();
    for (const auto& f : o.pending) j["pending"].push_back(finding_json(d, f));
    if (d.due_within && o.evaluated) add_due_soon(d, j);
    if (d.triage) add_triage(d, j);
    if (ledger) j["credits"] = credits_json(d, *ledger);
  }
  j["lint"] = ordered_json::array();
  for (const auto& l : d.lint) j["lint"].push_back(lint_json(d, l));
  ordered_json obligations = ordered_json::object();
  for (const auto& [party, n] : d.balance.per_party) obligations[party] = n;
  obligations["depends on events"] = d.balance.by_events;
  j["obligations"] = obligations;
  return j;
}

std::string json_text(const ordered_json& document) {
  std::string raw = document.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  // Outside strings a JSON text is ASCII without DEL or `#`, so these bytes are always inside a
  // string. Most reports have none of them: the text is then returned as it is (a report can be
  // hundreds of megabytes: no second copy).
  auto suspect = [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return c == '#' || c == 0x7F || c == 0xC2 || c == 0xEF;
  };
  size_t first = 0;
  while (first < raw.size() && !suspect(raw[first])) ++first;
  if (first == raw.size()) {
    raw += '\n';
    return raw;
  }
  std::string out = raw.substr(0, first);
  out.reserve(raw.size() + 16);
  for (size_t i = first; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    unsigned char next = i + 1 < raw.size() ? static_cast<unsigned char>(raw[i + 1]) : 0;
    if (c == '[' && out.size() >= 2 && out.compare(out.size() - 2, 2, "##") == 0) {
      out += "\\u005b";  // `##[`: never a workflow command, even in a CI log of the file
    } else if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // C1
      out += fmt::format("\\u{:04x}", next);
      ++i;
    } else if (c == 0xEF && next == 0xBF && i + 2 < raw.size() &&
               (static_cast<unsigned char>(raw[i + 2]) == 0xBE || static_cast<unsigned char>(raw[i + 2]) == 0xBF)) {
      out += static_cast<unsigned char>(raw[i + 2]) == 0xBE ? "\\ufffe" : "\\uffff";
      i += 2;
    } else {
      out += raw[i];
    }
  }
  out += '\n';
  return out;
}

std::string render_json(const ReportData& d) { return json_text(json_document(d)); }

}  // namespace pactum::report
