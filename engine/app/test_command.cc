// `pactum test` (spec 8.3): rule tests written by agreement authors. Each case is a list of
// events, an optional as-of time and the findings it must produce; a failing case prints the
// difference between what was expected and what pactum found.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "engine/app/commands.h"
#include "engine/app/session.h"

namespace pactum::app {

namespace fs = std::filesystem;

namespace {

// One expected (or actual) finding, reduced to the fields the test names.
struct Expected {
  std::string block;
  std::optional<int> rule;
  std::string reason;
  std::optional<std::vector<std::string>> responsible;
  std::optional<std::string> event;
};

std::string show(const Expected& e) {
  std::string s = fmt::format("{{block: {}", e.block);
  if (e.rule) s += fmt::format(", rule: {}", *e.rule);
  s += fmt::format(", reason: {}", e.reason);
  if (e.responsible) s += fmt::format(", responsible: [{}]", fmt::join(*e.responsible, ", "));
  if (e.event) s += fmt::format(", event: {}", *e.event);
  return s + "}";
}

// The actual finding seen through the fields an expectation names.
Expected project(const Session& s, const eval::Finding& f, const Expected& like) {
  Expected a;
  a.block = f.block->name;
  if (like.rule) a.rule = f.rule->number;
  a.reason = f.reason;
  if (like.responsible) {
    a.responsible = f.responsible;
    std::sort(a.responsible->begin(), a.responsible->end());
  }
  if (like.event) {
    a.event = "";
    if (!f.events.empty()) {
      const auto& e = s.log.events[f.events.front()];
      if (e.id != log::kNoSymbol) a.event = std::string(s.log.symbols.text(e.id));
    }
  }
  return a;
}

bool same(const Expected& a, const Expected& b) {
  return a.block == b.block && a.rule == b.rule && a.reason == b.reason && a.responsible == b.responsible &&
         a.event == b.event;
}

struct CaseResult {
  bool passed = false;
  std::string detail;
};

CaseResult run_case(const fs::path& agreement, const YAML::Node& c, const std::string& label, log::Backend backend) {
  CaseResult r;
  Session s;
  if (!s.load_agreement(agreement.string())) {
    r.detail = s.render_errors(false);
    return r;
  }
  YAML::Emitter events;
  events << YAML::BeginMap << YAML::Key << "events" << YAML::Value << (c["events"] ? c["events"] : YAML::Node(YAML::NodeType::Sequence))
         << YAML::EndMap;
  if (!s.load_log_text(label, events.c_str(), backend)) {
    r.detail = s.render_errors(false);
    return r;
  }
  std::optional<Instant> as_of;
  if (c["as_of"]) {
    auto parsed = parse_timestamp(c["as_of"].as<std::string>());
    if (!parsed) {
      r.detail = fmt::format("as_of `{}` is not a date-time\n", c["as_of"].as<std::string>());
      return r;
    }
    as_of = resolve(*parsed, s.agreement->zone).instant;
  }
  s.evaluate(as_of);

  std::vector<Expected> wanted;
  for (const auto& e : c["expect"]) {
    Expected x;
    x.block = e["block"].as<std::string>("");
    if (e["rule"]) x.rule = e["rule"].as<int>();
    x.reason = e["reason"].as<std::string>("");
    if (e["responsible"]) {
      x.responsible = e["responsible"].as<std::vector<std::string>>();
      std::sort(x.responsible->begin(), x.responsible->end());
    }
    if (e["event"]) x.event = e["event"].as<std::string>();
    wanted.push_back(x);
  }
  // `blocks: [...]` (an extension) limits the comparison to the findings of those blocks, so a
  // case about one term is not disturbed by the agreement's other terms.
  std::vector<eval::Finding> got;
  std::vector<std::string> blocks;
  if (c["blocks"]) blocks = c["blocks"].as<std::vector<std::string>>();
  for (const auto& f : s.outcome.findings)
    if (blocks.empty() || std::find(blocks.begin(), blocks.end(), f.block->name) != blocks.end()) got.push_back(f);
  r.passed = got.size() == wanted.size();
  for (size_t i = 0; r.passed && i < got.size(); ++i) r.passed = same(project(s, got[i], wanted[i]), wanted[i]);
  if (r.passed) return r;
  size_t n = std::max(got.size(), wanted.size());
  for (size_t i = 0; i < n; ++i) {
    Expected like = i < wanted.size() ? wanted[i] : Expected{"", 1, "", std::nullopt, std::nullopt};
    std::string w = i < wanted.size() ? show(wanted[i]) : "";
    std::string g = i < got.size() ? show(project(s, got[i], like)) : "";
    if (w == g) r.detail += fmt::format("      {}\n", w);
    else {
      if (!w.empty()) r.detail += fmt::format("    - {}\n", w);
      if (!g.empty()) r.detail += fmt::format("    + {}\n", g);
    }
  }
  return r;
}

}  // namespace

int run_tests(const std::string& path, log::Backend backend, Streams io) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  if (files.empty()) {
    io.err << fmt::format("pactum: no test files (*.yaml) in `{}`\n", path);
    return kInputError;
  }
  size_t passed = 0, failed = 0;
  for (const auto& file : files) {
    YAML::Node doc;
    try {
      doc = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
      io.err << fmt::format("{}:{}:{}: error: {}\n", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg);
      return kInputError;
    }
    if (!doc.IsMap() || !doc["agreement"] || !doc["cases"] || !doc["cases"].IsSequence()) {
      io.err << fmt::format("{}: error: a test file needs `agreement:` (a path) and `cases:` (a list)\n", file.string());
      return kInputError;
    }
    fs::path agreement = file.parent_path() / doc["agreement"].as<std::string>();
    size_t number = 0;
    for (const auto& c : doc["cases"]) {
      ++number;
      std::string name = c["name"] ? c["name"].as<std::string>() : fmt::format("case {}", number);
      CaseResult r;
      try {
        r = run_case(agreement, c, fmt::format("{} (case \"{}\")", file.string(), name), backend);
      } catch (const YAML::Exception& e) {
        r.detail = fmt::format("{}:{}:{}: malformed case: {}\n", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg);
      }
      if (r.passed) {
        ++passed;
        io.out << fmt::format("PASS  {}\n", name);
      } else {
        ++failed;
        io.out << fmt::format("FAIL  {}\n{}", name, r.detail);
      }
    }
  }
  io.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed ? kFindings : kOk;
}

}  // namespace pactum::app
