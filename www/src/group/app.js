// The facilitator's group view: <netwerk-scan mode="group">. It loads only when the
// group view opens (its own chunk), so the respondent's path never pays for it.
//
// The responses live in two sets held in wasm (`Responses`): the current measurement
// and the baseline. The core reads each file once, into its set (`scan.readInto`), at
// import or, for what IndexedDB kept, once at start-up; a dropped duplicate or a removed
// file leaves the set, and clearing empties it. Every change of data or settings runs
// one `scan.analyseSet` over the sets (a new split or minimum size reads nothing again)
// and renders from its report; toggling a respondent's line only redraws the two radars
// from the report held in wasm.
//
// One state object mirrors the sets in JavaScript: `state.current[i]` is the entry
// (file name, response object, canonical text, fingerprint) of the set's response i.
// The core's fingerprints are stable across visits, so they are the entries' keys: the
// respondents whose lines are shown are kept by fingerprint over a reload.
//
//   intake.js   files, drops and pasted text -> checked responses, problems, duplicates
//   network.js  the network file (all responses, the baseline, the notes)
//   store.js    IndexedDB: everything read stays until the facilitator clears it
//   charts.js   the four charts and the respondents' legend
//   sections.js the report's tables and texts
//   presentation.js, exports.js, dialog.js, labels.js (the instrument's words), words.js

import sheet from '../../styles/group.css' with { type: 'css' };
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { CHARTS, PALETTE, chartFigure, paint, respondentLegend } from './charts.js';
import { ask } from './dialog.js';
import { download, frameContext, svgDataUrl } from '../export.js';
import { chartPng, chartSvg, fileName } from './exports.js';
import { gatherFiles, gatherText, readIntoSet, who } from './intake.js';
import { labels, DIMENSIONS } from './labels.js';
import { writeNetwork } from './network.js';
import { openPresentation } from './presentation.js';
import {
  adviceSection,
  changeSection,
  commentsSection,
  coverageSection,
  formSection,
  interestsSection,
  ladderSection,
  scoresSection,
  splitSection,
  trustSection,
} from './sections.js';
import { openStore, storageMessage } from './store.js';
import { w } from './words.js';

/**
 * The value of compare's second select that sets the first group against everyone else
 * (the report's `rest`); the groups' values are JSON texts, so it is never one of them.
 */
const REST = 'rest';

const DEFAULT_SETTINGS = { by: '', minGroup: 3, compare: false, compareA: null, compareB: null, individuals: true, showBaseline: true, shown: [] };

/** How many shown respondents' lines the settings keep over a reload. */
const SHOWN_KEPT = 100;

/** Performance marks the tests and the benchmark read. */
export const MEASURES = {
  render: 'netwerkscan:group-render', // analyse, tables, charts: everything after a change
  analyse: 'netwerkscan:group-analyse', // scan.analyseSet + toJSON
  draw: 'netwerkscan:group-draw', // the four charts
  toggle: 'netwerkscan:group-toggle', // one respondent's line on or off: the two radars
  import: 'netwerkscan:group-import', // files chosen -> everything shown
  read: 'netwerkscan:group-read', // the files' texts read (File.text)
  check: 'netwerkscan:group-check', // scan.readInto the held set, and the duplicates
};

function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * How a respondent is named in the legend: the core's rule (split::respondent_label,
 * which `Report.respondents()` returns), here without asking wasm for every label:
 * that costs about 50 ms at 10,000 respondents.
 */
function label(response, index) {
  const r = response?.respondent ?? {};
  for (const name of [r.alias, r.organisation]) {
    if (typeof name === 'string' && name.trim()) return name.trim();
  }
  return `#${index + 1}`;
}

function measure(name, start) {
  const end = performance.now();
  try {
    performance.measure(name, { start, end });
  } catch {
    // Older browsers without measure options: the duration is still returned.
  }
  return end - start;
}

