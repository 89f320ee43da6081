// The browser half of `cargo xtask bench`: drives Debian's Chromium through
// playwright-core against the site and the Chart.js anchor, both served by the xtask
// server on one origin, and writes every sample as a tab-separated line to
// $BENCH_OUT. xtask computes the medians and writes BENCHMARKS.md; this script only
// measures. Progress goes to stderr.
//
// Lines: `meta KEY VALUE...`, `file VARIANT PATH RAW GZIP TYPE`,
// `first_chart VARIANT MS`, `redraw VARIANT MS`, `group_import N MS`, `group_report N MS`, `group_draw N MS`,
// `group_files N MS` (the group view reading N files), `group_toggle N MS` (one line on or off at N),
// `check NAME ok`.
//
// Run it through `cargo xtask bench`; by hand it needs BENCH_URL (the served
// target/bench-site/), BENCH_OUT, BENCH_INSTRUMENT (`netwerkscan instrument --json`)
// and BENCH_ANNA_REPORT (`netwerkscan report --json examples/anna-gemeente.json`).
//
// What this script assumes of the scan page, and nothing more (the page is free to
// change everything else: its modules, its wasm, its markup, a custom element):
// - it is served at `/` of BENCH_URL;
// - it sets `performance.mark('netwerkscan:first-chart')` once its first radar, drawn
//   from the real response, is on screen;
// - it restores a draft from localStorage (STORAGE_KEY, in the shape of `draftOf`);
// - for the redraw of the whole page: a Likert item's answer is a radio input with
//   the item id in `data-id` (or `name`) and the answer in `value`, reachable through
//   open shadow roots, perhaps after a click on a `.step-button`; the concept radar is
//   the canvas `#chart-concepts`, else the first canvas.
// The group page (`bench/group/`) is the one place that uses the wasm API directly.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { countFiles } from './bytes.mjs';
// The respondents the group view's end-to-end tests generate (seeded), as files.
import { generate } from '../tests/e2e/group.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = required('BENCH_URL');
const OUT = required('BENCH_OUT');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The desktop size of the end-to-end tests; devicePixelRatio 1 for page and anchor alike.
const VIEWPORT = { width: 1280, height: 900 };
const DPR = 1;
const MARK = 'netwerkscan:first-chart';
const STORAGE_KEY = 'netwerkscan:draft:v1';
const ANNA = readFileSync(path.join(ROOT, 'examples', 'anna-gemeente.json'), 'utf8');
const INSTRUMENT = JSON.parse(readFileSync(required('BENCH_INSTRUMENT'), 'utf8'));
const ANNA_REPORT = JSON.parse(readFileSync(required('BENCH_ANNA_REPORT'), 'utf8'));

const FIRST_CHART_RUNS = 20;
// The group view's own file picker: files chosen at once, and cold loads of it.
const GROUP_FILES = 1000;
const GROUP_FILES_RUNS = 5;
// A respondent's line switched on and off at this many respondents, this often.
const TOGGLE_N = 100;
const TOGGLES = 20;
// Both sides redraw this often unmeasured first: Chart.js's JavaScript is compiled
// and optimised as it runs (its first updates take twice as long as later ones), the
// wasm is compiled before it runs. Then enough changes that the median holds still.
const REDRAW_WARMUP = 20;
const REDRAW_CHANGES = 100;
// The item whose answer changes: the first Likert statement of `respect`, and two
// values both unlike Anna's own answer to it.
const REDRAW_ITEM = INSTRUMENT.items.find(
  (item) => item.module === 'relaties' && item.concept === 'respect' && (item.type ?? 'likert') === 'likert',
)?.id;
if (!REDRAW_ITEM) throw new Error('the instrument has no Likert item of the concept respect');
const REDRAW_VALUES = ['1', '2', '3', '4', '5'].filter((v) => String(JSON.parse(ANNA).answers?.[REDRAW_ITEM]) !== v).filter((_, i) => i === 1 || i === 3);
// What the anchor draws: Anna's concept means as the CLI reports them, with the
// instrument's Dutch labels.
const ANCHOR_DATA = {
  ids: INSTRUMENT.concepts.map((c) => c.id),
  labels: INSTRUMENT.concepts.map((c) => c.label?.nl ?? c.id),
  means: INSTRUMENT.concepts.map((c) => ANNA_REPORT.concepts?.[c.id]?.mean ?? null),
};
if (ANCHOR_DATA.means.some((m) => typeof m !== 'number')) throw new Error(`Anna's report lacks a concept mean: ${JSON.stringify(ANCHOR_DATA)}`);
const GROUP_SIZES = [
  [10, 15],
  [100, 15],
  [1000, 10],
  [10000, 10],
];
const SEED = 20_240_601;

