#!/usr/bin/env python3
"""The bundled example and the rules library, checked end to end.

- examples/acme.terms + acme-2026.yaml must give exactly the findings, pending items and tolerated
  count recorded in examples/acme-2026.expected.json (computed independently by the generator).
- Every agreement in rules/ and examples/ (subfolders included) must load, and lint without errors
  (warnings allowed), and all of them are in canonical `pactum fmt` layout; `pactum lint` over all
  of them at once exits 0 with nothing on standard error.
The contact-center example has its own check (check_contact_center.py).
Usage: check_examples.py PATH/TO/pactum REPO_ROOT
"""
import json
import os
import subprocess
import sys


def main(pactum, root):
    problems = []
    checks = 0
    expected = json.load(open(os.path.join(root, "examples/acme-2026.expected.json")))["expect"]
    proc = subprocess.run([pactum, "check", "examples/acme.terms", "examples/acme-2026.yaml", "--format", "json"],
                          cwd=root, capture_output=True, text=True)
    checks += 1
    if proc.returncode != 1:
        problems.append(f"example: exit {proc.returncode}, expected 1; stderr: {proc.stderr[:500]}")
    else:
        report = json.loads(proc.stdout)
        got = []
        for f in report["findings"]:
            entry = {"block": f["block"], "rule": f["rule"], "reason": f["reason"], "responsible": f["responsible"]}
            if "window" in f:
                entry["window"] = f["window"]["start"]
            else:
                entry["event"] = f["events"][0]["id"]
            got.append(entry)
        want = [{k: v for k, v in e.items() if k in ("block", "rule", "reason", "responsible", "event", "window")}
                for e in expected["findings"]]
        if got != want:
            for i in range(max(len(got), len(want))):
                g = got[i] if i < len(got) else None
                w = want[i] if i < len(want) else None
                if g != w:
                    problems.append(f"example finding {i + 1}: expected {w}, got {g}")
        pending = [p["events"][0]["id"] for p in report["pending"]]
        if pending != expected["pending"]:
            problems.append(f"example pending {pending}, expected {expected['pending']}")
        if report["summary"]["tolerated"] != expected["tolerated"]:
            problems.append(f"example tolerated {report['summary']['tolerated']}, expected {expected['tolerated']}")
    agreements = []
    for folder in ("rules", "examples"):
        for parent, _, names in sorted(os.walk(os.path.join(root, folder))):
            agreements += sorted(os.path.relpath(os.path.join(parent, n), root) for n in names if n.endswith(".terms"))
    for path in agreements:
        checks += 1
        proc = subprocess.run([pactum, "lint", path, "--format", "json"], cwd=root, capture_output=True, text=True)
        if proc.returncode != 0:
            problems.append(f"{path}: lint exit {proc.returncode}: {proc.stdout[:800]} {proc.stderr[:800]}")
    # Every agreement in rules/ and examples/ is in canonical layout (`pactum fmt`, comments included),
    # and lint-clean in one multi-file run (`pactum lint rules/*.terms`, as rules/README.md says).
    checks += 1
    proc = subprocess.run([pactum, "fmt", "--check"] + agreements, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        problems.append(f"not in canonical layout: {proc.stderr.strip()}")
    checks += 1
    proc = subprocess.run([pactum, "lint"] + agreements, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0 or proc.stderr or proc.stdout.count("==> ") != len(agreements):
        problems.append(f"pactum lint {' '.join(agreements)}: exit {proc.returncode}: {proc.stdout[:800]} {proc.stderr[:800]}")
    for p in problems:
        print("FAIL " + p)
    print(f"{checks} checks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
