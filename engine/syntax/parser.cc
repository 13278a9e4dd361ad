// The facade of engine/syntax. Checks the bytes (UTF-8), hands the text to the ANTLR front end
// (ast_builder.cc) and guarantees that no exception leaves the module: anything the runtime
// throws becomes an error diagnostic.
#include "engine/syntax/parser.h"

#include <exception>
#include <set>

#include "engine/syntax/ast_builder.h"

namespace pactum::syntax {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF included, as the ANTLR runtime's
// converter throws on them).
size_t utf8_sequence(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  uint32_t cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Copies `text` replacing each invalid byte with U+FFFD (reported here, at its line and column),
// and drops a leading byte order mark. `replaced` gets the code point offsets of the
// replacements, so the lexer scan does not report them a second time.
std::string clean_utf8(std::string_view text, uint32_t file, std::set<size_t>& replaced, Diagnostics& diags) {
  std::string out;
  out.reserve(text.size());
  size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  uint32_t line = 1, column = 1;
  size_t code_point = 0;
  int reported = 0;
  while (i < text.size()) {
    size_t len = utf8_sequence(text, i);
    if (len == 0) {
      if (reported++ < 10) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
        diags.error(SourceLoc{file, line, column}, std::string("invalid UTF-8 byte ") + hex,
                    {"the agreement file must be UTF-8 text"});
      }
      replaced.insert(code_point);
      out += "\xEF\xBF\xBD";
      len = 1;
    } else {
      out.append(text.substr(i, len));
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++code_point;
    i += len;
  }
  return out;
}

}  // namespace

bool parse_agreement(std::string_view text, uint32_t file, model::Agreement& out, Diagnostics& diags) {
  // Collect locally, then hand over in source order: lexical errors are found before syntax
  // errors but should read top to bottom.
  Diagnostics local(1000);
  out = model::Agreement{};
  out.file = file;
  try {
    std::set<size_t> replaced;
    std::string clean = clean_utf8(text, file, replaced, local);
    detail::parse_source(clean, file, replaced, out, local);
  } catch (const std::exception& e) {
    local.error(SourceLoc{file, 0, 0}, std::string("internal error while reading the agreement: ") + e.what());
  } catch (...) {
    local.error(SourceLoc{file, 0, 0}, "internal error while reading the agreement");
  }
  local.sort();
  for (const auto& d : local.items()) diags.add(d);
  return !local.has_errors();
}

}  // namespace pactum::syntax
