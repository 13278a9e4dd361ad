#include "engine/lsp/server.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <vector>

#include "engine/log/loader.h"

namespace pactum::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Json capabilities() {
  return {{"positionEncoding", "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", 1}}},  // full text on each change
          {"hoverProvider", true},
          {"completionProvider", {{"triggerCharacters", Json::array()}}},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
          {"documentSymbolProvider", true},
          {"definitionProvider", true},
          {"referencesProvider", true},
          {"documentFormattingProvider", true}};
}

}  // namespace

std::string path_of_uri(const std::string& uri) {
  const std::string scheme = "file://";
  if (uri.rfind(scheme, 0) != 0) return "";
  std::string out;
  for (size_t i = scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  // file://host/path: only local files are read.
  if (!out.empty() && out[0] != '/') return "";
  return out;
}

LanguageServer::LanguageServer(std::function<void(const std::string& framed)> send)
    : dispatcher_([send = std::move(send)](const std::string& body) { send(frame(body)); }) {
  register_methods();
}

namespace {

// The document a `textDocument/didChange` body is about, or "" for any other message.
std::string changed_document(const std::string& body) {
  if (body.find("\"textDocument/didChange\"") == std::string::npos) return "";
  Json j = Json::parse(body, nullptr, false);
  if (!j.is_object() || j.value("method", "") != "textDocument/didChange" || j.contains("id")) return "";
  const Json* doc = j.contains("params") && j["params"].is_object() && j["params"].contains("textDocument")
                        ? &j["params"]["textDocument"]
                        : nullptr;
  return doc && doc->is_object() && doc->contains("uri") && (*doc)["uri"].is_string() ? (*doc)["uri"].get<std::string>()
                                                                                   : "";
}

}  // namespace

void LanguageServer::receive(std::string_view bytes) {
  reader_.feed(bytes);
  std::vector<MessageReader::Item> batch;
  while (auto item = reader_.next()) batch.push_back(std::move(*item));
  // Fast typing queues changes faster than they are analysed. With full synchronisation a change
  // followed at once by another change of the same document is superseded by it: only the last
  // of such a run is analysed and published (a request in between still sees its version).
  std::vector<std::string> changed(batch.size());
  for (size_t i = 0; i < batch.size(); ++i)
    if (batch[i].kind == MessageReader::Item::Kind::Body) changed[i] = changed_document(batch[i].text);
  for (size_t i = 0; i < batch.size() && !exited_; ++i) {
    if (batch[i].kind == MessageReader::Item::Kind::Error) {
      dispatcher_.send_error(nullptr, kParseError, batch[i].text);
      continue;
    }
    if (!changed[i].empty() && i + 1 < batch.size() && changed[i + 1] == changed[i]) continue;
    handle(batch[i].text);
  }
}

void LanguageServer::handle(std::string_view body) { dispatcher_.dispatch(body); }

const Analysis& LanguageServer::document(const Json& params) const {
  std::string uri = string_member(member(params, "textDocument", "textDocument"), "uri", "textDocument.uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw RpcError(kInvalidParams, "the document " + uri + " is not open");
  return *it->second;
}

Position LanguageServer::position(const Json& params) const {
  return position_from_json(member(params, "position", "position"), "position");
}

void LanguageServer::open(const std::string& uri, std::string text, int64_t version) {
  auto analysis = std::make_unique<Analysis>(uri, std::move(text), version);
  Json params = {{"uri", uri}, {"version", version}, {"diagnostics", diagnostics(*analysis)}};
  documents_[uri] = std::move(analysis);
  dispatcher_.notify("textDocument/publishDiagnostics", std::move(params));
}

// Settings: {"logs": ["examples/acme-2026.yaml", ...]} (paths relative to the workspace folder).
// The logs are read once here; completion offers their event types and attribute names.
void LanguageServer::configure(const Json& settings) {
  if (!settings.is_object() || !settings.contains("logs")) return;
  const Json& logs = settings["logs"];
  if (!logs.is_array()) return;
  LogVocabulary vocabulary;
  for (const auto& entry : logs) {
    if (!entry.is_string()) continue;
    std::string path = entry.get<std::string>();
    if (path.empty() || path == "-") continue;  // standard input is the protocol's
    if (path[0] != '/' && !root_.empty()) path = root_ + "/" + path;
    SourceManager sources;
    log::EventLog events;
    Diagnostics diags(1000);
    log::LoadOptions options;
    options.check_parties = false;
    log::load_log(path, sources, events, diags, options);
    for (const auto& e : events.events) {
      vocabulary.event_types.insert(std::string(events.symbols.text(e.type)));
      for (uint32_t i = e.attr_begin; i < e.attr_begin + e.attr_count; ++i)
        vocabulary.attributes.insert(std::string(events.symbols.text(events.attributes[i].key)));
    }
  }
  logs_ = std::move(vocabulary);
}

void LanguageServer::register_methods() {
  auto& d = dispatcher_;
  d.set_gate([this](const std::string& method, bool is_request) -> std::optional<RpcError> {
    if (method == "exit") return std::nullopt;
    if (shutdown_) return RpcError(kInvalidRequest, "the server is shutting down");
    if (!initialized_ && method != "initialize") {
      if (is_request) return RpcError(kServerNotInitialized, "the server is not initialized yet");
      return RpcError(kServerNotInitialized, "");  // notifications are dropped
    }
    if (initialized_ && method == "initialize") return RpcError(kInvalidRequest, "the server is already initialized");
    return std::nullopt;
  });

  d.on_request("initialize", [this](const Json& params) {
    if (params.is_object()) {
      if (params.contains("rootUri") && params["rootUri"].is_string()) root_ = path_of_uri(params["rootUri"]);
      if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
          !params["workspaceFolders"].empty()) {
        const Json& first = params["workspaceFolders"][0];
        if (first.is_object() && first.contains("uri") && first["uri"].is_string()) root_ = path_of_uri(first["uri"]);
      }
      if (params.contains("initializationOptions")) configure(params["initializationOptions"]);
    }
    initialized_ = true;
    return Json{{"capabilities", capabilities()}, {"serverInfo", {{"name", "pactum"}}}};
  });
  d.on_notification("initialized", [](const Json&) {});
  d.on_request("shutdown", [this](const Json&) {
    shutdown_ = true;
    return Json(nullptr);
  });
  d.on_notification("exit", [this](const Json&) { exited_ = true; });
  d.on_notification("workspace/didChangeConfiguration", [this](const Json& params) {
    if (params.is_object() && params.contains("settings") && params["settings"].is_object() &&
        params["settings"].contains("pactum"))
      configure(params["settings"]["pactum"]);
  });

  d.on_notification("textDocument/didOpen", [this](const Json& params) {
    const Json& doc = member(params, "textDocument", "textDocument");
    int64_t version = doc.contains("version") && doc["version"].is_number_integer() ? doc["version"].get<int64_t>() : 0;
    open(string_member(doc, "uri", "textDocument.uri"), string_member(doc, "text", "textDocument.text"), version);
  });
  d.on_notification("textDocument/didChange", [this](const Json& params) {
    const Json& doc = member(params, "textDocument", "textDocument");
    std::string uri = string_member(doc, "uri", "textDocument.uri");
    int64_t version = doc.contains("version") && doc["version"].is_number_integer() ? doc["version"].get<int64_t>() : 0;
    const Json& changes = member(params, "contentChanges", "contentChanges");
    if (!changes.is_array() || changes.empty()) return;
    // Full synchronisation: the last change holds the whole text.
    open(uri, string_member(changes.back(), "text", "contentChanges[].text"), version);
  });
  d.on_notification("textDocument/didClose", [this](const Json& params) {
    std::string uri = string_member(member(params, "textDocument", "textDocument"), "uri", "textDocument.uri");
    documents_.erase(uri);
    dispatcher_.notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
  });
  d.on_notification("textDocument/didSave", [](const Json&) {});

  // The document is looked up before the position is read (C++ leaves the order of arguments
  // open, and the error a client gets must not depend on the compiler).
  d.on_request("textDocument/hover", [this](const Json& p) {
    const Analysis& doc = document(p);
    return hover(doc, position(p));
  });
  d.on_request("textDocument/completion", [this](const Json& p) {
    const Analysis& doc = document(p);
    return completion(doc, position(p), logs_);
  });
  d.on_request("textDocument/formatting", [this](const Json& p) { return formatting(document(p)); });
  d.on_request("textDocument/documentSymbol", [this](const Json& p) { return document_symbols(document(p)); });
  d.on_request("textDocument/definition", [this](const Json& p) {
    const Analysis& doc = document(p);
    return definition(doc, position(p));
  });
  d.on_request("textDocument/references", [this](const Json& p) {
    bool declaration = false;
    if (p.contains("context") && p["context"].is_object() && p["context"].contains("includeDeclaration"))
      declaration = p["context"]["includeDeclaration"].is_boolean() && p["context"]["includeDeclaration"].get<bool>();
    const Analysis& doc = document(p);
    return references(doc, position(p), declaration);
  });
  d.on_request("textDocument/codeAction", [this](const Json& p) {
    const Analysis& doc = document(p);
    const Json& range = member(p, "range", "range");
    Position start = position_from_json(member(range, "start", "range.start"), "range.start");
    return code_actions(doc, start, position_from_json(member(range, "end", "range.end"), "range.end"));
  });
}

int serve(int in_fd, int out_fd) {
  // A client that goes away must not kill the server with SIGPIPE mid-write.
  std::signal(SIGPIPE, SIG_IGN);
  bool output_ok = true;
  LanguageServer server([&](const std::string& framed) {
    size_t done = 0;
    while (output_ok && done < framed.size()) {
      ssize_t n = ::write(out_fd, framed.data() + done, framed.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) output_ok = false;
      else done += static_cast<size_t>(n);
    }
  });
  char buffer[65536];
  while (!server.exited() && output_ok) {
    ssize_t n = ::read(in_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the client closed the stream
    server.receive(std::string_view(buffer, static_cast<size_t>(n)));
  }
  return server.exit_code();
}

}  // namespace pactum::lsp
