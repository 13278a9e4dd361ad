// Writes one JSON text to a stream piece by piece, laid out byte for byte as json_text lays out a
// whole document (nlohmann's dump with an indent of two, then the escaping of json_text): the
// JSON, SARIF and GitLab reports of 60,000 findings never exist as one document in memory
// (issue 17). Each piece (one finding's object, say) is still an nlohmann value, dumped alone and
// indented to its depth.
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pactum::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  // A value where one is expected: the document itself, after key(), or the next array item.
  void begin_object() { open('{'); }
  void begin_array() { open('['); }
  void value(const nlohmann::ordered_json& v) { value_dumped(dump(v)); }
  // The same in two steps: dump() may run on another thread (pieces_in_order.h).
  static std::string dump(const nlohmann::ordered_json& v);
  void value_dumped(std::string_view dumped);
  // A value already laid out for its place: dumped (and escaped) with its inner lines indented
  // depth() levels (PrettyJson).
  void value_laid_out(std::string_view text) {
    before_value();
    out_ << text;
  }
  // The indentation level of a value written next (inside the innermost open object or array).
  size_t depth() const { return stack_.size(); }
  // In an object: the key of the value that follows.
  void key(std::string_view name);
  // Closes the innermost object or array (`{}` / `[]` when it stayed empty, as nlohmann writes it).
  void end();
  // After the document: its final line break (json_text ends with one).
  void finish() { out_ << '\n'; }

  // Each key/value of `object` in turn, as if they had been written one by one.
  void members(const nlohmann::ordered_json& object);

 private:
  struct Level {
    bool array;
    size_t items = 0;
  };
  void open(char bracket);
  void before_value();
  void newline_and_indent(size_t depth);

  std::ostream& out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// The escaping pass of json_text on one dumped piece (no final line break): control characters,
// layout controls (is_layout_control: bidi overrides, U+2028/9) and the `[` of `##[` become \u
// escapes. A piece holds whole strings only, so doing it piece by
// piece gives the same bytes as doing it on the whole text.
std::string escaped_json(std::string raw);

}  // namespace pactum::report
