#!/usr/bin/env python3
"""Writes the bad-input corpus: tests/bad-input/cases/NNN-name/.

Each case is a folder with the files pactum is given (agreement.terms and/or log.yaml, or other
names) and expect.json:
  {"command": "check" | "lint" | "fmt" | "explain" | "test",
   "stderr_absent": [...],           (optional) fragments that must not appear on standard error
   "stderr_max_bytes": N,            (optional) a bound on the length of standard error
   "args": [...],                    arguments after the command (default: the usual files)
   "exit": 2,                        the expected exit status
   "stderr_contains": [...],         fragments that must all appear on standard error
   "stdout_contains": [...],         (optional) fragments of standard output
   "stdout_absent": [...],           (optional) fragments that must not appear on standard output
   "setup": [...],                   (optional) before the run: {"symlink": NAME, "to": TARGET},
                                     {"hardlink": NAME, "to": FILE}, {"fifo": NAME},
                                     {"chmod": NAME, "mode": "0600"}, {"copy": FILE, "to": NAME},
                                     {"generate": NAME, "head", "item" ({i}, {inner}), "sep",
                                     "count", "inner": {...}, "tail"} (large inputs, made at run time)
   "env": {...}, "stdin": "...",     (optional) environment additions, standard input
   "stdout_to": "/dev/full"|"closed" (optional) standard output into that device, or closed
   "soft_limit_files": N             (optional) the soft limit of open files (RLIMIT_NOFILE) made N
   "fifo_write": [{"fifo", "content", "repeat"}], "fifo_read": [NAME], "fifo_read_contains": [...]
                                     (optional) the other end of FIFOs made by setup
   "files_after": {NAME: {"type": "regular"|"symlink"|"other", "to", "contains", "mode"}}
                                     (optional) files the run may change, and what they must be}
Arguments and names written "b64:..." are bytes (file names that are not UTF-8).
A case without agreement.terms uses shared/agreement.terms; a `check` case without a log uses
shared/log.yaml (the runner copies them into the case's scratch folder under those names).

The files are committed; this script regenerates them (deterministically) after an edit:
    python3 tests/bad-input/generate.py
Standard library only. The runner is run.py.
"""
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
rng = random.Random(20261124)

cases = []


def case(name, expect_exit, contains, terms=None, log=None, command="check", args=None, files=None,
         stdout_contains=None, absent=None, max_stderr=None, **extra):
    """terms/log: str (UTF-8) or bytes; files: {name: str|bytes} for anything else. `extra` goes to
    expect.json as it is (setup, env, stdin, fifo_write, fifo_read, fifo_read_contains,
    stdout_absent, stderr_matches, files_after: see run.py)."""
    cases.append(dict(name=name, exit=expect_exit, contains=contains, terms=terms, log=log,
                      command=command, args=args, files=files or {}, stdout_contains=stdout_contains,
                      absent=absent, max_stderr=max_stderr, extra=extra))


# An agreement that uses everything the log cases need (parties, a DST zone, business hours).
SHARED_TERMS = """agreement "Bad input corpus"
  effective 2026-02-01 to 2026-12-31
  timezone "America/New_York"
  business hours mon-fri 09:00-17:00

party Acme
party Northwind
  business hours mon-fri 08:00-18:00

term "Site visits are announced"
  clause "7.1"
  severity critical
  every site_visit by Acme requires notice by Acme with same visit at least 48 hours before

term "Tickets are answered"
  every ticket requires response by Northwind with same ticket within 2 business days after

expectation "Short calls"
  average `duration` of call at most 15 every month
"""

SHARED_LOG = """agreement: Bad input corpus
events:
  - {id: N1, at: 2026-02-04T09:00:00-05:00, type: notice, by: Acme, visit: V1}
  - {id: V1, at: 2026-02-05T10:00:00-05:00, type: site_visit, by: Acme, visit: V1}
  - {id: T1, at: 2026-02-09T10:00:00-05:00, type: ticket, ticket: T1}
  - {id: R1, at: 2026-02-10T10:00:00-05:00, type: response, by: Northwind, ticket: T1}
  - {id: C1, at: 2026-02-11T10:00:00-05:00, type: call, duration: 12}
"""

GOOD_EVENT = "{at: 2026-02-02T09:00:00Z, type: notice, by: Acme, visit: V1}"


def log_with(*events, header="events:\n"):
    return header + "".join(f"  - {e}\n" for e in events)


def junk(n):
    return bytes(rng.randrange(256) for _ in range(n))


# ============================ logs (the shared agreement) ===================================
# --- empty and near-empty
case("log-empty-file", 0, [], log="", stdout_contains=["nothing was evaluated"])
case("log-only-whitespace", 0, [], log="\n\n   \n", stdout_contains=["nothing was evaluated"])
case("log-only-comment", 0, [], log="# nothing yet\n", stdout_contains=["nothing was evaluated"])
case("log-events-null", 0, [], log="events:\n", stdout_contains=["nothing was evaluated"])
case("log-bom-only", 0, [], log=b"\xef\xbb\xbf", stdout_contains=["nothing was evaluated"])
# --- truncations
case("log-truncated-flow-mapping", 2, ["log.yaml:3:1:", "unclosed `{`"],
     log="events:\n  - {at: 2026-02-01T09:00:00Z, type: not")
case("log-truncated-quoted", 2, ["log.yaml:3:11:", "unclosed quoted string"],
     log='events:\n  - at: 2026-02-01T09:00:00Z\n    type: "notice')
case("log-truncated-after-dash", 2, ["log.yaml:2:3:", "item 1 of the list of events is empty"], log="events:\n  -")
case("log-truncated-mid-key", 2, ["log.yaml:3:5:", "malformed YAML: expected `key: value`"],
     log="events:\n  - at: 2026-02-01T09:00:00Z\n    ty")
case("log-truncated-flow-sequence", 2, ["log.yaml:", "malformed YAML"],
     log="events: [{at: 2026-02-01T09:00:00Z, type: notice}")
case("log-truncated-mid-date", 2, ["log.yaml:2:", "not a valid date-time", "2026-02-0"],
     log="events:\n  - {at: 2026-02-0, type: notice}\n")
# --- wrong shapes and types
case("log-scalar-root", 2, ["log.yaml:1:1:", "found a scalar"], log="hello\n")
case("log-number-root", 2, ["log.yaml:1:1:", "found a scalar"], log="42\n")
case("log-events-scalar", 2, ["log.yaml:1:9:", "`events` must be a list of events"], log="events: 5\n")
case("log-events-mapping", 2, ["log.yaml:2:", "`events` must be a list of events"],
     log="events:\n  at: 2026-02-01T09:00:00Z\n  type: notice\n")
case("log-event-scalar", 2, ["log.yaml:2:", "an event must be a mapping"], log="events:\n  - notice\n")
case("log-event-list", 2, ["log.yaml:2:", "an event must be a mapping", "not a list"],
     log="events:\n  - [2026-02-01T09:00:00Z, notice]\n")
case("log-at-list", 2, ["log.yaml:2:10:", "`at` must be a scalar, not a list"],
     log=log_with("{at: [1, 2], type: notice}"))
case("log-at-mapping", 2, ["log.yaml:2:10:", "`at` must be a scalar"],
     log=log_with("{at: {date: 2026-02-01}, type: notice}"))
case("log-at-number", 2, ["log.yaml:2:10:", "not a valid date-time", "20260201"],
     log=log_with("{at: 20260201, type: notice}"))
case("log-at-bool", 2, ["log.yaml:2:10:", "not a valid date-time", "true"],
     log=log_with("{at: true, type: notice}"))
case("log-at-words", 2, ["log.yaml:2:10:", "not a valid date-time", "yesterday"],
     log=log_with("{at: yesterday, type: notice}"))
