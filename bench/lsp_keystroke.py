#!/usr/bin/env python3
"""The language server's keystroke latency: didChange -> publishDiagnostics on a 500-line agreement.

Starts `pactum lsp`, opens a generated agreement of about 500 lines (2 parties, a calendar, an
interval, 60 terms and expectations with every kind of rule, lint warnings included), then types
into it: each keystroke sends the whole text (full sync, as VS Code does for this server) and
waits for the diagnostics of that version. Two phases of N keystrokes each:
  - typing `within` into a rule, letter by letter, and deleting it again: every keystroke but the
    one that completes the word leaves a syntax error (the parse alone);
  - changing a deadline's number (`within 4` <-> `within 5`): every keystroke leaves a valid
    agreement (parse + agreement checks + lint), the costly case.
Prints the wall-clock median, 90th percentile and maximum per kind, and per keystroke of each
phase the server's time on a CPU and its time runnable but waiting for one (/proc/PID/schedstat):
on a loaded machine the wall clock mostly measures that wait.

  bench/lsp_keystroke.py [PACTUM] [--keystrokes N]     (N per phase, default 200)
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def agreement(target_lines=500):
    head = """agreement "Benchmark - Acme Telecom and Northwind CX"
  effective 2026-01-01 to 2026-12-31
  timezone "America/New_York"
  currency "USD"
  fee monthly_fee 20000
  credits at most 10% of monthly_fee every month

party Acme
  name "Acme Telecom Inc."
  role client
  business hours mon-fri 09:00-17:00
  holidays 2026-07-03, 2026-11-26, 2026-12-25

party Northwind
  name "Northwind CX"
  role provider
  timezone "Asia/Manila"
  business hours mon-fri 08:00-20:00, sat 09:00-13:00

calendar ServiceDesk
  business hours mon-sun 00:00-24:00

interval outage from outage_started to outage_ended with same service
"""
    rules = [
        "every ticket_{i} by Acme requires answer_{i} by Northwind with same ticket within 4 business hours after",
        "every visit_{i} by Acme requires notice_{i} by Acme with same visit at least 48 hours before",
        "at most 3 escalation_{i} where `severity` <= 2 every month",
        "average score_{i} of survey where kind = \"csat\" at least 80% every month",
        "every change_{i} requires approval_{i} by Acme with same change before",
        "no breach_{i} outside business hours of Northwind",
        "every request_{i} by Northwind requires data_{i} by Acme with same request within 2 hours after",
        "availability of outage at least 99.5% every month",
    ]
    lines = head.split("\n")
    i = 0
    while len(lines) < target_lines:
        kind = "expectation" if i % 3 == 0 else "term"
        lines += ["", f'{kind} "Block {i}"', f'  clause "{i // 10}.{i % 10}"', "  responsible Northwind",
                  "  # a comment line, as real agreements have"]
        for k in range(3):
            lines.append("  " + rules[(i + k) % len(rules)].format(i=i * 3 + k))
        i += 1
    return "\n".join(lines) + "\n"


class Server:
    def __init__(self, pactum):
        self.proc = subprocess.Popen([pactum, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buffer = b""

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += os.read(self.proc.stdout.fileno(), 1 << 20)
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = int(head.split(b":")[1])
        while len(rest) < length:
            rest += os.read(self.proc.stdout.fileno(), 1 << 20)
        self.buffer = rest[length:]
        return json.loads(rest[:length])

    def wait_diagnostics(self, version):
        while True:
            m = self.receive()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
                return m["params"]["diagnostics"]


def cpu_ms(pid):
    """(time on a CPU, time runnable but waiting for a CPU) of the server so far, in milliseconds.

    /proc/PID/schedstat counts nanoseconds; without it, /proc/PID/stat's clock ticks (10 ms)
    give the CPU time and the wait is unknown (reported as 0)."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            on_cpu, waiting = f.read().split()[:2]
        return int(on_cpu) / 1e6, int(waiting) / 1e6
    except OSError:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK"), 0.0


def per_keystroke(start, pid, keystrokes):
    now = cpu_ms(pid)
    return tuple((b - a) / keystrokes for a, b in zip(start, now))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    pactum = args[0] if args else os.path.join(ROOT, "build", "pactum")
    keystrokes = 200
    if "--keystrokes" in sys.argv:
        keystrokes = int(sys.argv[sys.argv.index("--keystrokes") + 1])
    text = agreement()
    uri = "file:///bench/agreement.terms"
    s = Server(pactum)
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    s.receive()
    s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "terms", "version": 1, "text": text}}})
    opened = s.wait_diagnostics(1)
    codes = sorted({d.get("code", "syntax") for d in opened})
    # Phase 1: typing `within` into the last rule of the middle block, one letter at a time, and back.
    anchor = text.index("within 4 business hours", len(text) // 2)
    word = "within"
    timings = {"valid": [], "syntax error": []}
    version = 1

    def keystroke(edited, kind):
        nonlocal version
        version += 1
        start = time.perf_counter()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
        diags = s.wait_diagnostics(version)
        elapsed = (time.perf_counter() - start) * 1000
        if kind == "valid" and any(d["severity"] == 1 and "code" not in d for d in diags):
            sys.exit("a valid text gave a syntax error")
        timings[kind].append(elapsed)

    cpu_start = cpu_ms(s.proc.pid)
    for n in range(keystrokes):
        k = n % (2 * len(word))
        typed = k if k <= len(word) else 2 * len(word) - k  # letters of `within` present
        keystroke(text[:anchor] + word[:typed] + text[anchor + len(word):],
                  "valid" if typed == len(word) else "syntax error")
    cpu_typing = per_keystroke(cpu_start, s.proc.pid, keystrokes)
    # Phase 2: every keystroke leaves a valid agreement (the deadline's number changes).
    digit = anchor + len("within ")
    cpu_start = cpu_ms(s.proc.pid)
    for n in range(keystrokes):
        keystroke(text[:digit] + "45"[n % 2] + text[digit + 1:], "valid")
    cpu_valid = per_keystroke(cpu_start, s.proc.pid, keystrokes)
    s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    s.send({"jsonrpc": "2.0", "method": "exit"})
    s.proc.wait(timeout=10)
    print(f"agreement: {text.count(chr(10))} lines, {len(text)} bytes; on open: {len(opened)} diagnostics ({', '.join(codes)})")
    for kind, values in timings.items():
        values.sort()
        p90 = values[int(len(values) * 0.9) - 1]
        print(f"didChange -> publishDiagnostics, {kind:12}: {len(values):4} keystrokes, median {statistics.median(values):6.2f} ms, "
              f"p90 {p90:6.2f} ms, max {values[-1]:6.2f} ms")
    for phase, (on_cpu, waiting) in (("typing a word", cpu_typing), ("valid agreement every time", cpu_valid)):
        print(f"server per keystroke, {phase:26}: {on_cpu:5.2f} ms on a CPU, {waiting:6.2f} ms waiting for one")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
