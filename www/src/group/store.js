// The network kept in the browser: every response read (as its canonical JSON text),
// the baseline, the facilitator's notes and the view's settings, in IndexedDB, until the
// facilitator clears them. IndexedDB holds thousands of files where localStorage would
// run out, and writing one response does not rewrite the others.
//
// Where the browser refuses IndexedDB (a sandboxed frame, some private windows) the
// store says so once (`refusal`) and every call resolves without keeping anything: the
// view then works from memory, and the page says so in plain words.

const VERSION = 1;
const RESPONSES = 'responses';
const META = 'meta';

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function message(error) {
  if (error && typeof error === 'object' && 'message' in error && error.message) return `${error.name ?? 'Error'}: ${error.message}`;
  return String(error);
}

/**
 * Opens the store named `name`. Resolves to {available, refusal, load(), add(set,
 * entries), remove(ids), setMeta(key, value), clear()}; never rejects.
 */
export async function openStore(name) {
  let db = null;
  let refusal = null;
  try {
    const factory = globalThis.indexedDB;
    if (!factory) throw new Error('IndexedDB is not available');
    const request = factory.open(name, VERSION);
    request.onupgradeneeded = () => {
      const upgrade = request.result;
      if (!upgrade.objectStoreNames.contains(RESPONSES)) upgrade.createObjectStore(RESPONSES, { keyPath: 'id', autoIncrement: true });
      if (!upgrade.objectStoreNames.contains(META)) upgrade.createObjectStore(META);
    };
    db = await promised(request);
  } catch (error) {
    refusal = message(error);
    db = null;
  }

  const store = {
    get available() {
      return db !== null;
    },
    refusal,

    /** {current: [{id, name, text, fingerprint}], baseline: [...], meta: {notes, settings}} in the order added. */
    async load() {
      if (!db) return { current: [], baseline: [], meta: {} };
      const tx = db.transaction([RESPONSES, META], 'readonly');
      const records = await promised(tx.objectStore(RESPONSES).getAll());
      const keys = await promised(tx.objectStore(META).getAllKeys());
      const values = await promised(tx.objectStore(META).getAll());
      const meta = Object.fromEntries(keys.map((key, i) => [key, values[i]]));
      const pick = (set) => records.filter((r) => r.set === set).sort((a, b) => a.id - b.id);
      return { current: pick('current'), baseline: pick('baseline'), meta };
    },

    /** Adds entries ({name, text, fingerprint}) to `set`; resolves to their ids, in order. */
    async add(set, entries) {
      if (!db || entries.length === 0) return [];
      const tx = db.transaction(RESPONSES, 'readwrite');
      const objects = tx.objectStore(RESPONSES);
      const requests = entries.map((entry) => objects.add({ set, name: entry.name, text: entry.text, fingerprint: entry.fingerprint ?? null, added: Date.now() }));
      await finished(tx);
      return requests.map((r) => r.result);
    },

    /** Removes the records with these ids. */
    async remove(ids) {
      if (!db) return;
      const list = ids.filter((id) => id != null);
      if (list.length === 0) return;
      const tx = db.transaction(RESPONSES, 'readwrite');
      const objects = tx.objectStore(RESPONSES);
      for (const id of list) objects.delete(id);
      await finished(tx);
    },

    /** Keeps a small value (notes, settings) under `key`. */
    async setMeta(key, value) {
      if (!db) return;
      const tx = db.transaction(META, 'readwrite');
      tx.objectStore(META).put(value, key);
      await finished(tx);
    },

    /** Forgets everything. */
    async clear() {
      if (!db) return;
      const tx = db.transaction([RESPONSES, META], 'readwrite');
      tx.objectStore(RESPONSES).clear();
      tx.objectStore(META).clear();
      await finished(tx);
    },
  };
  return store;
}

export { message as storageMessage };
