#include "engine/app/slice_check.h"

#include <charconv>

#include <fmt/format.h>

#include "engine/base/text.h"
#include "engine/report/sha256.h"

namespace pactum::app {

namespace {

std::optional<size_t> plain_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// An option of `check` that a slice cannot honour: its result depends on every finding of the run.
struct WholeRunOption {
  bool given;
  const char* name;
};

}  // namespace

std::optional<eval::Slice> parse_slice(const std::string& text, std::string* why) {
  auto fail = [&](std::string reason) -> std::optional<eval::Slice> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  size_t slash = text.find('/');
  if (slash == std::string::npos) return fail("write K/N, e.g. 2/4 for the second of four slices");
  auto k = plain_number(std::string_view(text).substr(0, slash));
  auto n = plain_number(std::string_view(text).substr(slash + 1));
  if (!k || !n) return fail("K and N are whole numbers, e.g. 2/4 for the second of four slices");
  if (*n < 1 || *n > kMaxSlices) return fail(fmt::format("N is from 1 to {}", kMaxSlices));
  if (*k < 1 || *k > *n) return fail(fmt::format("K is from 1 to N ({})", *n));
  return eval::Slice{*k, *n};
}

std::optional<eval::Slice> slice_of(const CheckOptions& options, Streams io) {
  std::string why;
  auto slice = parse_slice(*options.slice, &why);
  if (!slice) {
    io.err << fmt::format("pactum: --slice `{}` is not a slice: {}\n", visible_text(*options.slice), why);
    return std::nullopt;
  }
  bool json_only = options.format == report::Format::Json;
  for (const auto& e : options.outputs) json_only = json_only && e.format == report::Format::Json;
  if (!json_only) {
    io.err << "pactum: --slice writes a part of a report, in JSON only (--format json); put the parts together "
              "with `pactum merge PART.json...`, which writes the whole run's JSON report (docs/sliced-runs.md)\n";
    return std::nullopt;
  }
  const WholeRunOption whole[] = {{options.waivers.has_value(), "--waivers"},
                                  {options.baseline.has_value(), "--baseline"},
                                  {options.write_baseline.has_value(), "--write-baseline"},
                                  {options.strict_baseline, "--strict-baseline"}};
  for (const auto& o : whole) {
    if (!o.given) continue;
    io.err << fmt::format(
        "pactum: --slice cannot be combined with {}: it works on the findings of the whole run, "
        "which no slice has; run the check without --slice for it (docs/sliced-runs.md)\n",
        o.name);
    return std::nullopt;
  }
  return slice;
}

std::string run_fingerprint(const CheckOptions& options, const Session& s) {
  std::string text;
  auto add = [&](std::string_view piece) {  // length-prefixed: no two different runs read alike
    text += std::to_string(piece.size());
    text += ':';
    text += piece;
  };
  add("pactum sliced check 1");
  add(options.agreement);
  add(s.sources.text(s.ast.file).value_or(""));
  add(std::to_string(options.logs.size()));
  for (const auto& log : options.logs) add(log);
  add(options.as_of.value_or(""));
  add(options.due_within.value_or(""));
  for (const auto* values :
       {&options.filter.parties, &options.filter.terms, &options.filter.clauses, &options.filter.severities}) {
    add(std::to_string(values->size()));
    for (const auto& v : *values) add(v);
  }
  std::string hex;
  for (uint8_t byte : report::sha256(text)) hex += fmt::format("{:02x}", byte);
  return hex;
}

}  // namespace pactum::app
