// The workbench in a real browser: Debian's chromium, headless, driven by puppeteer-core (no
// browser is downloaded), opening the built page from file:// as a user would. Every request the
// page makes that is not file:// or data: is refused and fails the test: the agreement and the
// logs never leave the machine. Expected messages and numbers come from the native binary.
//
//   PACTUM=build/pactum WORKBENCH=build-wasm/workbench node --test web/test/browser.test.mjs
// CHROMIUM (default /usr/bin/chromium); SCREENSHOTS: a folder for the screenshots (default
// build-wasm/screenshots; `make workbench-screenshots` writes docs/workbench*.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const native = path.resolve(process.env.PACTUM ?? path.join(root, 'build/pactum'));
const workbench = path.resolve(process.env.WORKBENCH ?? path.join(root, 'build-wasm/workbench'));
const screenshots = path.resolve(process.env.SCREENSHOTS ?? path.join(root, 'build-wasm/screenshots'));
const pageUrl = pathToFileURL(path.join(workbench, 'index.html')).href;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pactum-workbench-'));

// `pactum ARGS` natively, in `cwd`.
function pactum(args, cwd = scratch) {
  const p = spawnSync(native, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: p.status, stdout: p.stdout, stderr: p.stderr };
}

// The first diagnostic `pactum lint` prints for `text`: {line, column, level, message, notes}.
function nativeLint(text) {
  fs.writeFileSync(path.join(scratch, 'acme.terms'), text);
  const r = pactum(['lint', 'acme.terms']);
  const out = r.stdout + r.stderr;
  const m = /^acme\.terms:(\d+):(\d+): (error|warning|note): (.*?)(?: \[[a-z-]+\])?$/m.exec(out);
  if (!m) return { out };
  const after = out.slice(m.index).split('\n').slice(1);
  const notes = [];
  for (const line of after.slice(2)) {
    if (!line.startsWith('   = ')) break;
    notes.push(line.slice(5));
  }
  return { line: Number(m[1]), column: Number(m[2]), level: m[3], message: m[4], notes, out };
}

const blocked = [];
const problems = [];
let browser;
let page;

async function openPage(url = pageUrl) {
  const p = await browser.newPage();
  await p.setViewport({ width: 1440, height: 900 });
  await p.setRequestInterception(true);
  p.on('request', (request) => {
    const u = request.url();
    if (u.startsWith('file://') || u.startsWith('data:')) return request.continue();
    blocked.push(u);
    return request.abort();
  });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await p.goto(url);
  await p.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await waitForAnalysis(p);
  return p;
}

// Waits until the linter has analysed the current text (the status reflects it).
async function waitForAnalysis(p, before = null) {
  await p.waitForFunction((n) => Number(document.body.dataset.analysed ?? 0) > (n ?? 0), { timeout: 20000 }, before);
}
const analysedCount = (p) => p.evaluate(() => Number(document.body.dataset.analysed ?? 0));
const editorText = (p) => p.evaluate(() => window.workbench.view.state.doc.toString());

async function problemItems(p) {
  return p.$$eval('#problems li', (items) => items.map((li) => ({
    line: Number(li.dataset.line), column: Number(li.dataset.column), severity: li.dataset.severity,
    text: li.querySelector('.message').textContent,
    notes: [...li.querySelectorAll('.note-line')].map((n) => n.textContent.replace(/^= /, '')),
    fixes: [...li.querySelectorAll('button.fix')].map((b) => b.textContent),
    code: li.querySelector('button.code')?.textContent ?? null,
  })));
}

async function clickFix(p, label) {
  const before = await analysedCount(p);
  const clicked = await p.$$eval('#problems button.fix', (buttons, wanted) => {
    const b = buttons.find((x) => x.textContent.startsWith(wanted));
    if (b) b.click();
    return Boolean(b);
  }, label);
  assert.ok(clicked, `no quick fix starting with "${label}"`);
  await waitForAnalysis(p, before);
}

async function shoot(p, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  await p.screenshot({ path: path.join(screenshots, name) });
}

