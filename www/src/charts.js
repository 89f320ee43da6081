// The four live charts and their text alternatives. The wasm module draws on the canvas's
// own pixel size, so this module keeps each canvas's backing store at CSS size times
// devicePixelRatio and redraws when either changes. All four charts and their tables
// come from one report object, passed to `update`.

import { h, replaceChildren } from './dom.js';
import { t, tx, formatScore } from './i18n.js';

const CHARTS = [
  { key: 'concepts', draw: 'drawConcepts', title: 'chartConcepts', shape: 'square' },
  { key: 'modules', draw: 'drawModules', title: 'chartModules', shape: 'square' },
  { key: 'ladder', draw: 'drawLadder', title: 'chartLadder', shape: 'wide' },
  { key: 'influence', draw: 'drawInfluence', title: 'chartInfluence', shape: 'square' },
];

/** A table cell for a score: "3,67", or "—" with "geen score" for screen readers and sighted users alike. */
function scoreCell(value, lang) {
  const text = formatScore(value, lang);
  if (text == null) {
    return h('td', { class: 'num missing' }, h('span', { 'aria-hidden': 'true' }, '— '), t(lang, 'noScore'));
  }
  return h('td', { class: 'num' }, text);
}

/** A table cell for a band: a coloured mark plus the word, so colour is never the only cue. */
export function bandCell(band, lang) {
  if (!band) return h('td', { class: 'band' }, h('span', { 'aria-hidden': 'true' }, '—'));
  return h('td', { class: 'band' }, h('span', { class: `badge badge-${band}` }, t(lang, `band_${band}`)));
}

function table(caption, headers, rows) {
  return h(
    'table',
    { class: 'values' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((text, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null }, text)))),
    h('tbody', {}, rows),
  );
}

/** The rows of a scored table (concepts, modules): label, score, band. */
function statRows(entries, stats, lang, withBand) {
  return entries.map(({ id, label }) => {
    const s = stats?.[id];
    return h(
      'tr',
      { dataset: { id } },
      h('th', { scope: 'row' }, label),
      scoreCell(s?.mean, lang),
      withBand ? bandCell(s?.band, lang) : null,
    );
  });
}

function tableFor(key, report, instrument, lang) {
  const caption = t(lang, CHARTS.find((c) => c.key === key).title);
  switch (key) {
    case 'concepts':
      return table(
        caption,
        [t(lang, 'colConcept'), t(lang, 'colScore'), t(lang, 'colBand')],
        statRows(instrument.concepts.map((c) => ({ id: c.id, label: tx(c.label, lang) })), report.concepts, lang, true),
      );
    case 'modules': {
      const scored = instrument.modules.filter((m) => report.modules && m.id in report.modules);
      return table(
        caption,
        [t(lang, 'colModule'), t(lang, 'colScore'), t(lang, 'colBand')],
        statRows(scored.map((m) => ({ id: m.id, label: tx(m.label, lang) })), report.modules, lang, true),
      );
    }
    case 'influence':
      return table(
        caption,
        [t(lang, 'colSource'), t(lang, 'colScore')],
        statRows(instrument.interests.influence.sources.map((s) => ({ id: s.id, label: tx(s.label, lang) })), report.influence, lang, false),
      );
    case 'ladder': {
      const mark = (count) =>
        count > 0
          ? h('td', { class: 'num' }, h('span', { 'aria-hidden': 'true' }, report.respondents > 1 ? String(count) : '●'), h('span', { class: 'sr-only' }, report.respondents > 1 ? '' : t(lang, 'chosen')))
          : h('td', { class: 'num muted' }, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'sr-only' }, t(lang, 'notChosen')));
      return table(
        caption,
        [t(lang, 'colRung'), t(lang, 'ladderCurrent'), t(lang, 'ladderDesired')],
        instrument.ladder.rungs.map((rung, index) =>
          h(
            'tr',
            { dataset: { id: rung.id } },
            h('th', { scope: 'row' }, `${index + 1}. ${tx(rung.label, lang)}`),
            mark(report.ladder?.current?.[rung.id] ?? 0),
            mark(report.ladder?.desired?.[rung.id] ?? 0),
          ),
        ),
      );
    }
    default:
      return null;
  }
}