export async function startGroup(ctx) {
  const { element, root, parts, model, emit } = ctx;
  const { scan, instrument, Responses } = model;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const L = labels(instrument);
  let lang = ctx.lang;

  // ----- state -----
  let counter = 0;
  // The responses as the core holds them, read once: state[set][i] describes sets[set]'s i.
  const sets = { current: new Responses(), baseline: new Responses() };
  const state = {
    current: [],
    baseline: [],
    notes: '',
    settings: { ...DEFAULT_SETTINGS },
    pending: [], // duplicates: {id, kind, target, existing, incoming, choice}
    problems: [], // {name, message}
    shown: new Set(), // entry keys (fingerprints) whose lines are drawn
  };
  let handle = null; // the wasm Report
  let report = null; // its plain object
  let respondentLabels = null;
  let indexOf = new Map(); // entry key -> index in state.current
  const ui = {};
  let presentation = null;
  let printTimer = 0;
  // Compare's second choice is everyone else only because the split has no other group.
  let restFallback = false;

  // Entries are given their key in place: a duplicate's `existing` may be an entry of
  // the same batch, and must stay the very object that goes into the set. The key is the
  // core's fingerprint, stable across visits and unique in a set (a second copy of a
  // response never enters it).
  const newEntry = (entry, dbId = null) => Object.assign(entry, { key: entry.fingerprint, dbId });

  /** Takes `entries` out of the set `target` and its mirror. */
  function removeFromSet(target, entries) {
    const drop = new Set(entries);
    const list = state[target];
    for (let i = list.length - 1; i >= 0; i -= 1) if (drop.has(list[i])) sets[target].remove(i);
    state[target] = list.filter((e) => !drop.has(e));
  }

  /**
   * Puts entries read before (a duplicate the facilitator chose to keep) into the set
   * `target`; returns those that went in.
   */
  function addToSet(target, entries) {
    if (entries.length === 0) return [];
    const results = scan.readInto(
      sets[target],
      entries.map((e) => e.text),
      lang,
    );
    const added = entries.filter((_, i) => !('error' in results[i]));
    state[target].push(...added);
    return added;
  }

  /**
   * The set and its mirror must agree; should they not (a bug, not a user's doing), the
   * set is read again from the mirror's texts rather than showing wrong figures.
   */
  function checkSets() {
    for (const target of ['current', 'baseline']) {
      if (sets[target].length === state[target].length) continue;
      sets[target].clear();
      const results = scan.readInto(
        sets[target],
        state[target].map((e) => e.text),
        lang,
      );
      state[target] = state[target].filter((_, i) => !('error' in results[i]));
    }
  }

  // ----- storage -----
  const attributeKey = element.getAttribute('storage-key');
  const store = await openStore(attributeKey ? `netwerkscan-group:${attributeKey}` : 'netwerkscan-group');

  function storageFailed(error) {
    say('alert', w(lang, 'storageWriteFailed', { message: storageMessage(error) }));
  }

  async function persistAdd(target, entries) {
    if (!store.available || entries.length === 0) return;
    try {
      const ids = await store.add(target, entries);
      entries.forEach((entry, i) => {
        entry.dbId = ids[i];
      });
    } catch (error) {
      storageFailed(error);
    }
  }

  async function persistRemove(entries) {
    if (!store.available) return;
    try {
      await store.remove(entries.map((e) => e.dbId));
    } catch (error) {
      storageFailed(error);
    }
  }

  function persistMeta(key, value) {
    store.setMeta(key, value).catch(storageFailed);
  }

  // ----- messages -----

  /** A message in the alert (role=alert) or status (role=status) region. */
  function say(where, text, { dismiss = where === 'alert' } = {}) {
    const region = where === 'alert' ? parts.alert : parts.status;
    if (!text) {
      region.replaceChildren();
      return;
    }
    const close = dismiss ? h('button', { type: 'button', class: 'button button-quiet button-small', dataset: { action: 'dismiss' } }, w(lang, 'dismiss')) : null;
    close?.addEventListener('click', () => region.replaceChildren());
    region.replaceChildren(where === 'alert' ? h('div', { class: 'alert-box' }, h('p', {}, text), close) : h('p', {}, text));
  }

  // ----- the analysis -----

  /**
   * What the radars compare: `{by, a, b}` (two groups of the split) or `{by, a, rest}`
   * (group a against everyone else, maybe withheld), or null.
   */
  function compareValues() {
    const s = state.settings;
    if (!s.by || !s.compare || !report?.splits?.[s.by]) return null;
    const groups = report.splits[s.by].filter((g) => !g.withheld);
    const find = (v) => groups.find((g) => JSON.stringify(g.value) === v);
    const a = find(s.compareA);
    if (!a) return null;
    if (s.compareB === REST) {
      const rest = restOf(a.value);
      return rest ? { by: s.by, a, rest } : null;
    }
    const b = find(s.compareB);
    if (!b || a === b) return null;
    return { by: s.by, a, b };
  }

  /** The report's rest when it is that of group `value` of the current split. */
  function restOf(value) {
    const rest = report?.rest;
    return rest && rest.by === state.settings.by && rest.except === value ? rest : null;
  }

  /** The `rest` option of the analysis: [dimension, value] of compare's first group. */
  function restWanted() {
    const s = state.settings;
    if (!s.by || !s.compare || s.compareB !== REST || typeof s.compareA !== 'string') return null;
    try {
      const value = JSON.parse(s.compareA);
      return value === null || typeof value === 'string' ? [s.by, value] : null;
    } catch {
      return null;
    }
  }

  /** The split's groups that show scores, as the compare selects offer them. */
  function compareChoices() {
    const s = state.settings;
    const groups = s.by && report?.splits?.[s.by] ? report.splits[s.by].filter((g) => !g.withheld) : [];
    return groups.map((g) => ({ value: JSON.stringify(g.value), label: `${L.value(s.by, g.value, lang)} (${g.n})` }));
  }

  /**
   * Keeps compare's choices among what the report offers: the first group is one that
   * shows scores; the second another one, or everyone else when there is no other. Everyone
   * else taken for want of another group gives way to one when it appears (a lower
   * minimum size); chosen by the facilitator, it stays.
   */
  function settleCompare(choices = compareChoices()) {
    const s = state.settings;
    if (choices.length === 0) return;
    if (!choices.some((o) => o.value === s.compareA)) s.compareA = choices[0].value;
    const other = choices.find((o) => o.value !== s.compareA)?.value;
    if (s.compareB === REST ? restFallback && other : (!choices.some((o) => o.value === s.compareB) || s.compareB === s.compareA)) {
      s.compareB = other ?? REST;
      restFallback = other == null;
    }
  }

  function drawOptions(def) {
    if (!def.overlays) return undefined;
    const options = {};
    if (state.settings.individuals && state.shown.size > 0) {
      options.respondents = [...state.shown]
        .map((key) => indexOf.get(key))
        .filter((i) => i != null)
        .sort((a, b) => a - b);
    }
    const compare = compareValues();
    if (compare) {
      options.compare = [compare.by, compare.a.value, compare.b ? compare.b.value : null];
      if (compare.rest) options.rest = true;
    }
    if (state.baseline.length > 0 && state.settings.showBaseline) options.baseline = true;
    return options;
  }

  function analyse() {
    handle?.free();
    handle = null;
    report = null;
    respondentLabels = null;
    indexOf = new Map(state.current.map((e, i) => [e.key, i]));
    for (const key of [...state.shown]) if (!indexOf.has(key)) state.shown.delete(key);
    checkSets();
    if (state.current.length === 0) return;
    const options = { minGroup: state.settings.minGroup, by: state.settings.by ? [state.settings.by] : [] };
    const rest = restWanted();
    if (rest) options.rest = rest;
    const start = performance.now();
    // The held sets: a new split or minimum size reads no response again.
    handle = scan.analyseSet(sets.current, sets.baseline, options);
    report = handle.toJSON();
    // Compare's first group may be gone (another minimum size, a removed file): once the
    // choice is settled on what the report offers, everyone else is that group's rest.
    settleCompare();
    const settled = restWanted();
    if (JSON.stringify(settled) !== JSON.stringify(rest)) {
      handle.free();
      if (settled) options.rest = settled;
      else delete options.rest;
      handle = scan.analyseSet(sets.current, sets.baseline, options);
      report = handle.toJSON();
    }
    measure(MEASURES.analyse, start);
  }

  /** Analyses and renders everything; measured as aggregate + draw. */
  function refresh() {
    const start = performance.now();
    try {
      analyse();
      renderIntake();
      renderReport();
    } catch (error) {
      say('alert', w(lang, 'error', { message: errorText(error) }));
      emit('error', { message: errorText(error) });
    }
    const ms = measure(MEASURES.render, start);
    if (ui.timing) ui.timing.textContent = report ? w(lang, 'timing', { n: state.current.length, ms: Math.round(ms) }) : '';
  }

  // ----- building the frame -----

  function build() {
    // The first time, the card the shell drew (its heading and help already on screen)
    // becomes the intake card: those nodes stay where they are, painted once.
    const shell = parts.main.querySelector(':scope > section.intake[data-shell]');
    ui.intake = buildIntake(shell);
    ui.settings = buildSettings();
    ui.empty = h('p', { class: 'empty-note' }, w(lang, 'empty'));
    ui.report = h('div', { class: 'report-area' });
    ui.timing = h('p', { class: 'hint timing' });
    if (shell) {
      for (const child of [...parts.main.children]) if (child !== shell) child.remove();
      parts.main.append(ui.settings, ui.empty, ui.report, ui.timing);
    } else replaceChildren(parts.main, ui.intake, ui.settings, ui.empty, ui.report, ui.timing);
  }

  function buildIntake(shell = null) {
    const input = h('input', { type: 'file', id: 'group-files', class: 'file-input', multiple: true, accept: '.json,.jsonl,.ndjson,application/json' });
    const chooser = h('label', { for: 'group-files', class: 'button button-primary' }, w(lang, 'chooseFiles'));
    input.addEventListener('change', () => {
      const files = [...input.files];
      input.value = '';
      if (files.length) importFiles(files);
    });
    const target = h(
      'fieldset',
      { class: 'target-choice' },
      h('legend', {}, w(lang, 'target')),
      ['current', 'baseline'].map((value) =>
        h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'group-target', value, checked: value === 'current' }), ` ${w(lang, value === 'current' ? 'targetCurrent' : 'targetBaseline')}`),
      ),
    );
    ui.target = target;
    const drop = h('div', { class: 'dropzone' }, input, chooser, h('span', { class: 'drop-hint' }, w(lang, 'dropHere')));
    const pasteArea = h('textarea', { id: 'group-paste', rows: '5', spellcheck: 'false' });
    const pasteButton = h('button', { type: 'button', class: 'button', dataset: { action: 'paste' } }, w(lang, 'pasteRead'));
    pasteButton.addEventListener('click', () => {
      if (!pasteArea.value.trim()) return;
      const gathered = gatherText(pasteArea.value, lang);
      pasteArea.value = '';
      ingest(gathered, performance.now());
    });
    const paste = h('details', { class: 'paste' }, h('summary', {}, w(lang, 'pasteSummary')), h('label', { for: 'group-paste' }, w(lang, 'pasteLabel')), pasteArea, pasteButton);

    const networkInput = h('input', { type: 'file', id: 'group-network', class: 'file-input', accept: '.json,application/json' });
    networkInput.addEventListener('change', () => {
      const files = [...networkInput.files];
      networkInput.value = '';
      if (files.length) importFiles(files);
    });
    const save = h('button', { type: 'button', class: 'button', dataset: { action: 'save-network' } }, w(lang, 'saveNetwork'));
    save.addEventListener('click', saveNetwork);
    const clear = h('button', { type: 'button', class: 'button button-quiet', dataset: { action: 'clear' } }, w(lang, 'clearAll'));
    clear.addEventListener('click', clearAll);
    ui.counts = h('p', { class: 'counts', role: 'status' });
    ui.conflicts = h('div', { class: 'conflicts' });
    ui.files = h('div', { class: 'file-lists' });

    const notes = h('textarea', { id: 'group-notes', rows: '3' });
    notes.value = state.notes;
    let notesTimer = 0;
    notes.addEventListener('input', () => {
      state.notes = notes.value;
      if (ui.printNotes) ui.printNotes.textContent = state.notes;
      clearTimeout(notesTimer);
      notesTimer = setTimeout(() => persistMeta('notes', state.notes), 300);
    });
    ui.notes = notes;

    const heading = shell?.querySelector(':scope > h2') ?? h('h2', {}, w(lang, 'intakeTitle'));
    heading.id = 'intake-title';
    heading.textContent = w(lang, 'intakeTitle');
    const help = shell?.querySelector(':scope > p.hint') ?? h('p', { class: 'hint' }, w(lang, 'intakeHelp'));
    help.textContent = w(lang, 'intakeHelp');
    let section = shell;
    if (section) {
      for (const child of [...section.children]) if (child !== heading && child !== help) child.remove();
      delete section.dataset.shell;
      section.setAttribute('aria-labelledby', 'intake-title');
    } else section = h('section', { class: 'intake card', 'aria-labelledby': 'intake-title' }, heading, help);
    section.append(
      h(
        'div',
        { class: 'intake-grid' },
        h('div', { class: 'intake-read' }, drop, target, paste),
        h(
          'div',
          { class: 'intake-side' },
          ui.counts,
          h('div', { class: 'network-actions' }, networkInput, h('label', { for: 'group-network', class: 'button' }, w(lang, 'openNetwork')), save, clear),
        ),
      ),
      ui.conflicts,
      ui.files,
      h('div', { class: 'notes' }, h('label', { for: 'group-notes' }, w(lang, 'notesLabel')), h('p', { class: 'hint', id: 'group-notes-help' }, w(lang, 'notesHelp')), notes),
    );
    notes.setAttribute('aria-describedby', 'group-notes-help');

    // Drop files anywhere on the intake card.
    section.addEventListener('dragover', (event) => {
      if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      section.classList.add('dragging');
    });
    section.addEventListener('dragleave', (event) => {
      if (!section.contains(event.relatedTarget)) section.classList.remove('dragging');
    });
    section.addEventListener('drop', (event) => {
      event.preventDefault();
      section.classList.remove('dragging');
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) importFiles(files);
    });
    return section;
  }

  function targetValue() {
    return ui.target?.querySelector('input:checked')?.value === 'baseline' ? 'baseline' : 'current';
  }

  function buildSettings() {
    const s = state.settings;
    const by = h(
      'select',
      { id: 'group-by' },
      h('option', { value: '' }, w(lang, 'splitNone')),
      DIMENSIONS.map((d) => h('option', { value: d }, w(lang, `dim_${d}`))),
    );
    by.value = s.by;
    by.addEventListener('change', () => {
      s.by = by.value;
      s.compareA = null;
      s.compareB = null;
      settingsChanged();
    });
    const min = h('input', { id: 'group-min', type: 'number', min: '1', max: '99', step: '1', inputmode: 'numeric', value: String(s.minGroup), 'aria-describedby': 'group-min-help' });
    min.addEventListener('change', () => {
      const n = Number.parseInt(min.value, 10);
      s.minGroup = Number.isFinite(n) ? Math.min(99, Math.max(1, n)) : DEFAULT_SETTINGS.minGroup;
      min.value = String(s.minGroup);
      settingsChanged();
    });
    const compare = h('input', { type: 'checkbox', id: 'group-compare', checked: s.compare });
    compare.addEventListener('change', () => {
      s.compare = compare.checked;
      settingsChanged();
    });
    const selectA = h('select', { id: 'group-compare-a' });
    const selectB = h('select', { id: 'group-compare-b' });
    // Everyone else is computed by the core for the first group: choosing it, or
    // another first group while it is chosen, analyses again.
    selectA.addEventListener('change', () => {
      s.compareA = selectA.value;
      settingsChanged({ analyse: s.compareB === REST });
    });
    selectB.addEventListener('change', () => {
      const again = s.compareB === REST || selectB.value === REST;
      s.compareB = selectB.value;
      restFallback = false;
      settingsChanged({ analyse: again });
    });
    ui.compareA = selectA;
    ui.compareB = selectB;
    ui.compareHint = h('p', { class: 'hint', id: 'group-compare-hint' });
    const individuals = h('input', { type: 'checkbox', id: 'group-individuals', checked: s.individuals });
    individuals.addEventListener('change', () => {
      s.individuals = individuals.checked;
      settingsChanged({ analyse: false });
    });
    const baseline = h('input', { type: 'checkbox', id: 'group-show-baseline', checked: s.showBaseline });
    baseline.addEventListener('change', () => {
      s.showBaseline = baseline.checked;
      settingsChanged({ analyse: false });
    });
    ui.showBaseline = baseline;
    const action = (key, name, handler, cls = 'button') => {
      const b = h('button', { type: 'button', class: cls, dataset: { action: name } }, w(lang, key));
      b.addEventListener('click', handler);
      return b;
    };
    ui.presentButton = action('present', 'present', startPresentation, 'button button-primary');
    const field = (label, control, id) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
    ui.actions = h('div', { class: 'view-actions' }, ui.presentButton, action('print', 'print', printReport), action('csv', 'csv', exportCsv));
    return h(
      'section',
      { class: 'view-settings card', 'aria-labelledby': 'settings-title' },
      h('h2', { id: 'settings-title' }, w(lang, 'settingsTitle')),
      h(
        'div',
        { class: 'settings-grid' },
        field(w(lang, 'splitBy'), by, 'group-by'),
        h('div', { class: 'field' }, h('label', { for: 'group-min' }, w(lang, 'minGroup')), min, h('p', { class: 'hint', id: 'group-min-help' }, w(lang, 'minGroupHelp'))),
        h(
          'fieldset',
          { class: 'field compare-field' },
          h('legend', {}, h('label', { class: 'choice' }, compare, ` ${w(lang, 'compare')}`)),
          h('div', { class: 'compare-selects' }, field(w(lang, 'compareA'), selectA, 'group-compare-a'), field(w(lang, 'compareB'), selectB, 'group-compare-b')),
          ui.compareHint,
        ),
        h('div', { class: 'field checks' }, h('label', { class: 'choice' }, individuals, ` ${w(lang, 'showIndividuals')}`), h('label', { class: 'choice' }, baseline, ` ${w(lang, 'showBaseline')}`)),
      ),
      ui.actions,
    );
  }

  function persistSettings() {
    // The lines shown, by fingerprint: stable across visits, so they come back after a reload.
    state.settings.shown = [...state.shown].slice(0, SHOWN_KEPT);
    persistMeta('settings', { ...state.settings });
  }

  function settingsChanged({ analyse: again = true } = {}) {
    persistSettings();
    if (again) refresh();
    else {
      renderCompareControls();
      renderReport();
    }
  }

  // ----- rendering -----

  function renderIntake() {
    const n = state.current.length;
    const b = state.baseline.length;
    ui.counts.textContent = `${w(lang, 'countCurrent', { n })} · ${b ? w(lang, 'countBaseline', { n: b }) : w(lang, 'noBaseline')}`;
    renderConflicts();
    renderFileLists();
    ui.showBaseline.disabled = b === 0;
  }

  function renderConflicts() {
    if (state.pending.length === 0) {
      ui.conflicts.replaceChildren();
      return;
    }
    const items = state.pending.map((c) =>
      h(
        'fieldset',
        { class: 'conflict', dataset: { kind: c.kind } },
        h(
          'legend',
          {},
          c.kind === 'same' ? w(lang, 'dupSame', { new: c.incoming.name, old: c.existing.name }) : w(lang, 'dupAlias', { new: c.incoming.name, old: c.existing.name, who: who(c.incoming.response) }),
        ),
        [
          ['old', w(lang, 'keepOld', { name: c.existing.name })],
          ['new', w(lang, 'keepNew', { name: c.incoming.name })],
          ...(c.kind === 'alias' ? [['both', w(lang, 'keepBoth')]] : []),
        ].map(([value, text]) => {
          const radio = h('input', { type: 'radio', name: `conflict-${c.id}`, value, checked: c.choice === value });
          radio.addEventListener('change', () => {
            c.choice = value;
          });
          return h('label', { class: 'choice' }, radio, ` ${text}`);
        }),
      ),
    );
    const apply = h('button', { type: 'button', class: 'button button-primary', dataset: { action: 'apply-duplicates' } }, w(lang, 'applyChoices'));
    apply.addEventListener('click', () => applyChoices());
    const keepAll = h('button', { type: 'button', class: 'button button-quiet', dataset: { action: 'keep-all-old' } }, w(lang, 'keepAllOld'));
    keepAll.addEventListener('click', () => {
      for (const c of state.pending) c.choice = 'old';
      applyChoices();
    });
    replaceChildren(
      ui.conflicts,
      h(
        'div',
        { class: 'conflict-panel', role: 'group', 'aria-labelledby': 'conflicts-title' },
        h('h3', { id: 'conflicts-title' }, w(lang, 'duplicatesTitle', { n: state.pending.length })),
        h('p', { class: 'hint' }, w(lang, 'duplicatesHelp')),
        h('div', { class: 'conflict-list' }, items),
        h('div', { class: 'conflict-actions' }, apply, keepAll),
      ),
    );
  }

  const LIST_MAX = 500;

  function fileList(target, entries, summaryKey) {
    const details = h('details', { class: 'file-list', dataset: { set: target } });
    details.open = ui.openLists?.has(target) ?? false;
    const summary = h('summary', {}, w(lang, summaryKey, { n: entries.length }));
    const body = h('div', { class: 'file-list-body' });
    const fill = () => {
      if (!details.open) return;
      const shown = entries.slice(0, LIST_MAX);
      const rows = shown.map((e) => {
        const r = e.response.respondent ?? {};
        const remove = h('button', { type: 'button', class: 'button button-quiet button-small', 'aria-label': w(lang, 'removeLabel', { name: e.name }), dataset: { remove: e.key } }, w(lang, 'remove'));
        return h(
          'tr',
          { dataset: { key: e.key } },
          h('th', { scope: 'row' }, r.alias || '—'),
          h('td', {}, r.organisation || '—'),
          h('td', {}, r.position ? L.value('position', r.position, lang) : '—'),
          h('td', {}, r.sector ? L.value('sector', r.sector, lang) : '—'),
          h('td', {}, r.level ? L.value('level', r.level, lang) : '—'),
          h('td', { class: 'file-name' }, e.name),
          h('td', {}, remove),
        );
      });
      const captionId = `files-${target}-caption`;
      replaceChildren(
        body,
        h(
          'div',
          { class: 'table-wrap', role: 'group', tabindex: '0', 'aria-labelledby': captionId },
          h(
            'table',
            { class: 'values files-table' },
            h('caption', { id: captionId, class: 'sr-only' }, summary.textContent),
            h(
              'thead',
              {},
              h('tr', {}, [w(lang, 'colAlias'), L.say('col.organisation', lang), w(lang, 'dim_position'), w(lang, 'dim_sector'), w(lang, 'dim_level'), w(lang, 'colFile'), w(lang, 'colActions')].map((text) => h('th', { scope: 'col' }, text))),
            ),
            h('tbody', {}, rows),
          ),
        ),
        entries.length > LIST_MAX ? h('p', { class: 'hint' }, w(lang, 'listCut', { shown: LIST_MAX, n: entries.length })) : null,
      );
    };
    details.addEventListener('toggle', () => {
      ui.openLists ??= new Set();
      if (details.open) ui.openLists.add(target);
      else ui.openLists.delete(target);
      fill();
    });
    body.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-remove]');
      if (button) removeEntry(target, button.dataset.remove);
    });
    details.append(summary, body);
    fill();
    return details;
  }

  function renderFileLists() {
    const lists = [];
    if (state.current.length) lists.push(fileList('current', state.current, 'filesSummary'));
    if (state.baseline.length) lists.push(fileList('baseline', state.baseline, 'baselineSummary'));
    replaceChildren(ui.files, lists);
  }

  function renderCompareControls() {
    const s = state.settings;
    const options = compareChoices();
    settleCompare(options);
    // Everyone else comes after the split's groups, with its n once the report has it.
    const rest = options.length ? restOf(JSON.parse(s.compareA)) : null;
    const restChoice = { value: REST, label: rest ? `${L.say('split.rest', lang)} (${rest.n})` : L.say('split.rest', lang) };
    for (const [select, value, choices] of [
      [ui.compareA, s.compareA, options],
      [ui.compareB, s.compareB, options.length ? [...options, restChoice] : []],
    ]) {
      replaceChildren(
        select,
        choices.map((o) => h('option', { value: o.value }, o.label)),
      );
      select.value = value ?? '';
      select.disabled = options.length < 1;
    }
    ui.compareHint.textContent = !s.by ? w(lang, 'compareNeedsSplit') : options.length < 1 ? w(lang, 'compareTooFew') : '';
  }

  function seriesKey() {
    const compare = compareValues();
    const items = [];
    const key = (cls, text, colour) => {
      const swatch = h('span', { class: `key-swatch ${cls}`, 'aria-hidden': 'true' });
      if (colour) swatch.style.setProperty('--swatch', colour);
      return h('li', {}, swatch, text);
    };
    if (compare) {
      const { by, a, b, rest } = compare;
      items.push(key('fill', `${L.value(by, a.value, lang)} (${a.n})`, '#0072b2'));
      if (b) items.push(key('line', `${L.value(by, b.value, lang)} (${b.n})`, '#e69f00'));
      // A withheld rest is not on the radar: its key says why, with no swatch to match.
      else if (rest.withheld) items.push(key('none', `${L.say('split.rest', lang)} (${rest.n}): ${L.say('split.withheld', lang)}`));
      else items.push(key('line', `${L.say('split.rest', lang)} (${rest.n})`, '#e69f00'));
    } else {
      items.push(key('fill', L.say('legend.mean', lang), '#0072b2'));
      if (state.current.length > 1) items.push(key('band', L.say('legend.range', lang), '#0072b2'));
    }
    if (state.baseline.length > 0 && state.settings.showBaseline) items.push(key('line', L.say('legend.baseline', lang), '#666e76'));
    // The radar marks the whole group's divergence, but not beside two groups (the core
    // leaves the marks out there), so neither does its key.
    if (!compare && (Object.values(report.concepts).some((c) => c.divergent) || Object.values(report.modules).some((m) => m.divergent))) {
      items.push(h('li', {}, h('span', { class: 'key-mark', 'aria-hidden': 'true' }, '≠'), L.say('divergent', lang)));
    }
    return h('ul', { class: 'series-key', 'aria-label': L.say('legend.mean', lang) }, items);
  }

  function renderReport() {
    const has = report != null;
    ui.empty.hidden = has;
    ui.settings.hidden = !has;
    renderCompareControls();
    if (!has) {
      ui.report.replaceChildren();
      ui.figures = null;
      return;
    }
    const s = state.settings;
    // Charts.
    ui.figures = CHARTS.filter((def) => def.shown?.(report) ?? true).map((def) => ({ def, ...chartFigure(def, L, lang, { onDownload: downloadChart }) }));
    ui.legend = h('div', { class: 'respondent-legend' });
    const chartsSection = h(
      'section',
      { class: 'charts-section', 'aria-labelledby': 'charts-title' },
      h('h2', { id: 'charts-title' }, w(lang, 'chartsTitle')),
      h('div', { class: 'group-chart-grid radars' }, ui.figures.slice(0, 2).map((f) => f.figure)),
      seriesKey(),
      ui.legend,
      h('div', { class: 'group-chart-grid others' }, ui.figures.slice(2).map((f) => f.figure)),
    );
    ui.printNotes = h('p', { class: 'notes-text' }, state.notes);
    const sections = [
      h(
        'header',
        { class: 'print-header' },
        h('h2', {}, `${t(lang, 'groupTitle')}: ${w(lang, 'printTitle')}`),
        h('p', {}, w(lang, 'printMeta', { n: state.current.length, date: new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL') })),
        // The facilitator's notes head the printout: they say what the workshop is about.
        h('div', { class: 'print-notes' }, h('h3', {}, w(lang, 'notesTitle')), ui.printNotes),
      ),
      chartsSection,
      ...scoresSection(report, L, lang),
    ];
    if (s.by && report.splits?.[s.by]) sections.push(splitSection(s.by, report.splits[s.by], report, L, lang, s.minGroup, compareValues()?.rest ?? null));
    if (report.change) sections.push(changeSection(report.change, L, lang));
    sections.push(
      trustSection(report, L, lang),
      ladderSection(report.ladder, L, lang),
      coverageSection(report.coverage, L, lang),
      interestsSection(report.interests ?? [], L, lang),
      formSection(report.form, L, lang),
      adviceSection(report.advice, L, lang),
      commentsSection(report.comments, L, lang),
    );
    // The charts first: they are drawn while the page holds only them, so their layout
    // is quick; the tables follow in the same task, before the next frame is painted.
    replaceChildren(ui.report, sections.slice(0, 2));
    renderLegend();
    drawAll();
    ui.report.append(...sections.slice(2));
  }

  function renderLegend() {
    if (!ui.legend) return;
    const individuals = state.settings.individuals;
    if (individuals && !respondentLabels) respondentLabels = state.current.map((e, i) => label(e.response, i));
    const shownIndexes = () => new Set([...state.shown].map((k) => indexOf.get(k)).filter((i) => i != null));
    const shown = shownIndexes();
    ui.legendControl = respondentLegend(ui.legend, {
      lang,
      labels: respondentLabels ?? [],
      shown,
      hidden: !individuals,
      onToggle: (index) => toggleRespondent(index),
      onClear: () => {
        state.shown.clear();
        shown.clear();
        ui.legendControl.update();
        redrawRadars('toggle');
        persistSettings();
      },
    });
    ui.legendShown = shown;
    ui.refreshShown = () => {
      const next = shownIndexes();
      shown.clear();
      for (const i of next) shown.add(i);
    };
  }

  function toggleRespondent(index) {
    const entry = state.current[index];
    if (!entry) return;
    if (state.shown.has(entry.key)) state.shown.delete(entry.key);
    else state.shown.add(entry.key);
    ui.refreshShown?.();
    ui.legendControl?.update();
    redrawRadars('toggle');
    persistSettings();
  }

  function drawAll() {
    if (!ui.figures || !handle) return;
    const start = performance.now();
    for (const f of ui.figures) paint(scan, f.canvas, f.def, handle, lang, drawOptions(f.def));
    measure(MEASURES.draw, start);
    schedulePrintImages();
  }

  /** Redraws only the two radars (a toggle): measured against the one-frame budget. */
  function redrawRadars() {
    if (!ui.figures || !handle) return;
    const start = performance.now();
    for (const f of ui.figures) if (f.def.overlays) paint(scan, f.canvas, f.def, handle, lang, drawOptions(f.def));
    measure(MEASURES.toggle, start);
    schedulePrintImages();
  }

  // The printout shows the core's SVG drawings (sharp on paper); they are made when the
  // page is idle, so that toggling stays within a frame.
  function schedulePrintImages() {
    clearTimeout(printTimer);
    printTimer = setTimeout(makePrintImages, 400);
  }

  function makePrintImages() {
    clearTimeout(printTimer);
    if (!ui.figures || !handle) return;
    for (const f of ui.figures) {
      try {
        f.print.src = svgDataUrl(chartSvg(scan, f.def, handle, lang, drawOptions(f.def), 800));
      } catch {
        f.print.removeAttribute('src'); // The canvas prints instead.
      }
    }
    parts.main.dataset.printReady = 'true';
  }

  // ----- import -----

  async function importFiles(files) {
    const start = performance.now();
    say('status', w(lang, 'reading', { n: files.length }));
    let gathered;
    try {
      gathered = await gatherFiles(files, lang);
      measure(MEASURES.read, start);
    } catch (error) {
      say('alert', w(lang, 'error', { message: errorText(error) }));
      return;
    }
    ingest(gathered, start);
  }

  async function ingest(gathered, start) {
    const target = targetValue();
    const problems = [...gathered.problems];
    const batches = { current: [], baseline: [] };
    batches[target].push(...gathered.texts);
    const notes = [];
    for (const network of gathered.networks) {
      batches.current.push(...network.responses);
      batches.baseline.push(...network.baseline);
      problems.push(...network.problems);
      if (network.notes?.trim()) notes.push(network.notes);
    }
    let added = 0;
    const addedTo = { current: [], baseline: [] };
    let migrated = 0;
    for (const set of ['current', 'baseline']) {
      if (batches[set].length === 0) continue;
      let sorted;
      try {
        const checking = performance.now();
        sorted = readIntoSet(scan, sets[set], batches[set], state[set], lang);
        measure(MEASURES.check, checking);
      } catch (error) {
        problems.push({ name: batches[set][0].name, message: errorText(error) });
        continue;
      }
      const entries = sorted.accepted.map((e) => newEntry(e));
      state[set].push(...entries);
      addedTo[set] = entries;
      added += entries.length;
      migrated += entries.filter((e) => e.migrated).length;
      problems.push(...sorted.problems);
      for (const c of sorted.conflicts) {
        const incoming = newEntry(c.incoming);
        state.pending.push({ id: (counter += 1), kind: c.kind, target: set, existing: c.existing, incoming, choice: 'old' });
      }
    }
    for (const text of notes) {
      if (!state.notes.includes(text)) state.notes = state.notes.trim() ? `${state.notes.trim()}\n\n${text}` : text;
    }
    if (notes.length) {
      ui.notes.value = state.notes;
      persistMeta('notes', state.notes);
    }
    state.problems = problems;
    refresh();
    showProblems();
    const where = w(lang, target === 'baseline' ? 'targetBaseline' : 'targetCurrent');
    const networkNote = gathered.networks.map((n) => w(lang, 'networkOpened', { file: n.name, n: n.responses.length, b: n.baseline.length })).join(' ');
    const parts2 = [networkNote, added ? w(lang, 'imported', { n: added, target: where }) : w(lang, 'importedNone')];
    if (migrated) parts2.push(w(lang, 'migratedNote', { n: migrated }));
    say('status', parts2.filter(Boolean).join(' '));
    measure(MEASURES.import, start);
    await Promise.all([persistAdd('current', addedTo.current), persistAdd('baseline', addedTo.baseline)]);
  }

  function showProblems() {
    if (state.problems.length === 0) return;
    const close = h('button', { type: 'button', class: 'button button-quiet button-small', dataset: { action: 'dismiss' } }, w(lang, 'dismiss'));
    close.addEventListener('click', () => parts.alert.replaceChildren());
    parts.alert.replaceChildren(
      h(
        'div',
        { class: 'alert-box problems' },
        h(
          'div',
          { class: 'problems-body' },
          h('p', { class: 'problems-title' }, h('strong', {}, w(lang, 'problemsTitle', { n: state.problems.length }))),
          h('p', {}, w(lang, 'problemsHelp')),
          h(
            'ul',
            { class: 'problem-list' },
            state.problems.map((p) => h('li', {}, h('strong', {}, p.name), `: ${p.message}`)),
          ),
        ),
        close,
      ),
    );
  }

  async function applyChoices() {
    const removed = { current: [], baseline: [] };
    const chosen = { current: [], baseline: [] };
    for (const c of state.pending) {
      if (c.choice === 'new') {
        if (state[c.target].includes(c.existing) && !removed[c.target].includes(c.existing)) {
          removed[c.target].push(c.existing);
          state.shown.delete(c.existing.key);
        }
        chosen[c.target].push(c.incoming);
      } else if (c.choice === 'both') chosen[c.target].push(c.incoming);
    }
    state.pending = [];
    const added = { current: [], baseline: [] };
    for (const target of ['current', 'baseline']) {
      removeFromSet(target, removed[target]);
      // Two copies of one response chosen "new" against different files: count it once.
      const seen = new Set(state[target].map((e) => e.fingerprint));
      const fresh = chosen[target].filter((e) => {
        if (seen.has(e.fingerprint)) return false;
        seen.add(e.fingerprint);
        return true;
      });
      added[target] = addToSet(target, fresh);
    }
    refresh();
    say('status', w(lang, 'choicesApplied', { n: state.current.length }));
    await persistRemove([...removed.current, ...removed.baseline].filter((e) => e.dbId != null));
    await Promise.all([persistAdd('current', added.current), persistAdd('baseline', added.baseline)]);
  }

  async function removeEntry(target, key) {
    const entry = state[target].find((e) => e.key === key);
    if (!entry) return;
    removeFromSet(target, [entry]);
    state.shown.delete(key);
    refresh();
    say('status', w(lang, 'removed', { name: entry.name }));
    // Keep the keyboard focus in the list.
    ui.files.querySelector(`details[data-set="${target}"] summary`)?.focus();
    await persistRemove([entry]);
  }

  async function clearAll() {
    const yes = await ask(root, { title: w(lang, 'clearTitle'), text: w(lang, 'clearText'), confirm: w(lang, 'clearConfirm'), cancel: w(lang, 'cancel') });
    if (!yes) return;
    state.current = [];
    state.baseline = [];
    sets.current.clear();
    sets.baseline.clear();
    state.pending = [];
    state.notes = '';
    state.shown.clear();
    state.problems = [];
    ui.notes.value = '';
    parts.alert.replaceChildren();
    try {
      await store.clear();
    } catch (error) {
      storageFailed(error);
    }
    refresh();
    say('status', w(lang, 'cleared'));
  }

  // ----- exports -----

  /**
   * Hands `blob` to the browser as `name` and says so with `saved` (a word taking
   * {file}), as far as the scan can tell: a frame that forbids downloads gets nothing
   * and a plain message; a frame the scan cannot inspect may block it unseen.
   */
  async function offer(blob, name, saved) {
    const context = frameContext();
    if (context.downloads === 'no') {
      say('alert', w(lang, 'downloadBlocked'));
      return;
    }
    const file = download(root, await blob, name);
    const message = w(lang, saved, { file });
    say('status', context.downloads === 'yes' ? message : `${message} ${w(lang, 'downloadUnsure')}`);
  }

  async function saveNetwork() {
    const text = writeNetwork({ responses: state.current.map((e) => e.text), baseline: state.baseline.map((e) => e.text), notes: state.notes });
    await offer(new Blob([text], { type: 'application/json' }), fileName('network', 'json', { lang }), 'networkSaved');
  }

  async function downloadChart(def, kind) {
    if (!handle) return;
    try {
      const options = drawOptions(def);
      if (kind === 'svg') await offer(new Blob([chartSvg(scan, def, handle, lang, options)], { type: 'image/svg+xml' }), fileName(def.key, 'svg', { lang }), 'downloaded');
      else await offer(chartPng(scan, def, handle, lang, options), fileName(def.key, 'png', { lang }), 'downloaded');
    } catch (error) {
      say('alert', w(lang, 'error', { message: errorText(error) }));
    }
  }

  function exportCsv() {
    if (state.current.length === 0) return;
    // Every split at once: one row per concept, module and split group, and everyone
    // else when compare sets a group against them.
    let all = null;
    try {
      const options = { minGroup: state.settings.minGroup, by: DIMENSIONS };
      const rest = restWanted();
      if (rest) options.rest = rest;
      all = scan.analyseSet(sets.current, sets.baseline, options);
      const text = scan.csv(all, lang);
      offer(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName('scores', 'csv', { lang }), 'csvSaved').catch((error) => say('alert', w(lang, 'error', { message: errorText(error) })));
    } catch (error) {
      say('alert', w(lang, 'error', { message: errorText(error) }));
    } finally {
      all?.free();
    }
  }

  function printReport() {
    makePrintImages();
    window.print();
  }

  function startPresentation() {
    if (!handle || presentation) return;
    presentation = openPresentation(
      parts.frame,
      { scan, L, lang, handle: () => handle, report: () => report, options: drawOptions },
      () => {
        presentation = null;
        ui.presentButton?.focus();
      },
    );
  }

  // ----- language -----

  function setLang(next) {
    if (next === lang) return;
    lang = next;
    parts.title.textContent = t(lang, 'groupTitle');
    parts.subtitle.textContent = t(lang, 'groupSubtitle');
    for (const button of parts.langToggle.querySelectorAll('button[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    presentation?.close();
    build();
    refresh();
    if (state.problems.length) showProblems();
  }

  parts.langToggle.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-lang]');
    if (button) element.setAttribute('lang', button.dataset.lang);
  });

  // Redraw at the new size when the layout changes (a rotated phone, a wider window).
  let resizeFrame = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      if (ui.figures && handle) for (const f of ui.figures) paint(scan, f.canvas, f.def, handle, lang, drawOptions(f.def));
    });
  });
  resize.observe(parts.main);
  window.addEventListener('beforeprint', makePrintImages);

  // ----- start: what this browser kept -----
  const kept = await store.load().catch((error) => {
    say('alert', w(lang, 'storageWriteFailed', { message: storageMessage(error) }));
    return { current: [], baseline: [], meta: {} };
  });
  if (typeof kept.meta.notes === 'string') state.notes = kept.meta.notes;
  if (kept.meta.settings && typeof kept.meta.settings === 'object') {
    const s = kept.meta.settings;
    state.settings = {
      ...DEFAULT_SETTINGS,
      by: DIMENSIONS.includes(s.by) ? s.by : '',
      minGroup: Number.isInteger(s.minGroup) && s.minGroup >= 1 && s.minGroup <= 99 ? s.minGroup : DEFAULT_SETTINGS.minGroup,
      compare: s.compare === true,
      compareA: typeof s.compareA === 'string' ? s.compareA : null,
      compareB: typeof s.compareB === 'string' ? s.compareB : null,
      individuals: s.individuals !== false,
      showBaseline: s.showBaseline !== false,
      shown: Array.isArray(s.shown) ? s.shown.filter((f) => typeof f === 'string').slice(0, SHOWN_KEPT) : [],
    };
  }
  // What IndexedDB kept is read into the sets once, here; nothing reads it again.
  const unreadable = [];
  const twice = [];
  for (const set of ['current', 'baseline']) {
    const records = kept[set];
    if (!records.length) continue;
    const results = scan.readInto(
      sets[set],
      records.map((r) => r.text),
      lang,
    );
    const seen = new Set();
    const extra = [];
    results.forEach((result, i) => {
      if ('error' in result) {
        unreadable.push(`${records[i].name} (${result.error})`);
        return;
      }
      // A second copy of one response (kept by an older page) stays out of the set.
      if (seen.has(result.fingerprint)) {
        extra.push(result.index);
        twice.push(records[i].id);
        return;
      }
      seen.add(result.fingerprint);
      state[set].push(newEntry({ name: records[i].name, response: result.response, text: records[i].text, fingerprint: result.fingerprint, migrated: result.migrated ?? null }, records[i].id));
    });
    for (let k = extra.length - 1; k >= 0; k -= 1) sets[set].remove(extra[k]);
  }
  if (twice.length) store.remove(twice).catch(storageFailed);
  // The lines shown last time, found again by their fingerprints.
  const known = new Set(state.current.map((e) => e.key));
  for (const key of state.settings.shown) if (known.has(key)) state.shown.add(key);

  build();
  refresh();
  parts.main.dataset.ready = 'true';
  // The first drawing of a session compiles the drawing code and loads the canvas font;
  // do that while the facilitator is still choosing files, not when they arrive: once
  // they reach for the files (a pointer over the page, the focus in it, a drag), in small
  // pieces, each in a task of its own when the page is idle, so none holds the page up.
  const warmUp = () => {
    for (const type of ['pointerover', 'focusin', 'dragenter']) parts.main.removeEventListener(type, warmUp);
    if (!handle) warm();
  };
  if (!handle) for (const type of ['pointerover', 'focusin', 'dragenter']) parts.main.addEventListener(type, warmUp);
  function warm() {
    const idle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    let empty = null;
    const steps = [
      () => {
        const none = new Responses();
        empty = scan.analyseSet(none, none, {});
        none.free();
      },
      () => scan.drawConcepts(canvas, empty, lang, {}),
      () => scan.drawModules(canvas, empty, lang, {}),
      () => scan.drawLadder(canvas, empty, lang, 'all'),
      () => scan.drawInfluence(canvas, empty, lang),
    ];
    const next = () => {
      const step = steps.shift();
      if (!step || handle) {
        empty?.free();
        return;
      }
      try {
        step();
        idle(next);
      } catch {
        // Only a head start: the real drawing says what is wrong, if anything.
        empty?.free();
      }
    };
    idle(next);
  }
  if (!store.available) say('status', w(lang, 'storageOff', { message: store.refusal }));
  else if (state.current.length || state.baseline.length) say('status', w(lang, 'restored', { n: state.current.length }));
  if (unreadable.length) say('alert', w(lang, 'storageUnreadable', { n: unreadable.length, list: unreadable.join('; ') }));

  return {
    get report() {
      return report;
    },
    setLang,
    /** The responses of the current measurement (plain objects), for a host page. */
    get responses() {
      return state.current.map((e) => e.response);
    },
  };
}

export { PALETTE };
