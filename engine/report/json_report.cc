// The JSON report of spec 8.1, written piece by piece (JsonWriter): one finding at a time. SARIF
// builds on finding_json, lint_json and json_head.
#include <cmath>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/due_soon.h"
#include "engine/report/finding_id.h"
#include "engine/report/json_report.h"
#include "engine/report/json_writer.h"
#include "engine/report/pieces_in_order.h"
#include "engine/report/pretty_json.h"
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
// The counts are in the summary (json_head).
void write_triage(const ReportData& d, JsonWriter& w) {
  const auto& t = *d.triage;
  if (t.waivers_used) {
    w.key("waived");
    w.begin_array();
    for (const auto& x : t.waived) {
      ordered_json f = finding_json(d, x.finding);
      f["waiver"] = waiver_json(d, *x.waiver);
      w.value(f);
    }
    w.end();
    ordered_json waivers = {{"expired", ordered_json::array()}, {"unused", ordered_json::array()}};
    for (const auto* x : t.expired) waivers["expired"].push_back(waiver_json(d, *x));
    for (const auto* x : t.unused) waivers["unused"].push_back(waiver_json(d, *x));
    w.key("waivers");
    w.value(waivers);
  }
  if (t.baseline_used) {
    w.key("baseline");
    w.begin_object();
    w.key("accepted");
    w.begin_array();
    // Still owed: a baselined finding keeps its credit.
    const credits::Ledger* ledger = shown_credits(d);
    for (size_t i = 0; i < t.baselined.size(); ++i) {
      const credits::Charge* charge =
          ledger && i < ledger->baselined.size() && ledger->baselined[i] ? &*ledger->baselined[i] : nullptr;
      w.value(finding_json(d, t.baselined[i], charge));
    }
    w.end();
    ordered_json fixed = ordered_json::array();
    for (const auto& e : t.fixed)
      fixed.push_back({{"id", e.id}, {"block", e.block}, {"rule", e.rule}, {"reason", e.reason}, {"at", e.at}});
    w.key("fixed");
    w.value(fixed);
    w.end();
  }
}

