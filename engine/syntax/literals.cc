#include "engine/syntax/literals.h"

#include <charconv>

#include "engine/base/charconv.h"

namespace pactum::syntax {

std::optional<int64_t> parse_int(std::string_view digits) {
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return value;
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  auto [ptr, ec] = parse_double(text.data(), text.data() + text.size(), value);  // std::from_chars
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

StringValue unescape_string(std::string_view t) {
  StringValue out;
  if (t.empty() || t.front() != '"') {
    out.terminated = false;
    return out;
  }
  size_t i = 1;
  size_t column = 1;  // code point offset of t[i] within the token
  while (i < t.size()) {
    char c = t[i];
    if (c == '"') {
      out.terminated = i + 1 == t.size();
      return out;
    }
    if (c == '\\' && i + 1 < t.size()) {
      char n = t[i + 1];
      if (n == '"' || n == '\\') {
        out.value += n;
      } else {
        // Keep the whole (possibly multi-byte) escaped character, as written.
        size_t len = 1;
        unsigned char u = static_cast<unsigned char>(n);
        if (u >= 0xF0) len = 4;
        else if (u >= 0xE0) len = 3;
        else if (u >= 0xC0) len = 2;
        std::string pair = "\\" + std::string(t.substr(i + 1, len));
        out.bad_escapes.emplace_back(column, pair);
        out.value += pair;
        i += len - 1;
      }
      i += 2;
      column += 2;
      continue;
    }
    out.value += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    ++i;
  }
  out.terminated = false;  // ran out of text before a closing quote
  return out;
}

std::string quote_string(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

std::optional<int> parse_time_of_day(std::string_view text, std::string* why) {
  size_t colon = text.find(':');
  auto h = colon == std::string_view::npos ? std::nullopt : parse_int(text.substr(0, colon));
  auto m = colon == std::string_view::npos ? std::nullopt : parse_int(text.substr(colon + 1));
  auto fail = [&](const char* reason) -> std::optional<int> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!h || !m) return fail("expected a time HH:MM");
  if (*m > 59) return fail("minutes must be 00 to 59");
  if (*h > 24) return fail("hours must be 00 to 24");
  if (*h == 24 && *m != 0) return fail("the day ends at 24:00");
  return static_cast<int>(*h * 60 + *m);
}

uint32_t code_points(std::string_view utf8) {
  uint32_t n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace pactum::syntax
