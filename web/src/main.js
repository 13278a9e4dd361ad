// The workbench page: the agreement in an editor (diagnostics and quick fixes from pactum's
// language server, as the editor integrations get them), the plain-English explanation per party
// beside it, and the logs checked against it, all by pactum compiled to WebAssembly in this page.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
         hoverTooltip } from '@codemirror/view';
import { EditorState, Compartment } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { indentUnit } from '@codemirror/language';

import { Engine } from './engine.js';
import { termsLanguage } from './terms-language.js';
import { parseExplanation, rulesByParty } from './explain.js';
import { renderResults } from './report.js';
import { encodeShare, decodeShare, MAX_SHARED_LOG_BYTES } from './share.js';
import { h, markdown } from './dom.js';
import acmeTerms from '../../examples/acme.terms';
import acmeLog from '../../examples/acme-2026.yaml';
import contactTerms from '../../examples/contact-center/contact-center.terms';
import contactLog from '../../examples/contact-center/contact-center-2026.yaml';

const EXAMPLES = {
  acme: { name: 'acme.terms', text: acmeTerms, logs: [{ name: 'acme-2026.yaml', text: acmeLog }] },
  'contact-center': { name: 'contact-center.terms', text: contactTerms,
                      logs: [{ name: 'contact-center-2026.yaml', text: contactLog }] },
};
const $ = (id) => document.getElementById(id);
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

let engine = null;
let view = null;
let logs = [];              // [{name, text}]
let example = 'acme';       // whose log "use the example's log" adds
let analysed = { text: null, errors: true };
let explainedText = null;
let checkedOnce = false;
let checkTimer = null;
let lastCheckMs = 0;        // a check that took long is not repeated on every edit

// --- the agreement's file name (what messages and reports call it) --------------------------
function fileName() {
  const name = $('file-name').value.trim();
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(name) ? name : 'agreement.terms';
}

// --- positions: LSP (line, UTF-16 character) <-> CodeMirror offsets ------------------------
function offsetOf(doc, position) {
  const line = doc.line(Math.min(Math.max(position.line + 1, 1), doc.lines));
  return Math.min(line.from + position.character, line.to);
}
function positionOf(doc, offset) {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: offset - line.from };
}

// --- diagnostics and quick fixes: one language-server session per analysis -----------------
function analyse(editor) {
  if (!engine) return [];
  const doc = editor.state.doc;
  const text = doc.toString();
  const whole = { start: { line: 0, character: 0 }, end: positionOf(doc, doc.length) };
  const { diagnostics, results } = engine.lsp(text, [
    { method: 'textDocument/codeAction', params: { range: whole, context: { diagnostics: [] } } },
  ]);
  const actions = results[0] ?? [];
  const out = diagnostics.map((d) => {
    const from = offsetOf(doc, d.range.start);
    const to = Math.max(from, offsetOf(doc, d.range.end));
    const key = JSON.stringify([d.range, d.message]);
    const fixes = actions.filter((a) => (a.diagnostics ?? []).some((x) => JSON.stringify([x.range, x.message]) === key));
    return {
      from, to,
      severity: SEVERITY[d.severity] ?? 'error',
      source: d.code ? `pactum ${d.code}` : 'pactum',
      message: d.message,
      lsp: d,
      actions: fixes.map((a) => ({ name: a.title, apply: (v) => applyEdit(v, text, a) })),
    };
  });
  const errors = out.filter((d) => d.severity === 'error').length;
  analysed = { text, errors: errors > 0 };
  renderProblems(out);
  const count = (level, word) => {
    const n = out.filter((d) => d.severity === level).length;
    return n ? `${n} ${word}${n === 1 ? '' : 's'}` : null;
  };
  const parts = [count('error', 'error'), count('warning', 'warning'), count('info', 'note'), count('hint', 'hint')].filter(Boolean);
  setStatus(parts.length ? parts.join(', ') : 'No problems', errors > 0);
  if (!errors) explain(text);
  else markExplanationStale();
  if (checkedOnce && !errors && logs.length && lastCheckMs < 1500) scheduleCheck();
  document.body.dataset.analysed = String(Number(document.body.dataset.analysed ?? 0) + 1);
  return out;
}

// A code action's edit, if the text is still the one it was computed for.
function applyEdit(editor, text, action) {
  if (editor.state.doc.toString() !== text) return;
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  editor.dispatch({
    changes: edits.map((e) => ({ from: offsetOf(editor.state.doc, e.range.start), to: offsetOf(editor.state.doc, e.range.end),
                                 insert: e.newText })),
    userEvent: 'input.fix',
  });
  editor.focus();
}

