// `pactum check --slice K/N` and `pactum merge` (docs/sliced-runs.md), driven as the CLI runs them:
// the slice parser, what a sliced check refuses, and every way a set of parts can be wrong (each
// an exit 2 naming what is wrong, never a crash). tests/cli/sliced_runs.py checks that good parts
// merge into the whole report on every conformance case and the benchmark logs.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/app/commands.h"
#include "tests/unit/app/temp_folder.h"

using namespace pactum;

namespace {

const std::string kSource = PACTUM_SOURCE_DIR;
const std::string kTerms = kSource + "/tests/golden/cli/filters.terms";
const std::string kLog = kSource + "/tests/golden/cli/filters.yaml";

using testing::slurp;

struct Run {
  int status;
  std::string out, err;
};

app::CheckOptions whole_run() {
  app::CheckOptions o;
  o.agreement = kTerms;
  o.logs = {kLog};
  o.as_of = "2026-01-21";
  o.format = report::Format::Json;
  return o;
}

Run check(app::CheckOptions options) {
  std::ostringstream out, err;
  int status = app::run_check(options, app::Streams{out, err, false, true});
  return {status, out.str(), err.str()};
}

Run merge(const std::vector<std::string>& parts, std::optional<std::string> output = std::nullopt,
          report::Format format = report::Format::Json) {
  app::MergeOptions options;
  options.parts = parts;
  options.output = output;
  options.format = format;
  std::ostringstream out, err;
  int status = app::run_merge(options, app::Streams{out, err, false, true});
  return {status, out.str(), err.str()};
}

// Writes part K of N of `options`' run into `folder` and returns its path.
std::string part(const testing::TempFolder& folder, size_t k, size_t n, app::CheckOptions options = whole_run()) {
  std::string path = folder / ("part-" + std::to_string(k) + "-of-" + std::to_string(n) + ".json");
  options.slice = std::to_string(k) + "/" + std::to_string(n);
  options.output = path;
  Run r = check(options);
  INFO(r.err);
  REQUIRE((r.status == 0 || r.status == 1));
  return path;
}

std::string write(const testing::TempFolder& folder, const std::string& name, const std::string& text) {
  std::ofstream(folder / name) << text;
  return folder / name;
}

}  // namespace

TEST_CASE("slice K/N: whole numbers with 1 <= K <= N <= 1000") {
  struct Case {
    const char* text;
    bool ok;
  };
  const Case cases[] = {{"1/1", true},     {"2/4", true},   {"1000/1000", true},     {"", false},
                        {"1", false},      {"0/4", false},  {"5/4", false},          {"1/0", false},
                        {"1/1001", false}, {"a/b", false},  {"1/4x", false},         {"+1/4", false},
                        {"-1/4", false},   {" 1/4", false}, {"1//4", false},         {"1/4/4", false},
                        {"/4", false},     {"1/", false},   {"99999999999/1", false}};
  for (const auto& c : cases) {
    INFO("--slice `" << c.text << "`");
    std::string why;
    auto slice = app::parse_slice(c.text, &why);
    CHECK(slice.has_value() == c.ok);
    if (!c.ok) CHECK_FALSE(why.empty());
    // Through the command: a usage error (exit 2), nothing on standard output.
    auto options = whole_run();
    options.slice = c.text;
    if (c.ok) continue;
    Run r = check(options);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--slice") != std::string::npos);
  }
  auto s = app::parse_slice("3/7");
  REQUIRE(s);
  CHECK((s->k == 3 && s->n == 7));
  CHECK((s->owns(2) && s->owns(9) && !s->owns(3) && !s->owns(0)));
}

