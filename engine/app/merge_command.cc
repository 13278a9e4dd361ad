// `pactum merge PART...` (docs/sliced-runs.md): the parts a sliced check wrote (`check --slice
// K/N --format json`, each the slice's JSON report plus a `slice` member, engine/report/
// slice_part.cc) put back together into the JSON report of the whole check, byte for byte.
//
// Why this is exact: a slice evaluates only its own rules, and a rule's findings, pending items
// and never-met entry do not depend on the other rules; everything else in a part (the judged
// interval, the event counts, the agreement's own lint, the obligations) is the whole run's. So
// the merged report takes those from any part, and the per-rule items from every part, re-ordered
// by the keys the whole run sorts them by. Counts per rule (findings, pending, tolerated, per
// party, left out by a filter) are sums; the credits' cap is re-applied to the summed accruals.
//
// Parts are input like any other: each is read with a size limit, parsed with a nesting limit and
// every member the merge uses is type-checked; any problem is an error naming the file (exit 2).
#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/app/commands.h"
#include "engine/app/output_file.h"
#include "engine/base/source.h"
#include "engine/base/text.h"
#include "engine/credits/money.h"
#include "engine/report/json_writer.h"

namespace pactum::app {

namespace {

using nlohmann::ordered_json;

constexpr size_t kMaxPartBytes = size_t{1} << 30;  // 1 GiB: far above the report of 10^7 events
constexpr size_t kMaxDepth = 32;                   // a report nests 6 deep

struct MergeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The order key of a finding or pending item (slice_part.cc): time, block, rule number, first
// event's place in the logs (log::load_position), rule ordinal; for an item due soon
// (--due-within), its deadline first.
using OrderKey = std::tuple<int64_t, int64_t, uint64_t, uint64_t, uint64_t, uint64_t>;

struct Part {
  std::string path;
  ordered_json doc;
  uint64_t k = 0, n = 0;
  std::string run;
};

// Checks on one part's members; every failure names the file and the member.
class Checker {
 public:
  explicit Checker(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw MergeError(fmt::format("`{}` is not a part of a sliced check: {}", visible_text(path_), what));
  }
  const ordered_json& member(const ordered_json& object, const char* key, const char* where) const {
    auto it = object.find(key);
    if (it == object.end()) fail(fmt::format("{} has no `{}`", where, key));
    return *it;
  }
  const ordered_json& object(const ordered_json& parent, const char* key, const char* where) const {
    const auto& v = member(parent, key, where);
    if (!v.is_object()) fail(fmt::format("`{}` of {} is not an object", key, where));
    return v;
  }
  const ordered_json& array(const ordered_json& parent, const char* key, const char* where) const {
    const auto& v = member(parent, key, where);
    if (!v.is_array()) fail(fmt::format("`{}` of {} is not an array", key, where));
    return v;
  }
  uint64_t count(const ordered_json& v, const std::string& what) const {
    if (!v.is_number_unsigned()) fail(fmt::format("{} is not a whole number", what));
    return v.get<uint64_t>();
  }
  int64_t integer(const ordered_json& v, const std::string& what) const {
    if (v.is_number_unsigned() && v.get<uint64_t>() <= uint64_t(INT64_MAX)) return int64_t(v.get<uint64_t>());
    if (v.is_number_integer() && !v.is_number_unsigned()) return v.get<int64_t>();
    fail(fmt::format("{} is not an integer", what));
  }
  std::string string(const ordered_json& v, const std::string& what) const {
    if (!v.is_string()) fail(fmt::format("{} is not a string", what));
    return v.get<std::string>();
  }
  // The order keys of `items` (slice.findings / slice.pending), one per item.
  // `deadline`: the keys of items due soon, which start with the deadline.
  std::vector<OrderKey> keys(const ordered_json& keys, const ordered_json& items, const char* what,
                             bool deadline = false) const {
    if (keys.size() != items.size())
      fail(fmt::format("`slice.{}` has {} keys for {} items", what, keys.size(), items.size()));
    std::vector<OrderKey> out;
    const size_t size = deadline ? 6 : 5, at = deadline ? 1 : 0;
    for (const auto& k : keys) {
      if (!k.is_array() || k.size() != size)
        fail(fmt::format("a key of `slice.{}` is not an array of {} numbers", what, size));
      std::string where = fmt::format("a key of `slice.{}`", what);
      out.emplace_back(deadline ? integer(k[0], where) : 0, integer(k[at], where), count(k[at + 1], where),
                       count(k[at + 2], where), count(k[at + 3], where), count(k[at + 4], where));
    }
    for (const auto& item : items)
      if (!item.is_object()) fail(fmt::format("an item of `{}` is not an object", what));
    return out;
  }

