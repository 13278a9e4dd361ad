// `pactum test` (spec 8.3): rule tests written by agreement authors. Each case is a list of
// events, an optional as-of time and the findings it must produce; a failing case prints the
// difference between what was expected and what pactum found.
//
// Test files come from whoever wrote them (in CI, the author of a pull request), so they are read
// as hostile input (docs/security.md):
//   - every file is read once, within kMaxAgreementBytes, and checked before a tree is built from
//     it (UTF-8, valid YAML, nesting, no aliases: check_plain_yaml);
//   - every node is checked for its kind before it is read (TestFile below), so a list where a
//     name belongs is a located input error, never an exception;
//   - `agreement:` must resolve (symbolic links followed) to a regular file inside the test file's
//     own folder tree, or to a `*.terms` file under the current folder, or inside `--root DIR`
//     when the command line sets the allowed tree;
//   - any such problem in any file is an input error: exit 2, the errors on standard error and
//     nothing on standard output (no case runs).
#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "engine/app/commands.h"
#include "engine/app/session.h"
#include "engine/base/text.h"
#include "engine/eval/matcher.h"
#include "engine/log/yaml_check.h"
#include "engine/report/json_report.h"

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

// A case as read and checked from its file.
struct Case {
  std::string name;
  YAML::Node events;  // a sequence (possibly empty)
  // Where this case's `events:` key and value are in the test file (events_in_place): the log is
  // that part of the file with the lines above it left blank, so that a mistake in an event is
  // reported at its place in the test file. None when the events cannot be cut out so (written
  // inline with other keys): they are then written out again.
  struct Lines {
    size_t first, last, column;  // 0-based lines; the key's column
  };
  std::optional<Lines> events_lines;
  std::optional<Instant> as_of_instant;
  std::optional<ParsedTime> as_of;
  std::vector<std::string> blocks;
  std::vector<Expected> expect;
};

// A test file with its agreement's text, ready to run.
struct TestFile {
  std::string path;            // as found (for labels)
  std::string_view text;       // held by run_tests' SourceManager
  std::vector<size_t> line_starts;  // of `text`, for the cases' events (Case::events_lines)
  std::string agreement_name;  // the agreement as the file names it, joined to the file's folder
  std::string agreement_real;  // its canonical path: test files naming one agreement share its coverage
  std::string agreement_text;
  std::vector<Case> cases;
};

// Reads a test file's nodes, checking each one's kind first; every problem is an error located at
// the node, in `errors` (the file's text is registered in `sources` for the caret line).
class Reader {
 public:
  Reader(const SourceManager& sources, uint32_t file, Diagnostics& errors) : sources_(sources), file_(file), errors_(errors) {}

  SourceLoc loc(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    if (m.line < 0) return SourceLoc{file_, 0, 0};
    uint32_t line = static_cast<uint32_t>(m.line + 1);
    // yaml-cpp counts bytes in the line; columns count code points.
    uint32_t column = 1;
    if (auto text = sources_.line(file_, line)) {
      for (int i = 0; i < m.column && static_cast<size_t>(i) < text->size(); ++i)
        if ((static_cast<unsigned char>((*text)[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++column;
    } else {
      column = static_cast<uint32_t>(m.column + 1);
    }
    return SourceLoc{file_, line, column};
  }

  void error(const YAML::Node& at, std::string message) { errors_.error(loc(at), std::move(message)); }

  std::optional<std::string> scalar(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
      error(node, fmt::format("{} must be a single value, not {}", what, kind(node)));
      return std::nullopt;
    }
    return node.Scalar();
  }

  // A sequence, or nothing (absent or null): an empty list.
  std::optional<std::vector<YAML::Node>> sequence(const YAML::Node& node, const std::string& what) {
    if (!node || node.IsNull()) return std::vector<YAML::Node>{};
    if (!node.IsSequence()) {
      error(node, fmt::format("{} must be a list, not {}", what, kind(node)));
      return std::nullopt;
    }
    return std::vector<YAML::Node>(node.begin(), node.end());
  }

  bool mapping(const YAML::Node& node, const std::string& what) {
    if (node.IsMap()) return true;
    error(node, fmt::format("{} must be a mapping (`key: value` lines), not {}", what, kind(node)));
    return false;
  }

  std::optional<std::vector<std::string>> scalars(const YAML::Node& node, const std::string& what) {
    auto list = sequence(node, what);
    if (!list) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& item : *list) {
      auto s = scalar(item, "an item of " + what);
      if (!s) return std::nullopt;
      out.push_back(*s);
    }
    return out;
  }

  // The keys of a mapping: each one known (else an error with a "did you mean"), none twice
  // (yaml-cpp keeps the first of two; a test that silently checks less would pass).
  bool known_keys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& what) {
    bool ok = true;
    std::vector<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(it->first, fmt::format("a key of {} must be a single word", what));
        ok = false;
        continue;
      }
      const std::string& key = it->first.Scalar();
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        error(it->first, fmt::format("duplicate key `{}` in {}", visible_text(key), what));
        ok = false;
      } else if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string near = closest_match(key, known);
        error(it->first, fmt::format("unknown key `{}` in {} (known: {}){}", visible_text(key), what,
                                     fmt::join(known, ", "),
                                     near.empty() ? "" : fmt::format("; did you mean `{}`?", near)));
        ok = false;
      }
      seen.push_back(key);
    }
    return ok;
  }

  static const char* kind(const YAML::Node& node) {
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a mapping";
    if (node.IsNull()) return "empty";
    return "a single value";
  }

 private:
  const SourceManager& sources_;
  uint32_t file_;
  Diagnostics& errors_;
};

