#!/usr/bin/env python3
"""CI integration of pactum, checked by real consumers (issue 12).

Usage: check_formats.py PATH/TO/pactum REPO_ROOT

- SARIF: validated against the official SARIF 2.1.0 JSON schema (shipped in the npm package
  @microsoft/sarif-multitool-linux, tests/ci/package.json) with python's jsonschema, and by the
  Microsoft SARIF multitool itself (`validate` with its SARIF and GitHub rule sets).
- GitLab Code Quality: every required key, allowed severities, unique fingerprints.
- JUnit: parsed as XML.
- Stable ids: renamed and reordered logs give the same ids in JSON, SARIF and GitLab.
- Baselines and waivers: accepted, new, fixed, strict, active, expired, unused, bad files.
- Input errors (exit 2) in the CI formats: a valid SARIF run (schema and multitool) that did not
  succeed, GitLab blocker issues, failing JUnit test cases, GitHub error annotations.
- `--due-within`: SARIF and GitLab stay valid; JUnit failures equal the findings, skipped test
  cases the pending items and tolerated misses; GitHub shows at most 10 errors and says so;
  SARIF uris relative to `--root`.
Each check prints what differed; the last line is 'N passed, N failed'.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

results = []


def check(name, ok, detail=""):
    ok = bool(ok)
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))


def run(pactum, *args, cwd=None):
    p = subprocess.run([pactum, *args], capture_output=True, text=True, cwd=cwd, timeout=120)
    return p.returncode, p.stdout, p.stderr


def load_schema_validator(schema):
    try:
        import jsonschema  # noqa: F401
        return None
    except ImportError:
        # Debian's python3-jsonschema lives with the system interpreter.
        return "/usr/bin/python3"


def schema_errors(schema_path, doc_path):
    code = ("import json,sys,jsonschema\n"
            "s=json.load(open(sys.argv[1]));d=json.load(open(sys.argv[2]))\n"
            "v=jsonschema.Draft202012Validator(s)\n"
            "for e in v.iter_errors(d): print(list(e.path), e.message[:300])\n")
    interpreter = load_schema_validator(schema_path) or sys.executable
    p = subprocess.run([interpreter, "-c", code, schema_path, doc_path], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        return ["validator failed: " + p.stderr.strip()[-500:]]
    return [line for line in p.stdout.splitlines() if line.strip()]


def multitool_problems(multitool, sarif_path, work):
    out = os.path.join(work, "validation.sarif")
    p = subprocess.run([multitool, "validate", sarif_path, "-o", out, "--log", "ForceOverwrite",
                        "--rule-kind", "Gh;Sarif"], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    if p.returncode != 0 or not os.path.exists(out):
        return ["multitool failed: " + (p.stdout + p.stderr)[-800:]]
    problems = []
    for r in json.load(open(out))["runs"][0].get("results", []):
        # SARIF2005 asks for tool.driver.informationUri: pactum has no public web address to give
        # (docs/ci.md), and a made-up one would mislead. Everything else must be clean.
        if r.get("ruleId") == "SARIF2005":
            continue
        problems.append(f"{r.get('ruleId')}: {r.get('message', {}).get('text', r.get('message'))}")
    return problems


def sarif_valid(name, path, schema, multitool, work):
    errors = schema_errors(schema, path)
    check(f"{name}: valid against the SARIF 2.1.0 schema", not errors, "; ".join(errors[:5]))
    problems = multitool_problems(multitool, path, work)
    check(f"{name}: the SARIF multitool (SARIF and GitHub rules) finds nothing", not problems, "; ".join(problems[:5]))


def gitlab_valid(name, issues):
    required = {"description", "check_name", "fingerprint", "severity", "location"}
    check(f"{name}: every issue has the required keys",
          all(required <= set(i) and "path" in i["location"] and "begin" in i["location"]["lines"] for i in issues),
          json.dumps(issues[:1]))
    check(f"{name}: severities are GitLab's",
          all(i["severity"] in ("info", "minor", "major", "critical", "blocker") for i in issues),
          str({i["severity"] for i in issues}))
    fingerprints = [i["fingerprint"] for i in issues]
    check(f"{name}: fingerprints are unique", len(set(fingerprints)) == len(fingerprints), "duplicates")


def check_more(pactum, root, terms, log, schema, multitool, work):
    # --- input errors: a broken agreement and a broken log in every CI format ---
    broken = os.path.join(work, "broken.terms")
    open(broken, "w").write(open(terms).read().replace("requires notice", "requirez notice", 1))
    bad_log = os.path.join(work, "bad.yaml")
    open(bad_log, "w").write("events:\n  - {at: 2026-13-01T10:00:00Z, type: notice}\n  - {type: visit}\n")
    _, _, err = run(pactum, "check", broken, bad_log)
    n_errors = err.count(": error: ")
    sarif = os.path.join(work, "errors.sarif")
    code, out, err = run(pactum, "check", broken, bad_log, "--format", "sarif", "-o", sarif)
    check("input errors: exit 2, errors on stderr, the SARIF written to -o",
          code == 2 and out == "" and os.path.exists(sarif) and n_errors >= 3, f"exit {code}, {n_errors} errors: {err[-300:]}")
    if os.path.exists(sarif):
        sarif_valid("input errors: sarif", sarif, schema, multitool, work)
        run0 = json.load(open(sarif))["runs"][0]
        check("input errors: sarif run did not succeed and has one result per error, located",
              run0["invocations"][0]["executionSuccessful"] is False and len(run0["results"]) == n_errors and
              all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run0["results"]),
              json.dumps(run0.get("invocations"))[:300])
    code, out, _ = run(pactum, "check", broken, bad_log, "--format", "gitlab")
    issues = json.loads(out) if out else []
    gitlab_valid("input errors: gitlab", issues)
    check("input errors: gitlab has one blocker per error",
          code == 2 and len(issues) == n_errors and all(i["severity"] == "blocker" for i in issues), f"exit {code}")
    code, out, _ = run(pactum, "check", broken, bad_log, "--format", "junit")
    try:
        suites = ET.fromstring(out)
        failures = suites.findall(".//testcase/failure")
        check("input errors: junit has a failing test case per error",
              code == 2 and len(failures) == n_errors and suites.get("failures") == str(n_errors), f"exit {code}")
    except ET.ParseError as e:
        check("input errors: junit parses", False, str(e))
    code, out, _ = run(pactum, "check", broken, bad_log, "--format", "github")
    annotations = [l for l in out.splitlines() if l.startswith("::error file=")]
    check("input errors: github has an ::error annotation per error, located",
          code == 2 and len(annotations) == n_errors and all(",line=" in a and ",col=" in a for a in annotations),
          out[:300])
    code, out, _ = run(pactum, "check", broken, bad_log, "--format", "json")
    check("input errors: json keeps the contract (nothing on standard output)", code == 2 and out == "", out[:200])

    # --- due soon, valid in SARIF and GitLab ---
    sarif = os.path.join(work, "due.sarif")
    code, _, err = run(pactum, "check", terms, log, "--due-within", "2w", "--format", "sarif", "-o", sarif)
    sarif_valid("due soon: sarif", sarif, schema, multitool, work)
    run0 = json.load(open(sarif))["runs"][0]
    due = run0["properties"].get("due_soon", {})
    jcode, jout, _ = run(pactum, "check", terms, log, "--due-within", "2w", "--format", "json")
    doc = json.loads(jout)
    check("due soon: sarif lists the same items as json, soonest first",
          [i["id"] for i in due.get("items", [])] == [i["id"] for i in doc["due_soon"]["items"]] and
          len(doc["due_soon"]["items"]) > 0 and
          [i["deadline"] for i in doc["due_soon"]["items"]] == sorted(i["deadline"] for i in doc["due_soon"]["items"]),
          json.dumps(due)[:300])
    code, out, _ = run(pactum, "check", terms, log, "--due-within", "2w", "--format", "gitlab")
    issues = json.loads(out)
    gitlab_valid("due soon: gitlab", issues)
    check("due soon: gitlab has an info issue per due item",
          len([i for i in issues if i["check_name"] == "pactum/due-soon" and i["severity"] == "info"]) ==
          len(doc["due_soon"]["items"]), str(len(issues)))
    code, _, err = run(pactum, "check", terms, log, "--due-within", "5x")
    check("due soon: a bad span is a usage error", code == 2 and "--due-within `5x` is not a span" in err, err[-200:])

    # --- JUnit: failures are the findings; pending items and tolerated misses are skipped ---
    code, out, _ = run(pactum, "check", terms, log, "--format", "junit")
    suites = ET.fromstring(out)
    cases = suites.findall(".//testcase")
    failed = [c for c in cases if c.find("failure") is not None and c.get("classname") != "lint"]
    skipped = [c for c in cases if c.find("skipped") is not None]
    summary = doc["summary"]
    check("junit: one failing test case per finding", len(failed) == summary["findings"] and
          suites.get("failures") == str(summary["findings"]), f"{len(failed)} vs {summary['findings']}")
    check("junit: pending items and tolerated misses are skipped test cases",
          len(skipped) == summary["pending"] + summary["tolerated"] and
          suites.get("skipped") == str(len(skipped)), f"{len(skipped)} vs {summary['pending']} + {summary['tolerated']}")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    check("junit: test case names are unique", len(set(names)) == len(names), "duplicates")

    # --- GitHub: at most 10 errors, then a notice that counts the rest ---
    code, out, _ = run(pactum, "check", terms, log, "--format", "github")
    lines = out.splitlines()
    errors = [l for l in lines if l.startswith("::error ")]
    notice = [l for l in lines if l.startswith("::notice title=pactum%3A")]
    rest = summary["findings"] - 10
    check("github: at most 10 error annotations, then a notice with the rest",
          len(errors) == 10 and len(notice) == 1 and f"{rest} more errors are not annotated" in notice[0],
          f"{len(errors)} errors, {notice[:1]}")

    # --- SARIF uris relative to --root (default: the current directory) ---
    rel_root = os.path.abspath(root)
    code, out, _ = run(pactum, "check", "examples/acme.terms", "examples/acme-2026.yaml", "--format", "sarif", cwd=rel_root)
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    check("sarif: uris relative to the current directory by default", uri == "examples/acme.terms", uri)
    sarif = os.path.join(work, "root.sarif")
    code, _, _ = run(pactum, "check", os.path.join(rel_root, "examples", "acme.terms"), os.path.join(rel_root, "examples", "acme-2026.yaml"),
                     "--format", "sarif", "--root", os.path.join(rel_root, "examples"), "-o", sarif)
    run0 = json.load(open(sarif))["runs"][0]
    uri = run0["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    related = run0["results"][0].get("relatedLocations", [{}])[0].get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
    check("sarif: uris relative to --root", uri == "acme.terms" and related == "acme-2026.yaml", f"{uri} {related}")
    sarif_valid("sarif with --root", sarif, schema, multitool, work)


def main(pactum, root):
    pactum = os.path.abspath(pactum)
    terms = os.path.join(root, "examples", "acme.terms")
    log = os.path.join(root, "examples", "acme-2026.yaml")
    tools = os.path.join(root, "tests", "ci", "node_modules", "@microsoft", "sarif-multitool-linux")
    schema = os.path.join(tools, "sarif-2.1.0.json")
    multitool = os.path.join(tools, "Sarif.Multitool")
    if not os.path.exists(schema) or not os.path.exists(multitool):
        print(f"FAIL validators missing: run `npm ci --prefix {os.path.join(root, 'tests', 'ci')}` (scripts/setup.sh ci)")
        print("0 passed, 1 failed")
        return 1
    os.chmod(multitool, 0o755)
    work = tempfile.mkdtemp(prefix="pactum-ci-")
    try:
        # --- SARIF: schema and multitool, plain and with waivers/baseline (suppressions) ---
        sarif = os.path.join(work, "report.sarif")
        code, _, err = run(pactum, "check", terms, log, "--format", "sarif", "-o", sarif)
        check("sarif: written", code == 1 and os.path.exists(sarif), f"exit {code}: {err}")
        errors = schema_errors(schema, sarif)
        check("sarif: valid against the SARIF 2.1.0 schema", not errors, "; ".join(errors[:5]))
        problems = multitool_problems(multitool, sarif, work)
        check("sarif: the SARIF multitool (SARIF and GitHub rules) finds nothing", not problems, "; ".join(problems[:5]))
        doc = json.load(open(sarif))
        run0 = doc["runs"][0]
        fps = [r.get("partialFingerprints", {}).get("pactumFindingId/v1") for r in run0["results"]
               if r["level"] != "note" and "/" in r["ruleId"]]
        check("sarif: every finding has a partialFingerprint", fps and all(fps), str(fps[:3]))
        check("sarif: automationDetails and tool version", "automationDetails" in run0 and
              run0["tool"]["driver"].get("version"), json.dumps(run0["tool"]["driver"])[:200])
        rules = run0["tool"]["driver"]["rules"]
        check("sarif: rules have fullDescription and help", all("fullDescription" in r and "help" in r for r in rules),
              str([r["id"] for r in rules if "help" not in r]))
        check("sarif: results_left_out is counted", run0["properties"].get("results_left_out") == 0,
              str(run0["properties"].get("results_left_out")))

        # --- stable ids: the same findings from renamed, split and reordered logs ---
        text = open(log).read()
        head, sep, body = text.partition("events:\n")
        items = body.split("\n  - ")
        first = head + sep + "\n  - ".join(items[: len(items) // 2]) + "\n"
        second = head + sep + "  - " + "\n  - ".join(items[len(items) // 2:])
        a = os.path.join(work, "zz-second-half.yaml")
        b = os.path.join(work, "aa-first-half.yaml")
        open(a, "w").write(second)
        open(b, "w").write(first)

        def ids(fmt, *logs):
            code, out, err = run(pactum, "check", terms, *logs, "--format", fmt)
            if fmt == "json":
                d = json.loads(out)
                return sorted(f["id"] for f in d["findings"] + d["pending"])
            if fmt == "gitlab":
                return sorted(i["fingerprint"] for i in json.loads(out))
            d = json.loads(out)["runs"][0]["results"]
            return sorted(r["partialFingerprints"]["pactumFindingId/v1"] for r in d if "partialFingerprints" in r)

        for fmt in ("json", "sarif", "gitlab"):
            whole, parts = ids(fmt, log), ids(fmt, a, b)
            check(f"ids: {fmt} ids do not depend on log names or order", whole == parts and len(whole) > 0,
                  f"{len(whole)} vs {len(parts)}: {sorted(set(whole) ^ set(parts))[:4]}")

        # --- GitLab Code Quality ---
        code, out, err = run(pactum, "check", terms, log, "--format", "gitlab")
        issues = json.loads(out)
        required = {"description", "check_name", "fingerprint", "severity", "location"}
        check("gitlab: every issue has the required keys",
              all(required <= set(i) and "path" in i["location"] and "begin" in i["location"]["lines"] for i in issues),
              json.dumps(issues[:1]))
        check("gitlab: severities are GitLab's",
              all(i["severity"] in ("info", "minor", "major", "critical", "blocker") for i in issues),
              str({i["severity"] for i in issues}))
        fingerprints = [i["fingerprint"] for i in issues]
        check("gitlab: fingerprints are unique", len(set(fingerprints)) == len(fingerprints), "duplicates")
        jcode, jout, _ = run(pactum, "check", terms, log, "--format", "json")
        check("gitlab: one issue per finding", len(issues) == len(json.loads(jout)["findings"]),
              f"{len(issues)} issues")

        # --- JUnit parses ---
        code, out, err = run(pactum, "check", terms, log, "--format", "junit")
        try:
            ET.fromstring(out)
            check("junit: well-formed XML", True)
        except ET.ParseError as e:
            check("junit: well-formed XML", False, str(e))

        # --- baselines ---
        base = os.path.join(work, "baseline.json")
        code, _, err = run(pactum, "check", terms, log, "--write-baseline", base, "-o", os.path.join(work, "r.txt"))
        entries = json.load(open(base))["findings"]
        check("baseline: written with every finding", code == 1 and len(entries) == len(json.loads(jout)["findings"]),
              f"exit {code}, {len(entries)} entries")
        code, out, err = run(pactum, "check", terms, a, b, "--baseline", base, "--format", "json")
        d = json.loads(out)
        check("baseline: accepts every known finding, also from renamed and reordered logs",
              code == 0 and d["findings"] == [] and d["summary"]["baselined"] == len(entries),
              f"exit {code}, {len(d['findings'])} left")
        code, out, err = run(pactum, "check", terms, log, "--baseline", base, "--format", "junit")
        cases = ET.fromstring(out).findall(".//testcase")
        accepted = [c for c in cases if c.find("skipped") is not None and
                    c.find("skipped").get("message", "").startswith("accepted by the baseline: ")]
        check("baseline: junit shows each accepted finding as a skipped test case of its rule",
              code == 0 and len(accepted) == len(entries) and
              all(" accepted by the baseline, " in c.get("name") for c in accepted), f"exit {code}, {len(accepted)}")
        shrunk = dict(json.load(open(base)))
        new_one = shrunk["findings"].pop(0)
        shrunk["findings"].append({"id": "00000000deadbeef", "block": "Gone", "rule": 1, "reason": "late", "at": ""})
        smaller = os.path.join(work, "baseline-old.json")
        json.dump(shrunk, open(smaller, "w"), indent=1)
        code, out, err = run(pactum, "check", terms, log, "--baseline", smaller, "--format", "json")
        d = json.loads(out)
        check("baseline: a finding not in the baseline fails the run",
              code == 1 and [f["id"] for f in d["findings"]] == [new_one["id"]], f"exit {code}")
        check("baseline: an entry that matches nothing is reported fixed",
              [e["id"] for e in d["baseline"]["fixed"]] == ["00000000deadbeef"] and "fixed:" in err, err[-300:])
        minus = dict(shrunk)
        minus["findings"] = [e for e in json.load(open(base))["findings"]] + [shrunk["findings"][-1]]
        stale = os.path.join(work, "baseline-stale.json")
        json.dump(minus, open(stale, "w"))
        code, _, _ = run(pactum, "check", terms, log, "--baseline", stale)
        check("baseline: fixed entries alone do not fail", code == 0, f"exit {code}")
        code, _, _ = run(pactum, "check", terms, log, "--baseline", stale, "--strict-baseline")
        check("baseline: --strict-baseline fails on fixed entries (it only shrinks)", code == 1, f"exit {code}")

        # --- waivers ---
        first_id = json.loads(jout)["findings"][0]["id"]
        waivers = os.path.join(work, "waivers.yaml")
        open(waivers, "w").write(
            "waivers:\n"
            f"  - id: {first_id}\n    owner: Acme\n    reason: announced by phone\n    until: 2026-12-31\n"
            "    approved_by: Northwind operations\n"
            "  - block: Site visits are announced\n    rule: 1\n    event: V-99\n    owner: Acme\n"
            "    reason: no such visit\n    until: 2026-12-31\n"
            "  - block: Weekly service review\n    window: 2026-03-02\n    owner: Acme\n    reason: office move\n"
            "    until: 2026-01-31\n")
        code, out, err = run(pactum, "check", terms, log, "--waivers", waivers, "--today", "2026-06-01", "--format", "json")
        d = json.loads(out)
        check("waivers: a waiver in force sets its finding apart, with the waiver",
              [w["id"] for w in d["waived"]] == [first_id] and d["waived"][0]["waiver"]["owner"] == "Acme", out[:300])
        code, out, err = run(pactum, "check", terms, log, "--waivers", waivers, "--today", "2026-06-01", "--format", "junit")
        waived = [c for c in ET.fromstring(out).findall(".//testcase") if c.find("skipped") is not None and
                  c.find("skipped").get("message", "").startswith("waived by Acme until 2026-12-31: announced by phone: ")]
        check("waivers: junit shows the waived finding as a skipped test case, with its waiver",
              len(waived) == 1 and first_id in waived[0].get("name"), out[:300])
        check("waivers: an expired waiver is reported with its line", "waivers.yaml:13:" in err and "expired" in err,
              err[-400:])
        check("waivers: an unused waiver is reported with its line", "waivers.yaml:7:" in err and "matches no finding" in err,
              err[-400:])
        code, out, err = run(pactum, "check", terms, log, "--waivers", waivers, "--today", "2027-01-01", "--format", "json")
        d = json.loads(out)
        check("waivers: past `until` nothing is waived", d["waived"] == [] and len(d["waivers"]["expired"]) == 3,
              json.dumps(d.get("waivers"))[:300])
        bad = os.path.join(work, "bad-waivers.yaml")
        open(bad, "w").write("waivers:\n  - id: abc\n    ownr: Acme\n    reason: x\n    until: 2026-13-01\n")
        code, out, err = run(pactum, "check", terms, log, "--waivers", bad)
        check("waivers: a bad waiver file is a located input error with a did-you-mean",
              code == 2 and out == "" and "bad-waivers.yaml:3:5:" in err and "did you mean `owner`?" in err, err[-400:])

        check_more(pactum, root, terms, log, schema, multitool, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
