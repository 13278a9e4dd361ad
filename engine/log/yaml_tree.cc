#include "engine/log/yaml_tree.h"

#include <memory>

#include <fmt/format.h>
#include <yaml.h>

#include "engine/log/yaml_errors.h"

namespace pactum::log {

namespace {

constexpr size_t kMaxTreeDepth = 32;
constexpr size_t kMaxTreeNodes = 100000;

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

struct EventGuard {
  yaml_event_t event{};
  ~EventGuard() { yaml_event_delete(&event); }
};

class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, YamlError& error) : text_(text), positions_(text), error_(error) {}

  std::optional<YamlNode> run() {
    if (auto problem = find_encoding_problem(text_)) {
      auto [line, column] = position_of(text_, problem->offset);
      return fail(line, column, problem->message);
    }
    parser_.reset(new yaml_parser_t);
    if (!yaml_parser_initialize(parser_.get())) return fail(0, 0, "out of memory");
    yaml_parser_set_input_string(parser_.get(), reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    std::optional<YamlNode> root;
    for (;;) {
      EventGuard g;
      if (!yaml_parser_parse(parser_.get(), &g.event)) return syntax_error();
      switch (g.event.type) {
        case YAML_STREAM_END_EVENT: {
          if (root) return root;
          YamlNode empty;  // an empty text: a null document
          empty.line = empty.column = 1;
          return empty;
        }
        case YAML_DOCUMENT_START_EVENT:
          if (root) return fail(g.event.start_mark, "only one YAML document is allowed here");
          break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_START_EVENT: break;
        default: {
          auto node = node_from(g.event, 0);
          if (!node) return std::nullopt;
          root = std::move(*node);
        }
      }
    }
  }

 private:
  std::optional<YamlNode> fail(uint32_t line, uint32_t column, std::string message) {
    error_ = YamlError{line, column, std::move(message)};
    return std::nullopt;
  }
  std::optional<YamlNode> fail(const yaml_mark_t& mark, std::string message) {
    auto [line, column] = positions_.at(mark.index);
    return fail(line, column, std::move(message));
  }
  std::optional<YamlNode> syntax_error() {
    const yaml_parser_t& p = *parser_;
    auto [line, column] = positions_.at(p.problem_mark.index);
    std::string problem = p.problem ? p.problem : "malformed YAML";
    auto described = describe_yaml_problem(problem, "");
    return fail(line, column, "malformed YAML: " + described.message);
  }

  YamlNode located(const yaml_event_t& e, YamlNode::Kind kind) {
    YamlNode n;
    n.kind = kind;
    auto [line, column] = positions_.at(e.start_mark.index);
    n.line = line;
    n.column = column;
    return n;
  }

  // Builds the node that `e` starts, reading the events of its children.
  std::optional<YamlNode> node_from(const yaml_event_t& e, size_t depth) {
    if (++nodes_ > kMaxTreeNodes) return fail(e.start_mark, fmt::format("more than {} values (the limit for this file)", kMaxTreeNodes));
    switch (e.type) {
      case YAML_ALIAS_EVENT: return fail(e.start_mark, "aliases (`*name`) are not allowed here");
      case YAML_SCALAR_EVENT: {
        YamlNode n = located(e, YamlNode::Kind::Scalar);
        n.scalar.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
        n.quoted = e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        return n;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (depth >= kMaxTreeDepth)
          return fail(e.start_mark, fmt::format("nesting deeper than {} levels (the limit for this file)", kMaxTreeDepth));
        bool mapping = e.type == YAML_MAPPING_START_EVENT;
        YamlNode n = located(e, mapping ? YamlNode::Kind::Mapping : YamlNode::Kind::Sequence);
        std::optional<YamlNode> key;
        for (;;) {
          EventGuard g;
          if (!yaml_parser_parse(parser_.get(), &g.event)) return syntax_error();
          if (g.event.type == YAML_SEQUENCE_END_EVENT || g.event.type == YAML_MAPPING_END_EVENT) return n;
          auto child = node_from(g.event, depth + 1);
          if (!child) return std::nullopt;
          if (!mapping) {
            n.items.push_back(std::move(*child));
          } else if (!key) {
            if (child->kind != YamlNode::Kind::Scalar)
              return fail(child->line, child->column, "a key must be a plain name");
            key = std::move(*child);
          } else {
            if (n.find(key->scalar))
              return fail(key->line, key->column, fmt::format("`{}` is given twice", key->scalar));
            n.keys.push_back(std::move(*key));
            n.values.push_back(std::move(*child));
            key.reset();
          }
        }
      }
      default: return fail(e.start_mark, "unexpected YAML content");
    }
  }

  std::string_view text_;
  PositionCursor positions_;  // node positions, counted on from the node before
  YamlError& error_;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser_;
  size_t nodes_ = 0;
};

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i].scalar == key) return &values[i];
  return nullptr;
}

std::optional<YamlNode> parse_yaml_tree(std::string_view text, YamlError& error) {
  return TreeBuilder(text, error).run();
}

}  // namespace pactum::log