std::optional<Expected> read_expected(Reader& r, const YAML::Node& e) {
  if (!r.mapping(e, "an expected finding")) return std::nullopt;
  if (!r.known_keys(e, {"block", "rule", "reason", "responsible", "event"}, "an expected finding")) return std::nullopt;
  Expected x;
  auto text = [&](const char* key, std::string& out) {
    if (!e[key]) return true;
    auto v = r.scalar(e[key], fmt::format("`{}`", key));
    if (v) out = *v;
    return v.has_value();
  };
  if (!text("block", x.block) || !text("reason", x.reason)) return std::nullopt;
  if (e["rule"]) {
    auto v = r.scalar(e["rule"], "`rule`");
    if (!v) return std::nullopt;
    int n = 0;
    if (!YAML::convert<int>::decode(e["rule"], n)) {
      r.error(e["rule"], fmt::format("`rule` must be a rule number, not `{}`", visible_text(*v)));
      return std::nullopt;
    }
    x.rule = n;
  }
  if (e["responsible"]) {
    auto v = r.scalars(e["responsible"], "`responsible`");
    if (!v) return std::nullopt;
    x.responsible = *v;
    std::sort(x.responsible->begin(), x.responsible->end());
  }
  if (e["event"]) {
    auto v = r.scalar(e["event"], "`event`");
    if (!v) return std::nullopt;
    x.event = *v;
  }
  return x;
}

// The lines of every node under `node` (keys included), 0-based.
void node_lines(const YAML::Node& node, std::vector<int>& lines) {
  if (node.Mark().line >= 0) lines.push_back(node.Mark().line);
  if (node.IsSequence())
    for (const auto& item : node) node_lines(item, lines);
  if (node.IsMap())
    for (auto it = node.begin(); it != node.end(); ++it) node_lines(it->first, lines), node_lines(it->second, lines);
}

// The text of `lines` of `text`: the key's line from its column (spaces before it), the lines of
// its value, and with `padded` as many empty lines above as the file has, so that lines count as
// in the file.
std::string events_text(std::string_view text, const std::vector<size_t>& line_starts, const Case::Lines& lines,
                        bool padded) {
  auto line = [&](size_t n) {
    size_t from = line_starts[n];
    size_t to = n + 1 < line_starts.size() ? line_starts[n + 1] - 1 : text.size();
    return text.substr(from, to - from);
  };
  std::string out(padded ? lines.first : 0, '\n');
  std::string_view key_line = line(lines.first);
  out += std::string(lines.column, ' ');
  out += key_line.substr(std::min(key_line.size(), lines.column));
  for (size_t n = lines.first + 1; n <= lines.last; ++n) {
    out += '\n';
    out += line(n);
  }
  out += '\n';
  return out;
}

