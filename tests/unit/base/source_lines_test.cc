// SourceManager::line on a kept text: read from the nearest mark of its line index (every 64th
// line), each line exactly as a read from the start gives it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/base/source.h"

using namespace pactum;

TEST_CASE("SourceManager::line: every line of a long text, at and between the marks") {
  std::vector<std::string> lines;
  std::string text;
  for (int i = 1; i <= 1000; ++i) {
    std::string line = i % 7 == 0 ? "" : "line " + std::to_string(i) + (i % 5 == 0 ? "\r" : "");
    lines.push_back(line);
    text += line + "\n";
  }
  text += "last line without a break";
  SourceManager sources;
  uint32_t file = sources.add_text("a.terms", text);
  for (uint32_t n = 1; n <= 1000; ++n) {
    INFO("line " << n);
    std::string expected = lines[n - 1];
    if (!expected.empty() && expected.back() == '\r') expected.pop_back();  // a CR before the LF is dropped
    REQUIRE(sources.line(file, n) == expected);
  }
  CHECK(sources.line(file, 1001) == "last line without a break");
  CHECK(!sources.line(file, 1002));
  CHECK(!sources.line(file, 0));
  CHECK(!sources.line(file, 100000));

  // set_text indexes the new text.
  sources.set_text(file, "one\ntwo\n");
  CHECK(sources.line(file, 2) == "two");
  CHECK(!sources.line(file, 65));
  uint32_t empty = sources.add_text("empty.terms", "");
  CHECK(!sources.line(empty, 1));
}
