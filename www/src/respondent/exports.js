// "Je resultaat bewaren": the result step's section for keeping the result for oneself.
// Each chart as PNG (the core drawing on a canvas of its own) and as SVG (the core's own
// drawing, as in the group view and the CLI), the scores as the core's CSV (for Dutch
// Excel: BOM, `;`, decimal comma, CRLF), and printing (respondent.css has the print
// stylesheet). Files are saved the way the response file is (files.js): the save dialog
// where there is one, never in a frame that blocks downloads, and the section says only
// what it knows about where a file went.

import { h } from '../dom.js';
import { t, errorMessage } from '../i18n.js';
import { EXPORT_SIZE, canvasPng } from '../export.js';
import { CHART_KEYS, DRAW } from './charts.js';
import { resultFileName, saveFile, frameContext } from './files.js';

/** The file name's word for each chart, as the group view names its exports. */
/** Each chart's word in its file's name, in the scan's language. */
const FILE_WORD = {
  nl: { concepts: 'begrippen', modules: 'kernvragen', influence: 'invloed', ladder: 'ladder' },
  en: { concepts: 'concepts', modules: 'core-questions', influence: 'influence', ladder: 'ladder' },
};

/**
 * `view()` gives {scan, lang, words, response}; `handle()` the report held in wasm;
 * `holder` is where a download link lives for a moment; `messages` the scan's message
 * regions; `charts` the charts (for printing). Returns {render(), run(button)}.
 */
export function createResultExports({ view, handle, holder, messages, charts }) {
  let note = null;
  let said = null;

  /** Says how an export went: in the section when it is on screen, else in the messages. */
  function say(key, params, { warn = false } = {}) {
    said = { key, params, warn };
    if (note?.isConnected) {
      note.textContent = t(view().lang, key, params);
      note.classList.toggle('warn', warn);
    } else if (warn) messages.alert(key, params);
    else messages.status(key, params);
  }

  /** Makes the file (`make()` gives text or a Blob) and saves it as `name`. */
  async function save(name, type, make) {
    const context = frameContext();
    if (context.downloads === 'no') {
      say('exportBlocked', {}, { warn: true });
      return;
    }
    try {
      const outcome = await saveFile(await make(), name, holder, context, type);
      if (outcome.how === 'picker') say('exportPicker', { file: outcome.name });
      else if (outcome.how === 'download') say(outcome.sure ? 'exportDownload' : 'exportUnsure', { file: name }, { warn: !outcome.sure });
      else if (outcome.how === 'blocked') say('exportBlocked', {}, { warn: true });
    } catch (error) {
      say('exportError', { file: name, message: errorMessage(error).replace(/\.$/, '') }, { warn: true });
    }
  }

  function chart(key, kind) {
    const report = handle();
    if (!report || !CHART_KEYS.includes(key)) return Promise.resolve();
    const { scan, lang, response } = view();
    const name = resultFileName(response, (FILE_WORD[lang] ?? FILE_WORD.nl)[key], kind, { lang });
    if (kind === 'svg') return save(name, 'image/svg+xml', () => scan.svg(key, report, lang, EXPORT_SIZE, EXPORT_SIZE, undefined));
    return save(name, 'image/png', () => canvasPng((canvas) => DRAW[key](scan, canvas, report, lang)));
  }

  function csv() {
    const report = handle();
    if (!report) return Promise.resolve();
    const { scan, lang, response } = view();
    return save(resultFileName(response, 'scores', 'csv', { lang }), 'text/csv;charset=utf-8', () => scan.csv(report, lang));
  }

  async function print() {
    // The core's SVG drawings print sharp; the canvases print where they are not ready.
    await charts.preparePrint();
    window.print();
  }

  function render() {
    const { lang, words } = view();
    note = h('p', { class: 'export-note', role: 'status' });
    if (said) {
      note.textContent = t(lang, said.key, said.params);
      note.classList.toggle('warn', said.warn);
    }
    const button = (key, kind) => {
      const title = words.word(`chart.${key}`);
      return h(
        'button',
        { type: 'button', class: 'button button-small', dataset: { action: `export-${kind}`, chart: key }, 'aria-label': t(lang, 'exportChartLabel', { chart: title, kind: kind.toUpperCase() }) },
        t(lang, kind === 'png' ? 'exportPng' : 'exportSvg'),
      );
    };
    return h(
      'section',
      { class: 'result-exports', part: 'exports', 'aria-labelledby': 'exports-title' },
      h('h3', { id: 'exports-title' }, t(lang, 'exportTitle')),
      h('p', {}, t(lang, 'exportText')),
      h(
        'div',
        { class: 'export-actions' },
        h('button', { type: 'button', class: 'button', dataset: { action: 'print-result' } }, t(lang, 'printResult')),
        h('button', { type: 'button', class: 'button', dataset: { action: 'export-csv' }, 'aria-label': t(lang, 'exportCsvLabel') }, t(lang, 'exportCsv')),
      ),
      h('h4', { id: 'export-charts-title' }, t(lang, 'exportCharts')),
      h(
        'ul',
        { class: 'export-charts', 'aria-labelledby': 'export-charts-title' },
        CHART_KEYS.map((key) => h('li', {}, h('span', { class: 'export-chart-name' }, words.word(`chart.${key}`)), h('span', { class: 'export-chart-buttons' }, button(key, 'png'), button(key, 'svg')))),
      ),
      note,
    );
  }

  /** Runs the export of a clicked button; false when the button is not one of these. */
  function run(button) {
    switch (button.dataset.action) {
      case 'export-png':
        chart(button.dataset.chart, 'png');
        return true;
      case 'export-svg':
        chart(button.dataset.chart, 'svg');
        return true;
      case 'export-csv':
        csv();
        return true;
      case 'print-result':
        print();
        return true;
      default:
        return false;
    }
  }

  return { render, run };
}
