// The two YAML backends. Each turns its parser's events into EventBuilder calls and reports
// its parser's errors through EventBuilder::syntax_error; neither builds a document tree.
#pragma once
#include <cstdio>
#include <string_view>

#include "engine/log/event_builder.h"

namespace pactum::log {

// libyaml, streaming from an open file (read in large blocks) or from text in memory.
void read_with_libyaml(std::FILE* in, EventBuilder& builder);
void read_with_libyaml(std::string_view text, EventBuilder& builder);

// Whether libyaml parses `text` without a syntax or encoding error (events are not looked at).
bool libyaml_accepts(std::string_view text);

// yaml-cpp's YAML::Parser with an EventHandler (never YAML::Load). Needs the whole text: its
// marks count bytes, and columns are reported in code points.
void read_with_yamlcpp(std::string_view text, EventBuilder& builder);

}  // namespace pactum::log