const records = [];
function record(...fields) {
  records.push(fields.map(String).join('\t'));
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the benchmark with \`cargo xtask bench\``);
  return value;
}

function log(text) {
  process.stderr.write(`bench: ${text}\n`);
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/**
 * A fresh context (no cache, no storage: a first visit) and its page. With `draft`,
 * the page finds that response in localStorage as if the respondent had filled it in
 * before. Console errors, uncaught exceptions and failed requests are collected.
 */
async function open(browser, { draft, anchorData } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, locale: 'nl-NL', serviceWorkers: 'block' });
  if (anchorData) {
    await context.addInitScript((data) => {
      window.benchAnchorData = data;
    }, anchorData);
  }
  if (draft) {
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(draft)]);
  }
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  return {
    context,
    page,
    check(what) {
      if (problems.length > 0) throw new Error(`${what}: the page had problems:\n  ${problems.join('\n  ')}`);
    },
  };
}

/** Waits until the page has set `name` with performance.mark. */
async function waitForMark(page, name) {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, name, { timeout: 60_000 });
}

const draftOf = (response) => ({ version: 1, lang: 'nl', step: 0, response: JSON.parse(response) });

const VARIANTS = {
  // The scan page with Anna's answers restored from the draft: the radar shows her data.
  ours: { url: () => BASE, draft: () => draftOf(ANNA) },
  // A first visit: nothing filled in yet, the radar without a polygon.
  'ours-empty': { url: () => BASE, draft: () => null },
  // The anchor finds what to draw in `window.benchAnchorData`, set before it loads.
  anchor: { url: (size) => `${BASE}bench/chartjs/?size=${size}`, draft: () => null, anchorData: ANCHOR_DATA },
  // The floor: a page whose one script only sets the mark; what the harness costs any page.
  floor: { url: () => `${BASE}bench/floor/`, draft: () => null },
};

/**
 * One cold load: returns the time of the first-chart mark (ms after navigation start)
 * and every file the page requested before it, with its body.
 */
async function firstChart(browser, variant, size) {
  const spec = VARIANTS[variant];
  const { context, page, check } = await open(browser, { draft: spec.draft(), anchorData: spec.anchorData });
  const bodies = [];
  page.on('response', (response) => {
    bodies.push(
      response
        .body()
        .then((body) => ({ url: response.url(), type: response.headers()['content-type'], body }))
        .catch(() => null),
    );
  });
  await page.goto(spec.url(size), { waitUntil: 'commit' });
  await waitForMark(page, MARK);
  const timing = await page.evaluate((mark) => {
    const at = performance.getEntriesByName(mark)[0].startTime;
    // Every element, through open shadow roots.
    const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const elements = all(document);
    const canvas = elements.find((el) => el.id === 'chart-concepts' || el.id === 'radar') ?? elements.find((el) => el.localName === 'canvas');
    return {
      at,
      document: performance.getEntriesByType('navigation')[0].name,
      before: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= at)
        .sort((a, b) => a.startTime - b.startTime)
        .map((entry) => entry.name),
      canvas: { width: canvas.clientWidth, height: canvas.clientHeight, dpr: window.devicePixelRatio },
      anchor: window.benchAnchor?.concepts ?? null,
    };
  }, MARK);
  await page.waitForLoadState('load');
  // In the order the page asked for them: the document, then by start time.
  const order = [timing.document, ...timing.before];
  const seen = (await Promise.all(bodies)).filter((entry) => entry && order.includes(entry.url));
  seen.sort((a, b) => order.indexOf(a.url) - order.indexOf(b.url));
  const files = countFiles(seen);
  const missing = order.filter((url) => !seen.some((entry) => entry.url === url));
  check(`first chart (${variant})`);
  await context.close();
  if (missing.length > 0) throw new Error(`no response body seen for ${missing.join(', ')}`);
  return { ms: timing.at, files, canvas: timing.canvas, anchor: timing.anchor };
}

