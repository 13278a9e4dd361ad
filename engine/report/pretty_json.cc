#include "engine/report/pretty_json.h"

#include <array>

#include <fmt/format.h>

#include "engine/report/json_writer.h"  // escaped_json

namespace pactum::report {

using nlohmann::ordered_json;

namespace {

// The bytes a string is copied as is with: printable ASCII but `"`, `\` and `#`.
constexpr std::array<bool, 256> kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[c] = c != '"' && c != '\\' && c != '#';
  return plain;
}();

}  // namespace

void PrettyJson::append_string(std::string& out, std::string_view s, bool strict, bool escape) {
  bool plain = true;
  for (char ch : s) plain &= kPlainBytes[static_cast<unsigned char>(ch)];
  if (plain) {
    size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    *p = '"';
    s.copy(p + 1, s.size());
    p[s.size() + 1] = '"';
    return;
  }
  std::string dumped = ordered_json(std::string(s)).dump(
      -1, ' ', false, strict ? ordered_json::error_handler_t::strict : ordered_json::error_handler_t::replace);
  out += escape ? escaped_json(std::move(dumped)) : dumped;
}

void PrettyJson::newline_and_indent(size_t depth) {
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

void PrettyJson::separate() {
  if (levels_.back().any) out_ += ',';
  levels_.back().any = true;
  newline_and_indent(depth_ + levels_.size());
}

void PrettyJson::before_value() {
  if (after_key_) {  // the key wrote the separator and the indentation
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;  // the value itself
  separate();
}

void PrettyJson::open(char bracket) {
  before_value();
  out_ += bracket;
  levels_.push_back(Level{bracket == '[', false});
}

void PrettyJson::end() {
  Level level = levels_.back();
  levels_.pop_back();
  if (level.any) newline_and_indent(depth_ + levels_.size());
  out_ += level.array ? ']' : '}';
}

void PrettyJson::key(std::string_view name) {
  separate();
  append_string(out_, name, false, true);
  out_ += ": ";
  after_key_ = true;
}

void PrettyJson::string(std::string_view s) {
  before_value();
  append_string(out_, s, false, true);
}

void PrettyJson::instant(Instant t, const date::time_zone* zone) {
  before_value();
  out_ += '"';
  append_instant(out_, t, zone);
  out_ += '"';
}

void PrettyJson::null() {
  before_value();
  out_ += "null";
}

void PrettyJson::number(int64_t n) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", n);
}

void PrettyJson::number(double d) {
  before_value();
  out_ += ordered_json(d).dump();
}

void PrettyJson::value(const ordered_json& v) {
  before_value();
  std::string text = escaped_json(v.dump(2, ' ', false, ordered_json::error_handler_t::replace));
  // Dumped alone, the value is indented from column 0; its inner lines move to this depth.
  std::string indent((depth_ + levels_.size()) * 2, ' ');
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out_.append(text, from, nl + 1 - from);
    out_ += indent;
    from = nl + 1;
  }
  out_.append(text, from, std::string::npos);
}

}  // namespace pactum::report
