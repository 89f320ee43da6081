// Exports that the respondent's result and the group view share: a chart as PNG (the
// core drawing on a canvas of its own), the core's SVG as an image for the printout, and
// a blob handed to the browser as a download. Nothing leaves the browser: a download is
// a blob URL clicked in the page. The mode that imports this module decides the file
// names, what to say about a download, and which chart to draw.

/** The size of an exported chart, in pixels. */
export const EXPORT_SIZE = 900;

/** yyyy-mm-dd in the local time zone. */
export function isoDate(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Offers `blob` as a download named `name`, from inside `holder`; returns the name. */
export function download(holder, blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  holder.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * A PNG blob of what `draw(canvas)` draws on a canvas of its own, `width` × `height`
 * pixels (not the one on screen, whose size follows the layout).
 */
export function canvasPng(draw, width = EXPORT_SIZE, height = width) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png');
  });
}

/** The SVG as a data: URL for an <img> (the CSP allows data: images). */
export function svgDataUrl(svg) {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Where the scan runs, as far as it can tell: {framed, downloads: 'yes' | 'no' |
 * 'unknown'}. A frame whose page shares our origin shows its `sandbox` attribute; a
 * cross-origin frame shows nothing, so there a download may be blocked unseen.
 */
export function frameContext() {
  let top;
  try {
    top = window.self === window.top;
  } catch {
    top = false;
  }
  if (top) return { framed: false, downloads: 'yes' };
  let frame = null;
  try {
    frame = window.frameElement;
  } catch {
    frame = null;
  }
  if (!frame) return { framed: true, downloads: 'unknown' };
  const sandbox = frame.getAttribute('sandbox');
  if (sandbox === null) return { framed: true, downloads: 'yes' };
  return { framed: true, downloads: sandbox.split(/\s+/).includes('allow-downloads') ? 'yes' : 'no' };
}
