// The one store of a scan: the response being filled in, the current step and the
// language. Every change goes through it; it saves the draft (storage.js) and tells the
// subscribers what kind of change happened, so each view redraws only what it must.
// One store per element: nothing here is shared between two scans on a page.
//
// Saving: a failed write is tried again at the next change; the subscribers hear
// ('save', {previous, now}) only when the outcome changes (ok, full, refused, off,
// paused), so a message is shown once, not at every keystroke.

/**
 * `draft`: the store of storage.js. `initial`: {response, step, lang}. `stepCount`
 * bounds the step. `legacy`: the draft came from the old page's key and is migrated by
 * the first successful save.
 */
export function createStore({ draft, initial, stepCount, legacy = false }) {
  let state = { ...initial, step: clampStep(initial.step, stepCount) };
  const listeners = new Set();
  let saved = draft.refusal ?? 'ok';
  let migrating = legacy;

  function notify(kind, detail) {
    for (const listener of listeners) listener(kind, detail);
  }

  function save() {
    const result = draft.write({ lang: state.lang, step: state.step, response: state.response });
    const now = result.ok ? 'ok' : result.reason;
    if (result.ok && migrating) {
      migrating = false;
      draft.forgetLegacy();
    }
    if (now !== saved) {
      const previous = saved;
      saved = now;
      notify('save', { previous, now });
    }
  }

  return {
    get state() {
      return state;
    },
    /** How the last save went: 'ok', 'full', 'refused', 'off' or 'paused'. */
    get saved() {
      return saved;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Changes the response in place through `mutate(response)`; `detail` goes to the subscribers. */
    change(mutate, detail) {
      mutate(state.response);
      save();
      notify('answer', detail);
    },
    setStep(step) {
      const next = clampStep(step, stepCount);
      if (next === state.step) return;
      state = { ...state, step: next };
      save();
      notify('step');
    },
    setLang(lang) {
      if (lang === state.lang) return;
      state = { ...state, lang };
      save();
      notify('lang');
    },
    /** Replaces the whole response (an opened file, `element.response = ...`, start again). */
    replace(response, step = state.step) {
      state = { ...state, response, step: clampStep(step, stepCount) };
      save();
      notify('replace');
    },
    /** Saves now (after a paused draft was resumed, or to migrate the old draft). */
    save,
  };
}

function clampStep(step, count) {
  return Number.isInteger(step) ? Math.min(Math.max(step, 0), count - 1) : 0;
}
