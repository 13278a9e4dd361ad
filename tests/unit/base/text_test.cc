// The escaping of untrusted text for terminals and CI logs (engine/base/text.h, issue 11).
#include <catch2/catch.hpp>

#include "engine/base/text.h"

using namespace pactum;

TEST_CASE("visible_text: every control character visible, two hashes and a bracket broken, the rest unchanged") {
  struct Row {
    std::string in;
    VisibleOptions options;
    std::string out;
  };
  const Row rows[] = {
      {"Acme Telecom", {}, "Acme Telecom"},
      {"née Société — 日本", {}, "née Société — 日本"},
      {"\x1b[2J\x1b]0;x\x07", {}, "\u241b[2J\u241b]0;x\u2407"},
      {std::string("a\0b", 3), {}, "a\u2400b"},
      {"a\tb", {}, "a\u2409b"},
      {"a\tb", {.keep_tabs = true}, "a\tb"},
      {"a\nb\r\n", {}, "a\u240ab\u240d\u240a"},
      {"a\nb\r\n", {.keep_line_breaks = true}, "a\nb\r\n"},
      {"\x7f", {}, "\u2421"},
      {"\u009b31m", {}, "\ufffd31m"},             // C1 CSI
      {"\u0085", {}, "\ufffd"},                   // NEL
      {"x\ufffey\uffffz", {}, "x\ufffdy\ufffdz"},  // noncharacters
      {"\xff\xc3(", {}, "\ufffd\ufffd("},          // invalid bytes, one each
      {"\xed\xa0\x80", {}, "\ufffd\ufffd\ufffd"},  // a surrogate
      {"\xc0\xaf", {}, "\ufffd\ufffd"},            // overlong
      {"##[error]x ###[y] #[z]", {}, "##\\[error]x ###\\[y] #[z]"},
      {"##vso[task.complete]x ##VSO[y] #vso[z] ##vs[w]", {}, "##vso\\[task.complete]x ##VSO\\[y] #vso[z] ##vs[w]"},
      {"::warning::x", {}, "::warning::x"},  // mid-line text stays; line starts are the callers' part
      // Layout controls: bidi overrides, isolates and marks, line and paragraph separators.
      {"responsible: \u202eemcA", {}, "responsible: \\u{202E}emcA"},
      {"a\u2066b\u2069c\u200e\u200f\u061c", {}, "a\\u{2066}b\\u{2069}c\\u{200E}\\u{200F}\\u{061C}"},
      {"a\u2028b\u2029c", {.keep_line_breaks = true}, "a\\u{2028}b\\u{2029}c"},
      {"\u200d\u2027\u202f\u2065", {}, "\u200d\u2027\u202f\u2065"},  // neighbours stay (a joiner, a space)
  };
  for (const auto& row : rows) {
    INFO("input: " << row.in);
    CHECK(visible_text(row.in, row.options) == row.out);
  }
}

TEST_CASE("visible_text: plain ASCII comes out unchanged, as the decoding path gives it") {
  // Text of printable ASCII without `[` is copied as it is, each byte its own column; any other
  // text is decoded. The shortcut must agree with decoding on every text, plain or not: each
  // one-byte text, each two-byte text of bytes around the boundaries, and a few longer ones.
  std::vector<std::string> texts = {"", "Acme Telecom", "site_visit V-1 at 2026-03-02", "a]b", "##", "##[", "~`{|}",
                                    std::string(1000, 'x') + "[", "[" + std::string(1000, 'x')};
  for (int c = 0; c < 256; ++c) texts.push_back(std::string(1, static_cast<char>(c)));
  for (int a : {0x00, 0x09, 0x1f, 0x20, 0x23, 0x5a, 0x5b, 0x5d, 0x7e, 0x7f, 0x80, 0xc3, 0xe2, 0xff})
    for (int b : {0x00, 0x0a, 0x1f, 0x20, 0x5b, 0x7e, 0x7f, 0x80, 0xa9, 0xbf, 0xff})
      texts.push_back(std::string{static_cast<char>(a), static_cast<char>(b)});
  for (const auto& text : texts)
    for (VisibleOptions options : {VisibleOptions{}, VisibleOptions{.keep_tabs = true, .keep_line_breaks = true}}) {
      std::vector<uint32_t> columns, decoded_columns = {99};
      INFO("input bytes: " << text.size() << ", first " << (text.empty() ? -1 : static_cast<unsigned char>(text[0])));
      CHECK(visible_text(text, options) == visible_text_decoded(text, options));
      CHECK(visible_text(text, options, &columns) == visible_text_decoded(text, options, &decoded_columns));
      CHECK(columns == decoded_columns);
    }
}

