// Drives the real `pactum lsp` over stdio with the protocol client libraries VS Code itself uses
// (vscode-jsonrpc / vscode-languageserver-protocol): initialize, diagnostics while a document is
// typed, hover, completion (with the event types of a configured log), formatting, code actions,
// symbols, definition and references, and a clean shutdown. PACTUM names the binary.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';
import { repoRoot } from './textmate.mjs';

const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification, HoverRequest,
  CompletionRequest, DocumentFormattingRequest, CodeActionRequest, DocumentSymbolRequest, DefinitionRequest,
  ReferencesRequest, ShutdownRequest, ExitNotification,
} = protocol;

const pactum = process.env.PACTUM || path.join(repoRoot, 'build', 'pactum');

function start() {
  const child = spawn(pactum, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of waiters.splice(0)) w();
  });
  connection.listen();
  // The next publishDiagnostics for `uri` at `version`.
  const diagnostics = async (uri, version) => {
    for (;;) {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) return found.diagnostics;
      // The timer is cleared once answered: a pending one would keep node running for 10 s.
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version}`)), 10000);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, connection, diagnostics, exited };
}

const acmePath = path.join(repoRoot, 'examples', 'acme.terms');
const acme = fs.readFileSync(acmePath, 'utf8');
const uri = pathToFileURL(acmePath).href;
const lines = acme.split('\n');
const positionOf = (text, occurrence = 1, offset = 0) => {
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const at = lines[line].indexOf(text, from);
      if (at < 0) break;
      if (++seen === occurrence) return { line, character: at + offset };
      from = at + 1;
    }
  }
  throw new Error(`"${text}" not in acme.terms`);
};

test('pactum lsp over stdio, as VS Code drives it', async (t) => {
  const { child, connection, diagnostics, exited } = start();
  t.after(() => child.kill());
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(repoRoot).href,
    capabilities: {},
    initializationOptions: { logs: ['examples/acme-2026.yaml'] },
  });
  assert.equal(init.capabilities.textDocumentSync.change, 1);
  assert.ok(init.capabilities.hoverProvider && init.capabilities.documentFormattingProvider);
  connection.sendNotification(InitializedNotification.type, {});

  // Typing: half a rule, then an unterminated string, then the whole agreement.
  const half = acme.replace('every site_visit occurs within business hours of Northwind', 'every site_visit occurs wit');
  connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'terms', version: 1, text: half },
  });
  let diags = await diagnostics(uri, 1);
  assert.equal(diags.length, 1, JSON.stringify(diags));
  assert.equal(diags[0].severity, 1);
  assert.match(diags[0].message, /expected `within`, found `wit`/);
  assert.deepEqual(diags[0].range.start, positionOf('occurs within business hours of Northwind', 1, 7));

  const unterminated = acme.replace('clause "7.2"', 'clause "7.2');
  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 }, contentChanges: [{ text: unterminated }],
  });
  diags = await diagnostics(uri, 2);
  assert.ok(diags.some((d) => /unterminated string/.test(d.message)), JSON.stringify(diags));

  // A misspelt party: an agreement error with its code and a "did you mean" fix.
  const misspelt = acme.replace('at most 2 site_visit by Acme', 'at most 2 site_visit by Acmee');
  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 }, contentChanges: [{ text: misspelt }],
  });
  diags = await diagnostics(uri, 3);
  const unknown = diags.find((d) => d.code === 'unknown-party');
  assert.ok(unknown, JSON.stringify(diags));
  const fixes = await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] },
  });
  assert.equal(fixes[0].title, 'Change to Acme');
  assert.equal(fixes[0].edit.changes[uri][0].newText, 'Acme');

  // The real agreement lints clean: nothing underlined.
  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 4 }, contentChanges: [{ text: acme }],
  });
  diags = await diagnostics(uri, 4);
  assert.deepEqual(diags, []);

  // Hover: a party (zone, hours, holidays), a rule (explain and the responsible party), a keyword.
  let hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf('of Northwind', 1, 4) });
  assert.match(hover.contents.value, /party Northwind/);
  assert.match(hover.contents.value, /Time zone: Asia\/Manila/);
  assert.match(hover.contents.value, /mon-fri 08:00-20:00, sat 09:00-13:00/);
  hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf('notice by Acme', 1, 1) });
  assert.match(hover.contents.value, /Every site_visit by Acme needs a notice by Acme with the same visit at least 48 hours before it/);
  assert.match(hover.contents.value, /Responsible:\* Acme/);
  hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf('requires notice', 1, 2) });
  assert.match(hover.contents.value, /^`requires` — /);

  // Completion: after `every ` come event types, from the agreement and from the configured log.
  const completion = await connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri }, position: positionOf('every site_visit by Acme requires', 1, 6),
  });
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes('site_visit') && labels.includes('kpi_report'), labels.join(' '));
  assert.ok(labels.includes('month') && labels.includes('week'), labels.join(' '));
  assert.ok(completion.items.some((i) => i.detail === 'event type (logs)'), 'no event type from the log');

  // Formatting: the canonical layout of `pactum fmt`. The bundled example is kept in it (CTest
  // examples), so there is nothing to change; tests/lsp/transcripts/04-formatting has the edits.
  const edits = await connection.sendRequest(DocumentFormattingRequest.type, {
    textDocument: { uri }, options: { tabSize: 2, insertSpaces: true },
  });
  assert.equal(edits.length, 0, JSON.stringify(edits).slice(0, 300));

  // Outline, definition and references.
  const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  const names = symbols.map((s) => s.name);
  for (const n of ['Acme', 'Northwind', 'Site visits are announced', 'Service levels']) assert.ok(names.includes(n), names.join(', '));
  const review = symbols.find((s) => s.name === 'Weekly service review');
  assert.equal(review.children.length, 1);
  const definition = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf('by Acme', 1, 3) });
  assert.deepEqual(definition.range.start, positionOf('party Acme', 1, 6));
  const references = await connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri }, position: positionOf('party Acme', 1, 6), context: { includeDeclaration: true },
  });
  assert.equal(references.length, 7, 'the declaration and 6 uses of Acme');

  // Errors are answers, not crashes.
  await assert.rejects(connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.terms' }, position: { line: 0, character: 0 } }), /not open/);
  await assert.rejects(connection.sendRequest('pactum/unknown', {}), /unknown method/);

  await connection.sendRequest(ShutdownRequest.type);
  connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
});

test('code action: the rewrite lint proposes for a deadline outside business hours', async (t) => {
  const { child, connection, diagnostics, exited } = start();
  t.after(() => child.kill());
  await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
  const text = acme.replace('within 3 business days after', 'within 2 hours after');
  connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'terms', version: 1, text } });
  const diags = await diagnostics(uri, 1);
  const late = diags.find((d) => d.code === 'deadline-outside-hours');
  assert.ok(late, JSON.stringify(diags));
  const actions = await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: late.range, context: { diagnostics: [late] } });
  const rewrite = actions.find((a) => a.isPreferred);
  assert.match(rewrite.title, /^Rewrite as `every data_request by Northwind requires data_shared by Acme with same request within 2 business hours after`/);
  const edit = rewrite.edit.changes[uri][0];
  assert.equal(edit.range.start.character, 2);
  // Applying it removes the warning.
  const applied = text.split('\n');
  const line = applied[edit.range.start.line];
  applied[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: applied.join('\n') }] });
  const after = await diagnostics(uri, 2);
  assert.ok(!after.some((d) => d.code === 'deadline-outside-hours'), JSON.stringify(after));
  await connection.sendRequest(ShutdownRequest.type);
  connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
});

test('malformed messages get JSON-RPC errors and the server carries on', async () => {
  const child = spawn(pactum, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d.toString('utf8'); });
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  child.stdin.write(frame('{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": '));
  child.stdin.write('Content-Type: text/plain\r\n\r\n');
  child.stdin.write(frame('{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}'));
  child.stdin.write(frame('{"jsonrpc":"2.0","id":3,"method":"shutdown"}'));
  child.stdin.end(frame('{"jsonrpc":"2.0","method":"exit"}'));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  assert.match(out, /"code":-32700,"message":"the message is not valid JSON"/);
  assert.match(out, /"code":-32700,"message":"message header without Content-Length"/);
  assert.match(out, /"id":2,"jsonrpc":"2.0","result":\{"capabilities"/);
  assert.match(out, /"id":3,"jsonrpc":"2.0","result":null/);
});