// What events_in_place needs of a whole test file, computed once: where each line starts, how
// many nodes start on each line, and how many bytes of blank lines the cases may still pad with.
struct FileLayout {
  std::string_view text;
  std::vector<size_t> line_starts;  // 0-based line -> offset
  std::vector<uint32_t> node_starts;  // 0-based line -> nodes starting there
  // Each case's copy keeps the lines above its events as blank lines, so the copies of a file
  // of many cases add up to cases x lines; past this many bytes in all, the events are written
  // out again instead (docs/security.md).
  size_t padding_left = size_t{64} << 20;

  FileLayout(std::string_view t, const YAML::Node& doc) : text(t) {
    line_starts.push_back(0);
    for (size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\n') line_starts.push_back(i + 1);
    node_starts.assign(line_starts.size(), 0);
    std::vector<int> lines;
    node_lines(doc, lines);
    for (int line : lines)
      if (line >= 0 && static_cast<size_t>(line) < node_starts.size()) ++node_starts[static_cast<size_t>(line)];
  }
};

// Where one case's `events:` key and value are, when that part of the file reads back as the same
// events on its own (else nullopt: a multi-line value whose last line holds no node, a closing
// bracket, or another key on the same lines).
std::optional<Case::Lines> events_in_place(FileLayout& file, const YAML::Node& key, const YAML::Node& events) {
  int first = key.Mark().line, column = key.Mark().column;
  if (first < 0 || column < 0 || static_cast<size_t>(first) >= file.line_starts.size()) return std::nullopt;
  std::vector<int> inside{first};
  node_lines(events, inside);
  int last = *std::max_element(inside.begin(), inside.end());
  if (static_cast<size_t>(last) >= file.line_starts.size()) return std::nullopt;
  // No other node may start on the kept lines (a case written as one flow mapping, say).
  size_t starting = 0;
  for (int line = first; line <= last; ++line) starting += file.node_starts[static_cast<size_t>(line)];
  size_t ancestors = 3;  // the document, `cases` and the case may start on the key's line
  if (starting > inside.size() + ancestors) return std::nullopt;
  size_t padding = static_cast<size_t>(first);
  if (padding > file.padding_left) return std::nullopt;
  Case::Lines lines{static_cast<size_t>(first), static_cast<size_t>(last), static_cast<size_t>(column)};
  try {
    YAML::Node back = YAML::Load(events_text(file.text, file.line_starts, lines, false));
    YAML::Emitter a, b;
    a << back["events"];
    b << events;
    if (!back.IsMap() || back.size() != 1 || std::string(a.c_str()) != b.c_str()) return std::nullopt;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  file.padding_left -= padding;
  return lines;
}

std::optional<Case> read_case(Reader& r, const YAML::Node& c, size_t number, FileLayout& layout) {
  if (!r.mapping(c, fmt::format("case {}", number))) return std::nullopt;
  Case out;
  out.name = fmt::format("case {}", number);
  bool ok = r.known_keys(c, {"name", "events", "as_of", "blocks", "expect"}, fmt::format("case {}", number));
  if (c["name"]) {
    auto v = r.scalar(c["name"], "`name`");
    if (v) out.name = *v;
    ok = ok && v;
  }
  auto events = r.sequence(c["events"], "`events`");
  if (events) out.events = c["events"] && c["events"].IsSequence() ? c["events"] : YAML::Node(YAML::NodeType::Sequence);
  ok = ok && events;
  if (ok && c["events"] && c["events"].IsSequence())
    for (auto it = c.begin(); it != c.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == "events") out.events_lines = events_in_place(layout, it->first, it->second);
  if (c["as_of"]) {
    auto v = r.scalar(c["as_of"], "`as_of`");
    std::string why;
    if (v && !(out.as_of = parse_timestamp(*v, &why))) {
      r.error(c["as_of"], fmt::format("`as_of` is not a date-time: `{}` ({})", visible_text(*v), why));
      v.reset();
    }
    ok = ok && v;
  }
  if (c["blocks"]) {
    auto v = r.scalars(c["blocks"], "`blocks`");
    if (v) out.blocks = *v;
    ok = ok && v;
  }
  auto expect = r.sequence(c["expect"], "`expect`");
  ok = ok && expect;
  if (expect)
    for (const auto& e : *expect) {
      auto x = read_expected(r, e);
      if (x) out.expect.push_back(*x);
      ok = ok && x;
    }
  if (!ok) return std::nullopt;
  return out;
}

// Whether `path` lies inside `root` (both canonical: no `..`, no links).
bool inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

// The folder a test file may reach: --root, else its own folder.
fs::path root_of(const fs::path& file, const std::optional<std::string>& root) {
  std::error_code ec;
  fs::path folder = root ? fs::path(*root) : file.parent_path();
  if (folder.empty()) folder = ".";
  fs::path canonical = fs::canonical(folder, ec);
  return ec ? fs::absolute(folder, ec) : canonical;
}

// Reads and checks one test file into `out`; false (with errors) when it cannot be run.
bool load_test_file(const fs::path& file, const std::optional<std::string>& root, SourceManager& sources,
                    Diagnostics& errors, TestFile& out) {
  out.path = file.string();
  std::string text, why;
  if (!read_file(out.path, text, kMaxAgreementBytes, why)) {
    errors.error(SourceLoc{sources.add_path(out.path), 0, 0}, fmt::format("cannot read test file `{}`: {}", out.path, why));
    return false;
  }
  uint32_t id = sources.add_text(out.path, std::move(text));
  std::string_view kept = *sources.text(id);
  out.text = kept;
  if (auto problem = log::check_plain_yaml(kept, "rule-test files")) {
    errors.error(SourceLoc{id, problem->line, problem->column}, problem->message);
    return false;
  }
  YAML::Node doc;
  Reader r(sources, id, errors);
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(std::string(kept));
    if (docs.size() > 1) {
      // A second document would be ignored: its cases would never run.
      r.error(docs[1], "a test file holds one YAML document; this second one (after `---`) would never run: "
                       "put its cases under the first document's `cases:`, or in a file of its own");
      return false;
    }
    if (!docs.empty()) doc = docs[0];
  } catch (const YAML::Exception& e) {
    errors.error(SourceLoc{id, static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1)},
                 "malformed YAML: " + e.msg);
    return false;
  }
  if (!doc.IsMap() || !doc["agreement"] || !doc["cases"]) {
    errors.error(SourceLoc{id, 1, 1}, "a test file needs `agreement:` (a path) and `cases:` (a list)");
    return false;
  }
  if (!r.known_keys(doc, {"agreement", "cases"}, "a test file")) return false;
  auto agreement = r.scalar(doc["agreement"], "`agreement`");
  auto cases = r.sequence(doc["cases"], "`cases`");
  bool ok = agreement && cases;
  std::optional<FileLayout> layout;
  if (cases && !cases->empty()) layout.emplace(kept, doc);
  if (cases)
    for (size_t i = 0; i < cases->size(); ++i) {
      auto c = read_case(r, (*cases)[i], i + 1, *layout);
      if (c) out.cases.push_back(std::move(*c));
      ok = ok && c;
    }
  if (layout) out.line_starts = std::move(layout->line_starts);
  if (!agreement) return false;

