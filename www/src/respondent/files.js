// Moving the response in and out of the browser: saving it as a file (the system's
// save dialog where the browser has one, else a download), sharing it (the Web Share
// API on phones), copying it as text, and reading a chosen file. Nothing is ever sent
// anywhere. The core writes and checks the JSON; this module only moves text, and says
// only what it knows: in a frame it cannot inspect, a download may be blocked unseen.

/** A file-name-safe version of the alias ("Anna de Vries" -> "Anna-de-Vries"). */
function slug(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** yyyy-mm-dd in the respondent's own time zone. */
function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `netwerkscan-<alias or 'antwoorden'>-<yyyy-mm-dd>.json` */
export function responseFileName(response, date = new Date()) {
  const alias = slug(response?.respondent?.alias) || 'antwoorden';
  return `netwerkscan-${alias}-${isoDate(date)}.json`;
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

/** Offers `text` as a download named `name`; `holder` is where the link lives for a moment. */
export function download(text, name, holder, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  holder.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves `text` as `name`. Resolves to {how: 'picker', name} (written where the
 * participant chose), {how: 'download', name, sure} (handed to the browser; `sure` is
 * false where a frame may block it), {how: 'blocked'} (this frame blocks downloads) or
 * {how: 'cancelled'}.
 */
export async function saveText(text, name, holder, context = frameContext()) {
  // A frame that may not download may not write files through the picker either.
  if (context.downloads === 'no') return { how: 'blocked' };
  if (typeof window.showSaveFilePicker === 'function') {
    try {
      const handle = await window.showSaveFilePicker({
        suggestedName: name,
        types: [{ description: 'Netwerkscan', accept: { 'application/json': ['.json'] } }],
      });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      return { how: 'picker', name: handle.name };
    } catch (error) {
      if (error?.name === 'AbortError') return { how: 'cancelled' };
      // A frame may not show the picker (SecurityError): a download is next.
    }
  }
  download(text, name, holder);
  return { how: 'download', name, sure: context.downloads === 'yes' };
}

/** The response as a File to share, or null where this browser cannot share files. */
export function shareableFile(text, name) {
  if (typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function' || typeof File !== 'function') return null;
  const file = new File([text], name, { type: 'application/json' });
  try {
    return navigator.canShare({ files: [file] }) ? file : null;
  } catch {
    return null;
  }
}

/** Shares `file`; resolves to 'shared' or 'cancelled', rejects on other failures. */
export async function shareFile(file, title) {
  try {
    await navigator.share({ files: [file], title });
    return 'shared';
  } catch (error) {
    if (error?.name === 'AbortError') return 'cancelled';
    throw error;
  }
}

/** Copies `text` to the clipboard; resolves to true when the browser said it did. */
export async function copyToClipboard(text) {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads a chosen file's text. */
export function readFile(file) {
  return file.text();
}
