// Highlighting for the Terms language: a CodeMirror stream tokenizer over the tokens of
// grammar/TermsLexer.g4. The keyword lists come from the grammar itself at build time
// (build.mjs: the virtual module `terms-words`), so a new keyword is highlighted without an edit
// here. Version 2 words are soft keywords (names elsewhere): they are shown as keywords only when
// the word before them is not `party`/`calendar`/... (a declared name is a name).
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { keywords, softKeywords } from 'terms-words';

const keywordSet = new Set(keywords);
const softSet = new Set(softKeywords);
const declarations = new Set(['agreement', 'party', 'term', 'expectation', 'calendar', 'interval', 'fee', 'currency',
                              'credit', 'credits']);
const units = new Set(['minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months',
                       'quarter', 'year', 'business']);
const atoms = new Set(['critical', 'major', 'minor', 'true', 'false', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
                       'present', 'absent']);
const namingWords = new Set(['party', 'calendar', 'interval', 'fee', 'responsible', 'by', 'of']);

const terms = StreamLanguage.define({
  name: 'terms',
  startState: () => ({ previous: '' }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return 'comment';
    if (stream.match(/^"(?:[^"\\\n]|\\.)*"/)) return 'string';
    if (stream.match(/^"(?:[^"\\\n]|\\.)*\\?$/)) return 'invalid';  // unterminated
    if (stream.match(/^`[^`\n]*`/)) {
      state.previous = '';
      return 'variableName.special';
    }
    if (stream.match(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[zZ]|[+-]\d{2}:\d{2})?)?/)) return 'literal';
    if (stream.match(/^\d{1,2}:\d{2}/)) return 'literal';
    if (stream.match(/^\d+(?:\.\d+)?/)) {
      state.previous = '';
      return 'number';
    }
    const word = stream.match(/^[A-Za-z_][A-Za-z0-9_]*/);
    if (word) {
      const w = word[0].toLowerCase();
      const previous = state.previous;
      state.previous = w;
      if (previous === 'party' || previous === 'calendar' || previous === 'interval' || previous === 'fee')
        return 'variableName.definition';
      if (softSet.has(w) && namingWords.has(previous) && !keywordSet.has(w)) return 'variableName';
      if (declarations.has(w) && stream.string.slice(0, stream.start).trim() === '') return 'definitionKeyword';
      if (units.has(w)) return 'unit';
      if (atoms.has(w)) return 'atom';
      if (keywordSet.has(w) || softSet.has(w)) return 'keyword';
      return 'variableName';
    }
    if (stream.match(/^(?:!=|<=|>=|[=<>%])/)) return 'operator';
    if (stream.match(/^[,\-()]/)) return 'punctuation';
    stream.next();
    return 'invalid';
  },
  languageData: { commentTokens: { line: '#' } },
});

const style = HighlightStyle.define([
  { tag: t.comment, color: '#6a737d', fontStyle: 'italic' },
  { tag: t.string, color: '#0a6b2f' },
  { tag: t.literal, color: '#7a3e9d' },
  { tag: t.number, color: '#1750a0' },
  { tag: t.unit, color: '#1750a0' },
  { tag: t.definitionKeyword, color: '#a3127d', fontWeight: 'bold' },
  { tag: t.keyword, color: '#a3127d' },
  { tag: t.atom, color: '#b45309' },
  { tag: t.definition(t.variableName), color: '#0f5f8c', fontWeight: 'bold' },
  { tag: t.special(t.variableName), color: '#0f5f8c' },
  { tag: t.operator, color: '#444' },
  { tag: t.invalid, color: '#c00', textDecoration: 'underline wavy' },
]);

export function termsLanguage() {
  return [terms, syntaxHighlighting(style)];
}
