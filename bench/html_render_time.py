#!/usr/bin/env python3
"""How long headless Chromium takes to open an html report: load, style, layout and paint.

    bench/html_render_time.py REPORT.html [REPORT.html ...]

Drives Chromium over the DevTools protocol on a pipe (tests/report/cdp.py: no port, no network,
standard library only): opens a blank tab, navigates to the file, waits for the load
event and the next frame, and reads the page's own clock (performance.now() at that frame, from
the start of the navigation) and Chromium's counters (Performance.getMetrics: time spent in
style recalculation, layout and scripts, which is 0: the report runs none). Each file is opened
REPEAT times (default 3); the best run is printed. PACTUM_CHROMIUM names another browser.
"""
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "report"))
from cdp import Browser  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "3"))


def measure(browser, path):
    start = time.perf_counter()
    target, session = browser.open(path, domains=("Page", "Performance"))
    # One frame after the load event: the page has been styled, laid out and painted.
    page = json.loads(browser.evaluate(session, (
        "new Promise(r => requestAnimationFrame(() => setTimeout(() => r(JSON.stringify({"
        "frame: performance.now(), load: performance.getEntriesByType('navigation')[0].loadEventEnd,"
        "nodes: document.getElementsByTagName('*').length})))))")))
    wall = time.perf_counter() - start
    metrics = {m["name"]: m["value"] for m in browser.send("Performance.getMetrics", session=session)["metrics"]}
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