  // The agreement: inside the allowed folder tree, symbolic links resolved, a regular file.
  fs::path allowed = root_of(file, root);
  fs::path named = fs::path(*agreement).is_absolute() ? fs::path(*agreement) : file.parent_path() / *agreement;
  out.agreement_name = named.string();
  std::error_code ec;
  fs::path real = fs::canonical(named, ec);
  if (ec) {
    r.error(doc["agreement"], fmt::format("cannot read the agreement `{}`: {}", visible_text(*agreement), ec.message()));
    return false;
  }
  // Without --root, an agreement file (`*.terms`, after links are followed) anywhere under the
  // current folder is allowed too: spec 8.3's own example names `../acme.terms` from a tests
  // folder. A file of any other kind (a key, a `.env`) must be inside the test file's folder.
  bool agreement_under_cwd = false;
  if (!root && real.extension() == ".terms") {
    fs::path cwd = fs::current_path(ec);
    agreement_under_cwd = !ec && inside(real, fs::canonical(cwd, ec)) && !ec;
  }
  if (!inside(real, allowed) && !agreement_under_cwd) {
    r.error(doc["agreement"],
            fmt::format("the agreement `{}` is outside `{}`: a test file may only name files in its own folder tree, "
                        "or agreements (`*.terms`) under the current folder (symbolic links followed); give "
                        "`pactum test --root DIR` to allow a wider one",
                        visible_text(*agreement), visible_text(allowed.string())));
    return false;
  }
  if (!fs::is_regular_file(real, ec)) {
    r.error(doc["agreement"], fmt::format("the agreement `{}` is not a regular file", visible_text(*agreement)));
    return false;
  }
  out.agreement_real = real.string();
  if (!read_file(real.string(), out.agreement_text, kMaxAgreementBytes, why)) {
    r.error(doc["agreement"], fmt::format("cannot read the agreement `{}`: {}", visible_text(*agreement), why));
    return false;
  }
  return ok;
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
      const auto& e = s.log.event(f.events.front());
      if (e.id != log::kNoSymbol) a.event = std::string(s.log.symbols.text(e.id));
    }
  }
  return a;
}

