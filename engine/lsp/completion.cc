// Completion: the words the grammar accepts at the cursor (syntax::expected_words_at, ANTLR's
// expected-token set) and, where a name fits, the names of that kind: parties, calendars,
// intervals, fees, and the event types and attributes of the agreement and the workspace's logs.
#include <algorithm>
#include <cctype>

#include "engine/lsp/features.h"
#include "engine/model/rule_text.h"

namespace pactum::lsp {

namespace {

// LSP CompletionItemKind values.
enum ItemKind { kField = 5, kClass = 7, kValue = 12, kKeyword = 14, kConstant = 21, kStruct = 22, kEvent = 23 };

enum Want { kParties = 1, kCalendars = 2, kIntervals = 4, kFees = 8, kEventTypes = 16, kAttributes = 32 };

bool is_word_kind(const std::string& kind) { return kind != "STRING" && kind != "COMMENT" && kind != "ERROR_CHAR"; }

// The parser-visible token kinds before the cursor, the word being typed left out.
std::vector<std::string> kinds_before(const Analysis& a, SourceLoc cursor) {
  std::vector<std::string> out;
  for (const auto& t : a.tokens()) {
    if (t.hidden) continue;
    SourceLoc end{0, t.line, t.column + t.length};
    if (before(cursor, end)) {
      break;  // the cursor is inside this token: it is being typed
    }
    if (end.line == cursor.line && end.column == cursor.column && is_word_kind(t.kind) && t.kind != "COMMA" &&
        t.kind != "LPAREN" && t.kind != "PERCENT" && t.kind != "RPAREN")
      break;  // the cursor is at its end: being typed
    out.push_back(t.kind);
  }
  return out;
}

// Which names fit after these tokens.
int wanted_names(const std::vector<std::string>& k) {
  auto at = [&](size_t back) -> std::string { return back < k.size() ? k[k.size() - 1 - back] : ""; };
  std::string prev = at(0), prev2 = at(1);
  if (prev == "BY" || prev == "RESPONSIBLE") return kParties;
  if (prev == "COMMA") {
    for (size_t i = 1; i < k.size(); i += 2) {
      std::string name = at(i), before_name = at(i + 1);
      if (name != "ID" && !model::is_soft_keyword(name)) return 0;
      if (before_name == "RESPONSIBLE") return kParties;
      if (before_name == "SAME") return kAttributes;
      if (before_name != "COMMA") return 0;
    }
    return 0;
  }
  if (prev == "OF") {
    if (prev2 == "HOURS" || prev2 == "HOUR" || prev2 == "DAYS" || prev2 == "DAY") return kParties | kCalendars;
    if (prev2 == "AVAILABILITY" || prev2 == "DOWNTIME" || prev2 == "DURATION") return kIntervals;
    if (prev2 == "PERCENT") return kFees;
    return kEventTypes;  // `average ATTR of PATTERN`
  }
  if (prev == "AND") {  // `occurs within business hours of X and Y`
    for (size_t i = 1; i < k.size(); ++i) {
      if (at(i) == "OCCURS") return kParties | kCalendars;
      if (at(i) == "WHERE" || at(i) == "EVERY" || at(i) == "HAVE") break;
    }
    return kAttributes;
  }
  if (prev == "EVERY" || prev == "NO" || prev == "REQUIRES" || prev == "FROM" || prev == "UNTIL") return kEventTypes;
  if (prev == "INT" && (prev2 == "LEAST" || prev2 == "MOST")) return kEventTypes;
  if (prev == "TO") {  // `interval X from A to B` (not `effective D to D`)
    for (size_t i = 1; i < k.size(); ++i) {
      if (at(i) == "INTERVAL") return kEventTypes;
      if (at(i) == "EFFECTIVE") break;
    }
    return 0;
  }
  if (prev == "WHERE" || prev == "OR" || prev == "NOT" || prev == "LPAREN" || prev == "SAME" || prev == "THAN" ||
      prev == "HAVE" || prev == "AVERAGE" || prev == "MINIMUM" || prev == "MAXIMUM" || prev == "TOTAL" ||
      prev == "LATEST")
    return kAttributes;
  return 0;
}

Json item(const std::string& label, int kind, const std::string& detail, const char* group) {
  Json j = {{"label", label}, {"kind", kind}, {"sortText", std::string(group) + label}};
  if (!detail.empty()) j["detail"] = detail;
  return j;
}

// The keywords as a user writes them: `at` means `at least`/`at most`, `with` means `with same`.
std::vector<std::string> phrases(const std::string& word, const std::vector<std::string>& all) {
  bool timing = std::find(all.begin(), all.end(), "before") != all.end();
  bool calendar_option = std::find(all.begin(), all.end(), "timezone") != all.end();
  if (word == "at") return timing ? std::vector<std::string>{"at least"} : std::vector<std::string>{"at least", "at most"};
  if (word == "no" && timing) return {"no later than"};
  if (word == "with") return {"with same"};
  if (word == "business") return calendar_option ? std::vector<std::string>{"business hours"}
                                                 : std::vector<std::string>{"business days", "business hours"};
  return {word};
}

// Inside a comment (after its `#`, to the end of the line) or inside a string: nothing to offer.
bool in_comment_or_string(const Analysis& a, SourceLoc cursor) {
  const auto& all = a.tokens();
  auto after = std::partition_point(all.begin(), all.end(), [&](const syntax::LexedToken& t) {
    return t.line < cursor.line || (t.line == cursor.line && t.column < cursor.column);
  });
  if (after == all.begin()) return false;
  const syntax::LexedToken* last = &*std::prev(after);  // the last token starting before the cursor
  if (last->line != cursor.line) return false;
  if (last->kind == "COMMENT") return true;
  if (last->kind != "STRING") return false;
  bool closed = last->length >= 2 && last->text.back() == '"';
  return cursor.column < last->column + last->length || !closed;
}

}  // namespace

Json completion(const Analysis& a, Position at, const LogVocabulary& logs) {
  if (a.too_large()) return {{"isIncomplete", false}, {"items", Json::array()}};
  SourceLoc cursor = a.lines().to_loc(at);
  if (in_comment_or_string(a, cursor)) return {{"isIncomplete", false}, {"items", Json::array()}};
  std::vector<std::string> words = syntax::expected_words_at(a.text(), cursor.line, cursor.column);
  Json items = Json::array();
  std::set<std::string> seen;
  auto add = [&](Json j) {
    if (seen.insert(j["label"].get<std::string>()).second) items.push_back(std::move(j));
  };

  bool name_fits = std::find(words.begin(), words.end(), "<name>") != words.end();
  int want = name_fits ? wanted_names(kinds_before(a, cursor)) : 0;
  const auto& ast = a.ast();
  if (want & kParties)
    for (const auto& p : ast.parties) add(item(model::written_name(p.id.text), kClass, p.display_name.value_or("party"), "0"));
  if (want & kCalendars)
    for (const auto& c : ast.calendars) add(item(model::written_name(c.id.text), kStruct, "calendar", "0"));
  if (want & kIntervals)
    for (const auto& i : ast.intervals) add(item(model::written_name(i.id.text), kEvent, "interval", "0"));
  if ((want & kFees) && ast.header)
    for (const auto& f : ast.header->fees) add(item(model::written_name(f.id.text), kConstant, "fee " + f.amount.text, "0"));
  if (want & (kEventTypes | kAttributes)) {
    NameKind kind = (want & kEventTypes) ? NameKind::EventType : NameKind::Attribute;
    const auto& from_logs = (want & kEventTypes) ? logs.event_types : logs.attributes;
    for (const auto& name : from_logs) add(item(model::written_name(name), kind == NameKind::EventType ? kValue : kField,
                                                kind == NameKind::EventType ? "event type (logs)" : "attribute (logs)", "0"));
    for (const auto& n : a.names())
      if (n.kind == kind)
        add(item(model::written_name(n.text), kind == NameKind::EventType ? kValue : kField,
                 kind == NameKind::EventType ? "event type" : "attribute", "0"));
    if (kind == NameKind::Attribute)
      for (const char* builtin : {"type", "id", "by", "at"})
        add(item(model::written_name(builtin), kField, "the event's own field", "0"));
  }
  for (const auto& w : words) {
    if (w.empty() || w[0] == '<' || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
    for (const auto& phrase : phrases(w, words)) add(item(phrase, kKeyword, "keyword", "1"));
  }
  return {{"isIncomplete", false}, {"items", items}};
}

}  // namespace pactum::lsp
