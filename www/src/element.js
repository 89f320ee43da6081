// <netwerk-scan>: the scan as a well-mannered guest in any page.
//
// It renders into an open shadow root (the host's CSS cannot reach it, and its CSS
// cannot reach the host), speaks through `netwerkscan-*` events that bubble out of the
// shadow root, and finds its files relative to its own module. The first thing it does
// is draw the concepts radar from the draft with the small `first` wasm module; the
// form, the other charts and the full module load after that.
//
// Attributes (each a property too): lang, mode (respondent | group), storage-key,
// autosave (off), instrument (a URL), trainer-name, trainer-email.
// Properties: response (get, or set to load one), report (get). Method: reset().
// Events: netwerkscan-change {response}, netwerkscan-complete {response, report},
// netwerkscan-error {message}.

import base from '../styles/base.css' with { type: 'css' };
import { firstChart } from './first-chart.js';
import { respondentShell, groupShell } from './shell.js';
import { openDraft, hasAnswers, DEFAULT_KEY, LEGACY_KEY } from './storage.js';
import { LANGS, t, errorMessage } from './i18n.js';
import { h, nextTask } from './dom.js';

const MODES = ['respondent', 'group'];

/** Resolves once the browser has painted what is on the page now (or soon, where nothing paints). */
function afterPaint() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** `nl-NL` → `nl`; any other language the scan does not speak → null. */
function supported(code) {
  const primary = String(code ?? '').toLowerCase().split('-')[0];
  return LANGS.includes(primary) ? primary : null;
}

export class NetwerkScan extends HTMLElement {
  static observedAttributes = ['lang', 'mode', 'storage-key', 'autosave', 'instrument', 'trainer-name', 'trainer-email'];

  /** Registers the element under `tag` unless something already is. */
  static define(tag = 'netwerk-scan', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #started = false;
  #controller = null;
  #pendingResponse = undefined;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [base];
  }

  // ----- attributes -----

  /** The language the scan speaks: its own `lang`, the closest `[lang]`, the page's, the browser's. */
  get language() {
    const own = supported(this.getAttribute('lang'));
    if (own) return own;
    // Once running, the scan speaks what the participant last chose.
    if (this.#controller?.lang) return this.#controller.lang;
    const closest = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return supported(closest) ?? supported(document.documentElement.lang) ?? supported(navigator.language) ?? 'nl';
  }

  get mode() {
    const mode = this.getAttribute('mode');
    return MODES.includes(mode) ? mode : 'respondent';
  }

  set mode(value) {
    this.setAttribute('mode', value);
  }

  get storageKey() {
    return this.getAttribute('storage-key') || DEFAULT_KEY;
  }

  set storageKey(value) {
    this.setAttribute('storage-key', value);
  }

  get autosave() {
    return this.getAttribute('autosave') !== 'off';
  }

  set autosave(value) {
    if (value) this.removeAttribute('autosave');
    else this.setAttribute('autosave', 'off');
  }

  get instrument() {
    return this.getAttribute('instrument');
  }

  set instrument(value) {
    if (value == null) this.removeAttribute('instrument');
    else this.setAttribute('instrument', value);
  }

  get trainerName() {
    return this.getAttribute('trainer-name') ?? '';
  }

  get trainerEmail() {
    return this.getAttribute('trainer-email') ?? '';
  }

  // ----- properties and methods -----

  /** The response being filled in (a plain object in the response file format). */
  get response() {
    return this.#controller?.response ?? this.#pendingResponse ?? null;
  }

  /** Loads a response; the scan checks it and fires netwerkscan-error if it is not valid. */
  set response(value) {
    if (this.#controller?.setResponse) this.#controller.setResponse(value);
    else this.#pendingResponse = value;
  }

  /** The current report as a plain object (null until the scan has loaded). */
  get report() {
    return this.#controller?.report ?? null;
  }

  /** Clears every answer (and the draft), without asking. */
  reset() {
    this.#controller?.reset?.();
  }

  // ----- lifecycle -----

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#start().catch((error) => this.#fail(error));
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.#controller || previous === value) return;
    if (name === 'lang') this.#controller.setLang?.(this.language);
    else this.#controller.attributeChanged?.(name, value);
  }

  /** Fires a `netwerkscan-*` event that the host page hears outside the shadow root. */
  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(`netwerkscan-${type}`, { bubbles: true, composed: true, detail }));
  }

  async #start() {
    let lang = this.language;
    if (this.mode === 'group') {
      const parts = groupShell(this.#root, { lang });
      // The frame is painted before the group view and the full module are fetched and compiled.
      await afterPaint();
      const [{ startGroup }, model] = await Promise.all([import('./group/app.js'), this.#model(lang)]);
      await nextTask();
      this.#controller = await startGroup({ element: this, root: this.#root, parts, lang, model, emit: (type, detail) => this.emit(type, detail) });
      this.#catchUp(lang);
      return;
    }
    // The old page's draft is read where the page uses the default key.
    const legacyKey = this.getAttribute('storage-key') ? null : LEGACY_KEY;
    const store = openDraft(this.storageKey, { enabled: this.autosave, legacyKey });
    const read = store.read();
    const response = this.#pendingResponse ?? (read.state === 'draft' ? read.draft.response : null);
    // The language the participant chose last time, unless the element names its own.
    if (!supported(this.getAttribute('lang')) && read.state === 'draft') lang = supported(read.draft.lang) ?? lang;
    const parts = respondentShell(this.#root, { lang, opening: !hasAnswers(response) });
    // The first chart first: a trainer's own instrument is the full module's job.
    let drawn = false;
    if (!this.instrument) {
      try {
        drawn = await firstChart(parts.conceptsCanvas, response, lang);
      } catch {
        drawn = false; // The full module draws it below.
      }
    }
    const [{ startRespondent }, model] = await Promise.all([import('./respondent/app.js'), this.#model(lang)]);
    // The full module has just been compiled: the form is built in a task of its own.
    await nextTask();
    const pending = this.#pendingResponse;
    this.#pendingResponse = undefined;
    this.#controller = await startRespondent({
      element: this,
      root: this.#root,
      parts,
      lang,
      store,
      read,
      model,
      firstChartDrawn: drawn,
      initialResponse: pending,
      emit: (type, detail) => this.emit(type, detail),
    });
    // A response set by the host while the scan was starting applies now.
    const late = this.#pendingResponse;
    this.#pendingResponse = undefined;
    if (late !== undefined) this.#controller.setResponse(late);
    this.#catchUp(lang);
  }

  /** A `lang` set while the scan was loading (a host's script, ?lang=en) applies now. */
  #catchUp(started) {
    const own = supported(this.getAttribute('lang'));
    if (own && own !== started) this.#controller?.setLang?.(own);
  }

  async #model(lang) {
    const { loadModel } = await import('./model.js');
    return loadModel(this.instrument, lang);
  }

  /** Loading failed: say so in plain words, once, in the alert box; never hang on "loading". */
  #fail(error) {
    const lang = this.language;
    const message = errorMessage(error);
    const main = this.#root.querySelector('main');
    const alert = this.#root.querySelector('.alert-region');
    const text = t(lang, 'loadError', { message });
    // Said once: in the alert box (announced), with nothing left where the scan would be;
    // without the shell's alert region, where the scan would be, as an alert itself.
    if (alert) {
      main?.replaceChildren();
      alert.replaceChildren(h('div', { class: 'alert-box' }, h('p', { class: 'load-error' }, text)));
    } else {
      (main ?? this.#root).replaceChildren(h('p', { class: 'load-error', role: 'alert' }, text));
    }
    this.emit('error', { message: text });
  }
}
