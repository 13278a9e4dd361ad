#!/usr/bin/env python3
"""Golden-file tests of what users see: each case runs pactum from the repository root and
compares its exit status, standard output and standard error with tests/golden/cli/NAME.golden.
UPDATE_GOLDEN=1 rewrites the golden files. A mismatch prints a unified diff.
Usage: run_golden.py PATH/TO/pactum REPO_ROOT
"""
import difflib
import json
import os
import subprocess
import sys


def render(proc):
    return f"exit: {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"


def main(pactum, root):
    here = os.path.join(root, "tests/golden/cli")
    cases = json.load(open(os.path.join(here, "cases.json")))
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    env = dict(os.environ, NO_COLOR="1")
    passed = failed = 0
    for case in cases:
        proc = subprocess.run([pactum] + case["args"], cwd=root, capture_output=True, text=True, env=env, timeout=60)
        actual = render(proc)
        path = os.path.join(here, case["name"] + ".golden")
        if update:
            with open(path, "w") as f:
                f.write(actual)
            passed += 1
            continue
        expected = open(path).read() if os.path.exists(path) else ""
        if actual == expected:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {case['name']}: pactum {' '.join(case['args'])}")
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                   "expected", "actual", n=2))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1]), sys.argv[2]))