test('the workbench in headless chromium', { timeout: 240000 }, async (t) => {
  assert.ok(fs.existsSync(path.join(workbench, 'index.html')), `${workbench}/index.html: run make workbench first`);
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    page = await openPage();

    await t.test('it opens with the bundled agreement, explained per party', async () => {
      assert.equal(await page.$eval('#status', (e) => e.textContent), 'No problems');
      const acme = fs.readFileSync(path.join(root, 'examples/acme.terms'), 'utf8');
      assert.equal(await editorText(page), acme);
      const cards = await page.$$eval('.party-card h3', (hs) => hs.map((x) => x.firstChild.textContent));
      assert.deepEqual(cards.slice(0, 2), ['What Acme must do', 'What Northwind must do']);
      // Every sentence of `pactum explain` is in some card.
      fs.writeFileSync(path.join(scratch, 'acme.terms'), acme);
      const sentences = [...pactum(['explain', 'acme.terms']).stdout.matchAll(/^  \d+\. (.*)$/gm)].map((m) => m[1]);
      const shown = await page.$$eval('.party-card li', (lis) => lis.map((li) => li.firstChild.textContent));
      for (const s of sentences) assert.ok(shown.includes(s), `the explanation lacks: ${s}`);
    });

    await t.test('a rule typed with a mistake is underlined with the message pactum lint gives', async () => {
      await page.click('.cm-content');
      await page.keyboard.down('Control');
      await page.keyboard.press('End');
      await page.keyboard.up('Control');
      const before = await analysedCount(page);
      await page.keyboard.press('Enter');
      await page.keyboard.type('term "Answers are quick"');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.type('  every question by Acme requires answer by Northwind withn 1 day after', { delay: 5 });
      await page.keyboard.press('Escape');
      await waitForAnalysis(page, before);
      await page.waitForSelector('.cm-lintRange-error');
      const want = nativeLint(await editorText(page));
      assert.equal(want.level, 'error', want.out);
      const underlined = await page.$$eval('.cm-lintRange-error', (spans) => spans.map((s) => s.textContent).join(''));
      assert.equal(underlined, 'withn');
      const [first] = await problemItems(page);
      assert.equal(first.line, want.line);
      assert.equal(first.column, want.column);
      assert.equal(first.severity, 'error');
      assert.equal(first.text, want.message);
      assert.deepEqual(first.notes, want.notes);
      assert.equal(await page.$eval('#status', (e) => e.textContent), '1 error');
    });

    await t.test('"did you mean" and the lint rewrite are one click each', async () => {
      await clickFix(page, 'Change to within');
      assert.match(await editorText(page), /Northwind within 1 day after\n?$/);
      await page.waitForSelector('.cm-lintRange-warning');
      const want = nativeLint(await editorText(page));
      assert.equal(want.level, 'warning', want.out);
      const items = await problemItems(page);
      const warning = items.find((i) => i.severity === 'warning');
      assert.ok(warning, JSON.stringify(items));
      assert.equal(warning.text, want.message);
      assert.equal(warning.code, '[deadline-outside-hours]');
      assert.equal(warning.line, want.line);
      assert.deepEqual(warning.notes, want.notes);
      await page.evaluate(() => {
        const v = window.workbench.view;
        v.dispatch({ effects: v.constructor.scrollIntoView(v.state.doc.length, { y: 'end' }) });
      });
      await page.mouse.move(0, 0);
      await new Promise((r) => setTimeout(r, 300));
      await shoot(page, 'workbench.png');
      // Its code, explained as `pactum explain CODE` explains it.
      await page.click('#problems button.code');
      await page.waitForSelector('#code-help:not([hidden]) pre');
      assert.equal(await page.$eval('#code-help pre', (e) => e.textContent), pactum(['explain', 'deadline-outside-hours']).stdout);
      await page.click('#code-help .close');
      await clickFix(page, 'Rewrite as `every question by Acme requires answer by Northwind within 1 business day after`');
      const text = await editorText(page);
      assert.match(text, /every question by Acme requires answer by Northwind within 1 business day after/);
      assert.deepEqual(await problemItems(page), []);
      fs.writeFileSync(path.join(scratch, 'acme.terms'), text);
      assert.match(pactum(['lint', 'acme.terms']).stdout, /0 lint errors, 0 warnings/);
      // The explanation follows: Northwind's card now has the new rule.
      const sentence = /^  1\. (Every question .*)$/m.exec(pactum(['explain', 'acme.terms']).stdout)[1];
      await page.waitForFunction((s) => [...document.querySelectorAll('.party-card[data-party="Northwind"] li')]
        .some((li) => li.firstChild.textContent === s), { timeout: 10000 }, sentence);
      // Hovering the rule shows the same sentence (the language server's hover).
      const where = () => {
        const v = window.workbench.view;
        return v.state.doc.toString().lastIndexOf('every question') + 2;
      };
      await page.evaluate((pos) => {
        const v = window.workbench.view;
        v.dispatch({ effects: v.constructor.scrollIntoView(pos, { y: 'center' }) });
      }, await page.evaluate(where));
      await new Promise((r) => setTimeout(r, 200));
      const coords = await page.evaluate((pos) => {
        const c = window.workbench.view.coordsAtPos(pos);
        return { x: c.left + 2, y: (c.top + c.bottom) / 2 };
      }, await page.evaluate(where));
      await page.mouse.move(coords.x, coords.y);
      await page.waitForSelector('.cm-tooltip-hover', { timeout: 10000 });
      const hover = await page.$eval('.cm-tooltip-hover', (e) => e.textContent);
      assert.ok(hover.includes(sentence), `the hover says: ${hover}`);
      await page.mouse.move(0, 0);
    });

    await t.test('Format gives pactum fmt\'s canonical layout', async () => {
      const messy = (await editorText(page)).replace('term "Answers are quick"', 'TERM   "Answers are quick"   # soon');
      await page.evaluate((text) => {
        const v = window.workbench.view;
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
      }, messy);
      await page.click('#format');
      fs.writeFileSync(path.join(scratch, 'acme.terms'), messy);
      assert.equal(await editorText(page), pactum(['fmt', 'acme.terms']).stdout);
    });

    await t.test('a template of pactum init starts a new agreement', async () => {
      const templates = await page.$$eval('#templates option', (o) => o.map((x) => x.value));
      const names = pactum(['init', '--list']).stdout.split('\n').filter(Boolean).map((l) => `template:${l.split(/\s+/)[0]}`);
      assert.deepEqual(templates, names);
      await page.select('#example', 'template:it-service-desk');
      assert.equal(await editorText(page), pactum(['init', '--template', 'it-service-desk']).stdout);
      assert.equal(await page.$eval('#file-name', (e) => e.value), 'it-service-desk.terms');
    });

    await t.test('the bundled example: the same findings as the native binary', async () => {
      await page.select('#example', 'acme');
      await page.click('.tabs button[data-tab="logs"]');
      const checked = await page.evaluate(() => Number(document.body.dataset.checked ?? 0));
      await page.click('#check');
      await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, {}, checked);
      const want = JSON.parse(pactum(['check', 'acme.terms', 'acme-2026.yaml', '--format', 'json'], path.join(root, 'examples')).stdout);
      const count = await page.$eval('#findings-count', (e) => e.textContent);
      assert.equal(count, `${want.summary.findings} findings`);
      assert.equal(await page.$eval('#pending-count', (e) => e.textContent), `${want.summary.pending} pending`);
      assert.equal(await page.$$eval('table.findings tbody tr', (r) => r.length), want.findings.length);
      assert.deepEqual(await page.$$eval('table.findings tbody tr', (r) => r.map((x) => x.dataset.id)),
                       want.findings.map((f) => f.id));
      // The JSON to download is the native report, byte for byte; so is the HTML report.
      const href = await page.$eval('#download-json', (a) => a.href);
      assert.equal(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, '')),
                   pactum(['check', 'acme.terms', 'acme-2026.yaml', '--format', 'json'], path.join(root, 'examples')).stdout);
      assert.equal(await page.$eval('#report', (f) => f.srcdoc),
                   pactum(['check', 'acme.terms', 'acme-2026.yaml', '--format', 'html'], path.join(root, 'examples')).stdout);
      await shoot(page, 'workbench-findings.png');
    });

    await t.test('service credits of the contact-center example', async () => {
      await page.select('#example', 'contact-center');
      await page.click('#check');
      await page.waitForSelector('#credits');
      const dir = path.join(root, 'examples/contact-center');
      const want = JSON.parse(pactum(['check', 'contact-center.terms', 'contact-center-2026.yaml', '--format', 'json'], dir).stdout);
      assert.equal(await page.$eval('#findings-count', (e) => e.textContent), `${want.summary.findings} findings`);
      const rows = await page.$$eval('#credits tbody tr', (r) => r.length);
      assert.equal(rows, want.credits.by_period.length + Object.keys(want.credits.by_party).length);
    });

    await t.test('logs: pasted and dropped files are checked', async () => {
      // An agreement dropped on the editor replaces the text (not inserted into it).
      const acme = fs.readFileSync(path.join(root, 'examples/acme.terms'), 'utf8');
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.terms'));
        document.querySelector('.cm-content').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, acme);
      await page.waitForFunction(() => document.getElementById('file-name').value === 'dropped.terms');
      assert.equal(await editorText(page), acme);
      await page.select('#example', 'acme');
      await page.evaluate(() => { for (const b of document.querySelectorAll('#log-list button')) b.click(); });
      const log = fs.readFileSync(path.join(root, 'examples/acme-2026.yaml'), 'utf8');
      const [head, tail] = [log.slice(0, log.indexOf('\n  - ', log.length / 2)), log.slice(log.indexOf('\n  - ', log.length / 2))];
      // The first half pasted, the second half dropped as its own file.
      await page.click('.logs-input details summary');
      await page.$eval('#paste', (e, text) => { e.value = text; }, head);
      await page.click('#paste-add');
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'second-half.yaml', { type: 'text/yaml' }));
        document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
      }, `events:${tail}`);
      await page.waitForFunction(() => document.querySelectorAll('#log-list li').length === 2);
      const checked = await page.evaluate(() => Number(document.body.dataset.checked ?? 0));
      await page.click('#check');
      await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, {}, checked);
      fs.writeFileSync(path.join(scratch, 'acme.terms'), fs.readFileSync(path.join(root, 'examples/acme.terms')));
      fs.writeFileSync(path.join(scratch, 'pasted.yaml'), head);
      fs.writeFileSync(path.join(scratch, 'second-half.yaml'), `events:${tail}`);
      const want = JSON.parse(pactum(['check', 'acme.terms', 'pasted.yaml', 'second-half.yaml', '--format', 'json']).stdout);
      assert.equal(await page.$eval('#findings-count', (e) => e.textContent), `${want.summary.findings} findings`);
      assert.equal(want.summary.events, 244);
    });

    await t.test('share: the agreement travels in the URL fragment, and opens from it', async () => {
      const text = `${await editorText(page)}\n# shared ✓\n`;
      await page.evaluate((value) => {
        const v = window.workbench.view;
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
      }, text);
      await page.click('#share');
      await page.waitForFunction(() => location.hash.startsWith('#share=1.'));
      const url = await page.$eval('#share-url', (e) => e.value);
      assert.ok(url.startsWith(`${pageUrl}#share=1.`), url);
      const second = await openPage(url);
      assert.equal(await editorText(second), text);
      await second.close();
    });

    await t.test('from a static web server, the page asks for its own files and nothing else', async () => {
      const served = [];
      const server = http.createServer((request, response) => {
        const name = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
        served.push(name);
        const file = path.join(workbench, path.basename(name));
        if (!fs.existsSync(file)) {
          response.writeHead(404).end();
          return;
        }
        const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)] ?? 'text/plain';
        response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(fs.readFileSync(file));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${server.address().port}`;
      const p = await browser.newPage();
      const other = [];
      await p.setRequestInterception(true);
      p.on('request', (request) => {
        const u = request.url();
        if (u.startsWith(`${origin}/`) || u.startsWith('data:')) return request.continue();
        other.push(u);
        return request.abort();
      });
      p.on('pageerror', (e) => problems.push(`page error (http): ${e.message}`));
      try {
        await p.goto(`${origin}/index.html`);
        await p.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
        await p.waitForFunction(() => document.getElementById('status').textContent === 'No problems', { timeout: 20000 });
        assert.deepEqual(other, []);
        assert.deepEqual(served.sort(), ['index.html', 'pactum.js', 'workbench.css', 'workbench.js']);
      } finally {
        await p.close();
        server.close();
      }
    });

    await t.test('no request left the machine, no error in the page', async () => {
      assert.deepEqual(blocked, [], `the page asked for: ${blocked.join(', ')}`);
      assert.deepEqual(problems, []);
    });
  } finally {
    await browser.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
