// Renders a .terms file as HTML coloured by the TextMate grammar's scopes (the tokens
// vscode-textmate gives, coloured like VS Code's Dark+ theme), for docs/editors.md's screenshot:
//   node render-html.mjs FILE.terms OUT.html
//   chromium --headless --screenshot=docs/editors-highlighting.png --window-size=1100,900 OUT.html
import fs from 'node:fs';
import path from 'node:path';
import { tokenize } from './textmate.mjs';

// The first matching prefix wins (most specific first).
const theme = [
  ['invalid', '#f44747'],
  ['comment', '#6a9955'],
  ['string', '#ce9178'],
  ['constant.character.escape', '#d7ba7d'],
  ['constant.numeric.date', '#b5cea8'],
  ['constant.numeric.datetime', '#b5cea8'],
  ['constant.numeric.time', '#b5cea8'],
  ['constant.numeric', '#b5cea8'],
  ['constant.language', '#569cd6'],
  ['keyword.other.declaration', '#569cd6'],
  ['keyword.operator', '#d4d4d4'],
  ['keyword.other.unit', '#4ec9b0'],
  ['keyword.other.day', '#4ec9b0'],
  ['keyword', '#c586c0'],
  ['entity.name', '#4ec9b0'],
  ['variable.other.interval', '#4fc1ff'],
  ['variable', '#9cdcfe'],
];

function colour(scopes) {
  for (let i = scopes.length - 1; i >= 0; i--)
    for (const [prefix, c] of theme) if (scopes[i].startsWith(prefix)) return c;
  return '#d4d4d4';
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const [file, out] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8').replace(/\n$/, '');
const tokens = await tokenize(text);
const lines = text.split('\n').map(() => []);
for (const t of tokens) lines[t.line - 1].push(`<span style="color:${colour(t.scopes)}" title="${t.scopes.at(-1)}">${escape(t.text)}</span>`);
const body = lines.map((spans, i) => `<span class="n">${i + 1}</span>${spans.join('')}`).join('\n');
fs.writeFileSync(out, `<!doctype html><meta charset="utf-8"><title>${escape(path.basename(file))}</title>
<style>
body { margin: 0; background: #1e1e1e; }
.bar { font: 13px sans-serif; color: #ccc; background: #2d2d2d; padding: 8px 16px; }
pre { margin: 0; padding: 12px 0; font: 14px/1.45 "DejaVu Sans Mono", monospace; color: #d4d4d4; }
.n { display: inline-block; width: 3em; margin-right: 1.5em; text-align: right; color: #858585; }
</style>
<div class="bar">${escape(path.basename(file))} — highlighted by editors/vscode/syntaxes/terms.tmLanguage.json (vscode-textmate)</div>
<pre>${body}</pre>
`);
