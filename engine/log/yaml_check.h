// A YAML file that is not an event log (a `pactum test` file), checked before any YAML library
// builds a tree from it. Implemented with libyaml (libyaml_reader.cc).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pactum::log {

// A YAML document that is not an event log (a `pactum test` file) checked before a tree is built
// from it (docs/security.md): UTF-8 text, valid YAML, at most kMaxDepth levels deep, no aliases
// (a tree would share them, but copying it out would expand them). The first problem, located;
// `what` names the file kind in messages ("rule-test files").
struct YamlProblem {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
};
std::optional<YamlProblem> check_plain_yaml(std::string_view text, const char* what);

}  // namespace pactum::log
