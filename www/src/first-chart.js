// The first chart comes first: the radar of the six concepts, drawn by the core through
// plotters-canvas from the response in the draft, before the form, the instrument's
// texts and the full wasm module have loaded. It needs only the small `first` module.
//
// The `netwerkscan:first-chart` mark is set when that radar, computed from the real
// response, is on the canvas; the full module sets it instead when the first module
// declines (another instrument, a value it would refuse, the single-file build).

import initFirst, { drawFirstChart } from '../pkg/first.js';
import { firstWasm } from './assets.js';
import { nextTask } from './dom.js';

export const FIRST_CHART_MARK = 'netwerkscan:first-chart';

/** Sets a canvas's backing store to its CSS size times devicePixelRatio; true if it changed. */
export function sizeCanvas(canvas) {
  const dpr = globalThis.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const height = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}

/** Marks the first chart once per page, whichever module drew it. */
export function markFirstChart() {
  if (performance.getEntriesByName(FIRST_CHART_MARK).length === 0) performance.mark(FIRST_CHART_MARK);
}

/**
 * Draws the concepts radar of `response` (null: a first visit) on `canvas` in `lang`.
 * Resolves to true when drawn, false when the full module must draw it.
 */
export async function firstChart(canvas, response, lang) {
  const source = firstWasm();
  if (!source) return false;
  await initFirst({ module_or_path: source });
  // Compiling the module and drawing are two pieces of work: the page stays responsive between them.
  await nextTask();
  if (canvas.clientWidth === 0) return false;
  sizeCanvas(canvas);
  const drawn = drawFirstChart(canvas, response ?? null, lang === 'en' ? 'en' : 'nl');
  if (drawn) markFirstChart();
  return drawn;
}