bool same(const Expected& a, const Expected& b) {
  return a.block == b.block && a.rule == b.rule && a.reason == b.reason && a.responsible == b.responsible &&
         a.event == b.event;
}

const char* kind_of(const model::Block& b) { return b.expectation ? "expectation" : "term"; }

// The expected findings against those found, as a diff: `-` expected and not found, `+` found
// and not expected, the rest shown as they are. The two lists are aligned on their longest common
// subsequence, so one extra or missing finding marks that one line, not every line after it.
// Past a million pairs (a hostile test file) they are compared position by position instead.
std::string difference(const Session& s, const std::vector<Expected>& wanted, const std::vector<eval::Finding>& got) {
  const Expected plain{"", 1, "", std::nullopt, std::nullopt};  // how an unexpected finding is shown
  auto line = [](char mark, const std::string& text) { return fmt::format("    {} {}\n", mark, visible_text(text)); };
  size_t n = wanted.size(), m = got.size();
  std::string out;
  if (n * m > 1'000'000) {
    for (size_t i = 0; i < std::max(n, m); ++i) {
      std::string w = i < n ? show(wanted[i]) : "";
      std::string g = i < m ? show(project(s, got[i], i < n ? wanted[i] : plain)) : "";
      if (w == g) out += line(' ', w);
      else {
        if (!w.empty()) out += line('-', w);
        if (!g.empty()) out += line('+', g);
      }
    }
    return out;
  }
  // common[i][j]: the longest common subsequence of wanted[i..] and got[j..].
  std::vector<uint32_t> common((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return common[i * (m + 1) + j]; };
  auto match = [&](size_t i, size_t j) { return same(project(s, got[j], wanted[i]), wanted[i]); };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;) at(i, j) = match(i, j) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && match(i, j)) {
      out += line(' ', show(wanted[i]));
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      out += line('-', show(wanted[i]));
      ++i;
    } else {
      out += line('+', show(project(s, got[j], i < n ? wanted[i] : plain)));
      ++j;
    }
  }
  return out;
}

// What one case did to each rule of its agreement, in block and rule order (`--coverage`).
struct RuleUse {
  bool activated = false;  // the case exercised the rule (see activated below)
  bool expected = false;   // the case expected a finding of it
};

struct CaseResult {
  bool passed = false;
  std::string detail;
  std::vector<RuleUse> uses;  // empty when the case could not run
};

// The patterns whose events start a rule's work: the activation of `every A requires`, the
// counted (or forbidden, aggregated, shared) events of the periodic forms, the target of `every
// PERIOD requires`, the opening and closing events of an interval (V2.6).
std::vector<const model::Pattern*> activation_patterns(const model::Agreement& ast, const model::Rule& r) {
  using Kind = model::Rule::Kind;
  switch (r.kind) {
    case Kind::PeriodRequires: return {&r.target};
    case Kind::Availability:
    case Kind::Downtime:
    case Kind::DurationMeasure:
      if (const auto* i = ast.find_interval(r.interval.text)) return {&i->open, &i->close};
      return {};
    default: return {&r.subject};
  }
}

