#include "engine/triage/baseline.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/report/finding_id.h"

namespace pactum::triage {

namespace {

// 1-based line and column of byte `offset` (nlohmann reports byte positions).
std::pair<uint32_t, uint32_t> place(const std::string& text, size_t offset) {
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

bool is_id(const std::string& s) {
  return !s.empty() && s.size() <= 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::optional<Baseline> read_baseline(uint32_t file, const std::string& text, Diagnostics& errors) {
  auto fail = [&](uint32_t line, uint32_t column, std::string message, std::vector<std::string> notes = {}) {
    errors.error(SourceLoc{file, line, column}, std::move(message), std::move(notes));
    return std::nullopt;
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, column] = place(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    auto at = what.find("syntax error");
    return fail(line, column, "malformed baseline (JSON): " + (at == std::string::npos ? what : what.substr(at)),
                {"write it with `pactum check ... --write-baseline FILE`"});
  }
  if (!doc.is_object() || !doc.contains("pactum_baseline") || !doc.contains("findings") || !doc["findings"].is_array())
    return fail(1, 1, "not a pactum baseline: expected {\"pactum_baseline\": 1, \"findings\": [...]}",
                {"write one with `pactum check ... --write-baseline FILE`"});
  if (doc["pactum_baseline"] != 1)
    return fail(1, 1, fmt::format("baseline version {} is not one this pactum reads (1)", doc["pactum_baseline"].dump()));
  Baseline out;
  out.file = file;
  // Entries are written one per line; report a bad one at its line when it can be found. The
  // search moves forward only and looks a bounded way ahead, and lines are counted from where the
  // last entry was found: linear in the file (40,000 entries took 57 s when each entry searched
  // and counted from the start).
  constexpr size_t kLookAhead = 64 << 10;
  size_t search_from = 0, counted_to = 0;
  uint32_t line = 1;
  std::string_view all(text);
  for (const auto& item : doc["findings"]) {
    BaselineEntry e;
    std::string id = item.is_object() && item.contains("id") && item["id"].is_string() ? item["id"].get<std::string>() : "";
    size_t at = std::string::npos;
    if (!id.empty() && search_from < all.size()) {
      size_t found = all.substr(search_from, kLookAhead).find("\"" + id + "\"");
      if (found != std::string_view::npos) at = search_from + found;
    }
    if (at != std::string::npos) search_from = at;
    for (; counted_to < search_from; ++counted_to) line += text[counted_to] == '\n';
    e.line = line;
    if (!is_id(id))
      return fail(e.line, 1, "a baseline entry needs its finding's `id` (hex digits, as in the JSON report)");
    e.id = id;
    auto text_of = [&](const char* key) {
      return item.contains(key) && item[key].is_string() ? item[key].get<std::string>() : std::string();
    };
    e.block = text_of("block");
    e.reason = text_of("reason");
    e.at = text_of("at");
    if (item.contains("rule") && item["rule"].is_number_integer()) e.rule = item["rule"].get<int64_t>();
    out.entries.push_back(std::move(e));
  }
  return out;
}

std::string write_baseline(const std::string& agreement, const std::vector<eval::Finding>& findings,
                           const log::EventLog& log, const date::time_zone* zone) {
  struct Row {
    std::string id;
    std::string line;
  };
  std::vector<Row> rows;
  for (const auto& f : findings) {
    nlohmann::ordered_json j;
    j["id"] = report::finding_id(log, f);
    j["block"] = f.block->name;
    j["rule"] = f.rule->number;
    j["reason"] = f.reason;
    j["at"] = format_instant(f.at, zone);
    rows.push_back({j["id"].get<std::string>(), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
  rows.erase(std::unique(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id == b.id; }), rows.end());
  std::string out = "{\"pactum_baseline\": 1,\n \"agreement\": " +
                    nlohmann::json(agreement).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                    ",\n \"findings\": [";
  for (size_t i = 0; i < rows.size(); ++i) out += (i ? ",\n  " : "\n  ") + rows[i].line;
  out += rows.empty() ? "]}\n" : "\n ]}\n";
  return out;
}

}  // namespace pactum::triage
