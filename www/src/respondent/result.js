// The result step: everything read from the report of this one respondent, never
// recomputed here. The scores of the core questions and the concepts with their band
// and (for concepts) importance, trust against its foundation, the respondent's own
// rungs on the ladder, the advice in the report's order (three, then the rest), and the
// comments the respondent wrote. Every word of the report comes from the instrument.

import { h } from '../dom.js';
import { t, tx } from '../i18n.js';
import { conceptsTable, modulesTable, valuesTable, scoreCell, bandCell } from './tables.js';

function block(id, title, ...content) {
  return h('section', { class: 'result-block', 'aria-labelledby': `result-${id}` }, h('h3', { id: `result-${id}` }, title), content);
}

function trustBlock(report, { instrument, lang, words }) {
  const trust = report.trust ?? {};
  const concept = report.concepts?.vertrouwen;
  const label = tx(instrument.concepts.find((c) => c.id === 'vertrouwen')?.label, lang) || t(lang, 'trustScore');
  const flag = trust.flag ? `trust.${trust.flag}` : trust.gap == null ? 'trust.unknown' : 'trust.none';
  return block(
    'trust',
    words.word('section.trust'),
    valuesTable(
      h('span', { class: 'sr-only' }, words.word('section.trust')),
      [null, words.word('col.mean'), words.word('col.band')],
      [
        h('tr', { dataset: { id: 'vertrouwen' } }, h('th', { scope: 'row' }, label), scoreCell(concept?.mean, words), bandCell(concept?.band, words)),
        h('tr', { dataset: { id: 'foundation' } }, h('th', { scope: 'row' }, words.word('trust.foundation')), scoreCell(trust.foundation, words), bandCell(trust.foundation_band, words)),
        h(
          'tr',
          { dataset: { id: 'gap' } },
          h('th', { scope: 'row' }, words.word('trust.gap')),
          trust.gap == null ? scoreCell(null, words) : h('td', { class: 'num' }, words.signed(trust.gap)),
          h('td', {}),
        ),
      ],
      'trust-table',
    ),
    h('p', { class: `trust-flag trust-${trust.flag ?? 'none'}`, dataset: { flag: trust.flag ?? (trust.gap == null ? 'unknown' : 'none') } }, words.word(flag)),
  );
}

/** The respondent's own rung on one side of the ladder, read from the report's counts. */
function ownRung(report, which, { instrument, lang }) {
  const counts = report.ladder?.[which] ?? {};
  const index = instrument.ladder.rungs.findIndex((rung) => (counts[rung.id] ?? 0) > 0);
  if (index >= 0) return t(lang, 'ladderRung', { n: index + 1, rung: tx(instrument.ladder.rungs[index].label, lang) });
  const unknown = report.ladder?.unknown?.[which === 'current' ? 0 : 1] ?? 0;
  return unknown > 0 ? tx(instrument.scales?.eens?.unknown, lang) : t(lang, 'notAnswered');
}

function ladderBlock(report, view) {
  const { words } = view;
  const gap = report.ladder?.mean_gap;
  const flags = report.ladder?.flags ?? [];
  return block(
    'ladder',
    words.word('section.ladder'),
    h(
      'dl',
      { class: 'ladder-own' },
      h('div', {}, h('dt', {}, words.word('legend.current')), h('dd', { dataset: { id: 'current' } }, ownRung(report, 'current', view))),
      h('div', {}, h('dt', {}, words.word('legend.desired')), h('dd', { dataset: { id: 'desired' } }, ownRung(report, 'desired', view))),
      gap == null ? null : h('div', {}, h('dt', {}, words.word('ladder.mean_gap')), h('dd', { dataset: { id: 'gap' } }, words.signed(gap))),
    ),
    flags.length > 0 ? h('ul', { class: 'ladder-flags' }, flags.map((flag) => h('li', { dataset: { flag } }, words.word(`ladder.${flag}`)))) : null,
  );
}