// A case activates a rule when it produced a finding, pending item or tolerated miss of it, or
// when an event of the judged interval matches one of its activation patterns (a rule that was
// met is activated too); a case limited to some blocks (`blocks:`) activates no rule of the
// others. An expectation names its rule, or, without `rule:`, counts for the rules of its block
// whose findings in that case had the expected reason.
std::vector<RuleUse> rule_uses(const Session& s, const Case& c) {
  std::vector<RuleUse> out;
  const auto& o = s.outcome;
  auto produced = [&](const model::Rule& rule, const std::string& reason) {
    auto of = [&](const std::vector<eval::Finding>& items) {
      return std::any_of(items.begin(), items.end(),
                         [&](const eval::Finding& f) { return f.rule == &rule && (reason.empty() || f.reason == reason); });
    };
    return of(o.findings) || (reason.empty() && (of(o.pending) || of(o.tolerated_misses)));
  };
  for (const auto& block : s.ast.blocks)
    for (const auto& rule : block.rules) {
      RuleUse use;
      // A case that names its blocks (`blocks:`) is about those only: it exercises no other.
      if (!c.blocks.empty() && std::find(c.blocks.begin(), c.blocks.end(), block.name) == c.blocks.end()) {
        out.push_back(use);
        continue;
      }
      use.activated = produced(rule, "");
      if (!use.activated && o.evaluated) {
        std::vector<eval::CompiledPattern> patterns;
        for (const auto* p : activation_patterns(s.ast, rule)) patterns.emplace_back(*p, s.log, *s.agreement);
        const auto& end = s.agreement->effective_end;
        for (const auto& e : s.log.events) {
          if (e.at < o.judged_from || e.at > o.as_of || (end && e.at >= *end)) continue;  // as evaluation judges
          if (std::any_of(patterns.begin(), patterns.end(), [&](const eval::CompiledPattern& p) { return p.matches(e); })) {
            use.activated = true;
            break;
          }
        }
      }
      for (const auto& x : c.expect)
        if (x.block == block.name && (x.rule ? *x.rule == rule.number : produced(rule, x.reason))) use.expected = true;
      out.push_back(use);
    }
  return out;
}

CaseResult run_case(const TestFile& file, const Case& c, log::Backend backend) {
  CaseResult r;
  Session s;
  // The agreement was read once for the file; each case parses the same text.
  if (!s.load_agreement_text(file.agreement_name, file.agreement_text)) {
    r.detail = s.render_errors(false);
    return r;
  }
  // A case limited to a block the agreement does not have (a typo) would compare nothing of it
  // and pass: it fails, naming the block.
  std::vector<std::string> names;
  for (const auto& block : s.ast.blocks) names.push_back(block.name);
  for (const auto& name : c.blocks) {
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    std::string near = closest_match(name, names);
    r.detail = fmt::format("    `blocks:` names \"{}\", which the agreement does not have{}\n", visible_text(name),
                           near.empty() ? "" : fmt::format("; did you mean \"{}\"?", visible_text(near)));
    return r;
  }
  // The events where the test file has them (errors at their line and column there), else
  // written out again (then located in that copy, named after the case).
  bool loaded;
  if (c.events_lines) {
    loaded = s.load_log_text(file.path, events_text(file.text, file.line_starts, *c.events_lines, true), backend);
  } else {
    YAML::Emitter events;
    events << YAML::BeginMap << YAML::Key << "events" << YAML::Value << c.events << YAML::EndMap;
    loaded = s.load_log_text(fmt::format("{} (case \"{}\")", file.path, c.name), events.c_str(), backend);
  }
  if (!loaded) {
    r.detail = s.render_errors(false);
    return r;
  }
  std::optional<Instant> as_of;
  if (c.as_of) as_of = resolve(*c.as_of, s.agreement->zone).instant;
  s.evaluate(as_of);
  if (s.errors.has_errors()) {  // a limit (docs/security.md)
    r.detail = s.render_errors(false);
    return r;
  }

  // `blocks: [...]` (an extension) limits the comparison to the findings of those blocks, so a
  // case about one term is not disturbed by the agreement's other terms.
  std::vector<eval::Finding> got;
  for (const auto& f : s.outcome.findings)
    if (c.blocks.empty() || std::find(c.blocks.begin(), c.blocks.end(), f.block->name) != c.blocks.end())
      got.push_back(f);
  r.uses = rule_uses(s, c);
  const auto& wanted = c.expect;
  r.passed = got.size() == wanted.size();
  for (size_t i = 0; r.passed && i < got.size(); ++i) r.passed = same(project(s, got[i], wanted[i]), wanted[i]);
  if (r.passed) return r;
  r.detail = difference(s, wanted, got);
  return r;
}

