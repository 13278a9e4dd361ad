// The two YAML backends. Each turns its parser's events into EventBuilder calls and reports
// its parser's errors through EventBuilder::syntax_error; neither builds a document tree.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "engine/log/event_builder.h"

namespace pactum::log {

// libyaml, streaming from an open file (read in large blocks) or from text in memory.
void read_with_libyaml(std::FILE* in, EventBuilder& builder);
void read_with_libyaml(std::string_view text, EventBuilder& builder);

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

// Whether libyaml parses `text` without a syntax or encoding error (events are not looked at).
bool libyaml_accepts(std::string_view text);

// yaml-cpp's YAML::Parser with an EventHandler (never YAML::Load). Needs the whole text: its
// marks count bytes, and columns are reported in code points.
void read_with_yamlcpp(std::string_view text, EventBuilder& builder);

}  // namespace pactum::log
