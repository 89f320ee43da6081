// Moving the response in and out of the browser: saving it as a file (the system's
// save dialog where the browser has one, else a download), sharing it (the Web Share
// API on phones), copying it as text, and reading a chosen file. Nothing is ever sent
// anywhere. The core writes and checks the JSON; this module only moves text, and says
// only what it knows: in a frame it cannot inspect, a download may be blocked unseen.
// The result's charts and scores are saved the same way (saveFile).

import { download as downloadBlob, frameContext, isoDate } from '../export.js';

export { frameContext };

/** A file-name-safe version of the alias ("Anna de Vries" -> "Anna-de-Vries"). */
function slug(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The words in file names, in the scan's language. */
const FILE_WORDS = {
  nl: { answers: 'antwoorden', result: 'resultaat' },
  en: { answers: 'answers', result: 'result' },
};

const fileWords = (lang) => FILE_WORDS[lang] ?? FILE_WORDS.nl;

/** `netwerkscan-<alias or 'antwoorden'>-<yyyy-mm-dd>.json` (in English: 'answers'). */
export function responseFileName(response, { lang = 'nl', date = new Date() } = {}) {
  const alias = slug(response?.respondent?.alias) || fileWords(lang).answers;
  return `netwerkscan-${alias}-${isoDate(date)}.json`;
}

/** `netwerkscan-<alias or 'resultaat'>-<what>-<yyyy-mm-dd>.<ext>`: an export of the result. */
export function resultFileName(response, what, ext, { lang = 'nl', date = new Date() } = {}) {
  const alias = slug(response?.respondent?.alias) || fileWords(lang).result;
  return `netwerkscan-${alias}-${what}-${isoDate(date)}.${ext}`;
}

/** Offers `text` as a download named `name`; `holder` is where the link lives for a moment. */
export function download(text, name, holder, type = 'application/json') {
  downloadBlob(holder, new Blob([text], { type }), name);
}

/** What the save dialog offers for each kind of file the scan saves. */
const KINDS = {
  'application/json': { description: 'Netwerkscan', ext: '.json' },
  'image/png': { description: 'PNG', ext: '.png' },
  'image/svg+xml': { description: 'SVG', ext: '.svg' },
  'text/csv': { description: 'CSV', ext: '.csv' },
};

/**
 * Saves `text` as `name`. Resolves to {how: 'picker', name} (written where the
 * participant chose), {how: 'download', name, sure} (handed to the browser; `sure` is
 * false where a frame may block it), {how: 'blocked'} (this frame blocks downloads) or
 * {how: 'cancelled'}.
 */
export function saveText(text, name, holder, context = frameContext()) {
  return saveFile(text, name, holder, context);
}

/**
 * Saves `content` (text or a Blob, of the MIME type `type`) as `name`, the way saveText
 * does: the system's save dialog where there is one, else a download, never in a frame
 * that blocks downloads. Resolves as saveText does.
 */
export async function saveFile(content, name, holder, context = frameContext(), type = 'application/json') {
  // A frame that may not download may not write files through the picker either.
  if (context.downloads === 'no') return { how: 'blocked' };
  const mime = type.split(';')[0];
  if (typeof window.showSaveFilePicker === 'function') {
    try {
      const kind = KINDS[mime] ?? { description: 'Netwerkscan', ext: `.${name.split('.').pop()}` };
      const handle = await window.showSaveFilePicker({
        suggestedName: name,
        types: [{ description: kind.description, accept: { [mime]: [kind.ext] } }],
      });
      const writable = await handle.createWritable();
      await writable.write(content);
      await writable.close();
      return { how: 'picker', name: handle.name };
    } catch (error) {
      if (error?.name === 'AbortError') return { how: 'cancelled' };
      // A frame may not show the picker (SecurityError): a download is next.
    }
  }
  downloadBlob(holder, typeof content === 'string' ? new Blob([content], { type }) : content, name);
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
