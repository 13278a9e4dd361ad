#!/usr/bin/env python3
"""How long headless Chromium takes to open an html report: load, style, layout and paint.

    bench/html_render_time.py REPORT.html [REPORT.html ...]

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: no port, no
network, standard library only): opens a blank tab, navigates to the file, waits for the load
event and the next frame, and reads the page's own clock (performance.now() at that frame, from
the start of the navigation) and Chromium's counters (Performance.getMetrics: time spent in
style recalculation, layout and scripts, which is 0: the report runs none). Each file is opened
REPEAT times (default 3); the best run is printed. PACTUM_CHROMIUM names another browser.
"""
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPEAT = int(os.environ.get("REPEAT", "3"))


class Browser:
    def __init__(self, binary, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # Above 4, so that placing them on 3 and 4 in the child cannot overwrite one another.
        low = (to_child_r, from_child_w)
        to_child_r, from_child_w = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in low)
        for fd in low:
            os.close(fd)

        def fds():  # Chromium reads commands on fd 3 and writes replies on fd 4
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--disable-extensions", "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id, self.buffer, self.events = 0, b"", []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, predicate, timeout=120):
        deadline = time.time() + timeout
        for m in self.events:
            if predicate(m):
                self.events.remove(m)
                return m
        while time.time() < deadline:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            m = json.loads(raw)
            if "error" in m:
                raise RuntimeError(str(m["error"]))
            if predicate(m):
                return m
            self.events.append(m)
        raise TimeoutError("no reply from chromium")

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        self.proc.wait(timeout=30)


def measure(browser, path):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["result"]["sessionId"]
    browser.send("Page.enable", session=session)
    browser.send("Performance.enable", session=session)
    start = time.perf_counter()
    browser.send("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session=session)
    browser.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
    # One frame after the load event: the page has been styled, laid out and painted.
    frame = browser.send("Runtime.evaluate", {
        "expression": "new Promise(r => requestAnimationFrame(() => setTimeout(() => r(JSON.stringify({"
                      "frame: performance.now(), load: performance.getEntriesByType('navigation')[0].loadEventEnd,"
                      "nodes: document.getElementsByTagName('*').length})))))",
        "awaitPromise": True, "returnByValue": True}, session=session)
    wall = time.perf_counter() - start
    page = json.loads(frame["result"]["result"]["value"])
    metrics = {m["name"]: m["value"] for m in
               browser.send("Performance.getMetrics", session=session)["result"]["metrics"]}
    browser.send("Target.closeTarget", {"targetId": target})
    return {"load_ms": page["load"], "frame_ms": page["frame"], "wall_s": wall, "nodes": page["nodes"],
            "layout_ms": metrics.get("LayoutDuration", 0) * 1000,
            "style_ms": metrics.get("RecalcStyleDuration", 0) * 1000,
            "script_ms": metrics.get("ScriptDuration", 0) * 1000}


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = shutil.which(os.environ.get("PACTUM_CHROMIUM", "chromium"))
    if not binary:
        print("no chromium (scripts/setup.sh installs Debian's)")
        return 2
    with tempfile.TemporaryDirectory(prefix="pactum-render-") as profile:
        browser = Browser(binary, profile)
        try:
            print(f"| report | size | elements | load event | first frame after load | layout | style | script |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for path in sys.argv[1:]:
                best = min((measure(browser, path) for _ in range(REPEAT)), key=lambda r: r["frame_ms"])
                print(f"| {os.path.basename(path)} | {os.path.getsize(path) / 1e6:.2f} MB | {best['nodes']} | "
                      f"{best['load_ms']:.0f} ms | {best['frame_ms']:.0f} ms | {best['layout_ms']:.0f} ms | "
                      f"{best['style_ms']:.0f} ms | {best['script_ms']:.0f} ms |")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
