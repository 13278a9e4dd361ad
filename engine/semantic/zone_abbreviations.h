// Time zone abbreviations (`IST`, `PST`, `CET`) are not IANA names, and the nearest spelling of
// one (`IST` -> `EST`) is a zone on another continent: suggest by meaning instead.
#pragma once
#include <string>
#include <vector>

namespace pactum::semantic {

// The notes for an unknown time zone `name` that is a common abbreviation (case-insensitive):
// the zone it most often means, and the others it may mean. Empty when it is none.
std::vector<std::string> zone_abbreviation_notes(const std::string& name);

// For a time zone that exists but is a fixed offset named like a place's time (`EST`, `MST`,
// `GMT`): what it means and the zone usually meant; else empty. A lint note, not an error.
std::string fixed_offset_zone_note(const std::string& name);

}  // namespace pactum::semantic
