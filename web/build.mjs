// Builds the workbench into one folder that works from file:// or any static host:
//   node web/build.mjs WASM_MODULE OUT_DIR      (make workbench: build-wasm/pactum.js build-wasm/workbench)
// index.html, workbench.css, workbench.js (the page and CodeMirror, bundled by esbuild),
// pactum.js (the WebAssembly module, the binary inside as base64) and licenses.txt.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const [wasmModule, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!wasmModule || !outDir) {
  console.error('usage: node web/build.mjs WASM_MODULE OUT_DIR');
  process.exit(2);
}

// `import { keywords, softKeywords } from 'terms-words'`: the words of grammar/TermsLexer.g4
// (keyword tokens spelt with letter fragments: `BEFORE : B E F O R E;`); the version 2 words,
// keywords only in their phrases, come after the "version 2 words" comment.
const termsWords = {
  name: 'terms-words',
  setup(build) {
    build.onResolve({ filter: /^terms-words$/ }, () => ({ path: 'terms-words', namespace: 'terms-words' }));
    build.onLoad({ filter: /.*/, namespace: 'terms-words' }, () => {
      const grammar = path.join(root, 'grammar/TermsLexer.g4');
      const text = fs.readFileSync(grammar, 'utf8');
      const soft = text.indexOf('--- version 2 words');
      const end = text.indexOf('--- literals');
      const keywords = [];
      const softKeywords = [];
      for (const m of text.matchAll(/^([A-Z_]+)\s*:\s*((?:[A-Z]\s+)*[A-Z])\s*;/gm)) {
        const word = m[2].replace(/\s+/g, '').toLowerCase();
        if (m.index > end) continue;
        (m.index > soft ? softKeywords : keywords).push(word);
      }
      if (keywords.length < 50) throw new Error(`only ${keywords.length} keywords found in ${grammar}`);
      return { contents: `export const keywords = ${JSON.stringify(keywords)};\nexport const softKeywords = ${JSON.stringify(softKeywords)};\n`,
               loader: 'js', watchFiles: [grammar] };
    });
  },
};

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const result = await esbuild.build({
  entryPoints: [path.join(here, 'src/main.js')],
  bundle: true,
  format: 'iife',
  minify: true,
  sourcemap: false,
  target: ['chrome105', 'firefox105', 'safari16'],
  loader: { '.terms': 'text', '.yaml': 'text' },
  plugins: [termsWords],
  outfile: path.join(outDir, 'workbench.js'),
  metafile: true,
  logLevel: 'warning',
});
for (const file of ['index.html', 'workbench.css']) fs.copyFileSync(path.join(here, 'src', file), path.join(outDir, file));
fs.copyFileSync(wasmModule, path.join(outDir, 'pactum.js'));

// The licences of what the folder contains: the npm packages esbuild bundled, and the libraries
// compiled into pactum.js (Debian's copyright files of their source and -dev packages).
const licences = [];
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.add(m[1]);
}
for (const name of [...packages].sort()) {
  const dir = path.join(here, 'node_modules', name);
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const file = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  licences.push(`== ${name} ${version} (npm, in workbench.js)\n\n${file ? fs.readFileSync(path.join(dir, file), 'utf8') : '(no licence file)'}`);
}
const debSources = process.env.PACTUM_DEB_SOURCES ?? path.join(path.dirname(wasmModule), 'deb-src');
const copyrights = [
  ...['libyaml', 'yaml-cpp', 'howardhinnant-date', 'antlr4-cpp-runtime'].map((p) => [p, path.join(debSources, p, 'debian/copyright')]),
  ...['libfmt-dev', 'nlohmann-json3-dev', 'libcli11-dev', 'libutfcpp-dev', 'emscripten', 'tzdata']
    .map((p) => [p, `/usr/share/doc/${p}/copyright`]),
];
for (const [name, file] of copyrights)
  if (fs.existsSync(file)) licences.push(`== ${name} (Debian, in pactum.js)\n\n${fs.readFileSync(file, 'utf8')}`);
fs.writeFileSync(path.join(outDir, 'licenses.txt'),
  'The pactum workbench contains pactum and the following software.\n\n' + licences.join('\n\n'));

const size = (f) => `${(fs.statSync(path.join(outDir, f)).size / 1048576).toFixed(2)} MiB`;
console.log(`workbench: ${path.relative(process.cwd(), outDir)}/index.html (workbench.js ${size('workbench.js')}, pactum.js ${size('pactum.js')})`);
