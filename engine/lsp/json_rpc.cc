#include "engine/lsp/json_rpc.h"

#include <new>

namespace pactum::lsp {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

void Dispatcher::respond(const Json& id, Json result) {
  Json response = {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
  send_(dump(response));
}

void Dispatcher::send_error(const Json& id, int code, const std::string& message) {
  Json response = {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
  send_(dump(response));
}

void Dispatcher::notify(const std::string& method, Json params) {
  Json message = {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
  send_(dump(message));
}

// No message of the protocol nests deeper than a dozen levels; a document nested 100,000 deep
// (half a megabyte) overflowed the stack on its way through the handlers: refused as it is read.
constexpr int kMaxDepth = 100;

void Dispatcher::dispatch(std::string_view body) {
  bool too_deep = false;
  auto limit_depth = [&](int depth, Json::parse_event_t, Json&) {
    if (depth > kMaxDepth) too_deep = true;
    return !too_deep;
  };
  Json message = Json::parse(body, limit_depth, /*allow_exceptions=*/false);
  if (too_deep) {
    return send_error(nullptr, kInvalidRequest,
                      "the message is nested more than " + std::to_string(kMaxDepth) + " levels deep");
  }
  if (message.is_discarded()) return send_error(nullptr, kParseError, "the message is not valid JSON");
  if (!message.is_object()) {
    return send_error(nullptr, kInvalidRequest,
                      message.is_array() ? "batches are not supported" : "a message must be a JSON object");
  }
  // A request's id is a number or a string; anything else cannot be answered by id.
  Json id = nullptr;
  bool has_id = message.contains("id");
  if (has_id) {
    const Json& raw = message["id"];
    if (!raw.is_number_integer() && !raw.is_string()) {
      return send_error(nullptr, kInvalidRequest, "`id` must be an integer or a string");
    }
    id = raw;
  }
  auto jsonrpc = message.find("jsonrpc");
  if (jsonrpc == message.end() || *jsonrpc != "2.0") {
    if (has_id) send_error(id, kInvalidRequest, "`jsonrpc` must be \"2.0\"");
    return;
  }
  auto method_it = message.find("method");
  if (method_it == message.end()) return;  // a response to a request of ours: none is sent
  if (!method_it->is_string()) {
    if (has_id) send_error(id, kInvalidRequest, "`method` must be a string");
    return;
  }
  std::string method = *method_it;
  Json params = message.contains("params") ? message["params"] : Json(nullptr);
  if (!params.is_null() && !params.is_object() && !params.is_array()) {
    if (has_id) send_error(id, kInvalidRequest, "`params` must be an object or an array");
    return;
  }

  if (gate_) {
    if (auto refused = gate_(method, has_id)) {
      if (has_id) send_error(id, refused->code, refused->what());
      return;
    }
  }
  try {
    if (has_id) {
      auto handler = requests_.find(method);
      if (handler == requests_.end()) return send_error(id, kMethodNotFound, "unknown method `" + method + "`");
      Json result = handler->second(params);
      respond(id, std::move(result));
    } else {
      auto handler = notifications_.find(method);
      if (handler != notifications_.end()) handler->second(params);
      // Unknown notifications (`$/...` included) are ignored, as the protocol asks.
    }
  } catch (const RpcError& e) {
    if (has_id) send_error(id, e.code, e.what());
  } catch (const Json::exception& e) {
    // nlohmann's accessors on parameters of the wrong shape.
    if (has_id) send_error(id, kInvalidParams, std::string("invalid parameters: ") + e.what());
  } catch (const std::bad_alloc&) {
    if (has_id) send_error(id, kInternalError, "out of memory");
  } catch (const std::exception& e) {
    if (has_id) send_error(id, kInternalError, std::string("internal error: ") + e.what());
  }
}

const Json& member(const Json& object, const char* key, const char* path) {
  if (!object.is_object()) throw RpcError(kInvalidParams, std::string("`") + path + "` needs an object around it");
  auto it = object.find(key);
  if (it == object.end()) throw RpcError(kInvalidParams, std::string("missing `") + path + "`");
  return *it;
}

std::string string_member(const Json& object, const char* key, const char* path) {
  const Json& j = member(object, key, path);
  if (!j.is_string()) throw RpcError(kInvalidParams, std::string("`") + path + "` must be a string");
  return j.get<std::string>();
}

int64_t int_member(const Json& object, const char* key, const char* path) {
  const Json& j = member(object, key, path);
  if (!j.is_number_integer()) throw RpcError(kInvalidParams, std::string("`") + path + "` must be an integer");
  return j.get<int64_t>();
}

}  // namespace pactum::lsp
