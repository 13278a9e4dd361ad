// JSON-RPC 2.0 as LSP uses it: requests (with an id) get exactly one response, notifications
// none. The dispatcher validates each message, routes it by method to a handler and turns every
// failure, a handler's exception included, into an error response: no input crashes the server.
// It knows nothing of LSP's methods; server.cc registers them.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace pactum::lsp {

using Json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
};

// Thrown by handlers (and the parameter helpers below) to answer with an error.
struct RpcError : std::runtime_error {
  int code;
  RpcError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};

// Compact JSON text; invalid UTF-8 in strings is replaced rather than thrown on.
std::string dump(const Json& j);

class Dispatcher {
 public:
  using Send = std::function<void(const std::string& body)>;
  using RequestHandler = std::function<Json(const Json& params)>;
  using NotificationHandler = std::function<void(const Json& params)>;
  // Decides, before any handler runs, whether a message may be handled now (LSP's lifecycle:
  // nothing before `initialize`, no request after `shutdown`); returns the error to answer with.
  using Gate = std::function<std::optional<RpcError>(const std::string& method, bool is_request)>;

  explicit Dispatcher(Send send) : send_(std::move(send)) {}

  void on_request(const std::string& method, RequestHandler handler) { requests_[method] = std::move(handler); }
  void on_notification(const std::string& method, NotificationHandler handler) {
    notifications_[method] = std::move(handler);
  }
  void set_gate(Gate gate) { gate_ = std::move(gate); }

  // Handles one message body; sends the response, if any.
  void dispatch(std::string_view body);
  // An error that is not tied to a request the dispatcher could read (a framing error).
  void send_error(const Json& id, int code, const std::string& message);
  // A server-to-client notification.
  void notify(const std::string& method, Json params);

 private:
  void respond(const Json& id, Json result);

  Send send_;
  Gate gate_;
  std::map<std::string, RequestHandler> requests_;
  std::map<std::string, NotificationHandler> notifications_;
};

// Parameter access for handlers: a missing or mistyped member is an InvalidParams error naming
// the member ("textDocument.uri").
const Json& member(const Json& object, const char* key, const char* path);
std::string string_member(const Json& object, const char* key, const char* path);
int64_t int_member(const Json& object, const char* key, const char* path);

}  // namespace pactum::lsp
