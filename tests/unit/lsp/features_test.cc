// Language features through the server in process: the cases the golden transcripts
// (tests/lsp/transcripts) do not show, such as a rewrite that holds a backticked name.
#include <catch2/catch.hpp>

#include "engine/lsp/server.h"

using namespace pactum::lsp;

namespace {

// Sends `messages` (bodies) and returns the bodies the server sent back.
std::vector<Json> exchange(const std::vector<Json>& messages) {
  MessageReader replies;
  LanguageServer server([&](const std::string& framed) { replies.feed(framed); });
  for (const auto& m : messages) server.receive(frame(m.dump()));
  std::vector<Json> out;
  while (auto item = replies.next()) out.push_back(Json::parse(item->text));
  return out;
}

Json request(int id, const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

Json open(const std::string& text) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", "file:///t.terms"}, {"version", 1}, {"text", text}}}}}};
}

const Json* reply(const std::vector<Json>& all, int id) {
  for (const auto& j : all)
    if (j.contains("id") && j["id"] == id) return &j;
  return nullptr;
}

}  // namespace

TEST_CASE("code action: a rewrite with a backticked name replaces the whole rule") {
  std::string text =
      "agreement \"A\"\n  effective 2026-01-01 to 2026-12-31\n\nparty Acme\nparty Beta\n\nterm \"T\"\n"
      "  responsible Acme\n  every termination requires termination_notice with same `by` within 2 hours after\n";
  auto all = exchange({request(1, "initialize", Json::object()), open(text),
                       request(2, "textDocument/codeAction",
                               {{"textDocument", {{"uri", "file:///t.terms"}}},
                                {"range", {{"start", {{"line", 8}, {"character", 66}}}, {"end", {{"line", 8}, {"character", 66}}}}},
                                {"context", {{"diagnostics", Json::array()}}}})});
  const Json* actions = reply(all, 2);
  REQUIRE(actions);
  REQUIRE((*actions)["result"].size() >= 1);
  const Json& edit = (*actions)["result"][0]["edit"]["changes"]["file:///t.terms"][0];
  CHECK(edit["newText"] ==
        "every termination requires termination_notice with same `by` within 2 business hours of Acme after");
  CHECK(edit["range"]["start"] == Json({{"line", 8}, {"character", 2}}));
  CHECK(edit["range"]["end"] == Json({{"line", 8}, {"character", 83}}));
}

TEST_CASE("positions in UTF-16: a name after an emoji in a comment and a string") {
  std::string text = "party Acme  # \xF0\x9F\x98\x80\nterm \"\xF0\x9F\x98\x80\" every a by Acmee requires b before\n";
  auto all = exchange({request(1, "initialize", Json::object()), open(text)});
  const Json* published = nullptr;
  for (const auto& j : all)
    if (j.value("method", "") == "textDocument/publishDiagnostics") published = &j;
  REQUIRE(published);
  const Json& d = (*published)["params"]["diagnostics"][0];
  CHECK(d["code"] == "unknown-party");
  // `term "😀" every a by ` is 20 code points and 21 UTF-16 units before `Acmee`.
  CHECK(d["range"]["start"] == Json({{"line", 1}, {"character", 21}}));
  CHECK(d["range"]["end"] == Json({{"line", 1}, {"character", 26}}));
}

TEST_CASE("fast typing: a change followed at once by another change of the same document is not analysed") {
  auto change = [](int version, const std::string& text) {
    return Json{{"jsonrpc", "2.0"},
                {"method", "textDocument/didChange"},
                {"params",
                 {{"textDocument", {{"uri", "file:///t.terms"}, {"version", version}}},
                  {"contentChanges", Json::array({{{"text", text}}})}}}};
  };
  MessageReader replies;
  LanguageServer server([&](const std::string& framed) { replies.feed(framed); });
  std::string burst = frame(request(1, "initialize", Json::object()).dump()) + frame(open("party A").dump()) +
                      frame(change(2, "party A\nparty").dump()) + frame(change(3, "party A\nparty B").dump()) +
                      frame(request(2, "textDocument/documentSymbol", {{"textDocument", {{"uri", "file:///t.terms"}}}}).dump()) +
                      frame(change(4, "party A\nparty B\nparty").dump()) + frame(change(5, "party C").dump());
  server.receive(burst);
  std::vector<std::string> got;
  while (auto item = replies.next()) {
    Json j = Json::parse(item->text);
    if (j.value("method", "") == "textDocument/publishDiagnostics")
      got.push_back("diagnostics v" + std::to_string(j["params"]["version"].get<int>()));
    else if (j.contains("id") && j["id"] == 2)
      got.push_back("symbols " + std::to_string(j["result"].size()));
  }
  // v2 and v4 are superseded; the outline request sees v3 (two parties).
  std::vector<std::string> expected = {"diagnostics v1", "diagnostics v3", "symbols 2", "diagnostics v5"};
  CHECK(got == expected);
}

