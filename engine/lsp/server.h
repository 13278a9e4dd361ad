// The pactum language server: LSP's lifecycle and text synchronisation, the open documents, the
// workspace's logs, and the binding of each method to its feature (features.h). Bytes in, bytes
// out: the transport (stdio, a test, a fuzzer) feeds it and drains what it sends.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "engine/lsp/features.h"
#include "engine/lsp/framing.h"
#include "engine/lsp/json_rpc.h"

namespace pactum::lsp {

class LanguageServer {
 public:
  // `send` receives each outgoing message, framed.
  explicit LanguageServer(std::function<void(const std::string& framed)> send);

  // Feeds bytes from the client; handles every complete message in them.
  void receive(std::string_view bytes);
  // Handles one message body (no framing).
  void handle(std::string_view body);

  bool exited() const { return exited_; }
  // The exit status LSP asks for: 0 after `shutdown` then `exit`, 1 otherwise.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  void register_methods();
  const Analysis& document(const Json& params) const;
  void open(const std::string& uri, std::string text, int64_t version);
  void configure(const Json& settings);
  Position position(const Json& params) const;

  Dispatcher dispatcher_;
  MessageReader reader_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  std::string root_;  // the workspace folder (a path), for relative log paths
  std::map<std::string, std::unique_ptr<Analysis>> documents_;  // by URI
  LogVocabulary logs_;
};

// Runs the server on file descriptors (standard input and output) until `exit` or end of input;
// returns the exit status.
int serve(int in_fd, int out_fd);

// file:///a%20b/c.terms -> /a b/c.terms ("" when the URI is not a file URI).
std::string path_of_uri(const std::string& uri);

}  // namespace pactum::lsp
