#include "engine/base/text.h"

namespace pactum {

size_t utf8_decode(std::string_view s, size_t i, char32_t& code_point) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    code_point = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  char32_t cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  code_point = cp;
  return len;
}

bool is_control_character(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

bool is_layout_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

constexpr char32_t kReplacement = 0xFFFD;

}  // namespace

std::string visible_text(std::string_view s, VisibleOptions options, std::vector<uint32_t>* columns) {
  // The usual text, printable ASCII without `[`, comes out as it is, each byte its own column:
  // one look at each byte instead of decoding it (a text report of 70,000 findings spent a
  // quarter of its rendering here). Any other text is decoded (visible_text_decoded gives the
  // same result on plain text: a unit test compares them).
  bool plain = true;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    plain &= c >= 0x20 && c < 0x7F && c != '[';
  }
  if (!plain) return visible_text_decoded(s, options, columns);
  if (columns) {
    columns->resize(s.size() + 1);
    for (uint32_t i = 0; i < columns->size(); ++i) (*columns)[i] = i;
  }
  return std::string(s);
}

std::string visible_text_decoded(std::string_view s, VisibleOptions options, std::vector<uint32_t>* columns) {
  std::string out;
  out.reserve(s.size());
  uint32_t written = 0;  // code points written so far
  if (columns) columns->clear();
  for (size_t i = 0; i < s.size();) {
    if (columns) columns->push_back(written);
    char32_t cp = 0;
    size_t len = utf8_decode(s, i, cp);
    if (len == 0) {  // one invalid byte, one replacement
      append_utf8(out, kReplacement);
      ++written;
      ++i;
      continue;
    }
    bool kept = (cp == '\t' && options.keep_tabs) || ((cp == '\n' || cp == '\r') && options.keep_line_breaks);
    if (is_control_character(cp) && !kept) {
      append_utf8(out, cp < 0x20 ? 0x2400 + cp : cp == 0x7F ? 0x2421 : kReplacement);
    } else if (is_layout_control(cp)) {
      static const char kHex[] = "0123456789ABCDEF";  // (all of them have four hex digits)
      char escape[] = {'\\', 'u', '{', kHex[(cp >> 12) & 15], kHex[(cp >> 8) & 15], kHex[(cp >> 4) & 15], kHex[cp & 15], '}'};
      out.append(escape, sizeof escape);
      written += sizeof escape - 1;
    } else if (cp == '[' && before_command_bracket(s.substr(0, i))) {
      out += "\\[";  // `##[`, `##vso[`: never a CI log command
      ++written;
    } else {
      out.append(s.substr(i, len));
    }
    ++written;
    i += len;
  }
  if (columns) columns->push_back(written);
  return out;
}

bool before_command_bracket(std::string_view text) {
  auto ends_with = [&](std::string_view tail) {
    if (text.size() < tail.size()) return false;
    for (size_t i = 0; i < tail.size(); ++i) {
      char c = text[text.size() - tail.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != tail[i]) return false;
    }
    return true;
  };
  return ends_with("##") || ends_with("##vso");
}

std::string shown_path(std::string_view name) {
  std::string text = visible_text(name);
  if (text.empty()) return text;
  unsigned char c = static_cast<unsigned char>(text[0]);
  bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
               c == '_' || c == '<';
  return plain ? text : "./" + text;
}

std::string shown_name(std::string_view name) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  bool plain = !name.empty() && letter(name[0]);
  for (size_t i = 0; plain && i < name.size(); ++i) plain = letter(name[i]) || (name[i] >= '0' && name[i] <= '9');
  return visible_text(plain ? std::string(name) : "`" + std::string(name) + "`");
}

std::string with_line_feeds(std::string text) {
  for (size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1))
    if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
  return text;
}

}  // namespace pactum
