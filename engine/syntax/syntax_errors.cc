#include "engine/syntax/syntax_errors.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/base/diagnostics.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/literals.h"
#include "engine/syntax/token_names.h"

namespace pactum::syntax {

namespace {

using Kinds = std::set<std::string>;

// Families of tokens shown as one phrase when all of them are expected at once. Checked in order;
// a family takes its members out of the list.
struct Family {
  std::vector<std::string> members;
  std::string phrase;
};

const std::vector<Family>& families() {
  static const std::vector<Family> list = {
      {{"EVERY", "AT", "NO", "AVERAGE", "MINIMUM", "MAXIMUM", "TOTAL", "LATEST", "AVAILABILITY", "DOWNTIME",
        "PERCENTILE"},
       "a rule"},
      {{"EVERY", "AT", "NO", "AVERAGE", "MINIMUM", "MAXIMUM", "TOTAL", "LATEST"}, "a rule"},
      {{"CLAUSE", "SEVERITY", "RESPONSIBLE", "NOTE", "EFFECTIVE", "CREDIT"},
       "a block option (`clause`, `severity`, `responsible`, `note`, `effective`, `credit`)"},
      {{"CLAUSE", "SEVERITY", "RESPONSIBLE", "NOTE"},
       "a block option (`clause`, `severity`, `responsible`, `note`)"},
      {{"PARTY", "CALENDAR", "INTERVAL", "TERM", "EXPECTATION"},
       "`party`, `calendar`, `interval`, `term` or `expectation`"},
      {{"AVERAGE", "MINIMUM", "MAXIMUM", "TOTAL", "LATEST"},
       "an aggregate (`average`, `minimum`, `maximum`, `total`, `latest`)"},
      {{"EQ", "NE", "LT", "LE", "GT", "GE"}, "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)"},
      {{"STRING", "INT", "NUMBER", "DATE", "DATETIME", "TRUE", "FALSE", "ID"},
       "a value (a string, number, date, `true`, `false` or a name)"},
      {{"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}, "a day (`mon` to `sun`)"},
      {{"MINUTE", "MINUTES", "HOUR", "HOURS", "DAY", "DAYS", "WEEK", "WEEKS"},
       "a unit (`minutes`, `hours`, `days`, `weeks`)"},
      {{"DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "INT"},
       "a period (`day`, `week`, `month`, `quarter`, `year`, or a number of `days`, `weeks` or "
       "`months`)"},
      {{"DAYS", "WEEKS", "MONTHS", "DAY", "WEEK", "MONTH"}, "`days`, `weeks` or `months`"},
      {{"DAY", "DAYS", "HOUR", "HOURS"}, "`days` or `hours`"},
      {{"INT", "NUMBER"}, "a number"},
  };
  return list;
}

// Tokens that continue what came just before (`and`, `by`, a timing) are listed first, in the
// order a user meets them in a rule; the rest keep grammar order after the families.
int rank(const std::string& kind) {
  static const std::vector<std::string> order = {"BY",   "WHERE",  "AND",  "OR",     "PERCENT", "COMMA", "REQUIRES",
                                                 "OCCURS", "WITH", "BEFORE", "AFTER", "WITHIN", "AT",  "NO"};
  auto it = std::find(order.begin(), order.end(), kind);
  return it != order.end() ? static_cast<int>(it - order.begin()) : 100;
}

// Words that only make sense with what follows them: `at` in a timing means `at least`.
std::vector<std::string> phrases_for(const std::string& kind, const Kinds& all) {
  bool timing = all.count("BEFORE") > 0;
  if (kind == "AT") {
    if (timing) return {"`at least`"};
    return {"`at least`", "`at most`"};
  }
  if (kind == "NO") return {timing ? "`no later than`" : "`no`"};
  if (kind == "WITH") return {"`with same`"};
  if (kind == "BUSINESS" && all.count("TIMEZONE")) return {"`business hours`"};
  return {describe_token_kind(kind)};
}

std::string join_or(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

// The words a misspelling could have meant: the expected keywords (and `least`/`most`, `later`
// for the two-word forms), in reading order.
std::vector<std::string> expected_words(const std::vector<std::string>& expected) {
  std::vector<std::string> words;
  for (const auto& k : expected)
    if (is_keyword_token(k)) words.push_back(keyword_of(k));
  // On a tie closest_match takes the first: prefer the plural (`dayz` -> `days`).
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return words;
}

std::string shorten(const std::string& text) {
  if (code_points(text) <= 40) return text;
  std::string out;
  uint32_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n > 37) break;
    out += c;
  }
  return out + "...";
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Mistakes that a spelling suggestion cannot fix: words from other notations, answered by meaning.
// Each returns the note, or empty.

// `business hours 24/7` (or `24x7`): round-the-clock hours are every day, 00:00 to 24:00.
std::string round_the_clock_hint(const FoundToken& found, const Kinds& want) {
  if (!want.count("MON") || found.kind != "INT" || found.text != "24" || found.next.empty()) return {};
  const auto& n = found.next;
  bool slash = n[0].kind == "ERROR_CHAR" && n[0].text == "/" && n.size() > 1 && n[1].text == "7";
  bool x = n[0].kind == "ID" && lower(n[0].text) == "x7";
  if (!slash && !x) return {};
  return "for round-the-clock hours write `mon-sun 00:00-24:00`";
}

// `where priority in ("P1", "P2")`: the language has no `in`; a list of values is an `or`.
std::string in_list_hint(const FoundToken& found, const Kinds& want) {
  if (!want.count("EQ") || lower(found.text) != "in" || found.previous.kind != "ID") return {};
  std::string name = found.previous.text;
  std::vector<std::string> values;
  const auto& n = found.next;
  size_t i = 0;
  if (i < n.size() && n[i].kind == "LPAREN") ++i;
  for (; i < n.size(); ++i) {
    const auto& t = n[i];
    if (t.kind == "STRING" || t.kind == "INT" || t.kind == "NUMBER" || t.kind == "ID" || t.kind == "DATE" ||
        t.kind == "DATETIME" || t.kind == "TRUE" || t.kind == "FALSE")
      values.push_back(t.text);
    else if (t.kind != "COMMA")
      break;
  }
  if (values.empty()) values = {"\"A\"", "\"B\""};
  if (values.size() > 5) values.resize(5);  // the shape is what matters
  std::string rewrite;
  for (const auto& v : values) rewrite += (rewrite.empty() ? "" : " or ") + name + " = " + v;
  return "there is no `in`: to allow several values, write `" + rewrite + "`";
}

// `within 3 working days`, `working hours`: the language says `business`.
std::string working_hint(const FoundToken& found, const Kinds& want) {
  if (!want.count("BUSINESS") || lower(found.text) != "working") return {};
  std::string unit = found.next.empty() ? "" : lower(found.next[0].text);
  if (unit == "day" || unit == "days" || unit == "hour" || unit == "hours") return "did you mean `business " + unit + "`?";
  return "did you mean `business`?";
}

}  // namespace

std::string describe_expected(const std::vector<std::string>& expected) {
  const Kinds all(expected.begin(), expected.end());
  // Where a name may come, the version 2 words are names too (V2.2): "a name" says it.
  bool name_expected = all.count("ID") > 0;
  std::vector<std::string> left;  // grammar order, as given
  for (const auto& k : expected)
    if (std::find(left.begin(), left.end(), k) == left.end() &&
        !(name_expected && model::is_soft_keyword(keyword_of(k)) && is_keyword_token(k)))
      left.push_back(k);
  std::vector<std::string> families_found;
  for (const auto& family : families()) {
    auto in_left = [&](const std::string& m) { return std::find(left.begin(), left.end(), m) != left.end(); };
    if (!std::all_of(family.members.begin(), family.members.end(), in_left)) continue;
    for (const auto& m : family.members) left.erase(std::find(left.begin(), left.end(), m));
    families_found.push_back(family.phrase);
  }
  std::stable_sort(left.begin(), left.end(),
                   [](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  std::vector<std::string> out;
  auto add_kinds = [&](bool ranked) {
    for (const auto& k : left)
      if (k != "EOF" && (rank(k) < 100) == ranked)
        for (auto& p : phrases_for(k, all)) out.push_back(std::move(p));
  };
  add_kinds(true);
  for (auto& f : families_found) out.push_back(std::move(f));
  add_kinds(false);
  if (all.count("EOF")) out.push_back("end of file");
  if (out.size() > 10) {
    out.resize(9);
    out.push_back("...");
  }
  return join_or(out);
}

std::string describe_found(const FoundToken& found) {
  if (found.kind == "EOF") return "end of file";
  if (found.kind == "STRING") return "the string " + shorten(found.text);
  return "`" + shorten(found.text) + "`";
}

SyntaxMessage describe_syntax_error(const FoundToken& found, const std::vector<std::string>& expected) {
  SyntaxMessage out;
  std::string wanted = describe_expected(expected);
  out.message = wanted.empty() ? "unexpected " + describe_found(found)
                               : "expected " + wanted + ", found " + describe_found(found);
  Kinds want(expected.begin(), expected.end());

  // Words from other notations first: a spelling suggestion (`in` -> `is`) would mislead.
  for (auto hint : {round_the_clock_hint(found, want), in_list_hint(found, want), working_hint(found, want)})
    if (!hint.empty()) {
      out.notes.push_back(hint);
      return out;
    }
  // A misspelt keyword: first among the words that fit here, then among all keywords.
  if (found.kind == "ID" || is_keyword_token(found.kind)) {
    std::string guess = closest_match(found.text, expected_words(expected));
    if (guess.empty() && found.kind == "ID") guess = closest_match(found.text, all_keywords());
    if (!guess.empty()) out.notes.push_back("did you mean `" + guess + "`?");
  }
  // A reserved word where a name belongs; unless it opens a line, where it most likely starts
  // the next option or rule and the name is simply missing (`role` followed by `term "x"`).
  if (is_keyword_token(found.kind) && want.count("ID") && !found.first_on_line)
    out.notes.push_back("`" + found.text + "` is a reserved word; to use it as a name, write it in backticks: `" +
                        found.text + "`");
  // A block that ends before its first rule.
  bool block_end = found.kind == "TERM" || found.kind == "EXPECTATION" || found.kind == "PARTY" ||
                   found.kind == "EOF";
  if (block_end && want.count("EVERY") && want.count("CLAUSE"))
    out.notes.push_back("a `term` or `expectation` needs at least one rule");
  return out;
}

}  // namespace pactum::syntax
