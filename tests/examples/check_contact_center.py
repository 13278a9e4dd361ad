#!/usr/bin/env python3
"""The contact-center worked example (examples/contact-center), checked end to end.

- The generator is deterministic and its committed output is what it writes: it is run into a
  temporary folder and both files must be byte-identical to the committed ones (so the expected
  file is never edited by hand).
- `pactum check contact-center.terms contact-center-2026.yaml --format json` must report exactly
  the findings and pending items of contact-center-2026.expected.json, in order: block, rule,
  reason, responsible (in order), time, window, every event id, the measured values named there
  (numbers within 0.01), the credit (amount within 0.005, owed_by in order) and the stable id;
  the summary counts; and the `credits` summary (currency, every party's accrued / capped / owed,
  and every period entry in order).
Usage: check_contact_center.py PATH/TO/pactum REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

FOLDER = "examples/contact-center"
AGREEMENT = "contact-center.terms"
LOG = "contact-center-2026.yaml"
EXPECTED = "contact-center-2026.expected.json"
GENERATOR = "generate_contact_center_log.py"
TOL_MEASURED = 0.01
TOL_MONEY = 0.005


def instant(text):
    if text is None:
        return None
    try:
        t = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return f"unreadable time {text!r}"
    return t.astimezone(timezone.utc) if t.tzinfo else f"time without offset {text!r}"


def number_close(got, want, tol):
    return isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got - want) <= tol + 1e-9


def describe(e):
    where = f" window {e['window']['start']}" if e.get("window") else ""
    first = f" event {e['events'][0]}" if e.get("events") else ""
    return f"{e['block']} rule {e['rule']} {e['reason']}{where}{first}"


def compare_item(label, got, want):
    """Differences between one reported finding / pending item and its expected entry."""
    out = []

    def differ(field, g, w):
        out.append(f"{label} ({describe(want)}): {field}: expected {w!r}, got {g!r}")

    for key in ("block", "rule", "reason", "responsible", "id"):
        if got.get(key) != want[key]:
            differ(key, got.get(key), want[key])
    if instant(got.get("at")) != instant(want["at"]):
        differ("at", got.get("at"), want["at"])
    gw, ww = got.get("window"), want["window"]
    if ww is None:
        if gw is not None:
            differ("window", gw, None)
    elif gw is None or instant(gw.get("start")) != instant(ww["start"]) or instant(gw.get("end")) != instant(ww["end"]):
        differ("window", gw, ww)
    got_events = [e.get("id") for e in got.get("events") or []]
    if got_events != want["events"]:
        missing = [e for e in want["events"] if e not in got_events]
        extra = [e for e in got_events if e not in want["events"]]
        differ("events", f"{len(got_events)} events (extra {extra[:10]}, missing {missing[:10]}, first {got_events[:5]})",
               f"{len(want['events'])} events (first {want['events'][:5]})")
    measured = got.get("measured") or {}
    for key, w in want["measured"].items():
        if not number_close(measured.get(key), w, TOL_MEASURED):
            differ(f"measured.{key}", measured.get(key), w)
    if "credit" in want:
        gc, wc = got.get("credit"), want["credit"]
        if wc is None:
            if gc is not None:
                differ("credit", gc, None)
        elif not isinstance(gc, dict) or not number_close(gc.get("amount"), wc["amount"], TOL_MONEY) \
                or gc.get("owed_by") != wc["owed_by"]:
            differ("credit", gc, wc)
    return out


def identity(e):
    """block, rule, reason, window start (as an instant), first event id: one item of the report."""
    events = e.get("events") or []
    first = events[0] if events else None
    if isinstance(first, dict):
        first = first.get("id")
    window = e.get("window")
    return (e.get("block"), e.get("rule"), e.get("reason"), instant(window.get("start")) if window else None, first)


def show(ident):
    block, rule, reason, window, first = ident
    return f"{block} rule {rule} {reason}" + (f" window {window:%Y-%m-%d %H:%M}Z" if window else "") + \
        (f" event {first}" if first else "")


def compare_list(label, got, want):
    """The items must be the expected ones in the expected order; those that are there are then
    compared field by field (so one missing finding does not hide the details of the others)."""
    out = []
    got_ids, want_ids = [identity(g) for g in got], [identity(w) for w in want]
    if got_ids != want_ids:
        missing = [show(i) for i in want_ids if i not in got_ids]
        extra = [show(i) for i in got_ids if i not in want_ids]
        text = f"{label}: expected {len(want)}, got {len(got)}"
        if missing:
            text += "\n      not reported: " + "\n                    ".join(missing)
        if extra:
            text += "\n      not expected: " + "\n                    ".join(extra)
        if not missing and not extra:
            text += ", the same items in another order:\n      expected " + "\n               ".join(
                show(i) for i in want_ids) + "\n      got      " + "\n               ".join(show(i) for i in got_ids)
        out.append(text)
    for i, w in enumerate(want, 1):
        if want_ids[i - 1] in got_ids:
            out += compare_item(f"{label[:-1]} {i}", got[got_ids.index(want_ids[i - 1])], w)
    return out


def compare_credits(got, want):
    out = []
    if got is None:
        return ["credits: the report has no \"credits\" object"]
    if got.get("currency") != want["currency"]:
        out.append(f"credits.currency: expected {want['currency']!r}, got {got.get('currency')!r}")
    gp = got.get("by_party") or {}
    if sorted(gp) != sorted(want["by_party"]):
        out.append(f"credits.by_party parties: expected {sorted(want['by_party'])}, got {sorted(gp)}")
    for party, w in want["by_party"].items():
        for key, value in w.items():
            g = (gp.get(party) or {}).get(key)
            if not number_close(g, value, TOL_MONEY):
                out.append(f"credits.by_party.{party}.{key}: expected {value}, got {g}")
    gl = got.get("by_period") or []
    if len(gl) != len(want["by_period"]):
        out.append(f"credits.by_period: expected {len(want['by_period'])} entries, got {len(gl)}: {gl}")
    for i, (g, w) in enumerate(zip(gl, want["by_period"]), 1):
        bad = [k for k in ("party", "start", "end", "accrued", "capped", "owed")
               if (g.get(k) != w[k] if k == "party" else
                   instant(g.get(k)) != instant(w[k]) if k in ("start", "end") else
                   not number_close(g.get(k), w[k], TOL_MONEY))]
        if bad:
            out.append(f"credits.by_period {i}: {', '.join(bad)} differ: expected {w}, got {g}")
    return out


def main(pactum, root):
    problems = []
    folder = os.path.join(root, FOLDER)
    # 1. The committed files are the generator's output.
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run([sys.executable, os.path.join(folder, GENERATOR), "--out", tmp],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            problems.append(f"generator failed: {proc.stderr[-1500:]}")
        else:
            for name in (LOG, EXPECTED):
                with open(os.path.join(tmp, name), "rb") as a, open(os.path.join(folder, name), "rb") as b:
                    if a.read() != b.read():
                        problems.append(f"{FOLDER}/{name} is not what {GENERATOR} writes: run the generator")
    # 2. pactum's report is the expected one.
    expected = json.load(open(os.path.join(folder, EXPECTED)))["expect"]
    proc = subprocess.run([pactum, "check", AGREEMENT, LOG, "--format", "json"], cwd=folder,
                          capture_output=True, text=True)
    if proc.returncode != expected["exit"]:
        problems.append(f"exit {proc.returncode}, expected {expected['exit']}; stderr: {proc.stderr[:800]}")
    try:
        report = json.loads(proc.stdout)
    except ValueError:
        report = None
        problems.append(f"no JSON report: {proc.stdout[:300]} {proc.stderr[:800]}")
    if report is not None:
        summary = report.get("summary") or {}
        for key, w in expected["summary"].items():
            if summary.get(key) != w:
                problems.append(f"summary.{key}: expected {w}, got {summary.get(key)}")
        problems += compare_list("findings", report.get("findings") or [], expected["findings"])
        problems += compare_list("pending items", report.get("pending") or [], expected["pending"])
        problems += compare_credits(report.get("credits"), expected["credits"])
        codes = sorted(entry.get("code") for entry in report.get("lint") or [])
        if codes != sorted(expected["lint_codes"]):
            problems.append(f"lint codes: expected {expected['lint_codes']}, got {codes}")
    for p in problems:
        print("FAIL " + p)
    print(f"contact-center example: {len(expected['findings'])} findings, {len(expected['pending'])} pending items, "
          f"{len(expected['credits']['by_period'])} credit periods expected; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
