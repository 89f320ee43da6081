// The respondent mode of <netwerk-scan>: takes over the shell's frame once the full
// wasm module and the instrument have loaded, and wires the parts together:
//
//   store.js      the response, step and language; saves the draft
//   steps.js      the steps and their questions, from the instrument
//   questions/    one module per kind of question, found through one registry
//   step.js       the current step's form (only the current step is ever built)
//   nav.js        the step bar and progress
//   charts.js     the four charts and their value tables
//   result.js     the result step, read from the report
//   handover.js   "Lever je antwoorden in", and the header's "Opslaan"
//   exports.js    "Je resultaat bewaren": print, the charts as PNG and SVG, the CSV
//   files.js      saving, sharing, copying and reading files
//   messages.js   alerts and confirmations
//   dialog.js     the confirm dialog
//   opening.js    the opening screen
//   words.js      the report's words, from the instrument
//
// Every answer makes one report (`scan.analyse([response])`); the charts on screen
// redraw from it at once, everything else when it is next seen. Nothing here is shared
// between two elements on a page.

import respondentSheet from '../../styles/respondent.css' with { type: 'css' };
import { h, nextTask } from '../dom.js';
import { t, tx, errorMessage } from '../i18n.js';
import { markFirstChart } from '../first-chart.js';
import { hasAnswers } from '../storage.js';
import { buildSteps } from './steps.js';
import { kindOf } from './questions/index.js';
import { updateCommentBoxes } from './questions/comment.js';
import { createStore } from './store.js';
import { createNav } from './nav.js';
import { renderStep } from './step.js';
import { createCharts } from './charts.js';
import { renderResult } from './result.js';
import { createHandover } from './handover.js';
import { createResultExports } from './exports.js';
import { createMessages } from './messages.js';
import { createDialog } from './dialog.js';
import { openingOf, fillOpening } from './opening.js';
import { responseFileName, readFile, download, frameContext } from './files.js';
import { wordsOf } from './words.js';
import { createLater } from './later.js';

/**
 * What to say about a restored draft: restored, or taken over from an earlier version
 * of the instrument, with how many answers to replaced questions were left out (the
 * core's count, in the instrument's words).
 */
function restoredMessageOf(scan, instrument, lang) {
  return (stored) => {
    const version = stored?.instrument?.version;
    if (version == null || String(version) === String(instrument.version)) return ['restored', {}, 'status'];
    let replaced = '';
    try {
      const migrated = scan.report([stored], {}).migrated?.[0];
      if (migrated?.left_out > 0) replaced = ` ${wordsOf(instrument, lang).word('report.replaced', { n: migrated.left_out, version: migrated.from })}.`;
    } catch {
      // The count is a courtesy; the answers themselves are in.
    }
    return ['migrated', { replaced }, 'status'];
  };
}

/** A deep copy for the host page, so that it cannot change the scan's state by accident. */
const copyOf = (value) => (value == null ? value : structuredClone(value));

/**
 * Starts the scan in the shell's `parts` (see shell.js and the web contract) and
 * returns the controller the element talks to.
 */
