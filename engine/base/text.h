// Untrusted text on its way out (docs/security.md, "What output carries"). Every name, string,
// value and file name pactum prints comes from an input somebody else may have written. One
// predicate says which characters are never let through as themselves, and one escaping function
// per output format applies it: this file holds the predicate and the plain-text one (terminal,
// CI log, every error message); the report formats build theirs on top of it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pactum {

// Decodes the UTF-8 sequence at s[i]: its length in bytes, or 0 when the bytes there are not
// valid UTF-8 (bad or truncated sequences, overlong forms, surrogates, above U+10FFFF).
size_t utf8_decode(std::string_view s, size_t i, char32_t& code_point);

// The control characters: C0 (U+0000-U+001F), DEL, C1 (U+0080-U+009F) and the noncharacters
// U+FFFE and U+FFFF. Agreements refuse them (tab and line breaks aside, as layout), logs refuse
// them in values (tab and line breaks aside), and no output format prints one raw.
bool is_control_character(char32_t code_point);

// A fast first look for control characters in UTF-8 text: whether any byte is below 0x20, is
// DEL (0x7F), or is 0xC2 (the lead byte of U+0080-U+00BF, the C1 controls among them). Exact
// about those bytes, eight at a time (the usual words of a log are a few bytes long, too short
// for the compiler's vector loop): a caller that finds one looks closer, byte by byte.
inline bool has_control_lead_byte(std::string_view s) {
  constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  // haszero(v): some byte of v is 0 (exact as to whether; which byte it flags may be off).
  auto has_zero = [](uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  // Some byte below 0x20: its high bit clear and it stays below 0x20 (bytes from 0x80 on have the
  // high bit set and are excluded by ~v).
  auto has_below_space = [](uint64_t v) { return ((v - ones * 0x20) & ~v & highs) != 0; };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    __builtin_memcpy(&v, s.data() + i, 8);
    if (has_below_space(v) || has_zero(v ^ (ones * 0x7F)) || has_zero(v ^ (ones * 0xC2))) return true;
  }
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F || c == 0xC2) return true;
  }
  return false;
}

// `text` with each carriage return that no line feed follows (old Mac line ends) turned into a
// line feed, so that CR-only files count lines as editors (and the YAML readers) do; CRLF stays.
std::string with_line_feeds(std::string text);

// Characters that change how the text around them is shown without being seen: the bidi
// embeddings, overrides, isolates and marks (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069: "Trojan Source", CVE-2021-42574, where U+202E makes `responsible: Acme`
// display reversed) and the line and paragraph separators U+2028/U+2029 (a new line to some
// viewers). Inputs may carry them (right-to-left names need marks); outputs show them escaped.
bool is_layout_control(char32_t code_point);

struct VisibleOptions {
  bool keep_tabs = false;         // source-line excerpts: the caret line copies tabs
  bool keep_line_breaks = false;  // multi-line text whose lines are escaped again by the caller
};

// Plain text safe for a terminal and a CI log, and still readable:
//   - C0 controls as their Control Pictures (ESC as U+241B, NUL as U+2400), DEL as U+2421,
//     C1 controls, U+FFFE/U+FFFF and each invalid UTF-8 byte as U+FFFD (one visible character
//     each, so columns stay countable);
//   - layout controls (is_layout_control) as `\u{202E}`, and so on;
//   - `##[` as `##\[` and `##vso[` as `##vso\[` (CI runners read `##[command]` and
//     `##vso[command]` anywhere in a line: before_command_bracket).
// When `columns` is given it receives, for each code point of `s` (and one past the end), the
// code point index it starts at in the result, for carets under escaped text.
std::string visible_text(std::string_view s, VisibleOptions options = {}, std::vector<uint32_t>* columns = nullptr);
// The same, decoding every code point (visible_text takes a shortcut on printable ASCII without
// `[`); for the test that compares the two.
std::string visible_text_decoded(std::string_view s, VisibleOptions options = {},
                                 std::vector<uint32_t>* columns = nullptr);

// Whether a `[` right after `text` would complete the start of a CI log command: `##[` (GitHub
// Actions, Azure Pipelines) or `##vso[` in any case (Azure Pipelines' logging commands). Runners
// read both anywhere in a line, so no output may carry either raw.
bool before_command_bracket(std::string_view text);

// A file name that starts an output line (`FILE:LINE:COLUMN: error: ...`): visible_text, and
// `./` in front unless it starts with an ASCII letter or digit or one of `/ . _ <`. No output
// line can then begin (even after white space, which CI runners trim) with `::`, a workflow
// command, or any other text an input chose.
std::string shown_path(std::string_view name);

// A name at the start of an output line (the scorecard, `explain`): as the agreement writes it,
// bare when it is a plain identifier (a letter or `_`, then letters, digits, `_`), else in
// backticks; then visible_text.
std::string shown_name(std::string_view name);

}  // namespace pactum
