// The group's charts: the radars of the six concepts and the three modules (mean,
// min-max band, divergence marks, and what the facilitator lays over them: respondents'
// own lines, two groups of a split, the baseline), the ladder and the influence radar.
// The core draws them all (plotters-canvas); this module sizes the canvases for
// devicePixelRatio, redraws them, and keeps the respondents' legend.

import { sizeCanvas } from '../first-chart.js';
import { h, replaceChildren } from '../dom.js';
import { w } from './words.js';

/**
 * The charts, in the order the page shows them. `chart`: the core's name of the drawing
 * (for `scan.svg`); `view`: the ladder's view (everyone, the government's own, the other
 * partners'); `shown(report)`: whether the page shows the chart for this report (a view
 * of the ladder only where both sides answered); `slide: false`: not in the
 * presentation.
 */
export const CHARTS = [
  { key: 'concepts', chart: 'concepts', draw: 'drawConcepts', title: 'chart.concepts', table: 'table-concepts', overlays: true },
  { key: 'modules', chart: 'modules', draw: 'drawModules', title: 'chart.modules', table: 'table-modules', overlays: true },
  { key: 'ladder', chart: 'ladder', draw: 'drawLadder', view: 'all', title: 'chart.ladder', table: 'table-ladder', overlays: false },
  { key: 'influence', chart: 'influence', draw: 'drawInfluence', title: 'chart.influence', table: 'table-influence', overlays: false },
  ...['government', 'partners'].map((view) => ({
    key: `ladder-${view}`,
    chart: 'ladder',
    draw: 'drawLadder',
    view,
    title: 'chart.ladder',
    part: `ladder.${view}`,
    table: 'table-ladder',
    overlays: false,
    slide: false,
    shown: (report) => (report?.ladder?.government?.n ?? 0) > 0 && (report?.ladder?.partners?.n ?? 0) > 0,
  })),
];

/** The chart's title, as the core draws it ("Participatieladder: overheid zelf"). */
export function chartTitle(def, L, lang) {
  const title = L.say(def.title, lang);
  return def.part ? `${title}: ${L.say(def.part, lang)}` : title;
}

/** The Okabe-Ito palette the core gives respondents' lines, in its order (core/src/chart.rs PALETTE). */
export const PALETTE = ['#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

/** Draws chart `def` of report handle `handle` on `canvas`, at its own pixel size. */
export function drawChart(scan, canvas, def, handle, lang, options) {
  if (def.overlays) scan[def.draw](canvas, handle, lang, options);
  else if (def.view) scan[def.draw](canvas, handle, lang, def.view);
  else scan[def.draw](canvas, handle, lang);
}

/** The chart as a figure: canvas, its text alternative and its download buttons. */
export function chartFigure(def, L, lang, { onDownload }) {
  const title = chartTitle(def, L, lang);
  const captionId = `gchart-${def.key}-title`;
  const noteId = `gchart-${def.key}-note`;
  const canvas = h('canvas', {
    class: 'chart group-chart',
    role: 'img',
    'aria-labelledby': captionId,
    'aria-describedby': noteId,
    dataset: { chart: def.key },
  });
  const print = h('img', { class: 'print-chart', alt: title, dataset: { chart: def.key } });
  const button = (kind) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button button-quiet button-small',
        dataset: { download: kind, chart: def.key },
        'aria-label': w(lang, 'downloadLabel', { chart: title, kind: kind.toUpperCase() }),
      },
      w(lang, kind === 'png' ? 'downloadPng' : 'downloadSvg'),
    );
  const actions = h('div', { class: 'chart-actions' }, button('png'), button('svg'));
  actions.addEventListener('click', (event) => {
    const target = event.target.closest('button[data-download]');
    if (target) onDownload(def, target.dataset.download);
  });
  const figure = h(
    'figure',
    { class: `chart-card chart-card-${def.key}`, dataset: { chart: def.key } },
    h('figcaption', { id: captionId, class: 'sr-only' }, title),
    canvas,
    print,
    h('p', { id: noteId, class: 'sr-only' }, w(lang, 'chartAlt', { table: tableCaption(def, L, lang) })),
    actions,
  );
  return { figure, canvas, print };
}

