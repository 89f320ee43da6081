// The four charts (the six concepts, the three core questions, the sources of
// influence, the ladder), each with its value table in a <details>. The core draws them
// on canvases through plotters; this module decides when:
// - on every answer only the charts that are on screen are redrawn, at once (the concept
//   radar stays cheap); the others are marked and drawn when they scroll into view;
// - at start-up nothing is drawn until the IntersectionObserver has said what is on
//   screen (on a phone the charts are below the opening screen), and the concept radar
//   the first module drew is not drawn again;
// - a chart left undrawn off screen is drawn when the page is idle, one per task, once
//   the participant has started (a click, a key), so it is ready before it is scrolled
//   to and the scan's own start is not slowed; printing draws whatever is still waiting;
// - a table is rebuilt only while it is open and on screen;
// - a canvas's backing store follows its CSS size times devicePixelRatio, as reported
//   by a ResizeObserver (which also fires when the zoom changes the device pixels), so
//   an answer never forces a layout to measure it.
// The concept radar's canvas is the shell's, already drawn by the first module.
// While the result step is shown, each figure also holds the core's SVG drawing of its
// chart as an image, which the print stylesheet prints instead of the canvas (sharp on
// paper); the canvas prints where the image is not ready (or a host's CSP refuses data:
// images).

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { sizeCanvas } from '../first-chart.js';
import { chartTable } from './tables.js';
import { createLater } from './later.js';
import { svgDataUrl } from '../export.js';

/** The pixel size of the SVG drawings printed in place of the canvases. */
const PRINT_SIZE = 800;

export const CHART_KEYS = ['concepts', 'modules', 'influence', 'ladder'];

/** How the core draws each chart on a canvas (also the PNG export's canvas). */
export const DRAW = {
  concepts: (scan, canvas, report, lang) => scan.drawConcepts(canvas, report, lang),
  modules: (scan, canvas, report, lang) => scan.drawModules(canvas, report, lang),
  influence: (scan, canvas, report, lang) => scan.drawInfluence(canvas, report, lang),
  ladder: (scan, canvas, report, lang) => scan.drawLadder(canvas, report, lang),
};

/**
 * `view()` gives {scan, instrument, lang, words}; `report()` the plain report (for the
 * tables, computed only when a table needs it); `onError(error)` hears drawing errors.
 * Returns {update(handle), setLang(), stepChart(key), dropStepChart(), drawNow(key)}.
 */
