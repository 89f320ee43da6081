// Downloads: each chart as PNG (drawn by the core on a canvas of its own, with the
// legend in it) and as SVG (the core's own drawing, the same as the CLI's `--svg`), the
// scores as CSV for Dutch Excel, and the network file. The blob download, the PNG canvas
// and the SVG image are ../export.js, which the respondent's result uses too.

import { EXPORT_SIZE, canvasPng, isoDate } from '../export.js';
import { drawChart } from './charts.js';

/** `netwerkscan-groep-<what>-<date>.<ext>` */
export function fileName(what, ext, date = new Date()) {
  return `netwerkscan-groep-${what}-${isoDate(date)}.${ext}`;
}

/** The chart drawn by the core on a canvas of its own, with its legend, as a PNG blob. */
export function chartPng(scan, def, handle, lang, options) {
  return canvasPng((canvas) => drawChart(scan, canvas, def, handle, lang, { ...options, legend: true }));
}

/** The chart as SVG text from the core. */
export function chartSvg(scan, def, handle, lang, options, size = EXPORT_SIZE) {
  const drawn = def.overlays ? { ...options, legend: true } : def.view ? { view: def.view } : {};
  return scan.svg(def.chart ?? def.key, handle, lang, size, size, drawn);
}
