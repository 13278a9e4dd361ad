#!/usr/bin/env python3
"""The progress line of `pactum check` on a generated log of about 5 MB: silent when standard
error is a pipe, shown (and erased) when it is a terminal (a pseudo-terminal here) or when
PACTUM_PROGRESS=always forces it, silent again with --quiet or on a small log.
Usage: check_progress.py PATH/TO/pactum
"""
import os
import pty
import subprocess
import sys
import tempfile

AGREEMENT = """agreement "Progress"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days after
"""

failures = []


def check(name, condition, detail):
    if not condition:
        failures.append(name)
        print(f"FAIL {name}: {detail!r}")


def run(pactum, args, env_extra=None, terminal=False):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PACTUM_PROGRESS", None)
    env.update(env_extra or {})
    if not terminal:
        p = subprocess.run([pactum] + args, capture_output=True, env=env, timeout=120)  # bytes: keep each \r
        return p.returncode, p.stderr.decode()
    master, slave = pty.openpty()
    p = subprocess.Popen([pactum] + args, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return p.wait(timeout=120), b"".join(chunks).decode()


def main(pactum):
    with tempfile.TemporaryDirectory(prefix="pactum-progress-") as folder:
        return check_in(pactum, folder)


def check_in(pactum, folder):
    terms = os.path.join(folder, "a.terms")
    big = os.path.join(folder, "big.yaml")
    small = os.path.join(folder, "small.yaml")
    open(terms, "w").write(AGREEMENT)
    lines = ["events:"]
    size, i = 0, 0
    while size < 5_000_000:
        i += 1
        line = (f"  - {{id: T-{i}, at: 2026-01-05T10:{i % 60:02d}:00Z, type: ticket_opened, ticket: T-{i}, "
                f"note: some padding to make the line longer}}")
        lines.append(line)
        size += len(line) + 1
    open(big, "w").write("\n".join(lines) + "\n")
    open(small, "w").write("\n".join(lines[:100]) + "\n")
    events = i
    args = ["check", terms, big, "--format", "json", "--fail-on", "never", "--as-of", "2026-01-06"]

    status, err = run(pactum, args)
    check("silent when stderr is not a terminal", status == 0 and err == "", err)

    status, err = run(pactum, args, {"PACTUM_PROGRESS": "always"})
    check("forced: a progress line", "\rpactum: reading logs: " in err and " events, " in err and "MB/s" in err, err[:300])
    check("forced: the line is erased at the end", err.endswith("\r") and err.rstrip("\r ").count("\r") >= 1, err[-80:])

    status, err = run(pactum, args, terminal=True)
    check("terminal: a progress line", "pactum: reading logs: " in err and " of 5.0 MB (" in err, err[:300])

    status, err = run(pactum, args + ["--quiet"], {"PACTUM_PROGRESS": "always"})
    check("--quiet: silent", err == "", err)

    status, err = run(pactum, ["check", terms, small, "--format", "json", "--fail-on", "never"],
                      {"PACTUM_PROGRESS": "always"})
    check("small log: silent", err == "", err)

    print(f"progress: {events} events; {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1])))
