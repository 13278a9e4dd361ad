#include "engine/report/json_writer.h"

#include "engine/base/text.h"

#include <fmt/format.h>

namespace pactum::report {

using nlohmann::ordered_json;

std::string escaped_json(std::string raw) {
  // Outside strings a JSON text is ASCII without DEL or `#`, so these bytes are always inside a
  // string. Most texts have none of them: the text is then returned as it is (a report can be
  // hundreds of megabytes: no second copy).
  auto suspect = [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return c == '#' || c == 0x7F || c == 0xC2 || c == 0xEF || c == 0xD8 || c == 0xE2;
  };
  size_t first = 0;
  while (first < raw.size() && !suspect(raw[first])) ++first;
  if (first == raw.size()) return raw;
  std::string out = raw.substr(0, first);
  out.reserve(raw.size() + 16);
  for (size_t i = first; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    unsigned char next = i + 1 < raw.size() ? static_cast<unsigned char>(raw[i + 1]) : 0;
    if (c == '[' && before_command_bracket(out)) {
      out += "\\u005b";  // `##[`, `##vso[`: never a CI log command, even in a CI log of the file
    } else if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // C1
      out += fmt::format("\\u{:04x}", next);
      ++i;
    } else if (char32_t cp = 0; (c == 0xD8 || c == 0xE2) && utf8_decode(raw, i, cp) && is_layout_control(cp)) {
      out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp));  // bidi controls, U+2028/9: lossless, shown
      i += c == 0xD8 ? 1 : 2;
    } else if (c == 0xEF && next == 0xBF && i + 2 < raw.size() &&
               (static_cast<unsigned char>(raw[i + 2]) == 0xBE || static_cast<unsigned char>(raw[i + 2]) == 0xBF)) {
      out += static_cast<unsigned char>(raw[i + 2]) == 0xBE ? "\\ufffe" : "\\uffff";
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return out;
}

void JsonWriter::newline_and_indent(size_t depth) {
  out_ << '\n';
  for (size_t i = 0; i < depth; ++i) out_ << "  ";
}

void JsonWriter::before_value() {
  if (after_key_) {  // the key wrote the separator and the indentation
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;  // the document itself
  out_ << (stack_.back().items++ ? "," : "");
  newline_and_indent(stack_.size());
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ << bracket;
  stack_.push_back(Level{bracket == '['});
}

void JsonWriter::key(std::string_view name) {
  out_ << (stack_.back().items++ ? "," : "");
  newline_and_indent(stack_.size());
  out_ << dump(ordered_json(std::string(name))) << ": ";
  after_key_ = true;
}

std::string JsonWriter::dump(const ordered_json& v) {
  return escaped_json(v.dump(2, ' ', false, ordered_json::error_handler_t::replace));
}

void JsonWriter::value_dumped(std::string_view text) {
  before_value();
  // Dumped alone, the value is indented from column 0; its inner lines move to this depth. A
  // dumped value has line breaks between its lines only (inside strings they are escapes).
  if (stack_.empty() || text.find('\n') == std::string_view::npos) {
    out_ << text;
    return;
  }
  std::string indent(stack_.size() * 2, ' ');
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', from)) {
    out_.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out_ << indent;
    from = nl + 1;
  }
  out_.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

void JsonWriter::members(const ordered_json& object) {
  for (const auto& [k, v] : object.items()) {
    key(k);
    value(v);
  }
}

void JsonWriter::end() {
  Level level = stack_.back();
  stack_.pop_back();
  if (level.items) newline_and_indent(stack_.size());
  out_ << (level.array ? ']' : '}');
}

}  // namespace pactum::report