case("log-at-null", 2, ["log.yaml:2:6:", "`at` has no value"], log=log_with("{at: , type: notice}"))
case("log-at-missing", 2, ["log.yaml:2:", "`at`"], log=log_with("{type: notice, by: Acme}"))
case("log-type-missing", 2, ["log.yaml:2:", "`type`"], log=log_with("{at: 2026-02-01T09:00:00Z, by: Acme}"))
case("log-type-null", 2, ["log.yaml:2:", "`type`"], log=log_with("{at: 2026-02-01T09:00:00Z, type: ~}"))
case("log-type-digit-first", 2, ["log.yaml:2:38:", "`5x` is not a valid event type"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: 5x}"))
case("log-type-with-space", 2, ["log.yaml:2:38:", "not a valid event type"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: site visit}"))
case("log-type-non-ascii", 2, ["log.yaml:2:38:", "not a valid event type"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: visite_planifiée}"))
case("log-type-list", 2, ["log.yaml:2:38:", "`type`"], log=log_with("{at: 2026-02-01T09:00:00Z, type: [a, b]}"))
case("log-by-unknown-party", 2, ["log.yaml:2:50:", "`Acmee` is not a declared party", "did you mean `Acme`?"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}"))
case("log-by-wrong-case", 2, ["log.yaml:2:50:", "`acme` is not a declared party", "Acme"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: acme}"))
case("log-by-list", 2, ["log.yaml:2:50:", "`by`"], log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: [Acme]}"))
case("log-by-number", 2, ["log.yaml:2:50:", "not a declared party"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: 42}"))
case("log-id-mapping", 2, ["log.yaml:2:50:", "`id`"], log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, id: {a: 1}}"))
case("log-attribute-mapping", 2, ["log.yaml:2:53:", "attribute `extra` is a mapping"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, extra: {a: 1}}"))
case("log-attribute-nested-list", 2, ["log.yaml:2:53:", "`tags` has a nested list"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, tags: [[a]]}"))
case("log-attribute-list-of-maps", 2, ["log.yaml:2:", "tags"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, tags: [{a: 1}]}"))
case("log-complex-key", 2, ["log.yaml:2:", "key"], log="events:\n  - ? [at, type]\n    : x\n")
case("log-key-is-list", 2, ["log.yaml:", "key"], log="events:\n  - {[a]: 1, at: 2026-02-01T09:00:00Z, type: notice}\n")
# --- duplicate and unknown keys
case("log-duplicate-key-in-event", 2, ["log.yaml:2:46:", "duplicate key `type`"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, type: visit}"))
case("log-duplicate-at-block", 2, ["log.yaml:4:", "duplicate key `at`"],
     log="events:\n  - at: 2026-02-01T09:00:00Z\n    type: notice\n    at: 2026-02-02T09:00:00Z\n")
case("log-duplicate-top-level-key", 2, ["log.yaml:2:1:", "duplicate top-level key `events`"],
     log="events: []\nevents: []\n")
case("log-unknown-top-level-key", 2, ["log.yaml:2:1:", "unknown top-level key `foo`"], log="events: []\nfoo: 1\n")
case("log-agreement-mismatch", 2, ["log.yaml:1:12:", "this log is for the agreement \"Other\""],
     log="agreement: Other\nevents: []\n")
case("log-timezone-unknown", 2, ["log.yaml:1:11:", "unknown time zone `Mars/Base`"],
     log="timezone: Mars/Base\nevents: []\n")
case("log-timezone-list", 2, ["log.yaml:1:11:", "timezone"], log="timezone: [UTC]\nevents: []\n")
# --- dates and times
case("log-dst-gap", 2, ["log.yaml:3:10:", "does not exist in America/New_York", "clocks jump"],
     log='timezone: America/New_York\nevents:\n  - {at: "2026-03-08T02:30:00", type: notice}\n')
case("log-dst-gap-agreement-zone", 2, ["log.yaml:2:10:", "does not exist in America/New_York"],
     log='events:\n  - {at: "2026-03-08 02:00", type: notice}\n')
case("log-dst-gap-other-zone", 2, ["log.yaml:3:10:", "does not exist in Europe/Berlin"],
     log='timezone: Europe/Berlin\nevents:\n  - {at: 2026-03-29T02:15, type: notice}\n')
case("log-feb-30", 2, ["log.yaml:2:10:", "no such calendar date"], log=log_with("{at: 2026-02-30T09:00:00Z, type: notice}"))
case("log-feb-29-not-leap", 2, ["log.yaml:2:10:", "no such calendar date"],
     log=log_with("{at: 2027-02-29T09:00:00Z, type: notice}"))
case("log-month-13", 2, ["log.yaml:2:10:", "2026-13-01"], log=log_with("{at: 2026-13-01T09:00:00Z, type: notice}"))
case("log-day-00", 2, ["log.yaml:2:10:", "2026-01-00"], log=log_with("{at: 2026-01-00T09:00:00Z, type: notice}"))
case("log-hour-24-30", 2, ["log.yaml:2:10:", "time of day out of range"],
     log=log_with("{at: 2026-02-01T24:30:00Z, type: notice}"))
case("log-minute-60", 2, ["log.yaml:2:10:", "2026-02-01T09:60"], log=log_with("{at: 2026-02-01T09:60:00Z, type: notice}"))
case("log-leap-second", 2, ["log.yaml:2:10:", "09:59:60"], log=log_with("{at: 2026-02-01T09:59:60Z, type: notice}"))
case("log-offset-out-of-range", 2, ["log.yaml:2:10:", "UTC offset out of range"],
     log=log_with("{at: 2026-02-01T09:00:00+99:99, type: notice}"))
case("log-offset-24", 2, ["log.yaml:2:10:", "UTC offset out of range"],
     log=log_with("{at: 2026-02-01T09:00:00+24:00, type: notice}"))
case("log-year-1899", 2, ["log.yaml:2:10:", "year outside the supported range 1900-2300"],
     log=log_with("{at: 1899-12-31T09:00:00Z, type: notice}"))
case("log-year-2301", 2, ["log.yaml:2:10:", "year outside the supported range 1900-2300"],
     log=log_with("{at: 2301-01-01T00:00:00Z, type: notice}"))
case("log-year-0001", 2, ["log.yaml:2:10:", "year outside the supported range 1900-2300"],
     log=log_with("{at: 0001-01-01T00:00:00Z, type: notice}"))
case("log-year-five-digits", 2, ["log.yaml:2:10:", "99999-01-01"], log=log_with("{at: 99999-01-01T00:00Z, type: notice}"))
case("log-year-huge", 2, ["log.yaml:2:10:", "not a valid date-time"],
     log=log_with("{at: 1000000000000000000000-01-01T00:00Z, type: notice}"))
case("log-negative-year", 2, ["log.yaml:2:10:", "not a valid date-time"], log=log_with("{at: -2026-01-01, type: notice}"))
case("log-fraction-very-long", 0, [], log=log_with("{at: 2026-02-01T09:00:00." + "9" * 400 + "Z, type: notice, by: Acme, visit: V1}"),
     stdout_contains=["1 events"])
# --- YAML syntax and encodings
case("log-tab-indentation", 2, ["log.yaml:2:1:", "tab character in indentation"],
     log="events:\n\t- {at: 2026-02-01T09:00:00Z, type: notice}\n")
case("log-crlf-error-on-line-3", 2, ["log.yaml:3:50:", "`Acmee` is not a declared party"],
     log=("events:\r\n  - " + GOOD_EVENT + "\r\n  - {at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}\r\n").encode())
case("log-crlf-valid", 1, [], log=SHARED_LOG.replace("\n", "\r\n").encode(), stdout_contains=["late", "5 events"])
case("log-cr-only-line-ends", 2, ["log.yaml:"], log=("events:\r  - " + GOOD_EVENT + "\r  - {at: x, type: y}\r").encode())
case("log-bom-then-error", 2, ["log.yaml:2:50:", "`Acmee` is not a declared party"],
     log=b"\xef\xbb\xbf" + log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}").encode())
case("log-bom-valid", 1, [], log=b"\xef\xbb\xbf" + SHARED_LOG.encode(), stdout_contains=["late", "5 events"])
case("log-bom-in-the-middle", 0, [], stdout_contains=["1 events"], log=b"events:\n\xef\xbb\xbf  - " + GOOD_EVENT.encode() + b"\n")
case("log-invalid-utf8-in-string", 2, ["log.yaml:2:54:", "cannot read the text: invalid leading UTF-8 octet"],
     log=b'events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, note: "a\xffb"}\n')
case("log-invalid-utf8-yaml-cpp", 2, ["log.yaml:2:54:", "cannot read the text: invalid leading UTF-8 octet"], args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log=b'events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, note: "a\xffb"}\n')
case("log-overlong-utf8", 2, ["log.yaml:3:", "UTF-8"], log=b"events:\n  - {at: 2026-02-01T09:00:00Z,\n     type: n\xc0\xafx}\n")
case("log-utf8-surrogate", 2, ["log.yaml:2:49:", "cannot read the text: invalid Unicode character"], log=b"events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, n: \xed\xa0\x80}\n")
case("log-truncated-utf8-at-end", 2, ["log.yaml:2:", "UTF-8"], log=b"events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, n: \xe2\x82")
case("log-latin1", 2, ["log.yaml:2:", "UTF-8"], log="events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, city: Montréal}\n".encode("latin-1"))
case("log-utf16-with-bom", 2, ["log.yaml:"], log="events:\n  - {at: x, type: notice}\n".encode("utf-16"))
case("log-nul-byte", 2, ["log.yaml:2:40:", "control characters are not allowed"], log=b"events:\n  - {at: 2026-02-01T09:00:00Z, type: no\x00tice}\n")
case("log-control-character", 2, ["log.yaml:2:50:", "control characters are not allowed"], log=b"events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, n: a\x07b}\n")
case("log-binary-junk", 2, ["log.yaml:1:"], log=junk(4096))
case("log-binary-junk-after-valid", 2, ["log.yaml:3:"], log=("events:\n  - " + GOOD_EVENT + "\n").encode() + junk(512))
case("log-zeros", 2, ["log.yaml:1:1:"], log=bytes(1024))
case("log-gzip-magic", 2, ["log.yaml:1:1:"], log=b"\x1f\x8b\x08\x00" + junk(300))
case("log-undefined-alias", 2, ["log.yaml:2:10:", "alias to an anchor that is not defined"],
     log=log_with("{at: *nope, type: notice}"))
case("log-alias-to-mapping", 2, ["log.yaml:3:5:", "aliases to mappings or sequences are not supported"],
     log="events:\n  - &e {at: 2026-02-01T09:00:00Z, type: notice}\n  - *e\n")
case("log-merge-key", 2, ["log.yaml:3:", "aliases to mappings or sequences are not supported"],
     log="events:\n  - &e {at: 2026-02-01T09:00:00Z, type: notice}\n  - {<<: *e, id: X}\n")
case("log-alias-to-scalar-ok", 0, [], log="events:\n  - {at: &t 2026-02-01T09:00:00Z, type: notice, by: Acme, visit: V9}\n  - {at: *t, type: call, duration: 3}\n",
     stdout_contains=["2 events"])
lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
for i in range(1, 10):
    lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 9) + "]")
case("log-billion-laughs", 2, ["log.yaml:2:", "aliases to mappings or sequences are not supported"],
     log="\n".join(lines) + "\nevents: []\n")
case("log-yaml-directive-unsupported", 2, ["log.yaml:1:", "malformed YAML"], log="%YAML 9.9\n---\nevents: []\n")
case("log-tag-ignored", 0, [], log="events:\n  - !!python/object:os.system {at: 2026-02-01T09:00:00Z, type: call, duration: 1}\n",
     stdout_contains=["1 events"])
# --- multi-document streams
case("log-stream-list-document", 2, ["log.yaml:5:1:", "each document is one event"],
     log="---\nat: 2026-02-01T09:00:00Z\ntype: notice\n---\n- 1\n")
case("log-stream-after-shape1", 2, ["log.yaml:3:"], log="events: []\n---\nat: 2026-02-01T09:00:00Z\ntype: notice\n")
case("log-stream-scalar-document", 2, ["log.yaml:5:"], log="---\nat: 2026-02-01T09:00:00Z\ntype: call\n---\njust text\n")
# --- limits
case("log-nesting-deep-flow", 2, ["log.yaml:1:", "nesting deeper than 64 levels"], log="events: " + "[" * 100000 + "\n",
     args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"])
case("log-nesting-deep-flow-libyaml", 2, ["log.yaml:1:", "nesting deeper than 64 levels"], log="events: " + "[" * 100000 + "\n")
case("log-nesting-deep-mapping", 2, ["log.yaml:", "nesting deeper than 64 levels"],
     log="events:\n  - {at: 2026-02-01T09:00:00Z, type: call, x: " + "{a: " * 70 + "1" + "}" * 70 + "}\n")
case("log-nesting-deep-block", 2, ["log.yaml:", "nesting deeper than 64 levels"],
     log="events:\n" + "".join("  " * (i + 1) + "-\n" for i in range(100)))
case("log-scalar-over-1mib", 2, ["log.yaml:2:", "a scalar longer than 1 MiB"],
     log="events:\n  - {at: 2026-02-01T09:00:00Z, type: call, note: \"" + "a" * (1024 * 1024 + 1) + "\"}\n")
case("log-many-errors", 2, ["log.yaml:2:50:", "`Nobody0` is not a declared party", "log.yaml:51:50:", "stopped reading after 50 errors (the error limit)"],
     log=log_with(*[f"{{at: 2026-02-01T09:00:00Z, type: notice, by: Nobody{i}}}" for i in range(300)]))
case("log-number-overflow", 2, ["log.yaml:2:54:", "number out of range: `1e999`"], log=log_with("{at: 2026-02-01T09:00:00Z, type: call, duration: 1e999}"))
case("log-number-overflow-in-list", 2, ["log.yaml:2:56:", "number out of range: `-1e400`"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: call, scores: [1, -1e400]}"))
case("log-number-quoted-ok", 0, [], log=log_with('{at: 2026-02-01T09:00:00Z, type: notice, by: Acme, visit: V1, serial: "1e999"}'),
     stdout_contains=["1 events"])
# --- several logs, files that are not there
case("log-two-bad-files", 2, ["log.yaml:2:", "second.yaml:2:", "Acmee", "Nortwind"],
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}"),
     files={"second.yaml": log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: Nortwind}")},
     args=["agreement.terms", "log.yaml", "second.yaml"])
case("log-missing-file", 2, ["cannot read log `absent.yaml`", "No such file"], args=["agreement.terms", "absent.yaml"])
case("log-is-a-directory", 2, ["cannot read log `subdir`", "Is a directory"], args=["agreement.terms", "subdir"],
     files={"subdir/.keep": ""})

# ============================ agreements ====================================================
T_HEAD = 'agreement "Bad input corpus"\n  timezone "America/New_York"\nparty Acme\nparty Northwind\n'


def terms(body):
    return T_HEAD + body


# --- empty, encodings, layout
case("terms-empty-file", 2, ["log.yaml:", "the agreement declares no parties"], terms="")
case("terms-bom-only", 2, ["log.yaml:", "the agreement declares no parties"], terms=b"\xef\xbb\xbf")
case("terms-comment-only", 2, ["log.yaml:", "the agreement declares no parties"], terms="# to be written\n")
case("terms-bom-then-error", 2, ["agreement.terms:1:11:", "unterminated string"], terms=b'\xef\xbb\xbfagreement "Bad\nparty Acme\n')
case("terms-bom-valid", 1, [], terms=b"\xef\xbb\xbf" + SHARED_TERMS.encode(), stdout_contains=["late"])
case("terms-crlf-valid", 1, [], terms=SHARED_TERMS.replace("\n", "\r\n").encode(), stdout_contains=["late"])
case("terms-crlf-error-line", 2, ["agreement.terms:6:23:", "unknown party `Acmee`"],
     terms=terms('term "t"\n  every site_visit by Acmee requires notice within 2 days before\n').replace("\n", "\r\n").encode())
case("terms-tabs-valid", 1, [], terms=SHARED_TERMS.replace("  ", "\t"), stdout_contains=["late"])
case("terms-invalid-utf8-string", 2, ["agreement.terms:1:16:", "invalid UTF-8 byte 0xFF"], terms=b'agreement "Bad \xff"\nparty Acme\n')
case("terms-invalid-utf8-name", 2, ["agreement.terms:3:9:", "invalid UTF-8 byte 0xC3"],
     terms=b'agreement "Bad input corpus"\nparty Acme\nparty No\xc3rthwind\n')
case("terms-overlong-utf8", 2, ["agreement.terms:1:", "UTF-8"], terms=b'agreement "\xc0\xaf"\n')
case("terms-surrogate-utf8", 2, ["agreement.terms:1:", "UTF-8"], terms=b'agreement "\xed\xa0\x80"\n')
case("terms-latin1", 2, ["agreement.terms:3:", "UTF-8"], terms='agreement "Bad input corpus"\nparty Acme\n  name "Société Générale"\n'.encode("latin-1"))
case("terms-utf16", 2, ["agreement.terms:1:"], terms=SHARED_TERMS.encode("utf-16"))
case("terms-nul-byte", 2, ["agreement.terms:3:11:", "control character U+0000 in the agreement"],
     terms=b'agreement "Bad input corpus"\nparty Acme\nparty Acme\x00\n')
case("terms-control-character", 2, ["agreement.terms:3:7:", "control character U+0007 in the agreement"], terms=b'agreement "Bad input corpus"\nparty Acme\nparty \x07Northwind\n')
case("terms-binary-junk", 2, ["agreement.terms:1:"], terms=junk(2048))
case("terms-zeros", 2, ["agreement.terms:1:1:", "256 control characters in the agreement (the first is U+0000)"], terms=bytes(256))
case("terms-yaml-by-mistake", 2, ["agreement.terms:1:"], terms=SHARED_LOG)
# --- truncations
case("terms-truncated-string", 2, ["agreement.terms:1:11:", "unterminated string"], terms='agreement "Bad input\nparty Acme\n')
case("terms-truncated-after-agreement", 2, ["agreement.terms:", "expected"], terms="agreement")
case("terms-truncated-rule", 2, ["agreement.terms:6:", "found end of file"], terms=terms('term "t"\n  every site_visit by Acme requires'))
case("terms-truncated-condition", 2, ["agreement.terms:", "found end of file"], terms=terms('term "t"\n  no call where duration >'))
case("terms-truncated-hours", 2, ["agreement.terms:", "expected"], terms='agreement "Bad input corpus"\n  business hours mon-fri 09:00-')
case("terms-truncated-block", 2, ["agreement.terms:", "end of file"], terms=terms('term "t"\n'))
case("terms-truncated-backtick", 2, ["agreement.terms:6:", "`"], terms=terms('term "t"\n  no `name'))
# --- syntax
case("terms-unknown-character", 2, ["agreement.terms:6:6:", "unexpected character `@`"], terms=terms('term "t"\n  no @call\n'))
case("terms-bad-escape", 2, ["agreement.terms:5:", "unknown escape"], terms=terms('term "a\\qb"\n  no call\n'))
case("terms-keyword-as-name", 2, ["agreement.terms:6:11:", "reserved word", "backticks"],
     terms=terms('term "t"\n  average minutes of call at most 15 every week\n'))
case("terms-missing-timing", 2, ["agreement.terms:7:", "expected"], terms=terms('term "t"\n  every ticket requires response\n'))
case("terms-misspelt-keyword", 2, ["agreement.terms:6:", "requries"], terms=terms('term "t"\n  every ticket requries response within 2 days after\n'))
case("terms-many-syntax-errors", 2, ["agreement.terms:7:1:", "agreement.terms:9:1:", "found `term`", "agreement.terms:45:1: error: too many syntax errors; stopped reading the file here"],
     terms=terms("".join(f'term "t{i}"\n  no x where y =\n' for i in range(60))))
case("terms-deep-parentheses", 2, ["agreement.terms:6:", "condition nested too deeply (more than 200 levels"],
     terms=terms('term "t"\n  no call where ' + "(" * 201 + "x = 1" + ")" * 201 + "\n"))
case("terms-deep-not", 2, ["agreement.terms:6:", "condition nested too deeply"],
     terms=terms('term "t"\n  no call where ' + "not " * 100000 + "x = 1\n"))
case("terms-deep-parentheses-unclosed", 2, ["agreement.terms:6:", "nested too deeply"],
     terms=terms('term "t"\n  no call where ' + "(" * 100000 + "\n"))
case("terms-wide-or-ok", 0, [], terms=terms('term "t"\n  no breach where ' + " or ".join(["level = 1"] * 5000) + "\n"),
     stdout_contains=["0 findings"])
# --- literals out of range
case("terms-feb-30", 2, ["agreement.terms:2:13:", "invalid date `2026-02-30`: no such calendar date"],
     terms='agreement "Bad input corpus"\n  effective 2026-02-30 to 2026-12-31\nparty Acme\n')
case("terms-feb-29-not-leap", 2, ["agreement.terms:2:13:", "2027-02-29"], terms='agreement "Bad input corpus"\n  effective 2027-02-29 to 2027-12-31\n')
case("terms-year-1066", 2, ["agreement.terms:2:12:", "year outside the supported range 1900-2300"],
     terms='agreement "Bad input corpus"\n  holidays 1066-10-14\n')
case("terms-year-9999", 2, ["agreement.terms:2:27:", "year outside the supported range 1900-2300"],
     terms='agreement "Bad input corpus"\n  effective 2026-01-01 to 9999-12-31\n')
case("terms-time-25", 2, ["agreement.terms:2:32:", "invalid time `25:00`"], terms='agreement "Bad input corpus"\n  business hours mon-fri 09:00-25:00\n')
case("terms-time-24-30", 2, ["agreement.terms:2:32:", "24:30"], terms='agreement "Bad input corpus"\n  business hours mon-fri 09:00-24:30\n')
case("terms-minute-60", 2, ["agreement.terms:2:26:", "09:60"], terms='agreement "Bad input corpus"\n  business hours mon-fri 09:60-17:00\n')
case("terms-int-overflow", 2, ["agreement.terms:6:12:", "number too large: `99999999999999999999999`"],
     terms=terms('term "t"\n  at least 99999999999999999999999 call every day\n'))
case("terms-number-overflow", 2, ["agreement.terms:6:38:", "number out of range: `1000"],
     terms=terms('term "t"\n  average `duration` of call at most 1' + "0" * 400 + ' every week\n'))
case("terms-duration-overflow-weeks", 2, ["agreement.terms:6:41:", "more than 400 years"],
     terms=terms('term "t"\n  every ticket requires response within 9999999999 weeks after\n'))
case("terms-duration-overflow-minutes", 2, ["agreement.terms:6:41:", "more than 400 years"],
     terms=terms('term "t"\n  every ticket requires response within 9223372036854775807 minutes before\n'))
case("terms-duration-overflow-days", 2, ["agreement.terms:6:41:", "more than 400 years"],
     terms=terms('term "t"\n  every ticket requires response within 9223372036854775807 days after\n'))
case("terms-duration-overflow-business-days", 2, ["agreement.terms:6:41:", "more than 400 years"],
     terms=terms('term "t"\n  every ticket requires response within 2000000000 business days after\n'))
case("terms-duration-overflow-business-hours", 2, ["agreement.terms:6:41:", "more than 400 years"],
     terms=terms('term "t"\n  every ticket requires response within 9223372036854775807 business hours of Acme after\n'))
case("terms-duration-overflow-notice", 2, ["agreement.terms:6:61:", "more than 400 years"],
     terms=terms('term "t"\n  every site_visit requires notice with same visit at least 2562047788015 hours before\n'))
case("terms-period-overflow-days", 2, ["agreement.terms:6:25:", "more than 400 years"],
     terms=terms('term "t"\n  at least 1 call every 99999999999 days\n'))
case("terms-period-overflow-months", 2, ["agreement.terms:6:25:", "more than 400 years"],
     terms=terms('term "t"\n  at least 1 call every 4801 months\n'))
case("terms-allowing-period-overflow", 2, ["agreement.terms:6:", "more than 400 years"],
     terms=terms('term "t"\n  at least 1 call every week allowing 1 missed per 9223372036854775807 weeks\n'))
case("terms-duration-at-limit-ok", 0, [], terms=terms('term "t"\n  every ticket requires response within 146097 days after\n'),
     stdout_contains=["pending"])
# --- agreement errors (spec 3)
case("terms-unknown-party", 2, ["agreement.terms:6:23:", "unknown party `Acmee` [unknown-party]", "did you mean `Acme`?"],
     terms=terms('term "t"\n  every site_visit by Acmee requires notice within 2 days before\n'))
case("terms-unknown-party-responsible", 2, ["agreement.terms:6:15:", "unknown party `Nortwind`"],
     terms=terms('term "t"\n  responsible Nortwind\n  no call\n'))
case("terms-unknown-party-hours-of", 2, ["agreement.terms:6:", "no party or calendar named `Client`"],
     terms=terms('term "t"\n  every call occurs within business hours of Client\n'))
case("terms-unknown-party-business-of", 2, ["agreement.terms:6:", "no party or calendar named `Vendor`"],
     terms=terms('term "t"\n  every ticket requires response within 2 business days of Vendor after\n'))
case("terms-duplicate-party", 2, ["agreement.terms:5:7:", "party `Acme` is declared twice [duplicate-party]"],
     terms=terms("party Acme\n"))
case("terms-reversed-period", 2, ["agreement.terms:2:3:", "the effective period ends before it begins [bad-period]"],
     terms='agreement "Bad input corpus"\n  effective 2026-12-31 to 2026-01-01\nparty Acme\n')
case("terms-zero-period", 2, ["agreement.terms:6:25:", "a period of zero length [bad-period]"] if False else
     ["agreement.terms:6:", "a period of zero length", "[bad-period]"], terms=terms('term "t"\n  at least 1 call every 0 days\n'))
case("terms-zero-period-allowing", 2, ["agreement.terms:6:", "[bad-period]"],
     terms=terms('term "t"\n  at least 1 call every week allowing 1 missed per 0 weeks\n'))
case("terms-unknown-timezone", 2, ["agreement.terms:2:12:", "unknown time zone \"Mars/Olympus\" [unknown-timezone]"],
     terms='agreement "Bad input corpus"\n  timezone "Mars/Olympus"\nparty Acme\n')
case("terms-unknown-party-timezone", 2, ["agreement.terms:3:", "[unknown-timezone]"],
     terms='agreement "Bad input corpus"\nparty Acme\n  timezone "Europe/Atlantis"\n')
case("terms-no-business-time", 2, ["agreement.terms:3:", "party `Acme` has no business time at all [bad-calendar]"],
     terms='agreement "Bad input corpus"\nparty Acme\n  business hours mon-fri 09:00-09:00\nparty Northwind\nterm "t"\n  every call occurs within business hours of Acme\n')
# --- lint and fmt on bad agreements
case("lint-duplicate-party", 1, [], command="lint", terms=terms("party Acme\n"), stdout_contains=["duplicate-party"])
case("lint-syntax-error", 2, ["agreement.terms:7:1:", "or a name, found end of file"], command="lint", terms=terms('term "t"\n  every\n'))
case("lint-invalid-utf8", 2, ["agreement.terms:1:", "UTF-8"], command="lint", terms=b'agreement "\xfe"\n')
case("lint-binary-junk", 2, ["agreement.terms:1:"], command="lint", terms=junk(1024))
case("lint-deep-nesting", 2, ["agreement.terms:6:", "nested too deeply"], command="lint",
     terms=terms('term "t"\n  no call where ' + "(" * 5000 + "x = 1" + ")" * 5000 + "\n"))
case("lint-duration-overflow", 2, ["agreement.terms:6:", "more than 400 years"], command="lint",
     terms=terms('term "t"\n  every ticket requires response within 99999999999 hours after\n'))
case("fmt-syntax-error", 2, ["agreement.terms:7:1:", "expected a name, found end of file"], command="fmt", terms=terms('term "t"\n  no\n'))
case("fmt-invalid-utf8", 2, ["agreement.terms:1:", "UTF-8"], command="fmt", terms=b'agreement "\x80"\n')
case("fmt-binary-junk", 2, ["agreement.terms:1:"], command="fmt", terms=junk(700))
case("fmt-missing-file", 2, ["cannot read `absent.terms`"], command="fmt", args=["absent.terms"])
case("fmt-write-syntax-error-untouched", 2, ["agreement.terms:7:1:", "expected `not`, a name or `(`, found end of file"], command="fmt", args=["-w", "agreement.terms"],
     terms=terms('term "t"\n  no call where\n'))
case("explain-binary-junk", 2, ["agreement.terms:1:"], command="explain", terms=junk(600))
# --- the command line itself
case("cli-unknown-format", 2, ["unknown format `yml`", "expected one of: text, json"], args=["agreement.terms", "log.yaml", "--format", "yml"])
case("cli-unknown-fail-level", 2, ["unknown fail level"], args=["agreement.terms", "log.yaml", "--fail-on", "sometimes"])
case("cli-as-of-words", 2, ["--as-of `yesterday` is not a date or date-time"], args=["agreement.terms", "log.yaml", "--as-of", "yesterday"])
case("cli-as-of-year-9999", 2, ["--as-of `9999-12-31`", "year outside the supported range 1900-2300"],
     args=["agreement.terms", "log.yaml", "--as-of", "9999-12-31"])
case("cli-as-of-dst-gap", 2, ["--as-of `2026-03-08T02:30`", "daylight-saving gap"],
     args=["agreement.terms", "log.yaml", "--as-of", "2026-03-08T02:30"])
case("cli-output-in-missing-folder", 2, ["cannot write `no/such/folder/out.json`"],
     args=["agreement.terms", "log.yaml", "--format", "json", "-o", "no/such/folder/out.json"])
case("cli-agreement-missing", 2, ["cannot read agreement file `absent.terms`"], args=["absent.terms", "log.yaml"])
case("cli-agreement-is-a-directory", 2, ["cannot read agreement file `subdir`"], args=["subdir", "log.yaml"],
     files={"subdir/.keep": ""})
case("cli-no-log", 2, ["logs"], args=["agreement.terms"])

# ============================ added later (appended to keep the numbering stable) ===========
# Terminal escapes: never printed raw, neither from the source line nor from a decoded value.
case("log-escape-in-value", 2, ["log.yaml:2:", "a value holds the control character U+001B"], absent=["\x1b"],
     log=log_with('{at: 2026-02-01T09:00:00Z, type: notice, id: "\\e[2J\\e]0;pwned\\x07"}'))
case("log-c1-control-in-value", 2, ["log.yaml:2:", "control character U+009B"], absent=["\u009b"],
     log=log_with('{at: 2026-02-01T09:00:00Z, type: notice, note: "a\\u009b31mb"}'))
case("terms-terminal-escape", 2, ["agreement.terms:4:7:", "control character U+001B in the agreement", "\u241b[31m"], absent=["\x1b", "\x07"],
     terms=terms("").replace("party Northwind", "party \x1b[31mNorthwind\x1b]0;pwned\x07"))
case("log-raw-escape", 2, ["log.yaml:2:", "control characters are not allowed", "\u241b"], absent=["\x1b"],
     log=b"events:\n  - {at: 2026-02-01T09:00:00Z, type: notice, id: \x1b[2J}\n")
# Long lines: an error in a 200 000-character line shows a window of it, not all of it.
case("log-error-in-huge-line", 2, ["log.yaml:1:", "not a declared party", "…"], max_stderr=4000,
     log="events: [" + ", ".join(["{at: 2026-02-01T09:00:00Z, type: call, duration: 3}"] * 4000) +
     ", {at: 2026-02-01T09:00:00Z, type: notice, by: Nobody}]\n")
case("terms-error-in-huge-line", 2, ["agreement.terms:6:", "unexpected character `@`", "…"], max_stderr=4000,
     terms=terms('term "t"\n  no breach where ' + " or ".join(["level = 1"] * 10000) + " or @\n"))
# Both YAML readers agree on a byte order mark at the start of a later line (found by the
# differential fuzz_log: libyaml skipped it, yaml-cpp read it as text).
case("log-bom-in-the-middle-yaml-cpp", 0, [], stdout_contains=["1 events"], args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log=b"events:\n\xef\xbb\xbf  - " + GOOD_EVENT.encode() + b"\n")
# ... and both count it as a column of indentation.
case("log-bom-in-the-middle-indents", 2, ["log.yaml:3:4:", "bad indentation"], args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log=b"events:\n  - " + GOOD_EVENT.encode() + b"\n\xef\xbb\xbf  - {at: 2026-02-02T09:00:00Z, type: notice, by: Acmee}\n")
# yaml-cpp located every value of a long line by counting from the line start: quadratic, a
# 200 KB one-line log took minutes (fuzz_log timeout). Bounded by the runner's 10 s.
case("log-huge-line-yaml-cpp", 2, ["log.yaml:1:212055:", "not a declared party"], max_stderr=4000,
     args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log="events: [" + ", ".join(["{at: 2026-02-01T09:00:00Z, type: call, duration: 3}"] * 4000) +
     ", {at: 2026-02-01T09:00:00Z, type: notice, by: Nobody}]\n")
# yaml-cpp 0.7 loops forever on a stray flow end (fuzz_log timeout): malformed YAML is now read
# with libyaml for both readers.
case("log-stray-flow-end-yaml-cpp", 2, ["log.yaml:1:1:", "malformed YAML"], args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log=", x}\n")
case("log-stray-flow-end-after-document-yaml-cpp", 2, ["log.yaml:4:1:", "malformed YAML"],
     args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log="at: 2026-02-01T09:00:00Z\ntype: call\n---\n, by: Acme, visit: V1}\n")


# ============================ issue 11: hardening round 2 =================================
import base64  # noqa: E402  (here to keep the additions in one place)


def b64(raw):
    return "b64:" + base64.b64encode(raw).decode()


SECRET = "hunter2-do-not-print"
GOOD_TEST = """agreement: agreement.terms
cases:
  - name: a visit without notice
    blocks: [Site visits are announced]
    events:
      - {at: 2026-02-05T10:00:00-05:00, type: site_visit, by: Acme, visit: V1, id: V1}
    expect:
      - {block: Site visits are announced, rule: 1, reason: missing}
"""

# --- class 1: a test file reaches only its own folder tree; a rejected file shows one line ---
case("test-agreement-absolute-path", 2, ["test.yaml:1:12:", "the agreement `/proc/self/environ` is outside",
                                          "--root"], command="test", args=["test.yaml"],
     files={"test.yaml": GOOD_TEST.replace("agreement.terms", "/proc/self/environ")},
     env={"PACTUM_TEST_SECRET": SECRET}, absent=[SECRET, "PATH="])
case("test-agreement-dotdot", 2, ["tests/test.yaml:1:12:", "the agreement `../secret.env` is outside"],
     command="test", args=["tests/test.yaml"],
     files={"tests/test.yaml": GOOD_TEST.replace("agreement.terms", "../secret.env"),
            "secret.env": f"TOKEN={SECRET}\n"}, absent=[SECRET])
case("test-agreement-symlink-out", 2, ["tests/test.yaml:1:12:", "the agreement `agreement.terms` is outside"],
     command="test", args=["tests/test.yaml"], files={"tests/test.yaml": GOOD_TEST, "secret.txt": f"KEY={SECRET}\n"},
     setup=[{"symlink": "tests/agreement.terms", "to": "../secret.txt"}], absent=[SECRET])
case("test-agreement-symlink-to-environ", 2, ["tests/test.yaml:1:12:", "is outside"], command="test",
     args=["tests"], files={"tests/test.yaml": GOOD_TEST},
     setup=[{"symlink": "tests/agreement.terms", "to": "/proc/self/environ"}],
     env={"PACTUM_TEST_SECRET": SECRET}, absent=[SECRET])
case("test-agreement-symlink-inside-ok", 0, [], command="test", args=["tests/test.yaml"],
     files={"tests/test.yaml": GOOD_TEST, "tests/real/agreement.terms": SHARED_TERMS},
     setup=[{"symlink": "tests/agreement.terms", "to": "real/agreement.terms"}],
     stdout_contains=["PASS  a visit without notice", "1 passed, 0 failed"])
case("test-root-widens", 0, [], command="test", args=["tests/test.yaml", "--root", "."],
     files={"tests/test.yaml": GOOD_TEST.replace("agreement.terms", "../agreement.terms")},
     stdout_contains=["1 passed, 0 failed"])
case("test-file-link-out-of-folder", 2, ["test file `tests/leak.yaml` is not a regular file inside"], command="test",
     args=["tests"], files={"tests/test.yaml": GOOD_TEST, "tests/agreement.terms": SHARED_TERMS,
                            "private/leak.yaml": f"agreement: x\ncases: [{{name: {SECRET}}}]\n"},
     setup=[{"symlink": "tests/leak.yaml", "to": "../private/leak.yaml"}], absent=[SECRET])
case("test-agreement-not-regular", 2, ["tests/test.yaml:1:12:", "is not a regular file"], command="test",
     args=["tests/test.yaml"], files={"tests/test.yaml": GOOD_TEST, "tests/agreement.terms/.keep": ""})
# Every line has its own lexical error (`:` and `@` are no tokens): before, each error showed its
# line, 50 lines of the file.
SECRETS_FILE = "".join(f"SECRET_{i}: value-{i}@{SECRET}\n" for i in range(1, 60))
case("terms-secrets-file-one-line", 2, ["agreement.terms:1:1:", "SECRET_1: value-1@"], terms=SECRETS_FILE,
     absent=["value-2@", "SECRET_2", "value-30@", "SECRET_59"])
environ = b"\0".join(f"VAR_{i}=value-{i:03}-{SECRET}".encode() for i in range(40)) + b"\0"
case("terms-environ-like-one-window", 2, ["agreement.terms:1:1:", "VAR_0=value-000"], terms=environ,
     absent=["value-010-", "value-039-"], max_stderr=4000)
case("test-agreement-secrets-file-with-root", 2, ["secrets.terms:1:1:", "SECRET_1: value-1@", "no case was run"],
     command="test", args=["tests/test.yaml", "--root", "."],
     files={"tests/test.yaml": GOOD_TEST.replace("agreement.terms", "../secrets.terms"), "secrets.terms": SECRETS_FILE},
     absent=["value-2@", "SECRET_2", "SECRET_59"])

# --- class 2: control characters never reach the terminal from agreements or arguments ---
case("terms-escape-in-backtick-name", 2, ["agreement.terms:4:8:", "control character U+001B in the agreement"],
     terms=terms("").replace("party Northwind", "party `\x1b]8;;http://x.example\x07North\x1b]8;;\x07`"),
     absent=["\x1b", "\x07"])
case("terms-escape-in-string", 2, ["agreement.terms:5:7:", "control character U+001B"],
     terms=terms('term "\x1b[2JTickets"\n  no call\n'), absent=["\x1b"])
case("terms-c1-csi-in-string", 2, ["agreement.terms:1:12:", "control character U+009B"],
     terms='agreement "\u009b31mcorpus"\nparty Acme\n', absent=["\u009b"])
case("terms-bel-in-comment", 2, ["agreement.terms:5:4:", "control character U+0007"],
     terms=terms("# a\x07b\n"), absent=["\x07"])
case("terms-noncharacter-in-name", 2, ["agreement.terms:4:17:", "control character U+FFFE"],
     terms=terms("").replace("party Northwind", "party `Northwind\ufffe`"))
case("terms-form-feed", 2, ["agreement.terms:5:1:", "control character U+000C"], terms=terms("\x0c\n"))
case("test-case-name-escape", 0, [], command="test", args=["test.yaml"],
     files={"test.yaml": GOOD_TEST.replace("a visit without notice", '"a visit\\e[2J\\e]0;t\\a without notice"')},
     stdout_contains=["PASS  a visit\u241b[2J\u241b]0;t\u2407 without notice"])
case("cli-format-escape", 2, ["unknown format `\u241b[2J`"], args=["agreement.terms", "log.yaml", "--format", "\x1b[2J"])
case("cli-as-of-escape", 2, ["--as-of `\u241b]0;x\u2407`"], args=["agreement.terms", "log.yaml", "--as-of", "\x1b]0;x\x07"])
case("cli-log-name-escape", 1, [], args=["agreement.terms", "log\x1b[31m.yaml"],
     setup=[{"copy": "log.yaml", "to": "log\x1b[31m.yaml"}], stdout_contains=["log\u241b[31m.yaml:4:"])
case("cli-output-name-escape", 2, ["cannot write `no/\u241b[2J/out`"],
     args=["agreement.terms", "log.yaml", "-o", "no/\x1b[2J/out"])

# --- class 3: no output line starts with input text; no `::` or `##[` command --------------
WF_TERMS = terms("").replace("party Northwind", "party Northwind\nparty `::warning file=x.terms::injected`\n"
                             "party `\u00a0::error::nbsp`") + \
    'term "Visits"\n  responsible `::warning file=x.terms::injected`\n  every site_visit requires notice at least 1 hours before\n'
WF_LOG = log_with("{at: 2026-02-05T10:00:00Z, type: site_visit, id: \"##[error]boom\"}", header="agreement: Bad input corpus\nevents:\n")
for fmt_name in ("text", "github", "markdown", "html", "junit", "json", "sarif"):
    case(f"workflow-command-party-{fmt_name}", 1, [], terms=WF_TERMS, log=WF_LOG,
         args=["agreement.terms", "log.yaml", "--format", fmt_name])
# A log value may hold line breaks (YAML escapes): in no format may it start a line.
NL_LOG = log_with('{at: 2026-02-09T10:00:00-05:00, type: ticket, ticket: T1, id: "T1\\n::warning::injected\\n##[error]x"}',
                  "{at: 2026-02-20T10:00:00-05:00, type: call, duration: 3}")
for fmt_name in ("text", "github", "markdown", "html", "junit", "json", "sarif"):
    case(f"workflow-command-log-line-break-{fmt_name}", 1, [], log=NL_LOG,
         args=["agreement.terms", "log.yaml", "--format", fmt_name])
case("workflow-command-party-text-quoted", 1, [], terms=WF_TERMS, log=WF_LOG,
     stdout_contains=["  `::warning file=x.terms::injected`", "##\\[error]boom"])
case("workflow-command-lint", 0, [], command="lint", terms=WF_TERMS,
     stdout_contains=["`::warning file=x.terms::injected`"])
case("workflow-command-explain", 0, [], command="explain", terms=WF_TERMS,
     stdout_contains=["  `::warning file=x.terms::injected`: time zone"])
case("workflow-command-in-agreement", 2, ["agreement.terms:5:9:", "two `#` followed by `[` in the agreement"],
     terms=terms('term "a ##[error]b"\n  no call\n'))
case("workflow-command-test-case-name", 0, [], command="test", args=["test.yaml"],
     files={"test.yaml": GOOD_TEST.replace("a visit without notice", '"x\\n::warning::injected\\n##[error]y"')},
     stdout_contains=["PASS  x\u240a::warning::injected\u240a##\\[error]y"])
case("workflow-command-log-name", 2, ["./::error::pwned.yaml:2:50:", "`Acmee` is not a declared party"],
     args=["agreement.terms", "::error::pwned.yaml"],
     files={"::error::pwned.yaml": log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}")})
case("workflow-command-fmt-check-name", 1, ["./::warning::x.terms: not in canonical layout"], command="fmt",
     args=["--check", "::warning::x.terms"], files={"::warning::x.terms": "party   Acme\n"})
MENTIONS = terms('term "ping @octocat, see https://evil.example/x and www.evil.example, fixes #12"\n'
                 '  every site_visit requires notice at least 1 hours before\n')
case("markdown-mentions-and-autolinks", 1, [], terms=MENTIONS, log=WF_LOG.replace("agreement: Bad input corpus\n", ""),
     args=["agreement.terms", "log.yaml", "--format", "markdown"],
     stdout_contains=["@&#8203;octocat", "https:&#8203;//evil.example", "www&#8203;.evil.example", "\\#&#8203;12"],
     stdout_absent=["@octocat", "https://evil", "www.evil", " #12"])

# --- class 4: output paths ----------------------------------------------------------------
case("cli-output-fifo", 1, [], args=["agreement.terms", "log.yaml", "-o", "out.fifo"], setup=[{"fifo": "out.fifo"}],
     fifo_read=["out.fifo"], fifo_read_contains=["Summary: 1 finding"], files_after={"out.fifo": {"type": "other"}})
case("cli-output-dev-stdout", 1, [], args=["agreement.terms", "log.yaml", "-o", "/dev/stdout"],
     stdout_contains=["Summary: 1 finding"])
case("cli-output-symlink-target", 1, [], args=["agreement.terms", "log.yaml", "--format", "json", "-o", "out.json"],
     files={"reports/target.json": "old\n"}, setup=[{"symlink": "out.json", "to": "reports/target.json"}],
     files_after={"out.json": {"type": "symlink", "to": "reports/target.json"},
                  "reports/target.json": {"contains": ['"pactum": 1'], "mode": "0644"}})
case("cli-output-dangling-symlink", 1, [], args=["agreement.terms", "log.yaml", "-o", "out.txt"],
     setup=[{"symlink": "out.txt", "to": "made.txt"}],
     files_after={"out.txt": {"type": "symlink", "to": "made.txt"}, "made.txt": {"contains": ["Summary:"], "mode": "0644"}})
case("cli-output-keeps-mode", 1, [], args=["agreement.terms", "log.yaml", "-o", "out.txt"], files={"out.txt": "old\n"},
     setup=[{"chmod": "out.txt", "mode": "0600"}], files_after={"out.txt": {"contains": ["Summary:"], "mode": "0600"}})
case("cli-output-new-file-mode", 1, [], args=["agreement.terms", "log.yaml", "-o", "new.txt"],
     files_after={"new.txt": {"contains": ["Summary:"], "mode": "0644"}})
case("cli-output-long-name", 1, [], args=["agreement.terms", "log.yaml", "-o", "r" * 250 + ".txt"],
     files_after={"r" * 250 + ".txt": {"contains": ["Summary:"]}})
case("cli-output-is-agreement", 2, ["-o `agreement.terms` is an input of this run"],
     args=["agreement.terms", "log.yaml", "-o", "agreement.terms"])
case("cli-output-is-log", 2, ["-o `log.yaml` is an input of this run"], args=["agreement.terms", "log.yaml", "-o", "log.yaml"])
case("cli-output-is-log-through-link", 2, ["-o `out.yaml` is an input of this run (`log.yaml`)"],
     args=["agreement.terms", "log.yaml", "-o", "out.yaml"], setup=[{"symlink": "out.yaml", "to": "log.yaml"}])
case("cli-output-is-agreement-hard-link", 2, ["-o `copy.terms` is an input of this run"],
     args=["agreement.terms", "log.yaml", "-o", "copy.terms"], setup=[{"hardlink": "copy.terms", "to": "agreement.terms"}])
case("lint-output-is-agreement", 2, ["-o `agreement.terms` is an input of this run"], command="lint",
     args=["agreement.terms", "-o", "agreement.terms"])
UNFORMATTED = "party   Acme\nterm \"t\"\n  no   call\n"
case("fmt-write-keeps-mode", 0, [], command="fmt", args=["-w", "agreement.terms"], terms=UNFORMATTED,
     setup=[{"chmod": "agreement.terms", "mode": "0600"}],
     files_after={"agreement.terms": {"contains": ["party Acme\n"], "mode": "0600"}})
case("fmt-write-fifo-refused", 2, ["cannot rewrite `agreement.fifo`: not a regular file"], command="fmt",
     args=["-w", "agreement.fifo"], setup=[{"fifo": "agreement.fifo"}],
     fifo_write=[{"fifo": "agreement.fifo", "content": UNFORMATTED}], files_after={"agreement.fifo": {"type": "other"}})
case("fmt-write-through-link", 0, [], command="fmt", args=["-w", "link.terms"], files={"real/agreement.terms": UNFORMATTED},
     setup=[{"symlink": "link.terms", "to": "real/agreement.terms"}],
     files_after={"link.terms": {"type": "symlink", "to": "real/agreement.terms"},
                  "real/agreement.terms": {"contains": ["party Acme\n", "  no call\n"]}})

# --- class 5: work bounded by the input, reading bounded by the limits ---------------------
case("terms-dev-zero", 2, ["cannot read agreement file `/dev/zero`: larger than 2 MiB (the limit)"],
     args=["/dev/zero", "log.yaml"])
case("lint-dev-urandom", 2, ["cannot read agreement file `/dev/urandom`: larger than 2 MiB"], command="lint",
     args=["/dev/urandom"])
case("log-dev-zero", 2, ["/dev/zero:1:1:", "control characters are not allowed"], args=["agreement.terms", "/dev/zero"])
case("log-dev-zero-yaml-cpp", 2, ["/dev/zero:1:1:", "control characters are not allowed"],
     args=["agreement.terms", "/dev/zero", "--reader", "yaml-cpp"])
# Random bytes may hold a line feed before the first byte libyaml refuses: any line, but a position.
case("log-dev-urandom", 2, ["cannot read the text"], args=["agreement.terms", "/dev/urandom"],
     stderr_matches=[r"^/dev/urandom:[0-9]+:[0-9]+: error: malformed YAML: cannot read the text"])
case("test-dev-zero", 2, ["cannot read test file `/dev/zero`: larger than 2 MiB"], command="test", args=["/dev/zero"])
case("log-fifo-with-error", 2, ["log.fifo:3:50:", "`Acmee` is not a declared party", "by: Acmee}"],
     args=["agreement.terms", "log.fifo"], setup=[{"fifo": "log.fifo"}],
     fifo_write=[{"fifo": "log.fifo", "content": log_with(GOOD_EVENT, "{at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}")}],
     files_after={"log.fifo": {"type": "other"}})
case("log-fifo-over-the-limit", 2, ["the log `log.fifo` is larger than 256 MiB (the limit for a log read from a pipe"],
     args=["agreement.terms", "log.fifo"], setup=[{"fifo": "log.fifo"}],
     fifo_write=[{"fifo": "log.fifo", "content": "# " + "x" * 65533 + "\n", "repeat": 4097}],
     files_after={"log.fifo": {"type": "other"}})
case("log-stdin-with-error", 2, ["<stdin>:2:50:", "`Acmee` is not a declared party", "by: Acmee}"],
     args=["agreement.terms", "-"], stdin=log_with("{at: 2026-02-01T09:00:00Z, type: notice, by: Acmee}"))
case("terms-many-contradictions", 1, [], command="lint",
     setup=[{"generate": "agreement.terms", "head": T_HEAD + 'term "t"\n',
             "item": "  at least 3 call every week\n", "count": 40000, "tail": "  at most 2 call every week\n"}],
     stdout_contains=["agreement.terms:40006:3:", "contradictory terms", "1 lint error"])
case("terms-include-20000-values", 1, [], args=["agreement.terms", "log.yaml"],
     setup=[{"generate": "agreement.terms", "head": T_HEAD + 'term "t"\n  no call where tags include ',
             "item": "v{i}", "sep": ", ", "count": 20000, "tail": "\n"},
            {"generate": "log.yaml", "head": "events:\n", "count": 30,
             "item": "  - {at: 2026-02-10T09:00:00.{i}Z, type: call, by: Acme, tags: [{inner}]}\n",
             "inner": {"item": "v{i}", "sep": ", ", "count": 20000}}],
     stdout_contains=["forbidden", "30 findings"])
case("terms-deadline-beyond-calendar-per-activation", 0, [], args=["agreement.terms", "log.yaml"],
     setup=[{"generate": "agreement.terms",
             "head": T_HEAD + 'term "t"\n  every ticket requires response with same ticket within 146097 business days after\n',
             "item": "", "count": 0},
            {"generate": "log.yaml", "head": "events:\n", "count": 50000,
             "item": "  - {at: 2026-02-02T09:00:00Z, type: ticket, ticket: T{i}}\n"
                     "  - {at: 2026-02-03T09:00:00Z, type: response, ticket: T{i}}\n"}],
     stdout_contains=["0 findings", "100000 events"])
case("terms-lint-400-years-many-rules", 0, [], command="lint",
     setup=[{"generate": "agreement.terms",
             "head": 'agreement "Long"\n  effective 1900-01-01 to 2299-12-31\n  timezone "America/New_York"\nparty Acme\n'
                     'party Northwind\n  timezone "Asia/Manila"\n  business hours mon-fri 20:00-23:59\nterm "t"\n',
             "item": "  every ticket{i} requires response by Northwind within 4 days after\n"
                     "  at least 1 report{i} by Acme every week\n"
                     "  every call{i} occurs within business hours of Acme and Northwind\n", "count": 3000}],
     stdout_contains=["0 lint errors"])
case("terms-too-many-parties", 2, ["agreement.terms:1003:7:", "more than 1000 parties and calendars (the limit for an agreement)"],
     command="lint", setup=[{"generate": "agreement.terms", "head": T_HEAD, "item": "party P{i}\n", "count": 999}])
case("terms-daily-windows-over-400-years", 2, ["agreement.terms:6:25:", "too many windows to judge",
                                                "more than 100000 windows (the limit for one check)"],
     terms='agreement "Long"\n  effective 1900-01-01 to 2299-12-31\n  timezone "UTC"\nparty Acme\nterm "t"\n'
           '  at least 1 call every day\n',
     args=["agreement.terms", "log.yaml", "--as-of", "2299-12-31"],
     log="events:\n  - {at: 1900-01-01T09:00:00Z, type: call}\n")
case("terms-windows-times-rules", 2, ["agreement.terms:8:25:", "too many windows to judge"],
     terms='agreement "Long"\n  effective 2000-01-01 to 2199-12-31\n  timezone "UTC"\nparty Acme\nterm "t"\n'
           '  at least 1 call every day\n  at least 1 visit every day\n  at least 1 mail every day\n',
     args=["agreement.terms", "log.yaml", "--as-of", "2099-12-31"], log="events:\n  - {at: 2000-01-01T09:00:00Z, type: call}\n")

# --- class 6: crashes and undefined behaviour -------------------------------------------------
case("json-log-name-not-utf8", 1, [], args=["agreement.terms", b64(b"log-\xff.yaml"), "--format", "json"],
     setup=[{"copy": "log.yaml", "to": b64(b"log-\xff.yaml")}], stdout_contains=['"file": "log-\ufffd.yaml"'])
case("sarif-log-name-not-utf8", 1, [], args=["agreement.terms", b64(b"log-\xfe.yaml"), "--format", "sarif"],
     setup=[{"copy": "log.yaml", "to": b64(b"log-\xfe.yaml")}], stdout_contains=["2.1.0"])
case("test-agreement-is-a-list", 2, ["test.yaml:1:12:", "`agreement` must be a single value, not a list",
                                     "no case was run"], command="test", args=["test.yaml"],
     files={"test.yaml": GOOD_TEST.replace("agreement.terms", "[a.terms, b.terms]")})
case("test-agreement-is-a-map", 2, ["test.yaml:1:12:", "`agreement` must be a single value, not a mapping"],
     command="test", args=["test.yaml"], files={"test.yaml": GOOD_TEST.replace("agreement.terms", "{path: a.terms}")})
case("test-case-is-a-scalar", 2, ["test.yaml:3:5:", "case 1 must be a mapping"], command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\ncases:\n  - just a sentence\n"})
case("test-expect-rule-not-a-number", 2, ["test.yaml:3:", "`rule` must be a rule number, not `first`"], command="test",
     args=["test.yaml"], files={"test.yaml": "agreement: agreement.terms\ncases:\n  - {name: x, expect: [{block: b, rule: first}]}\n"})
case("test-events-not-a-list", 2, ["test.yaml:3:", "`events` must be a list, not a single value"], command="test",
     args=["test.yaml"], files={"test.yaml": "agreement: agreement.terms\ncases:\n  - {name: x, events: 5}\n"})
case("test-as-of-invalid", 2, ["test.yaml:3:", "`as_of` is not a date-time: `soon`"], command="test",
     args=["test.yaml"], files={"test.yaml": "agreement: agreement.terms\ncases:\n  - {name: x, as_of: soon}\n"})
case("test-aliases-refused", 2, ["test.yaml:4:", "aliases (`*name`) are not supported in rule-test files"],
     command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\nx: &a [1, 2]\ncases:\n  - {name: x, events: *a}\n"})
case("test-deep-nesting", 2, ["test.yaml:3:", "nesting deeper than 64 levels"], command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\ncases:\n  - " + "[" * 100000 + "\n"})
case("test-not-yaml", 2, ["test.yaml:2:1:", "malformed YAML"], command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: [unclosed\n"})
case("lint-cadence-count-max", 0, [], command="lint",
     terms=terms('term "t"\n  at least 9223372036854775807 order every day\n'), stdout_contains=["cadence-too-dense"])
case("terms-notice-huge-business-days", 1, [], args=["agreement.terms", "log.yaml"],
     terms=terms('term "t"\n  every site_visit requires notice with same visit at least 146097 business days before\n'),
     log=log_with("{at: 2026-02-01T09:00:00Z, type: notice, visit: V1}", "{at: 2026-02-05T09:00:00Z, type: site_visit, visit: V1}"),
     stdout_contains=["at least 146097 business days"])
case("terms-within-huge-business-days", 0, [], args=["agreement.terms", "log.yaml"],
     terms=terms('term "t"\n  every ticket requires response within 146097 business days after\n'),
     log=log_with("{at: 2026-02-02T09:00:00Z, type: ticket, id: T1}"),
     stdout_contains=["falls after 2300 (beyond the supported calendar)"], stdout_absent=["1535-"])
case("terms-within-huge-business-hours", 0, [], args=["agreement.terms", "log.yaml"],
     terms=terms('term "t"\n  every ticket requires response within 3506328 business hours after\n'),
     log=log_with("{at: 2026-02-02T09:00:00Z, type: ticket, id: T1}"),
     stdout_contains=["beyond the supported calendar"])
case("log-offset-beyond-18", 2, ["log.yaml:2:10:", "UTC offset out of range"],
     log=log_with("{at: 2026-02-01T09:00:00+18:30, type: notice}"))
case("log-offset-minus-18-01", 2, ["log.yaml:2:10:", "UTC offset out of range"],
     log=log_with("{at: 2026-02-01T09:00:00-18:01, type: notice}"))
case("log-offset-18-ok", 0, [], log=log_with("{at: 2026-02-02T09:00:00+18:00, type: notice, by: Acme, visit: V1}"),
     stdout_contains=["1 events"])
case("cli-as-of-offset-beyond-18", 2, ["UTC offset out of range"], args=["agreement.terms", "log.yaml", "--as-of", "2026-03-01T00:00+18:59"])
# --- words from other notations: one error each, with what the language writes instead (issue 13)
case("terms-business-hours-24-7", 2, ["agreement.terms:2:18:", "for round-the-clock hours write `mon-sun 00:00-24:00`"],
     command="lint", terms='party Desk\n  business hours 24/7\n', absent=["unexpected character"])
case("terms-business-hours-24x7", 2, ["agreement.terms:2:18:", "for round-the-clock hours write `mon-sun 00:00-24:00`"],
     command="lint", terms='party Desk\n  business hours 24x7\n')
# Input errors in the CI formats (docs/ci.md): exit 2, the errors on standard error and in the
# report too, so that a pipeline shows them; quoted input cannot start a line or a command.
CI_ERROR_LOG = log_with('{at: "2026-13-01\\n::warning::injected\\n##[error]x", type: notice}')
for fmt_name, shown in (("github", "::error file=log.yaml,line=2,col="), ("sarif", '"executionSuccessful": false'),
                        ("junit", 'type="input-error"'), ("gitlab", '"severity": "blocker"')):
    case(f"ci-input-error-{fmt_name}", 2, ["log.yaml:2:"], log=CI_ERROR_LOG,
         args=["agreement.terms", "log.yaml", "--format", fmt_name], stdout_contains=[shown])
# GitLab Code Quality (added after the formats above): the same no-command promise.
case("workflow-command-party-gitlab", 1, [], terms=WF_TERMS, log=WF_LOG,
     args=["agreement.terms", "log.yaml", "--format", "gitlab"])
case("workflow-command-log-line-break-gitlab", 1, [], log=NL_LOG, args=["agreement.terms", "log.yaml", "--format", "gitlab"])
case("ci-input-error-sarif-output", 2, ["log.yaml:2:"], log=CI_ERROR_LOG,
     args=["agreement.terms", "log.yaml", "--format", "sarif", "-o", "report.sarif"],
     files_after={"report.sarif": {"contains": ['"ruleId": "input-error"', '"uri": "log.yaml"']}})
# Azure Pipelines' logging commands (`##vso[`, in any case, read anywhere in a line): refused in
# an agreement (`fmt` prints it as it is), escaped in every report.
case("azure-command-in-agreement-fmt", 2, ["agreement.terms:1:1:", "`##vso` followed by `[` in the agreement"],
     command="fmt", terms="##vso[task.setvariable variable=secret]pwned\n" + terms(""))
AZ_LOG = WF_LOG.replace('"##[error]boom"', '"##vso[task.setvariable variable=x]boom ##VSO[task.complete]"')
for fmt_name in ("text", "json"):
    case(f"azure-command-log-{fmt_name}", 1, [], terms=WF_TERMS, log=AZ_LOG,
         args=["agreement.terms", "log.yaml", "--format", fmt_name])
# `localtime` is a file of the system's zone directory (a link to /etc/localtime), not a zone:
# it would make the same files mean other instants on another machine.
case("terms-timezone-localtime", 2, ["agreement.terms:2:12:", "unknown time zone \"localtime\" [unknown-timezone]"],
     terms='agreement "Bad input corpus"\n  timezone "localtime"\nparty Acme\n')
case("log-timezone-localtime", 2, ["log.yaml:1:11:", "unknown time zone `localtime`"],
     log="timezone: localtime\nevents: []\n")
# A report that cannot be written ends the run with exit 2, and then nothing else is delivered
# either: not the report on standard output, not the other report files (spec 8, 8.2).
case("output-extra-report-fails", 2, ["cannot write `/dev/full`"],
     args=["agreement.terms", "log.yaml", "--output", "sarif=/dev/full"])
case("output-extra-report-fails-o-untouched", 2, ["cannot write `/dev/full`"],
     args=["agreement.terms", "log.yaml", "-o", "report.json", "--format", "json", "--output", "sarif=/dev/full"])
for fmt_name in ("text", "sarif"):
    case(f"stdout-full-{fmt_name}", 2, ["pactum: cannot write to standard output"],
         args=["agreement.terms", "log.yaml", "--format", fmt_name], stdout_to="/dev/full")
case("stdout-closed", 2, ["pactum: cannot write to standard output"],
     args=["agreement.terms", "log.yaml", "--format", "json"], stdout_to="closed")
case("stdout-full-lint", 2, ["pactum: cannot write to standard output"], command="lint", stdout_to="/dev/full")
case("stdout-full-report-file-untouched", 2, ["pactum: cannot write to standard output"],
     args=["agreement.terms", "log.yaml", "--output", "json=report.json"], stdout_to="/dev/full")
# More logs than the soft limit of open files (each regular log stays open for its error lines):
# pactum raises the soft limit to the hard one.
MANY_LOGS = {f"day-{i:03d}.yaml": f"- {{id: E{i}, at: 2026-02-05T10:00:00Z, type: call, duration: 3}}\n"
             for i in range(1, 201)}
case("logs-beyond-soft-file-limit", 0, [], args=["agreement.terms"] + sorted(MANY_LOGS), files=MANY_LOGS,
     soft_limit_files=64, stdout_contains=["200 events"])
# A log on standard input is parsed as it is read: its syntax errors read as a file's would.
case("log-tab-indent-stdin", 2, ["<stdin>:2:1:", "a tab character in indentation (YAML indents with spaces)"],
     args=["agreement.terms", "-"], stdin="events:\n\t- id: B1\n")
# --write-baseline is an output like -o: never an input of the run, never a report's file.
case("baseline-write-is-log", 2, ["--write-baseline `log.yaml` is an input of this run"],
     args=["agreement.terms", "log.yaml", "--write-baseline", "log.yaml"])
case("baseline-write-is-agreement-through-link", 2, ["--write-baseline `b.json` is an input of this run (`agreement.terms`)"],
     args=["agreement.terms", "log.yaml", "--write-baseline", "b.json"], setup=[{"symlink": "b.json", "to": "agreement.terms"}])
case("baseline-write-is-report", 2, ["--write-baseline and a report would both be written to `./out.json`"],
     args=["agreement.terms", "log.yaml", "--format", "json", "-o", "out.json", "--write-baseline", "./out.json"])
# A rule test limited to a block the agreement does not have compared nothing and passed.
case("test-blocks-unknown-name", 1, [], command="test", args=["test.yaml"],
     files={"test.yaml": GOOD_TEST.replace("blocks: [Site visits are announced]", "blocks: [Site visits are anounced]")},
     stdout_contains=["FAIL  a visit without notice",
                      '`blocks:` names "Site visits are anounced", which the agreement does not have; '
                      'did you mean "Site visits are announced"?', "0 passed, 1 failed"])
# `pactum merge` of a part that is not JSON: the parser's message quotes the bytes it read last.
case("merge-part-not-json-escapes", 2, ["is not a part of a sliced check: not JSON", "\ufffd31mRED\ufffd0m", "\ufffd"],
     command="merge", args=["bad.json", "bad2.json"],
     files={"bad.json": b'{"pactum": 1, "x": "\xc2\x9b31mRED\xc2\x9b0m" x', "bad2.json": b'{"pactum": 1, "x": tru\xff'})
# Standard input is read once: `-` twice would make the second an empty log, silently.
case("cli-stdin-twice", 2, ["`-` (standard input) is given more than once"], args=["agreement.terms", "-", "-"],
     stdin=log_with("{at: 2026-02-01T09:00:00Z, type: notice}"))
# Half a megabyte and more of nesting in one flow collection: the parallel reader's layout probe
# and chunk parsers stop at the nesting limit (libyaml's work grows quadratically with depth:
# minutes here before), and the one parser reports it.
case("log-deep-flow-large", 2, ["log.yaml:1:257:", "nesting deeper than 64 levels"], args=["agreement.terms", "log.yaml"],
     setup=[{"generate": "log.yaml", "item": "{a: ", "count": 140000, "tail": "\n"}])
case("log-deep-flow-sequence-large", 2, ["log.yaml:1:", "an event must be a mapping"], args=["agreement.terms", "log.yaml"],
     setup=[{"generate": "log.yaml", "item": "[", "count": 540000, "tail": "\n"}])
case("log-deep-flow-item-large", 2, ["log.yaml:1:3:", "an event must be a mapping"], args=["agreement.terms", "log.yaml"],
     setup=[{"generate": "log.yaml", "head": "- ", "item": "[", "count": 600000, "tail": "\n"}])

# `pactum test` reads the test file as it is (cases 333-337): one document, known keys, each given
# once, an agreement that is read even without cases, errors in events at their own lines.
case("test-second-document", 2, ["test.yaml:5:1:", "holds one YAML document", "no case was run"], command="test",
     args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\ncases:\n  - {name: first, events: []}\n---\n"
                         "agreement: agreement.terms\ncases:\n  - {name: never run, expect: [{block: x, reason: late}]}\n"})
case("test-duplicate-expect-key", 2, ["test.yaml:5:70:", "duplicate key `reason` in an expected finding"],
     command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\ncases:\n  - name: x\n    expect:\n"
                         "      - {block: Site visits are announced, rule: 1, reason: missing, reason: late}\n"})
case("test-misspelt-keys", 2, ["test.yaml:4:5:", "unknown key `expcet` in case 1", "did you mean `expect`?",
                               "test.yaml:8:44:", "unknown key `responsibel`", "did you mean `responsible`?"],
     command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\ncases:\n  - name: x\n    expcet:\n"
                         "      - {block: Site visits are announced}\n  - name: y\n    expect:\n"
                         "      - {block: Site visits are announced, responsibel: [Acme]}\n"})
case("test-no-cases-broken-agreement", 2, ["broken.terms:4:", "Acmee", "no case was run"], command="test",
     args=["test.yaml"],
     files={"test.yaml": "agreement: broken.terms\ncases: []\n",
            "broken.terms": 'agreement "B"\nparty Acme\nterm "T"\n  every visit requires notice by Acmee within 2 hours after\n'})
case("test-event-error-at-its-line", 1, [], command="test", args=["test.yaml"],
     files={"test.yaml": "agreement: agreement.terms\ncases:\n  - name: a typo in a party\n    events:\n"
                         "      - at: 2026-03-02T09:00:00-05:00\n        type: ticket\n        by: Acmee\n"
                         "        ticket: T1\n"},
     stdout_contains=["FAIL  a typo in a party", "test.yaml:7:13: error: `Acmee` is not a declared party",
                      "did you mean `Acme`?"])
# Old Mac line ends (CR only) in an agreement: lines counted as editors count them.
case("agreement-cr-only-line-ends", 2, ["agreement.terms:7:6: error: unexpected characters `??`", " 7 |   no ??"],
     command="lint", args=["agreement.terms"],
     terms=b'agreement "CR"\r  timezone "UTC"\rparty Acme\r# a comment ends at its line\rterm "t"\r  no x\r  no ??\r')
# Spec 8.3's own form: a test in `tests/` names `../acme.terms`; an agreement file under the
# current folder may be named without --root (a `.env` or key file may not: test-agreement-dotdot).
case("test-agreement-parent-terms-ok", 0, [], command="test", args=["tests/test.yaml"],
     files={"tests/test.yaml": GOOD_TEST.replace("agreement.terms", "../acme.terms"), "acme.terms": SHARED_TERMS},
     stdout_contains=["PASS  a visit without notice", "1 passed, 0 failed"])
# ... but not through a link named `.terms` that leads to another kind of file.
case("test-agreement-parent-terms-link-to-key", 2, ["tests/test.yaml:1:12:", "the agreement `../acme.terms` is outside"],
     command="test", args=["tests/test.yaml"],
     files={"tests/test.yaml": GOOD_TEST.replace("agreement.terms", "../acme.terms"), "key.pem": f"KEY={SECRET}\n"},
     setup=[{"symlink": "acme.terms", "to": "key.pem"}], absent=[SECRET])
# An agreement with two syntax errors: each shows its line and what it found (spec 8.2).
case("terms-two-syntax-errors-both-shown", 2, ["agreement.terms:7:22: error: unexpected character `$`",
                                                "agreement.terms:8:20: error: unexpected character `@`", " 8 |   no z"],
     terms='agreement "Two"\n  timezone "UTC"\nparty Acme\nterm "t"\n  no x\n  no y\n  no bad where d = 1 $\n'
           '  no z where q = 2 @\n')

# A committed symbolic link to a process file: refused before a byte is read (its first line, the
# environment, would be quoted in an error).
case("log-symlink-to-environ", 2, ["env.yaml: error: cannot read log `env.yaml`: it leads to a process or kernel file"],
     args=["agreement.terms", "env.yaml"], setup=[{"symlink": "env.yaml", "to": "/proc/self/environ"}],
     env={"PACTUM_TEST_SECRET": SECRET}, absent=[SECRET, "PATH="])
case("terms-symlink-to-environ", 2, ["cannot read agreement file `env.terms`: it leads to a process or kernel file"],
     command="lint", args=["env.terms"], setup=[{"symlink": "env.terms", "to": "/proc/self/environ"}],
     env={"PACTUM_TEST_SECRET": SECRET}, absent=[SECRET, "PATH="])

# `-o` over the waivers or the baseline the run reads would destroy them (as over a log).
case("cli-output-over-waivers", 2, ["-o `w.yaml` is an input of this run (`w.yaml`); nothing was written"],
     args=["agreement.terms", "log.yaml", "--waivers", "w.yaml", "-o", "w.yaml"],
     files={"w.yaml": "waivers:\n  - {id: a7f660ed082febde, owner: me, reason: x, until: 2099-01-01}\n"})
case("cli-output-over-baseline", 2, ["-o `b.json` is an input of this run (`b.json`); nothing was written"],
     args=["agreement.terms", "log.yaml", "--baseline", "b.json", "--format", "json", "-o", "b.json"],
     files={"b.json": '{"pactum_baseline": 1}\n'})

# Thousands of stale baseline entries and unused waivers: read in linear time (each entry used to
# be located from the start of the file: 40,000 took 57 s), a hundred warnings of each kind, then
# one that counts the rest.
case("baseline-many-stale-entries", 1, ["19900 more baseline entries are fixed (the first 100 are shown)"],
     args=["agreement.terms", "log.yaml", "--baseline", "b.json"], max_stderr=60000,
     setup=[{"generate": "b.json", "head": '{"pactum_baseline": 1, "findings": [\n',
             "item": '{"id": "00000000000000ab", "block": "b", "rule": 1, "reason": "missing"},\n', "count": 19999,
             "tail": '{"id": "00000000000000ab", "block": "b", "rule": 1, "reason": "missing"}]}\n'}])
case("waivers-many-unused", 1, ["7900 more waivers match no finding (the first 100 are shown)"],
     args=["agreement.terms", "log.yaml", "--waivers", "w.yaml"], max_stderr=60000,
     setup=[{"generate": "w.yaml", "head": "waivers:\n",
             "item": "  - {id: a7f660ed082febde, owner: me, reason: x, until: 2099-01-01}\n", "count": 8000, "tail": ""}])

# CR-only line ends read by yaml-cpp as by libyaml (yaml-cpp 0.7 took a lone CR for a character).
case("log-cr-only-line-ends-yaml-cpp", 2, ["log.yaml:3:10: error: `at` is not a valid date-time: `nope`"],
     args=["agreement.terms", "log.yaml", "--reader", "yaml-cpp"],
     log=("events:\r  - " + GOOD_EVENT + "\r  - {at: nope, type: y}\r").encode())

# Fifty errors on one 2 MB line: the line is escaped once for all of them (each error escaped and
# copied the whole line: 16 s, then a minute at 8 MB).
case("log-many-errors-on-one-long-line", 2, ["log.yaml:1:", "this event has no `at`", "50 errors"],
     args=["agreement.terms", "log.yaml"],
     setup=[{"generate": "log.yaml", "head": "events: [" + "{type: x}, " * 50, "item": " ", "count": 2000000,
             "tail": "{type: x}]\n"}])


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(content.encode() if isinstance(content, str) else content)


def main():
    if os.path.isdir(CASES):
        shutil.rmtree(CASES)
    write(os.path.join(HERE, "shared", "agreement.terms"), SHARED_TERMS)
    write(os.path.join(HERE, "shared", "log.yaml"), SHARED_LOG)
    names = set()
    for n, c in enumerate(cases, 1):
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        folder = os.path.join(CASES, f"{n:03d}-{c['name']}")
        os.makedirs(folder)
        if c["terms"] is not None:
            write(os.path.join(folder, "agreement.terms"), c["terms"])
        if c["log"] is not None:
            write(os.path.join(folder, "log.yaml"), c["log"])
        for name, content in c["files"].items():
            write(os.path.join(folder, name), content)
        expect = {"command": c["command"], "exit": c["exit"], "stderr_contains": c["contains"]}
        if c["args"] is not None:
            expect["args"] = c["args"]
        if c["stdout_contains"]:
            expect["stdout_contains"] = c["stdout_contains"]
        if c["absent"]:
            expect["stderr_absent"] = c["absent"]
        if c["max_stderr"]:
            expect["stderr_max_bytes"] = c["max_stderr"]
        expect.update(c["extra"])
        write(os.path.join(folder, "expect.json"), json.dumps(expect, indent=2, ensure_ascii=False) + "\n")
    print(f"generate.py: {len(cases)} cases in {os.path.relpath(CASES)}")


if __name__ == "__main__":
    main()
