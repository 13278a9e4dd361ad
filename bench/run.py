#!/usr/bin/env python3
"""Runs the pactum benchmark side by side and prints a markdown table (bench/README.md).

Usually started through bench/run.sh (or `make bench`), which installs and builds what is needed.
Environment: PACTUM (binary, default build-bench/pactum), BENCH_SIZES (default 10000,100000,1000000;
BENCH_1E7=1 adds 10000000), BENCH_REPEAT (best of N wall times, default 3), BENCH_PEER=0 skips the peer,
BENCH_SHAPES=0 skips the other log shapes, BENCH_MANY=0 skips the many-findings JSON report,
BENCH_SLICES=0 skips the sliced run (4 slices merged, compared with the whole run, up to 10^6 events),
BENCH_1E8=1 adds a 10^8-event log generated on the fly and piped in (BENCH_PIPED=N: N events).
BENCH_PIPED_TERMS=notice,calls names the agreements of the piped rows (default notice): notice.terms
remembers every visit's notice to the end, calls.terms holds only open deadlines and windows.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
PACTUM = os.environ.get("PACTUM", os.path.join(ROOT, "build-bench", "pactum"))
FLOOR = os.path.join(OUT, "yaml_floor")
PEER = os.path.join(HERE, "peers", "notice_peer.js")
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",")]
if os.environ.get("BENCH_1E7") == "1" and 10000000 not in SIZES:
    SIZES.append(10000000)
RUN_PEER = os.environ.get("BENCH_PEER", "1") != "0"
# A log generated on the fly and piped in (never written to disk): 10^8 events with BENCH_1E8=1,
# any size with BENCH_PIPED=N.
PIPED = int(os.environ.get("BENCH_PIPED", "100000000" if os.environ.get("BENCH_1E8") == "1" else "0"))
PIPED_TERMS = [t for t in os.environ.get("BENCH_PIPED_TERMS", "notice").split(",") if t]
RUN_MANY = os.environ.get("BENCH_MANY", "1") != "0"
PEER_MAX = int(os.environ.get("BENCH_PEER_MAX", "1000000"))  # js-yaml needs ~2 GB per 10^6 events


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def label(n):
    e = len(str(n)) - 1
    return "1e%d" % e if n == 10 ** e else str(n)


def generator_digest():
    with open(os.path.join(HERE, "generate_log.py"), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def cached_manifest(path, manifest):
    """The cached log's manifest, or None when the log is missing or an older generator wrote it."""
    if not (os.path.exists(path) and os.path.exists(manifest)):
        return None
    with open(manifest) as f:
        planted = json.load(f)
    return planted if planted.get("generator") == generator_digest() else None


def generate(n, shape="container"):
    path = os.path.join(OUT, "log-%s-%s.yaml" % (label(n), shape))
    manifest = path[:-5] + ".json"
    planted = cached_manifest(path, manifest)
    if planted is None:
        log("generating %s" % path)
        subprocess.run([sys.executable, os.path.join(HERE, "generate_log.py"), "--events", str(n), "--shape", shape,
                        "-o", path, "--manifest", manifest], check=True)
        with open(manifest) as f:
            planted = json.load(f)
        planted["generator"] = generator_digest()
        with open(manifest, "w") as f:
            json.dump(planted, f, indent=1)
    return path, planted


def run_once(cmd, ok=(0,), stdout_path=None, env=None):
    """Wall time and peak RSS of one run, under /usr/bin/time -v."""
    out = open(stdout_path, "w") if stdout_path else subprocess.DEVNULL
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=subprocess.PIPE, text=True,
                       env=dict(os.environ, **(env or {})))
    if stdout_path:
        out.close()
    if p.returncode not in ok:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-3000:]))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return wall, rss


def timed(cmd, ok=(0,), stdout_path=None, env=None):
    """Best wall time of REPEAT runs and the largest peak RSS, under /usr/bin/time -v. `env`: more
    environment variables (PACTUM_STREAM=off: the loaded path)."""
    runs = [run_once(cmd, ok, stdout_path, env) for _ in range(REPEAT)]
    return min(w for w, _ in runs), max(r for _, r in runs)


