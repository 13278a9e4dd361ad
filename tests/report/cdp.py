"""A minimal Chrome DevTools Protocol client over a pipe (--remote-debugging-pipe): headless
Chromium without a port or any network, standard library only. Used by the html report's browser
test (check_html_report.py) and by bench/html_render_time.py."""
import fcntl
import json
import os
import subprocess
import time

# Headless as any user (root in CI: --no-sandbox), without /dev/shm (a small one crashes the
# renderer otherwise), no GPU, no extensions.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions"]


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
            [binary, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
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
        reply = self.wait(lambda m, i=self.next_id: m.get("id") == i)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

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
                    raise RuntimeError("chromium closed the DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            m = json.loads(raw)
            if predicate(m):
                return m
            self.events.append(m)
        raise TimeoutError("no reply from chromium")

    def open(self, path, domains=("Page",)):
        """A new tab showing the file; returns (target id, session id) once it has loaded.
        `domains` are enabled before the navigation (Performance: its counters start then)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in {"Page", *domains}:
            self.send(domain + ".enable", session=session)
        self.send("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session=session)
        self.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
        return target, session

    def evaluate(self, session, expression):
        """The value of a JavaScript expression in the page (DevTools is not bound by the page's
        Content-Security-Policy; the page itself runs no script)."""
        r = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                      session=session)
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate: {r['exceptionDetails']}")
        return r["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
