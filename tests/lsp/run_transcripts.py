#!/usr/bin/env python3
"""Golden LSP transcripts: request in, exact response out.

Each folder of tests/lsp/transcripts holds
  requests.jsonl   one message per line, sent to `pactum lsp` framed with Content-Length.
                   In strings, "@file:NAME" is replaced by the text of NAME (same folder) and
                   "$ROOT" by the repository root. A line starting with "RAW " is sent as it is
                   (after the prefix): malformed JSON. Lines starting with "#" are comments.
  responses.jsonl  every message the server sends, one per line, exactly as sent (compact JSON).
  *.terms          documents the requests open.
The server must exit with status 0 (the transcripts end with shutdown and exit).

  run_transcripts.py PACTUM REPO [--update] [NAME ...]
  run_transcripts.py --seeds DIR REPO     writes each transcript's framed requests to DIR (the
                                          seeds of fuzz/fuzz_lsp.cc: byte 0 is 255, whole messages)
"""
import json
import os
import subprocess
import sys


def substitute(value, folder, root):
    if isinstance(value, str):
        if value.startswith("@file:"):
            with open(os.path.join(folder, value[6:]), encoding="utf-8") as f:
                return f.read()
        return value.replace("$ROOT", root)
    if isinstance(value, list):
        return [substitute(v, folder, root) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, folder, root) for k, v in value.items()}
    return value


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frames(data: bytes):
    """The bodies of the framed messages in `data`; raises on bad framing."""
    bodies = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            raise ValueError("unterminated header: %r" % data[:80])
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None or len(rest) < length:
            raise ValueError("bad Content-Length in %r" % head)
        bodies.append(rest[:length].decode("utf-8"))
        data = rest[length:]
    return bodies


def framed_requests(folder, root):
    stream = b""
    with open(os.path.join(folder, "requests.jsonl"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("RAW "):
                stream += frame(line[4:].encode("utf-8"))
            else:
                message = substitute(json.loads(line), folder, root)
                stream += frame(json.dumps(message).encode("utf-8"))
    return stream


def run(pactum, root, folder, update):
    stream = framed_requests(folder, root)
    proc = subprocess.run([pactum, "lsp"], input=stream, capture_output=True, timeout=60)
    problems = []
    if proc.returncode != 0:
        problems.append("exit status %d (stderr: %s)" % (proc.returncode, proc.stderr.decode(errors="replace")[:500]))
    try:
        got = read_frames(proc.stdout)
    except ValueError as e:
        return ["framing: %s" % e]
    expected_path = os.path.join(folder, "responses.jsonl")
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            for body in got:
                f.write(body + "\n")
        return problems
    with open(expected_path, encoding="utf-8") as f:
        expected = [line.rstrip("\n") for line in f if line.strip()]
    for i in range(max(len(got), len(expected))):
        g = got[i] if i < len(got) else "(nothing)"
        e = expected[i] if i < len(expected) else "(nothing)"
        if g != e:
            problems.append("message %d differs\n  expected: %s\n  got:      %s" % (i + 1, e, g))
    return problems


def write_seeds(out, root):
    base = os.path.join(root, "tests", "lsp", "transcripts")
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(base)):
        with open(os.path.join(out, name + ".bin"), "wb") as f:
            f.write(b"\xff" + framed_requests(os.path.join(base, name), root))
    return 0


def main():
    if sys.argv[1:2] == ["--seeds"]:
        return write_seeds(sys.argv[2], os.path.abspath(sys.argv[3]))
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv
    pactum, root, names = os.path.abspath(args[0]), os.path.abspath(args[1]), args[2:]
    base = os.path.join(root, "tests", "lsp", "transcripts")
    folders = sorted(names or os.listdir(base))
    passed = failed = 0
    for name in folders:
        problems = run(pactum, root, os.path.join(base, name), update)
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p)
        else:
            passed += 1
            print("ok   %s" % name)
    print("lsp transcripts: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
