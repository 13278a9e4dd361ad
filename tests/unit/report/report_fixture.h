// Report data built by hand for the renderer tests: a small agreement (resolved by the real
// semantic stage), a log of a few events and an outcome with one finding of each shape (a
// notice, an hours rule, a window count, an aggregate) plus one pending item. Also the golden
// file helper and a tiny well-formedness checker for the XML/HTML formats.
#pragma once
#include <cstdlib>
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/report/due_soon.h"
#include "engine/report/report.h"

namespace pactum::report::testing {

inline Instant at(const char* iso) {
  auto parsed = parse_timestamp(iso);
  REQUIRE(parsed);
  return resolve(*parsed, find_zone("America/New_York")).instant;
}

// Everything a ReportData points to. Built in place and never moved: the resolved agreement,
// the findings and the log all hold pointers into `agreement`.
struct Fixture {
  SourceManager sources;
  model::Agreement agreement;
  std::optional<semantic::ResolvedAgreement> resolved;
  log::EventLog log;
  eval::Outcome outcome;
  std::vector<Diagnostic> lint;
  lint::ObligationBalance balance;

  // `hostile` puts markup, table pipes, percent signs, quotes and line breaks into every string
  // that comes from the agreement or the logs.
  explicit Fixture(bool hostile = false) {
    const std::string evil = hostile ? " <script>alert(\"x\")</script> | 100% & 'co', a:b\r\n`tick` *bold*" : "";
    agreement.file = sources.add_text(hostile ? "terms/evil name|%.terms" : "examples/acme.terms", "");
    uint32_t log_file = sources.add_text(hostile ? "logs/evil,log:1.yaml" : "acme-2026.yaml", "");

    model::AgreementDecl header;
    header.name = "Customer care outsourcing - Acme Telecom and Northwind CX" + evil;
    header.effective_from = date::year{2026} / 1 / 1;
    header.effective_to = date::year{2026} / 12 / 31;
    header.calendar.timezone = "America/New_York";
    agreement.header = header;
    agreement.parties.push_back(party("Acme", "Acme Telecom Inc." + evil, "America/New_York"));
    agreement.parties.push_back(party("Northwind", "Northwind CX", "Asia/Manila"));

    auto& visits = block("Site visits are announced" + evil, "7.1", model::Severity::Critical);
    rule(visits, model::Rule::Kind::Requires, 27,
         "every site_visit by Acme requires notice by Acme with same visit at least 48 hours before" + evil);
    rule(visits, model::Rule::Kind::OccursWithin, 28, "every site_visit occurs within business hours of Northwind");
    rule(block("Site visits are limited", "7.2", model::Severity::Major), model::Rule::Kind::AtMost, 32,
         "at most 2 site_visit by Acme every month");
    rule(block("Data requests are answered", "6.4", model::Severity::Major), model::Rule::Kind::Requires, 36,
         "every data_request by Northwind requires data_shared by Acme with same request within 3 business days after");
    auto& levels = block("Service levels", "Schedule B", model::Severity::Minor);
    levels.expectation = true;
    rule(levels, model::Rule::Kind::Aggregate, 42,
         "average value of kpi_report where kpi = \"first call resolution\" at least 80% every month");

    Diagnostics diags;
    resolved = semantic::resolve_agreement(agreement, diags);
    REQUIRE(resolved);

    uint32_t n1 = event(log_file, 10, "2026-01-12T09:00:00-05:00", "notice", "Acme", "N-1");
    uint32_t v1 = event(log_file, 15, "2026-01-13T10:00:00-05:00", "site_visit", "Acme", "V-1" + evil);
    uint32_t v2 = event(log_file, 20, "2026-02-03T22:30:00-05:00", "site_visit", "Acme", "V-2");
    uint32_t v3 = event(log_file, 25, "2026-02-20T10:00:00-05:00", "site_visit", "Acme", "V-3");
    uint32_t d1 = event(log_file, 30, "2026-03-30T15:00:00-04:00", "data_request", "Northwind", "D-1");
    uint32_t k1 = event(log_file, 35, "2026-03-31T12:00:00-04:00", "kpi_report", "Northwind", "");

    outcome.evaluated = true;
    outcome.as_of = at("2026-03-31T17:00:00-04:00");
    outcome.judged_from = at("2026-01-01T00:00:00-05:00");
    outcome.judged_to = outcome.as_of;
    outcome.events = 6;
    outcome.rules = 5;
    outcome.tolerated = 1;
    finding(0, 0, "late", {"Acme"}, log.event(v1).at, {v1, n1},
            "site_visit V-1 was announced 25 hours before; the agreement requires 48 hours" + evil);
    finding(0, 1, "outside-hours", {"Acme"}, log.event(v2).at, {v2},
            "site_visit V-2 at 22:30 was outside the business hours of Northwind");
    finding(1, 0, "too-many", {"Acme"}, at("2026-02-01T00:00:00-05:00"), {v3},
            "3 site_visit by Acme in February 2026; the agreement allows at most 2");
    outcome.findings.back().window = calendar::Interval{at("2026-02-01T00:00:00-05:00"), at("2026-03-01T00:00:00-05:00")};
    finding(3, 0, "below-target", {"Northwind" + evil}, at("2026-03-01T00:00:00-05:00"), {k1},
            "the average value of kpi_report was 72.5% in March 2026; the agreement expects at least 80%");
    outcome.findings.back().window = calendar::Interval{at("2026-03-01T00:00:00-05:00"), outcome.as_of};
    outcome.findings.back().measured.push_back({"value", 72.5, "", {}});
    outcome.pending.push_back(make_finding(2, 0, "pending", {"Acme"}, log.event(d1).at, {d1},
                                           "data_request D-1 awaits data_shared by Acme until Fri 2026-04-03 24:00"));
    outcome.pending.back().measured.push_back({"deadline", std::nullopt, "2026-04-04T00:00:00-04:00", {}});
    outcome.by_party = {{"Acme", 3}, {"Northwind", 1}};
    if (hostile) outcome.by_party["Northwind" + evil] = 1;

    lint.push_back(diagnostic(DiagLevel::Warning, "deadline-outside-hours", SourceLoc{agreement.file, 36, 3},
                              "3 business days of Acme can end 4 days after the request" + evil,
                              "write `within 5 business days after`" + evil));
    balance.per_party = {{"Acme", 3}, {"Northwind", 1}};
    balance.by_events = 1;
  }

