// Fuzz target: the language server's base protocol and dispatcher (`pactum lsp`).
//   bytes -> Content-Length framing -> JSON-RPC validation -> LSP lifecycle -> every feature
// The input is fed in slices (byte 0 picks the slice length), after a fixed `initialize` so that
// the features are reachable, and followed by a fixed `didOpen` + requests on whatever document
// the input left open. Invariants: no crash, no sanitizer report; every output message is framed
// and its body is a JSON object with "jsonrpc": "2.0"; every response answers an id.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/lsp/framing.h"
#include "engine/lsp/server.h"
#include "fuzz/fuzz_common.h"

namespace {

std::string message(const std::string& body) { return pactum::lsp::frame(body); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pactum;
  if (size < 1 || size > 64 * 1024) return -1;
  size_t slice = 1 + data[0] % 64;
  if (data[0] >= 192) slice = size;  // mostly whole messages, sometimes byte by byte
  std::string input(reinterpret_cast<const char*>(data + 1), size - 1);

  lsp::MessageReader check;  // re-reads everything the server sends
  lsp::LanguageServer server([&](const std::string& framed) { check.feed(framed); });
  server.receive(message(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})"));
  for (size_t i = 0; i < input.size() && !server.exited(); i += slice)
    server.receive(std::string_view(input).substr(i, slice));
  // Whatever state the input left: the features on a document must still answer.
  if (!server.exited()) {
    server.receive(message(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///f.terms","version":9,"text":"party A\nterm \"t\"\n  every x by A requires y within 2 hours after\n"}}})"));
    for (const char* method : {"hover", "completion", "documentSymbol", "definition", "references", "formatting"})
      server.receive(message(std::string(R"({"jsonrpc":"2.0","id":"z","method":"textDocument/)") + method +
                             R"(","params":{"textDocument":{"uri":"file:///f.terms"},"position":{"line":2,"character":20},"options":{},"context":{}}})"));
  }

  while (auto item = check.next()) {
    if (item->kind != lsp::MessageReader::Item::Kind::Body) fuzz::fail("the server sent a badly framed message", item->text);
    auto j = nlohmann::json::parse(item->text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("jsonrpc", "") != "2.0")
      fuzz::fail("the server sent something that is not a JSON-RPC message", item->text);
    if (!j.contains("method") && !j.contains("id")) fuzz::fail("a response without an id", item->text);
    if (j.contains("error") && !(j["error"].is_object() && j["error"].contains("code")))
      fuzz::fail("an error without a code", item->text);
  }
  return 0;
}
