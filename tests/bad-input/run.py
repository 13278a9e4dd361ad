#!/usr/bin/env python3
"""Runs the bad-input corpus (see generate.py for the case format).

Usage: run.py PATH/TO/pactum [CASES_DIR] [-v] [-k SUBSTRING]

For every case: copies it into a scratch folder (with shared/agreement.terms and shared/log.yaml
where the case has none), performs its `setup` (symbolic links, hard links, FIFOs, modes, copies
under odd names, generated large files), runs pactum there with relative paths, and checks
  - the exit status is the expected one, never 3 (internal error), never a signal;
  - it finishes within 10 seconds;
  - every expected fragment appears on standard error (and standard output, if given), and no
    fragment of stderr_absent / stdout_absent does; every regular expression of stderr_matches
    finds a match (multi-line mode: ^ and $ are line ends); standard error is at most stderr_max_bytes
    long, if given;
  - exit 2 writes nothing to standard output (spec 8), except the report of input errors that
    the CI formats (github, sarif, junit, gitlab) carry (docs/ci.md);
  - `fmt -w` never rewrites a file it refused, and no file in the folder changes unless asked
    (`files_after` lists the files a case may change, and what they must then be);
and, for every case, what docs/security.md promises of all output:
  - no control character (other than line feed and tab) on standard output or standard error:
    no C0, DEL, C1, U+FFFE or U+FFFF, raw;
  - no line that GitHub Actions would read as a workflow command: none starts, after white space,
    with `::` (unless it is one of pactum's own `::error`/`::warning`/`::notice` lines of
    `--format github`), and `##[` appears nowhere, nor `##vso[` (Azure Pipelines) in any case.
Prints one line per failure and a closing line "N passed, M failed"; exits 1 on any failure.
Standard library only.
"""
import base64
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading

TIMEOUT = 10