  ReportData data() const {
    return ReportData{.sources = sources, .agreement = *resolved, .log = &log, .outcome = &outcome, .lint = lint,
                      .balance = balance, .color = false};
  }
  // A finding of rule `rule_index` of block `block_index` (to add to the outcome in a test).
  eval::Finding item(size_t block_index, size_t rule_index, std::string reason, std::vector<std::string> responsible,
                     Instant when, std::vector<uint32_t> events, std::string message) {
    return make_finding(block_index, rule_index, std::move(reason), std::move(responsible), when, std::move(events),
                        std::move(message));
  }
  // With `--due-within SPAN` (a span parse_span accepts).
  ReportData due_data(const std::string& span) const {
    ReportData d = data();
    d.due_within = parse_span(span);
    REQUIRE(d.due_within);
    d.due_within_text = span;
    return d;
  }
  // `pactum lint`: no log and no outcome; one error and one warning.
  ReportData lint_only() const {
    std::vector<Diagnostic> entries = {
        diagnostic(DiagLevel::Error, "contradiction", SourceLoc{agreement.file, 32, 3},
                   "at most 2 site_visit every month contradicts at least 3 site_visit every month",
                   "drop one of the two rules"),
        lint.front()};
    return ReportData{.sources = sources, .agreement = *resolved, .log = nullptr, .outcome = nullptr,
                      .lint = entries, .balance = balance, .color = false};
  }

 private:
  static Diagnostic diagnostic(DiagLevel level, std::string code, SourceLoc loc, std::string message,
                               std::string suggestion) {
    Diagnostic d;
    d.level = level;
    d.code = std::move(code);
    d.loc = loc;
    d.message = std::move(message);
    d.notes.push_back(std::move(suggestion));
    return d;
  }
  static model::PartyDecl party(const std::string& id, const std::string& name, const std::string& zone) {
    model::PartyDecl p;
    p.id.text = id;
    p.display_name = name;
    p.calendar.timezone = zone;
    return p;
  }
  model::Block& block(const std::string& name, const std::string& clause, model::Severity severity) {
    model::Block b;
    b.name = name;
    b.clause = clause;
    b.severity = severity;
    agreement.blocks.push_back(b);
    return agreement.blocks.back();
  }
  void rule(model::Block& b, model::Rule::Kind kind, uint32_t line, const std::string& text) {
    model::Rule r;
    r.kind = kind;
    r.number = static_cast<int>(b.rules.size()) + 1;
    r.loc = SourceLoc{agreement.file, line, 3};
    r.text = text;
    b.rules.push_back(r);
  }
  uint32_t event(uint32_t file, uint32_t line, const char* time, const char* type, const char* by,
                 const std::string& id) {
    log::Event e;
    e.at = at(time);
    e.type = log.symbols.intern(type);
    e.by = log.symbols.intern(by);
    e.id = id.empty() ? log::kNoSymbol : log.symbols.intern(id);
    e.file = file;
    e.index = static_cast<uint32_t>(log.events.size());
    e.order = e.index;
    e.line = line;
    e.column = 5;
    log.events.push_back(e);
    return e.index;
  }
  eval::Finding make_finding(size_t block_index, size_t rule_index, std::string reason,
                             std::vector<std::string> responsible, Instant when, std::vector<uint32_t> events,
                             std::string message) {
    eval::Finding f;
    f.block_index = block_index;
    f.block = &agreement.blocks[block_index];
    f.rule = &f.block->rules[rule_index];
    f.reason = std::move(reason);
    f.responsible = std::move(responsible);
    f.at = when;
    f.events = std::move(events);
    f.message = std::move(message);
    return f;
  }
  void finding(size_t block_index, size_t rule_index, std::string reason, std::vector<std::string> responsible,
               Instant when, std::vector<uint32_t> events, std::string message) {
    outcome.findings.push_back(make_finding(block_index, rule_index, std::move(reason), std::move(responsible), when,
                                            std::move(events), std::move(message)));
  }
};

// Compares `actual` with tests/golden/report/NAME; UPDATE_GOLDEN=1 rewrites the file instead.
// A mismatch names the first differing line with both versions.
inline void check_golden(const std::string& name, const std::string& actual) {
  std::string path = std::string(PACTUM_SOURCE_DIR) + "/tests/golden/report/" + name;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path << " (run with UPDATE_GOLDEN=1 to create or update it)");
  REQUIRE(in.good());
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string expected = buffer.str();
  if (expected == actual) return;
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (size_t line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el)), more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (more_e != more_a || el != al) {
      FAIL_CHECK(name << ":" << line << ": first difference\n  expected: " << (more_e ? el : "<end of file>")
                      << "\n  actual:   " << (more_a ? al : "<end of file>"));
      return;
    }
  }
  FAIL_CHECK(name << ": differs only in line endings or the final line break");
}

