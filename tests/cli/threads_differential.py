#!/usr/bin/env python3
"""`pactum check --threads 1`, `--threads 4` and `--threads 2` give the same standard output, standard error and
exit status on every log of the repository (issue 17: a log parsed in pieces on several threads,
engine/log/parallel_reader.cc).

Usage: threads_differential.py PATH/TO/pactum SOURCE_DIR [-v] [--sanitized]

--sanitized (the sanitized build's run, where each check costs ten times as much): pieces of 1
byte only, the size that cuts most, with 2 threads (one worker and the building thread: both ways
a piece is parsed); the plain build's run compares all three sizes with 4 threads and 97 bytes
with 2.

Logs: the conformance cases (their agreement and arguments), the bad-input corpus (each check
case as tests/bad-input/run.py sets it up, without its FIFOs, devices, standard input and output
files), the examples,
and generated logs of each shape (bench/generate_log.py, 10^4 events, with bench.terms and
many-findings.terms; the many findings in text, JSON and SARIF, whose pieces --threads renders on
several threads: engine/report/pieces_in_order.h), and one of 250,000 events with many findings,
whose end is shared out between threads (not in the sanitized run). The parallel runs use small pieces (PACTUM_LOG_CHUNK_BYTES) so that small
logs are cut too: 1 byte (every item a piece), 97 bytes and 4096 bytes. Standard library only.
"""
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

# (threads, piece size): 4 threads, one worker fewer than that parsing beside the builder's thread;
# 2, the default on two cores: one worker, the builder's thread parsing the pieces it has not started.
RUNS = [(4, "1"), (4, "97"), (4, "4096"), (2, "97")]


def run(pactum, args, cwd, threads, chunk=None):
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PACTUM_LOG_CHUNK_BYTES", None)
    if chunk:
        env["PACTUM_LOG_CHUNK_BYTES"] = chunk
    p = subprocess.run([pactum, "check"] + args + ["--threads", str(threads)], cwd=cwd, capture_output=True,
                       env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


def compare(pactum, name, args, cwd, problems, verbose, runs=None):
    single = run(pactum, args, cwd, 1)
    if single[0] not in (0, 1, 2):
        problems.append(f"{name}: --threads 1 exited {single[0]}")
    for threads, chunk in runs or RUNS:
        parallel = run(pactum, args, cwd, threads, chunk)
        for what, a, b in (("exit status", single[0], parallel[0]), ("standard output", single[1], parallel[1]),
                           ("standard error", single[2], parallel[2])):
            if a != b:
                problems.append(f"{name}: {what} differs with --threads {threads} and pieces of {chunk + ' bytes' if chunk else 'the default size'}")
                if verbose:
                    print(f"--- {name} {what}\n{a[:2000]!r}\n+++\n{b[:2000]!r}")
                return
    if verbose:
        print(f"ok {name}")


def corpus(root, scratch):
    """Every check run of the repository's logs: (name, args, cwd)."""
    for case in sorted(glob.glob(os.path.join(root, "tests/conformance/cases/*"))):
        with open(os.path.join(case, "case.json")) as f:
            spec = json.load(f)
        if spec.get("command", "check") != "check":
            continue
        logs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(case, "*.yaml")))
        for fmt in ("text", "json"):
            yield (f"conformance {os.path.basename(case)} {fmt}",
                   ["agreement.terms"] + logs + spec.get("args", []) + ["--format", fmt], case)

    spec = importlib.util.spec_from_file_location("bad_input", os.path.join(root, "tests/bad-input/run.py"))
    bad = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bad)
    shared = os.path.join(root, "tests/bad-input/shared")
    for case in sorted(glob.glob(os.path.join(root, "tests/bad-input/cases/*"))):
        with open(os.path.join(case, "expect.json")) as f:
            expect = json.load(f)
        if expect["command"] != "check" or any(k in expect for k in ("fifo_write", "fifo_read", "stdin")):
            continue
        work = os.path.join(scratch, os.path.basename(case))
        shutil.copytree(case, work)
        for name in ("agreement.terms", "log.yaml"):
            if not os.path.exists(os.path.join(work, name)):
                shutil.copy(os.path.join(shared, name), os.path.join(work, name))
        bad.setup(work, expect.get("setup", []))
        args = [bad.arg(a) for a in expect.get("args", bad.default_args("check"))]
        if "-o" in args or "--output" in args or "--write-baseline" in args:
            continue  # outputs written to files: not compared here
        if any(isinstance(a, str) and a.startswith("/dev/") for a in args):
            continue  # /dev/urandom and the like: not the same twice
        yield (f"bad-input {os.path.basename(case)}", args, work)

    examples = [("examples/acme.terms", "examples/acme-2026.yaml"),
                ("examples/contact-center/contact-center.terms", "examples/contact-center/contact-center-2026.yaml")]
    for agreement, log in examples:
        for fmt in ("text", "json"):
            yield (f"example {log} {fmt}", [agreement, log, "--format", fmt], root)

    for shape in ("container", "list", "stream"):
        log = os.path.join(scratch, f"log-{shape}.yaml")
        subprocess.run([sys.executable, os.path.join(root, "bench/generate_log.py"), "--events", "10000",
                        "--shape", shape, "-o", log], check=True, capture_output=True)
        for agreement, fmt in (("bench/bench.terms", "text"), ("bench/many-findings.terms", "json"),
                               ("bench/many-findings.terms", "text"), ("bench/many-findings.terms", "sarif"),
                               ("bench/bench-v2.terms", "json")):
            yield (f"generated {shape} {agreement} {fmt}", [agreement, log, "--format", fmt], root)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    pactum, root = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    verbose = "-v" in argv
    if "--sanitized" in argv:
        RUNS[:] = [(2, "1")]
    problems, count = [], 0
    with tempfile.TemporaryDirectory(prefix="pactum-threads-") as scratch:
        for name, args, cwd in corpus(root, scratch):
            compare(pactum, name, args, cwd, problems, verbose)
            count += 1
        if "--sanitized" not in argv:
            # Enough findings (some 17,000) for the end of a check to share out its work: the
            # findings kept by the rules unpacked, and their sort keys gathered and sorted, on two
            # threads (engine/eval/evaluator.cc, order_findings); pieces of the default size.
            log = os.path.join(scratch, "log-large.yaml")
            subprocess.run([sys.executable, os.path.join(root, "bench/generate_log.py"), "--events", "250000",
                            "--shape", "container", "-o", log], check=True, capture_output=True)
            compare(pactum, "generated 250,000 events bench/many-findings.terms json",
                    ["bench/many-findings.terms", log, "--format", "json"], root, problems, verbose,
                    runs=[(2, None), (4, None)])
            count += 1

    for p in problems:
        print("FAIL " + p)
    print(f"{count - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
