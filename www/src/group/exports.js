// Downloads: each chart as PNG (drawn by the core on a canvas of its own, with the
// legend in it) and as SVG (the core's own drawing, the same as the CLI's `--svg`), the
// scores as CSV for Dutch Excel, and the network file. Nothing leaves the browser: every
// download is a blob URL clicked in the page.

import { drawChart } from './charts.js';

/** The size of an exported chart, in pixels. */
export const EXPORT_SIZE = 900;

/** yyyy-mm-dd in the local time zone. */
export function isoDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `netwerkscan-groep-<what>-<date>.<ext>` */
export function fileName(what, ext, date = new Date()) {
  return `netwerkscan-groep-${what}-${isoDate(date)}.${ext}`;
}

/** Offers `blob` as a download named `name`, from inside `root` (the shadow root). */
export function download(root, blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** The chart drawn by the core on a canvas of its own, with its legend, as a PNG blob. */
export function chartPng(scan, def, handle, lang, options) {
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT_SIZE;
  canvas.height = EXPORT_SIZE;
  drawChart(scan, canvas, def, handle, lang, { ...options, legend: true });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png');
  });
}

/** The chart as SVG text from the core. */
export function chartSvg(scan, def, handle, lang, options, size = EXPORT_SIZE) {
  const drawn = def.overlays ? { ...options, legend: true } : def.view ? { view: def.view } : {};
  return scan.svg(def.chart ?? def.key, handle, lang, size, size, drawn);
}

/** The SVG as a data: URL for an <img> (the CSP allows data: images). */
export function svgDataUrl(svg) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
