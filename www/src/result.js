// The result step: scores with their band in words, trust against its foundation, the
// ladder gap and the advice, all from the report of this one respondent. Coverage of
// roles says nothing for a single respondent and is left out here.

import { h, replaceChildren } from './dom.js';
import { t, tx, formatScore, formatSigned } from './i18n.js';
import { bandCell } from './charts.js';

function scoreTable(caption, headerKey, entries, stats, lang) {
  return h(
    'table',
    { class: 'values result-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t(lang, headerKey)), h('th', { scope: 'col', class: 'num' }, t(lang, 'colScore')), h('th', { scope: 'col' }, t(lang, 'colBand')))),
    h(
      'tbody',
      {},
      entries.map(({ id, label }) => {
        const s = stats?.[id];
        const score = formatScore(s?.mean, lang);
        return h(
          'tr',
          { dataset: { id } },
          h('th', { scope: 'row' }, label),
          score == null
            ? h('td', { class: 'num missing' }, h('span', { 'aria-hidden': 'true' }, '— '), t(lang, 'noScore'))
            : h('td', { class: 'num' }, score),
          bandCell(s?.band, lang),
        );
      }),
    ),
  );
}

function trustSection(report, lang) {
  const trust = report.concepts?.vertrouwen?.mean;
  const { foundation, gap, flag } = report.trust ?? {};
  const paragraphs = [];
  if (trust == null || foundation == null || gap == null) {
    paragraphs.push(t(lang, 'trustMissing'));
  } else {
    paragraphs.push(t(lang, 'trustNumbers', { trust: formatScore(trust, lang), foundation: formatScore(foundation, lang), gap: formatSigned(gap, lang) }));
    paragraphs.push(t(lang, flag === 'voor' || flag === 'achter' ? `trust_${flag}` : 'trust_none'));
  }
  return h('section', { class: 'result-block', 'aria-labelledby': 'result-trust' }, h('h3', { id: 'result-trust' }, t(lang, 'trustTitle')), paragraphs.map((p) => h('p', {}, p)));
}

function ladderSection(response, instrument, lang) {
  const rungs = instrument.ladder.rungs;
  const indexOf = (id) => rungs.findIndex((r) => r.id === id);
  const current = indexOf(response.ladder?.current);
  const desired = indexOf(response.ladder?.desired);
  const label = (i) => tx(rungs[i].label, lang);
  let text;
  if (current < 0 && desired < 0) text = t(lang, 'ladderMissing');
  else if (desired < 0) text = t(lang, 'ladderOnlyCurrent', { n: current + 1, rung: label(current) });
  else if (current < 0) text = t(lang, 'ladderOnlyDesired', { n: desired + 1, rung: label(desired) });
  else if (current === desired) text = t(lang, 'ladderSame', { n: current + 1, rung: label(current) });
  else {
    const k = Math.abs(desired - current);
    const steps = k === 1 ? t(lang, 'rungsOne') : t(lang, 'rungsMany', { k });
    text = t(lang, desired < current ? 'ladderLower' : 'ladderHigher', { n: current + 1, rung: label(current), m: desired + 1, rung2: label(desired), k: steps });
  }
  return h('section', { class: 'result-block', 'aria-labelledby': 'result-ladder' }, h('h3', { id: 'result-ladder' }, t(lang, 'ladderTitle')), h('p', {}, text));
}

function adviceItem(advice, lang) {
  return h('article', { class: 'advice', dataset: { id: advice.id } }, h('h4', {}, tx(advice.title, lang)), h('p', {}, tx(advice.text, lang)));
}

function adviceSection(report, lang) {
  const all = Array.isArray(report.advice) ? report.advice : [];
  const top = all.slice(0, 3);
  const rest = all.slice(3);
  return h(
    'section',
    { class: 'result-block', 'aria-labelledby': 'result-advice' },
    h('h3', { id: 'result-advice' }, t(lang, 'adviceTitle')),
    top.length === 0 ? h('p', {}, t(lang, 'adviceNone')) : h('div', { class: 'advice-list' }, top.map((a) => adviceItem(a, lang))),
    rest.length > 0 ? h('details', { class: 'more-advice' }, h('summary', {}, t(lang, 'adviceMore', { n: rest.length })), h('div', { class: 'advice-list' }, rest.map((a) => adviceItem(a, lang)))) : null,
  );
}

/** Fills `container` with the result of `report` for `response`. */
export function renderResult(container, { report, response, instrument, lang }) {
  const scored = instrument.modules.filter((m) => report.modules && m.id in report.modules);
  replaceChildren(
    container,
    h('p', { class: 'intro' }, t(lang, 'resultIntro')),
    h(
      'div',
      { class: 'result-tables' },
      scoreTable(t(lang, 'resultModules'), 'colModule', scored.map((m) => ({ id: m.id, label: tx(m.label, lang) })), report.modules, lang),
      scoreTable(t(lang, 'resultConcepts'), 'colConcept', instrument.concepts.map((c) => ({ id: c.id, label: tx(c.label, lang) })), report.concepts, lang),
    ),
    trustSection(report, lang),
    ladderSection(response, instrument, lang),
    adviceSection(report, lang),
  );
}
