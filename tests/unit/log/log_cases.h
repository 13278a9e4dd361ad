// The input tables shared by loader_test.cc (expected results) and differential_test.cc (both
// backends must agree on every one of them).
#pragma once
#include <string>
#include <vector>

namespace pactum::log::testing {

// Expected events are dump_events() lines: index@line:column #order at(UTC) type by= id= attrs.
// The default zone in the tests is America/New_York; parties Acme and Northwind; agreement "Case".
struct GoodCase {
  const char* name;
  std::string yaml;
  std::string events;
};

struct ErrorCase {
  const char* name;
  std::string yaml;
  std::string where;     // "line:column" of the expected error
  std::string fragment;  // part of its message or notes
  std::string events;    // what still loads (usually nothing)
};

inline std::vector<GoodCase> good_cases() {
  return {
      {"shape 1: mapping with agreement, timezone and events",
       "agreement: Case\ntimezone: UTC\nevents:\n"
       "  - {id: N-1, at: 2026-01-05T10:00:00Z, type: notice, by: Acme, visit: V-1}\n"
       "  - id: V-1\n    at: 2026-01-06 09:30\n    type: site_visit\n    by: Northwind\n",
       "0@4:5 #0 2026-01-05T10:00:00+00:00 notice by=Acme id=N-1 visit=s:V-1\n"
       "1@5:5 #1 2026-01-06T09:30:00+00:00 site_visit by=Northwind id=V-1\n"},
      {"shape 1: timezone after the events still applies to them",
       "events:\n  - {at: 2026-01-05T10:00, type: a}\ntimezone: Europe/Berlin\n",
       "0@2:5 #0 2026-01-05T09:00:00+00:00 a\n"},
      {"shape 1: timezone before the events", "timezone: Asia/Tokyo\nevents:\n  - {at: 2026-01-05T09:00, type: a}\n",
       "0@3:5 #0 2026-01-05T00:00:00+00:00 a\n"},
      {"shape 1: only an agreement key, no events", "agreement: Case\n", ""},
      {"shape 1: empty events list", "events: []\n", ""},
      {"shape 1: null events", "events:\n", ""},
      {"shape 2: bare list, times without offset in the agreement zone", "- {at: 2026-01-05T10:00, type: a}\n",
       "0@1:3 #0 2026-01-05T15:00:00+00:00 a\n"},
      {"shape 3: stream of documents, index = document number",
       "---\nat: 2026-01-05T10:00:00Z\ntype: a\n---\nat: 2026-01-06T10:00:00Z\ntype: b\nid: X\n",
       "0@2:1 #0 2026-01-05T10:00:00+00:00 a\n1@5:1 #1 2026-01-06T10:00:00+00:00 b id=X\n"},
      {"shape 3: first document without `---`, starting with an attribute",
       "visit: V-1\nat: 2026-01-05T10:00:00Z\ntype: a\n---\nat: 2026-01-06T10:00:00Z\ntype: b\n",
       "0@1:1 #0 2026-01-05T10:00:00+00:00 a visit=s:V-1\n1@5:1 #1 2026-01-06T10:00:00+00:00 b\n"},
      {"shape 3: an empty document counts as a document but holds no event",
       "---\nat: 2026-01-05T10:00:00Z\ntype: a\n---\n---\nat: 2026-01-06T10:00:00Z\ntype: b\n",
       "0@2:1 #0 2026-01-05T10:00:00+00:00 a\n2@6:1 #1 2026-01-06T10:00:00+00:00 b\n"},
      {"times: offsets, fractions, space separator",
       "- {at: 2026-01-05T10:00:00.250+05:30, type: a}\n"
       "- {at: \"2026-01-05 10:00:00-05:00\", type: b}\n"
       "- {at: 2026-01-05T10:00+01:00, type: c}\n"
       "- {at: 2026-01-05 10:00, type: d}\n"
       "- {at: 2026-01-05T10:00:00.5Z, type: e}\n",
       "0@1:3 #0 2026-01-05T04:30:00.250+00:00 a\n"
       "1@2:3 #1 2026-01-05T15:00:00+00:00 b\n"
       "2@3:3 #2 2026-01-05T09:00:00+00:00 c\n"
       "3@4:3 #3 2026-01-05T15:00:00+00:00 d\n"
       "4@5:3 #4 2026-01-05T10:00:00.500+00:00 e\n"},
      {"times: a bare date is 00:00 local", "- {at: 2026-01-05, type: a}\n", "0@1:3 #0 2026-01-05T05:00:00+00:00 a\n"},
      {"times: a fold means the earlier instant", "- {at: 2026-11-01T01:30, type: a}\n",
       "0@1:3 #0 2026-11-01T05:30:00+00:00 a\n"},
      {"attributes: numbers, quoted strings, booleans, nulls absent",
       "- {at: 2026-01-05T10:00:00Z, type: a, n: 80, q: \"80\", f: -3.5, e: 1e3, b: true, c: false, qb: 'true', "
       "s: hello, nul: ~, nul2: null, empty: , d: 2026-01-05, hex: 0x10, big: True}\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 a n=n:80 q=s:80 f=n:-3.5 e=n:1000 b=b:true c=b:false qb=s:true s=s:hello "
       "d=s:2026-01-05 hex=s:0x10 big=s:True\n"},
      {"attributes: lists of scalars, flow and block",
       "- at: 2026-01-05T10:00:00Z\n  type: a\n  tags: [x, 1, \"2\", true, ~]\n  people:\n    - Ann\n    - 'Bob'\n"
       "  none: []\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 a tags=[s:x,n:1,s:2,b:true] people=[s:Ann,s:Bob] none=[]\n"},
      {"attributes: explicit !!str tag and block scalars are strings",
       "- at: 2026-01-05T10:00:00Z\n  type: a\n  n: !!str 80\n  text: |\n    two\n    lines\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 a n=s:80 text=s:two\nlines\n\n"},
      {"attributes: any other explicit tag reads the scalar by its text, quoted or not (both readers alike)",
       "- {at: 2026-01-05T10:00:00Z, type: a, b: !!bool \"true\", i: !!int '12', f: !!float \"1.5\", "
       "g: !<tag:yaml.org,2002:bool> \"false\", z: !!null \"\", c: !custom \"x\", w: !!int \"twelve\", "
       "s: ! 12, q: \"12\"}\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 a b=b:true i=n:12 f=n:1.5 g=b:false c=s:x w=s:twelve s=s:12 q=s:12\n"},
      {"null by and id are absent", "- {at: 2026-01-05T10:00:00Z, type: a, by: ~, id: }\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 a\n"},
      {"a quoted type and a reserved word as type", "- {at: 2026-01-05T10:00:00Z, type: \"note\"}\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 note\n"},
      {"an alias to a scalar is expanded",
       "- {at: &t 2026-01-05T10:00:00Z, type: a}\n- {at: *t, type: b}\n",
       "0@1:3 #0 2026-01-05T10:00:00+00:00 a\n1@2:3 #1 2026-01-05T10:00:00+00:00 b\n"},
      {"an empty file has no events", "", ""},
      {"a comment-only file has no events", "# nothing yet\n", ""},
      {"an empty document has no events", "---\n", ""},
  };
}

inline std::string nested(int depth) {
  return "events:\n  - {at: 2026-01-05, type: a, x: " + std::string(depth, '[') + std::string(depth, ']') + "}\n";
}

inline std::vector<ErrorCase> error_cases() {
  return {
      {"missing at", "events:\n  - id: E2\n    type: meeting\n", "2:5", "this event has no `at`", ""},
      {"at without value", "- {at: ~, type: a}\n", "1:4", "`at` has no value", ""},
      {"at that is not a date-time", "events:\n  - {at: 2026-02-30T10:00, type: a}\n", "2:10",
       "`at` is not a valid date-time: `2026-02-30T10:00` (no such calendar date)", ""},
      {"at that is a list", "- {at: [1], type: a}\n", "1:8", "`at` must be a scalar", ""},
      {"missing type", "events:\n  - {at: 2026-01-05}\n", "2:5", "this event has no `type`", ""},
      {"bad type name", "events:\n  - {at: 2026-01-05, type: site visit}\n", "2:28",
       "`site visit` is not a valid event type", ""},
      {"undeclared party with did-you-mean",
       "events:\n  - at: 2026-01-05\n    type: a\n    by: Acmee\n  - {at: 2026-01-06, type: b, by: Acme}\n", "4:9",
       "did you mean `Acme`?", "1@5:5 #0 2026-01-06T05:00:00+00:00 b by=Acme\n"},
      {"nested mapping as attribute", "events:\n  - {at: 2026-01-05, type: a, x: {y: 1}}\n", "2:34",
       "attribute `x` is a mapping", ""},
      {"nested list inside a list", "events:\n  - {at: 2026-01-05, type: a, x: [1, [2]]}\n", "2:38",
       "a list attribute holds only scalars; `x` has a nested list", ""},
      {"non-mapping event", "events:\n  - hello\n", "2:5", "not the scalar `hello`", ""},
      {"empty item in the list of events", "events:\n  -\n  - {at: 2026-01-05, type: a}\n", "2:3",
       "item 1 of the list of events is empty", "1@3:5 #0 2026-01-05T05:00:00+00:00 a\n"},
      {"a key that is not a name", "- {at: 2026-01-05, type: a, [k]: 1}\n", "1:29",
       "the keys of an event must be names", ""},
      {"duplicate key in an event", "events:\n  - at: 2026-01-05\n    type: a\n    type: b\n", "4:5",
       "duplicate key `type` in this event", ""},
      {"duplicate key among many (past the keys scanned one by one)",
       "- {at: 2026-01-05, type: a, k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10, k11: 11, k12: 12, k13: 13, k14: 14, k15: 15, k16: 16, k17: 17, k18: 18, k19: 19, k17: 0}\n", "1:189",
       "duplicate key `k17` in this event", ""},
      {"malformed YAML: unclosed bracket", "events:\n  - {id: E1, at: 2026-01-05, type: a\n  - {id: E2}\n", "3:5",
       "malformed YAML: unclosed `{`", ""},
      {"malformed YAML: unclosed list", "events:\n  - [a, b\n", "3:1", "malformed YAML: unclosed `[`", ""},
      {"malformed YAML: bad indentation", "events:\n  - id: E1\n    at: 2026-01-05\n   type: a\n", "4:4",
       "malformed YAML: bad indentation", ""},
      {"malformed YAML: unexpected colon", "events:\n  - id: E1\n    at: 2026-01-05\n      type: a\n", "4:11",
       "malformed YAML: unexpected `:`", ""},
      {"malformed YAML: tab indentation", "events:\n  - id: E1\n\tat: 2026-01-05\n", "3:1",
       "malformed YAML: a tab character in indentation", ""},
      {"malformed YAML: tab before a list item", "events:\n\t- id: E1\n", "2:1",
       "malformed YAML: a tab character in indentation", ""},
      {"malformed YAML: alias to no anchor", "events:\n  - {at: *nope, type: a}\n", "2:10",
       "alias to an anchor that is not defined", ""},
      {"unknown top-level key", "version: 2\nevents: []\n", "1:1", "unknown top-level key `version`", ""},
      {"unknown top-level key with did-you-mean", "events: []\nevnts: 1\n", "2:1", "did you mean `events`?", ""},
      {"duplicate top-level key", "events: []\nevents: []\n", "2:1", "duplicate top-level key `events`", ""},
      {"events that are not a list", "events: 5\n", "1:9", "`events` must be a list of events", ""},
      {"agreement name mismatch", "agreement: Other\nevents: []\n", "1:12",
       "this log is for the agreement \"Other\", but the agreement is \"Case\"", ""},
      {"unknown timezone with did-you-mean", "timezone: America/New_Yrok\nevents: []\n", "1:11",
       "did you mean `America/New_York`?", ""},
      {"alias to a mapping", "events:\n  - &e {at: 2026-01-05, type: a}\n  - *e\n", "3:5",
       "aliases to mappings or sequences are not supported in event logs",
       "0@2:5 #0 2026-01-05T05:00:00+00:00 a\n"},
      {"nesting deeper than 64 levels", nested(70), "2:95", "nesting deeper than 64 levels", ""},
      {"a scalar longer than 1 MiB",
       "events:\n  - {at: 2026-01-05, type: a, x: \"" + std::string((1 << 20) + 10, 'a') + "\"}\n", "2:34",
       "a scalar longer than 1 MiB", ""},
      {"DST gap in the agreement zone", "events:\n  - {at: 2026-03-08T02:30, type: a}\n", "2:10",
       "2026-03-08T02:30 does not exist in America/New_York: clocks jump from 02:00 to 03:00", ""},
      {"DST gap in a timezone given after the events",
       "events:\n  - {at: 2026-01-05T10:00, type: b}\n  - {at: 2026-03-29T02:30, type: a}\ntimezone: Europe/Berlin\n",
       "3:10", "2026-03-29T02:30 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00",
       "0@2:5 #0 2026-01-05T09:00:00+00:00 b\n"},
      {"a scalar as the whole log", "hello\n", "1:1", "a log must be a mapping with `events:`", ""},
      {"a second document after a log with events:", "events: []\n---\nat: 2026-01-05\ntype: a\n", "3:1",
       "a second YAML document", ""},
      {"a list as a document of a stream", "---\nat: 2026-01-05\ntype: a\n---\n- 1\n", "5:1",
       "each document is one event", "0@2:1 #0 2026-01-05T05:00:00+00:00 a\n"},
  };
}

}  // namespace pactum::log::testing