/**
 * The scan page: click a radio of a concept item, as a respondent changes an answer.
 * The page recomputes the report and redraws the four charts and their tables in the
 * change handler, synchronously; reading one pixel of the concept radar then makes
 * Chromium carry out the queued drawing, so the time includes the radar's pixels.
 */
async function redrawPage(browser) {
  const { context, page, check } = await open(browser, { draft: draftOf(ANNA) });
  await page.goto(BASE);
  await waitForMark(page, MARK);
  const times = await page.evaluate(
    async ({ item, values, changes, warmup }) => {
      // After the next frame, so that one change does not pay for the last one's paint.
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      // Every element, through open shadow roots.
      const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
      const radio = (value) =>
        all(document).find((el) => el.localName === 'input' && el.type === 'radio' && el.value === value && (el.dataset.id === item || el.name === item));
      // The first chart comes before the form: wait (up to 30 s) until the scan has loaded.
      for (let waited = 0; !radio(values[0]) && !all(document).some((el) => el.matches('.step-button')) && waited < 30000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (!radio(values[0])) {
        // The page may build a step's form only when it is shown: try the steps in turn.
        for (const button of all(document).filter((el) => el.matches('.step-button'))) {
          button.click();
          await frame();
          if (radio(values[0])) break;
        }
      }
      if (!radio(values[0])) throw new Error(`no radio input for ${item} = ${values[0]} (see the assumptions at the top of bench/run.mjs)`);
      if (!radio(values[0]).checkVisibility?.()) {
        // Show the step with the question, as a respondent would see it.
        const section = radio(values[0]).closest('[id^="step-"]');
        const index = section ? [...section.parentElement.children].indexOf(section) : -1;
        all(document).find((el) => el.matches(`.step-button[data-step="${index}"]`))?.click();
        await frame();
      }
      const elements = all(document);
      const canvas = elements.find((el) => el.id === 'chart-concepts') ?? elements.find((el) => el.localName === 'canvas');
      const context = canvas.getContext('2d');
      // A checksum of the radar's pixels, to see that it follows the answers.
      const pixels = () => {
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        let hash = 0;
        for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]) | 0;
        return hash;
      };
      const result = [];
      const seen = new Map();
      for (let i = -warmup; i < changes; i += 1) {
        await frame();
        const value = values[(i + warmup) % values.length];
        const input = radio(value);
        const t0 = performance.now();
        input.click();
        context.getImageData(0, 0, 1, 1);
        const t1 = performance.now();
        if (!input.checked) throw new Error('the click did not select the answer');
        if (i < 0) seen.set(value, pixels());
        if (i >= 0) result.push(t1 - t0);
      }
      if (new Set(seen.values()).size !== values.length) throw new Error(`the radar did not change with the answer to ${item}`);
      return result;
    },
    { item: REDRAW_ITEM, values: REDRAW_VALUES, changes: REDRAW_CHANGES, warmup: REDRAW_WARMUP },
  );
  check('redraw (page)');
  await context.close();
  return times;
}

/** The anchor: one value and its label change, then `chart.update('none')`. */
async function redrawAnchor(browser, size) {
  const { context, page, check } = await open(browser, { anchorData: ANCHOR_DATA });
  await page.goto(VARIANTS.anchor.url(size));
  await waitForMark(page, MARK);
  const times = await page.evaluate(
    async ({ changes, warmup }) => {
      // After the next frame, so that one change does not pay for the last one's paint.
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const { chart, concepts } = window.benchAnchor;
      // Two values for the second axis, as the page's respect mean moves with an answer.
      const values = [concepts.means[1] - 2 / 3, concepts.means[1] + 1 / 3];
      const result = [];
      for (let i = -warmup; i < changes; i += 1) {
        await frame();
        const value = values[(i + warmup) % values.length];
        const t0 = performance.now();
        chart.data.datasets[0].data[1] = value;
        chart.data.labels[1] = [concepts.labels[1], value.toFixed(2).replace('.', ',')];
        chart.update('none');
        chart.canvas.getContext('2d').getImageData(0, 0, 1, 1);
        const t1 = performance.now();
        if (i >= 0) result.push(t1 - t0);
      }
      return result;
    },
    { changes: REDRAW_CHANGES, warmup: REDRAW_WARMUP },
  );
  check('redraw (anchor)');
  await context.close();
  return times;
}