function renderProblems(diagnostics) {
  $('problem-count').textContent = diagnostics.length ? `(${diagnostics.length})` : '';
  $('problems').replaceChildren(...diagnostics.map((d) => {
    const at = positionOf(view.state.doc, d.from);
    const [first, ...notes] = d.message.split('\n');
    return h('li', { class: 'problem', 'data-severity': d.severity, 'data-line': at.line + 1, 'data-column': at.character + 1 },
      h('span', { class: 'where', title: 'Show in the editor',
                  onclick: () => select(d.from, d.to) }, `${at.line + 1}:${at.character + 1}`),
      h('span', { class: `sev-${d.severity}` }, d.severity === 'info' ? 'note' : d.severity), ': ',
      h('span', { class: 'message' }, first),
      d.lsp.code ? [' ', h('button', { class: 'link code', title: `What ${d.lsp.code} means (pactum explain ${d.lsp.code})`,
                                       onclick: () => explainCode(d.lsp.code) }, `[${d.lsp.code}]`)] : null,
      notes.map((n) => h('div', { class: 'message note-line' }, `= ${n}`)),
      d.actions.map((a) => h('div', {}, h('button', { class: 'fix', onclick: () => a.apply(view) }, a.name))));
  }));
}

function select(from, to) {
  view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  view.focus();
}

function jumpTo(location) {
  if (!location?.line) return;
  const line = view.state.doc.line(Math.min(location.line, view.state.doc.lines));
  const from = Math.min(line.from + (location.column ?? 1) - 1, line.to);
  select(from, line.to);
}

function setStatus(text, bad = false) {
  $('status').textContent = text;
  $('status').classList.toggle('bad', bad);
}

// --- hover and completion from the language server ------------------------------------------
const hover = hoverTooltip((editor, pos) => {
  if (!engine) return null;
  const { results } = engine.lsp(editor.state.doc.toString(), [
    { method: 'textDocument/hover', params: { position: positionOf(editor.state.doc, pos) } },
  ]);
  const value = results[0]?.contents?.value ?? results[0]?.contents;
  if (!value || typeof value !== 'string') return null;
  return {
    pos,
    create: () => ({ dom: h('div', { class: 'hover' }, markdown(value)) }),
  };
});

const KIND = { 14: 'keyword', 6: 'variable', 7: 'class', 10: 'property', 12: 'constant', 21: 'constant', 15: 'text' };
function complete(context) {
  const word = context.matchBefore(/[A-Za-z0-9_`]*/);
  if (!engine || (!context.explicit && (!word || word.from === word.to))) return null;
  const logFiles = Object.fromEntries(logs.map((l) => [l.name, l.text]));
  const { results } = engine.lsp(context.state.doc.toString(), [
    { method: 'textDocument/completion', params: { position: positionOf(context.state.doc, context.pos) } },
  ], logFiles);
  const items = Array.isArray(results[0]) ? results[0] : results[0]?.items ?? [];
  if (!items.length) return null;
  return {
    from: word ? word.from : context.pos,
    options: items.map((i) => ({
      label: i.label, detail: i.detail, type: KIND[i.kind] ?? 'text',
      info: typeof i.documentation === 'string' ? i.documentation : i.documentation?.value,
      apply: i.textEdit?.newText ?? i.insertText ?? i.label,
    })),
    validFor: /^[A-Za-z0-9_`]*$/,
  };
}

// --- the explanation, per party --------------------------------------------------------------
function explain(text) {
  if (text === explainedText) return;
  const name = fileName();
  const r = engine.run(['explain', name], { [name]: text });
  if (r.status !== 0) {
    markExplanationStale(r.stderr);
    return;
  }
  explainedText = text;
  $('explain-note').hidden = true;
  renderExplanation(parseExplanation(r.stdout), r.stdout);
}

function markExplanationStale(message) {
  const note = $('explain-note');
  note.hidden = false;
  note.textContent = explainedText === null
    ? (message || 'The agreement has errors: fix them (see Problems) to see what it means.')
    : 'The agreement has errors: this is the explanation of the last version without errors.';
}

function renderExplanation(x, raw) {
  const cards = rulesByParty(x).map((group) => {
    const party = group.party;
    return h('section', { class: 'party-card', 'data-party': party?.id ?? '' },
      h('h3', {}, group.title, party ? h('div', { class: 'who' }, party.line) : null),
      group.rules.length
        ? h('ol', {}, group.rules.map(({ block, rule }) => h('li', {},
            rule.sentence,
            h('div', { class: 'term' }, `${block.kind} “${block.name}”`, block.clause ? `, clause ${block.clause}` : '',
              `, rule ${rule.number}`, severity(block.severity),
              rule.parties.length > 1 ? ` — shared with ${rule.parties.filter((p) => p !== party?.id).join(', ')}` : ''))))
        : h('p', { class: 'none' }, 'No rule binds this party.'));
  });
  $('explanation').replaceChildren(
    h('div', { class: 'explain-head' }, h('h2', {}, x.title || '(unnamed agreement)'), x.header.map((l) => h('p', {}, l)),
      x.other.map((o) => h('p', {}, `${o.heading}: ${o.lines.join('; ')}`)), x.balance ? h('p', {}, x.balance) : null),
    ...cards,
    h('details', {}, h('summary', {}, 'Term by term (pactum explain)'), h('pre', { class: 'plain' }, raw)));
}
const severity = (s) => h('span', { class: `sev sev-${s}` }, s);