/**
 * Builds the chart panel into `container`. `onError(error)` receives drawing errors.
 * Returns {render(lang), update(report, handle, lang)}: `report` is the plain report for
 * the tables, `handle` the wasm Report the charts draw from (this module frees the
 * previous one when a new one arrives).
 */
export function createCharts(container, scan, instrument, onError) {
  const figures = new Map();
  let lastReport = null;
  let lastHandle = null;
  let lang = 'nl';
  let firstMarked = false;

  function size(canvas) {
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const height = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      return true;
    }
    return false;
  }

  function draw(chart) {
    const figure = figures.get(chart.key);
    if (!figure || !lastHandle) return;
    const { canvas } = figure;
    // A canvas inside a hidden panel has no size; it is drawn when it gets one.
    if (canvas.clientWidth === 0 || canvas.clientHeight === 0) return;
    size(canvas);
    try {
      scan[chart.draw](canvas, lastHandle, lang);
    } catch (error) {
      onError(error);
      return;
    }
    if (chart.key === 'concepts') {
      if (!firstMarked) {
        firstMarked = true;
        performance.mark('netwerkscan:first-chart');
      }
      // Only the latest redraw is kept, so a long session does not fill the buffer.
      performance.clearMarks('netwerkscan:redraw');
      performance.mark('netwerkscan:redraw');
    }
  }

  const resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const chart = CHARTS.find((c) => figures.get(c.key)?.canvas === entry.target);
      if (chart && size(entry.target)) draw(chart);
    }
  });

  // A change of devicePixelRatio (zoom, moving the window to another screen) does not
  // resize the CSS box, so it is watched separately; the query is renewed each time.
  function watchPixelRatio() {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener(
      'change',
      () => {
        for (const chart of CHARTS) draw(chart);
        watchPixelRatio();
      },
      { once: true },
    );
  }
  watchPixelRatio();

  function render(newLang) {
    lang = newLang;
    resizeObserver.disconnect();
    figures.clear();
    const nodes = CHARTS.map((chart) => {
      const captionId = `chart-${chart.key}-title`;
      const canvas = h('canvas', { class: `chart chart-${chart.shape}`, id: `chart-${chart.key}`, role: 'img', 'aria-labelledby': captionId, 'aria-describedby': `chart-${chart.key}-table` });
      const tableHolder = h('div', { id: `chart-${chart.key}-table`, class: 'table-holder' });
      const figure = h(
        'figure',
        { class: `chart-figure chart-figure-${chart.key}` },
        h('figcaption', { id: captionId }, t(lang, chart.title)),
        canvas,
        h('details', { class: 'chart-table' }, h('summary', {}, t(lang, 'showTable')), tableHolder),
      );
      figures.set(chart.key, { canvas, tableHolder });
      resizeObserver.observe(canvas);
      return figure;
    });
    replaceChildren(
      container,
      h('h2', { id: 'charts-title' }, t(lang, 'chartsTitle')),
      h('p', { class: 'hint' }, t(lang, 'chartsHelp')),
      h('div', { class: 'chart-grid' }, nodes),
    );
    if (lastReport) update(lastReport, lastHandle, lang);
  }

  function update(report, handle, newLang) {
    if (lastHandle && lastHandle !== handle) lastHandle.free();
    lastReport = report;
    lastHandle = handle;
    lang = newLang;
    for (const chart of CHARTS) {
      const figure = figures.get(chart.key);
      if (!figure) continue;
      replaceChildren(figure.tableHolder, tableFor(chart.key, report, instrument, lang));
      draw(chart);
    }
  }

  /**
   * Brings the chart that belongs to the current step into view inside the side panel
   * (only where the panel scrolls on its own, i.e. on wide screens).
   */
  function reveal(key) {
    if (container.scrollHeight <= container.clientHeight + 1) return;
    const figure = key ? container.querySelector(`.chart-figure-${key}`) : null;
    container.scrollTop = figure ? figure.offsetTop - 8 : 0;
  }

  return { render, update, reveal };
}
