// `pactum explain` prints the agreement term by term (engine/app/explain_command.cc); the page
// also shows it party by party ("What Acme must do"). This reads the printed text back into
// its parts: the header, the parties, and each rule with its sentence and who is responsible.
//
//   Agreement: NAME
//   In force from ... / No effective period ...
//   Parties
//     Acme (Acme Telecom Inc.), the client: time zone ..., business hours ...
//   Term "Weekly service review", clause 4.2 (major)
//     1. There must be at least 1 meeting ...
//        Responsible: Acme, Northwind.
//   Rules binding each party: Acme 5, Northwind 6; 2 depend on who did the event

const unquote = (name) => (name.startsWith('`') && name.endsWith('`') ? name.slice(1, -1) : name);

export function parseExplanation(text) {
  const lines = text.split('\n');
  const result = { title: '', header: [], parties: [], other: [], blocks: [], balance: '' };
  let section = 'header';
  let block = null;
  let rule = null;
  for (const line of lines) {
    if (line.startsWith('Agreement: ')) {
      result.title = line.slice('Agreement: '.length);
      continue;
    }
    if (line === '') {
      section = section === 'header' ? 'header' : 'none';
      rule = null;
      continue;
    }
    if (line === 'Parties') {
      section = 'parties';
      continue;
    }
    if (line === 'Calendars' || line === 'Intervals') {
      section = 'other';
      result.other.push({ heading: line, lines: [] });
      continue;
    }
    const head = /^(Term|Expectation) "(.*)"(?:, clause (.*))? \((critical|major|minor)\)$/.exec(line);
    if (head) {
      block = { kind: head[1], name: head[2], clause: head[3] ?? '', severity: head[4], notes: [], rules: [], line };
      result.blocks.push(block);
      section = 'block';
      continue;
    }
    if (line.startsWith('Rules binding each party: ')) {
      result.balance = line;
      section = 'none';
      continue;
    }
    if (section === 'header') {
      result.header.push(line);
    } else if (section === 'parties') {
      const body = line.trim();
      // The name as the agreement writes it: up to " (display name)", ", the role" or ":".
      const id = /^(`[^`]*`|[^\s(:,]+)/.exec(body)?.[1] ?? body;
      result.parties.push({ id: unquote(id), shown: id, line: body });
    } else if (section === 'other') {
      result.other.at(-1).lines.push(line.trim());
    } else if (section === 'block' && block) {
      const numbered = /^  (\d+)\. (.*)$/.exec(line);
      const responsible = /^\s+Responsible: (.*)\.$/.exec(line);
      if (numbered) {
        rule = { number: Number(numbered[1]), sentence: numbered[2], responsible: '', parties: [] };
        block.rules.push(rule);
      } else if (responsible && rule) {
        rule.responsible = responsible[1];
      } else if (rule) {
        rule.sentence += ` ${line.trim()}`;
      } else {
        block.notes.push(line.trim());
      }
    }
  }
  // Who answers for each rule: declared parties by name; anything else ("the party that did the
  // event", "nobody (unassigned)") is a group of its own.
  const ids = new Set(result.parties.map((p) => p.id));
  for (const b of result.blocks)
    for (const r of b.rules) {
      const names = r.responsible.split(', ').map(unquote);
      r.parties = names.length && names.every((n) => ids.has(n)) ? names : [];
    }
  return result;
}

// The rules grouped by who answers for them: [{title, party, rules: [{block, rule}]}], one group
// per declared party (in declaration order), then "depends on who did the event", then "nobody".
export function rulesByParty(explanation) {
  const groups = explanation.parties.map((p) => ({ title: `What ${p.shown} must do`, party: p, rules: [] }));
  const byEvent = { title: 'Whoever did the event', party: null, rules: [] };
  const nobody = { title: 'Nobody is responsible', party: null, rules: [] };
  for (const block of explanation.blocks)
    for (const rule of block.rules) {
      if (rule.parties.length) {
        for (const id of rule.parties) groups.find((g) => g.party.id === id)?.rules.push({ block, rule });
      } else if (rule.responsible.startsWith('nobody')) {
        nobody.rules.push({ block, rule });
      } else {
        byEvent.rules.push({ block, rule });
      }
    }
  return [...groups, byEvent, nobody].filter((g) => g.party || g.rules.length);
}