/** The group page: scale runs, the bare radar redraw, and the concept means of Anna. */
async function groupPage(browser, size) {
  const { context, page, check } = await open(browser);
  await page.goto(`${BASE}bench/group/?size=${size}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const scale = [];
  for (const [n, runs] of GROUP_SIZES) {
    const result = await page.evaluate(({ n, runs, seed }) => window.benchGroup.scale(n, runs, seed), { n, runs, seed: SEED });
    log(`group of ${n}: import ${median(result.imported).toFixed(2)} ms, report ${median(result.report).toFixed(2)} ms, draw ${median(result.draw).toFixed(2)} ms (median of ${runs})`);
    scale.push({ n, ...result });
  }
  const redraw = await page.evaluate(
    ({ text, item, values, changes, warmup }) => window.benchGroup.redraw(text, item, values.map(Number), changes, warmup),
    { text: ANNA, item: REDRAW_ITEM, values: REDRAW_VALUES, changes: REDRAW_CHANGES, warmup: REDRAW_WARMUP },
  );
  check('group scale');
  await context.close();
  return { scale, redraw };
}

/**
 * The group view itself (`group.html`), as a facilitator uses it: `n` generated files
 * chosen at once in its file picker, timed by its own `netwerkscan:group-import` measure
 * (files chosen -> read, checked, analysed and drawn); then, with `toggles`, one
 * respondent's line switched on and off that many times, each timed by its
 * `netwerkscan:group-toggle` measure (the two radars redrawn). A fresh context each.
 */
async function groupView(browser, n, toggles = 0) {
  const { context, page, check } = await open(browser);
  await page.goto(`${BASE}group.html`);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
  const files = generate(n).map((r, i) => ({ name: `r${String(i + 1).padStart(4, '0')}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(r, null, 2)) }));
  await page.setInputFiles('#group-files', files);
  await page.waitForFunction(() => performance.getEntriesByName('netwerkscan:group-import').length > 0, null, { timeout: 120_000 });
  const [imported] = await page.evaluate(() => performance.getEntriesByName('netwerkscan:group-import').map((e) => e.duration));
  const counted = await page.locator('.counts').textContent();
  if (!counted.startsWith(`${n} respondent`)) throw new Error(`the group view counts "${counted}", not ${n} respondents`);
  let toggled = [];
  if (toggles > 0) {
    const line = page.locator('.legend-toggle', { hasText: /^r2$/ });
    for (let i = 0; i < toggles; i += 1) {
      await line.click();
      // The next frame, so that each toggle is its own.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    }
    toggled = await page.evaluate(() => performance.getEntriesByName('netwerkscan:group-toggle').map((e) => e.duration));
    if (toggled.length !== toggles) throw new Error(`${toggles} toggles, ${toggled.length} group-toggle measures`);
  }
  check(`group view (${n})`);
  await context.close();
  return { imported, toggled };
}

/** The anchor must draw what it was given: Anna's labels and means. */
function checkAnchorData(anchor) {
  const problems = ANCHOR_DATA.ids.flatMap((id, i) => {
    const out = [];
    if (anchor.ids[i] !== id || anchor.labels[i] !== ANCHOR_DATA.labels[i]) out.push(`axis ${i}: ${anchor.ids[i]} "${anchor.labels[i]}" vs ${id} "${ANCHOR_DATA.labels[i]}"`);
    if (!(Math.abs(anchor.means[i] - ANCHOR_DATA.means[i]) < 1e-9)) out.push(`${id}: anchor ${anchor.means[i]} vs report ${ANCHOR_DATA.means[i]}`);
    return out;
  });
  if (problems.length > 0) {
    throw new Error(`bench/chartjs/anchor.js does not draw the report of examples/anna-gemeente.json:\n  ${problems.join('\n  ')}`);
  }
}