function adviceCard(advice, { lang, words }) {
  const lowest = advice.lowest;
  return h(
    'article',
    { class: `advice advice-${advice.band ?? 'none'}`, dataset: { id: advice.id } },
    h('h4', {}, tx(advice.title, lang)),
    advice.finding ? h('p', { class: 'advice-finding' }, tx(advice.finding, lang)) : null,
    h('p', { class: 'advice-text' }, tx(advice.text, lang)),
    lowest
      ? h(
          'p',
          { class: 'advice-lowest', dataset: { item: lowest.id } },
          `${words.word('advice.lowest')}: `,
          h('q', {}, tx(lowest.text, lang)),
          lowest.mean == null ? null : ` (${words.score(lowest.mean)})`,
        )
      : null,
  );
}

function adviceBlock(report, view) {
  const { lang, words } = view;
  const all = Array.isArray(report.advice) ? report.advice : [];
  const rest = all.slice(3);
  return block(
    'advice',
    words.word('section.advice'),
    all.length === 0 ? h('p', {}, words.word('advice.none')) : h('div', { class: 'advice-list' }, all.slice(0, 3).map((a) => adviceCard(a, view))),
    rest.length > 0 ? h('details', { class: 'more-advice' }, h('summary', {}, t(lang, 'adviceMore', { n: rest.length })), h('div', { class: 'advice-list' }, rest.map((a) => adviceCard(a, view)))) : null,
  );
}

/** What a comment's key names: a concept, a module, or an open question. */
function commentSubject(key, { instrument, lang }) {
  const concept = instrument.concepts.find((c) => c.id === key);
  if (concept) return tx(concept.label, lang);
  const module = instrument.modules.find((m) => m.id === key);
  if (module) return tx(module.label, lang);
  const item = instrument.items.find((i) => i.id === key);
  if (item) return tx(item.text, lang);
  return key;
}

/** The order the questions were asked in: per module its open questions and its own
 * comment, the concepts within relaties, and last the open questions of no module. */
function askedOrder(instrument) {
  const order = [];
  const openOf = (module) => instrument.items.filter((i) => i.type === 'open' && (i.module ?? null) === module).map((i) => i.id);
  for (const module of instrument.modules) {
    if (module.id === 'relaties') order.push(...instrument.concepts.map((c) => c.id));
    order.push(...openOf(module.id), module.id);
  }
  order.push(...openOf(null));
  return order;
}

function commentsBlock(report, view) {
  const { lang, words } = view;
  const order = askedOrder(view.instrument);
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  const entries = Object.entries(report.comments ?? {})
    .filter(([, c]) => Array.isArray(c?.texts) && c.texts.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b));
  return block(
    'comments',
    words.word('section.comments'),
    entries.length === 0
      ? h('p', { class: 'muted' }, t(lang, 'commentsNone'))
      : h(
          'dl',
          { class: 'comment-list' },
          entries.map(([key, c]) => [h('dt', { dataset: { id: key } }, commentSubject(key, view)), c.texts.map((text) => h('dd', { dataset: { id: key } }, text))]),
        ),
  );
}

/**
 * Whose result this is and when, for the printout only (the screen shows it in the
 * form): the alias and organisation, as text.
 */
function printMeta({ lang, response }) {
  const who = [response?.respondent?.alias, response?.respondent?.organisation].map((s) => String(s ?? '').trim()).filter(Boolean).join(', ');
  const date = new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
  return h('p', { class: 'print-meta' }, who ? t(lang, 'printMeta', { who, date }) : t(lang, 'printMetaNoName', { date }));
}

/** The result's content for `report`. */
export function renderResult(report, view) {
  const { lang, words } = view;
  return h(
    'div',
    { class: 'result', part: 'result' },
    printMeta(view),
    h('p', { class: 'intro' }, t(lang, 'resultIntro')),
    h(
      'div',
      { class: 'result-tables' },
      h('div', { class: 'table-holder' }, modulesTable(report, view, words.word('section.modules'))),
      h('div', { class: 'table-holder' }, conceptsTable(report, view, words.word('section.concepts'))),
    ),
    trustBlock(report, view),
    ladderBlock(report, view),
    adviceBlock(report, view),
    commentsBlock(report, view),
  );
}
