// The one store of the page: the response object, the language and the current step.
// Every change goes through `update`, which saves a draft to localStorage and tells the
// subscribers what kind of change happened, so the views can redraw what they need.

import { LANGS, errorMessage } from './i18n.js';

export const STORAGE_KEY = 'netwerkscan:draft:v1';
const CORRUPT_PREFIX = 'netwerkscan:draft:v1:corrupt:';

/** localStorage, or null when the browser refuses it (private mode, blocked cookies). */
function openStorage() {
  try {
    const storage = globalThis.localStorage;
    const probe = 'netwerkscan:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { storage, problem: null };
  } catch (error) {
    return { storage: null, problem: errorMessage(error) };
  }
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads the draft. Returns `{draft}` when there is a usable one, `{corrupt: message}` when
 * something is stored that cannot be used, and `{}` when nothing is stored.
 */
function readDraft(storage, scan, stepCount) {
  const text = storage.getItem(STORAGE_KEY);
  if (text == null) return {};
  try {
    const draft = JSON.parse(text);
    if (!isPlainObject(draft)) throw new Error('the draft is not a JSON object');
    if (draft.version !== 1) throw new Error(`unknown draft version ${JSON.stringify(draft.version)}`);
    if (!isPlainObject(draft.response)) throw new Error('the draft has no response');
    // The core is the judge of what a valid response is; a draft it rejects is corrupt.
    // The stored object itself is kept (not the parsed copy) so that every answer,
    // including "weet niet", comes back exactly as the respondent left it.
    scan.parseResponse(JSON.stringify(draft.response));
    const lang = LANGS.includes(draft.lang) ? draft.lang : 'nl';
    const step = Number.isInteger(draft.step) ? Math.min(Math.max(draft.step, 0), stepCount - 1) : 0;
    return { draft: { lang, step, response: draft.response } };
  } catch (error) {
    return { corrupt: errorMessage(error), text };
  }
}

/** Keeps a copy of an unusable draft under its own key, so nothing is silently lost. */
function keepCorruptCopy(storage, text) {
  const key = CORRUPT_PREFIX + new Date().toISOString();
  try {
    storage.setItem(key, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // The copy did not fit; the original then stays where it is, and autosave will
    // overwrite it at the first answer. The message to the user still names the key.
  }
  return key;
}

/** True when the response holds at least one answer or filled-in field. */
export function hasAnswers(response) {
  if (!isPlainObject(response)) return false;
  const nonEmpty = (obj) => isPlainObject(obj) && Object.keys(obj).length > 0;
  const r = response.respondent ?? {};
  const i = response.interests ?? {};
  return (
    nonEmpty(response.answers) ||
    nonEmpty(response.importance) ||
    nonEmpty(response.comments) ||
    Boolean(r.alias) ||
    Boolean(r.organisation) ||
    (Array.isArray(r.roles) && r.roles.length > 0) ||
    r.position != null ||
    response.ladder?.current != null ||
    response.ladder?.desired != null ||
    ['interest', 'give', 'take', 'passion'].some((k) => k in i) ||
    nonEmpty(i.influence)
  );
}

/**
 * Creates the store; `freshResponse()` gives an empty response. `notices` collects what the page should tell the user about the
 * restore: {kind: 'restored' | 'corrupt' | 'unavailable', ...}.
 */
export function createStore(scan, stepCount, freshResponse) {
  const { storage, problem } = openStorage();
  const notices = [];
  let state = { lang: 'nl', step: 0, response: freshResponse() };

  if (problem) {
    notices.push({ kind: 'unavailable', message: problem });
  } else {
    const found = readDraft(storage, scan, stepCount);
    if (found.draft) {
      state = found.draft;
      if (hasAnswers(state.response)) notices.push({ kind: 'restored' });
    } else if (found.corrupt) {
      const key = keepCorruptCopy(storage, found.text);
      notices.push({ kind: 'corrupt', message: found.corrupt, key });
    }
  }

  const listeners = new Set();
  let saveFailed = false;

  function save() {
    if (!storage) return;
    const draft = { version: 1, lang: state.lang, step: state.step, response: state.response };
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(draft));
      saveFailed = false;
    } catch (error) {
      // Tell the user once per failure streak, not on every keystroke.
      if (!saveFailed) {
        saveFailed = true;
        for (const listener of listeners) listener(state, 'save-failed', errorMessage(error));
      }
    }
  }

  function emit(kind) {
    save();
    for (const listener of listeners) listener(state, kind);
  }

  return {
    notices,
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Changes the response in place through `mutate(response)`; `kind` says what changed. */
    update(kind, mutate) {
      mutate(state.response);
      emit(kind);
    },
    setLang(lang) {
      if (!LANGS.includes(lang) || lang === state.lang) return;
      state = { ...state, lang };
      emit('lang');
    },
    setStep(step) {
      const next = Math.min(Math.max(step, 0), stepCount - 1);
      if (next === state.step) return;
      state = { ...state, step: next };
      emit('step');
    },
    /** Replaces the whole response (opened file, start again). */
    replace(response, step = state.step) {
      state = { ...state, response, step: Math.min(Math.max(step, 0), stepCount - 1) };
      emit('replace');
    },
  };
}
