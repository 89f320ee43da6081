// The value tables of the charts (the text alternative of each chart) and the score
// tables of the result. Every word in them comes from the instrument's `words`; every
// score, band and count comes from the report.

import { h } from '../dom.js';
import { t, tx } from '../i18n.js';

/** A cell for a score: "3,67", or "— geen score" (in words, never a 0). */
export function scoreCell(value, words) {
  const text = words.score(value);
  if (text == null) return h('td', { class: 'num missing' }, h('span', { 'aria-hidden': 'true' }, '— '), words.word('score.missing'));
  return h('td', { class: 'num' }, text);
}

/** A cell for a band: a coloured mark of its own shape plus the word, so colour is never the only cue. */
export function bandCell(band, words) {
  if (!band) return h('td', { class: 'band' }, h('span', { 'aria-hidden': 'true' }, '—'));
  return h('td', { class: 'band' }, h('span', { class: `badge badge-${band}` }, words.band(band)));
}

/**
 * A table with a caption and column heads (the first column holds row heads; a null
 * head is an empty corner; a head {text, class} gets a class, such as `wide-only`).
 */
export function valuesTable(caption, heads, rows, extraClass) {
  const head = (item, i) => {
    if (item == null) return h('td', {});
    const text = typeof item === 'object' && !(item instanceof Node) ? item.text : item;
    const cls = [i > 0 ? 'num' : null, typeof item === 'object' && !(item instanceof Node) ? item.class : null].filter(Boolean).join(' ');
    return h('th', { scope: 'col', class: cls || null }, text);
  };
  return h(
    'table',
    { class: `values ${extraClass ?? ''}`.trim() },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, heads.map(head))),
    h('tbody', {}, rows),
  );
}

/**
 * Rows of scored entries: label, score, band and (for concepts) importance. On a
 * narrow screen the importance moves under the label, so the table fits in 320 px.
 */
export function scoreRows(entries, stats, words, { importance = false } = {}) {
  return entries.map(({ id, label }) => {
    const s = stats?.[id];
    let rowHead = label;
    let importanceCell = null;
    if (importance) {
      importanceCell = scoreCell(s?.importance, words);
      importanceCell.classList.add('wide-only');
      rowHead = [label, h('span', { class: 'narrow-only cell-extra' }, `${words.word('col.importance')}: ${words.score(s?.importance) ?? words.word('score.missing')}`)];
    }
    return h('tr', { dataset: { id } }, h('th', { scope: 'row' }, rowHead), scoreCell(s?.mean, words), bandCell(s?.band, words), importanceCell);
  });
}

/** The concepts table: the chart's title as caption, importance beside each score. */
export function conceptsTable(report, { instrument, lang, words }, caption = words.word('chart.concepts')) {
  return valuesTable(
    caption,
    [words.word('col.concept'), words.word('col.mean'), words.word('col.band'), { text: words.word('col.importance'), class: 'wide-only' }],
    scoreRows(instrument.concepts.map((c) => ({ id: c.id, label: tx(c.label, lang) })), report.concepts, words, { importance: true }),
  );
}

/** The core questions table (opgave, organisatie, relaties). */
export function modulesTable(report, { instrument, lang, words }, caption = words.word('chart.modules')) {
  const scored = instrument.modules.filter((m) => report.modules && m.id in report.modules);
  return valuesTable(
    caption,
    [words.word('col.module'), words.word('col.mean'), words.word('col.band')],
    scoreRows(scored.map((m) => ({ id: m.id, label: tx(m.label, lang) })), report.modules, words),
  );
}

function influenceTable(report, { instrument, lang, words }) {
  return valuesTable(
    words.word('chart.influence'),
    [words.word('col.source'), words.word('col.mean')],
    instrument.interests.influence.sources.map((s) =>
      h('tr', { dataset: { id: s.id } }, h('th', { scope: 'row' }, tx(s.label, lang)), scoreCell(report.influence?.[s.id]?.mean, words)),
    ),
  );
}

function ladderTable(report, { instrument, lang, words }) {
  const one = report.respondents <= 1;
  const mark = (count) =>
    count > 0
      ? h('td', { class: 'num' }, h('span', { 'aria-hidden': 'true' }, one ? '●' : String(count)), one ? h('span', { class: 'sr-only' }, t(lang, 'chosen')) : null)
      : h('td', { class: 'num muted' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'sr-only' }, t(lang, 'notChosen')));
  const rows = instrument.ladder.rungs.map((rung, index) =>
    h(
      'tr',
      { dataset: { id: rung.id } },
      h('th', { scope: 'row' }, `${index + 1}. ${tx(rung.label, lang)}`),
      mark(report.ladder?.current?.[rung.id] ?? 0),
      mark(report.ladder?.desired?.[rung.id] ?? 0),
    ),
  );
  const [unknownNow, unknownDesired] = report.ladder?.unknown ?? [0, 0];
  if (unknownNow > 0 || unknownDesired > 0) {
    rows.push(h('tr', { dataset: { id: 'unknown' } }, h('th', { scope: 'row' }, tx(instrument.scales?.eens?.unknown, lang)), mark(unknownNow), mark(unknownDesired)));
  }
  return valuesTable(words.word('chart.ladder'), [words.word('col.rung'), words.word('legend.current'), words.word('legend.desired')], rows);
}

/** The value table of the chart `key`. */
export function chartTable(key, report, view) {
  switch (key) {
    case 'concepts':
      return conceptsTable(report, view);
    case 'modules':
      return modulesTable(report, view);
    case 'influence':
      return influenceTable(report, view);
    case 'ladder':
      return ladderTable(report, view);
    default:
      return null;
  }
}
