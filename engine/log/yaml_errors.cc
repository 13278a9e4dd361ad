#include "engine/log/yaml_errors.h"

#include <array>

namespace pactum::log {

namespace {

struct Wording {
  std::string_view libyaml;  // substring of libyaml's problem
  std::string_view yamlcpp;  // yaml-cpp's ParserException message
  std::string_view text;
};

constexpr std::array kWordings{
    Wording{"did not find expected ',' or '}'", "end of map flow not found", "unclosed `{`: expected `,` or `}`"},
    Wording{"did not find expected ',' or ']'", "end of sequence flow not found", "unclosed `[`: expected `,` or `]`"},
    Wording{"did not find expected '-' indicator", "end of sequence not found",
            "bad indentation: expected the next `-` item of the list"},
    Wording{"did not find expected key", "end of map not found",
            "bad indentation: expected the next `key:` of the mapping"},
    Wording{"mapping values are not allowed in this context", "illegal map value",
            "unexpected `:` here (bad indentation, or a value with `: ` that needs quotes)"},
    Wording{"block sequence entries are not allowed in this context", "illegal block entry",
            "unexpected `-` list item here (bad indentation?)"},
    Wording{"found character that cannot start any token", "unknown token",
            "a character that cannot start any YAML token (quote the value)"},
    Wording{"found unexpected end of stream", "unexpected end of stream", "unexpected end of file"},
    Wording{"found undefined tag handle", "undefined tag handle", "undefined tag handle"},
    Wording{"found undefined alias", kUndefinedAnchorProblem, "alias to an anchor that is not defined before it"},
    Wording{"could not find expected ':'", "", "expected `key: value` or a `-` list item on this line"},
    Wording{"unclosed quoted string", "", "unclosed quoted string (missing closing quote)"},
    Wording{"did not find expected alphabetic or numeric character", "anchor not found after &",
            "a name must follow `&` or `*`"},
    Wording{"did not find expected alphabetic or numeric character", "alias not found after *",
            "a name must follow `&` or `*`"},
    Wording{"found a tab character", "illegal tab when looking for indentation",
            "a tab character in indentation (YAML indents with spaces)"},
};

}  // namespace

SyntaxProblem describe_yaml_problem(std::string_view problem, std::string_view line) {
  // Tabs in indentation are the most common mistake and each parser notices them somewhere else
  // on the line; point at the tab itself.
  for (size_t i = 0; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i) {
    if (line[i] == '\t')
      return SyntaxProblem{"a tab character in indentation (YAML indents with spaces)", static_cast<uint32_t>(i + 1)};
  }
  for (const Wording& w : kWordings) {
    if (problem.find(w.libyaml) != std::string_view::npos || (!w.yamlcpp.empty() && problem == w.yamlcpp))
      return SyntaxProblem{std::string(w.text), 0};
  }
  return SyntaxProblem{std::string(problem), 0};
}

// Hardening (docs/security.md): the same decisions as libyaml's yaml_parser_update_buffer.
std::optional<EncodingProblem> find_encoding_problem(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  if (text.size() >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
    return std::nullopt;  // UTF-16 (or UTF-32 LE): decoded by the parsers
  if (text.size() >= 4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF) return std::nullopt;
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < text.size()) {
    unsigned char lead = byte(i);
    size_t width = (lead & 0x80) == 0x00 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    if (width == 0) return EncodingProblem{i, "invalid leading UTF-8 octet"};
    if (i + width > text.size()) return EncodingProblem{i, "incomplete UTF-8 octet sequence"};
    uint32_t value = width == 1 ? lead : width == 2 ? lead & 0x1F : width == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t k = 1; k < width; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return EncodingProblem{i, "invalid trailing UTF-8 octet"};
      value = (value << 6) + (byte(i + k) & 0x3F);
    }
    if (!(width == 1 || (width == 2 && value >= 0x80) || (width == 3 && value >= 0x800) ||
          (width == 4 && value >= 0x10000)))
      return EncodingProblem{i, "invalid length of a UTF-8 sequence"};
    if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return EncodingProblem{i, "invalid Unicode character"};
    bool allowed = value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0x7E) ||
                   value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) ||
                   (value >= 0x10000 && value <= 0x10FFFF);
    if (!allowed) return EncodingProblem{i, "control characters are not allowed"};
    i += width;
  }
  return std::nullopt;
}

PositionCursor::PositionCursor(std::string_view text)
    : text_(text), start_(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0), offset_(start_) {}

std::pair<uint32_t, uint32_t> PositionCursor::at(size_t offset) {
  if (offset < offset_) {  // earlier than the last one asked: count again from the start
    offset_ = start_;
    line_ = column_ = 1;
  }
  for (; offset_ < offset && offset_ < text_.size(); ++offset_) {
    char c = text_[offset_];
    if (c == '\n' || (c == '\r' && (offset_ + 1 >= text_.size() || text_[offset_ + 1] != '\n'))) {
      ++line_;
      column_ = 1;
    } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }
  return {line_, column_};
}

std::pair<uint32_t, uint32_t> position_of(std::string_view text, size_t offset) {
  return PositionCursor(text).at(offset);
}

}  // namespace pactum::log
