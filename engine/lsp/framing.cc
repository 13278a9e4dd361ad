#include "engine/lsp/framing.h"

#include <algorithm>
#include <cctype>

namespace pactum::lsp {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// End of the header block starting at `from` (the index after its blank line), or npos. The
// specification says "\r\n"; a bare "\n" (hand-written tests, some clients on pipes) is accepted.
size_t header_end(const std::string& b, size_t from, size_t& blank_at) {
  for (size_t i = from; i < b.size(); ++i) {
    if (b[i] != '\n') continue;
    size_t j = i + 1;
    if (j < b.size() && b[j] == '\n') {
      blank_at = i;
      return j + 1;
    }
    if (j + 1 < b.size() && b[j] == '\r' && b[j + 1] == '\n') {
      blank_at = i;
      return j + 2;
    }
  }
  return std::string::npos;
}

}  // namespace

void MessageReader::feed(std::string_view bytes) {
  if (skip_ > 0) {
    size_t n = std::min(skip_, bytes.size());
    skip_ -= n;
    bytes.remove_prefix(n);
  }
  buffer_.append(bytes);
}

void MessageReader::compact() {
  if (pos_ > 0 && (pos_ >= 65536 || pos_ * 2 >= buffer_.size())) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

std::optional<MessageReader::Item> MessageReader::next() {
  compact();
  if (!in_body_) {
    if (auto error = parse_header()) return error;
    if (!in_body_) return std::nullopt;
  }
  if (buffer_.size() - pos_ < body_length_) return std::nullopt;
  Item item{Item::Kind::Body, buffer_.substr(pos_, body_length_)};
  pos_ += body_length_;
  in_body_ = false;
  return item;
}

// Reads one header block when it is complete; sets in_body_ on success, returns an error item
// (having dropped the bad block) otherwise.
std::optional<MessageReader::Item> MessageReader::parse_header() {
  // Line breaks between messages are not part of any header.
  while (pos_ < buffer_.size() && (buffer_[pos_] == '\r' || buffer_[pos_] == '\n')) ++pos_;
  if (pos_ >= buffer_.size()) return std::nullopt;
  size_t blank_at = 0;
  size_t end = header_end(buffer_, pos_, blank_at);
  if (end == std::string::npos) {
    if (buffer_.size() - pos_ <= kMaxHeader) return std::nullopt;
    // No blank line in sight: drop up to the next `Content-Length` (or everything).
    size_t again = lower(std::string_view(buffer_).substr(pos_ + 1)).find("content-length:");
    pos_ = again == std::string::npos ? buffer_.size() : pos_ + 1 + again;
    return Item{Item::Kind::Error, "message header longer than 8192 bytes without a blank line"};
  }
  size_t block_start = pos_;
  std::string_view block = std::string_view(buffer_).substr(pos_, blank_at - pos_);
  pos_ = end;
  std::optional<size_t> length;
  std::string problem;
  while (!block.empty()) {
    size_t nl = block.find('\n');
    std::string_view line = trim(block.substr(0, nl));
    block = nl == std::string_view::npos ? std::string_view{} : block.substr(nl + 1);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "malformed header line (no `:`)";
      continue;
    }
    std::string name = lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (name != "content-length") continue;  // Content-Type and unknown headers are ignored
    size_t n = 0;
    bool digits = !value.empty() && value.size() <= 18;
    for (char c : value) {
      if (c < '0' || c > '9') digits = false;
      else n = n * 10 + static_cast<size_t>(c - '0');
    }
    if (!digits) {
      problem = "Content-Length is not a number";
      continue;
    }
    length = n;
  }
  if (!problem.empty() || !length) {
    // Without a trustworthy length the body cannot be found; the next header is looked for
    // after the start of this one (junk may run into a good header on the same line).
    size_t again = lower(std::string_view(buffer_).substr(block_start + 1)).find("content-length:");
    pos_ = again == std::string::npos ? buffer_.size() : block_start + 1 + again;
    return Item{Item::Kind::Error, problem.empty() ? "message header without Content-Length" : problem};
  }
  if (*length > max_body_) {
    size_t available = std::min(*length, buffer_.size() - pos_);
    pos_ += available;
    skip_ = *length - available;
    return Item{Item::Kind::Error, "message body of " + std::to_string(*length) + " bytes is over the limit of " +
                                       std::to_string(max_body_)};
  }
  body_length_ = *length;
  in_body_ = true;
  return std::nullopt;
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

}  // namespace pactum::lsp
