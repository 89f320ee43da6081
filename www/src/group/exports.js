// Downloads: each chart as PNG (drawn by the core on a canvas of its own, with the
// legend in it) and as SVG (the core's own drawing, the same as the CLI's `--svg`), the
// scores as CSV for Dutch Excel, and the network file. The blob download, the PNG canvas
// and the SVG image are ../export.js, which the respondent's result uses too.

import { EXPORT_SIZE, canvasPng, isoDate } from '../export.js';
import { drawChart } from './charts.js';

/** What each download is called in its file's name, in the scan's language. */
const FILE_WORDS = {
  nl: {
    group: 'groep',
    network: 'netwerk',
    scores: 'scores',
    concepts: 'begrippen',
    modules: 'kernvragen',
    influence: 'invloed',
    ladder: 'ladder',
    'ladder-government': 'ladder-overheid',
    'ladder-partners': 'ladder-partners',
  },
  en: {
    group: 'group',
    network: 'network',
    scores: 'scores',
    concepts: 'concepts',
    modules: 'core-questions',
    influence: 'influence',
    ladder: 'ladder',
    'ladder-government': 'ladder-government',
    'ladder-partners': 'ladder-partners',
  },
};

/**
 * `netwerkscan-groep-<what>-<date>.<ext>` (in English `netwerkscan-group-…`): `what` is
 * a chart's key, 'network' or 'scores'.
 */
export function fileName(what, ext, { lang = 'nl', date = new Date() } = {}) {
  const words = FILE_WORDS[lang] ?? FILE_WORDS.nl;
  return `netwerkscan-${words.group}-${words[what] ?? what}-${isoDate(date)}.${ext}`;
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
