// Loads the full wasm module and the instrument: the built-in one, or a trainer's file
// named by the element's `instrument` attribute. Every failure becomes an Error whose
// message a participant can read.

import { fullWasm } from './assets.js';
import { t, errorMessage } from './i18n.js';
import { nextTask } from './dom.js';

let ready = null;

/** The full module's exports, initialised once per page however many elements load it. */
function fullModule() {
  ready ??= import('../pkg/full.js').then(async (module) => {
    await module.default({ module_or_path: fullWasm() });
    // Compiling the module and the first calls into it are two pieces of work.
    await nextTask();
    return module;
  });
  return ready;
}

/**
 * Resolves to {scan, instrument, builtin, Responses}: the wasm `Scan`, the instrument as
 * a plain object, and the class of a held response set (the group view's).
 * `instrumentUrl` (optional) is resolved against the host page. `lang` ('nl' or 'en') is
 * the language of the error, the problems of a trainer's file included.
 */
export async function loadModel(instrumentUrl, lang) {
  let module;
  try {
    module = await fullModule();
  } catch (error) {
    ready = null; // A later element may try again.
    throw new Error(t(lang, 'loadWasmError', { message: errorMessage(error) }));
  }
  const { Scan, Responses } = module;
  if (!instrumentUrl) {
    const scan = new Scan();
    return { scan, instrument: scan.instrument(), builtin: true, Responses };
  }
  let text;
  try {
    const response = await fetch(new URL(instrumentUrl, document.baseURI), { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    text = await response.text();
  } catch (error) {
    throw new Error(t(lang, 'instrumentFetchError', { url: instrumentUrl, message: errorMessage(error) }));
  }
  let scan;
  try {
    // The core names every problem of the file, in the scan's language.
    scan = Scan.fromInstrument(text, lang);
  } catch (error) {
    throw new Error(t(lang, 'instrumentInvalid', { url: instrumentUrl, message: errorMessage(error) }));
  }
  return { scan, instrument: scan.instrument(), builtin: false, Responses };
}