namespace {

Json published_diagnostics(const std::vector<Json>& all) {
  for (const auto& j : all)
    if (j.value("method", "") == "textDocument/publishDiagnostics") return j["params"]["diagnostics"];
  return nullptr;
}

}  // namespace

TEST_CASE("diagnostics quote the editor's text in every error, not only the first (it is its writer's own)") {
  // On the command line a file with errors shows one line of itself (docs/security.md); the
  // editor's document is the text its writer is typing, and "found `…`" would hide the mistake.
  std::string text = "party Acme\nterm \"T\" every a by Acmme requires b befor 2 hours\nterm \"U\" every c requires d aftr 1 hour\n";
  auto all = exchange({request(1, "initialize", Json::object()), open(text)});
  Json diagnostics = published_diagnostics(all);
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0]["message"].get<std::string>().find("found `befor`") != std::string::npos);
  CHECK(diagnostics[1]["message"].get<std::string>().find("found `aftr`") != std::string::npos);
  CHECK(diagnostics[1]["message"].get<std::string>().find("`…`") == std::string::npos);
}

TEST_CASE("a document larger than an agreement may be is not analysed: one error says so") {
  std::string text = "party Acme\n" + std::string(pactum::kMaxAgreementBytes, '#') + "\n";
  auto all = exchange({request(1, "initialize", Json::object()), open(text),
                       request(2, "textDocument/completion",
                               {{"textDocument", {{"uri", "file:///t.terms"}}}, {"position", {{"line", 0}, {"character", 0}}}}),
                       request(3, "textDocument/formatting", {{"textDocument", {{"uri", "file:///t.terms"}}}, {"options", Json::object()}}),
                       request(4, "textDocument/hover",
                               {{"textDocument", {{"uri", "file:///t.terms"}}}, {"position", {{"line", 0}, {"character", 1}}}})});
  Json diagnostics = published_diagnostics(all);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0]["message"] == "this agreement is larger than 2 MiB (the limit); pactum does not read it");
  CHECK(diagnostics[0]["range"]["start"] == Json({{"line", 0}, {"character", 0}}));
  REQUIRE(reply(all, 2));
  CHECK((*reply(all, 2))["result"]["items"].empty());
  REQUIRE(reply(all, 3));
  CHECK((*reply(all, 3))["error"]["code"] == kRequestFailed);
  REQUIRE(reply(all, 4));
  CHECK((*reply(all, 4))["result"].is_null());
}

TEST_CASE("code action: \"did you mean\" on a later syntax error replaces the word with the keyword") {
  // With the command line's one-line disclosure the note would read "did you mean `…`?".
  std::string text = "party A\nterm \"t\"\n  every x by A requires y befor\nterm \"u\"\n  no z durng business hours of A\n";
  auto all = exchange({request(1, "initialize", Json::object()), open(text),
                       request(2, "textDocument/codeAction",
                               {{"textDocument", {{"uri", "file:///t.terms"}}},
                                {"range", {{"start", {{"line", 4}, {"character", 7}}}, {"end", {{"line", 4}, {"character", 7}}}}},
                                {"context", {{"diagnostics", Json::array()}}}})});
  const Json* actions = reply(all, 2);
  REQUIRE(actions);
  REQUIRE((*actions)["result"].size() == 1);
  CHECK((*actions)["result"][0]["title"] == "Change to during");
  const Json& edit = (*actions)["result"][0]["edit"]["changes"]["file:///t.terms"][0];
  CHECK(edit["newText"] == "during");
  CHECK(edit["range"]["start"] == Json({{"line", 4}, {"character", 7}}));
  CHECK(edit["range"]["end"] == Json({{"line", 4}, {"character", 12}}));
}
