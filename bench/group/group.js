// The wasm side of `cargo xtask bench`, on the build's own full module (copied to
// `pkg/`): a group of N seeded random respondents imported as the group view imports
// them (`readInto` a held set), aggregated (`analyseSet` with its `toJSON()`) and drawn
// (`drawConcepts`), and the redraw of the six-concept radar for one respondent whose
// answer changes. bench/run.mjs calls `window.benchGroup` and reads the times; this page
// only measures.
//
// This is the one page of the bench that uses the wasm API (`pkg/full.js`: `init`,
// `new Scan()`, `instrument()`, `Responses`, `readInto`, `analyseSet`, `analyse`,
// `toJSON()`, `free()`, `drawConcepts`); when that API changes, this page follows it.

import init, { Scan, Responses } from '../../pkg/full.js';

await init({ module_or_path: new URL('../../pkg/full_bg.wasm', import.meta.url) });
const scan = new Scan();
const instrument = scan.instrument();

const params = new URLSearchParams(window.location.search);
const size = Number(params.get('size')) || 334;
const canvas = document.getElementById('radar');
// The page's radar: CSS size times devicePixelRatio for the backing store.
const dpr = window.devicePixelRatio || 1;
canvas.style.width = `${size}px`;
canvas.style.height = `${size}px`;
canvas.width = Math.round(size * dpr);
canvas.height = Math.round(size * dpr);

/** A small seeded generator (mulberry32): the same seed gives the same group. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGANISATIONS = 20;

/** `n` valid responses with every Likert item of the instrument, 5% "weet niet". */
function responses(n, seed) {
  const next = random(seed);
  const int = (k) => Math.floor(next() * k);
  const pick = (list) => list[int(list.length)];
  const likert = () => (next() < 0.05 ? null : 1 + int(5));
  const scale = () => 1 + int(5);
  const ids = (list) => list.map((entry) => entry.id ?? entry);
  // Likert statements only: open questions (instrument version 2) are answered in text.
  const items = ids(instrument.items.filter((item) => (item.type ?? 'likert') === 'likert'));
  const concepts = ids(instrument.concepts);
  const rungs = ids(instrument.ladder.rungs);
  // Version 1 lists roles and positions at the top; version 2 under `respondent`.
  const roles = ids(instrument.roles ?? instrument.respondent.roles.choices);
  const positions = ids(instrument.positions ?? instrument.respondent.position.choices);
  const version = instrument.version === '1' ? 1 : 2;
  const questions = ids(instrument.interests.questions);
  const sources = ids(instrument.interests.influence.sources);
  const list = [];
  for (let i = 0; i < n; i += 1) {
    const interests = Object.fromEntries(questions.map((id) => [id, scale()]));
    interests.influence = Object.fromEntries(sources.map((id) => [id, scale()]));
    list.push({
      format: 'netwerkscan-response',
      version,
      instrument: { id: instrument.id, version: instrument.version },
      respondent: {
        alias: `r${i + 1}`,
        organisation: `Organisatie ${1 + int(ORGANISATIONS)}`,
        roles: roles.filter(() => next() < 0.4),
        position: pick(positions),
      },
      answers: Object.fromEntries(items.map((id) => [id, likert()])),
      importance: Object.fromEntries(concepts.map((id) => [id, scale()])),
      ladder: { current: pick(rungs), desired: pick(rungs) },
      interests,
    });
  }
  return list;
}

/** Reading one pixel makes Chromium carry out the drawing commands queued so far. */
function flush() {
  canvas.getContext('2d').getImageData(0, 0, 1, 1);
}

/** Resolves after the next frame, so that one measurement does not pay for the last. */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

window.benchGroup = {
  /**
   * `runs` times: the `n` respondents' files imported into a held set (as the group view
   * reads them, once), then aggregated and drawn, after three warm-ups.
   */
  async scale(n, runs, seed) {
    const texts = responses(n, seed).map((r) => JSON.stringify(r));
    const imported = [];
    const report = [];
    const draw = [];
    const none = new Responses();
    for (let run = -3; run < runs; run += 1) {
      await nextFrame();
      const set = new Responses();
      const t0 = performance.now();
      const entries = scan.readInto(set, texts, 'nl');
      const t1 = performance.now();
      const handle = scan.analyseSet(set, none, undefined);
      const result = handle.toJSON();
      const t2 = performance.now();
      scan.drawConcepts(canvas, handle, 'nl');
      flush();
      const t3 = performance.now();
      handle.free();
      set.free();
      if (entries.length !== n || entries.some((e) => e.error)) throw new Error('a generated response was refused');
      if (result.respondents !== n) throw new Error(`report counted ${result.respondents} of ${n}`);
      if (run >= 0) {
        imported.push(t1 - t0);
        report.push(t2 - t1);
        draw.push(t3 - t2);
      }
    }
    return { imported, report, draw };
  },

  /**
   * The radar's redraw when one answer changes, as the page does it: the report of the
   * one response held in wasm (the page turns it into a plain object only when a table
   * or the result needs it), then drawConcepts from it. `item` alternates between two
   * values that differ from the response's own.
   */
  async redraw(responseText, item, values, changes, warmup = 3) {
    const response = JSON.parse(responseText);
    const times = [];
    for (let i = -warmup; i < changes; i += 1) {
      await nextFrame();
      response.answers[item] = values[(i + warmup) % values.length];
      const t0 = performance.now();
      const handle = scan.analyse([response]);
      scan.drawConcepts(canvas, handle, 'nl');
      flush();
      const t1 = performance.now();
      handle.free();
      if (i >= 0) times.push(t1 - t0);
    }
    return times;
  },

  canvas: { width: canvas.width, height: canvas.height, dpr },
};
document.body.dataset.ready = 'true';
