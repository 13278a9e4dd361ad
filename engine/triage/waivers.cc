#include "engine/triage/waivers.h"

#include <set>

#include <fmt/format.h>

#include "engine/log/yaml_tree.h"

namespace pactum::triage {

namespace {

using log::YamlNode;

const std::vector<std::string>& entry_keys() {
  static const std::vector<std::string> keys = {"id", "block", "rule", "event", "window",
                                                "owner", "reason", "until", "approved_by"};
  return keys;
}

class Reader {
 public:
  Reader(uint32_t file, const model::Agreement& agreement, const date::time_zone* zone, Diagnostics& errors)
      : file_(file), agreement_(agreement), zone_(zone), errors_(errors) {}

  std::optional<WaiverFile> read(const std::string& text) {
    log::YamlError yaml_error;
    auto root = log::parse_yaml_tree(text, yaml_error);
    if (!root) {
      error(yaml_error.line, yaml_error.column, yaml_error.message);
      return std::nullopt;
    }
    WaiverFile out;
    out.file = file_;
    if (root->is_null()) return out;  // an empty file waives nothing
    if (root->kind != YamlNode::Kind::Mapping) {
      error(*root, "a waiver file is a mapping with a `waivers:` list", {"start the file with `waivers:`"});
      return std::nullopt;
    }
    for (size_t i = 0; i < root->keys.size(); ++i) {
      const YamlNode& key = root->keys[i];
      const YamlNode& value = root->values[i];
      if (key.scalar != "waivers") {
        unknown_key(key, {"waivers"});
        continue;
      }
      if (value.is_null()) continue;
      if (value.kind != YamlNode::Kind::Sequence) {
        error(value, "`waivers` must be a list of waivers (`- id: ...`)");
        continue;
      }
      for (const auto& item : value.items)
        if (auto w = waiver(item)) out.waivers.push_back(std::move(*w));
    }
    if (failed_) return std::nullopt;
    return out;
  }

 private:
  void error(uint32_t line, uint32_t column, std::string message, std::vector<std::string> notes = {}) {
    failed_ = true;
    errors_.error(SourceLoc{file_, line, column}, std::move(message), std::move(notes));
  }
  void error(const YamlNode& at, std::string message, std::vector<std::string> notes = {}) {
    error(at.line, at.column, std::move(message), std::move(notes));
  }
  void unknown_key(const YamlNode& key, const std::vector<std::string>& known) {
    std::vector<std::string> notes;
    std::string near = closest_match(key.scalar, known);
    if (!near.empty()) notes.push_back(fmt::format("did you mean `{}`?", near));
    notes.push_back(fmt::format("known keys: {}", fmt::join(known, ", ")));
    error(key, fmt::format("unknown key `{}`", key.scalar), notes);
  }

  // A text value: a scalar that is not null.
  std::optional<std::string> text_of(const YamlNode& key, const YamlNode& value) {
    if (value.kind != YamlNode::Kind::Scalar || value.is_null() || value.scalar.empty()) {
      error(value.kind == YamlNode::Kind::Scalar ? value : key, fmt::format("`{}` needs a value", key.scalar));
      return std::nullopt;
    }
    return value.scalar;
  }

