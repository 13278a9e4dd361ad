// The TextMate grammar: the scopes of keywords, strings, dates, durations, percentages, names and
// comments, version 2 words as keywords only in their phrases, and no "invalid" scope anywhere in
// the repository's .terms files (mistakes deliberately kept in test inputs are listed below).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { repoRoot, termsFiles, tokenize } from './textmate.mjs';

// The innermost scope of the token that holds `word` (the n-th occurrence) on `line`.
async function scopeOf(text, word, occurrence = 1) {
  const tokens = await tokenize(text);
  let seen = 0;
  for (const t of tokens) {
    if (t.text.trim() === word && ++seen === occurrence) return t.scopes[t.scopes.length - 1];
  }
  throw new Error(`no token "${word}" in ${JSON.stringify(text)}`);
}

test('scopes of each kind of token', async () => {
  const cases = [
    // [text, word, expected scope prefix]
    ['party Acme', 'party', 'keyword.other.declaration.terms'],
    ['party Acme', 'Acme', 'entity.name.type.party.terms'],
    ['  every site_visit by Acme requires notice before', 'every', 'keyword.control.terms'],
    ['  every site_visit by Acme requires notice before', 'requires', 'keyword.control.terms'],
    ['  every site_visit by Acme requires notice before', 'site_visit', 'variable.other.terms'],
    ['  every site_visit by Acme requires notice before', 'Acme', 'variable.other.terms'],
    ['  EVERY a Requires b BEFORE', 'Requires', 'keyword.control.terms'],
    ['  clause "7.1"', '"7.1"', 'string.quoted.double.terms'],
    ['  clause "7.1"', 'clause', 'keyword.other.option.terms'],
    ['  note "say \\"hi\\""', '\\"', 'constant.character.escape.terms'],
    ['  effective 2026-01-01 to 2026-12-31', '2026-01-01', 'constant.numeric.date.terms'],
    ['  no x where at > 2026-01-31T09:30+05:30', '2026-01-31T09:30+05:30', 'constant.numeric.datetime.terms'],
    ['  business hours mon-fri 09:00-17:00', '09:00', 'constant.numeric.time.terms'],
    ['  business hours mon-fri 09:00-17:00', 'mon', 'keyword.other.day.terms'],
    ['  every a requires b within 48 hours after', '48', 'constant.numeric.duration.terms'],
    ['  every a requires b within 48 hours after', 'hours', 'keyword.other.unit.terms'],
    ['  every a requires b within 2 business days after', 'business', 'keyword.other.unit.terms'],
    ['  average score of survey at least 80% every month', '80', 'constant.numeric.percentage.terms'],
    ['  average score of survey at least 80% every month', '%', 'constant.numeric.percentage.terms'],
    ['  at most 3 escalation every month', '3', 'constant.numeric.terms'],
    ['  no a where `severity` <= 2', '`severity`', 'variable.other.quoted.terms'],
    ['  no a where `severity` <= 2', '<=', 'keyword.operator.comparison.terms'],
    ['  no a where x = true and not y is present', 'and', 'keyword.operator.logical.terms'],
    ['  no a where x = true and not y is present', 'true', 'constant.language.terms'],
    ['# a comment with "quotes" and every keyword', 'a comment with "quotes" and every keyword', 'comment.line.number-sign.terms'],
    ['  severity critical  # trailing', 'critical', 'constant.language.terms'],
    // Version 2: keywords in their phrases ...
    ['calendar ServiceDesk', 'calendar', 'keyword.other.declaration.terms'],
    ['calendar ServiceDesk', 'ServiceDesk', 'entity.name.type.calendar.terms'],
    ['interval outage from outage_started to outage_ended with same service', 'from', 'keyword.control.terms'],
    ['interval outage from outage_started to outage_ended with same service', 'outage', 'entity.name.type.interval.terms'],
    ['  fee monthly_fee 20000', 'fee', 'keyword.other.declaration.terms'],
    ['  credits at most 10% of monthly_fee every month', 'credits', 'keyword.other.declaration.terms'],
    ['  credit 5% of monthly_fee per hour late', 'late', 'keyword.control.terms'],
    ['  every t requires r within 4 hours after paused from hold until resumed', 'until', 'keyword.control.terms'],
    ['  every t requires r within 4 hours after in at least 90% of cases every month', 'cases', 'keyword.control.terms'],
    ['  at least 95% of call have answered = true every week', 'have', 'keyword.control.terms'],
    ['  at most 3 escalation every month grouped by period', 'period', 'keyword.control.terms'],
    ['  no visit outside business hours of Northwind', 'outside', 'keyword.control.terms'],
    ['  availability of outage at least 99.5% every month', 'availability', 'keyword.control.terms'],
    ['  percentile 90 duration of ticket_open at most 8 hours every month', 'duration', 'keyword.control.terms'],
    // ... and names everywhere else (version 1 agreements that use them keep their colours).
    ['  total credits of credit_note at most 3 every quarter', 'credits', 'variable.other.terms'],
    ['  no report where period = "2026-03"', 'period', 'variable.other.terms'],
    ['  every fee requires invoice before', 'fee', 'variable.other.terms'],
    ['  average duration of call at most 300 every month', 'call', 'variable.other.interval.terms'],
  ];
  for (const [text, word, expected] of cases) {
    assert.equal(await scopeOf(text, word), expected, `${word} in ${text}`);
  }
});

