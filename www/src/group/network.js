// The network file: a whole network in one file, to carry it to another computer or
// keep it after the workshop. It holds every response of the current measurement, the
// baseline and the facilitator's notes (docs/FORMATS.md, "Network file"):
//
//   {"format": "netwerkscan-network", "version": 1, "saved": "2025-11-27T10:00:00Z",
//    "responses": [response, ...], "baseline": [response, ...], "notes": "..."}
//
// Reading is defensive: every problem is named, and whatever can be read is read. The
// responses themselves are checked by the core, like any response file.

import { w } from './words.js';

export const NETWORK_FORMAT = 'netwerkscan-network';
export const NETWORK_VERSION = 1;

/** True when `text` looks like a network file (checked properly by readNetwork). */
export function looksLikeNetwork(text) {
  const head = text.trimStart();
  return head.startsWith('{') && text.includes(`"${NETWORK_FORMAT}"`);
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads a network file's text. Returns {error} when it is not one at all, else
 * {responses: [{name, text}], baseline: [{name, text}], notes, problems: [{name, message}]}.
 * `name` is the file's name, used to name each response and problem.
 */
export function readNetwork(text, name, lang) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: w(lang, 'notJson', { message: error.message }) };
  }
  if (!isObject(data)) return { error: w(lang, 'networkNotObject') };
  if (data.format !== NETWORK_FORMAT) return { error: w(lang, 'networkFormat', { format: JSON.stringify(data.format ?? null) }) };
  if (typeof data.version === 'number' && data.version > NETWORK_VERSION) return { error: w(lang, 'networkVersion', { version: data.version }) };
  if (data.version !== NETWORK_VERSION) return { error: w(lang, 'networkVersion', { version: JSON.stringify(data.version ?? null) }) };
  const problems = [];
  const list = (field, required) => {
    const value = data[field];
    if (value === undefined) {
      if (required) problems.push({ name, message: w(lang, 'networkMissing') });
      return [];
    }
    if (!Array.isArray(value)) {
      problems.push({ name, message: w(lang, 'networkField', { field, what: w(lang, 'networkList') }) });
      return [];
    }
    const what = field === 'baseline' ? w(lang, 'targetBaseline') : 'respons';
    // Each response is checked by the core; a non-object gets its (named) error there too.
    return value.map((response, i) => ({
      name: w(lang, 'entryName', { file: name, what, n: i + 1 }),
      text: JSON.stringify(response) ?? 'null',
    }));
  };
  const responses = list('responses', true);
  const baseline = list('baseline', false);
  let notes = '';
  if (data.notes !== undefined && data.notes !== null) {
    if (typeof data.notes === 'string') notes = data.notes;
    else problems.push({ name, message: w(lang, 'networkField', { field: 'notes', what: w(lang, 'networkText') }) });
  }
  return { responses, baseline, notes, problems };
}

/**
 * Writes the network file: one response per line inside the lists, so that the file
 * stays readable and two versions of it compare line by line.
 */
export function writeNetwork({ responses, baseline, notes }, saved = new Date()) {
  const lines = (texts) => (texts.length === 0 ? '[]' : `[\n    ${texts.join(',\n    ')}\n  ]`);
  return (
    '{\n' +
    `  "format": ${JSON.stringify(NETWORK_FORMAT)},\n` +
    `  "version": ${NETWORK_VERSION},\n` +
    `  "saved": ${JSON.stringify(saved.toISOString())},\n` +
    `  "responses": ${lines(responses)},\n` +
    `  "baseline": ${lines(baseline)},\n` +
    `  "notes": ${JSON.stringify(notes ?? '')}\n` +
    '}\n'
  );
}
