// Differential test: libyaml and yaml-cpp must give the same events (every field, attributes
// included) and the same rendered diagnostics for every input: the table cases and every
// fixture under tests/data/logs.
#include <catch2/catch.hpp>

#include <algorithm>

#include "log_cases.h"
#include "log_test_util.h"

using namespace pactum;
using namespace pactum::log;
using namespace pactum::log::testing;

namespace {

void compare_backends(const std::string& name, const Loaded& a, const Loaded& b) {
  INFO("input: " << name);
  INFO("libyaml diagnostics:\n" << a.diagnostics.substr(0, 3000) << "yaml-cpp diagnostics:\n"
                                << b.diagnostics.substr(0, 3000));
  CHECK(a.ok == b.ok);
  CHECK(a.events == b.events);
  CHECK(a.diagnostics == b.diagnostics);
}

}  // namespace

TEST_CASE("differential: table cases give identical results with both backends") {
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const auto& c : good_cases()) inputs.emplace_back(c.name, c.yaml);
  for (const auto& c : error_cases()) inputs.emplace_back(c.name, c.yaml);
  for (const auto& [name, yaml] : inputs) {
    Loaded a = load_text(yaml, Backend::Libyaml);
    Loaded b = load_text(yaml, Backend::YamlCpp);
    compare_backends(name, a, b);
  }
}

TEST_CASE("differential: fixture logs give identical results with both backends") {
  auto dir = std::filesystem::path(PACTUM_SOURCE_DIR) / "tests/data/logs";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  for (const auto& path : files) {
    Loaded a = load_file(path.string(), test_options(Backend::Libyaml));
    Loaded b = load_file(path.string(), test_options(Backend::YamlCpp));
    compare_backends(path.filename().string(), a, b);
    // Good fixtures load without diagnostics; bad ones (by name) report at least one error.
    bool good = path.filename().string().rfind("shape", 0) == 0;
    INFO(path.filename().string() << "\n" << a.diagnostics);
    CHECK(a.ok == good);
  }
}