test('mistakes are marked invalid', async () => {
  assert.match(await scopeOf('  note "unterminated', '"unterminated'), /^invalid\.illegal\.unterminated-string/);
  assert.match(await scopeOf('  no x where a = $', '$'), /^invalid\.illegal\.character/);
  assert.match(await scopeOf('  note "bad \\q escape"', '\\q'), /^invalid\.illegal\.escape/);
});

// The bad-input cases hold mistakes on purpose (binary junk, UTF-16, unterminated strings, ...):
// an invalid scope may appear in a file that pactum itself rejects with a located error (the
// case's expect.json names `agreement.terms:LINE:COLUMN:`). Every other .terms file, every file
// pactum reads, must be free of them.
function linesWithErrors(file) {
  const expect = path.join(path.dirname(file), 'expect.json');
  if (!/tests\/bad-input\/cases\//.test(file) || !fs.existsSync(expect)) return null;
  const lines = new Set();
  const text = fs.readFileSync(expect, 'utf8');
  for (const m of text.matchAll(new RegExp(path.basename(file).replace('.', '\\.') + ':(\\d+):', 'g'))) lines.add(Number(m[1]));
  return lines;
}

test('every .terms file of the repository tokenizes without an invalid scope, every token scoped', async () => {
  const files = termsFiles();
  assert.ok(files.length > 100, `found only ${files.length} .terms files`);
  const problems = [];
  let clean = 0, broken = 0;
  for (const file of files) {
    const relative = path.relative(repoRoot, file);
    const allowed = linesWithErrors(file);
    const tokens = await tokenize(fs.readFileSync(file, 'utf8'));
    const invalid = tokens.filter((t) => t.scopes.some((s) => s.includes('invalid')));
    // Every word, number and symbol gets a scope of its own: nothing is left as plain text.
    for (const t of tokens)
      if (t.text.trim() !== '' && t.scopes.length === 1)
        problems.push(`${relative}:${t.line}:${t.column}: ${JSON.stringify(t.text.slice(0, 40))} has no scope`);
    for (const t of invalid)
      if (!allowed || allowed.size === 0)
        problems.push(`${relative}:${t.line}:${t.column}: ${JSON.stringify(t.text.slice(0, 40))} ${t.scopes.at(-1)}`);
    if (invalid.length) broken++;
    else clean++;
  }
  const files_with = [...new Set(problems.map((p) => p.split(":")[0]))];
  assert.deepEqual(files_with, [], `${problems.length} tokens without a scope or invalid where pactum reports no error:\n${problems.slice(0, 20).join('\n')}`);
  console.log(`# ${files.length} .terms files: ${clean} without an invalid scope, ${broken} bad-input cases that pactum rejects`);
});
