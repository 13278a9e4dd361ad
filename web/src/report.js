// The results of `pactum check --format json` (docs/ci.md, the JSON report) as the page shows
// them: the summary, the scorecard per party, the findings, the pending obligations, the
// service credits and the lint entries. Clicking a row shows its rule in the editor.
import { h } from './dom.js';

// "2026-06-12T14:00:00-05:00" -> "2026-06-12 14:00" (the agreement's time zone: the JSON report
// writes every time in it; the full text is in the cell's tooltip).
const when = (iso) => (iso ? iso.replace('T', ' ').replace(/(:\d\d)?(\.\d+)?([-+]\d\d:\d\d|Z)?$/, '') : '');
const time = (iso) => h('span', { class: 'time', title: iso ?? '' }, when(iso));
const severity = (s) => h('span', { class: `sev sev-${s}` }, s);
const money = (amount, currency) =>
  `${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency ?? ''}`.trim();

// The events a finding cites: the first five, then how many more (a share of calls cites hundreds).
function eventsOf(item) {
  const events = item.events ?? [];
  const shown = events.slice(0, 5).map((e) => `${e.type}${e.id ? ` ${e.id}` : ''} (${e.file}:${e.line})`).join(', ');
  return events.length > 5 ? `${shown} and ${events.length - 5} more` : shown;
}

function itemTable(items, kind, onJump) {
  return h('table', { class: kind },
    h('thead', {}, h('tr', {},
      h('th', {}, 'Term'), h('th', {}, 'Rule'), h('th', {}, kind === 'pending' ? 'Due' : 'Reason'), h('th', {}, 'Responsible'),
      h('th', {}, 'When'), h('th', {}, 'What happened'))),
    h('tbody', {}, items.map((f) =>
      h('tr', { class: 'jump', 'data-id': f.id, title: `${f.rule_text}\nid ${f.id}`, onclick: () => onJump(f.location) },
        h('td', {}, f.block, f.clause ? ` (${f.clause})` : '', severity(f.severity)),
        h('td', { class: 'num' }, f.rule),
        h('td', {}, kind === 'pending' ? time(f.measured?.deadline) : f.reason),
        h('td', {}, (f.responsible ?? []).join(', ') || 'unassigned'),
        h('td', {}, time(f.at ?? f.window?.start)),
        h('td', {}, f.message, h('div', { class: 'events' }, eventsOf(f)))))));
}

export function renderResults(container, report, onJump) {
  const s = report.summary ?? {};
  const parts = [];
  parts.push(h('p', { class: 'summary' },
    h('strong', { id: 'findings-count' }, `${s.findings ?? 0} ${s.findings === 1 ? 'finding' : 'findings'}`), ', ',
    h('strong', { id: 'pending-count' }, `${s.pending ?? 0} pending`), `, ${s.tolerated ?? 0} tolerated`,
    ` — ${s.events ?? 0} events (${s.ignored_events ?? 0} ignored), ${s.rules ?? 0} rules`,
    report.judged ? `, judged from ${when(report.judged.from)} to ${when(report.judged.to)}` : '',
    report.as_of ? ` (as of ${when(report.as_of)})` : ''));

  // Scorecard: findings per responsible party, the rules binding each, what each owes.
  const byParty = s.by_party ?? {};
  const obligations = report.obligations ?? {};
  const credits = report.credits;
  const parties = [...new Set([...Object.keys(obligations).filter((p) => p !== 'depends on events'), ...Object.keys(byParty)])];
  if (parties.length) {
    parts.push(h('h3', {}, 'Scorecard'));
    parts.push(h('table', { id: 'scorecard' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Party'), h('th', { class: 'num' }, 'Findings'),
        h('th', { class: 'num' }, 'Rules binding it'), credits ? h('th', { class: 'num' }, 'Credits owed') : null)),
      h('tbody', {}, parties.map((p) => h('tr', {},
        h('td', {}, p), h('td', { class: 'num' }, byParty[p] ?? 0), h('td', { class: 'num' }, obligations[p] ?? ''),
        credits ? h('td', { class: 'num' }, credits.by_party?.[p] ? money(credits.by_party[p].owed, credits.currency) : '') : null)))));
  }

  parts.push(h('h3', {}, `Findings (${(report.findings ?? []).length})`));
  parts.push((report.findings ?? []).length ? itemTable(report.findings, 'findings', onJump) : h('p', {}, 'No term was broken.'));

  parts.push(h('h3', {}, `Pending obligations (${(report.pending ?? []).length})`));
  parts.push((report.pending ?? []).length ? itemTable(report.pending, 'pending', onJump)
                                           : h('p', {}, 'Nothing is awaiting an answer.'));

  if (credits) {
    parts.push(h('h3', {}, `Service credits (${credits.currency})`));
    parts.push(h('table', { id: 'credits' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Party'), h('th', {}, 'Period'), h('th', { class: 'num' }, 'Accrued'),
        h('th', { class: 'num' }, 'Over the cap'), h('th', { class: 'num' }, 'Owed'))),
      h('tbody', {},
        (credits.by_period ?? []).map((c) => h('tr', {}, h('td', {}, c.party), h('td', {}, time(c.start), ' – ', time(c.end)),
          h('td', { class: 'num' }, money(c.accrued)), h('td', { class: 'num' }, money(c.capped)), h('td', { class: 'num' }, money(c.owed)))),
        Object.entries(credits.by_party ?? {}).map(([p, c]) => h('tr', {}, h('th', {}, p), h('th', {}, 'total'),
          h('th', { class: 'num' }, money(c.accrued)), h('th', { class: 'num' }, money(c.capped)),
          h('th', { class: 'num' }, money(c.owed, credits.currency)))))));
  }

  if ((report.lint ?? []).length) {
    parts.push(h('h3', {}, `Advice on the agreement (${report.lint.length})`));
    parts.push(h('ul', {}, report.lint.map((l) =>
      h('li', { class: 'jump', onclick: () => onJump(l.location) }, severity(l.severity), ` ${l.message}`,
        l.suggestion ? h('div', { class: 'events' }, l.suggestion) : null))));
  }
  container.replaceChildren(...parts);
}
