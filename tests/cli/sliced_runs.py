#!/usr/bin/env python3
"""Sliced then merged == whole (issue 17, docs/sliced-runs.md): `pactum check --slice K/N --format
json` for K = 1..N, then `pactum merge` of the N parts, gives byte for byte the JSON report of
`pactum check --format json`, and the same exit status.

Usage: sliced_runs.py PATH/TO/pactum SOURCE_DIR [-v]

Runs: every check run of every conformance case (run 0 and its further `runs`, with their
agreement, logs and arguments) with N = 1, 2, 3, 4 and 7; a run the whole check refuses (exit 2)
must be refused by every slice alike (same standard error, no part written). The examples with
their logs (N = 2, 4), and generated logs (bench/generate_log.py, 20,000 events) against
bench.terms, bench-v2.terms and many-findings.terms (N = 4), the last also filtered (--party)
and with --fail-on critical, bench.terms also as of June with --due-within 30d (16 items); every conformance run also with --due-within 30d
(N = 3). docs/k8s/pactum-sliced-job.yaml must parse as YAML (python3-yaml, which
scripts/setup.sh installs) and be an Indexed Job of N completions and N in parallel, plus the merge Job.
Then merge is fed 400 mutated sets of parts (seeded: values of other types, members dropped,
numbers out of range, truncated files, parts swapped between runs): it must exit 0, 1 or 2, never
crash (exit 3 or a signal). Standard library and python3-yaml.
"""
import difflib
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

CONFORMANCE_SLICES = [1, 2, 3, 4, 7]


def run(cmd, cwd):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, timeout=300)


def first_difference(a, b, name):
    diff = difflib.unified_diff(a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines(),
                                "whole", name, lineterm="", n=2)
    return "\n".join(list(diff)[:40])


def compare(pactum, name, check_args, cwd, slices, scratch, problems, verbose, merge_args=()):
    whole = run([pactum, "check"] + check_args + ["--format", "json"] + list(merge_args), cwd)
    for n in slices:
        label = f"{name} N={n}"
        parts = []
        refused = False
        for k in range(1, n + 1):
            part = os.path.join(scratch, f"part-{k}-of-{n}.json")
            if os.path.exists(part):
                os.remove(part)
            p = run([pactum, "check"] + check_args + ["--format", "json", "--slice", f"{k}/{n}", "-o", part], cwd)
            if whole.returncode == 2:
                refused = True
                if p.returncode != 2 or p.stderr != whole.stderr or os.path.exists(part):
                    problems.append(f"{label}: slice {k} is not refused as the whole check is (exit {p.returncode})")
                    if verbose:
                        print(first_difference(whole.stderr, p.stderr, f"slice {k} stderr"))
                    break
                continue
            if p.returncode not in (0, 1):
                problems.append(f"{label}: slice {k} exited {p.returncode}: {p.stderr.decode()[:500]}")
                break
            parts.append(part)
        if refused or len(parts) != n:
            if verbose and refused:
                print(f"ok {label} (refused alike)")
            continue
        parts.reverse()  # merge does not depend on the order the parts are named in
        merged = run([pactum, "merge"] + parts + list(merge_args), cwd)
        if merged.returncode != whole.returncode:
            problems.append(f"{label}: merge exited {merged.returncode}, the whole check {whole.returncode}: "
                            f"{merged.stderr.decode()[:500]}")
        if merged.stdout != whole.stdout:
            problems.append(f"{label}: the merged report differs from the whole one:\n" +
                            first_difference(whole.stdout, merged.stdout, "merged"))
        elif verbose:
            print(f"ok {label}")


def conformance_runs(root):
    for case in sorted(glob.glob(os.path.join(root, "tests/conformance/cases/*"))):
        with open(os.path.join(case, "case.json")) as f:
            base = json.load(f)
        for i, spec in enumerate([base] + base.get("runs", [])):
            if spec.get("command", base.get("command")) != "check":
                continue
            agreement = spec.get("agreement", base.get("agreement", "agreement.terms"))
            if "logs" in spec:
                logs = spec["logs"]
            elif "logs" in base:
                logs = base["logs"]
            else:
                logs = ["log.yaml"] if os.path.exists(os.path.join(case, "log.yaml")) else []
            args = spec.get("args", base.get("args", []))
            yield f"conformance {os.path.basename(case)} run {i}", case, [agreement] + logs + args


def check_manifest(root, problems):
    try:
        import yaml
    except ImportError:  # scripts/setup.sh installs it: a check that cannot run fails
        problems.append("python3-yaml is not installed (scripts/setup.sh): docs/k8s/pactum-sliced-job.yaml not parsed")
        return
    with open(os.path.join(root, "docs/k8s/pactum-sliced-job.yaml")) as f:
        docs = list(yaml.safe_load_all(f))
    jobs = {d["metadata"]["name"]: d for d in docs if d and d.get("kind") == "Job"}
    slices = jobs.get("pactum-slices", {}).get("spec", {})
    if slices.get("completionMode") != "Indexed" or slices.get("completions") != slices.get("parallelism"):
        problems.append("docs/k8s/pactum-sliced-job.yaml: pactum-slices is not an Indexed Job of N in parallel")
    text = json.dumps(docs)
    for needed in ("JOB_COMPLETION_INDEX", "--slice", "pactum merge"):
        if needed not in text:
            problems.append(f"docs/k8s/pactum-sliced-job.yaml: no `{needed}`")
    if "pactum-merge" not in jobs:
        problems.append("docs/k8s/pactum-sliced-job.yaml: no merge Job")


