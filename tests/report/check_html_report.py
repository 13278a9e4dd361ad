#!/usr/bin/env python3
"""The html report (`--format html`) in a real browser: headless Chromium (Debian's `chromium`).

    check_html_report.py PACTUM SOURCE_DIR

1. The contact-center example's report, as Chromium builds its DOM (`--dump-dom`): the verdict,
   a scorecard row (with its chart) per party, one compliance row per term with one cell per
   month, one timeline per term, the service level charts with their target lines, one findings
   row per finding of the JSON report and one due-soon row per pending item; every link is a
   fragment of the page that exists, and every finding row is linked from its term's timeline.
2. The same report printed (`--print-to-pdf`) on Letter and on A4: a sane page count; laid out
   for print on either paper's width (DevTools protocol, tests/report/cdp.py), nothing sticks out
   of the page and no table cell clips its content (also for the hostile report's long values).
3. A report built from a hostile agreement and log (markup, event handlers, URLs in every name,
   id and value): nothing was injected, i.e. no script, no element beyond the report's own, no
   event handler attribute, no external URL, no style attribute, and no Content-Security-Policy
   violation logged; the hostile strings are on the page as text.

Chromium runs headless as any user (root in CI: --no-sandbox), with a temporary profile and
without /dev/shm (--disable-dev-shm-usage), so a small /dev/shm does not crash it. PACTUM_CHROMIUM
names another binary. Standard library only (tests/report/cdp.py drives Chromium over a pipe).
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import FLAGS, Browser  # noqa: E402

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], ""

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def find(self, tag=None, cls=None, **attrs):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def all_text(self):
        return self.text + "".join(c.all_text() for c in self.children)


class DomBuilder(html.parser.HTMLParser):
    """A DOM good enough for Chromium's own serialization (--dump-dom is well formed)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.current = self.root
        self.raw_attribute_names = []

    def handle_starttag(self, tag, attrs):
        self.raw_attribute_names += [name for name, _ in attrs]
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.raw_attribute_names += [name for name, _ in attrs]
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        n = self.current
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.current = n.parent

    def handle_data(self, data):
        # Text is kept in order as a child text node, so all_text() reads like the page.
        t = Node("#text", [], self.current)
        t.text = data
        self.current.children.append(t)


def parse(markup):
    b = DomBuilder()
    b.feed(markup)
    b.close()
    return b.root