// A small well-formedness check for generated XML and HTML: tags balance, attribute values are
// quoted and contain no raw `<`, and every `&` starts an entity or character reference. `void_tags`
// lists HTML elements that have no end tag.
inline std::string markup_problem(const std::string& s, const std::vector<std::string>& void_tags = {}) {
  std::vector<std::string> open;
  size_t i = 0;
  auto entity_ok = [&](size_t at) {
    size_t semi = s.find(';', at);
    if (semi == std::string::npos || semi - at > 10) return false;
    std::string name = s.substr(at + 1, semi - at - 1);
    if (name.empty()) return false;
    if (name[0] == '#') return name.size() > 1;
    for (char c : name)
      if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '&') {
      if (!entity_ok(i)) return "bare & at offset " + std::to_string(i);
      ++i;
    } else if (c == '>') {
      return "bare > in text at offset " + std::to_string(i);
    } else if (c != '<') {
      ++i;
    } else if (s.compare(i, 2, "<?") == 0 || s.compare(i, 2, "<!") == 0) {
      i = s.find('>', i);
      if (i == std::string::npos) return "unterminated declaration";
      ++i;
    } else {
      bool closing = s[i + 1] == '/';
      size_t j = i + (closing ? 2 : 1);
      size_t name_end = j;
      while (name_end < s.size() && (std::isalnum(static_cast<unsigned char>(s[name_end])) || s[name_end] == '-'))
        ++name_end;
      std::string name = s.substr(j, name_end - j);
      if (name.empty()) return "bad tag at offset " + std::to_string(i);
      // Attributes: name="value" with no raw < or " inside (single quotes are allowed in "...").
      size_t k = name_end;
      bool self_closing = false;
      while (true) {
        while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
        if (k >= s.size()) return "unterminated tag " + name;
        if (s[k] == '>') break;
        if (s.compare(k, 2, "/>") == 0) {
          self_closing = true;
          ++k;
          break;
        }
        size_t eq = s.find('=', k);
        if (eq == std::string::npos || s[eq + 1] != '"') return "unquoted attribute in " + name;
        size_t end = s.find('"', eq + 2);
        if (end == std::string::npos) return "unterminated attribute in " + name;
        std::string value = s.substr(eq + 2, end - eq - 2);
        if (value.find('<') != std::string::npos) return "raw < in an attribute of " + name;
        for (size_t a = value.find('&'); a != std::string::npos; a = value.find('&', a + 1))
          if (!entity_ok(eq + 2 + a)) return "bare & in an attribute of " + name;
        k = end + 1;
      }
      i = k + 1;
      bool is_void = std::find(void_tags.begin(), void_tags.end(), name) != void_tags.end();
      if (closing) {
        if (open.empty() || open.back() != name) return "unbalanced </" + name + ">";
        open.pop_back();
      } else if (!self_closing && !is_void) {
        open.push_back(name);
        if (name == "style") {  // raw text up to </style>
          i = s.find("</style>", i);
          if (i == std::string::npos) return "unterminated style";
        }
      }
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

// The text of `s` between each `open` and the next `close`, for picking out attribute values.
inline std::vector<std::string> between(const std::string& s, const std::string& open, const std::string& close) {
  std::vector<std::string> out;
  for (size_t i = s.find(open); i != std::string::npos; i = s.find(open, i + 1)) {
    size_t end = s.find(close, i + open.size());
    if (end == std::string::npos) break;
    out.push_back(s.substr(i + open.size(), end - i - open.size()));
  }
  return out;
}

}  // namespace pactum::report::testing