// `--coverage`: per agreement, how many cases activated each rule and whether one expected a
// finding of it (as `opa test --coverage` does for policies).
struct Coverage {
  std::string agreement;  // as the first test file names it
  std::string text;       // its text, to list its rules
  size_t cases = 0;       // the cases that ran (a case that could not load its log is not counted)
  std::vector<size_t> activated;
  std::vector<bool> expected;
};

class CoverageTable {
 public:
  void add(const TestFile& file, const CaseResult& r) {
    auto [it, fresh] = index_.emplace(file.agreement_real, table_.size());
    std::string shown = fs::path(file.agreement_name).lexically_normal().string();  // "tests/../a.terms" -> "a.terms"
    if (fresh) table_.push_back(Coverage{shown, file.agreement_text, 0, {}, {}});
    Coverage& c = table_[it->second];
    if (r.uses.empty()) return;
    ++c.cases;
    c.activated.resize(r.uses.size(), 0);
    c.expected.resize(r.uses.size(), false);
    for (size_t i = 0; i < r.uses.size(); ++i) {
      c.activated[i] += r.uses[i].activated ? 1 : 0;
      if (r.uses[i].expected) c.expected[i] = true;
    }
  }
  const std::vector<Coverage>& agreements() const { return table_; }

 private:
  std::map<std::string, size_t> index_;
  std::vector<Coverage> table_;
};

struct RuleLine {
  const model::Block* block;
  const model::Rule* rule;
  size_t activated;
  bool expected;
  std::string location;
};

// The rules of a covered agreement with their counts (the agreement parsed once more for its
// names and texts); empty when it does not load (its cases failed and say why).
std::vector<RuleLine> rule_lines(const Coverage& c, Session& s) {
  std::vector<RuleLine> out;
  if (!s.load_agreement_text(c.agreement, c.text)) return out;
  size_t i = 0;
  for (const auto& block : s.ast.blocks)
    for (const auto& rule : block.rules) {
      bool known = i < c.activated.size();
      out.push_back({&block, &rule, known ? c.activated[i] : 0, known && c.expected[i],
                     fmt::format("{}:{}:{}", s.sources.name(rule.loc.file), rule.loc.line, rule.loc.column)});
      ++i;
    }
  return out;
}

std::string coverage_text(const CoverageTable& table) {
  std::string out;
  for (const auto& c : table.agreements()) {
    Session s;
    auto rules = rule_lines(c, s);
    out += fmt::format("Coverage of {} by {} case{}:\n", visible_text(c.agreement), c.cases, c.cases == 1 ? "" : "s");
    size_t activated = 0, expected = 0;
    std::string missing;
    for (const auto& r : rules) {
      out += fmt::format("  {} \"{}\" rule {}: activated by {} case{}; {} ({})\n", kind_of(*r.block),
                         visible_text(r.block->name), r.rule->number, r.activated, r.activated == 1 ? "" : "s",
                         r.expected ? "a finding expected" : "no finding expected", visible_text(r.location));
      activated += r.activated > 0;
      expected += r.expected;
      if (r.activated == 0)
        missing += fmt::format("    {} \"{}\" rule {} ({}): {}\n", kind_of(*r.block), visible_text(r.block->name),
                               r.rule->number, visible_text(r.location), visible_text(r.rule->text));
    }
    out += fmt::format("  {} of {} rules activated by some case, {} with an expected finding\n", activated, rules.size(),
                       expected);
    if (!missing.empty())
      out += fmt::format("  Not exercised by any case ({}):\n{}", rules.size() - activated, missing);
  }
  return out;
}

nlohmann::ordered_json coverage_json(const CoverageTable& table) {
  using nlohmann::ordered_json;
  ordered_json out = ordered_json::array();
  for (const auto& c : table.agreements()) {
    Session s;
    auto rules = rule_lines(c, s);
    ordered_json list = ordered_json::array(), missing = ordered_json::array();
    for (const auto& r : rules) {
      ordered_json j;
      j["block"] = r.block->name;
      j["kind"] = kind_of(*r.block);
      j["rule"] = r.rule->number;
      j["rule_text"] = r.rule->text;
      j["location"] = {{"file", s.sources.name(r.rule->loc.file)}, {"line", r.rule->loc.line}, {"column", r.rule->loc.column}};
      j["activated_by"] = r.activated;
      j["finding_expected"] = r.expected;
      list.push_back(j);
      if (r.activated == 0) missing.push_back({{"block", r.block->name}, {"rule", r.rule->number}});
    }
    out.push_back({{"agreement", c.agreement}, {"cases", c.cases}, {"rules", list}, {"not_exercised", missing}});
  }
  return out;
}

}  // namespace