 private:
  const std::string& path_;
};

uint64_t checked_sum(uint64_t a, uint64_t b, const std::string& path) {
  if (a > UINT64_MAX - b) Checker(path).fail("a count is too large");
  return a + b;
}

Part read_part(const std::string& path) {
  Checker check(path);
  std::string text, why;
  if (!read_file(path, text, kMaxPartBytes, why))
    throw MergeError(fmt::format("cannot read part `{}`: {}", visible_text(path), why));
  Part part;
  part.path = path;
  bool too_deep = false;
  auto limit_depth = [&](int depth, ordered_json::parse_event_t, ordered_json&) {
    if (depth > int(kMaxDepth)) too_deep = true;
    return !too_deep;
  };
  try {
    part.doc = ordered_json::parse(text, limit_depth);
  } catch (const ordered_json::exception& e) {
    check.fail(fmt::format("not JSON ({})", e.what()));
  }
  if (too_deep) check.fail(fmt::format("nested more than {} deep", kMaxDepth));
  if (!part.doc.is_object()) check.fail("not a JSON object");
  const auto& slice = check.object(part.doc, "slice", "the report");
  part.k = check.count(check.member(slice, "k", "`slice`"), "`slice.k`");
  part.n = check.count(check.member(slice, "n", "`slice`"), "`slice.n`");
  part.run = check.string(check.member(slice, "run", "`slice`"), "`slice.run`");
  if (part.n < 1 || part.n > kMaxSlices || part.k < 1 || part.k > part.n)
    check.fail(fmt::format("`slice` says part {} of {}", part.k, part.n));
  return part;
}

// The parts are slices 1..N of one run, each once.
std::vector<Part> in_slice_order(std::vector<Part> parts) {
  const Part& first = parts.front();
  for (const auto& p : parts) {
    if (p.run != first.run)
      throw MergeError(
          fmt::format("`{}` and `{}` are parts of different runs (another agreement, other logs, "
                      "--as-of or filter); merge the parts of one run",
                      visible_text(first.path), visible_text(p.path)));
    if (p.n != first.n)
      throw MergeError(fmt::format("`{}` is a part of {} slices, `{}` of {}; merge the parts of one run",
                                   visible_text(first.path), first.n, visible_text(p.path), p.n));
  }
  std::vector<const Part*> by_k(first.n + 1, nullptr);
  for (const auto& p : parts) {
    if (by_k[p.k])
      throw MergeError(fmt::format("part {} of {} is given twice: `{}` and `{}`", p.k, p.n,
                                   visible_text(by_k[p.k]->path), visible_text(p.path)));
    by_k[p.k] = &p;
  }
  std::vector<std::string> missing;
  for (size_t k = 1; k <= first.n; ++k)
    if (!by_k[k]) missing.push_back(std::to_string(k));
  if (!missing.empty())
    throw MergeError(fmt::format("part{} {} of {} {} missing (given: {} part{})", missing.size() == 1 ? "" : "s",
                                 fmt::join(missing, ", "), first.n, missing.size() == 1 ? "is" : "are", parts.size(),
                                 parts.size() == 1 ? "" : "s"));
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.k < b.k; });
  return parts;
}

// The members a part may have, in the order check writes them (json_report.cc; the options a
// slice refuses add no others).
bool known_member(const std::string& key) {
  static const char* const known[] = {"pactum",  "agreement", "as_of",   "judged", "summary",     "findings",
                                      "pending", "due_soon",  "credits", "lint",   "obligations", "slice"};
  return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return key == k; });
}

