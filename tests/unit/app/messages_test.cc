// Messages that help more (issue 13): the report format from `-o`'s extension, and time zone
// abbreviations answered by meaning.
#include <catch2/catch.hpp>

#include "engine/app/output_format.h"
#include "engine/semantic/zone_abbreviations.h"

using namespace pactum;
using report::Format;

TEST_CASE("output format: -o's extension chooses it, an explicit --format wins and a mismatch is a warning") {
  struct Row {
    std::optional<Format> given;
    std::optional<std::string> output;
    Format expected;
    const char* warning;  // a fragment of the warning, or "" for none
  };
  const Row rows[] = {
      {std::nullopt, std::nullopt, Format::Text, ""},
      {std::nullopt, "report.sarif", Format::Sarif, ""},
      {std::nullopt, "out/report.SARIF", Format::Sarif, ""},
      {std::nullopt, "report.sarif.json", Format::Sarif, ""},
      {std::nullopt, "report.json", Format::Json, ""},
      {std::nullopt, "junit.xml", Format::Junit, ""},
      {std::nullopt, "report.md", Format::Markdown, ""},
      {std::nullopt, "report.markdown", Format::Markdown, ""},
      {std::nullopt, "report.html", Format::Html, ""},
      {std::nullopt, "report.htm", Format::Html, ""},
      {std::nullopt, "report.txt", Format::Text, ""},
      {std::nullopt, "report", Format::Text, ""},
      {std::nullopt, "report.csv", Format::Text, ""},
      {Format::Json, "report.json", Format::Json, ""},
      {Format::Gitlab, "gl-code-quality.json", Format::Gitlab, ""},
      {Format::Sarif, "report.json", Format::Sarif, ""},
      {Format::Github, "annotations.txt", Format::Github, ""},
      {Format::Json, "report.csv", Format::Json, ""},
      {Format::Json, "report.sarif", Format::Json,
       "`report.sarif` gets the json report (--format json), but its extension `.sarif` says sarif"},
      {Format::Text, "report.html", Format::Text, "its extension `.html` says html"},
      {Format::Markdown, "junit.xml", Format::Markdown, "its extension `.xml` says junit"},
  };
  for (const auto& r : rows) {
    INFO("--format " << (r.given ? report::format_names()[static_cast<size_t>(*r.given)] : "(none)") << " -o "
                     << r.output.value_or("(none)"));
    auto choice = app::choose_format(r.given, r.output);
    INFO("warning: " << choice.warning);
    CHECK(choice.format == r.expected);
    if (*r.warning) CHECK_THAT(choice.warning, Catch::Contains(r.warning));
    else CHECK(choice.warning.empty());
  }
}

TEST_CASE("time zones: abbreviations are answered by meaning, listing the candidates") {
  struct Row {
    const char* name;
    std::vector<std::string> notes;
  };
  const Row rows[] = {
      {"IST",
       {"`IST` is an abbreviation, not a time zone: did you mean \"Asia/Kolkata\" (India Standard Time)?",
        "`IST` may also mean \"Europe/Dublin\" (Irish Standard Time) or \"Asia/Jerusalem\" (Israel Standard Time)"}},
      {"ist",
       {"`IST` is an abbreviation, not a time zone: did you mean \"Asia/Kolkata\" (India Standard Time)?",
        "`IST` may also mean \"Europe/Dublin\" (Irish Standard Time) or \"Asia/Jerusalem\" (Israel Standard Time)"}},
      {"PST",
       {"`PST` is an abbreviation, not a time zone: did you mean \"America/Los_Angeles\" (US Pacific Time)?",
        "`PST` may also mean \"Asia/Manila\" (Philippine Standard Time)"}},
      {"CEST",
       {"`CEST` is an abbreviation, not a time zone: did you mean \"Europe/Paris\" (Central European Summer Time)?",
        "`CEST` may also mean \"Europe/Berlin\" (Central European Summer Time)"}},
      {"JST", {"`JST` is an abbreviation, not a time zone: did you mean \"Asia/Tokyo\" (Japan Standard Time)?"}},
      {"CST",
       {"`CST` is an abbreviation that several zones use: write \"America/Chicago\" (US Central Standard Time), "
        "\"Asia/Shanghai\" (China Standard Time) or \"America/Havana\" (Cuba Standard Time)"}},
      {"America/New_Yrok", {}},
      {"Mars/Olympus", {}},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    CHECK(semantic::zone_abbreviation_notes(r.name) == r.notes);
  }
  CHECK_THAT(semantic::fixed_offset_zone_note("EST"), Catch::Contains("write \"America/New_York\""));
  CHECK_THAT(semantic::fixed_offset_zone_note("GMT"), Catch::Contains("write \"Europe/London\""));
  CHECK(semantic::fixed_offset_zone_note("America/New_York").empty());
  CHECK(semantic::fixed_offset_zone_note("UTC").empty());
}
