#include "engine/report/finding_id.h"

#include <stdexcept>

#include <nlohmann/json.hpp>
#if PACTUM_BUILTIN_SHA256  // the WebAssembly build (web/wasm/deps.cmake) has no OpenSSL
#include "engine/report/sha256.h"
#else
#include <openssl/evp.h>
#endif

namespace pactum::report {

std::string finding_id_text(const log::EventLog& log, const eval::Finding& f) {
  using nlohmann::json;
  json window_start = nullptr, window_end = nullptr;
  if (f.window) {
    window_start = format_utc_millis(f.window->start);
    window_end = format_utc_millis(f.window->end);
  }
  json event = nullptr;
  if (!f.events.empty()) {
    const log::Event& e = log.event(f.events.front());
    if (e.id != log::kNoSymbol)
      event = json::array({"id", std::string(log.symbols.text(e.id))});
    else
      event = json::array({"at", std::string(log.symbols.text(e.type)), format_utc_millis(e.at)});
  }
  json array = json::array({f.block->name, f.rule->number, f.reason, window_start, window_end, event});
  // dump() without indentation is compact (no spaces), keeps UTF-8 as is and escapes only `"`,
  // `\` and control characters, as JSON requires.
  return array.dump();
}

std::string short_sha256(const std::string& text) {
#if PACTUM_BUILTIN_SHA256
  auto digest = sha256(text);
#else
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1 || length < 8)
    throw std::runtime_error("SHA-256 is not available");
#endif
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < 8; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string finding_id(const log::EventLog& log, const eval::Finding& f) { return short_sha256(finding_id_text(log, f)); }

}  // namespace pactum::report