// The members that are the whole run's in every part: taken from the first, the same in all.
bool whole_run_member(const std::string& key) {
  return key == "pactum" || key == "agreement" || key == "as_of" || key == "judged" || key == "obligations";
}

struct Item {
  OrderKey key;
  const ordered_json* value;
};

// Findings or pending items of all parts in the whole run's order: by key; equal keys only ever
// come from one rule, so from one part, in which they are already in the whole run's order.
std::vector<Item> merged_items(const std::vector<Part>& parts, const char* name) {
  std::vector<Item> items;
  const bool due_soon = std::string(name) == "due_soon";
  for (const auto& p : parts) {
    Checker check(p.path);
    const auto& values = due_soon ? check.array(check.object(p.doc, "due_soon", "the report"), "items", "`due_soon`")
                                  : check.array(p.doc, name, "the report");
    auto keys = check.keys(check.array(p.doc["slice"], name, "`slice`"), values, name, due_soon);
    for (size_t i = 0; i < values.size(); ++i) items.push_back({keys[i], &values[i]});
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
  return items;
}

// The summary: the whole run's counts (events, rules) from the first part, checked equal in the
// others; the per-rule counts summed.
ordered_json merged_summary(const std::vector<Part>& parts, size_t findings, size_t pending, size_t due_soon) {
  const ordered_json& s0 = parts.front().doc["summary"];  // an object (check_members)
  ordered_json summary = s0;
  std::vector<std::string> party_order;
  std::map<std::string, uint64_t> by_party;
  uint64_t tolerated = 0;
  std::map<std::string, uint64_t> left_out;
  for (const auto& p : parts) {
    Checker check(p.path);
    const auto& s = check.object(p.doc, "summary", "the report");
    for (const char* key : {"events", "ignored_events", "rules"})
      if (check.member(s, key, "`summary`") != check.member(s0, key, "`summary`"))
        check.fail(fmt::format("`summary.{}` differs from that of `{}`", key, visible_text(parts.front().path)));
    tolerated =
        checked_sum(tolerated, check.count(check.member(s, "tolerated", "`summary`"), "`summary.tolerated`"), p.path);
    for (const auto& [party, n] : check.object(s, "by_party", "`summary`").items()) {
      if (!by_party.count(party)) party_order.push_back(party);
      by_party[party] = checked_sum(by_party[party], check.count(n, "a count of `summary.by_party`"), p.path);
    }
    bool filtered = s.contains("filtered");
    if (filtered != s0.contains("filtered")) check.fail("one part is filtered, another not");
    if (!filtered) continue;
    const auto& f = check.object(s, "filtered", "`summary`");
    const auto& f0 = check.object(s0, "filtered", "`summary`");
    if (f.size() != f0.size()) check.fail("its filter differs from that of another part");
    for (const auto& [key, value] : f.items())
      if (key != "left_out" && (!f0.contains(key) || value != f0[key]))
        check.fail(
            fmt::format("`summary.filtered.{}` differs from that of `{}`", key, visible_text(parts.front().path)));
    for (const auto& [key, n] : check.object(f, "left_out", "`summary.filtered`").items())
      left_out[key] = checked_sum(left_out[key], check.count(n, "a count of `summary.filtered.left_out`"), p.path);
  }
  summary["findings"] = findings;
  summary["pending"] = pending;
  summary["tolerated"] = tolerated;
  if (summary.contains("due_soon")) summary["due_soon"] = due_soon;
  ordered_json parties = ordered_json::object();
  for (const auto& party : party_order) parties[party] = by_party[party];
  summary["by_party"] = parties;
  if (summary.contains("filtered"))
    for (auto& [key, n] : summary["filtered"]["left_out"].items()) n = left_out[key];
  return summary;
}

// Lint: the agreement's own entries are in every part; a never-met entry only in the part whose
// rule it judges. Entries sorted as lint::sort_entries sorts them (source, line, column, code).
std::vector<const ordered_json*> merged_lint(const std::vector<Part>& parts) {
  using LintKey = std::tuple<uint64_t, uint64_t, uint64_t, std::string>;
  std::vector<std::pair<LintKey, const ordered_json*>> entries;
  std::vector<const ordered_json*> common_of_first;
  for (size_t i = 0; i < parts.size(); ++i) {
    Checker check(parts[i].path);
    const auto& lint = check.array(parts[i].doc, "lint", "the report");
    const auto& keys = check.array(parts[i].doc["slice"], "lint", "`slice`");
    if (keys.size() != lint.size()) check.fail("`slice.lint` has not one key per lint entry");
    std::vector<const ordered_json*> common;
    for (size_t j = 0; j < lint.size(); ++j) {
      const auto& k = keys[j];
      if (!k.is_array() || k.size() != 3) check.fail("a key of `slice.lint` is not an array of 3 numbers");
      if (!lint[j].is_object()) check.fail("a lint entry is not an object");
      std::string code = check.string(check.member(lint[j], "code", "a lint entry"), "the code of a lint entry");
      bool own = code == "never-met";  // lint::kNeverMet: from the windows of this slice's rules
      if (!own) common.push_back(&lint[j]);
      if (own || i == 0)
        entries.push_back(
            {{check.count(k[0], "a lint key"), check.count(k[1], "a lint key"), check.count(k[2], "a lint key"), code},
             &lint[j]});
    }
    if (i == 0) {
      common_of_first = common;
    } else if (common.size() != common_of_first.size() ||
               !std::equal(common.begin(), common.end(), common_of_first.begin(),
                           [](const ordered_json* a, const ordered_json* b) { return *a == *b; })) {
      check.fail(fmt::format("its lint of the agreement differs from that of `{}`", visible_text(parts[0].path)));
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const ordered_json*> out;
  for (const auto& e : entries) out.push_back(e.second);
  return out;
}

double money(credits::Cents c) { return static_cast<double>(c) / 100.0; }  // as json_report.cc

ordered_json totals_json(const credits::Totals& t) {
  return {{"accrued", money(t.accrued)}, {"capped", money(t.capped)}, {"owed", money(t.owed)}};
}

// Credits (V2.8) as credits::price computes them for the whole run: each party's accruals per
// window summed over the parts, then the cap per party and window, then the totals per party.
ordered_json merged_credits(const std::vector<Part>& parts) {
  const Part& first = parts.front();
  Checker check0(first.path);
  const auto& meta0 = check0.object(first.doc["slice"], "credits", "`slice`");
  const ordered_json& cap_json = check0.member(meta0, "cap", "`slice.credits`");
  const ordered_json& parties0 = check0.array(meta0, "parties", "`slice.credits`");
  const ordered_json& currency =
      check0.member(check0.object(first.doc, "credits", "the report"), "currency", "`credits`");
  std::optional<credits::Cents> cap;
  if (!cap_json.is_null()) cap = check0.integer(cap_json, "`slice.credits.cap`");
  if (cap && (*cap < 0 || *cap > credits::kMaxCents)) check0.fail("`slice.credits.cap` is out of range");
  // Declared parties first, other names in order of appearance, `unassigned` last (credits.cc).
  std::vector<std::string> names;
  for (const auto& p : parties0) names.push_back(check0.string(p, "a party"));
  const size_t declared = names.size();
  auto rank = [&](const std::string& party) -> size_t {
    if (party == "unassigned") return SIZE_MAX;
    auto it = std::find(names.begin(), names.end(), party);
    if (it != names.end()) return size_t(it - names.begin());
    names.push_back(party);
    return names.size() - 1;
  };
  struct Period {
    std::string party;
    ordered_json start, end;  // as the parts show them
    credits::Totals totals;
  };
  std::map<std::pair<int64_t, size_t>, Period> periods;
  for (const auto& p : parts) {
    Checker check(p.path);
    const auto& shown = check.object(p.doc, "credits", "the report");
    const auto& meta = check.object(p.doc["slice"], "credits", "`slice`");
    if (check.member(meta, "cap", "`slice.credits`") != cap_json ||
        check.member(meta, "parties", "`slice.credits`") != parties0 ||
        check.member(shown, "currency", "`credits`") != currency)
      check.fail(fmt::format("its credit terms differ from those of `{}`", visible_text(first.path)));
    const auto& list = check.array(shown, "by_period", "`credits`");
    const auto& accrued = check.array(meta, "periods", "`slice.credits`");
    if (list.size() != accrued.size()) check.fail("`slice.credits.periods` has not one entry per credit period");
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_object() || !accrued[i].is_object()) check.fail("a credit period is not an object");
      std::string party = check.string(check.member(accrued[i], "party", "a credit period"), "a party");
      int64_t start = check.integer(check.member(accrued[i], "start", "a credit period"), "a period start");
      credits::Cents cents = check.integer(check.member(accrued[i], "accrued", "a credit period"), "an accrual");
      if (cents < 0 || cents > credits::kMaxCents) check.fail("an accrual of `slice.credits.periods` is out of range");
      auto& period = periods[{start, rank(party)}];
      period.party = party;
      period.start = check.member(list[i], "start", "a credit period");
      period.end = check.member(list[i], "end", "a credit period");
      period.totals.accrued = credits::add(period.totals.accrued, cents);
    }
  }
  std::map<size_t, credits::Totals> per_party;
  ordered_json by_period = ordered_json::array();
  for (auto& [key, period] : periods) {
    credits::Totals& t = period.totals;
    t.owed = cap ? std::min(t.accrued, *cap) : t.accrued;
    t.capped = t.accrued - t.owed;
    credits::Totals& sum = per_party[key.second];
    sum.accrued = credits::add(sum.accrued, t.accrued);
    sum.capped = credits::add(sum.capped, t.capped);
    sum.owed = credits::add(sum.owed, t.owed);
    ordered_json entry = {{"party", period.party}, {"start", period.start}, {"end", period.end}};
    entry.update(totals_json(t));
    by_period.push_back(entry);
  }
  ordered_json by_party = ordered_json::object();
  for (size_t r = 0; r < names.size(); ++r)
    if (r < declared || per_party.count(r)) by_party[names[r]] = totals_json(per_party[r]);
  if (per_party.count(SIZE_MAX)) by_party["unassigned"] = totals_json(per_party[SIZE_MAX]);
  ordered_json j;
  j["currency"] = currency;
  j["by_party"] = by_party;
  j["by_period"] = by_period;
  return j;
}

// `due_soon` but its items: `within` and `until`, the same in every part.
ordered_json merged_due_soon(const std::vector<Part>& parts) {
  ordered_json head = ordered_json::object();
  for (const auto& p : parts) {
    Checker check(p.path);
    const auto& due = check.object(p.doc, "due_soon", "the report");
    ordered_json own = ordered_json::object();
    for (const auto& [key, value] : due.items())
      if (key != "items") own[key] = value;
    if (&p == &parts.front())
      head = own;
    else if (own != head)
      check.fail(fmt::format("its `due_soon` differs from that of `{}`", visible_text(parts.front().path)));
  }
  return head;
}

// --fail-on, as check applies it to the whole run (check_command.cc, fails()).
bool fails(FailLevel level, const std::vector<Item>& findings, const std::vector<const ordered_json*>& lint) {
  if (level == FailLevel::Never) return false;
  auto severity_of = [](const ordered_json& entry) {
    auto it = entry.find("severity");
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto* l : lint)
    if (severity_of(*l) == "error" || level == FailLevel::Warning) return true;
  for (const auto& f : findings) {
    std::string severity = severity_of(*f.value);
    if (level == FailLevel::Critical && severity != "critical") continue;
    if (level == FailLevel::Major && severity == "minor") continue;
    return true;
  }
  return false;
}

// The whole report, member by member in the order of the parts (check's order), without `slice`.
struct Merged {
  ordered_json summary, credits, due_soon;  // due_soon: `within` and `until`, the items apart
  std::vector<Item> findings, pending, due_items;
  std::vector<const ordered_json*> lint;
};

void write_merged(std::ostream& out, const std::vector<Part>& parts, const Merged& m) {
  const ordered_json& first = parts.front().doc;
  report::JsonWriter w(out);
  w.begin_object();
  for (const auto& [key, value] : first.items()) {
    if (key == "slice") continue;
    w.key(key);
    if (key == "summary") {
      w.value(m.summary);
    } else if (key == "findings" || key == "pending" || key == "lint") {
      w.begin_array();
      if (key == "lint")
        for (const auto* l : m.lint) w.value(*l);
      else
        for (const auto& item : key == "findings" ? m.findings : m.pending) w.value(*item.value);
      w.end();
    } else if (key == "credits") {
      w.value(m.credits);
    } else if (key == "due_soon") {
      w.begin_object();
      w.members(m.due_soon);
      w.key("items");
      w.begin_array();
      for (const auto& item : m.due_items) w.value(*item.value);
      w.end();
      w.end();
    } else {
      w.value(value);
    }
  }
  w.end();
  w.finish();
}

// Every part has the members of the first, in the same order, those of the whole run equal.
void check_members(const std::vector<Part>& parts) {
  const Part& first = parts.front();
  for (const auto& p : parts) {
    Checker check(p.path);
    std::vector<std::string> keys;
    for (const auto& [key, value] : p.doc.items()) {
      if (!known_member(key)) check.fail(fmt::format("unexpected member `{}`", visible_text(key)));
      keys.push_back(key);
    }
    std::vector<std::string> first_keys;
    for (const auto& [key, value] : first.doc.items()) first_keys.push_back(key);
    if (keys != first_keys) check.fail(fmt::format("its members differ from those of `{}`", visible_text(first.path)));
    for (const auto& key : keys)
      if (whole_run_member(key) && p.doc[key] != first.doc[key])
        check.fail(fmt::format("`{}` differs from that of `{}`", key, visible_text(first.path)));
  }
  Checker check(first.path);
  for (const char* key : {"summary", "findings", "pending", "lint"}) check.member(first.doc, key, "the report");
  check.object(first.doc, "summary", "the report");
}

}  // namespace