// `--due-within`: the pending items due soon, soonest first, each with its deadline and the time
// left (in words and in hours). Their number is in the summary (json_head).
void write_due_soon(const ReportData& d, JsonWriter& w) {
  w.key("due_soon");
  w.begin_object();
  w.key("within");
  w.value(d.due_within_text);
  w.key("until");
  w.value(format_instant(due_until(d), d.agreement.zone));
  w.key("items");
  w.begin_array();
  for (const auto& item : due_soon(d)) {
    ordered_json f = finding_json(d, *item.pending);
    f["deadline"] = format_instant(item.deadline, d.agreement.zone);
    f["due_in"] = time_left_words(item.left);
    f["due_in_hours"] = std::round(static_cast<double>(item.left.count()) / 36000.0) / 100.0;
    w.value(f);
  }
  w.end();
  w.end();
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

namespace {

void location_text(PrettyJson& j, const SourceManager& sources, SourceLoc loc) {
  j.begin_object();
  j.key("file");
  j.string(loc.file < sources.size() ? sources.name(loc.file) : "");
  j.key("line");
  j.number(int64_t{loc.line});
  j.key("column");
  j.number(int64_t{loc.column});
  j.end();
}

void event_text(PrettyJson& j, const ReportData& d, uint32_t index) {
  const auto& e = d.log->event(index);
  j.begin_object();
  j.key("file");
  j.string(d.sources.name(e.file));
  j.key("line");
  j.number(int64_t{e.line});
  j.key("index");
  j.number(int64_t{e.index});
  j.key("id");
  if (e.id == log::kNoSymbol) j.null();
  else j.string(d.log->symbols.text(e.id));
  j.key("type");
  j.string(d.log->symbols.text(e.type));
  j.key("at");
  j.instant(e.at, d.agreement.zone);
  j.end();
}

void strings_text(PrettyJson& j, const std::vector<std::string>& items) {
  j.begin_array();
  for (const auto& item : items) j.string(item);
  j.end();
}

void measured_text(PrettyJson& j, const std::vector<eval::Measure>& measured) {
  // A key given twice keeps its first place and its last value, as in an ordered_json object.
  for (size_t i = 0; i < measured.size(); ++i)
    for (size_t k = 0; k < i; ++k)
      if (measured[k].key == measured[i].key) {
        ordered_json object = ordered_json::object();
        for (const auto& m : measured) {
          if (m.number) object[m.key] = *m.number;
          else if (!m.list.empty()) object[m.key] = m.list;
          else object[m.key] = m.text;
        }
        j.value(object);
        return;
      }
  j.begin_object();
  for (const auto& m : measured) {
    j.key(m.key);
    if (m.number) j.number(*m.number);
    else if (!m.list.empty()) strings_text(j, m.list);
    else j.string(m.text);
  }
  j.end();
}

// The members of a finding that its rule alone decides, from `block` to `location`.
void rule_members(PrettyJson& j, const ReportData& d, const eval::Finding& f) {
  j.key("block");
  j.string(f.block->name);
  j.key("kind");
  j.string(kind_name(*f.block));
  j.key("clause");
  if (f.block->clause) j.string(*f.block->clause);
  else j.null();
  j.key("rule");
  j.number(int64_t{f.rule->number});
  j.key("rule_text");
  j.string(f.rule->text);
  j.key("location");
  location_text(j, d.sources, f.rule->loc);
}

}  // namespace

RuleMembers::RuleMembers(const ReportData& d, const std::vector<eval::Finding>& findings, size_t depth) {
  for (const auto& f : findings) {
    auto [at, added] = laid_out_.try_emplace({f.block, f.rule});
    if (!added) continue;
    // Laid out after an `id` member, at the depth the findings are written at: the text starts
    // with the comma that follows the id.
    std::string out;
    PrettyJson j(out, depth);
    j.begin_object();
    j.key("id");
    j.null();
    size_t from = out.size();
    rule_members(j, d, f);
    at->second = out.substr(from);
  }
}

const std::string* RuleMembers::of(const eval::Finding& f) const {
  auto it = laid_out_.find({f.block, f.rule});
  return it == laid_out_.end() ? nullptr : &it->second;
}

std::string finding_json_text(const ReportData& d, const eval::Finding& f, const credits::Charge* charge,
                              size_t depth, const RuleMembers* laid_out) {
  std::string out;
  out.reserve(1024);
  append_finding_json(out, d, f, charge, depth, laid_out);
  return out;
}

void append_finding_json(std::string& out, const ReportData& d, const eval::Finding& f,
                         const credits::Charge* charge, size_t depth, const RuleMembers* laid_out) {
  const auto* zone = d.agreement.zone;
  PrettyJson j(out, depth);
  j.begin_object();
  j.key("id");
  j.string(finding_id(*d.log, f));
  const std::string* members = laid_out ? laid_out->of(f) : nullptr;
  if (members) j.members_laid_out(*members);
  else rule_members(j, d, f);
  j.key("reason");
  j.string(f.reason);
  j.key("severity");
  j.string(severity_name(f.block->severity));
  j.key("responsible");
  strings_text(j, f.responsible);
  j.key("at");
  j.instant(f.at, zone);
  if (f.window) {
    j.key("window");
    j.begin_object();
    j.key("start");
    j.instant(f.window->start, zone);
    j.key("end");
    j.instant(f.window->end, zone);
    j.end();
  }
  j.key("events");
  j.begin_array();
  for (auto i : f.events) event_text(j, d, i);
  j.end();
  j.key("measured");
  measured_text(j, f.measured);
  if (charge) {
    j.key("credit");
    j.begin_object();
    j.key("amount");
    j.number(money(charge->amount));
    j.key("owed_by");
    strings_text(j, charge->owed_by);
    j.end();
  }
  j.key("message");
  j.string(f.message);
  j.end();
}

ordered_json finding_json(const ReportData& d, const eval::Finding& f, const credits::Charge* charge) {
  return ordered_json::parse(finding_json_text(d, f, charge));
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

// The head of the report: everything before the findings (`pactum`, `agreement`, and in a check
// `as_of`, `judged` and `summary`, whose counts include what waivers, the baseline and
// --due-within set apart). SARIF copies it into its run's properties.
ordered_json json_head(const ReportData& d) {
  ordered_json j;
  j["pactum"] = 1;
  j["agreement"] = d.agreement.name;
  if (!d.outcome) return j;
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
  if (d.due_within && o.evaluated) j["summary"]["due_soon"] = due_soon(d).size();
  if (d.triage) {
    j["summary"]["waived"] = d.triage->waived.size();
    j["summary"]["baselined"] = d.triage->baselined.size();
  }
  return j;
}

ordered_json obligations_json(const ReportData& d) {
  ordered_json obligations = ordered_json::object();
  for (const auto& [party, n] : d.balance.per_party) obligations[party] = n;
  obligations["depends on events"] = d.balance.by_events;
  return obligations;
}

std::string json_text(const ordered_json& document) {
  std::string out = escaped_json(document.dump(2, ' ', false, ordered_json::error_handler_t::replace));
  out += '\n';
  return out;
}

// The document, written piece by piece: one finding's object at a time (JsonWriter lays it out as
// json_text would lay out the whole).
void write_json(std::ostream& out, const ReportData& d) {
  JsonWriter w(out);
  w.begin_object();
  w.members(json_head(d));
  if (d.outcome) {
    const auto& o = *d.outcome;
    const credits::Ledger* ledger = shown_credits(d);
    // Each finding is laid out at its depth in the document by the thread that renders it.
    auto write = [&](std::string_view piece) { w.value_laid_out(piece); };
    w.key("findings");
    w.begin_array();
    // What each rule's findings share is laid out once, before the threads start (they only read it).
    const RuleMembers findings_members(d, o.findings, w.depth());
    pieces_in_order(
        o.findings.size(), d.threads,
        [&, depth = w.depth()](size_t i, std::string& out) {
          append_finding_json(out, d, o.findings[i], ledger ? ledger->charge_of(i) : nullptr, depth,
                              &findings_members);
        },
        write);
    w.end();
    w.key("pending");
    w.begin_array();
    const RuleMembers pending_members(d, o.pending, w.depth());
    pieces_in_order(
        o.pending.size(), d.threads,
        [&, depth = w.depth()](size_t i, std::string& out) {
          append_finding_json(out, d, o.pending[i], nullptr, depth, &pending_members);
        },
        write);
    w.end();
    if (d.due_within && o.evaluated) write_due_soon(d, w);
    if (d.triage) write_triage(d, w);
    if (ledger) {
      w.key("credits");
      w.value(credits_json(d, *ledger));
    }
  }
  w.key("lint");
  w.begin_array();
  for (const auto& l : d.lint) w.value(lint_json(d, l));
  w.end();
  w.key("obligations");
  w.value(obligations_json(d));
  if (d.slice && d.outcome) {
    w.key("slice");
    w.value(slice_json(d));
  }
  w.end();
  w.finish();
}

std::string render_json(const ReportData& d) {
  std::ostringstream out;
  write_json(out, d);
  return out.str();
}

}  // namespace pactum::report