export async function startRespondent(ctx) {
  const { element, root, parts, model, store: draft, read, emit } = ctx;
  const { scan, instrument } = model;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, respondentSheet];
  const steps = buildSteps(instrument);
  const resultIndex = steps.length - 1;

  // ----- the response to start from: a host's, the draft, or an empty one -----

  const early = [];
  const restoredMessage = restoredMessageOf(scan, instrument, ctx.lang);
  let response = null;
  let step = 0;
  let legacy = false;
  let damaged = read.state === 'corrupt' ? { text: read.text, message: read.message } : null;
  if (ctx.initialResponse !== undefined && ctx.initialResponse !== null) {
    try {
      response = scan.parseResponse(JSON.stringify(ctx.initialResponse), ctx.lang);
    } catch (error) {
      early.push(['setError', { message: errorMessage(error) }]);
    }
  }
  if (!response && read.state === 'draft') {
    try {
      // The core is the judge of the draft (and migrates one of the old page).
      response = scan.parseResponse(JSON.stringify(read.draft.response), ctx.lang);
      step = read.draft.step;
      legacy = Boolean(read.legacy);
      if (hasAnswers(response)) early.push(restoredMessage(read.draft.response));
    } catch (error) {
      damaged = { text: read.text, message: errorMessage(error) };
    }
  }
  response ??= scan.emptyResponse();

  const store = createStore({ draft, initial: { response, step, lang: ctx.lang }, stepCount: steps.length, legacy });
  const lang = () => store.state.lang;
  let words = wordsOf(instrument, lang());
  const view = () => ({ scan, instrument, lang: lang(), words, response: store.state.response });

  const messages = createMessages(parts, lang, emit);
  const dialog = createDialog(parts.frame);

  // ----- the report: one per answer -----

  let handle = null;
  let report = null;
  // A change no chart shows (a comment, an alias, the sector) still changes the report
  // (its comments, its groups): it is made again when someone reads it.
  let stale = false;
  const currentReport = () => {
    if (stale) analyse({ redraw: false });
    if (!report && handle) report = handle.toJSON();
    return report;
  };
  /** The report held in wasm, made again first when a change left it stale. */
  const currentHandle = () => {
    if (stale) analyse({ redraw: false });
    return handle;
  };

  const charts = createCharts({
    parts,
    view,
    report: currentReport,
    onError: (error) => messages.alert('error', { message: errorMessage(error) }, { error: true }),
  });

  const later = createLater();

  function analyse({ redraw = true, first, drawn } = {}) {
    stale = false;
    let next;
    try {
      next = scan.analyse([store.state.response]);
    } catch (error) {
      messages.alert('error', { message: errorMessage(error) }, { error: true });
      return;
    }
    const previous = handle;
    handle = next;
    report = null;
    charts.update(handle, { redraw, first, drawn });
    previous?.free();
  }

  // ----- the views -----

  const nav = createNav(parts.nav, steps);
  const handover = createHandover({
    text: () => scan.responseToJson(store.state.response),
    fileName: () => responseFileName(store.state.response, { lang: lang() }),
    alias: () => store.state.response.respondent?.alias ?? '',
    lang,
    trainer: () => ({ name: element.trainerName, email: element.trainerEmail }),
    holder: parts.frame,
    messages,
  });
  const resultExports = createResultExports({ view, handle: currentHandle, holder: parts.frame, messages, charts });
  let opening = openingOf(parts.main);
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', hidden: true, tabindex: '-1', 'aria-hidden': 'true' });
  parts.fileActions.append(fileInput);

  /** The shell's words and the footer, in the current language. */
  function renderChrome() {
    const l = lang();
    parts.frame.setAttribute('lang', l);
    parts.title.textContent = t(l, 'title');
    parts.subtitle.textContent = t(l, 'subtitle');
    parts.langToggle.setAttribute('aria-label', t(l, 'langGroup'));
    for (const button of parts.langToggle.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.lang === l));
    for (const button of parts.fileActions.querySelectorAll('button[data-action]')) {
      const key = button.dataset.action;
      button.querySelector('.label-long').textContent = t(l, key);
      button.querySelector('.label-short').textContent = t(l, `${key}Short`);
      button.disabled = false;
    }
    parts.charts.querySelector('h2').textContent = t(l, 'chartsTitle');
    parts.charts.querySelector('.hint').textContent = t(l, 'chartsHelp');
    parts.footer.replaceChildren(
      h(
        'div',
        { class: 'footer-inner' },
        h('h2', { id: 'sources-title' }, t(l, 'sources')),
        h(
          'ol',
          { class: 'sources', 'aria-labelledby': 'sources-title' },
          (instrument.sources ?? []).map((s) => {
            const author = tx(s.author, l);
            const publisher = tx(s.publisher, l);
            return h('li', {}, h('cite', {}, tx(s.title, l)), author ? `, ${author}` : null, publisher && publisher !== author ? ` (${publisher})` : null);
          }),
        ),
      ),
    );
    if (opening) fillOpening(opening, steps, l);
  }

  /** Builds the current step into main; `focus` moves the focus to its heading. */
  function renderCurrentStep({ focus = false } = {}) {
    opening = null;
    const index = store.state.step;
    const current = steps[index];
    const v = view();
    charts.dropStepChart();
    const chart = current.chart ? charts.stepChart(current.chart) : null;
    let result = null;
    if (current.id === 'resultaat') {
      const r = currentReport();
      result = r ? [renderResult(r, v), handover.render(), resultExports.render()] : null;
    }
    charts.printable(result !== null);
    const section = renderStep(v, current, index, steps.length, { chart, result });
    parts.main.replaceChildren(section);
    if (current.questions.some((q) => q.kind === 'comment')) updateCommentBoxes(section, currentReport(), store.state.response);
    nav.update(store.state.response, index);
    if (focus) {
      charts.reveal(current.chart);
      section.querySelector('h2').focus({ preventScroll: true });
      // Back to the top of the step when "Volgende" was pressed far down the page.
      if (parts.nav.getBoundingClientRect().top < 0) parts.nav.scrollIntoView({ block: 'start' });
    }
  }

  // ----- what a change does -----

  store.subscribe((kind, detail) => {
    switch (kind) {
      case 'answer': {
        if (!detail?.scored) stale = true;
        else {
          // The step's own chart at once; the rest once the answer is painted.
          analyse({ first: steps[store.state.step].chart });
          if (steps[store.state.step].questions.some((q) => q.kind === 'comment')) {
            later('comments', () => {
              const section = parts.main.firstElementChild;
              if (section) updateCommentBoxes(section, currentReport(), store.state.response);
            });
          }
        }
        if (detail?.counted) nav.update(store.state.response, store.state.step, store.state.step);
        emit('change', { response: copyOf(store.state.response) });
        break;
      }
      case 'step':
        renderCurrentStep({ focus: true });
        if (store.state.step === resultIndex) emit('complete', { response: copyOf(store.state.response), report: copyOf(currentReport()) });
        break;
      case 'replace':
        analyse();
        renderCurrentStep();
        emit('change', { response: copyOf(store.state.response) });
        break;
      case 'lang':
        words = wordsOf(instrument, lang());
        keepingPlace(() => {
          renderChrome();
          nav.render(lang());
          if (!opening) renderCurrentStep();
          else nav.update(store.state.response, store.state.step);
          charts.setLang();
          messages.rerender();
        });
        break;
      case 'save':
        savedChanged(detail);
        break;
      default:
        break;
    }
  });

  /** Tells the participant when autosave stops or works again (once, not at every answer). */
  function savedChanged({ previous, now }) {
    if (now === 'full') messages.alert('storageFull');
    else if (now === 'refused') messages.alert(frameContext().framed ? 'storageRefusedFrame' : 'storageRefusedPage');
    else if (now === 'ok' && (previous === 'full' || previous === 'refused')) {
      messages.clearAlert('storageFull');
      messages.status('storageBack');
    }
  }

  /**
   * Runs `render` (which replaces what is on screen) and puts the focus and the scroll
   * back where they were: on the same control, at the same height on the screen.
   */
  function keepingPlace(render) {
    const active = root.activeElement;
    const anchor = active && parts.frame.contains(active) ? active : firstVisibleQuestion();
    const find = anchor ? finder(anchor) : null;
    const top = anchor?.getBoundingClientRect().top;
    render();
    const again = find?.();
    if (!again) return;
    if (anchor === active) again.focus({ preventScroll: true });
    const shift = again.getBoundingClientRect().top - top;
    if (Math.abs(shift) > 1) window.scrollBy(0, shift);
  }

  function firstVisibleQuestion() {
    for (const el of parts.main.querySelectorAll('[data-question], h2')) if (el.getBoundingClientRect().bottom > 0) return el;
    return null;
  }

  /** How to find the same control after a re-render. */
  function finder(el) {
    const css = (s) => CSS.escape(s);
    if (el.dataset.kind && el.dataset.id) {
      const value = el.type === 'radio' || el.type === 'checkbox' ? `[value="${css(el.value)}"]` : '';
      return () => parts.frame.querySelector(`[data-kind="${css(el.dataset.kind)}"][data-id="${css(el.dataset.id)}"]${value}`);
    }
    if (el.dataset.question) return () => parts.frame.querySelector(`[data-question="${css(el.dataset.question)}"]`);
    if (el.dataset.action) {
      const chart = el.dataset.chart ? `[data-chart="${css(el.dataset.chart)}"]` : '';
      return () => parts.frame.querySelector(`[data-action="${css(el.dataset.action)}"]${chart}`);
    }
    if (el.dataset.step) return () => parts.frame.querySelector(`.step-button[data-step="${css(el.dataset.step)}"]`);
    if (el.dataset.lang) return () => parts.langToggle.querySelector(`[data-lang="${css(el.dataset.lang)}"]`);
    if (el.id) return () => root.querySelector(`#${css(el.id)}`);
    if (el.localName === 'h2') return () => parts.main.querySelector('h2');
    return null;
  }

  // ----- events -----

  function answer(event) {
    const input = event.target;
    const kind = kindOf(input.dataset?.kind);
    if (!kind || kind.event !== event.type) return;
    const value = kind.read(input);
    if (value === undefined) return;
    store.change((r) => kind.set(r, input.dataset.id, value, instrument), { scored: kind.scored, counted: kind.counted });
  }

  parts.main.addEventListener('change', answer);
  parts.main.addEventListener('input', answer);
  // A comment box that was emptied may close once the participant leaves it.
  parts.main.addEventListener('focusout', (event) => {
    if (event.target.dataset?.kind === 'comment') {
      setTimeout(() => {
        const section = parts.main.firstElementChild;
        if (section) updateCommentBoxes(section, currentReport(), store.state.response);
      }, 0);
    }
  });

  // The printout has all the advice. Chromium prints a closed <details> open through the
  // print stylesheet (::details-content); other browsers need it opened for the print.
  window.addEventListener('beforeprint', () => {
    for (const details of parts.main.querySelectorAll('details.more-advice:not([open])')) {
      details.open = true;
      details.dataset.printOpened = '';
    }
  });
  window.addEventListener('afterprint', () => {
    for (const details of parts.main.querySelectorAll('details[data-print-opened]')) {
      details.open = false;
      delete details.dataset.printOpened;
    }
  });

  parts.main.addEventListener('click', (event) => {
    const button = event.target.closest('[data-action]');
    if (!button) return;
    if (resultExports.run(button)) return;
    switch (button.dataset.action) {
      case 'begin':
        renderCurrentStep({ focus: true });
        break;
      case 'prev':
        store.setStep(store.state.step - 1);
        break;
      case 'next':
        store.setStep(store.state.step + 1);
        break;
      case 'save-file':
        handover.save('handover');
        break;
      case 'share-file':
        handover.share();
        break;
      case 'copy-text':
        handover.copy('handover');
        break;
      default:
        break;
    }
  });

  parts.nav.addEventListener('click', (event) => {
    const button = event.target.closest('.step-button');
    if (!button) return;
    const index = Number(button.dataset.step);
    if (opening || index !== store.state.step) {
      if (index === store.state.step) renderCurrentStep({ focus: true });
      else store.setStep(index);
    }
  });

  parts.langToggle.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-lang]');
    // Through the attribute, so the element, its `language` and the host agree.
    if (button) element.setAttribute('lang', button.dataset.lang);
  });

  parts.fileActions.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    if (button.dataset.action === 'save') await handover.save('header');
    else if (button.dataset.action === 'open') fileInput.click();
    else if (button.dataset.action === 'restart') {
      const ok = await dialog.ask({ title: t(lang(), 'restartTitle'), text: t(lang(), 'restartText'), confirm: t(lang(), 'restartConfirm'), cancel: t(lang(), 'cancel') });
      if (ok) {
        reset();
        messages.status('cleared');
      }
    }
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    // Reset, so that choosing the same file again fires another change.
    fileInput.value = '';
    if (!file) return;
    let opened;
    try {
      opened = scan.parseResponse(await readFile(file), lang());
    } catch (error) {
      messages.alert('openError', { file: file.name, message: errorMessage(error).replace(/\.$/, '') }, { error: true });
      return;
    }
    if (hasAnswers(store.state.response)) {
      const ok = await dialog.ask({ title: t(lang(), 'replaceTitle'), text: t(lang(), 'replaceText', { file: file.name }), confirm: t(lang(), 'replaceConfirm'), cancel: t(lang(), 'cancel') });
      if (!ok) return;
    }
    messages.clearAlert();
    store.replace(opened);
    messages.status('opened', { file: file.name });
  });

  // ----- the controller's actions -----

  function reset() {
    draft.remove();
    store.replace(scan.emptyResponse(), 0);
  }

  function setResponse(value) {
    let parsed;
    try {
      parsed = scan.parseResponse(JSON.stringify(value), lang());
    } catch (error) {
      messages.alert('setError', { message: errorMessage(error) }, { error: true });
      return false;
    }
    store.replace(parsed);
    return true;
  }

  // ----- first paint -----

  // Everything is built and listening; what follows (the words, the step bar, the first
  // report) is a task of its own.
  await nextTask();
  renderChrome();
  nav.render(lang());
  // The first report is a task of its own too (a step opened in between draws its chart
  // once the report is there).
  await nextTask();
  // The first module drew the concept radar of this response; the other charts are drawn
  // once the observer says they are on screen.
  analyse({ drawn: 'concepts' });
  if (!ctx.firstChartDrawn && parts.conceptsCanvas.clientWidth > 0) {
    // The first module declined (another instrument, a draft it would not read, the
    // single file): the radar analyse() just drew is the first one on screen.
    charts.drawNow('concepts');
    markFirstChart();
  }
  if (opening) nav.update(store.state.response, store.state.step);
  else renderCurrentStep();

  // What the participant must know about the draft, and about where answers go.
  for (const [key, params, how] of early) {
    if (how === 'status') messages.status(key, params);
    else messages.alert(key, params, { error: true });
  }
  if (damaged) keepDamaged(damaged);
  else if (read.state === 'unavailable') {
    if (read.reason === 'off') messages.status('storageOff');
    else messages.alert(frameContext().framed ? 'storageRefusedFrame' : 'storageRefusedPage');
  }
  if (legacy) store.save();

  /** A damaged draft: keep a copy, or have it downloaded before anything overwrites it. */
  function keepDamaged({ text, message }) {
    const key = draft.keepCopy(text);
    if (key) {
      messages.alert('corruptKept', { message, key });
      return;
    }
    draft.pause();
    messages.alert(
      'corruptNoRoom',
      { message },
      {
        sticky: true,
        actions: [
          {
            key: 'corruptDownload',
            run: () => {
              const name = `netwerkscan-beschadigd-${new Date().toISOString().slice(0, 10)}.txt`;
              download(text, name, parts.frame, 'text/plain');
              draft.resume();
              store.save();
              messages.status('corruptDownloaded', { file: name });
            },
          },
          {
            key: 'corruptContinue',
            run: () => {
              draft.resume();
              store.save();
            },
          },
        ],
      },
    );
  }

  return {
    get lang() {
      return lang();
    },
    get response() {
      return copyOf(store.state.response);
    },
    setResponse,
    get report() {
      return copyOf(currentReport());
    },
    reset,
    setLang(next) {
      store.setLang(next === 'en' ? 'en' : 'nl');
    },
    attributeChanged(name) {
      if ((name === 'trainer-name' || name === 'trainer-email') && store.state.step === resultIndex && !opening) {
        keepingPlace(() => renderCurrentStep());
      }
    },
  };
}