def snapshot(folder):
    """Every entry under `folder` without following links or opening FIFOs: regular files by
    content and mode, links by target, anything else by kind."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for f in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            p = os.path.join(root, f)
            st = os.lstat(p)
            key = os.path.relpath(p, folder)
            if stat.S_ISLNK(st.st_mode):
                out[key] = ("link", os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                with open(p, "rb") as fh:
                    out[key] = ("file", fh.read(), stat.S_IMODE(st.st_mode))
            else:
                out[key] = ("other", stat.S_IFMT(st.st_mode))
    return out


def arg(a):
    """An argument or a file name: `b64:...` stands for bytes that are not UTF-8."""
    return base64.b64decode(a[4:]) if isinstance(a, str) and a.startswith("b64:") else a


def expand(spec):
    """A generated file: head + count items (item with {i}, and {inner} for a nested list) + tail."""
    inner = ""
    if "inner" in spec:
        i = spec["inner"]
        inner = i.get("sep", "").join(i["item"].replace("{i}", str(k)) for k in range(i["count"]))
    items = spec.get("sep", "").join(
        spec["item"].replace("{i}", str(k)).replace("{inner}", inner) for k in range(spec["count"]))
    return (spec.get("head", "") + items + spec.get("tail", "")).encode()


def setup(work, actions):
    for a in actions:
        if "symlink" in a:
            os.symlink(arg(a["to"]), os.path.join(work, arg(a["symlink"])))
        elif "hardlink" in a:
            os.link(os.path.join(work, a["to"]), os.path.join(work, a["hardlink"]))
        elif "fifo" in a:
            os.mkfifo(os.path.join(work, a["fifo"]))
        elif "chmod" in a:
            os.chmod(os.path.join(work, a["chmod"]), int(a["mode"], 8))
        elif "copy" in a:
            target = os.path.join(os.fsencode(work), os.fsencode(arg(a["to"])))
            shutil.copy(os.path.join(work, a["copy"]), target)
        elif "generate" in a:
            path = os.path.join(work, a["generate"])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(expand(a))
        else:
            raise ValueError(f"unknown setup action {a}")


class FifoPeer(threading.Thread):
    """The other end of a FIFO: writes `data` into it, or reads everything from it."""

    def __init__(self, path, data=None, repeat=1):
        super().__init__(daemon=True)
        self.path, self.data, self.repeat, self.got = path, data, repeat, b""

    def run(self):
        try:
            if self.data is not None:
                with open(self.path, "wb") as f:
                    for _ in range(self.repeat):  # a large stream without holding it in memory
                        f.write(self.data)
            else:
                with open(self.path, "rb") as f:
                    self.got = f.read()
        except OSError:
            pass

    def release(self):
        """Opens the other side if pactum never did, so that the thread ends."""
        if not self.is_alive():
            return
        try:
            fd = os.open(self.path, (os.O_RDONLY if self.data is not None else os.O_WRONLY) | os.O_NONBLOCK)
            os.close(fd)
        except OSError:
            pass
        self.join(2)


def output_problems(name, raw, github):
    """What docs/security.md promises of every byte pactum prints."""
    problems = []
    text = raw.decode("utf-8", "replace")
    for ch in text:
        c = ord(ch)
        if (c < 0x20 and ch not in "\n\t") or 0x7F <= c <= 0x9F or c in (0xFFFE, 0xFFFF):
            problems.append(f"a raw control character U+{c:04X} on {name}")
            break
    for line in text.split("\n"):
        start = line.lstrip()
        if start.startswith("::") and not (github and re.match(r"::(error|warning|notice) ", line)):
            problems.append(f"a workflow command on {name}: {line[:80]!r}")
            break
    if "##[" in text:
        problems.append(f"`##[` on {name}")
    if "##vso[" in text.lower():
        problems.append(f"`##vso[` on {name}")
    return problems


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
    setup(work, expect.get("setup", []))
    before = snapshot(work)
    args = [arg(a) for a in expect.get("args", default_args(expect["command"]))]
    cmd = [pactum, expect["command"]] + args
    env = dict(os.environ, NO_COLOR="1", **expect.get("env", {}))
    peers = [FifoPeer(os.path.join(work, p["fifo"]), p["content"].encode(), p.get("repeat", 1))
             for p in expect.get("fifo_write", [])]
    peers += [FifoPeer(os.path.join(work, p)) for p in expect.get("fifo_read", [])]
    for peer in peers:
        peer.start()
    problems = []
    try:
        if "stdout_to" in expect:  # standard output into a device (/dev/full), or closed ("closed")
            target = expect["stdout_to"]
            sink = subprocess.DEVNULL if target == "closed" else open(target, "wb")
            try:
                p = subprocess.run(cmd, cwd=work, stdout=sink, stderr=subprocess.PIPE, timeout=TIMEOUT, env=env,
                                   input=expect.get("stdin", "").encode(),
                                   preexec_fn=(lambda: os.close(1)) if target == "closed" else None)
            finally:
                if sink is not subprocess.DEVNULL:
                    sink.close()
            p.stdout = b""
        else:
            soft = expect.get("soft_limit_files")  # the usual soft limit of open files, made small
            limit = (lambda: resource.setrlimit(resource.RLIMIT_NOFILE,
                                                (soft, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))) if soft else None
            p = subprocess.run(cmd, cwd=work, capture_output=True, timeout=TIMEOUT, env=env,
                               input=expect.get("stdin", "").encode(), preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return [f"did not finish within {TIMEOUT} s", ""]
    finally:
        for peer in peers:
            peer.release()
    err = p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode < 0:
        problems.append(f"killed by signal {signal.Signals(-p.returncode).name}")
    elif p.returncode == 3:
        problems.append("internal error (exit 3)")
    if p.returncode != expect["exit"]:
        problems.append(f"exit {p.returncode}, expected {expect['exit']}")
    for frag in expect.get("stderr_contains", []):
        if frag not in err:
            problems.append(f"stderr lacks {frag!r}")
    for pattern in expect.get("stderr_matches", []):
        if not re.search(pattern, err, re.M):
            problems.append(f"stderr matches no line of {pattern!r}")
    for frag in expect.get("stderr_absent", []):
        if frag in err:
            problems.append(f"stderr has {frag!r}")
    if "stderr_max_bytes" in expect and len(p.stderr) > expect["stderr_max_bytes"]:
        problems.append(f"stderr is {len(p.stderr)} bytes, more than {expect['stderr_max_bytes']}")
    for frag in expect.get("stdout_contains", []):
        if frag not in out:
            problems.append(f"stdout lacks {frag!r}")
    for frag in expect.get("stdout_absent", []):
        if frag in out:
            problems.append(f"stdout has {frag!r}")
    ci_format = any(a in ("github", "sarif", "junit", "gitlab") for a in args if isinstance(a, str))
    if p.returncode == 2 and out and not ci_format:
        problems.append("exit 2 but something was written to standard output")
    if "Sanitizer" in err or "runtime error:" in err:
        problems.append("sanitizer report on standard error")
    github = "github" in [a for a in args if isinstance(a, str)]
    problems += output_problems("stdout", p.stdout, github) + output_problems("stderr", p.stderr, False)
    for peer in peers:
        if peer.data is None:
            for frag in expect.get("fifo_read_contains", []):
                if frag.encode() not in peer.got:
                    problems.append(f"what was written to the FIFO lacks {frag!r}")
    after = snapshot(work)
    allowed = expect.get("files_after", {})
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k) and k not in allowed)
    if changed:
        problems.append(f"files changed: {', '.join(changed)}")
    for name, want in allowed.items():
        got = after.get(name)
        if got is None:
            problems.append(f"{name} is missing")
            continue
        kind = {"file": "regular", "link": "symlink"}.get(got[0], "other")
        if want.get("type", "regular") != kind:
            problems.append(f"{name} is a {kind} entry, expected {want.get('type', 'regular')}")
            continue
        if kind == "symlink" and "to" in want and got[1] != want["to"]:
            problems.append(f"{name} links to {got[1]!r}, expected {want['to']!r}")
        if kind == "regular":
            content = got[1].decode("utf-8", "replace")
            for frag in want.get("contains", []):
                if frag not in content:
                    problems.append(f"{name} lacks {frag!r}")
            if "mode" in want and got[2] != int(want["mode"], 8):
                problems.append(f"{name} has mode {got[2]:04o}, expected {want['mode']}")
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
    os.umask(0o022)  # new output files: 0644 (docs/security.md)
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
