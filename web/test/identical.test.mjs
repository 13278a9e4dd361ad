// The WebAssembly engine gives byte for byte what the native binary gives: exit status, standard
// output and standard error, on every conformance case (each run of its case.json, as
// tests/conformance/run.py builds the command: `--format json`), on lint / explain / fmt of each
// case's agreements, on the bundled examples in every report format, on every time zone, and on
// the bad-input corpus.
//
//   PACTUM=build/pactum PACTUM_WASM=build-wasm/pactum.js node --test web/test/identical.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadPactum, filesOf } from './pactum-wasm.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const native = path.resolve(process.env.PACTUM ?? path.join(root, 'build/pactum'));
const wasmPath = path.resolve(process.env.PACTUM_WASM ?? path.join(root, 'build-wasm/pactum.js'));
const pactum = await loadPactum(wasmPath);

function runNative(dir, args) {
  const p = spawnSync(native, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { status: p.status, stdout: p.stdout, stderr: p.stderr };
}

// Where two outputs first differ, as a readable line.
function firstDifference(a, b) {
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  native: ${JSON.stringify(la[i])}\n  wasm:   ${JSON.stringify(lb[i])}`;
  return 'same lines, different bytes';
}

// Runs `args` natively in `dir` and in the module on a copy of `files`; fails on any difference.
function same(dir, files, args) {
  const n = runNative(dir, args);
  const w = pactum.run(files, args);
  const what = `pactum ${args.join(' ')} (in ${path.relative(root, dir) || '.'})`;
  assert.equal(w.status, n.status, `${what}: exit status`);
  if (!w.stdout.equals(n.stdout)) assert.fail(`${what}: standard output differs at ${firstDifference(n.stdout, w.stdout)}`);
  if (!w.stderr.equals(n.stderr)) assert.fail(`${what}: standard error differs at ${firstDifference(n.stderr, w.stderr)}`);
  return n;
}

const casesDir = path.join(root, 'tests/conformance/cases');
const cases = fs.readdirSync(casesDir).filter((c) => fs.existsSync(path.join(casesDir, c, 'case.json'))).sort();

test('there are conformance cases to compare', () => {
  assert.ok(cases.length >= 20, `only ${cases.length} cases in ${casesDir}`);
});

for (const name of cases) {
  test(`conformance case ${name}`, () => {
    const dir = path.join(casesDir, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
    const files = filesOf(dir);
    // The command lines of tests/conformance/run.py: run 0, then each of `runs`.
    const runs = [spec, ...(spec.runs ?? [])];
    const agreements = new Set();
    for (const run of runs) {
      const command = run.command ?? spec.command;
      const agreement = run.agreement ?? spec.agreement ?? 'agreement.terms';
      const logs = run.logs ?? spec.logs ?? (files['log.yaml'] ? ['log.yaml'] : []);
      const args = [command, agreement, ...(command === 'check' ? logs : []), '--format', 'json', ...(run.args ?? spec.args ?? [])];
      same(dir, files, args);
      agreements.add(agreement);
    }
    for (const agreement of agreements) {
      same(dir, files, ['lint', agreement]);
      same(dir, files, ['explain', agreement]);
      same(dir, files, ['fmt', agreement]);
    }
  });
}

// The bundled examples, run from the repository root as `make demo` does.
function exampleFiles() {
  const files = {};
  const add = (rel) => (files[rel] = fs.readFileSync(path.join(root, rel)));
  for (const rel of ['examples/acme.terms', 'examples/acme-2026.yaml', 'examples/contact-center/contact-center.terms',
                     'examples/contact-center/contact-center-2026.yaml'])
    add(rel);
  return files;
}

test('the bundled example (make demo) in every report format', () => {
  const files = exampleFiles();
  const formats = ['text', 'json', 'junit', 'sarif', 'github', 'markdown', 'html', 'gitlab'];
  for (const format of formats)
    same(root, files, ['check', 'examples/acme.terms', 'examples/acme-2026.yaml', '--format', format]);
  const n = same(root, files, ['check', 'examples/acme.terms', 'examples/acme-2026.yaml']);
  assert.equal(n.status, 1, 'the example has findings');
  same(root, files, ['check', 'examples/acme.terms', 'examples/acme-2026.yaml', '--reader', 'yaml-cpp', '--format', 'json']);
  same(root, files, ['check', 'examples/acme.terms', 'examples/acme-2026.yaml', '--due-within', '2w', '--format', 'json']);
  for (const command of ['lint', 'explain', 'fmt']) same(root, files, [command, 'examples/acme.terms']);
});

test('the contact-center example (version 2 forms, service credits)', () => {
  const files = exampleFiles();
  const terms = 'examples/contact-center/contact-center.terms';
  for (const format of ['json', 'text', 'html'])
    same(root, files, ['check', terms, 'examples/contact-center/contact-center-2026.yaml', '--format', format]);
  for (const command of ['lint', 'explain', 'fmt']) same(root, files, [command, terms]);
});

// The zones of Debian's tzdata (tzdata.zi: zones and links): each one is known to both, and each
// misspelt (its last two letters swapped) gets the same "did you mean" from both, which compares
// the lists of names the two search.
test('every time zone of the native build, and the same suggestions for misspelt ones', () => {
  const zi = fs.readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8').split('\n');
  const zones = zi.filter((l) => /^[ZL] /.test(l)).map((l) => (l.startsWith('Z ') ? l.split(' ')[1] : l.split(' ')[2]))
    .filter((z) => z !== 'Factory');  // date/tz leaves it out
  assert.ok(zones.length > 500, `${zones.length} zones in tzdata.zi`);
  const agreement = (names) =>
    'agreement "zones"\n  timezone "UTC"\n\n' +
    names.map((z, i) => `party P${i}\n  timezone "${z}"\n\n`).join('') +
    'term "t"\n  responsible P0\n  every a by P0 requires b by P0 within 1 day after\n';
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'pactum-zones-'));
  try {
    // How many of `names` the engine calls unknown (the same natively and in the module).
    const unknown = (names) => {
      const text = agreement(names);
      fs.writeFileSync(path.join(dir, 'zones.terms'), text);
      const n = same(dir, { 'zones.terms': text }, ['lint', 'zones.terms', '--format', 'json']);
      return (n.stdout.toString().match(/"unknown-timezone"/g) ?? []).length;
    };
    assert.equal(unknown(zones), 0);
    const misspelt = zones.map((z) => z.slice(0, -2) + z.at(-1) + z.at(-2)).filter((z) => !zones.includes(z));
    for (let i = 0; i < misspelt.length; i += 40) assert.ok(unknown(misspelt.slice(i, i + 40)) > 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The bad-input corpus (tests/bad-input): malformed and hostile agreements and logs. The cases
// that need no set-up of the file system (links, FIFOs, modes, generated files), no environment
// and no standard input, and read no device (/dev/zero is not in the module's file system).
test('the bad-input corpus: the same statuses and messages', () => {
  const dir = path.join(root, 'tests/bad-input');
  const shared = filesOf(path.join(dir, 'shared'));
  let compared = 0;
  for (const name of fs.readdirSync(path.join(dir, 'cases')).sort()) {
    const caseDir = path.join(dir, 'cases', name);
    const expect = JSON.parse(fs.readFileSync(path.join(caseDir, 'expect.json'), 'utf8'));
    const args = expect.args ?? (expect.command === 'check' ? ['agreement.terms', 'log.yaml'] : ['agreement.terms']);
    if (['setup', 'env', 'stdin', 'fifo_write', 'fifo_read', 'files_after'].some((k) => k in expect)) continue;
    if (args.some((a) => a.startsWith('b64:') || a.includes('/dev/'))) continue;
    const files = { ...shared, ...filesOf(caseDir) };
    delete files['expect.json'];
    const work = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'pactum-bad-'));
    try {
      for (const [f, content] of Object.entries(files)) fs.writeFileSync(path.join(work, f), content);
      same(work, files, [expect.command, ...args]);
      compared++;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  assert.ok(compared > 250, `only ${compared} cases compared`);
});

test('the module runs again and again: the same output on a second and third run', () => {
  const files = exampleFiles();
  const args = ['check', 'examples/acme.terms', 'examples/acme-2026.yaml', '--format', 'json'];
  const first = pactum.run(files, args);
  for (let i = 0; i < 2; i++) {
    const again = pactum.run(files, args);
    assert.equal(again.status, first.status);
    assert.ok(again.stdout.equals(first.stdout), `run ${i + 2} differs`);
  }
  // An input error (exit 2) and a usage error leave nothing behind for the next run.
  assert.equal(pactum.run({ 'x.terms': 'agreement "x"\nparty\n' }, ['lint', 'x.terms']).status, 2);
  assert.equal(pactum.run({}, ['chek']).status, 2);
  const after = pactum.run(files, args);
  assert.ok(after.stdout.equals(first.stdout));
});