TEST_CASE("a sliced check writes JSON only and refuses the options that need the whole run") {
  struct Case {
    const char* what;
    void (*set)(app::CheckOptions&);
    const char* says;
  };
  const Case cases[] = {
      {"text", [](app::CheckOptions& o) { o.format = report::Format::Text; }, "JSON only"},
      {"sarif", [](app::CheckOptions& o) { o.format = report::Format::Sarif; }, "JSON only"},
      {"json plus --output html=",
       [](app::CheckOptions& o) {
         o.outputs.push_back({report::Format::Html, "/nonexistent/x.html"});
       },
       "JSON only"},
      {"--waivers", [](app::CheckOptions& o) { o.waivers = "w.yaml"; }, "--waivers"},
      {"--baseline", [](app::CheckOptions& o) { o.baseline = "b.json"; }, "--baseline"},
      {"--write-baseline", [](app::CheckOptions& o) { o.write_baseline = "b.json"; }, "--write-baseline"},
      {"--strict-baseline", [](app::CheckOptions& o) { o.strict_baseline = true; }, "--strict-baseline"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto options = whole_run();
    options.slice = "1/2";
    c.set(options);
    Run r = check(options);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.says) != std::string::npos);
  }
}

TEST_CASE("merge: the parts of one run give the whole report, in any order") {
  testing::TempFolder folder;
  Run whole = check(whole_run());
  REQUIRE(whole.status == 1);
  for (size_t n : {1, 2, 3, 5}) {
    std::vector<std::string> parts;
    for (size_t k = n; k >= 1; --k) parts.push_back(part(folder, k, n));
    Run merged = merge(parts);
    INFO("N = " << n << ": " << merged.err);
    CHECK(merged.status == whole.status);
    CHECK(merged.out == whole.out);
  }
  // A filtered run too: the summary's `filtered` counts are sums.
  auto filtered = whole_run();
  filtered.filter.parties = {"Client"};
  Run whole_filtered = check(filtered);
  std::vector<std::string> parts = {part(folder, 1, 2, filtered), part(folder, 2, 2, filtered)};
  Run merged = merge(parts);
  CHECK(merged.out == whole_filtered.out);
  // --due-within: the items due soon by deadline, their number in the summary.
  auto due = whole_run();
  due.due_within = "30d";
  Run whole_due = check(due);
  REQUIRE(whole_due.out.find("\"due_soon\"") != std::string::npos);
  Run merged_due = merge({part(folder, 2, 3, due), part(folder, 3, 3, due), part(folder, 1, 3, due)});
  CHECK(merged_due.out == whole_due.out);
  // -o FILE: the same bytes, written only when complete.
  Run to_file = merge(parts, folder / "merged.json");
  CHECK(to_file.status == whole_filtered.status);
  CHECK(slurp(folder / "merged.json") == whole_filtered.out);
}

