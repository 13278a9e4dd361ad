// The base protocol (framing) and the JSON-RPC dispatcher: every malformed input gets an error
// response or is skipped, never a crash, and the stream recovers for the next message.
#include <catch2/catch.hpp>

#include "engine/lsp/framing.h"
#include "engine/lsp/json_rpc.h"

using namespace pactum::lsp;

namespace {

// Feeds `input` in slices of `slice` bytes; returns "B:body" / "E:error" per item.
std::vector<std::string> read_all(const std::string& input, size_t slice, size_t max_body = MessageReader::kDefaultMaxBody) {
  MessageReader reader(max_body);
  std::vector<std::string> out;
  for (size_t i = 0; i < input.size(); i += slice) {
    reader.feed(std::string_view(input).substr(i, slice));
    while (auto item = reader.next())
      out.push_back((item->kind == MessageReader::Item::Kind::Body ? "B:" : "E:") + item->text);
  }
  return out;
}

}  // namespace

TEST_CASE("framing: messages in any slices") {
  std::string input = frame("{\"a\":1}") + frame("") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                      "content-length: 3\r\n\r\n[1]";
  std::vector<std::string> expected = {"B:{\"a\":1}", "B:", "B:[1]"};
  for (size_t slice : {1, 2, 3, 7, 1000}) {
    INFO("slice " << slice);
    CHECK(read_all(input, slice) == expected);
  }
}

TEST_CASE("framing: malformed headers give one error each and the stream recovers") {
  struct Case {
    std::string input;
    std::vector<std::string> expected;
  };
  std::string good = frame("{}");
  std::vector<Case> cases = {
      {"Content-Type: x\r\n\r\n" + good, {"E:message header without Content-Length", "B:{}"}},
      {"Content-Length: abc\r\n\r\n" + good, {"E:Content-Length is not a number", "B:{}"}},
      {"Content-Length: -5\r\n\r\n" + good, {"E:Content-Length is not a number", "B:{}"}},
      {"garbage line\r\n\r\n" + good, {"E:malformed header line (no `:`)", "B:{}"}},
      {"Content-Length: 2\n\n{}", {"B:{}"}},  // bare line feeds
      {"\r\n\r\n" + good, {"B:{}"}},           // blank lines between messages
      {"Content-Length: 99999999999999999999\r\n\r\n" + good, {"E:Content-Length is not a number", "B:{}"}},
  };
  for (const auto& c : cases) {
    INFO(c.input);
    CHECK(read_all(c.input, 1) == c.expected);
    CHECK(read_all(c.input, 4096) == c.expected);
  }
}

TEST_CASE("framing: a body over the limit is skipped, bytes and all") {
  std::string input = "Content-Length: 10\r\n\r\n0123456789" + frame("{}");
  std::vector<std::string> expected = {"E:message body of 10 bytes is over the limit of 4", "B:{}"};
  CHECK(read_all(input, 1, 4) == expected);
  CHECK(read_all(input, 3, 4) == expected);
  CHECK(read_all(input, 100, 4) == expected);
}

TEST_CASE("framing: a header without end is dropped after 8 KiB") {
  std::string input = std::string(9000, 'x') + frame("{}");
  for (size_t slice : {1, 512, 100000}) {
    INFO("slice " << slice);
    auto items = read_all(input, slice);
    REQUIRE(items.size() >= 2);
    CHECK(items.back() == "B:{}");  // the good message after the junk is read
    for (size_t i = 0; i + 1 < items.size(); ++i) CHECK(items[i].rfind("E:", 0) == 0);
  }
}

