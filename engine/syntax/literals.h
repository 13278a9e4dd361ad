// Reading the text of literal tokens (numbers, strings, times of day). Plain string functions, no
// ANTLR types, so they can be unit-tested on their own.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pactum::syntax {

// A whole number; nullopt when it does not fit in int64 ("number too large").
std::optional<int64_t> parse_int(std::string_view digits);
// `42` or `3.5`.
std::optional<double> parse_number(std::string_view text);

// The value of a STRING token as lexed, quotes included. Only \" and \\ are escapes (spec 2);
// any other backslash pair is kept as written and listed in `bad_escapes` (code point offset
// of the backslash within the token, and the two characters) so the caller can report it.
struct StringValue {
  std::string value;
  bool terminated = true;  // false: the closing quote is missing (the lexer ran to end of line)
  std::vector<std::pair<size_t, std::string>> bad_escapes;
};
StringValue unescape_string(std::string_view token_text);
// The string as it is written in a .terms file: quoted, with \" and \\ escaped.
std::string quote_string(std::string_view value);

// `HH:MM` (or `H:MM`) as minutes from midnight, 0..1440 (24:00 is 1440). nullopt and a reason
// when out of range (25:00, 24:30, 12:60).
std::optional<int> parse_time_of_day(std::string_view text, std::string* why);

// Number of Unicode code points in UTF-8 text (what a column counts).
uint32_t code_points(std::string_view utf8);

}  // namespace pactum::syntax
