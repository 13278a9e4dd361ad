#include "engine/report/finding_id.h"

#include <stdexcept>

#include "engine/report/pretty_json.h"
#if PACTUM_BUILTIN_SHA256  // the WebAssembly build (web/wasm/deps.cmake) has no OpenSSL
#include "engine/report/sha256.h"
#else
#include <openssl/evp.h>
#endif

namespace pactum::report {

namespace {

// ["id", ID] or ["at", TYPE, TIME]: how an id names an event.
std::string event_identity(const log::EventLog& log, uint32_t index) {
  const log::Event& e = log.event(index);
  std::string out;
  if (e.id != log::kNoSymbol) {
    out += "[\"id\",";
    PrettyJson::append_string(out, log.symbols.text(e.id), true);
  } else {
    out += "[\"at\",";
    PrettyJson::append_string(out, log.symbols.text(e.type), true);
    out += ',';
    PrettyJson::append_string(out, format_utc_millis(e.at), true);
  }
  out += ']';
  return out;
}

// The finding's first event. Events of one instant are in file order (section 4), which the
// order of the logs on the command line decides; the id must not (V2.9). So when events of
// another file share the first event's instant, the first among them is the one whose identity
// sorts first, whatever the files' order. Within one file, the first cited stays the first.
uint32_t first_event(const log::EventLog& log, const eval::Finding& f) {
  uint32_t first = f.events.front();
  const log::Event& e = log.event(first);
  bool other_file = false;
  for (uint32_t i : f.events) {
    const log::Event& o = log.event(i);
    other_file = other_file || (o.at == e.at && o.file != e.file);
  }
  if (!other_file) return first;
  std::string best = event_identity(log, first);
  for (uint32_t i : f.events) {
    if (log.event(i).at != e.at) continue;
    std::string identity = event_identity(log, i);
    if (identity < best) best = std::move(identity), first = i;
  }
  return first;
}

}  // namespace

std::string finding_id_text(const log::EventLog& log, const eval::Finding& f) {
  // The compact dump of the JSON array [block, rule, reason, window start, window end, event]
  // (no spaces, UTF-8 as is, only `"`, `\` and control characters escaped; invalid UTF-8 is an
  // error, as in nlohmann's dump), written straight: a report of 60,000 findings computes 60,000.
  std::string out = "[";
  auto string = [&](std::string_view s) { PrettyJson::append_string(out, s, true); };
  string(f.block->name);
  out += ',';
  out += std::to_string(f.rule->number);
  out += ',';
  string(f.reason);
  if (f.window) {
    out += ',';
    string(format_utc_millis(f.window->start));
    out += ',';
    string(format_utc_millis(f.window->end));
  } else {
    out += ",null,null";
  }
  out += ',';
  if (f.events.empty()) {
    out += "null";
  } else {
    out += event_identity(log, first_event(log, f));
  }
  out += ']';
  return out;
}

std::string short_sha256(const std::string& text) {
#if PACTUM_BUILTIN_SHA256
  auto digest = sha256(text);
#else
  // Fetched once: EVP_sha256() makes EVP_Digest look the algorithm up in OpenSSL 3's provider
  // tables on every call, most of the time a short text takes (60,000 ids in a large report); the
  // context is one per thread (reports are rendered on several), set up again for each text
  // instead of allocated and freed.
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  struct Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Context context;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!kSha256 || !context.ctx || EVP_DigestInit_ex2(context.ctx, kSha256, nullptr) != 1 ||
      EVP_DigestUpdate(context.ctx, text.data(), text.size()) != 1 ||
      EVP_DigestFinal_ex(context.ctx, digest, &length) != 1 || length < 8)
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
