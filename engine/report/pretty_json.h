// JSON text written straight into a string, laid out byte for byte as JsonWriter::dump lays out
// the same value (nlohmann's dump with an indent of two, then json_text's escaping of control
// characters and `##[`): objects and arrays one member a line, `{}` and `[]` when empty,
// `"key": value`. A finding of the JSON
// report is written this way (finding_json_text): building it as an nlohmann value first and dumping
// it cost most of the time a report of 60,000 findings took to write (issue 17).
//
// Strings of printable ASCII without `"`, `\` and `#` are copied as they are; any other string,
// and every floating-point number, is dumped by nlohmann itself (and escaped by escaped_json), so
// that escapes, the replacement of invalid UTF-8 and the digits of a double are exactly theirs.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/base/time.h"

namespace pactum::report {

class PrettyJson {
 public:
  // Appends to `out`; `depth`: the indentation level the value starts at (its inner lines are
  // indented from there, as JsonWriter indents a dumped piece).
  explicit PrettyJson(std::string& out, size_t depth = 0) : out_(out), depth_(depth) {}

  void begin_object() { open('{'); }
  void begin_array() { open('['); }
  void end();
  void key(std::string_view name);  // in an object: the key of the value that follows

  void string(std::string_view s);
  // format_instant's text as a string (plain ASCII: written without the escaping checks).
  void instant(Instant t, const date::time_zone* zone);
  void null();
  void number(int64_t n);
  void number(double d);
  // Any value, dumped by nlohmann (for what has no method of its own).
  void value(const nlohmann::ordered_json& v);
  // Members laid out before by another PrettyJson at the same place (the same depth and open
  // levels, after a first member; the text starts with its comma), appended as they are.
  void members_laid_out(std::string_view text) {
    out_ += text;
    levels_.back().any = true;
  }

  // The JSON string `s` (quotes included) as nlohmann's dump writes it: `strict` throws on
  // invalid UTF-8 as nlohmann's default does, else it is replaced by U+FFFD; `escape`: then
  // escaped as json_text escapes (escaped_json).
  static void append_string(std::string& out, std::string_view s, bool strict = false, bool escape = false);

 private:
  void open(char bracket);
  void separate();  // the comma after the previous member, if any, and the new member's line
  void before_value();
  void newline_and_indent(size_t depth);

  std::string& out_;
  size_t depth_;
  struct Level {
    bool array;
    bool any;  // a member written yet
  };
  std::vector<Level> levels_;  // the open objects and arrays
  bool after_key_ = false;
};

}  // namespace pactum::report