def mutations(value, rng, depth=0):
    """One random change somewhere inside a JSON value (a copy)."""
    if isinstance(value, dict) and value and depth < 6 and rng.random() < 0.8:
        key = rng.choice(list(value))
        out = dict(value)
        if rng.random() < 0.15:
            del out[key]
        else:
            out[key] = mutations(value[key], rng, depth + 1)
        return out
    if isinstance(value, list) and value and depth < 6 and rng.random() < 0.8:
        i = rng.randrange(len(value))
        out = list(value)
        if rng.random() < 0.15:
            del out[i]
        elif rng.random() < 0.1:
            out.append(out[i])
        else:
            out[i] = mutations(value[i], rng, depth + 1)
        return out
    return rng.choice([None, True, -1, 0, 1, 2 ** 63, -(2 ** 63), 2 ** 64 + 5, 1.5, 1e308, "", "x", [], {}, [[0]],
                       {"k": 1}, "\u0001", 10 ** 17])


def fuzz_merge(pactum, scratch, parts, problems, rounds=400):
    rng = random.Random(17)
    docs = []
    for p in parts:
        with open(p, "rb") as f:
            docs.append(f.read())
    for r in range(rounds):
        names = []
        for i, raw in enumerate(docs):
            name = os.path.join(scratch, f"fuzz-{i}.json")
            data = raw
            if rng.random() < 0.5:
                data = json.dumps(mutations(json.loads(raw), rng)).encode()
            if rng.random() < 0.05:
                data = data[:rng.randrange(len(data) + 1)]
            with open(name, "wb") as f:
                f.write(data)
            names.append(name)
        if rng.random() < 0.1:
            names.append(rng.choice(names))
        p = run([pactum, "merge"] + names, scratch)
        if p.returncode not in (0, 1, 2):
            problems.append(f"merge fuzz round {r}: exit {p.returncode}: {p.stderr.decode()[:300]}")
            return


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    pactum, root = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    verbose = "-v" in argv
    problems, count = [], 0
    check_manifest(root, problems)
    with tempfile.TemporaryDirectory(prefix="pactum-sliced-") as scratch:
        for name, cwd, args in conformance_runs(root):
            compare(pactum, name, args, cwd, CONFORMANCE_SLICES, scratch, problems, verbose)
            compare(pactum, name + " --due-within 30d", args + ["--due-within", "30d"], cwd, [3], scratch, problems,
                    verbose)
            count += 2

        examples = [("examples/acme.terms", "examples/acme-2026.yaml"),
                    ("examples/contact-center/contact-center.terms", "examples/contact-center/contact-center-2026.yaml")]
        for agreement, log in examples:
            compare(pactum, f"example {log}", [agreement, log], root, [2, 4], scratch, problems, verbose)
            count += 1

        log = os.path.join(scratch, "generated.yaml")
        subprocess.run([sys.executable, os.path.join(root, "bench/generate_log.py"), "--events", "20000", "-o", log],
                       check=True, capture_output=True)
        for agreement in ("bench/bench.terms", "bench/bench-v2.terms", "bench/many-findings.terms"):
            compare(pactum, f"generated {agreement}", [agreement, log], root, [4], scratch, problems, verbose)
            count += 1
        with open(os.path.join(root, "bench/many-findings.terms")) as f:
            text = f.read()
        party = "Northwind" if "party Northwind" in text else None
        if party:
            compare(pactum, f"generated many-findings --party {party}",
                    ["bench/many-findings.terms", log, "--party", party], root, [3], scratch, problems, verbose)
            count += 1
        # 16 items due soon, of three rules: merge orders them by deadline across the parts.
        compare(pactum, "generated bench --as-of 2026-06-01 --due-within 30d",
                ["bench/bench.terms", log, "--as-of", "2026-06-01", "--due-within", "30d"], root, [2, 3, 4], scratch,
                problems, verbose)
        count += 1
        # Parts with every kind of member (credits, filters, due soon) for the merge fuzz.
        fuzz_parts = []
        case = os.path.join(root, "tests/conformance/cases/18-credits")
        for k in (1, 2):
            part = os.path.join(scratch, f"credits-{k}.json")
            run([pactum, "check", "agreement.terms", "log.yaml", "--as-of", "2026-04-01T00:00:00Z", "--due-within",
                 "400d", "--party", "Vendor", "--slice", f"{k}/2", "-o", part], case)
            fuzz_parts.append(part)
        fuzz_merge(pactum, scratch, fuzz_parts, problems)

        compare(pactum, "generated many-findings --fail-on critical", ["bench/many-findings.terms", log], root, [4],
                scratch, problems, verbose, merge_args=["--fail-on", "critical"])
        count += 1

    for p in problems:
        print("FAIL " + p)
    print(f"{count} runs compared, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
