#!/usr/bin/env python3
"""No data loss: `pactum check ... -o out.json` killed with SIGKILL at varying moments leaves
out.json either the old content or a complete new report, never a partial file.

Usage: kill_mid_write.py PATH/TO/pactum

pactum writes -o through a temporary file beside the target and a rename
(engine/app/atomic_write.cc). A SIGKILL between creating and renaming the temporary file
leaves it behind, named OUT.pactum-tmp-XXXXXX: the test accepts such leftovers only under that
name (docs/security.md). Standard library only.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

AGREEMENT = """agreement "Kill test"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"
party Acme
party Northwind
term "Tickets are answered"
  every ticket requires response by Northwind with same ticket within 1 hours after
"""


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    pactum = os.path.abspath(argv[1])
    problems = []
    with tempfile.TemporaryDirectory(prefix="pactum-kill-") as work:
        with open(os.path.join(work, "agreement.terms"), "w") as f:
            f.write(AGREEMENT)
        # Most tickets go unanswered: a report of several megabytes, so that the write takes a
        # while and some kills land during it.
        with open(os.path.join(work, "log.yaml"), "w") as f:
            f.write("events:\n")
            for i in range(6000):
                f.write(f"  - {{id: T{i}, at: 2026-03-01T{i % 24:02d}:{i % 60:02d}:00Z, type: ticket, ticket: T{i}}}\n")
        out = os.path.join(work, "out.json")
        old = '{"old": "report"}\n'
        cmd = [pactum, "check", "agreement.terms", "log.yaml", "--format", "json", "-o", "out.json"]

        # How long a full run takes, to spread the kills over it.
        with open(out, "w") as f:
            f.write(old)
        start = time.monotonic()
        full = subprocess.run(cmd, cwd=work, capture_output=True)
        duration = time.monotonic() - start
        if full.returncode != 1:
            return fail([f"the uninterrupted run exited {full.returncode}, expected 1: {full.stderr[:500]!r}"])
        with open(out) as f:
            complete = f.read()
        json.loads(complete)

        # Half the kills spread over the run, half around its end, where the report is written.
        kills = 16
        moments = [0.2 + 0.7 * k / 8 for k in range(8)] + [0.9 + 0.2 * k / 8 for k in range(8)]
        outcomes = {"old": 0, "new": 0}
        leftovers = 0
        for k in range(kills):
            with open(out, "w") as f:
                f.write(old)
            p = subprocess.Popen(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(duration * moments[k])
            p.send_signal(signal.SIGKILL)
            p.wait()
            with open(out) as f:
                text = f.read()
            if text == old:
                outcomes["old"] += 1
            elif text == complete:
                outcomes["new"] += 1
            else:
                problems.append(f"kill {k}: out.json is neither the old file nor a complete report "
                                f"({len(text)} bytes, starts {text[:60]!r})")
            for name in os.listdir(work):
                if name not in ("agreement.terms", "log.yaml", "out.json"):
                    if name.startswith("out.json.pactum-tmp-"):
                        leftovers += 1
                    else:
                        problems.append(f"kill {k}: unexpected file left behind: {name}")
                    os.remove(os.path.join(work, name))
        if not problems:
            print(f"kill_mid_write: {kills} kills over a {duration:.2f} s run: old file kept {outcomes['old']}, "
                  f"complete new report {outcomes['new']}, partial 0, leftover temporary files {leftovers}")
    return fail(problems)


def fail(problems):
    for p in problems:
        print("FAIL " + p)
    print(f"{'1 failed' if problems else '1 passed'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
