#!/usr/bin/env python3
"""The agreement text shown in the documentation must be what pactum accepts.

Checked in docs/language.md and docs/writing-agreements.md:

- Every fenced block tagged `terms` is agreement text that `pactum lint` must accept without a
  single lint entry. Words after `terms` in the fence's info string say more:
    ```terms prelude           the declarations the document's other snippets build on (at most
                               one per document; it is checked on its own)
    ```terms lint=CODE,CODE    lint must report exactly these codes (errors or warnings), each at
                               least once; `lint=syntax` means the text must not parse (exit 2)
- A block that declares its own `agreement` is checked on its own. Any other block is checked
  after the document's prelude; a block that starts with a rule rather than a declaration
  (`party`, `calendar`, `interval`, `term`, `expectation`) is wrapped in a `term`. `one-sided` is
  not reported for such fragments: it is a property of a whole agreement, not of one term.
- In docs/writing-agreements.md, each table row whose last cell is one code span
  (`| you want to say | `RULE` |`) is a rule; all of them are checked together in one term.
- Every fenced block tagged `yaml log` is an event log that must load against the prelude
  (`pactum check`, exit 0: the prelude has no rules, so nothing can be found).

Usage: check_snippets.py PATH/TO/pactum REPO_ROOT
"""
import json
import os
import re
import subprocess
import sys
import tempfile

DOCS = ("docs/language.md", "docs/writing-agreements.md")
DECLARATIONS = ("agreement", "party", "calendar", "interval", "term", "expectation")
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```\s*$", re.S | re.M)
TABLE_RULE = re.compile(r"^\| [^|]+ \| `(.*)` \|$")


def first_word(text):
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            return line.split()[0].lower()
    return ""


def lint(pactum, text, folder, name):
    """Returns (exit status, [lint codes], printable detail)."""
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    proc = subprocess.run([pactum, "lint", path, "--format", "json"], capture_output=True, text=True)
    if proc.returncode == 2:
        return 2, [], proc.stderr.strip()
    try:
        entries = json.loads(proc.stdout)["lint"]
    except (ValueError, KeyError):
        return proc.returncode, [], f"unreadable lint output: {proc.stdout[:400]} {proc.stderr[:400]}"
    detail = "\n".join(f"    {e['code']} ({e['severity']}) line {e['location']['line']}: {e['message']}" for e in entries)
    return proc.returncode, [e["code"] for e in entries], detail


def check_doc(pactum, root, doc, folder):
    problems, checks = [], 0
    if not os.path.exists(os.path.join(root, doc)):
        return 0, [f"{doc}: missing"]
    text = open(os.path.join(root, doc)).read()
    line_of = lambda pos: text.count("\n", 0, pos) + 1
    blocks = [(m.group(1).split(), m.group(2), line_of(m.start())) for m in FENCE.finditer(text)]
    preludes = [b for b in blocks if b[0][:2] == ["terms", "prelude"]]
    if len(preludes) > 1:
        problems.append(f"{doc}: {len(preludes)} `terms prelude` blocks; at most one is allowed")
    prelude = preludes[0][1] if preludes else ""

    def expect(label, source, wanted, fragment):
        nonlocal checks
        checks += 1
        status, codes, detail = lint(pactum, source, folder, f"snippet{checks}.terms")
        if fragment and "one-sided" not in wanted:
            codes = [c for c in codes if c != "one-sided"]
        if wanted == {"syntax"}:
            if status != 2:
                problems.append(f"{label}: expected a syntax error, but it parsed (lint exit {status})")
        elif status == 2:
            problems.append(f"{label}: does not load:\n{detail}")
        elif set(codes) != wanted:
            want = ", ".join(sorted(wanted)) or "no lint entry"
            problems.append(f"{label}: expected {want}, lint reported {', '.join(codes) or 'nothing'}:\n{detail}")

    for info, body, line in blocks:
        label = f"{doc}:{line}"
        if info[:1] == ["yaml"] and "log" in info[1:]:
            checks += 1
            agreement = os.path.join(folder, f"prelude{checks}.terms")
            log = os.path.join(folder, f"log{checks}.yaml")
            open(agreement, "w").write(prelude)
            open(log, "w").write(body)
            proc = subprocess.run([pactum, "check", agreement, log], capture_output=True, text=True)
            if proc.returncode != 0:
                problems.append(f"{label}: the log does not load against the prelude (exit {proc.returncode}):\n"
                                f"{proc.stderr.strip()[:800]}")
            continue
        if info[:1] != ["terms"]:
            continue
        wanted = set()
        for word in info[1:]:
            if word.startswith("lint="):
                wanted |= set(word[len("lint="):].split(","))
        if "prelude" in info[1:]:
            expect(label + " (prelude)", body, wanted, False)
        elif first_word(body) == "agreement":
            expect(label, body, wanted, False)
        elif first_word(body) in DECLARATIONS:
            expect(label, prelude + "\n" + body, wanted, True)
        else:
            wrapped = f'term "snippet at {label}"\n' + "".join(f"  {l}\n" for l in body.splitlines())
            expect(label, prelude + "\n" + wrapped, wanted, True)

    if doc.endswith("writing-agreements.md"):
        rules = [m.group(1) for m in (TABLE_RULE.match(l) for l in text.splitlines()) if m]
        if len(rules) < 10:
            problems.append(f"{doc}: only {len(rules)} rules found in its tables (the check expects at least 10)")
        wrapped = 'term "Every form of the tables"\n' + "".join(f"  {r}\n" for r in rules)
        expect(f"{doc} (table rules)", prelude + "\n" + wrapped, set(), True)
    return checks, problems


def main(pactum, root):
    checks, problems = 0, []
    with tempfile.TemporaryDirectory(prefix="pactum-docs-") as folder:
        for doc in DOCS:
            n, p = check_doc(pactum, root, doc, folder)
            checks += n
            problems += p
    for p in problems:
        print("FAIL " + p)
    print(f"{checks} snippets checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
