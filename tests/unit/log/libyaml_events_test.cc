// Records (libyaml_events.h): a libyaml event copied into 24 bytes and a batch's text gives back
// its type, mark, style, strings and (for a scalar) its symbol hash exactly: values, tags and
// anchors, empty or not, in any order of events sharing one text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/log/libyaml_events.h"

using namespace pactum::log;

namespace {

struct Seen {
  yaml_event_type_t type;
  Mark mark;
  bool plain;
  std::string value, tag, anchor;
};

std::string text_of(const yaml_char_t* s, size_t n) { return s ? std::string(reinterpret_cast<const char*>(s), n) : ""; }
std::string text_of(const yaml_char_t* s) { return s ? std::string(reinterpret_cast<const char*>(s)) : ""; }

}  // namespace

TEST_CASE("libyaml records: every event's strings come back from the shared text", "[log]") {
  const std::string yaml =
      "events:\n"
      "  - &first {at: 2026-02-01T09:00:00Z, type: notice, note: \"quoted\", empty: '', none: ~}\n"
      "  - !!map {at: !!str 2026-02-02T09:00:00Z, type: &t call, tags: &l [a, !custom b, '']}\n"
      "  - *first\n"
      "  - {text: \"\\u00e9t\\u00e9 \\t tab\", long: " + std::string(300, 'x') + "}\n";
  yaml_parser_t parser;
  REQUIRE(yaml_parser_initialize(&parser));
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  std::vector<Seen> seen;
  std::vector<libyaml::Record> records;
  std::string text = "leading bytes of an earlier record";
  for (;;) {
    yaml_event_t e;
    REQUIRE(yaml_parser_parse(&parser, &e));
    Seen s{e.type, libyaml::to_mark(e.start_mark), false, "", "", ""};
    if (e.type == YAML_SCALAR_EVENT) {
      s.value = text_of(e.data.scalar.value, e.data.scalar.length);
      s.plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      s.tag = text_of(e.data.scalar.tag);
      s.anchor = text_of(e.data.scalar.anchor);
    } else if (e.type == YAML_MAPPING_START_EVENT) {
      s.anchor = text_of(e.data.mapping_start.anchor);
    } else if (e.type == YAML_SEQUENCE_START_EVENT) {
      s.anchor = text_of(e.data.sequence_start.anchor);
    } else if (e.type == YAML_ALIAS_EVENT) {
      s.anchor = text_of(e.data.alias.anchor);
    }
    seen.push_back(s);
    records.push_back(libyaml::record(e, text));
    bool end = e.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&e);
    if (end) break;
  }
  yaml_parser_delete(&parser);

  size_t tagged = 0, anchored = 0;
  REQUIRE(records.size() == seen.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    const auto& s = seen[i];
    auto strings = libyaml::strings_of(r, text);
    INFO("event " << i << " of type " << s.type << ", value `" << s.value << "`");
    CHECK(r.type == s.type);
    CHECK(r.mark.line == s.mark.line);
    CHECK(r.mark.column == s.mark.column);
    CHECK(((r.flags & libyaml::Record::kPlain) != 0) == s.plain);
    CHECK(strings.value == s.value);
    CHECK(strings.tag == s.tag);
    CHECK(strings.anchor == s.anchor);
    if (s.type == YAML_SCALAR_EVENT) CHECK(r.hash == SymbolTable::hash(s.value));  // the builder prefetches by it
    tagged += !s.tag.empty();
    anchored += !s.anchor.empty();
  }
  CHECK(tagged >= 2);    // !!str and !custom (a scalar's tag)
  CHECK(anchored >= 4);  // &first, &t, &l and the alias *first
}