/** The caption of the table that is a chart's text alternative (the ladder's views share one). */
export function tableCaption(def, L, lang) {
  return L.say(def.title, lang);
}

/** Sizes and draws a canvas; returns the milliseconds it took. */
export function paint(scan, canvas, def, handle, lang, options) {
  const start = performance.now();
  if (canvas.clientWidth === 0) return 0;
  sizeCanvas(canvas);
  drawChart(scan, canvas, def, handle, lang, options);
  return performance.now() - start;
}

/**
 * The respondents' legend: one toggle per respondent, coloured as its line. With many
 * respondents a search field narrows the list, so the page never builds thousands of
 * buttons. `state` = {labels: [string], shown: Set<index>}; `onToggle(index)`,
 * `onClear()`.
 */
export function respondentLegend(container, { lang, labels, shown, hidden, onToggle, onClear }) {
  const MAX = 60;
  if (hidden) {
    replaceChildren(container, h('p', { class: 'hint' }, w(lang, 'individualsHidden')));
    return { update() {} };
  }
  const list = h('ul', { class: 'legend-list', role: 'list' });
  const cut = h('p', { class: 'hint legend-cut', 'aria-live': 'polite' });
  let filter = '';
  const search =
    labels.length > MAX
      ? h('input', { type: 'search', class: 'legend-search', 'aria-label': w(lang, 'legendFilter'), placeholder: w(lang, 'legendFilter') })
      : null;

  function colourOf(index) {
    // The core colours the lines in the order of the list it is given, which is
    // ascending by respondent; the legend follows the same order.
    const order = [...shown].sort((a, b) => a - b);
    const position = order.indexOf(index);
    return position < 0 ? null : PALETTE[position % PALETTE.length];
  }

  function build() {
    const needle = filter.trim().toLowerCase();
    const matches = [];
    for (let i = 0; i < labels.length && matches.length < MAX; i += 1) {
      if (!needle || labels[i].toLowerCase().includes(needle) || shown.has(i)) matches.push(i);
    }
    const items = matches.map((i) => {
      const colour = colourOf(i);
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      if (colour) swatch.style.setProperty('--swatch', colour);
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'legend-toggle', 'aria-pressed': String(shown.has(i)), dataset: { index: String(i) } },
          swatch,
          labels[i],
        ),
      );
    });
    replaceChildren(list, items);
    cut.textContent = labels.length > matches.length ? w(lang, 'legendCut', { shown: matches.length, n: labels.length }) : '';
  }

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-index]');
    if (!button) return;
    onToggle(Number(button.dataset.index));
  });
  search?.addEventListener('input', () => {
    filter = search.value;
    build();
  });
  const clear = h('button', { type: 'button', class: 'button button-quiet button-small', dataset: { action: 'legend-clear' } }, w(lang, 'legendAll'));
  clear.addEventListener('click', onClear);
  replaceChildren(
    container,
    h('h3', { id: 'legend-title' }, w(lang, 'legendTitle')),
    h('p', { class: 'hint' }, w(lang, 'legendHelp')),
    search,
    h('div', { class: 'legend-body', role: 'group', 'aria-labelledby': 'legend-title' }, list),
    cut,
    clear,
  );
  build();
  return {
    /** Refreshes pressed states and colours in place (no rebuild of the list). */
    update() {
      for (const button of list.querySelectorAll('button[data-index]')) {
        const i = Number(button.dataset.index);
        button.setAttribute('aria-pressed', String(shown.has(i)));
        const swatch = button.querySelector('.swatch');
        const colour = colourOf(i);
        if (colour) swatch.style.setProperty('--swatch', colour);
        else swatch.style.removeProperty('--swatch');
      }
    },
  };
}