TEST_CASE("merge: wrong sets of parts and malformed parts are errors naming what is wrong") {
  testing::TempFolder folder;
  std::string p1of3 = part(folder, 1, 3), p2of3 = part(folder, 2, 3), p3of3 = part(folder, 3, 3);
  std::string p1of2 = part(folder, 1, 2);
  auto other = whole_run();
  other.as_of = "2026-01-20";
  std::string other2of3 = folder / "other.json";
  {
    other.slice = "2/3";
    other.output = other2of3;
    REQUIRE(check(other).status <= 1);
  }
  std::string text = slurp(p1of3);
  auto doc = nlohmann::ordered_json::parse(text);
  auto edited = [&](const char* name, auto edit) {
    auto copy = doc;
    edit(copy);
    return write(folder, name, copy.dump(2));
  };

  struct Case {
    const char* what;
    std::vector<std::string> parts;
    std::vector<std::string> says;
  };
  const std::vector<Case> cases = {
      {"a missing part", {p1of3, p3of3}, {"part 2 of 3 is missing"}},
      {"two missing parts", {p2of3}, {"parts 1, 3 of 3 are missing"}},
      {"a duplicate part", {p1of3, p2of3, p2of3, p3of3}, {"part 2 of 3 is given twice"}},
      {"parts of another run", {p1of3, other2of3, p3of3}, {"different runs", "other.json"}},
      {"a different N", {p1of3, p1of2}, {"of 3 slices", "of 2"}},
      {"not JSON", {write(folder, "text.json", "hello\n"), p2of3, p3of3}, {"text.json", "not JSON"}},
      {"truncated",
       {write(folder, "cut.json", text.substr(0, text.size() / 2)), p2of3, p3of3},
       {"cut.json", "not JSON"}},
      {"empty", {write(folder, "empty.json", ""), p2of3}, {"empty.json", "not JSON"}},
      {"an array", {write(folder, "array.json", "[1, 2]"), p2of3}, {"not a JSON object"}},
      {"nested too deep",
       {write(folder, "deep.json", std::string(100000, '[') + std::string(100000, ']'))},
       {"nested"}},
      {"no slice", {edited("noslice.json", [](auto& j) { j.erase("slice"); }), p2of3, p3of3}, {"has no `slice`"}},
      {"k a string", {edited("k.json", [](auto& j) { j["slice"]["k"] = "1"; }), p2of3, p3of3}, {"`slice.k`"}},
      {"k beyond n", {edited("k9.json", [](auto& j) { j["slice"]["k"] = 9; }), p2of3, p3of3}, {"part 9 of 3"}},
      {"n zero", {edited("n0.json", [](auto& j) { j["slice"]["n"] = 0; })}, {"part 1 of 0"}},
      {"negative k", {edited("kneg.json", [](auto& j) { j["slice"]["k"] = -1; })}, {"`slice.k`"}},
      {"findings not an array",
       {edited("f.json", [](auto& j) { j["findings"] = nlohmann::ordered_json::object(); }), p2of3, p3of3},
       {"`findings` of the report is not an array"}},
      {"a key missing",
       {edited("keys.json", [](auto& j) { j["slice"]["findings"] = nlohmann::ordered_json::array(); }), p2of3, p3of3},
       {"keys for"}},
      {"a key of the wrong type",
       {edited("keytype.json", [](auto& j) { j["slice"]["findings"][0][1] = "x"; }), p2of3, p3of3},
       {"a key of `slice.findings`"}},
      {"an unexpected member",
       {edited("extra.json", [](auto& j) { j["waived"] = nlohmann::ordered_json::array(); }), p2of3, p3of3},
       {"unexpected member `waived`"}},
      {"a different agreement name",
       {edited("name.json", [](auto& j) { j["agreement"] = "Another"; }), p2of3, p3of3},
       {"`agreement` differs"}},
      {"a count of another type",
       {edited("count.json", [](auto& j) { j["summary"]["tolerated"] = 1.5; }), p2of3, p3of3},
       {"`summary.tolerated`"}},
      {"different event counts",
       {edited("events.json", [](auto& j) { j["summary"]["events"] = 1; }), p2of3, p3of3},
       {"`summary.events` differs"}},
      {"an unreadable part", {folder / "nonexistent.json", p2of3, p3of3}, {"cannot read part", "nonexistent.json"}},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    Run r = merge(c.parts);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    for (const auto& s : c.says) CHECK(r.err.find(s) != std::string::npos);
  }

  SECTION("-o naming a part, and a format other than JSON, are refused before anything is read") {
    Run r = merge({p1of3, p2of3, p3of3}, p2of3);
    CHECK(r.status == 2);
    CHECK(r.err.find("is one of the parts") != std::string::npos);
    CHECK(slurp(p2of3).find("\"slice\"") != std::string::npos);
    r = merge({p1of3, p2of3, p3of3}, std::nullopt, report::Format::Html);
    CHECK(r.status == 2);
    CHECK(r.err.find("JSON") != std::string::npos);
  }
  SECTION("an error leaves no output file") {
    Run r = merge({p1of3, p3of3}, folder / "out.json");
    CHECK(r.status == 2);
    CHECK_FALSE(std::filesystem::exists(folder / "out.json"));
  }
}
