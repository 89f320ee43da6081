// The draft: the respondent's answers kept in localStorage under the element's storage
// key, so a reload or a closed tab loses nothing.
//
// Rules that hostile conditions taught us:
// - Reading never depends on writing. A full storage, or one that refuses writes, still
//   gives back the draft it holds.
// - A failed write is tried again at the next change; autosave is never switched off
//   for good.
// - A damaged draft is never overwritten before the user has it: a copy is kept under
//   its own key, or, when even that does not fit, writing waits until the user has
//   downloaded it or chosen to go on without it.
// - Where the browser refuses storage altogether (a sandboxed or cross-site frame), the
//   answers stay in memory and the page says so in plain words.

/** The version of the draft envelope (the response inside has its own). */
export const DRAFT_VERSION = 1;

/** The key a page uses when it does not set `storage-key`. */
export const DEFAULT_KEY = 'netwerkscan:draft';

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(error) {
  if (error && typeof error === 'object' && 'name' in error) {
    if (error.name === 'QuotaExceededError') return 'full';
    if (error.name === 'SecurityError') return 'refused';
  }
  return 'refused';
}

/**
 * Opens the draft under `key`. `enabled: false` (the element's `autosave="off"`) keeps
 * nothing. Returns {read(), write(draft), keepCopy(text), remove(), pause(), resume(),
 * paused, available}.
 */
export function openDraft(key, { enabled = true } = {}) {
  let storage = null;
  let refusal = enabled ? null : 'off';
  if (enabled) {
    try {
      // Merely touching localStorage throws in frames that may not use it.
      storage = globalThis.localStorage ?? null;
      if (!storage) refusal = 'refused';
    } catch (error) {
      refusal = describe(error);
    }
  }
  let paused = false;

  return {
    get available() {
      return storage !== null;
    },
    /** Why nothing is kept ('off', 'refused'), or null when storage works. */
    get refusal() {
      return refusal;
    },
    get paused() {
      return paused;
    },

    /**
     * {state: 'empty'} | {state: 'draft', draft: {lang, step, response}} |
     * {state: 'corrupt', text, message} | {state: 'unavailable', reason}
     */
    read() {
      if (!storage) return { state: 'unavailable', reason: refusal };
      let text;
      try {
        text = storage.getItem(key);
      } catch (error) {
        storage = null;
        refusal = describe(error);
        return { state: 'unavailable', reason: refusal };
      }
      if (text == null) return { state: 'empty' };
      try {
        const draft = JSON.parse(text);
        if (!isObject(draft)) throw new Error('the draft is not a JSON object');
        if (draft.version !== DRAFT_VERSION) throw new Error(`unknown draft version ${JSON.stringify(draft.version)}`);
        if (!isObject(draft.response)) throw new Error('the draft has no response');
        const step = Number.isInteger(draft.step) && draft.step >= 0 ? draft.step : 0;
        const lang = typeof draft.lang === 'string' ? draft.lang : null;
        return { state: 'draft', draft: { lang, step, response: draft.response }, text };
      } catch (error) {
        return { state: 'corrupt', text, message: error instanceof Error ? error.message : String(error) };
      }
    },

    /** Saves the draft: {ok: true} or {ok: false, reason: 'paused' | 'full' | 'refused' | 'off'}. */
    write(draft) {
      if (!storage) return { ok: false, reason: refusal ?? 'refused' };
      if (paused) return { ok: false, reason: 'paused' };
      try {
        storage.setItem(key, JSON.stringify({ version: DRAFT_VERSION, ...draft }));
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: describe(error) };
      }
    },

    /** Keeps a damaged draft under a key of its own; the key, or null when it did not fit. */
    keepCopy(text) {
      if (!storage) return null;
      const copy = `${key}:corrupt:${new Date().toISOString()}`;
      try {
        storage.setItem(copy, text);
      } catch {
        return null;
      }
      try {
        storage.removeItem(key);
      } catch {
        // The copy exists; the original stays too, which loses nothing.
      }
      return copy;
    },

    /** Forgets the draft (start again). */
    remove() {
      if (!storage) return;
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to forget where nothing could be kept.
      }
    },

    /** Stops writing until `resume()`: a damaged draft waits to be downloaded. */
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
  };
}