TEST_CASE("json-rpc: errors for every malformed message, results for the rest") {
  std::vector<std::string> sent;
  Dispatcher d([&](const std::string& body) { sent.push_back(body); });
  d.on_request("echo", [](const Json& p) { return p; });
  d.on_request("fail", [](const Json&) -> Json { throw RpcError(kRequestFailed, "no"); });
  d.on_request("throws", [](const Json& p) -> Json { return p.at("missing"); });
  d.on_request("crash", [](const Json&) -> Json { throw std::runtime_error("boom"); });
  int notified = 0;
  d.on_notification("note", [&](const Json&) { ++notified; });

  struct Case {
    std::string in;
    std::string out;  // "" when nothing is sent
  };
  std::vector<Case> cases = {
      {R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"x":1}})", R"({"id":1,"jsonrpc":"2.0","result":{"x":1}})"},
      {R"({"jsonrpc":"2.0","id":"a","method":"echo"})", R"({"id":"a","jsonrpc":"2.0","result":null})"},
      {R"({"jsonrpc":"2.0","id":2,"method":"nope"})",
       R"({"error":{"code":-32601,"message":"unknown method `nope`"},"id":2,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","id":3,"method":"fail"})", R"({"error":{"code":-32803,"message":"no"},"id":3,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","id":5,"method":"crash"})",
       R"({"error":{"code":-32603,"message":"internal error: boom"},"id":5,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","id":4,"method":"echo","params":3})",
       R"({"error":{"code":-32600,"message":"`params` must be an object or an array"},"id":4,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0", "id": 1, "method": )",
       R"({"error":{"code":-32700,"message":"the message is not valid JSON"},"id":null,"jsonrpc":"2.0"})"},
      {R"([1,2])", R"({"error":{"code":-32600,"message":"batches are not supported"},"id":null,"jsonrpc":"2.0"})"},
      {R"("text")", R"({"error":{"code":-32600,"message":"a message must be a JSON object"},"id":null,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","id":{},"method":"echo"})",
       R"({"error":{"code":-32600,"message":"`id` must be an integer or a string"},"id":null,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"1.0","id":6,"method":"echo"})",
       R"({"error":{"code":-32600,"message":"`jsonrpc` must be \"2.0\""},"id":6,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","id":7,"method":5})",
       R"({"error":{"code":-32600,"message":"`method` must be a string"},"id":7,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","method":"note"})", ""},
      {R"({"jsonrpc":"2.0","method":"unknown/notification"})", ""},
      {R"({"jsonrpc":"2.0","method":"crash"})", ""},  // a notification never gets an answer
      {R"({"jsonrpc":"2.0","id":9,"result":{}})", ""},  // a response to the server: ignored
      // Nesting: the protocol's own messages are shallow; 100,000 levels overflowed the stack.
      {R"({"jsonrpc":"2.0","id":10,"method":"echo","params":)" + std::string(98, '[') + "1" + std::string(98, ']') + "}",
       R"({"id":10,"jsonrpc":"2.0","result":)" + std::string(98, '[') + "1" + std::string(98, ']') + "}"},
      {R"({"jsonrpc":"2.0","id":11,"method":"echo","params":)" + std::string(100000, '[') + "1" +
           std::string(100000, ']') + "}",
       R"({"error":{"code":-32600,"message":"the message is nested more than 100 levels deep"},"id":null,"jsonrpc":"2.0"})"},
      {R"({"jsonrpc":"2.0","id":12,"method":"echo","params":)" + [] {
         std::string deep;
         for (int i = 0; i < 100000; ++i) deep += R"({"a":)";
         return deep + "1" + std::string(100000, '}');
       }() + "}",
       R"({"error":{"code":-32600,"message":"the message is nested more than 100 levels deep"},"id":null,"jsonrpc":"2.0"})"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    sent.clear();
    d.dispatch(c.in);
    if (c.out.empty()) {
      CHECK(sent.empty());
    } else {
      REQUIRE(sent.size() == 1);
      CHECK(sent[0] == c.out);
    }
  }
  CHECK(notified == 1);

  sent.clear();
  d.dispatch(R"({"jsonrpc":"2.0","id":8,"method":"throws","params":{}})");
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].find("\"code\":-32602") != std::string::npos);
}