int run_merge(const MergeOptions& options, Streams io) {
  if (options.format != report::Format::Json) {
    io.err << "pactum: merge writes the whole run's JSON report only (--format json); render other formats with "
              "`pactum check` without --slice\n";
    return kInputError;
  }
  if (options.output) {
    for (const auto& p : options.parts)
      if (p != "-" && same_file(*options.output, p)) {
        io.err << fmt::format("pactum: -o `{}` is one of the parts (`{}`); nothing was written\n",
                              visible_text(*options.output), visible_text(p));
        return kInputError;
      }
  }
  try {
    std::vector<Part> parts;
    for (const auto& path : options.parts) parts.push_back(read_part(path));
    if (parts.empty()) throw MergeError("no parts given");
    parts = in_slice_order(std::move(parts));
    check_members(parts);
    // Everything is checked before anything is written; the report is then written piece by
    // piece, to a file only a complete report replaces (OutputFile), or to standard output.
    Merged m;
    m.findings = merged_items(parts, "findings");
    m.pending = merged_items(parts, "pending");
    m.lint = merged_lint(parts);
    if (parts.front().doc.contains("due_soon")) {
      m.due_items = merged_items(parts, "due_soon");
      m.due_soon = merged_due_soon(parts);
    }
    m.summary = merged_summary(parts, m.findings.size(), m.pending.size(), m.due_items.size());
    if (parts.front().doc.contains("credits")) m.credits = merged_credits(parts);
    if (options.output) {
      OutputFile file;
      std::string error;
      bool ok = file.open(*options.output, error);
      if (ok) write_merged(file.stream(), parts, m);
      if (!ok || !file.commit(error)) {
        io.err << fmt::format("pactum: cannot write `{}`: {}\n", visible_text(*options.output), error);
        return kInputError;
      }
    } else {
      write_merged(io.out, parts, m);
      io.out.flush();
    }
    return fails(options.fail_on, m.findings, m.lint) ? kFindings : kOk;
  } catch (const MergeError& e) {
    // visible_text again: the JSON parser's own message quotes the bytes it read last.
    io.err << "pactum: " << visible_text(e.what()) << "\n";
    return kInputError;
  }
}

}  // namespace pactum::app
