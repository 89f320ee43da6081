// Reading the partners' files: from a file picker, a drop or pasted text, into named
// texts; the core reads them all at once into the session's held set (`scan.readInto`),
// and this module sorts the results into new responses, problems (each named with its
// file) and duplicates that wait for the facilitator's choice. Nothing here changes what
// was read before.

import { looksLikeNetwork, readNetwork } from './network.js';
import { w } from './words.js';

/** The largest file the page reads (a response file is a few KB; a network of 10,000 about 30 MB). */
export const MAX_FILE_MB = 200;

const BOM = '\uFEFF';

function stripBom(text) {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}

const isLines = (name) => /\.(jsonl|ndjson)$/i.test(name);

/** Splits JSON Lines text into named lines, skipping blank ones. */
function lines(text, name, lang) {
  const out = [];
  const all = text.split(/\r?\n/);
  for (let i = 0; i < all.length; i += 1) {
    if (all[i].trim() === '') continue;
    out.push({ name: w(lang, 'lineName', { file: name, line: i + 1 }), text: all[i] });
  }
  return out;
}

/**
 * Sorts one text into response texts, networks and problems (pushed onto `into`).
 * A network file brings its responses, its baseline and its notes.
 */
function sortText(text, name, lang, into) {
  text = stripBom(text);
  if (text.trim() === '') {
    into.problems.push({ name, message: w(lang, 'emptyFile') });
    return;
  }
  if (looksLikeNetwork(text)) {
    const network = readNetwork(text, name, lang);
    if (!network.error) {
      into.networks.push({ name, ...network });
      return;
    }
    // A response whose comment mentions the format still reads as a response.
    let isNetwork = true;
    try {
      isNetwork = JSON.parse(text)?.format !== 'netwerkscan-response';
    } catch {
      isNetwork = true;
    }
    if (isNetwork) {
      into.problems.push({ name, message: network.error });
      return;
    }
  }
  if (isLines(name)) {
    const found = lines(text, name, lang);
    if (found.length === 0) into.problems.push({ name, message: w(lang, 'emptyFile') });
    into.texts.push(...found);
    return;
  }
  into.texts.push({ name, text });
}

/**
 * Reads files (a FileList or an array of File). Resolves to {texts: [{name, text}],
 * networks: [{name, responses, baseline, notes, problems}], problems: [{name, message}]}.
 */
export async function gatherFiles(files, lang) {
  const into = { texts: [], networks: [], problems: [] };
  const list = [];
  for (const file of files) {
    if (file.size > MAX_FILE_MB * 1024 * 1024) into.problems.push({ name: file.name, message: w(lang, 'tooLarge', { size: Math.round(file.size / 1024 / 1024), max: MAX_FILE_MB }) });
    else list.push(file);
  }
  for (const { file, text, error } of await readAll(list, lang)) {
    if (error) into.problems.push({ name: file.name, message: error });
    else sortText(text, file.name, lang, into);
  }
  return into;
}

/**
 * The texts of many files. One read of all of them together is several times faster
 * than a read per file (1,000 files: one trip to the file system instead of 1,000);
 * when that fails (a file removed meanwhile), each file is read on its own, so the
 * failure is named with its file. Text that is not UTF-8 is named, not garbled.
 */
async function readAll(files, lang) {
  const decode = (file, bytes) => {
    try {
      return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { file, error: w(lang, 'notUtf8') };
    }
  };
  try {
    const all = new Uint8Array(await new Blob(files).arrayBuffer());
    let at = 0;
    return files.map((file) => {
      const bytes = all.subarray(at, at + file.size);
      at += file.size;
      return decode(file, bytes);
    });
  } catch {
    return Promise.all(
      files.map(async (file) => {
        try {
          return decode(file, new Uint8Array(await file.arrayBuffer()));
        } catch (error) {
          return { file, error: w(lang, 'readFailed', { message: errorText(error) }) };
        }
      }),
    );
  }
}