def timed_beside_floor(floor_cmd, cmd, ok=(0,), stdout_path=None):
    """(floor, pactum): each the best wall time of REPEAT runs and the largest peak RSS, the two run
    in turns (floor, pactum, floor, pactum, ...). A ratio to the floor is only as good as the two
    times are comparable: this machine's speed drifts by 10% over minutes, and a floor measured
    once before a dozen other rows can be taken in another of its moods than the row it divides."""
    floors, runs = [], []
    for _ in range(REPEAT):
        floors.append(run_once(floor_cmd))
        runs.append(run_once(cmd, ok, stdout_path))
    best = lambda rs: (min(w for w, _ in rs), max(r for _, r in rs))
    return best(floors), best(runs)


def path_taken(cmd):
    """How pactum checked (PACTUM_STREAM=trace): "streamed (N events, at most H held, S symbols, this
    thread T s CPU)" or
    "loaded: why"."""
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                       env=dict(os.environ, PACTUM_STREAM="trace"))
    m = re.search(r"pactum: trace: (.*)", p.stderr)
    return m.group(1) if m else "no trace"


def same_file(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def dealt(path, k=3):
    """The events of a container-shaped log dealt round-robin into k logs, each in time order, their
    times interleaving (one export per site): checked together, they are merged as they are read."""
    parts = [path[:-5] + "-part-%d-of-%d.yaml" % (i + 1, k) for i in range(k)]
    if all(os.path.exists(p) and os.path.getmtime(p) >= os.path.getmtime(path) for p in parts):
        return parts
    outs = [open(p, "w") for p in parts]
    n, header = -1, True
    with open(path) as f:
        for line in f:
            if header:
                for o in outs:
                    o.write(line)
                header = not line.startswith("events:")
                continue
            if line.startswith("  - "):
                n += 1
            outs[n % k].write(line)
    for o in outs:
        o.close()
    return parts


def pactum_notice_ids(json_path):
    with open(json_path) as f:
        report = json.load(f)
    return sorted(f["events"][0]["id"] for f in report["findings"])


def piped(n, terms):
    """`generate_log.py --events N --shape stream -o /dev/stdout | pactum check TERMS.terms - --format json -o R`:
    wall time of the pipeline, pactum's peak memory, the path it took, and whether its findings are the
    planted ones (notice: the late and missing notices; calls: the endless calls). Run once (a 10^8-event
    log takes minutes to generate)."""
    manifest_path = os.path.join(OUT, "piped-%s-%s.json" % (terms, label(n)))
    report = os.path.join(OUT, "pactum-piped-%s-%s.json" % (terms, label(n)))
    start = time.time()
    gen = subprocess.Popen([sys.executable, os.path.join(HERE, "generate_log.py"), "--events", str(n), "--shape",
                            "stream", "-o", "/dev/stdout", "--manifest", manifest_path], stdout=subprocess.PIPE)
    p = subprocess.run(["/usr/bin/time", "-v", PACTUM, "check", os.path.join(HERE, terms + ".terms"), "-", "--format",
                        "json", "-o", report], stdin=gen.stdout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, env=dict(os.environ, PACTUM_STREAM="trace"))
    gen.stdout.close()
    if gen.wait() != 0 or p.returncode not in (0, 1):
        sys.exit("piped run failed (%d):\n%s" % (p.returncode, p.stderr[-3000:]))
    wall = time.time() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    m = re.search(r"pactum: trace: (.*)", p.stderr)
    with open(manifest_path) as f:
        manifest = json.load(f)
    if terms == "calls":
        with open(report) as f:
            findings = json.load(f)["findings"]
        agree = sum(1 for f in findings if f["block"] == "No endless calls") == manifest["forbidden_call"]
    else:
        agree = pactum_notice_ids(report) == manifest["notice_violations"]
    return manifest["events"], wall, rss, m.group(1) if m else "no trace", agree


def v2_planted_agree(json_path, manifest):
    """The version 2 agreement's planted violations (generate_log.py): availability and the longest
    outage broken in the long outage's month only, the performance report late for one month only."""
    with open(json_path) as f:
        report = json.load(f)

    def months(block, rule):
        return sorted(int(f["window"]["start"][5:7]) for f in report["findings"]
                      if f["block"] == block and f.get("rule") == rule and "window" in f)
    long_month, late_month = manifest["long_outage_month"], manifest["late_report_month"]
    return (months("Availability", 1) == [long_month] and months("Outage duration", 1) == [long_month]
            and months("Monthly performance report", 1) == [late_month])


def many_findings_agree(json_path, manifest):
    """many-findings.terms: the long calls are exactly the planted ones (generate_log.py counts the
    calls over 800 s within the effective period)."""
    with open(json_path) as f:
        report = json.load(f)
    long_calls = sum(1 for f in report["findings"] if f["block"] == "No endless calls")
    return long_calls == manifest["calls_over_800s"], report["summary"]["findings"]


def print_against_loaded(first_columns, how, rows):
    """A table of checks taken against the loaded path: rows (n, events, floor, loaded, other, same, path)."""
    print("| %s | loaded path s / MiB | %s s / MiB | memory saved | same report | path taken |" % (first_columns, how))
    print("| ---: | ---: | ---: | ---: | ---: | :---: | --- |")
    for n, events, floor, loaded, other, same, path in rows:
        print("| %s | %.2f | %.2f / %.0f | %.2f / %.0f | %.0f%% | %s | %s |" % (
            "{:,}".format(events), floor[0], loaded[0], loaded[1], other[0], other[1],
            100 * (1 - other[1] / loaded[1]), "yes" if same else "**NO**", path))
    print()


def main():
    rows, shape_rows, checks, many_rows, stream_rows, slice_rows, merged_rows = [], [], [], [], [], [], []
    per_event, single = {}, {}
    for n in SIZES:
        path, manifest = generate(n)
        mb = os.path.getsize(path) / 1e6
        log("size %s: floor and pactum, 20 rules, in turns" % label(n))
        streamed_txt = os.path.join(OUT, "pactum-streamed-%s.txt" % label(n))
        floor, full = timed_beside_floor([FLOOR, path], [PACTUM, "check", os.path.join(HERE, "bench.terms"), path],
                                         ok=(0, 1), stdout_path=streamed_txt)
        # The same check on the loaded path (all events in memory, sorted, then evaluated): what
        # streaming saves, and the proof that it changes nothing.
        log("size %s: pactum, 20 rules, loaded path" % label(n))
        loaded_txt = os.path.join(OUT, "pactum-loaded-%s.txt" % label(n))
        loaded = timed([PACTUM, "check", os.path.join(HERE, "bench.terms"), path], ok=(0, 1), stdout_path=loaded_txt,
                       env={"PACTUM_STREAM": "off"})
        stream_rows.append((n, manifest["events"], floor, loaded, full, same_file(streamed_txt, loaded_txt),
                            path_taken([PACTUM, "check", os.path.join(HERE, "bench.terms"), path])))
        if n <= 1000000:
            # The same events in three logs whose times interleave: merged as they are read.
            log("size %s: pactum, 20 rules, three interleaved logs, merged and loaded" % label(n))
            parts = dealt(path)
            merged_txt = os.path.join(OUT, "pactum-merged3-%s.txt" % label(n))
            merged3 = timed([PACTUM, "check", os.path.join(HERE, "bench.terms")] + parts, ok=(0, 1),
                            stdout_path=merged_txt)
            loaded3_txt = os.path.join(OUT, "pactum-loaded3-%s.txt" % label(n))
            loaded3 = timed([PACTUM, "check", os.path.join(HERE, "bench.terms")] + parts, ok=(0, 1),
                            stdout_path=loaded3_txt, env={"PACTUM_STREAM": "off"})
            merged_rows.append((n, manifest["events"], floor, loaded3, merged3, same_file(merged_txt, loaded3_txt),
                                path_taken([PACTUM, "check", os.path.join(HERE, "bench.terms")] + parts)))
        log("size %s: pactum, 20 rules, one thread" % label(n))
        single[n] = timed([PACTUM, "check", os.path.join(HERE, "bench.terms"), path, "--threads", "1"], ok=(0, 1))
        log("size %s: pactum, notice rule" % label(n))
        notice_json = os.path.join(OUT, "pactum-notice-%s.json" % label(n))
        notice = timed([PACTUM, "check", os.path.join(HERE, "notice.terms"), path, "--format", "json"], ok=(0, 1),
                       stdout_path=notice_json)
        log("size %s: pactum, 20 version 2 rules (JSON)" % label(n))
        v2_json = os.path.join(OUT, "pactum-v2-%s.json" % label(n))
        v2 = timed([PACTUM, "check", os.path.join(HERE, "bench-v2.terms"), path, "--format", "json"], ok=(0, 1),
                   stdout_path=v2_json)
        ids = pactum_notice_ids(notice_json)
        agree = ids == manifest["notice_violations"] and v2_planted_agree(v2_json, manifest)
        peer = None
        if RUN_PEER and n <= PEER_MAX:
            log("size %s: peer (json-rules-engine + js-yaml)" % label(n))
            peer_out = os.path.join(OUT, "peer-notice-%s.txt" % label(n))
            peer = timed(["node", "--max-old-space-size=16000", PEER, path], stdout_path=peer_out)
            with open(peer_out) as f:
                peer_ids = sorted(line.strip() for line in f if line.strip())
            agree = agree and peer_ids == ids
        if RUN_MANY:
            # The many-findings report of issue 17: 20 rules, about 7% of the events are findings,
            # the JSON report written with -o (streamed into its file).
            log("size %s: floor and pactum, many findings, JSON -o, in turns" % label(n))
            many_json = os.path.join(OUT, "pactum-many-%s.json" % label(n))
            many_floor, many = timed_beside_floor(
                [FLOOR, path], [PACTUM, "check", os.path.join(HERE, "many-findings.terms"), path, "--format", "json",
                                "-o", many_json], ok=(0, 1))
            many_agree, many_count = many_findings_agree(many_json, manifest)
            agree = agree and many_agree
            many_rows.append((n, manifest["events"], many_floor, many, many_count, many_agree))
        if n <= 1000000 and os.environ.get("BENCH_SLICES") != "0":
            # Sliced into 4 parts (docs/sliced-runs.md) and merged: the whole run's JSON, byte for byte.
            log("size %s: pactum, 20 rules, 4 slices and merge" % label(n))
            whole_json = os.path.join(OUT, "pactum-whole-%s.json" % label(n))
            timed([PACTUM, "check", os.path.join(HERE, "bench.terms"), path, "--format", "json", "-o", whole_json],
                  ok=(0, 1))
            parts, slowest = [], (0, 0)
            for k in range(1, 5):
                part = os.path.join(OUT, "pactum-part-%d-of-4-%s.json" % (k, label(n)))
                t = timed([PACTUM, "check", os.path.join(HERE, "bench.terms"), path, "--slice", "%d/4" % k,
                           "--format", "json", "-o", part], ok=(0, 1))
                slowest = max(slowest, t)
                parts.append(part)
            merged_json = os.path.join(OUT, "pactum-merged-%s.json" % label(n))
            merge = timed([PACTUM, "merge"] + parts + ["-o", merged_json], ok=(0, 1))
            same = same_file(whole_json, merged_json)
            agree = agree and same
            slice_rows.append((n, manifest["events"], floor, slowest, merge, same))
        agree = agree and stream_rows[-1][5] and all(r[5] for r in merged_rows if r[0] == n)
        checks.append((label(n), len(ids), agree))
        per_event[n] = full[0] / manifest["events"] * 1e6
        rows.append((n, manifest["events"], mb, floor, full, v2, notice, peer, len(ids), agree))

    # The other two log shapes, at the largest size up to 10^6.
    n_shapes = max([n for n in SIZES if n <= 1000000] or [0])
    for shape in ("container", "list", "stream") if n_shapes and os.environ.get("BENCH_SHAPES") != "0" else ():
        path, manifest = generate(n_shapes, shape)
        log("shape %s: floor and pactum, in turns" % shape)
        floor, full = timed_beside_floor([FLOOR, path], [PACTUM, "check", os.path.join(HERE, "bench.terms"), path],
                                         ok=(0, 1))
        shape_rows.append((shape, manifest["events"], os.path.getsize(path) / 1e6, floor, full))

    print("| events | YAML MB | libyaml floor s / MiB | pactum 20 rules s / MiB | ÷ floor | µs per event "
          "| pactum 20 v2 rules, JSON s / MiB | v2 ÷ floor "
          "| pactum notice s / MiB | peer notice s / MiB | peer ÷ pactum | notice findings | agree |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
    for n, events, mb, floor, full, v2, notice, peer, nfind, agree in rows:
        peer_txt = "%.2f / %.0f" % peer if peer else "-"
        speedup = "%.1fx" % (peer[0] / notice[0]) if peer else "-"
        print("| %s | %.0f | %.2f / %.0f | %.2f / %.0f | %.2f | %.2f | %.2f / %.0f | %.2f | %.2f / %.0f | %s | %s | %d | %s |" % (
            "{:,}".format(events), mb, floor[0], floor[1], full[0], full[1], full[0] / floor[0], per_event[n],
            v2[0], v2[1], v2[0] / floor[0], notice[0], notice[1], peer_txt, speedup, nfind, "yes" if agree else "**NO**"))
    print()
    if shape_rows:
        print("| shape (%s events) | YAML MB | libyaml floor s / MiB | pactum 20 rules s / MiB | ÷ floor |"
              % "{:,}".format(n_shapes))
        print("| --- | ---: | ---: | ---: | ---: |")
        for shape, events, mb, floor, full in shape_rows:
            print("| %s | %.0f | %.2f / %.0f | %.2f / %.0f | %.2f |" % (shape, mb, floor[0], floor[1], full[0],
                                                                       full[1], full[0] / floor[0]))
        print()
    if many_rows:
        print("| many findings: events | findings | JSON report MB | libyaml floor s | pactum s / MiB | ÷ floor | agree |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
        for n, events, floor, many, count, ok in many_rows:
            size = os.path.getsize(os.path.join(OUT, "pactum-many-%s.json" % label(n))) / 1e6
            print("| %s | %s | %.0f | %.2f | %.2f / %.0f | %.2f | %s |" % (
                "{:,}".format(events), "{:,}".format(count), size, floor[0], many[0], many[1], many[0] / floor[0],
                "yes" if ok else "**NO**"))
        print()
    print_against_loaded("streaming: events | libyaml floor s", "streamed", stream_rows)
    if merged_rows:
        print_against_loaded("3 interleaved logs: events | libyaml floor s (one log)", "merged", merged_rows)
    if slice_rows:
        print("| 4 slices: events | libyaml floor s | slowest slice s / MiB | merge s / MiB | merged == whole |")
        print("| ---: | ---: | ---: | ---: | :---: |")
        for n, events, floor, slowest, merge, same in slice_rows:
            print("| %s | %.2f | %.2f / %.0f | %.2f / %.0f | %s |" % ("{:,}".format(events), floor[0], slowest[0],
                                                                      slowest[1], merge[0], merge[1],
                                                                      "yes" if same else "**NO**"))
        print()
    print("| threads: events | pactum 20 rules, --threads 1 s / MiB | default threads s / MiB | speed-up |")
    print("| ---: | ---: | ---: | ---: |")
    for n, events, mb, floor, full, v2, notice, peer, nfind, agree in rows:
        print("| %s | %.2f / %.0f | %.2f / %.0f | %.2fx |" % ("{:,}".format(events), single[n][0], single[n][1], full[0],
                                                             full[1], single[n][0] / full[0]))
    print()
    # Memory per event: the growth of the peak from the smallest to the largest log, over the events
    # added (what the process needs anyway, code and tables, cancels out).
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        for what, i in (("20 rules, default threads", 4),):
            grow = (large[i][1] - small[i][1]) * 1024 * 1024 / (large[1] - small[1])
            print("- memory per event (%s, %s to %s events): %.0f bytes" % (what, label(small[0]), label(large[0]), grow))
        grow1 = (single[large[0]][1] - single[small[0]][1]) * 1024 * 1024 / (large[1] - small[1])
        print("- memory per event (20 rules, --threads 1, %s to %s events): %.0f bytes" % (label(small[0]), label(large[0]), grow1))
    # Issue 17's targets: 10^6 events, 20 rules, few or many findings: wall ≤ 1.0x the libyaml
    # floor, peak ≤ 120 MiB; 10^7 events: wall ≤ 1.0x, peak ≤ 300 MiB.
    for n, events, mb, floor, full, v2, notice, peer, nfind, agree in rows:
        if n not in (1000000, 10000000):
            continue
        limit = 120 if n == 1000000 else 300
        print("Targets at %s events (issue 17):" % "{:,}".format(events))
        print("- 20 rules: wall ÷ libyaml floor %.2f (target ≤ 1.0): %s; peak memory %.0f MiB (target ≤ %d): %s" % (
            full[0] / floor[0], "met" if full[0] <= floor[0] else "NOT met", full[1], limit,
            "met" if full[1] <= limit else "NOT met"))
        for mn, mevents, mfloor, many, count, ok in many_rows:
            if mn == n:
                print("- many findings, JSON -o: wall ÷ floor %.2f (target ≤ 1.0): %s; peak memory %.0f MiB "
                      "(target ≤ %d): %s" % (many[0] / mfloor[0], "met" if many[0] <= mfloor[0] else "NOT met",
                                             many[1], limit, "met" if many[1] <= limit else "NOT met"))
        if peer:
            print("- peer ÷ pactum, notice rule: %.1fx" % (peer[0] / notice[0]))
    flat = [per_event[n] for n in SIZES if n >= 10000]
    if len(flat) > 1:
        spread = max(flat) / min(flat) - 1
        print("- per-event cost from %s to %s events: %.2f to %.2f µs, spread %.0f%%" % (
            label(min(SIZES)), label(max(SIZES)), min(flat), max(flat), spread * 100))
    for terms in PIPED_TERMS if PIPED else []:
        log("piped: %s events generated on the fly, %s.terms" % (label(PIPED), terms))
        events, wall, rss, path, agree = piped(PIPED, terms)
        checks.append(("piped " + terms, 0, agree))
        print("| piped, %s.terms: events | generator and pactum s | pactum peak MiB | peak bytes ÷ events | findings = planted | path taken |" % terms)
        print("| ---: | ---: | ---: | ---: | :---: | --- |")
        print("| %s | %.1f | %.0f | %.1f | %s | %s |" % ("{:,}".format(events), wall, rss, rss * 1024 * 1024 / events,
                                                        "yes" if agree else "**NO**", path))
        print("- %s events piped, %s.terms: peak memory %.0f MiB (target ≤ 300): %s" % (
            "{:,}".format(events), terms, rss, "met" if rss <= 300 else "NOT met"))
    print("- findings agree (pactum = planted%s; streamed = loaded; merged = loaded; 4 slices merged = whole%s): %s" % (
        " = peer" if RUN_PEER else "", "; piped = planted" if PIPED else "",
        "yes" if all(a for _, _, a in checks) else "NO"))
    if not all(a for _, _, a in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
