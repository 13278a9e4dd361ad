// The page's only stylesheet, inline. Colours carry meaning (kept green, broken red, pending
// amber, tolerated purple, not judged grey); every chart also says it in words (tooltips,
// captions) and the heat map in symbols, so a black-and-white print still reads. Printed (A4 or
// Letter), each main section starts a page, rows and figures are not split, table headers repeat,
// and wide tables wrap instead of being clipped.
#include "engine/report/html/page.h"

namespace pactum::report::html {

const char* style() {
  return R"(:root { --kept: #2da44e; --quiet: #b4e8c2; --broken: #cf222e; --pending: #d4a72c; --tolerated: #8250df;
        --none: #eaeef2; --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
       max-width: 74rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; overflow-wrap: anywhere; }
.meta, .note, .legend, figcaption .meta { color: var(--muted); }
.note, .legend { font-size: 13px; }
a { color: #0969da; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
       overflow-wrap: anywhere; }
.parties { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem .8rem; padding: 0; margin: .3rem 0; }
.parties li { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .6rem; overflow-wrap: anywhere; }
.role { background: #ddf4ff; border-radius: 4px; padding: 0 .35rem; font-size: 12px; }
.verdict { font-size: 1.1rem; padding: .7rem 1rem; border-left: 6px solid var(--line); background: #f6f8fa;
           overflow-wrap: anywhere; }
.verdict.kept { border-color: var(--kept); background: #dafbe1; }
.verdict.broken { border-color: var(--broken); background: #ffebe9; }
.figures { display: flex; flex-wrap: wrap; gap: .6rem; margin: .8rem 0; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: .45rem .8rem; min-width: 8.5rem; flex: 1 1 8.5rem; }
.figure .value { display: block; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.figure .label { display: block; color: var(--muted); font-size: 12px; }
.figure.bad .value { color: var(--broken); } .figure.good .value { color: #1a7f37; } .figure.warn .value { color: #9a6700; }
.toc ol { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; padding: 0; margin: .5rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
table.findings, table.due-soon, table.lint { table-layout: fixed; }
table.findings td, table.due-soon td, table.lint td { overflow-wrap: anywhere; }
table.due-soon th:nth-child(1) { width: 14%; } table.due-soon th:nth-child(2) { width: 10%; }
table.due-soon th:nth-child(3) { width: 18%; } table.due-soon th:nth-child(4) { width: 12%; }
table.lint th:nth-child(1) { width: 14%; } table.lint th:nth-child(2) { width: 8%; }
table.lint th:nth-child(3) { width: 16%; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.scorecard td:first-child { width: 22%; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 3.6em; } table.findings th:nth-child(2) { width: 12%; }
table.findings th:nth-child(3) { width: 4.4em; } table.findings th:nth-child(4) { width: 9%; }
table.findings th:nth-child(5) { width: 11%; } table.findings th:nth-child(7) { width: 23%; }
table.findings th:nth-child(8) { width: 11%; }
table.findings tr:target { outline: 3px solid #0969da; }
.sev { font-weight: 600; }
.critical, .error { color: #82071e; } .major { color: #bc4c00; } .minor, .warning { color: #7d6200; }
.left-out { font-style: italic; color: var(--muted); }
ul.rules { margin: .3rem 0; }
.scroll { overflow-x: auto; }
table.heatmap { table-layout: fixed; font-size: 12px; }
table.heatmap th { text-align: center; font-weight: 600; padding: .2rem .1rem; }
table.heatmap th.term { text-align: left; width: 26%; padding: .2rem .4rem; font-weight: 500; }
table.heatmap td.cell { text-align: center; padding: .25rem 0; font-weight: 650; }
td.st-broken, .swatch.st-broken { background: var(--broken); color: #fff; }
td.st-pending, .swatch.st-pending { background: var(--pending); color: var(--ink); }
td.st-tolerated, .swatch.st-tolerated { background: var(--tolerated); color: #fff; }
td.st-kept, .swatch.st-kept { background: var(--kept); color: #fff; }
td.st-kept.quiet, .swatch.st-kept.quiet { background: var(--quiet); color: #1a7f37; }
td.st-none, .swatch.st-none { background: repeating-linear-gradient(45deg, #f6f8fa 0 4px, var(--none) 4px 8px); }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em;
          margin: 0 .25em 0 .6em; border: 1px solid rgba(0, 0, 0, .15); }
.swatch.sev-critical { background: #82071e; } .swatch.sev-major { background: #cf222e; }
.swatch.sev-minor { background: #fb8f44; }
figure { margin: .8rem 0 1.2rem; }
figcaption { font-size: 13px; margin-bottom: .25rem; overflow-wrap: anywhere; }
svg { display: block; max-width: 100%; height: auto; overflow: visible; }
svg.timeline-chart, svg.service-level-chart, svg.trend-chart, svg.credits-chart { width: 100%; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: var(--muted); }
svg .value-label { fill: var(--ink); }
svg .target-label { fill: var(--broken); font-weight: 600; }
svg .grid { stroke: #eaeef2; stroke-width: 1; } svg .axis { stroke: #8c959f; } svg .lane { stroke: #f0f2f4; }
svg .track { fill: #f6f8fa; }
svg .sev-critical { fill: #82071e; } svg .sev-major { fill: #cf222e; } svg .sev-minor { fill: #fb8f44; }
svg .st-kept { fill: var(--kept); } svg .st-broken { fill: var(--broken); } svg .st-pending { fill: var(--pending); }
svg .st-tolerated { fill: var(--tolerated); } svg .st-rules { fill: #0969da; } svg .st-credit { fill: #bf3989; }
svg .st-capped { fill: #f5c2dc; }
svg circle { stroke: #fff; stroke-width: 1; }
svg .activity { fill: #8c959f; }
svg .finding { fill: var(--broken); stroke: #fff; stroke-width: 1; }
svg .finding-window { fill: rgba(207, 34, 46, .28); stroke: var(--broken); stroke-width: 1; }
svg .pending { fill: var(--pending); }
svg .pending-window { fill: rgba(212, 167, 44, .3); stroke: var(--pending); stroke-width: 1; }
svg .not-judged { fill: rgba(140, 149, 159, .13); }
svg .sl-line { fill: none; stroke: #0969da; stroke-width: 2; }
svg .target { stroke: var(--broken); stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .fail-zone { fill: rgba(207, 34, 46, .06); }
svg a:hover > rect, svg a:hover > circle, svg a:hover > path { stroke: var(--ink); stroke-width: 2; }
footer { margin-top: 2rem; font-size: 12px; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page-start { break-before: page; }
  h2, h3, figcaption { break-after: avoid; }
  figure, tr, .figure, .parties li, .verdict { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  table { table-layout: fixed; }
  td, th { overflow-wrap: anywhere; }
  table.heatmap { font-size: 7pt; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  code { font-size: 7.5pt; }
}
@page { margin: 1.2cm; })";
}

}  // namespace pactum::report::html
