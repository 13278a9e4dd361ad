#!/usr/bin/env python3
"""Runs the bad-input corpus (see generate.py for the case format).

Usage: run.py PATH/TO/pactum [CASES_DIR] [-v] [-k SUBSTRING]

For every case: copies it into a scratch folder (with shared/agreement.terms and shared/log.yaml
where the case has none), runs pactum there with relative paths, and checks
  - the exit status is the expected one, never 3 (internal error), never a signal;
  - it finishes within 10 seconds;
  - every expected fragment appears on standard error (and standard output, if given), and no
    fragment of stderr_absent does; standard error is at most stderr_max_bytes long, if given;
  - exit 2 writes nothing to standard output (spec 8);
  - `fmt -w` never rewrites a file it refused, and no file in the folder changes unless asked.
Prints one line per failure and a closing line "N passed, M failed"; exits 1 on any failure.
Standard library only.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

TIMEOUT = 10


def snapshot(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, folder)] = fh.read()
    return out


def default_args(command):
    if command == "check":
        return ["agreement.terms", "log.yaml"]
    return ["agreement.terms"]


def run_case(pactum, case_dir, shared, scratch):
    with open(os.path.join(case_dir, "expect.json")) as f:
        expect = json.load(f)
    work = os.path.join(scratch, os.path.basename(case_dir))
    shutil.copytree(case_dir, work)
    os.remove(os.path.join(work, "expect.json"))
    for name in ("agreement.terms", "log.yaml"):
        if not os.path.exists(os.path.join(work, name)):
            shutil.copy(os.path.join(shared, name), os.path.join(work, name))
    before = snapshot(work)
    cmd = [pactum, expect["command"]] + expect.get("args", default_args(expect["command"]))
    env = dict(os.environ, NO_COLOR="1")
    try:
        p = subprocess.run(cmd, cwd=work, capture_output=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return [f"did not finish within {TIMEOUT} s"]
    err = p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8", "replace")
    problems = []
    if p.returncode < 0:
        problems.append(f"killed by signal {signal.Signals(-p.returncode).name}")
    elif p.returncode == 3:
        problems.append("internal error (exit 3)")
    if p.returncode != expect["exit"]:
        problems.append(f"exit {p.returncode}, expected {expect['exit']}")
    for frag in expect.get("stderr_contains", []):
        if frag not in err:
            problems.append(f"stderr lacks {frag!r}")
    for frag in expect.get("stderr_absent", []):
        if frag in err:
            problems.append(f"stderr has {frag!r}")
    if "stderr_max_bytes" in expect and len(p.stderr) > expect["stderr_max_bytes"]:
        problems.append(f"stderr is {len(p.stderr)} bytes, more than {expect['stderr_max_bytes']}")
    for frag in expect.get("stdout_contains", []):
        if frag not in out:
            problems.append(f"stdout lacks {frag!r}")
    if p.returncode == 2 and out:
        problems.append("exit 2 but something was written to standard output")
    if "Sanitizer" in err or "runtime error:" in err:
        problems.append("sanitizer report on standard error")
    after = snapshot(work)
    if after != before:
        changed = sorted(set(before) ^ set(after) | {k for k in before if k in after and before[k] != after[k]})
        problems.append(f"files changed: {', '.join(changed)}")
    if problems:
        problems.append("--- stderr ---\n" + err[:1500] + ("\n--- stdout ---\n" + out[:500] if out else ""))
    return problems


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    only = None
    if "-k" in argv:
        i = argv.index("-k")
        only = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) < 2:
        print(__doc__)
        return 2
    pactum = os.path.abspath(argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    cases_dir = argv[2] if len(argv) > 2 else os.path.join(here, "cases")
    shared = os.path.join(here, "shared")
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="pactum-bad-input-") as scratch:
        for name in sorted(os.listdir(cases_dir)):
            case_dir = os.path.join(cases_dir, name)
            if not os.path.isdir(case_dir) or (only and only not in name):
                continue
            problems = run_case(pactum, case_dir, shared, scratch)
            if problems:
                failed += 1
                print(f"FAIL {name}: " + "; ".join(problems[:-1]))
                if verbose:
                    print(problems[-1])
            else:
                passed += 1
                if verbose:
                    print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