/**
 * Reads pasted text: one response, a JSON array of responses, a network file, or
 * several responses one per line.
 */
export function gatherText(text, lang) {
  const name = w(lang, 'pasteName');
  const into = { texts: [], networks: [], problems: [] };
  const trimmed = stripBom(text).trim();
  if (trimmed.startsWith('[')) {
    try {
      const array = JSON.parse(trimmed);
      if (Array.isArray(array)) {
        array.forEach((item, i) => into.texts.push({ name: w(lang, 'entryName', { file: name, what: 'respons', n: i + 1 }), text: JSON.stringify(item) ?? 'null' }));
        if (array.length === 0) into.problems.push({ name, message: w(lang, 'emptyFile') });
        return into;
      }
    } catch {
      // Not one JSON array: read it as lines below.
    }
  }
  let whole = false;
  try {
    JSON.parse(trimmed);
    whole = true;
  } catch {
    whole = false;
  }
  if (whole || !trimmed.includes('\n')) sortText(trimmed, name, lang, into);
  else sortText(trimmed, `${name}.jsonl`, lang, into);
  return into;
}

/** Who a response says it is, for spotting the same respondent twice; null when it says nothing. */
export function identity(response) {
  const r = response?.respondent ?? {};
  const alias = String(r.alias ?? '').trim().toLowerCase();
  if (!alias) return null;
  return `${alias}\u0000${String(r.organisation ?? '').trim().toLowerCase()}`;
}

/** "Anna (Gemeente Zuiderveen)". */
export function who(response) {
  const r = response?.respondent ?? {};
  const alias = String(r.alias ?? '').trim();
  const organisation = String(r.organisation ?? '').trim();
  return organisation ? `${alias} (${organisation})` : alias;
}

/**
 * Reads `texts` into the held set `set` (`scan.readInto`: the core reads each file once,
 * and the set keeps what it read for every later analysis) and sorts the results
 * against `existing`, the entries already in the set, in its order. Returns {accepted:
 * [entry], conflicts: [{kind: 'same' | 'alias', existing, incoming}], problems: [{name,
 * message}]}; an entry is {name, response, text, fingerprint, migrated}.
 *
 * Afterwards the set holds exactly `existing` followed by `accepted`, in that order:
 * a bad file never enters it, and a duplicate is taken out again to wait outside for the
 * facilitator's choice.
 */
export function readIntoSet(scan, set, texts, existing, lang) {
  const accepted = [];
  const conflicts = [];
  const problems = [];
  if (texts.length === 0) return { accepted, conflicts, problems };
  const results = scan.readInto(
    set,
    texts.map((t) => t.text),
    lang,
  );
  const byPrint = new Map();
  const byWho = new Map();
  for (const entry of existing) {
    byPrint.set(entry.fingerprint, entry);
    const id = identity(entry.response);
    if (id && !byWho.has(id)) byWho.set(id, entry);
  }
  const waiting = []; // indexes in the set of the duplicates, ascending
  results.forEach((result, i) => {
    const name = texts[i].name;
    if ('error' in result) {
      problems.push({ name, message: result.error });
      return;
    }
    const entry = {
      name,
      response: result.response,
      text: JSON.stringify(result.response),
      fingerprint: result.fingerprint,
      migrated: result.migrated ?? null,
    };
    const same = byPrint.get(entry.fingerprint);
    const id = identity(entry.response);
    const other = same ? null : id ? byWho.get(id) : null;
    if (same || other) {
      conflicts.push({ kind: same ? 'same' : 'alias', existing: same ?? other, incoming: entry });
      waiting.push(result.index);
      return;
    }
    byPrint.set(entry.fingerprint, entry);
    if (id) byWho.set(id, entry);
    accepted.push(entry);
  });
  // From the last to the first: each removal moves only the entries after it.
  for (let k = waiting.length - 1; k >= 0; k -= 1) set.remove(waiting[k]);
  return { accepted, conflicts, problems };
}