// `pactum explain CODE`: what a lint or error code means, above the explanation.
function explainCode(code) {
  const r = engine.run(['explain', code]);
  showTab('explain');
  $('code-help').hidden = false;
  $('code-help').replaceChildren(
    h('button', { class: 'close', title: 'Close', onclick: () => { $('code-help').hidden = true; } }, '×'),
    h('pre', { class: 'plain' }, r.status === 0 ? r.stdout : r.stderr));
  $('tab-explain').scrollTop = 0;
}

// --- logs --------------------------------------------------------------------------------------
function addLog(name, text) {
  name = name.replace(/[^A-Za-z0-9._-]/g, '_') || 'log.yaml';
  if (!/\.(ya?ml)$/i.test(name)) name += '.yaml';
  logs = logs.filter((l) => l.name !== name).concat([{ name, text }]);
  renderLogs();
}

function renderLogs() {
  $('log-list').replaceChildren(...logs.map((l) => h('li', {},
    h('span', {}, l.name), h('span', { class: 'status' }, `${(l.text.length / 1024).toFixed(1)} KB`),
    h('button', { title: 'Remove this log', onclick: () => { logs = logs.filter((x) => x !== l); renderLogs(); } }, 'remove'))));
}

function check() {
  if (!engine) return;
  showTab('logs');
  const name = fileName();
  const files = { [name]: view.state.doc.toString() };
  for (const l of logs) files[l.name] = l.text;
  if (!logs.length) {
    $('results').replaceChildren(h('p', { class: 'note' }, 'Add an event log first: drop a file, paste one, or use the example’s log.'));
    return;
  }
  const args = ['check', name, ...logs.map((l) => l.name)];
  const asOf = $('as-of').value.trim();
  if (asOf) args.push('--as-of', asOf);
  checkedOnce = true;
  const started = performance.now();
  // One evaluation, two reports: JSON on standard output, the html report into a file.
  const htmlFile = 'pactum-workbench-report.html';
  const json = engine.run([...args, '--format', 'json', '-o', `html=${htmlFile}`], files);
  const html = json.status < 2 ? engine.readFile(htmlFile) : null;
  if (engine.broken) restart();
  if (json.status >= 2) {
    $('results').replaceChildren(h('pre', { class: 'error', id: 'check-error' }, json.stderr || `pactum exited with status ${json.status}`));
    $('download-json').hidden = true;
    $('report').hidden = true;
    $('report-note').hidden = false;
    return;
  }
  lastCheckMs = performance.now() - started;
  const report = JSON.parse(json.stdout);
  renderResults($('results'), report, jumpTo);
  if (json.stderr.trim()) $('results').prepend(h('pre', { class: 'note' }, json.stderr.trim()));
  const download = $('download-json');
  // A data: address up to 1 MB; beyond, a blob: (an address of this page's own memory).
  if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
  download.href = json.stdout.length < 1e6 ? `data:application/json;charset=utf-8,${encodeURIComponent(json.stdout)}`
                                           : URL.createObjectURL(new Blob([json.stdout], { type: 'application/json' }));
  download.hidden = false;
  if (html !== null) {
    $('report').srcdoc = html;
    $('report').hidden = false;
    $('report-note').hidden = true;
  }
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

// After an abort (out of memory) the module cannot run again: load a fresh one.
async function restart() {
  engine = null;
  setStatus('pactum stopped (out of memory?) and is restarting…', true);
  engine = await Engine.load(window.createPactum);
  window.workbench.engine = engine;
  setStatus('pactum restarted');
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 400);
}

// --- tabs, examples, format, share ----------------------------------------------------------
function showTab(name) {
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== `tab-${name}`;
}

function setAgreement(name, text) {
  $('file-name').value = name;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
  explainedText = null;
}

function loadExample(key) {
  if (key.startsWith('template:')) {  // `pactum init --template NAME`
    const name = key.slice('template:'.length);
    const r = engine.run(['init', '--template', name]);
    if (r.status === 0) {
      setAgreement(`${name}.terms`, r.stdout);
      logs = [];
      renderLogs();
    }
    return;
  }
  const e = EXAMPLES[key];
  if (!e) return;
  example = key;
  setAgreement(e.name, e.text);
  logs = e.logs.map((l) => ({ ...l }));
  renderLogs();
}

