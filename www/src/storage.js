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
// - The old page kept its draft under `netwerkscan:draft:v1`. Where the element uses the
//   default key and finds nothing under it, it reads that one instead (once: the app
//   saves the migrated response under the new key and then forgets the old one).

/** The version of the draft envelope (the response inside has its own). */
export const DRAFT_VERSION = 1;

/** The key a page uses when it does not set `storage-key`. */
export const DEFAULT_KEY = 'netwerkscan:draft';

/** The key of the old single page's draft (instrument version 1). */
export const LEGACY_KEY = 'netwerkscan:draft:v1';

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when the response holds anything the participant filled in (then the scan
 * resumes where they were instead of showing the opening screen). */
export function hasAnswers(response) {
  if (!response || typeof response !== 'object') return false;
  const some = (o) => o && typeof o === 'object' && Object.keys(o).length > 0;
  const r = response.respondent ?? {};
  const i = response.interests ?? {};
  return (
    some(response.answers) ||
    some(response.importance) ||
    some(response.comments) ||
    Boolean(r.alias) ||
    Boolean(r.organisation) ||
    (Array.isArray(r.roles) && r.roles.length > 0) ||
    ['position', 'sector', 'level'].some((k) => k in r) ||
    'form' in response ||
    some(response.ladder) ||
    Object.keys(i).some((k) => k !== 'influence') ||
    some(i.influence)
  );
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
 * nothing. `legacyKey`: where an older page kept its draft, read when `key` holds none.
 * Returns {read(), write(draft), keepCopy(text), remove(), forgetLegacy(), pause(),
 * resume(), paused, available, refusal, key}.
 */
export function openDraft(key, { enabled = true, legacyKey = null } = {}) {
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
  // The key the draft that was read came from (the legacy key until it is migrated).
  let readFrom = key;

  return {
    key,
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
     * {state: 'empty'} | {state: 'draft', draft: {lang, step, response}, legacy} |
     * {state: 'corrupt', text, message, key, legacy} | {state: 'unavailable', reason}
     */
    read() {
      if (!storage) return { state: 'unavailable', reason: refusal };
      let text;
      readFrom = key;
      try {
        text = storage.getItem(key);
        if (text == null && legacyKey) {
          text = storage.getItem(legacyKey);
          if (text != null) readFrom = legacyKey;
        }
      } catch (error) {
        storage = null;
        refusal = describe(error);
        return { state: 'unavailable', reason: refusal };
      }
      if (text == null) return { state: 'empty' };
      const legacy = readFrom !== key;
      try {
        const draft = JSON.parse(text);
        if (!isObject(draft)) throw new Error('the draft is not a JSON object');
        if (draft.version !== DRAFT_VERSION) throw new Error(`unknown draft version ${JSON.stringify(draft.version)}`);
        if (!isObject(draft.response)) throw new Error('the draft has no response');
        const step = Number.isInteger(draft.step) && draft.step >= 0 ? draft.step : 0;
        const lang = typeof draft.lang === 'string' ? draft.lang : null;
        return { state: 'draft', draft: { lang, step, response: draft.response }, text, legacy };
      } catch (error) {
        return { state: 'corrupt', text, message: error instanceof Error ? error.message : String(error), key: readFrom, legacy };
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
      const copy = `${readFrom}:corrupt:${new Date().toISOString()}`;
      try {
        storage.setItem(copy, text);
        // Say only what is true: the copy must be there, whole.
        if (storage.getItem(copy) !== text) throw new Error('the copy did not keep');
      } catch {
        try {
          storage.removeItem(copy);
        } catch {
          // Nothing was kept; nothing to take back.
        }
        return null;
      }
      try {
        storage.removeItem(readFrom);
      } catch {
        // The copy exists; the original stays too, which loses nothing.
      }
      return copy;
    },

    /** Forgets the draft (start again), and the old page's draft with it. */
    remove() {
      if (!storage) return;
      try {
        storage.removeItem(key);
        if (legacyKey) storage.removeItem(legacyKey);
      } catch {
        // Nothing to forget where nothing could be kept.
      }
    },

    /** After the migrated draft was saved under `key`: forgets the old page's draft. */
    forgetLegacy() {
      if (!storage || !legacyKey || readFrom === key) return;
      try {
        storage.removeItem(legacyKey);
        readFrom = key;
      } catch {
        // It is read again next time, and migrated again: nothing is lost.
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
