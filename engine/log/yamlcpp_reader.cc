// Backend B: yaml-cpp's streaming YAML::Parser with an EventHandler, the reference backend.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

#include "engine/base/text.h"
#include "engine/log/readers.h"
#include "engine/log/yaml_errors.h"

namespace pactum::log {

namespace {

// Thrown from the handler to abandon parsing (yaml-cpp offers no other way to stop early).
struct Stop {};

struct MemoryBuffer : std::streambuf {
  MemoryBuffer(const char* data, size_t size) {
    char* p = const_cast<char*>(data);  // read-only use: only the get area is set
    setg(p, p, p + size);
  }
};

class Handler : public YAML::EventHandler {
 public:
  Handler(std::string_view text, EventBuilder& builder) : text_(text), builder_(builder) {
    // yaml-cpp positions exclude a UTF-8 byte order mark.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") bom_ = 3;
  }

  // yaml-cpp marks are 0-based and count bytes; SourceLoc columns count code points.
  Mark mark(const YAML::Mark& m) const {
    if (m.is_null() || m.line < 0) return Mark{};
    Mark out{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
    size_t pos = static_cast<size_t>(m.pos) + bom_;
    if (m.pos >= 0 && static_cast<size_t>(m.column) <= pos && pos <= text_.size()) {
      // Counting from the line start for every mark was quadratic on long lines: a 200 KB
      // one-line log (JSON export) took minutes (fuzz_log timeout). Marks arrive in order, so
      // continue from the previous mark when it is on the same line and not after this one.
      size_t line_start = pos - static_cast<size_t>(m.column);
      size_t from = line_start;
      uint32_t column = 1;
      if (cache_line_start_ == line_start && cache_pos_ <= pos) {
        from = cache_pos_;
        column = cache_column_;
      }
      for (size_t i = from; i < pos; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
      cache_line_start_ = line_start;
      cache_pos_ = pos;
      cache_column_ = column;
      out.column = column;
    }
    return out;
  }

  void OnDocumentStart(const YAML::Mark&) override {
    names_.clear();
    check(builder_.document_start());
  }
  void OnDocumentEnd() override { check(builder_.document_end()); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
    check(builder_.scalar(mark(m), {}, true, {}, name(anchor)));
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
    check(builder_.alias(mark(m), anchor < names_.size() ? std::string_view(names_[anchor]) : std::string_view{}));
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    // yaml-cpp gives plain scalars the non-specific tag "?" and quoted or block scalars "!".
    bool plain = tag != "!";
    check(builder_.scalar(mark(m), value, plain, tag == "?" ? std::string_view{} : std::string_view(tag), name(anchor)));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check(builder_.sequence_start(mark(m), name(anchor)));
  }
  void OnSequenceEnd() override { check(builder_.sequence_end()); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    check(builder_.mapping_start(mark(m), name(anchor)));
  }
  void OnMapEnd() override { check(builder_.mapping_end()); }
  void OnAnchor(const YAML::Mark&, const std::string& anchor_name) override { pending_name_ = anchor_name; }

 private:
  static void check(bool go_on) {
    if (!go_on) throw Stop{};
  }
  // yaml-cpp numbers anchors; OnAnchor gives the name just before the anchored node.
  std::string_view name(YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return {};
    if (names_.size() <= anchor) names_.resize(anchor + 1);
    names_[anchor] = pending_name_;
    return names_[anchor];
  }

  std::string_view text_;
  size_t bom_ = 0;
  mutable size_t cache_line_start_ = SIZE_MAX;  // the last mark computed (see mark())
  mutable size_t cache_pos_ = 0;
  mutable uint32_t cache_column_ = 1;
  EventBuilder& builder_;
  std::vector<std::string> names_;
  std::string pending_name_;
};

}  // namespace

void read_with_yamlcpp(std::string_view original, EventBuilder& builder) {
  // yaml-cpp reads invalid UTF-8 and control characters without complaint; libyaml refuses them.
  // Refuse them here too, at the same place and in the same words (found by the bad-input corpus).
  if (auto bad = find_encoding_problem(original)) {
    auto [line, column] = position_of(original, bad->offset);
    builder.syntax_error(Mark{line, column}, "cannot read the text: " + bad->message);
    return;
  }
  // yaml-cpp 0.7 loops forever, allocating, on some malformed flow text (`, x}`: found by
  // fuzz_log). Malformed YAML is therefore read with libyaml, which reports the error exactly as
  // the default backend does (the two are meant to agree on errors anyway); yaml-cpp only ever
  // sees text libyaml accepts.
  if (!libyaml_accepts(original)) {
    read_with_libyaml(original, builder);
    return;
  }
  // libyaml skips a byte order mark at the start of any line (concatenated exports have them),
  // counting it as one column; yaml-cpp reads it as text. Found by the differential fuzz_log: one
  // backend accepted what the other refused. Read it as the one space it occupies instead.
  // yaml-cpp 0.7 also reads a lone CR (old Mac line ends) as a plain character, where YAML and
  // libyaml read a line break: such a text is read with line feeds in their place (the same
  // bytes, so the same lines and columns).
  std::string line_feeds;
  std::string_view base = original;
  for (size_t cr = base.find('\r'); cr != std::string_view::npos; cr = base.find('\r', cr + 1))
    if (cr + 1 == base.size() || base[cr + 1] != '\n') {
      line_feeds = with_line_feeds(std::string(original));
      base = line_feeds;
      break;
    }
  std::string copy;
  std::string_view text = base;
  for (size_t at = text.find("\xEF\xBB\xBF", 1); at != std::string_view::npos; at = text.find("\xEF\xBB\xBF", at + 1)) {
    if (text[at - 1] != '\n' && text[at - 1] != '\r') continue;
    if (copy.empty()) copy.assign(base);
    copy.replace(at - (base.size() - copy.size()), 3, " ");
  }
  if (!copy.empty()) text = copy;
  MemoryBuffer buffer(text.data(), text.size());
  std::istream in(&buffer);
  Handler handler(text, builder);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const Stop&) {
  } catch (const YAML::Exception& e) {
    builder.syntax_error(handler.mark(e.mark), e.msg);
  } catch (const std::exception& e) {
    builder.syntax_error(Mark{}, e.what());
  }
}

}  // namespace pactum::log