export function createCharts({ parts, view, report, onError }) {
  let handle = null;
  const canvases = new Map(); // canvas -> {key, visible, dirty, size}
  const tables = new Map(); // details -> {key, holder, visible, dirty, caption}
  const figures = new Map(); // key -> {figure, caption, summary}
  let stepFigure = null;
  const later = createLater();
  const printImages = new Map(); // key -> <img> with the core's SVG, for the printout
  let printWanted = false; // the result step is shown: keep the print images current
  let printMade = null; // the handle and language the print images show, and their loads
  let printRefused = false; // the host page refuses data: images

  // Off-screen charts that wait: drawn one at a time when the browser is idle.
  const idle = globalThis.requestIdleCallback ? (fn) => requestIdleCallback(fn, { timeout: 1000 }) : (fn) => setTimeout(fn, 50);
  let idleQueued = false;
  let started = false;
  const waiting = (canvas, chart) => chart.dirty && canvas.isConnected && chart.size && chart.size.width > 0 && chart.size.height > 0;
  const start = () => {
    if (started) return;
    started = true;
    for (const type of ['pointerdown', 'keydown']) parts.frame.removeEventListener(type, start, true);
    drawWhenIdle();
  };
  for (const type of ['pointerdown', 'keydown']) parts.frame.addEventListener(type, start, true);
  function drawWhenIdle() {
    if (idleQueued || !started) return;
    idleQueued = true;
    idle(() => {
      idleQueued = false;
      for (const [canvas, chart] of canvases) {
        if (!waiting(canvas, chart)) continue;
        draw(canvas, true);
        drawWhenIdle();
        return;
      }
    });
  }
  globalThis.addEventListener?.('beforeprint', () => {
    for (const [canvas, chart] of canvases) if (waiting(canvas, chart)) draw(canvas, true);
    makePrintImages();
  });

  /**
   * Puts the core's SVG drawing of each chart into its print image, unless they show
   * this report in this language already; resolves when they have loaded (an image that
   * fails to load stays unready, and its canvas prints).
   */
  function makePrintImages() {
    if (!handle || printRefused) return Promise.resolve();
    const { scan, lang } = view();
    if (printMade && printMade.handle === handle && printMade.lang === lang) return printMade.loaded;
    const loads = [];
    for (const [key, img] of printImages) {
      delete img.dataset.ready;
      let url;
      try {
        url = svgDataUrl(scan.svg(key, handle, lang, PRINT_SIZE, PRINT_SIZE, undefined));
      } catch (error) {
        img.removeAttribute('src');
        onError(error);
        continue;
      }
      img.src = url;
      loads.push(
        img.decode().then(
          () => {
            if (img.src === url) img.dataset.ready = 'true';
          },
          () => {
            // Not replaced by a newer drawing, so refused: a host page whose CSP allows
            // no data: images. Its canvases print, and the scan stops trying.
            if (img.src === url) printRefused = true;
          },
        ),
      );
    }
    printMade = { handle, lang, loaded: Promise.all(loads) };
    return printMade.loaded;
  }

  /** The report or the language changed: the print images follow, now or when printed. */
  function printChanged() {
    if (printWanted) later('print', makePrintImages);
  }

  // A margin, so that a chart is drawn just before it scrolls into view.
  const intersection = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const chart = canvases.get(entry.target);
      if (chart) {
        chart.visible = entry.isIntersecting;
        if (chart.visible && chart.dirty) draw(entry.target);
      }
      const table = tables.get(entry.target);
      if (table) {
        table.visible = entry.isIntersecting;
        if (table.visible && table.dirty) fillTable(entry.target);
      }
    }
  }, { rootMargin: '200px 0px' });

  const resize = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const chart = canvases.get(entry.target);
      if (!chart) continue;
      // CSS size times devicePixelRatio, as the first chart sized it (sizeCanvas); the
      // device-pixel box is observed only so that a zoom calls this again.
      const dpr = globalThis.devicePixelRatio || 1;
      chart.size = { width: Math.max(0, Math.round(entry.contentRect.width * dpr)), height: Math.max(0, Math.round(entry.contentRect.height * dpr)) };
      if (chart.size.width === 0 || chart.size.height === 0) continue;
      const canvas = entry.target;
      if (canvas.width !== chart.size.width || canvas.height !== chart.size.height || chart.dirty) draw(canvas);
    }
  });

  function observeCanvas(canvas, key) {
    // Off screen until the observer's first word, which comes before the next frame's paint.
    canvases.set(canvas, { key, visible: false, dirty: false, size: null });
    intersection.observe(canvas);
    try {
      resize.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      resize.observe(canvas);
    }
  }

  function forgetCanvas(canvas) {
    canvases.delete(canvas);
    intersection.unobserve(canvas);
    resize.unobserve(canvas);
  }

  /**
   * Draws one canvas now, or marks it for later when it is off screen or has no size.
   * `force`: draw it if it has a size, wherever it is (the first chart on screen).
   */
  function draw(canvas, force = false) {
    const chart = canvases.get(canvas);
    if (!chart || !handle) return;
    if ((!chart.visible && !force) || (chart.size && (chart.size.width === 0 || chart.size.height === 0))) {
      chart.dirty = true;
      // Off screen, the backing store still follows the CSS size (cheap: nothing is
      // drawn), so a canvas never shows a stretched picture; it is drawn when seen.
      if (chart.size && chart.size.width > 0 && chart.size.height > 0) {
        if (canvas.width !== chart.size.width) canvas.width = chart.size.width;
        if (canvas.height !== chart.size.height) canvas.height = chart.size.height;
        drawWhenIdle();
      }
      return;
    }
    if (chart.size) {
      if (canvas.width !== chart.size.width) canvas.width = chart.size.width;
      if (canvas.height !== chart.size.height) canvas.height = chart.size.height;
    } else {
      // Before the observer's first word: measure once.
      sizeCanvas(canvas);
      if (canvas.clientWidth === 0) {
        chart.dirty = true;
        return;
      }
    }
    chart.dirty = false;
    const { scan, lang } = view();
    try {
      DRAW[chart.key](scan, canvas, handle, lang);
    } catch (error) {
      onError(error);
    }
  }

  function fillTable(details) {
    const table = tables.get(details);
    if (!table) return;
    if (!details.open || !table.visible) {
      table.dirty = true;
      return;
    }
    const current = report();
    if (!current) return;
    table.dirty = false;
    table.holder.replaceChildren(chartTable(table.key, current, view()));
  }

  function tableFor(key) {
    const holder = h('div', { class: 'table-holder', id: `chart-${key}-table` });
    const summary = h('summary', {}, t(view().lang, 'showTable'));
    const details = h('details', { class: 'chart-table' }, summary, holder);
    tables.set(details, { key, holder, visible: true, dirty: true });
    details.addEventListener('toggle', () => {
      if (details.open) fillTable(details);
    });
    intersection.observe(details);
    return { details, summary };
  }

  /** The image the printout shows in place of the canvas (hidden on screen). */
  function printImage(key) {
    const img = h('img', { class: 'print-chart', alt: '', dataset: { chart: key } });
    printImages.set(key, img);
    return img;
  }

  // The figures: the shell's concept radar gets its table; the others are made here.
  for (const key of CHART_KEYS) {
    const { words } = view();
    if (key === 'concepts') {
      const caption = parts.conceptsFigure.querySelector('figcaption');
      caption.textContent = words.word('chart.concepts');
      const { details, summary } = tableFor(key);
      const print = printImage(key);
      parts.conceptsCanvas.after(print);
      parts.conceptsFigure.append(details);
      observeCanvas(parts.conceptsCanvas, key);
      figures.set(key, { figure: parts.conceptsFigure, caption, summary });
      continue;
    }
    const captionId = `chart-${key}-title`;
    const caption = h('figcaption', { id: captionId }, words.word(`chart.${key}`));
    const canvas = h('canvas', { class: `chart chart-${key === 'ladder' ? 'wide' : 'square'}`, id: `chart-${key}`, role: 'img', 'aria-labelledby': captionId });
    const { details, summary } = tableFor(key);
    const figure = h('figure', { class: `chart-figure chart-figure-${key}` }, caption, canvas, printImage(key), details);
    parts.chartGrid.append(figure);
    observeCanvas(canvas, key);
    figures.set(key, { figure, caption, summary });
  }

  return {
    /**
     * A new report: redraws what is on screen, marks the rest, refreshes open tables.
     * `first`: after an answer, only the chart `first` (the step's own) is drawn at
     * once, the other charts and the tables once the answer is painted. `redraw: false`
     * when only words changed that no chart shows (a comment, an alias).
     */
    update(next, { redraw = true, first, drawn } = {}) {
      handle = next;
      printChanged();
      if (!redraw) return;
      if (drawn) {
        // Start-up: `drawn` is on the canvas already; the rest waits until it is seen.
        for (const chart of canvases.values()) chart.dirty = chart.key !== drawn;
        for (const table of tables.values()) table.dirty = true;
        return;
      }
      const rest = () => {
        for (const [canvas, chart] of canvases) if (chart.key !== first) draw(canvas);
        for (const details of tables.keys()) fillTable(details);
      };
      if (first === undefined) {
        rest();
        return;
      }
      for (const [canvas, chart] of canvases) {
        if (chart.key === first) draw(canvas);
        else chart.dirty = true;
      }
      for (const table of tables.values()) table.dirty = true;
      later('charts', rest);
    },

    /** Draws the chart `key` now (the concept radar when the first module declined). */
    drawNow(key) {
      for (const [canvas, chart] of canvases) if (chart.key === key) draw(canvas, true);
    },

    /** The language changed: captions, summaries, every chart and open table. */
    setLang() {
      const { lang, words } = view();
      for (const [key, { caption, summary }] of figures) {
        caption.textContent = words.word(`chart.${key}`);
        summary.textContent = t(lang, 'showTable');
      }
      if (stepFigure) stepFigure.querySelector('figcaption').textContent = words.word(`chart.${stepFigure.dataset.chart}`);
      for (const canvas of canvases.keys()) draw(canvas);
      for (const details of tables.keys()) fillTable(details);
      printChanged();
    },

    /**
     * Whether the result step is shown: there the print images are kept current, so
     * that printing (the button, the browser's menu) finds them ready.
     */
    printable(on) {
      printWanted = on;
      if (on) later('print', makePrintImages);
    },

    /** Draws what waits and makes the print images; resolves once they have loaded. */
    preparePrint() {
      for (const [canvas, chart] of canvases) if (waiting(canvas, chart)) draw(canvas, true);
      return makePrintImages();
    },

    /**
     * A copy of the chart `key` to show near the step's questions on a narrow screen
     * (CSS hides it where the chart panel sits beside the questions). The caller puts
     * it in the step; it is drawn when it gets a size.
     */
    stepChart(key) {
      this.dropStepChart();
      const { words } = view();
      const captionId = `step-chart-${key}-title`;
      const canvas = h('canvas', { class: `chart chart-${key === 'ladder' ? 'wide' : 'square'}`, role: 'img', 'aria-labelledby': captionId });
      stepFigure = h('figure', { class: 'chart-figure step-chart', dataset: { chart: key } }, h('figcaption', { id: captionId }, words.word(`chart.${key}`)), canvas);
      observeCanvas(canvas, key);
      canvases.get(canvas).dirty = true;
      return stepFigure;
    },

    /**
     * Where the chart panel scrolls on its own (beside the questions on a wide screen),
     * scrolls the chart `key` of the new step to its top; the others stay a scroll away.
     */
    reveal(key) {
      const panel = parts.charts;
      if (panel.scrollHeight <= panel.clientHeight + 1) return;
      const figure = key ? figures.get(key)?.figure : null;
      panel.scrollTop = figure ? figure.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - 8 : 0;
    },

    /** Forgets the step's chart copy (the step is replaced). */
    dropStepChart() {
      if (!stepFigure) return;
      forgetCanvas(stepFigure.querySelector('canvas'));
      stepFigure = null;
    },
  };
}