int run_tests(const TestOptions& options, Streams io) {
  // The files: the one named, or the *.yaml/*.yml files of the folder named (those that lead
  // outside it through a link are refused like an agreement that does).
  std::vector<fs::path> files;
  SourceManager sources;
  Diagnostics errors(50);
  std::error_code ec;
  if (fs::is_directory(options.path, ec)) {
    fs::path allowed = root_of(fs::path(options.path) / "x", options.root);
    for (const auto& entry : fs::directory_iterator(options.path, ec)) {
      auto ext = entry.path().extension();
      if (ext != ".yaml" && ext != ".yml") continue;
      fs::path real = fs::canonical(entry.path(), ec);
      if (ec || !inside(real, allowed) || !fs::is_regular_file(real, ec)) {
        errors.error(SourceLoc{sources.add_path(entry.path().string()), 0, 0},
                     fmt::format("test file `{}` is not a regular file inside `{}` (symbolic links followed)",
                                 visible_text(entry.path().string()), visible_text(allowed.string())));
        continue;
      }
      files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(options.path);
  }
  if (files.empty() && !errors.has_errors()) {
    io.err << fmt::format("pactum: no test files (*.yaml) in `{}`\n", visible_text(options.path));
    return kInputError;
  }

  std::vector<TestFile> tests(files.size());
  for (size_t i = 0; i < files.size() && !errors.full(); ++i) load_test_file(files[i], options.root, sources, errors, tests[i]);
  // Each agreement is read here once, also for a file without cases: one that cannot be
  // evaluated is an input error (spec 6: exit 2), not a failure of each case.
  std::string agreement_errors;
  std::set<std::string> parsed;
  bool agreement_errors_found = false;
  if (!errors.has_errors())
    for (const auto& t : tests) {
      if (!parsed.insert(t.agreement_real).second) continue;
      Session s;
      if (s.load_agreement_text(t.agreement_name, t.agreement_text)) continue;
      agreement_errors += s.render_errors(io.color);
      agreement_errors_found = true;
    }
  if (errors.has_errors() || agreement_errors_found) {
    errors.sort();
    io.err << agreement_errors;
    for (const auto& d : errors.items()) io.err << render_diagnostic(d, sources, io.color);
    size_t n = errors.error_count();
    if (n) io.err << fmt::format("pactum: {} error{} in the test files; no case was run\n", n, n == 1 ? "" : "s");
    else io.err << "pactum: an agreement of the test files cannot be evaluated; no case was run\n";
    return kInputError;
  }

  // Case names and findings are input: visible text, after a fixed word on each line.
  size_t passed = 0, failed = 0;
  std::string out;
  CoverageTable coverage;
  nlohmann::ordered_json cases = nlohmann::ordered_json::array();
  for (const auto& file : tests)
    for (const auto& c : file.cases) {
      CaseResult r = run_case(file, c, options.backend);
      coverage.add(file, r);
      (r.passed ? passed : failed)++;
      out += r.passed ? fmt::format("PASS  {}\n", visible_text(c.name))
                      : fmt::format("FAIL  {}\n{}", visible_text(c.name), r.detail);
      cases.push_back({{"file", file.path}, {"name", c.name}, {"passed", r.passed}, {"difference", r.detail}});
    }
  if (options.json) {
    nlohmann::ordered_json doc;
    doc["pactum"] = 1;
    doc["passed"] = passed;
    doc["failed"] = failed;
    doc["cases"] = cases;
    if (options.coverage) doc["coverage"] = coverage_json(coverage);
    io.out << report::json_text(doc);
  } else if (!io.quiet) {  // --quiet: the exit status says it
    io.out << out << fmt::format("{} passed, {} failed\n", passed, failed);
    if (options.coverage) io.out << coverage_text(coverage);
  }
  return failed ? kFindings : kOk;
}

}  // namespace pactum::app
