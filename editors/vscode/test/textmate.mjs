// Loads the extension's TextMate grammar with the same engine VS Code uses (vscode-textmate on
// the Oniguruma regular expressions of vscode-oniguruma) and tokenizes text line by line.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');
const grammarPath = path.resolve(here, '..', 'syntaxes', 'terms.tmLanguage.json');

let grammarPromise;

export function loadGrammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) =>
        scopeName === 'source.terms'
          ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
          : null,
    });
    grammarPromise = registry.loadGrammar('source.terms');
  }
  return grammarPromise;
}

// [{line, text, scopes}] for every token of `text`.
export async function tokenize(text) {
  const grammar = await loadGrammar();
  const out = [];
  let ruleStack = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    for (const t of result.tokens) {
      out.push({ line: index + 1, column: t.startIndex + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    ruleStack = result.ruleStack;
  });
  return out;
}

// Every .terms file of the repository (build trees and node_modules left out).
export function termsFiles(dir = repoRoot) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || /^build/.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...termsFiles(full));
    else if (entry.name.endsWith('.terms')) out.push(full);
  }
  return out.sort();
}