  std::optional<Waiver> waiver(const YamlNode& item) {
    if (item.kind != YamlNode::Kind::Mapping) {
      error(item, "each waiver is a mapping (`- id: ...` with `owner`, `reason` and `until`)");
      return std::nullopt;
    }
    Waiver w;
    w.loc = SourceLoc{file_, item.line, item.column};
    bool ok = true;
    for (size_t i = 0; i < item.keys.size(); ++i) {
      const YamlNode& key = item.keys[i];
      const YamlNode& value = item.values[i];
      const std::string& k = key.scalar;
      if (std::find(entry_keys().begin(), entry_keys().end(), k) == entry_keys().end()) {
        unknown_key(key, entry_keys());
        ok = false;
        continue;
      }
      auto v = text_of(key, value);
      if (!v) {
        ok = false;
        continue;
      }
      if (k == "id") w.id = *v;
      else if (k == "block") w.block = *v;
      else if (k == "event") w.event = *v;
      else if (k == "owner") w.owner = *v;
      else if (k == "reason") w.reason = *v;
      else if (k == "approved_by") w.approved_by = *v;
      else if (k == "rule") ok = rule(value, w) && ok;
      else if (k == "window") ok = window(value, w) && ok;
      else if (k == "until") ok = until(value, w) && ok;
    }
    if (!ok) return std::nullopt;
    // What it matches.
    if (!w.id && !w.event && !w.window) {
      error(item, "this waiver matches no finding: give `id`, or `block` with `event` or `window`",
            {"the finding's id is in the JSON report (`\"id\"`)"});
      return std::nullopt;
    }
    if ((w.event || w.window || w.rule) && !w.block && !w.id) {
      error(item, "`event`, `window` and `rule` need the `block` they belong to");
      return std::nullopt;
    }
    if (w.block && !has_block(*w.block, item)) return std::nullopt;
    if (w.rule && w.block && !has_rule(*w.block, *w.rule, item)) return std::nullopt;
    // Why it exists.
    for (const char* required : {"owner", "reason", "until"})
      if (!item.find(required)) {
        error(item, fmt::format("this waiver has no `{}`", required),
              {"every waiver says who owns the exception (`owner`), why (`reason`) and until when (`until`)"});
        return std::nullopt;
      }
    return w;
  }

  bool rule(const YamlNode& value, Waiver& w) {
    int64_t n = 0;
    for (char c : value.scalar) {
      if (c < '0' || c > '9' || n > 1000000) {
        error(value, fmt::format("`rule` is the rule's number in its block (1, 2, ...), not `{}`", value.scalar));
        return false;
      }
      n = n * 10 + (c - '0');
    }
    if (n < 1) {
      error(value, "`rule` counts from 1");
      return false;
    }
    w.rule = n;
    return true;
  }

  bool window(const YamlNode& value, Waiver& w) {
    std::string why;
    auto parsed = parse_timestamp(value.scalar, &why);
    if (!parsed) {
      error(value, fmt::format("`window` is the window's start date (YYYY-MM-DD) or date-time, not `{}`: {}",
                               value.scalar, why));
      return false;
    }
    auto r = resolve(*parsed, zone_);
    if (r.status == LocalResolution::Nonexistent && !parsed->date_only) {  // a date: its first instant
      error(value, fmt::format("`{}` does not exist in {} (a daylight-saving gap)", value.scalar, zone_->name()));
      return false;
    }
    w.window = r.instant;
    w.window_text = value.scalar;
    return true;
  }

  bool until(const YamlNode& value, Waiver& w) {
    auto day = parse_date(value.scalar);
    if (!day) {
      error(value, fmt::format("`until` is a date (YYYY-MM-DD), not `{}`", value.scalar),
            {"a waiver is in force to the end of that day, in the agreement's time zone"});
      return false;
    }
    w.until_text = value.scalar;
    w.until_end = start_of_local_day(date::local_days{*day} + date::days{1}, zone_);
    return true;
  }

  bool has_block(const std::string& name, const YamlNode& at) {
    std::vector<std::string> names;
    for (const auto& b : agreement_.blocks) {
      if (b.name == name) return true;
      names.push_back(b.name);
    }
    std::vector<std::string> notes;
    std::string near = closest_match(name, names);
    if (!near.empty()) notes.push_back(fmt::format("did you mean \"{}\"?", near));
    error(at, fmt::format("the agreement has no term or expectation \"{}\"", name), notes);
    return false;
  }

  bool has_rule(const std::string& block, int64_t rule, const YamlNode& at) {
    for (const auto& b : agreement_.blocks)
      if (b.name == block && rule > static_cast<int64_t>(b.rules.size())) {
        error(at, fmt::format("\"{}\" has {} rule{}, not {}", block, b.rules.size(), b.rules.size() == 1 ? "" : "s", rule));
        return false;
      }
    return true;
  }

  uint32_t file_;
  const model::Agreement& agreement_;
  const date::time_zone* zone_;
  Diagnostics& errors_;
  bool failed_ = false;
};

}  // namespace

std::optional<WaiverFile> read_waivers(uint32_t file, const std::string& text, const model::Agreement& agreement,
                                       const date::time_zone* zone, Diagnostics& errors) {
  return Reader(file, agreement, zone, errors).read(text);
}

}  // namespace pactum::triage