function format() {
  const name = fileName();
  const text = view.state.doc.toString();
  const r = engine.run(['fmt', name], { [name]: text });
  if (r.status !== 0) {
    setStatus('Format needs an agreement without errors (see Problems).', true);
    return;
  }
  if (r.stdout !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: r.stdout }, userEvent: 'input.format' });
  setStatus('Formatted (pactum fmt).');
}

async function share() {
  const includeLogs = $('share-logs').checked;
  const size = logs.reduce((n, l) => n + l.text.length, 0);
  const shared = includeLogs && size <= MAX_SHARED_LOG_BYTES ? logs : [];
  const fragment = await encodeShare({ a: view.state.doc.toString(), n: fileName(), l: shared.map((l) => ({ n: l.name, t: l.text })) });
  window.history.replaceState(null, '', `#${fragment}`);
  $('share-box').hidden = false;
  $('share-url').value = location.href;
  $('share-note').textContent = includeLogs && size > MAX_SHARED_LOG_BYTES
    ? `The logs are larger than ${MAX_SHARED_LOG_BYTES / 1024} KB: only the agreement is in the link.`
    : 'Everything is in the part after #, which browsers never send to a server.';
  $('share-url').select();
  navigator.clipboard?.writeText(location.href).catch(() => {});
}

async function restoreShared() {
  const state = await decodeShare(location.hash.slice(1)).catch(() => null);
  if (!state) return false;
  setAgreement(state.n || 'agreement.terms', state.a);
  logs = (state.l ?? []).map((l) => ({ name: l.n, text: l.t }));
  renderLogs();
  return true;
}

// --- start -----------------------------------------------------------------------------------
const checking = new Compartment();

async function start() {
  view = new EditorView({
    parent: $('editor'),
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
        highlightSelectionMatches(), indentUnit.of('  '), EditorState.tabSize.of(2),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
        termsLanguage(),
        checking.of([]),  // the linter, once pactum is loaded
        lintGutter(),
        hover,
        autocompletion({ override: [complete], activateOnTyping: true }),
        EditorView.lineWrapping,
      ],
    }),
  });
  for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
  $('example').addEventListener('change', (e) => { loadExample(e.target.value); e.target.value = ''; });
  $('format').addEventListener('click', format);
  $('share').addEventListener('click', share);
  $('check').addEventListener('click', check);
  $('example-log').addEventListener('click', () => EXAMPLES[example].logs.forEach((l) => addLog(l.name, l.text)));
  $('paste-add').addEventListener('click', () => {
    if ($('paste').value.trim()) addLog($('paste-name').value.trim() || 'pasted.yaml', $('paste').value);
    $('paste').value = '';
  });
  $('log-files').addEventListener('change', async (e) => {
    for (const f of e.target.files) addLog(f.name, await f.text());
    e.target.value = '';
  });
  // Files dropped on the logs' drop zone or on the editor (before the editor's own handling,
  // which would insert them as text): *.terms is the agreement, anything else a log.
  const drop = $('drop');
  for (const target of [drop, $('editor')]) {
    const files = (e) => [...(e.dataTransfer?.files ?? [])];
    target.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types?.includes('Files')) return;
      e.preventDefault();
      drop.classList.add('over');
    }, true);
    target.addEventListener('dragleave', () => drop.classList.remove('over'));
    target.addEventListener('drop', async (e) => {
      if (!files(e).length) return;
      e.preventDefault();
      e.stopPropagation();
      drop.classList.remove('over');
      for (const f of files(e)) {
        if (/\.terms$/i.test(f.name)) setAgreement(f.name, await f.text());
        else addLog(f.name, await f.text());
      }
    }, true);
  }
  $('file-name').addEventListener('change', () => { explainedText = null; if (analysed.text !== null && !analysed.errors) explain(analysed.text); });

  if (!(await restoreShared())) loadExample('acme');
  engine = await Engine.load(window.createPactum);
  const version = engine.run(['--version']).stdout.trim();
  // The templates `pactum init --list` offers: "name  description" per line.
  for (const line of engine.run(['init', '--list']).stdout.split('\n')) {
    const m = /^(\S+)\s+(.*)$/.exec(line);
    if (m) $('templates').append(h('option', { value: `template:${m[1]}` }, `${m[2]} (template)`));
  }
  setStatus(`${version} (WebAssembly) ready`);
  document.title = `pactum workbench — ${version}`;
  view.dispatch({ effects: checking.reconfigure(linter(analyse, { delay: 250 })) });
  document.body.dataset.ready = 'true';
  window.workbench = { view, engine, check };
}

start().catch((e) => {
  setStatus(`pactum could not start: ${e}`, true);
  throw e;
});
