// JsonWriter (issue 17): a document written piece by piece has exactly the bytes json_text gives
// the whole document, whatever is streamed and whatever is handed over as one value.
#include <catch2/catch.hpp>

#include <sstream>

#include "engine/report/json_report.h"
#include "engine/report/json_writer.h"

using namespace pactum;
using nlohmann::ordered_json;

namespace {

// Writes `v` through the writer: objects and arrays opened and closed by the writer down to
// `stream_depth` levels, anything deeper handed over whole.
void write(report::JsonWriter& w, const ordered_json& v, int stream_depth) {
  if (stream_depth <= 0 || !v.is_structured()) {
    w.value(v);
    return;
  }
  if (v.is_object()) {
    w.begin_object();
    for (const auto& [k, item] : v.items()) {
      w.key(k);
      write(w, item, stream_depth - 1);
    }
  } else {
    w.begin_array();
    for (const auto& item : v) write(w, item, stream_depth - 1);
  }
  w.end();
}

std::string streamed(const ordered_json& v, int stream_depth) {
  std::ostringstream out;
  report::JsonWriter w(out);
  write(w, v, stream_depth);
  w.finish();
  return out.str();
}

}  // namespace

TEST_CASE("JsonWriter: the bytes of json_text, at every depth of streaming") {
  const ordered_json documents[] = {
      ordered_json::object(),
      ordered_json::array(),
      ordered_json(42),
      ordered_json("text"),
      {{"a", 1}},
      {{"empty object", ordered_json::object()}, {"empty array", ordered_json::array()}, {"null", nullptr}},
      {{"findings", {{{"id", "f1"}, {"events", ordered_json::array()}, {"measured", {{"value", 72.5}}}},
                     {{"id", "f2"}, {"events", {{{"line", 3}}, {{"line", 4}}}}, {"measured", ordered_json::object()}}}},
       {"pending", ordered_json::array()},
       {"money", 1000.0},
       {"hostile \x1b[2J key", "##[error]x \x7f \u009b \ufffe"},
       {"nested", {{"deeper", {{"deepest", {1, 2, {{"x", ordered_json::array({ordered_json::array()})}}}}}}}}},
      ordered_json::array({ordered_json::object(), ordered_json::array(), 1, "two", {{"three", 3}}}),
      {{"bad utf-8", std::string("log-\xff.yaml")}, {"Société — 日本", true}},
  };
  for (const auto& doc : documents) {
    std::string whole = report::json_text(doc);
    for (int depth = 0; depth <= 5; ++depth) {
      INFO("document: " << whole << "streamed to depth " << depth);
      CHECK(streamed(doc, depth) == whole);
    }
  }
}

TEST_CASE("JsonWriter: members writes an object's keys into the open object") {
  ordered_json head = {{"pactum", 1}, {"agreement", "A"}, {"summary", {{"findings", 2}}}};
  std::ostringstream out;
  report::JsonWriter w(out);
  w.begin_object();
  w.members(head);
  w.key("findings");
  w.begin_array();
  w.value({{"id", "x"}});
  w.end();
  w.end();
  w.finish();
  ordered_json whole = head;
  whole["findings"] = ordered_json::array({{{"id", "x"}}});
  CHECK(out.str() == report::json_text(whole));
}

#include "report_fixture.h"

TEST_CASE("streamed reports: JSON, SARIF and GitLab are laid out as json_text lays out their document") {
  using report::Format;
  report::testing::Fixture plain, hostile(true);
  const std::pair<const char*, report::ReportData> cases[] = {
      {"plain", plain.data()},
      {"hostile", hostile.data()},
      {"due within 5d", plain.due_data("5d")},
      {"lint only", plain.lint_only()},
  };
  for (const auto& [name, data] : cases)
    for (Format format : {Format::Json, Format::Sarif, Format::Gitlab}) {
      std::ostringstream out;
      report::write_report(format, data, out);
      INFO(name << ", " << report::format_names()[static_cast<size_t>(format)] << ":\n" << out.str());
      CHECK(report::json_text(ordered_json::parse(out.str())) == out.str());
      CHECK(report::render(format, data) == out.str());
    }
}