async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    record('meta', 'chromium', browser.version());
    record('meta', 'viewport', `${VIEWPORT.width}x${VIEWPORT.height}`);

    // Warm-up, not counted: the first start reads Chromium and the files from disk.
    // It also gives the CSS size of the page's radar, which the anchor copies.
    const probe = await firstChart(browser, 'ours', 0);
    const { width, height, dpr } = probe.canvas;
    if (width !== height || width === 0) throw new Error(`the page's radar is ${width}x${height} CSS pixels, not a square`);
    record('meta', 'canvas', width, height, dpr);
    log(`the page's radar is ${width}x${height} CSS px at devicePixelRatio ${dpr}`);
    const anchorProbe = await firstChart(browser, 'anchor', width);
    if (anchorProbe.canvas.width !== width) throw new Error(`the anchor's canvas is ${anchorProbe.canvas.width} px wide, not ${width}`);
    checkAnchorData(anchorProbe.anchor);
    record('check', 'anchor-data', 'ok');
    await firstChart(browser, 'ours-empty', width);

    const order = Object.keys(VARIANTS);
    const samples = Object.fromEntries(order.map((v) => [v, []]));
    // Every file loaded before the mark in any run (a file the browser fetches in
    // parallel, such as the icon, is sometimes just before the mark, sometimes after).
    const files = Object.fromEntries(order.map((v) => [v, new Map()]));
    for (let run = 0; run < FIRST_CHART_RUNS; run += 1) {
      // Rotate the order, so no variant always runs right after another.
      for (let k = 0; k < order.length; k += 1) {
        const variant = order[(run + k) % order.length];
        const result = await firstChart(browser, variant, width);
        samples[variant].push(result.ms);
        record('first_chart', variant, result.ms.toFixed(3));
        for (const f of result.files) if (!files[variant].has(f.path)) files[variant].set(f.path, f);
      }
      log(`first chart, run ${run + 1}/${FIRST_CHART_RUNS}: ${order.map((v) => `${v} ${samples[v].at(-1).toFixed(1)} ms`).join(', ')}`);
    }

    for (const variant of order) {
      for (const f of files[variant].values()) record('file', variant, f.path, f.raw, f.gz, f.type);
    }

    const group = await groupPage(browser, width);
    for (const { n, imported, report, draw } of group.scale) {
      for (const ms of imported) record('group_import', n, ms.toFixed(3));
      for (const ms of report) record('group_report', n, ms.toFixed(3));
      for (const ms of draw) record('group_draw', n, ms.toFixed(3));
    }

    const page = await redrawPage(browser);
    const anchor = await redrawAnchor(browser, width);
    for (const ms of page) record('redraw', 'ours-page', ms.toFixed(3));
    for (const ms of group.redraw) record('redraw', 'ours-radar', ms.toFixed(3));
    for (const ms of anchor) record('redraw', 'anchor', ms.toFixed(3));

    // The group view's own path: 1,000 files chosen at once, and a line toggled at 100.
    for (let run = 0; run < GROUP_FILES_RUNS; run += 1) {
      const { imported } = await groupView(browser, GROUP_FILES);
      record('group_files', GROUP_FILES, imported.toFixed(3));
      log(`group view, ${GROUP_FILES} files, run ${run + 1}/${GROUP_FILES_RUNS}: ${imported.toFixed(1)} ms`);
    }
    const { toggled } = await groupView(browser, TOGGLE_N, TOGGLES);
    for (const ms of toggled) record('group_toggle', TOGGLE_N, ms.toFixed(3));
    log(`group view, a line toggled at ${TOGGLE_N} respondents (median of ${TOGGLES}): ${median(toggled).toFixed(2)} ms`);
    log(
      `redraw (median of ${REDRAW_CHANGES}): page ${median(page).toFixed(2)} ms, radar ${median(group.redraw).toFixed(2)} ms, ` +
        `anchor ${median(anchor).toFixed(2)} ms`,
    );
  } finally {
    await browser.close();
  }
  writeFileSync(OUT, `${records.join('\n')}\n`);
  log(`wrote ${records.length} lines to ${OUT}`);
}

main().catch((error) => {
  process.stderr.write(`bench: error: ${error.stack ?? error}\n`);
  process.exit(1);
});
