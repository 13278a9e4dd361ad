// `pactum explain CODE` (engine/app/code_explanations.h, issue 13): every code the engine can emit
// has an entry, and every entry's example really gives its code while its fixed version does not.
//
// The codes are read from the source, so that a new code without an entry fails here:
// - agreement-error and lint codes: `inline constexpr const char* kName = "some-code";` anywhere in
//   engine/ (engine/semantic/resolved_agreement.h, engine/lint/lint.h), and code literals written
//   straight into a Diagnostic (`.code = "x"`, `Diagnostic{DiagLevel::..., "x"`,
//   `entry(DiagLevel::..., "x"`);
// - finding reasons: the list in the comment of eval::Finding::reason (engine/eval/outcome.h),
//   and every hyphenated string literal of engine/eval (reasons such as `below-target`).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "engine/app/code_explanations.h"

using namespace pactum;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct SourceCodes {
  std::map<std::string, std::string> codes;  // code -> where it was found
  std::set<std::string> reasons;
};

SourceCodes codes_in_source() {
  SourceCodes out;
  const std::regex constant(R"re(inline\s+constexpr\s+const\s+char\s*\*\s*k\w+\s*=\s*"([a-z][a-z0-9-]*)")re");
  const std::regex literal(R"re((?:\.code\s*=\s*|Diagnostic\{DiagLevel::\w+,\s*|entry\(DiagLevel::\w+,\s*)"([a-z][a-z0-9-]*)")re");
  const std::regex hyphenated(R"re("([a-z]+(?:-[a-z]+)+)")re");
  fs::path engine = fs::path(PACTUM_SOURCE_DIR) / "engine";
  for (const auto& entry : fs::recursive_directory_iterator(engine)) {
    auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    std::string text = read(entry.path());
    std::string where = fs::relative(entry.path(), PACTUM_SOURCE_DIR).string();
    for (const auto* re : {&constant, &literal})
      for (std::sregex_iterator m(text.begin(), text.end(), *re), end; m != end; ++m) out.codes[(*m)[1]] = where;
    if (entry.path().parent_path().filename() == "eval" && ext == ".cc")
      for (std::sregex_iterator m(text.begin(), text.end(), hyphenated), end; m != end; ++m) out.reasons.insert((*m)[1]);
  }
  // "std::string reason;  // late, missing, ..." continued on the following comment lines.
  std::string outcome = read(engine / "eval" / "outcome.h");
  auto at = outcome.find("std::string reason;");
  REQUIRE(at != std::string::npos);
  std::string comment;
  std::istringstream lines(outcome.substr(at));
  for (std::string line; std::getline(lines, line);) {
    auto slash = line.find("//");
    if (slash == std::string::npos) break;
    if (!comment.empty() && line.find_first_not_of(' ') != slash) break;  // code before the comment
    comment += line.substr(slash + 2) + ",";
  }
  const std::regex word(R"re([a-z]+(?:-[a-z]+)*)re");
  for (std::sregex_iterator m(comment.begin(), comment.end(), word), end; m != end; ++m) out.reasons.insert(m->str());
  return out;
}

std::string dump(const std::vector<std::string>& v) { return fmt::format("[{}]", fmt::join(v, ", ")); }

bool has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("every code in the engine's source has a `pactum explain` entry", "[explain]") {
  SourceCodes source = codes_in_source();
  REQUIRE(source.codes.size() >= 20);  // the scan itself works (13 agreement errors, 11 lint codes today)
  REQUIRE(source.reasons.count("late"));
  std::vector<std::string> missing;
  for (const auto& [code, where] : source.codes)
    if (!app::find_code_explanation(code)) missing.push_back(fmt::format("{} ({})", code, where));
  for (const auto& reason : source.reasons)
    if (!app::find_code_explanation(reason)) missing.push_back(reason + " (finding reason)");
  INFO("codes without an entry in engine/app/code_explanations.cc: " << dump(missing));
  CHECK(missing.empty());

  // And no entry explains a code the engine no longer has.
  std::vector<std::string> stale;
  for (const auto& e : app::code_explanations()) {
    std::string code(e.code);
    bool known = e.kind == app::CodeKind::FindingReason ? source.reasons.count(code) > 0 : source.codes.count(code) > 0;
    if (!known) stale.push_back(code);
  }
  INFO("entries for codes the source does not have: " << dump(stale));
  CHECK(stale.empty());
}

TEST_CASE("each explained code's example gives it and the fixed example does not", "[explain]") {
  std::set<std::string_view> seen;
  for (const auto& e : app::code_explanations()) {
    SECTION(std::string(e.code)) {
      CHECK(seen.insert(e.code).second);
      CHECK(!e.summary.empty());
      CHECK(!e.meaning.empty());
      CHECK(!e.fix.empty());
      app::ExampleRun run = app::run_example(e, e.example, false);
      INFO("example of " << e.code << " gives " << dump(run.codes) << "\n" << run.rendered);
      CHECK(has(run.codes, e.code));
      switch (e.kind) {
        case app::CodeKind::AgreementError:
          CHECK(!run.resolved);
          CHECK(has(run.errors, e.code));
          break;
        case app::CodeKind::LintError: CHECK(run.resolved); CHECK(has(run.errors, e.code)); break;
        case app::CodeKind::LintWarning: CHECK(run.resolved); CHECK(!has(run.errors, e.code)); break;
        case app::CodeKind::FindingReason: CHECK(run.resolved); break;
      }
      if (e.kind == app::CodeKind::FindingReason) {
        CHECK(e.fixed.empty());
      } else {
        REQUIRE(!e.fixed.empty());
        app::ExampleRun fixed = app::run_example(e, e.fixed, false);
        INFO("fixed example of " << e.code << " gives " << dump(fixed.codes) << "\n" << fixed.rendered);
        CHECK(fixed.resolved);
        CHECK(!has(fixed.codes, e.code));
        CHECK(fixed.errors.empty());
      }
    }
  }
}

TEST_CASE("explanation texts keep to 96 columns", "[explain]") {
  for (const auto& e : app::code_explanations())
    for (std::string_view text : {e.meaning, e.fix}) {
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = std::min(text.find('\n', start), text.size());
        INFO(e.code << ": " << text.substr(start, end - start));
        CHECK(end - start <= 96);
        start = end + 1;
      }
    }
}
