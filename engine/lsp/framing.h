// The base protocol of LSP: messages framed by a `Content-Length` header (and an optional
// `Content-Type`), a blank line, then exactly that many bytes of JSON. This file knows bytes and
// headers only; what the bodies mean is json_rpc.h's business.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pactum::lsp {

// Splits a byte stream into message bodies. Bytes may arrive in any slices (one byte at a time,
// several messages at once). A malformed header gives one error and the reader looks for the next
// header, so one bad message never stalls the stream.
class MessageReader {
 public:
  static constexpr size_t kDefaultMaxBody = 64u << 20;  // 64 MiB: far above any agreement
  static constexpr size_t kMaxHeader = 8192;

  explicit MessageReader(size_t max_body = kDefaultMaxBody) : max_body_(max_body) {}

  void feed(std::string_view bytes);

  struct Item {
    enum class Kind { Body, Error };
    Kind kind = Kind::Body;
    std::string text;  // the body, or what was wrong with the framing
  };
  // The next complete body or framing error, or nullopt until more bytes are fed.
  std::optional<Item> next();

 private:
  std::optional<Item> parse_header();
  void compact();

  size_t max_body_;
  std::string buffer_;
  size_t pos_ = 0;            // start of unread bytes in buffer_
  size_t body_length_ = 0;    // when in_body_
  bool in_body_ = false;
  size_t skip_ = 0;           // bytes of a refused (oversized) body still to discard
};

// "Content-Length: N\r\n\r\n" + body.
std::string frame(std::string_view body);

}  // namespace pactum::lsp