def find_browser():
    for name in [os.environ.get("PACTUM_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(browser, profile, *args, timeout=180):
    cmd = [browser, *FLAGS, "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}", *args]
    r = subprocess.run(cmd, capture_output=True, timeout=timeout)
    if r.returncode != 0:
        fail(f"chromium exited {r.returncode}: {' '.join(cmd)}\n{r.stderr.decode(errors='replace')[-2000:]}")
    return r


def dump_dom(browser, profile, path):
    r = chromium(browser, profile, "--dump-dom", "file://" + os.path.abspath(path))
    stderr = r.stderr.decode(errors="replace")
    csp = [line for line in stderr.splitlines() if "Content Security Policy" in line or "Refused to" in line]
    check(not csp, f"{path}: Content-Security-Policy violations: {[line[-300:] for line in csp[:3]]}")
    return r.stdout.decode()


def pdf_pages(data):
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    if pages == 0:  # object streams: the page tree's root holds the largest /Count
        counts = [int(c) for c in re.findall(rb"/Count\s+(\d+)", data)]
        pages = max(counts) if counts else 0
    return pages


def print_pages(browser, profile, html_path, paper, work):
    """Prints `html_path` on `paper` ("A4" or "Letter") and returns the page count."""
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    variant = os.path.join(work, f"print-{paper}.html")
    with open(variant, "w", encoding="utf-8") as f:
        f.write(page.replace("</style>", f"@page {{ size: {paper}; }}\n</style>", 1))
    pdf = os.path.join(work, f"report-{paper}.pdf")
    chromium(browser, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + variant)
    if not check(os.path.exists(pdf), f"no PDF printed on {paper}"):
        return 0
    with open(pdf, "rb") as f:
        data = f.read()
    check(data.startswith(b"%PDF-"), f"the {paper} print is not a PDF")
    return pdf_pages(data)


# The printable width of A4 and Letter with the report's 1.2 cm margins, in CSS pixels (96 per inch).
PRINT_WIDTHS = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((215.9 - 24) / 25.4 * 96)}

OVERFLOW = """(() => {
  const width = document.documentElement.clientWidth, out = [];
  const name = el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined && el.className
                     ? '.' + el.className.split(' ')[0] : '');
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > width + 1 || r.left < -1)) out.push(name(el) + ' reaches x=' + Math.round(r.right));
    if ((el.tagName === 'TD' || el.tagName === 'TH') && el.scrollWidth > el.clientWidth + 1)
      out.push(name(el) + ' overflows its cell by ' + (el.scrollWidth - el.clientWidth) + 'px');
    if (out.length >= 5) break;
  }
  return JSON.stringify({page: document.documentElement.scrollWidth, width, out});
})()"""


def check_print_layout(browser, profile, html_path, label):
    """Laid out for print on each paper's printable width, nothing sticks out of the page and no
    table cell clips its content."""
    b = Browser(browser, profile + "-cdp")
    try:
        target, session = b.open(html_path)
        b.send("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
        for paper, width in PRINT_WIDTHS.items():
            b.send("Emulation.setDeviceMetricsOverride",
                   {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=session)
            r = json.loads(b.evaluate(session, OVERFLOW))
            check(r["page"] <= r["width"] and not r["out"],
                  f"{label}: printed on {paper} ({width}px wide) the page is {r['page']}px wide: {r['out']}")
        b.send("Target.closeTarget", {"targetId": target})
    finally:
        b.close()


def run_pactum(pactum, cwd, args, out):
    r = subprocess.run([pactum, "check", *args, "-o", out], cwd=cwd, capture_output=True)
    check(r.returncode in (0, 1), f"pactum check {' '.join(args)} exited {r.returncode}: {r.stderr.decode()[-800:]}")


def block_count(terms_path):
    with open(terms_path, encoding="utf-8") as f:
        return sum(1 for line in f if re.match(r'(term|expectation)\s+"', line))


def check_safe(dom, label):
    """Nothing beyond the report's own markup: no active or loading element, no handler, no URL."""
    banned = {"script", "iframe", "object", "embed", "img", "link", "base", "form", "input", "button", "video",
              "audio", "source", "foreignobject", "image", "use", "animate", "set", "frame", "frameset", "portal"}
    for n in dom.walk():
        if n.tag in banned:
            fail(f"{label}: a <{n.tag}> element is on the page")
        for name, value in n.attrs.items():
            value = value or ""
            if name.startswith("on"):
                fail(f"{label}: event handler attribute {name}=\"{value}\" on <{n.tag}>")
            if name in ("src", "srcset", "xlink:href", "action", "formaction", "style", "background", "poster"):
                fail(f"{label}: attribute {name}=\"{value}\" on <{n.tag}>")
            if name == "href" and not value.startswith("#"):
                fail(f"{label}: a link leaves the page: href=\"{value}\"")
            if re.search(r"javascript:|https?://|url\(", value, re.I) and n.tag != "title" and name not in (
                    "title", "aria-label", "content"):
                fail(f"{label}: a URL in {name}=\"{value}\" on <{n.tag}>")
        if n.tag == "meta" and (n.attrs.get("http-equiv") or "").lower() == "refresh":
            fail(f"{label}: <meta http-equiv=refresh>")
    metas = [m for m in dom.find("meta") if (m.attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    check(len(metas) == 1 and "default-src 'none'" in metas[0].attrs.get("content", ""),
          f"{label}: the Content-Security-Policy meta element is missing")
    styles = dom.find("style")
    check(len(styles) == 1, f"{label}: {len(styles)} <style> elements (the report has one)")
    check(all("url(" not in s.all_text() and "@import" not in s.all_text() for s in styles),
          f"{label}: the stylesheet loads something")


def check_example(pactum, root, browser, profile, work):
    example = os.path.join(root, "examples", "contact-center")
    args = ["contact-center.terms", "contact-center-2026.yaml"]
    html_path = os.path.join(work, "example.html")
    json_path = os.path.join(work, "example.json")
    run_pactum(pactum, example, args + ["--format", "html"], html_path)
    run_pactum(pactum, example, args + ["--format", "json"], json_path)
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    blocks = block_count(os.path.join(example, "contact-center.terms"))
    dom = parse(dump_dom(browser, profile, html_path))
    check_safe(dom, "example")
    n_findings, n_pending = len(report["findings"]), len(report["pending"])

    verdict = dom.find("p", "verdict")
    if check(len(verdict) == 1, "example: no verdict sentence"):
        check(verdict[0].attrs.get("data-findings") == str(n_findings), "example: the verdict's findings count")
        check(verdict[0].all_text().startswith("Not kept:"), f"example: verdict {verdict[0].all_text()!r}")

    scorecard = dom.find("section", id="scorecard")
    if check(len(scorecard) == 1, "example: no scorecard section"):
        rows = scorecard[0].find("tr", "score-row")
        parties = report["summary"]["by_party"]
        check(len(rows) == len(parties), f"example: {len(rows)} scorecard rows for {len(parties)} parties")
        check(all(r.find("svg", "scorecard-chart") for r in rows), "example: a scorecard row without its chart")
        check(scorecard[0].find("svg", "trend-chart"), "example: no findings trend chart")

    rows = dom.find("tr", "compliance-row")
    check(len(rows) == blocks, f"example: {len(rows)} compliance rows for {blocks} terms")
    months = [th for th in dom.find("table", "heatmap")[0].find("th") if "term" not in th.classes()] if dom.find(
        "table", "heatmap") else []
    check(len(months) == 7, f"example: {len(months)} heat map columns (January to July 2026 expected)")
    check(all(len(r.find("td", "cell")) == len(months) for r in rows), "example: a compliance row with missing cells")
    broken = sum(1 for r in rows for c in r.find("td", "cell") if "st-broken" in c.classes())
    check(broken > 0, "example: no broken cell in the heat map")
    check(all(c.attrs.get("title") for r in rows for c in r.find("td", "cell")), "example: a heat map cell without a title")

    timelines = dom.find("figure", "timeline")
    check(len(timelines) == blocks, f"example: {len(timelines)} timelines for {blocks} terms")
    check(all(len(t.find("svg", "timeline-chart")) == 1 for t in timelines), "example: a timeline without its chart")
    linked = set()
    for t in timelines:
        for a in t.find("a"):
            href = a.attrs.get("href", "")
            if href.startswith("#finding-"):
                linked.add(href[1:])
                titles = [c for c in a.children if c.tag == "title"]
                check(titles and titles[0].all_text().strip(), f"example: timeline mark {href} has no tooltip")

    charts = dom.find("figure", "service-level")
    expected_charts = {("1", "1"), ("5", "1"), ("5", "2"), ("5", "3"), ("6", "1"), ("7", "1"), ("7", "2")}
    got = {(c.attrs.get("data-block"), c.attrs.get("data-rule")) for c in charts}
    check(got == expected_charts, f"example: service level charts for (block, rule) {sorted(got)}, expected "
                                  f"{sorted(expected_charts)}")
    for c in charts:
        svg = c.find("svg", "service-level-chart")
        check(svg and svg[0].find("line", "target") and svg[0].find("circle"),
              f"example: service level chart {c.attrs.get('data-block')}/{c.attrs.get('data-rule')} lacks its "
              "target line or its values")

    finding_rows = dom.find("tr", "finding")
    check(len(finding_rows) == n_findings, f"example: {len(finding_rows)} findings rows, the JSON has {n_findings}")
    ids = [r.attrs.get("id") for r in finding_rows]
    check(sorted(ids, key=str) == sorted((f"finding-{i}" for i in range(1, n_findings + 1)), key=str),
          f"example: findings row ids {ids}, expected finding-1 to finding-{n_findings}")
    section = dom.find("section", id="findings")
    check(section and section[0].attrs.get("data-total") == str(n_findings), "example: the findings section's total")
    check(linked == set(ids), f"example: findings rows not linked from a timeline: {sorted(set(ids) - linked)}")
    due = dom.find("tr", "due-row")
    check(len(due) == n_pending, f"example: {len(due)} due-soon rows, the JSON has {n_pending} pending items")

    all_ids = {n.attrs["id"] for n in dom.walk() if n.attrs.get("id")}
    for a in dom.find("a"):
        href = a.attrs.get("href", "")
        check(href.startswith("#") and href[1:] in all_ids, f"example: link {href!r} has no target on the page")

    check_print_layout(browser, profile, html_path, "example")
    pages = {paper: print_pages(browser, profile, html_path, paper, work) for paper in ("Letter", "A4")}
    for paper, n in pages.items():
        check(5 <= n <= 40, f"example: printed on {paper} it has {n} pages (5 to 40 expected)")
    print(f"example: {n_findings} findings, {n_pending} pending, {blocks} terms; printed {pages['Letter']} pages "
          f"(Letter), {pages['A4']} pages (A4)")


HOSTILE_TERMS = r'''agreement "<script>alert(1)</script> \" onmouseover=\"alert(2)"
  effective 2026-01-01 to 2026-06-30
  timezone "UTC"
  currency "USD"
  fee monthly 1000

party `<img src=x onerror=alert(3)>`
  name "</svg><script>alert(4)</script>"
  role `javascript:alert(5)`

party Vendor
  name "<a href=\"https://evil.example/\">click</a>"

term "<iframe src=\"https://evil.example/\"></iframe>"
  clause "<style>body{background:url(https://evil.example/x.png)}</style>"
  responsible Vendor
  credit 10% of monthly
  every ticket requires reply by Vendor with same ticket within 2 days after

expectation "'><svg onload=alert(6)>"
  clause "YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY"
  responsible Vendor
  at least 90% of call where topic = "<script>alert(10)</script>" have answered = true every month
  average wait_s of call at most 30 every month
'''

HOSTILE_LOG = r'''events:
  - {at: 2026-01-05T10:00:00Z, type: ticket, ticket: "\"><script>alert(7)</script>", id: "<img src=x onerror=alert(8)>", by: "<img src=x onerror=alert(3)>"}
  - {at: 2026-01-20T10:00:00Z, type: reply, ticket: "\"><script>alert(7)</script>", by: Vendor}
  - {at: 2026-02-05T10:00:00Z, type: call, topic: "<script>alert(10)</script>", answered: false, wait_s: 90, id: "javascript:alert(11)"}
  - {at: 2026-03-05T10:00:00Z, type: call, topic: "<script>alert(10)</script>", answered: true, wait_s: 10, id: "</title><script>alert(12)</script>"}
  - {at: 2026-06-28T10:00:00Z, type: ticket, ticket: "T2 <b onmouseover=alert(13)>", id: "T2 <style>*{background:url(https://evil.example/)}</style>", by: Vendor}
  - {at: 2026-06-29T10:00:00Z, type: ticket, ticket: LONG, id: "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", by: Vendor}
'''


def check_hostile(pactum, browser, profile, work):
    folder = os.path.join(work, "hostile")
    os.makedirs(folder)
    with open(os.path.join(folder, "hostile.terms"), "w", encoding="utf-8") as f:
        f.write(HOSTILE_TERMS)
    with open(os.path.join(folder, "hostile.yaml"), "w", encoding="utf-8") as f:
        f.write(HOSTILE_LOG)
    html_path = os.path.join(folder, "hostile.html")
    run_pactum(pactum, folder, ["hostile.terms", "hostile.yaml", "--format", "html"], html_path)
    dom = parse(dump_dom(browser, profile, html_path))
    check_safe(dom, "hostile")
    # The report's own structure, no more: two terms, so two timelines and two compliance rows.
    check(len(dom.find("figure", "timeline")) == 2, "hostile: the timelines are not the report's two")
    check(len(dom.find("tr", "compliance-row")) == 2, "hostile: the compliance rows are not the report's two")
    own_svgs = len(dom.find("svg"))
    expected_svgs = sum(len(dom.find(cls=c)) for c in ("scorecard-chart", "trend-chart", "timeline-chart",
                                                        "service-level-chart", "credits-chart"))
    check(own_svgs == expected_svgs, f"hostile: {own_svgs} <svg> elements, the report wrote {expected_svgs}")
    # The hostile strings are text on the page.
    h1 = dom.find("h1")
    check(h1 and h1[0].all_text() == '<script>alert(1)</script> " onmouseover="alert(2)',
          f"hostile: the agreement name reads {h1[0].all_text() if h1 else None!r}")
    text = dom.all_text()
    for s in ["<iframe src=\"https://evil.example/\"></iframe>", "'><svg onload=alert(6)>", "</svg><script>alert(4)</script>",
              "<img src=x onerror=alert(8)>", "javascript:alert(5)"]:
        check(s in text, f"hostile: {s!r} is not shown as text")
    check_print_layout(browser, profile, html_path, "hostile")
    print(f"hostile: nothing injected ({own_svgs} charts, all the report's own); long values wrap when printed")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    pactum, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    browser = find_browser()
    if not browser:
        print("FAIL no Chromium: install Debian's `chromium` (scripts/setup.sh does) or set PACTUM_CHROMIUM")
        return 1
    with tempfile.TemporaryDirectory(prefix="pactum-html-") as work:
        profile = os.path.join(work, "profile")
        check_example(pactum, root, browser, profile, work)
        check_hostile(pactum, browser, profile, work)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("PASS html report in Chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main())