TEST_CASE("visible_text: the column map follows the escaped text") {
  std::vector<uint32_t> columns;
  CHECK(visible_text("a##[b\x1b" "c", {}, &columns) == "a##\\[b\u241bc");
  // a # # [ b ESC c  -> columns 0 1 2 3(+1) ...
  CHECK(columns == std::vector<uint32_t>{0, 1, 2, 3, 5, 6, 7, 8});
  CHECK(visible_text("a\u202eb", {}, &columns) == "a\\u{202E}b");
  // a U+202E b  -> columns 0 1(+7) 9 10
  CHECK(columns == std::vector<uint32_t>{0, 1, 9, 10});
}

TEST_CASE("shown_path and shown_name: no output line starts with input text") {
  const std::pair<std::string, std::string> paths[] = {
      {"agreement.terms", "agreement.terms"}, {"/etc/x.terms", "/etc/x.terms"},   {"./a", "./a"},
      {"<stdin>", "<stdin>"},                 {"_x.yaml", "_x.yaml"},             {"::error::x.yaml", "./::error::x.yaml"},
      {" ::x", "./ ::x"},                     {"\u00a0::x", "./\u00a0::x"},         {"\x1b[2Jx", "./\u241b[2Jx"},
      {"##[error]x", "./##\\[error]x"},       {"-", "./-"},
  };
  for (const auto& [in, out] : paths) {
    INFO("path: " << in);
    CHECK(shown_path(in) == out);
  }
  const std::pair<std::string, std::string> names[] = {
      {"Acme", "Acme"}, {"_a1", "_a1"}, {"Acme Telecom", "`Acme Telecom`"}, {"::warning::x", "`::warning::x`"},
      {"1st", "`1st`"}, {"\u00a0::x", "`\u00a0::x`"}, {"a\x1b", "`a\u241b`"},
  };
  for (const auto& [in, out] : names) {
    INFO("name: " << in);
    CHECK(shown_name(in) == out);
  }
}

TEST_CASE("is_control_character: C0, DEL, C1, U+FFFE and U+FFFF") {
  for (char32_t cp : {0x00u, 0x09u, 0x0Au, 0x1Bu, 0x1Fu, 0x7Fu, 0x80u, 0x85u, 0x9Bu, 0x9Fu, 0xFFFEu, 0xFFFFu})
    CHECK(is_control_character(cp));
  for (char32_t cp : {0x20u, 0x7Eu, 0xA0u, 0xFEFFu, 0xFFFDu, 0x10000u, 0x10FFFFu}) CHECK_FALSE(is_control_character(cp));
}

// Every byte value at every position of texts of 1 to 24 bytes, in a text of letters and in one
// of bytes that lie next to the ones looked for (0x20, 0x7E, 0x80, 0xC3): the word-at-a-time
// look must answer as the byte-by-byte one does.
TEST_CASE("has_control_lead_byte: the same answer as looking at each byte") {
  auto naive = [](std::string_view s) {
    for (char ch : s) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (c < 0x20 || c == 0x7F || c == 0xC2) return true;
    }
    return false;
  };
  for (std::string background : {std::string(24, 'a'), std::string("\x20\x7E\x80\xC3\xC1\x21\x7D\xFF", 8) + std::string(16, ' ')}) {
    for (size_t length = 0; length <= 24; ++length) {
      std::string text = background.substr(0, length);
      CHECK(has_control_lead_byte(text) == naive(text));
      for (size_t at = 0; at < length; ++at) {
        for (int byte = 0; byte < 256; ++byte) {
          std::string t = text;
          t[at] = static_cast<char>(byte);
          if (has_control_lead_byte(t) != naive(t)) {
            INFO("length " << length << ", byte " << byte << " at " << at);
            CHECK(has_control_lead_byte(t) == naive(t));
          }
        }
      }
    }
  }
}

TEST_CASE("with_line_feeds: CR-only line ends become LF, CRLF and LF stay") {
  const std::pair<std::string, std::string> rows[] = {
      {"a\rb\r", "a\nb\n"},       {"a\r\nb\r\n", "a\r\nb\r\n"}, {"a\nb", "a\nb"},
      {"a\r\rb", "a\n\nb"},       {"a\r\r\nb", "a\n\r\nb"},     {"\r", "\n"},
      {"", ""},                   {"# c\rterm", "# c\nterm"},
  };
  for (const auto& [in, out] : rows) {
    INFO(visible_text(in));
    CHECK(visible_text(with_line_feeds(in)) == visible_text(out));
  }
}
