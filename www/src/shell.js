// The element's frame, drawn at once when it connects: header, messages, steps, the
// main area and the chart panel with the concepts radar's canvas. Everything has its
// final place and size before any answer, form or chart arrives, so nothing moves
// when they do (cumulative layout shift stays near 0).

import { h } from './dom.js';
import { t } from './i18n.js';

/** The respondent's frame. Returns the parts the app fills in. */
export function respondentShell(root, { lang, opening }) {
  const title = h('h1', { class: 'title' }, t(lang, 'title'));
  const subtitle = h('p', { class: 'subtitle' }, t(lang, 'subtitle'));
  const langToggle = langButtons(lang);
  // The file actions have their place from the first paint; the app enables them.
  const fileActions = h(
    'div',
    { class: 'file-actions' },
    ['save', 'open', 'restart'].map((key) =>
      h(
        'button',
        { type: 'button', class: 'button button-quiet', dataset: { action: key }, disabled: true },
        h('span', { class: 'label-long' }, t(lang, key)),
        h('span', { class: 'label-short', 'aria-hidden': 'true' }, t(lang, `${key}Short`)),
      ),
    ),
  );
  const alert = h('div', { class: 'alert-region', role: 'alert' });
  const status = h('div', { class: 'status-region', role: 'status' });
  const nav = h('nav', { class: 'step-nav', part: 'steps', 'aria-label': t(lang, 'stepsNav') });
  const main = h('main', { class: 'main', part: 'main', tabindex: '-1' });
  const captionId = 'chart-concepts-title';
  const conceptsCanvas = h('canvas', {
    class: 'chart chart-square',
    id: 'chart-concepts',
    role: 'img',
    'aria-labelledby': captionId,
  });
  const conceptsFigure = h(
    'figure',
    { class: 'chart-figure chart-figure-concepts' },
    h('figcaption', { id: captionId }, t(lang, 'chartConcepts')),
    conceptsCanvas,
  );
  const chartGrid = h('div', { class: 'chart-grid' }, conceptsFigure);
  const charts = h(
    'aside',
    { class: 'charts', part: 'charts', 'aria-labelledby': 'charts-title' },
    h('h2', { id: 'charts-title' }, t(lang, 'chartsTitle')),
    h('p', { class: 'hint' }, t(lang, 'chartsHelp')),
    chartGrid,
  );
  const footer = h('footer', { class: 'site-footer', part: 'footer' });
  main.append(opening ? openingScreen(lang) : h('p', { class: 'loading' }, t(lang, 'loading')));
  const frame = h(
    'div',
    { class: 'scan', part: 'scan' },
    h(
      'header',
      { class: 'site-header', part: 'header' },
      h('div', { class: 'header-inner' }, h('div', { class: 'brand' }, title, subtitle), h('div', { class: 'header-tools' }, langToggle, fileActions)),
    ),
    h('div', { class: 'messages' }, alert, status),
    nav,
    h('div', { class: 'layout' }, main, charts),
    footer,
  );
  root.replaceChildren(frame);
  return { frame, title, subtitle, langToggle, fileActions, alert, status, nav, main, charts, chartGrid, conceptsFigure, conceptsCanvas, footer };
}

/** The facilitator's frame: header and main; the group view fills in the rest. */
export function groupShell(root, { lang }) {
  const title = h('h1', { class: 'title' }, t(lang, 'groupTitle'));
  const subtitle = h('p', { class: 'subtitle' }, t(lang, 'groupSubtitle'));
  const langToggle = langButtons(lang);
  const alert = h('div', { class: 'alert-region', role: 'alert' });
  const status = h('div', { class: 'status-region', role: 'status' });
  const main = h('main', { class: 'main group-main', part: 'main', tabindex: '-1' }, h('p', { class: 'loading' }, t(lang, 'loading')));
  const frame = h(
    'div',
    { class: 'scan scan-group', part: 'scan' },
    h(
      'header',
      { class: 'site-header', part: 'header' },
      h('div', { class: 'header-inner' }, h('div', { class: 'brand' }, title, subtitle), h('div', { class: 'header-tools' }, langToggle)),
    ),
    h('div', { class: 'messages' }, alert, status),
    main,
  );
  root.replaceChildren(frame);
  return { frame, title, subtitle, langToggle, alert, status, main };
}

function langButtons(lang) {
  return h(
    'div',
    { class: 'lang-toggle', role: 'group', 'aria-label': t(lang, 'langGroup') },
    ['nl', 'en'].map((code) =>
      h(
        'button',
        { type: 'button', lang: code, dataset: { lang: code }, 'aria-pressed': String(code === lang) },
        code.toUpperCase(),
        h('span', { class: 'sr-only' }, code === 'nl' ? ' Nederlands' : ' English'),
      ),
    ),
  );
}

/** What the scan is and how long it takes; the app fills in the exact count. */
function openingScreen(lang) {
  return h(
    'section',
    { class: 'opening', 'aria-labelledby': 'opening-title' },
    h('h2', { id: 'opening-title' }, t(lang, 'openingTitle')),
    h('p', {}, t(lang, 'openingText')),
    h('p', { class: 'facts', id: 'opening-facts' }, t(lang, 'openingFacts')),
    h('p', {}, t(lang, 'openingPrivacy')),
    h('button', { type: 'button', class: 'button button-primary', dataset: { action: 'begin' }, disabled: true }, t(lang, 'openingStart')),
  );
}
