#!/usr/bin/env node
// The peer pactum is benchmarked against (bench/README.md): the notice rule written with
// json-rules-engine, the log read with js-yaml, as a Node developer would do it.
//
//   every site_visit by Acme requires notice by Acme with same visit at least 48 hours before
//
// Notices by Acme are indexed by visit; each site visit by Acme is then run through the engine
// with its facts (the hours of notice given by the earliest notice at or before it). Prints the
// ids of the violating visits, one per line, sorted.
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const { Engine } = require('json-rules-engine');

async function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: notice_peer.js LOG.yaml');
    process.exit(2);
  }
  const doc = yaml.load(fs.readFileSync(path, 'utf8'));
  const events = Array.isArray(doc) ? doc : doc.events;
  const time = (e) => (e.at instanceof Date ? e.at : new Date(e.at)).getTime();

  // notice by Acme, keyed by visit: their times
  const notices = new Map();
  for (const e of events) {
    if (e.type !== 'notice' || e.by !== 'Acme' || e.visit === undefined || e.visit === null) continue;
    const key = String(e.visit);
    if (!notices.has(key)) notices.set(key, []);
    notices.get(key).push(time(e));
  }

  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({
    name: 'site visits are announced at least 48 hours before',
    conditions: {
      any: [
        { fact: 'hasNotice', operator: 'equal', value: false },
        { fact: 'noticeHours', operator: 'lessThan', value: 48 },
      ],
    },
    event: { type: 'violation' },
  });

  const violations = [];
  for (const e of events) {
    if (e.type !== 'site_visit' || e.by !== 'Acme') continue;
    const at = time(e);
    const before = (e.visit === undefined || e.visit === null ? [] : notices.get(String(e.visit)) || [])
      .filter((t) => t <= at);
    const earliest = before.length ? Math.min(...before) : null;
    const facts = {
      visit: e.visit,
      hasNotice: earliest !== null,
      noticeHours: earliest !== null ? (at - earliest) / 3600000 : null,
    };
    const { events: fired } = await engine.run(facts);
    if (fired.length) violations.push(String(e.id));
  }
  violations.sort();
  process.stdout.write(violations.join('\n') + (violations.length ? '\n' : ''));
}

main().catch((err) => {
  console.error(err);
  process.exit(3);
});
