// PrettyJson (issue 17): JSON written straight into a string has the bytes JsonWriter::dump gives
// the same value (nlohmann's dump with an indent of two, then escaped_json), at any starting
// depth, for every kind of value and every kind of string (plain ASCII, quotes, control
// characters, UTF-8, invalid UTF-8, DEL, C1, `##[`).
#include <catch2/catch.hpp>

#include <string>

#include "engine/report/json_writer.h"
#include "engine/report/pretty_json.h"

using pactum::report::PrettyJson;
using nlohmann::ordered_json;

namespace {

// Writes `v` through PrettyJson's methods (no value() shortcut but for booleans), member by member.
void write(PrettyJson& j, const ordered_json& v) {
  if (v.is_object()) {
    j.begin_object();
    for (const auto& [k, item] : v.items()) {
      j.key(k);
      write(j, item);
    }
    j.end();
  } else if (v.is_array()) {
    j.begin_array();
    for (const auto& item : v) write(j, item);
    j.end();
  } else if (v.is_string()) {
    j.string(v.get_ref<const std::string&>());
  } else if (v.is_null()) {
    j.null();
  } else if (v.is_number_float()) {
    j.number(v.get<double>());
  } else if (v.is_number()) {
    j.number(v.get<int64_t>());
  } else {
    j.value(v);
  }
}

// JsonWriter's dump of `v`, its inner lines indented by `depth` levels (as JsonWriter places it).
std::string expected(const ordered_json& v, size_t depth) {
  std::string text = pactum::report::JsonWriter::dump(v), out;
  for (char c : text) {
    out += c;
    if (c == '\n') out.append(depth * 2, ' ');
  }
  return out;
}

}  // namespace

TEST_CASE("PrettyJson: the bytes of nlohmann's dump, value by value", "[report]") {
  const ordered_json values[] = {
      ordered_json::object(),
      ordered_json::array(),
      nullptr,
      true,
      42,
      -7,
      1000.0,
      0.1,
      1e300,
      33.33,
      "plain text",
      "a backslash \\ alone",
      "a quote \" alone",
      "a DEL \x7f alone",
      "a tab \t alone",
      "a hash # alone",
      "a workflow command ##[error] in a string",
      "::error file=x::not at the start of a line",
      "U+FFFE \xEF\xBF\xBE and U+FFFF \xEF\xBF\xBF",
      "quote \" backslash \\ tab \t newline \n bell \x07 del \x7f",
      "UTF-8: \xC3\x9C \xE2\x82\xAC \xF0\x9F\x98\x80, C1 \xC2\x85",
      "invalid: \xFF\xFE and a cut sequence \xE2\x82",
      "bidi \xE2\x80\xAE override, \xE2\x80\xA8 line separator, \xD8\x9C mark, \xE2\x80\x8D joiner, \xD8\xA8 beh",
      ordered_json{{"id", "abc"}, {"n", 1}, {"empty", ordered_json::object()}, {"list", ordered_json::array()}},
      ordered_json{{"events", ordered_json::array({ordered_json{{"file", "log.yaml"}, {"line", 3}, {"id", nullptr}},
                                                   ordered_json{{"file", "b\xC3\xA9.yaml"}, {"line", 4}}})},
                   {"measured", ordered_json{{"share", 97.5}, {"parties", {"Acme", "Northwind"}}}},
                   {"nested", ordered_json::array({ordered_json::array({1, 2}), ordered_json::array()})},
                   {"key with \"quotes\"\n", "value"},
                   {"##[key]", "##[value]"}},
  };
  for (const auto& v : values) {
    for (size_t depth : {0, 1, 2, 5}) {
      std::string out = "prefix:";
      PrettyJson j(out, depth);
      write(j, v);
      INFO("value " << v.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << " at depth " << depth);
      CHECK(out == "prefix:" + expected(v, depth));
    }
  }
}

TEST_CASE("PrettyJson::append_string: strict throws on invalid UTF-8 as nlohmann does", "[report]") {
  std::string out;
  PrettyJson::append_string(out, "ok \xC3\xA9", true);
  CHECK(out == "\"ok \xC3\xA9\"");
  CHECK_THROWS_AS(PrettyJson::append_string(out, "bad \xFF", true), nlohmann::json::type_error);
  out.clear();
  PrettyJson::append_string(out, "bad \xFF", false);
  CHECK(out == "\"bad \xEF\xBF\xBD\"");
}

TEST_CASE("escaped_json: layout controls become \\u escapes, their neighbours stay", "[report]") {
  using pactum::report::escaped_json;
  CHECK(escaped_json("\"a\xE2\x80\xAE" "b\xE2\x80\xA9" "c\xD8\x9C" "d\"") == "\"a\\u202eb\\u2029c\\u061cd\"");
  // A joiner, the euro sign, beh: other characters with the same first bytes stay.
  CHECK(escaped_json("\"\xE2\x80\x8D\xE2\x82\xAC\xD8\xA8\"") == "\"\xE2\x80\x8D\xE2\x82\xAC\xD8\xA8\"");
}
