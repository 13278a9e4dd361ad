// Helpers for the log loader tests: load YAML text through either backend and print the result
// (events and rendered diagnostics) as text, so a failing comparison shows what differed.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "engine/base/diagnostics.h"
#include "engine/base/source.h"
#include "engine/log/loader.h"

namespace pactum::log::testing {

inline LoadOptions test_options(Backend backend = Backend::Libyaml) {
  LoadOptions o;
  o.backend = backend;
  o.default_zone = find_zone("America/New_York");
  o.parties = {"Acme", "Northwind"};
  o.agreement_name = "Case";
  return o;
}

inline std::string value_text(const EventLog& log, const Value& v) {
  switch (v.kind) {
    case Value::Kind::String:
      return fmt::format("s:{}", log.symbols.text(v.text));
    case Value::Kind::Number:
      return fmt::format("n:{}", v.number);
    case Value::Kind::Bool:
      return v.boolean ? "b:true" : "b:false";
    case Value::Kind::List: {
      std::string out = "[";
      for (uint32_t i = 0; i < v.list_size; ++i) {
        if (i) out += ",";
        out += value_text(log, log.list_items[v.list_begin + i]);
      }
      return out + "]";
    }
  }
  return "?";
}

// One line per event: `index@line:col at type by=.. id=.. {key=value ...}` (times in UTC).
inline std::string dump_events(const EventLog& log) {
  static const date::time_zone* utc = find_zone("UTC");
  std::string out;
  for (const Event& e : log.events) {
    out += fmt::format("{}@{}:{} #{} {} {}", e.index, e.line, e.column, e.order, format_instant(e.at, utc),
                       log.symbols.text(e.type));
    if (e.by != kNoSymbol) out += fmt::format(" by={}", log.symbols.text(e.by));
    if (e.id != kNoSymbol) out += fmt::format(" id={}", log.symbols.text(e.id));
    for (uint32_t i = e.attr_begin; i < e.attr_begin + e.attr_count; ++i)
      out += fmt::format(" {}={}", log.symbols.text(log.attributes[i].key), value_text(log, log.attributes[i].value));
    out += "\n";
  }
  return out;
}

struct Loaded {
  bool ok = false;
  std::string events;       // dump_events
  std::string diagnostics;  // rendered, in report order
  Diagnostics diags;
  EventLog log;
};

inline std::filesystem::path scratch_dir() {
  auto dir = std::filesystem::temp_directory_path() / fmt::format("pactum-log-test-{}", ::getpid());
  std::filesystem::create_directories(dir);
  return dir;
}

inline Loaded load_file(const std::string& path, const LoadOptions& options) {
  Loaded out;
  SourceManager sources;
  out.ok = load_log(path, sources, out.log, out.diags, options);
  out.events = dump_events(out.log);
  out.diags.sort();
  for (const auto& d : out.diags.items()) out.diagnostics += render_diagnostic(d, sources);
  return out;
}

// Writes `text` to <scratch>/log.yaml and loads it (the name shows in diagnostics).
inline Loaded load_text(const std::string& text, const LoadOptions& options) {
  auto path = scratch_dir() / "log.yaml";
  {
    std::ofstream f(path, std::ios::binary);
    f << text;
  }
  Loaded out = load_file(path.string(), options);
  // Show the name only, so expectations do not depend on the temp directory.
  std::string full = path.string();
  for (size_t at; (at = out.diagnostics.find(full)) != std::string::npos;)
    out.diagnostics.replace(at, full.size(), "log.yaml");
  return out;
}

inline Loaded load_text(const std::string& text, Backend backend = Backend::Libyaml) {
  return load_text(text, test_options(backend));
}

}  // namespace pactum::log::testing
