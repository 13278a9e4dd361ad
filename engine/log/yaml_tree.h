// Small YAML documents read whole into a tree with the place of every node: waiver files and
// other configuration that pactum reads beside agreements and logs. Event logs never go through
// this (they stream, engine/log/loader.h). libyaml parses; the tree is bounded (nesting depth,
// node count) so that a hostile file costs at most a few megabytes, and aliases are refused.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pactum::log {

struct YamlNode {
  enum class Kind { Scalar, Sequence, Mapping };
  Kind kind = Kind::Scalar;
  std::string scalar;      // Scalar: the value as written (quotes removed)
  bool quoted = false;     // Scalar: written in quotes (so `null`, `true`, numbers are strings)
  uint32_t line = 0;       // 1-based
  uint32_t column = 0;     // 1-based, in code points
  std::vector<YamlNode> items;                          // Sequence
  std::vector<YamlNode> keys;                           // Mapping: keys and their values,
  std::vector<YamlNode> values;                         //   in order (keys[i] -> values[i])

  bool is_null() const { return kind == Kind::Scalar && !quoted && (scalar.empty() || scalar == "~" || scalar == "null"); }
  const YamlNode* find(std::string_view key) const;
};

struct YamlError {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
};

// Parses `text` (one document; an empty text is a null document). On error returns nullopt and
// fills `error` (located). Limits: 32 levels of nesting, 100 000 nodes, no aliases.
std::optional<YamlNode> parse_yaml_tree(std::string_view text, YamlError& error);

}  // namespace pactum::log
