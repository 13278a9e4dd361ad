#include "engine/semantic/zone_abbreviations.h"

#include <cctype>

#include <fmt/format.h>

namespace pactum::semantic {

namespace {

struct Meaning {
  const char* zone;
  const char* what;
};

struct Abbreviation {
  const char* name;
  std::vector<Meaning> meanings;  // the most common first
  bool ambiguous = false;         // no meaning is clearly the usual one: list them all
};

// The abbreviations agreements are most often written with. A zone is the IANA name of the
// largest city using it; the tz database keeps one zone per region whose clocks have agreed
// since 1970, so a city in the same region (Europe/Berlin for CET) keeps the same time.
const std::vector<Abbreviation>& abbreviations() {
  static const std::vector<Abbreviation> list = {
      {"IST", {{"Asia/Kolkata", "India Standard Time"}, {"Europe/Dublin", "Irish Standard Time"},
               {"Asia/Jerusalem", "Israel Standard Time"}}},
      {"CET", {{"Europe/Paris", "Central European Time"}, {"Europe/Berlin", "Central European Time"}}},
      {"CEST", {{"Europe/Paris", "Central European Summer Time"}, {"Europe/Berlin", "Central European Summer Time"}}},
      {"MEZ", {{"Europe/Berlin", "Mitteleuropäische Zeit"}}},
      {"EET", {{"Europe/Athens", "Eastern European Time"}, {"Europe/Helsinki", "Eastern European Time"}}},
      {"EEST", {{"Europe/Athens", "Eastern European Summer Time"}, {"Europe/Helsinki", "Eastern European Summer Time"}}},
      {"WET", {{"Europe/Lisbon", "Western European Time"}}},
      {"WEST", {{"Europe/Lisbon", "Western European Summer Time"}}},
      {"GMT", {{"Europe/London", "UK time (GMT in winter, BST in summer)"}, {"UTC", "no daylight saving"}}},
      {"BST", {{"Europe/London", "British Summer Time"}, {"Asia/Dhaka", "Bangladesh Standard Time"}}},
      {"MSK", {{"Europe/Moscow", "Moscow Time"}}},
      {"EST", {{"America/New_York", "US Eastern Time"}, {"America/Toronto", "Canadian Eastern Time"}}},
      {"EDT", {{"America/New_York", "US Eastern Time"}, {"America/Toronto", "Canadian Eastern Time"}}},
      {"ET", {{"America/New_York", "US Eastern Time"}}},
      {"CST", {{"America/Chicago", "US Central Standard Time"}, {"Asia/Shanghai", "China Standard Time"},
               {"America/Havana", "Cuba Standard Time"}}, true},
      {"CDT", {{"America/Chicago", "US Central Daylight Time"}, {"America/Havana", "Cuba Daylight Time"}}},
      {"CT", {{"America/Chicago", "US Central Time"}}},
      {"MST", {{"America/Denver", "US Mountain Time"}, {"America/Phoenix", "Arizona, no daylight saving"}}},
      {"MDT", {{"America/Denver", "US Mountain Daylight Time"}}},
      {"MT", {{"America/Denver", "US Mountain Time"}}},
      {"PST", {{"America/Los_Angeles", "US Pacific Time"}, {"Asia/Manila", "Philippine Standard Time"}}},
      {"PDT", {{"America/Los_Angeles", "US Pacific Time"}}},
      {"PT", {{"America/Los_Angeles", "US Pacific Time"}}},
      {"AKST", {{"America/Anchorage", "Alaska Time"}}},
      {"AKDT", {{"America/Anchorage", "Alaska Time"}}},
      {"HST", {{"Pacific/Honolulu", "Hawaii Time"}}},
      {"AST", {{"America/Halifax", "Atlantic Standard Time"}, {"Asia/Riyadh", "Arabia Standard Time"},
               {"America/Puerto_Rico", "Atlantic Standard Time, no daylight saving"}}, true},
      {"ADT", {{"America/Halifax", "Atlantic Daylight Time"}}},
      {"NST", {{"America/St_Johns", "Newfoundland Time"}}},
      {"BRT", {{"America/Sao_Paulo", "Brasília Time"}}},
      {"ART", {{"America/Argentina/Buenos_Aires", "Argentina Time"}}},
      {"JST", {{"Asia/Tokyo", "Japan Standard Time"}}},
      {"KST", {{"Asia/Seoul", "Korea Standard Time"}}},
      {"HKT", {{"Asia/Hong_Kong", "Hong Kong Time"}}},
      {"SGT", {{"Asia/Singapore", "Singapore Time"}}},
      {"PHT", {{"Asia/Manila", "Philippine Time"}}},
      {"PHST", {{"Asia/Manila", "Philippine Standard Time"}}},
      {"ICT", {{"Asia/Bangkok", "Indochina Time"}}},
      {"WIB", {{"Asia/Jakarta", "Western Indonesia Time"}}},
      {"PKT", {{"Asia/Karachi", "Pakistan Standard Time"}}},
      {"NPT", {{"Asia/Kathmandu", "Nepal Time"}}},
      {"GST", {{"Asia/Dubai", "Gulf Standard Time"}}},
      {"AEST", {{"Australia/Sydney", "Australian Eastern Time"}, {"Australia/Brisbane", "Queensland, no daylight saving"}}},
      {"AEDT", {{"Australia/Sydney", "Australian Eastern Daylight Time"}}},
      {"ACST", {{"Australia/Adelaide", "Australian Central Time"}, {"Australia/Darwin", "Northern Territory, no daylight saving"}}},
      {"ACDT", {{"Australia/Adelaide", "Australian Central Daylight Time"}}},
      {"AWST", {{"Australia/Perth", "Australian Western Time"}}},
      {"NZST", {{"Pacific/Auckland", "New Zealand Time"}}},
      {"NZDT", {{"Pacific/Auckland", "New Zealand Time"}}},
      {"SAST", {{"Africa/Johannesburg", "South Africa Standard Time"}}},
      {"WAT", {{"Africa/Lagos", "West Africa Time"}}},
      {"CAT", {{"Africa/Maputo", "Central Africa Time"}}},
      {"EAT", {{"Africa/Nairobi", "East Africa Time"}}},
  };
  return list;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string described(const Meaning& m) { return fmt::format("\"{}\" ({})", m.zone, m.what); }

}  // namespace

std::vector<std::string> zone_abbreviation_notes(const std::string& name) {
  std::string key = upper(name);
  for (const auto& a : abbreviations()) {
    if (key != a.name) continue;
    std::vector<std::string> notes;
    if (a.ambiguous) {
      std::string all;
      for (size_t i = 0; i < a.meanings.size(); ++i)
        all += (i == 0 ? "" : i + 1 == a.meanings.size() ? " or " : ", ") + described(a.meanings[i]);
      notes.push_back(fmt::format("`{}` is an abbreviation that several zones use: write {}", a.name, all));
    } else {
      notes.push_back(fmt::format("`{}` is an abbreviation, not a time zone: did you mean {}?", a.name,
                                  described(a.meanings.front())));
      std::string others;
      for (size_t i = 1; i < a.meanings.size(); ++i)
        others += (i == 1 ? "" : i + 1 == a.meanings.size() ? " or " : ", ") + described(a.meanings[i]);
      if (!others.empty()) notes.push_back(fmt::format("`{}` may also mean {}", a.name, others));
    }
    return notes;
  }
  return {};
}

std::string fixed_offset_zone_note(const std::string& name) {
  // The tz database keeps these legacy names as fixed offsets (no daylight saving); the places
  // people mean by them change their clocks.
  if (name == "EST") return "\"EST\" is UTC-05:00 all year, without daylight saving; for New York time write \"America/New_York\"";
  if (name == "MST") return "\"MST\" is UTC-07:00 all year, without daylight saving; for Denver time write \"America/Denver\" (Arizona: \"America/Phoenix\")";
  if (name == "GMT") return "\"GMT\" is UTC all year, without British Summer Time; for UK time write \"Europe/London\" (for UTC, \"UTC\")";
  return {};
}

}  // namespace pactum::semantic
