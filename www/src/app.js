// Entry point of the page: loads the wasm module, builds the store and the views, and
// routes every user action to exactly one store change. The views redraw from the store;
// the report (and with it every chart, table and result) is computed once per change.

import init, { Scan } from './pkg/netwerkscan_wasm.js';
import { t, tx, errorMessage } from './i18n.js';
import { h, replaceChildren } from './dom.js';
import { createStore, hasAnswers } from './state.js';
import { buildSteps, stepProgress, totalProgress } from './steps.js';
import { renderStep } from './form.js';
import { parseScaleValue, applyChange } from './response.js';
import { createCharts } from './charts.js';
import { renderResult } from './result.js';
import { saveResponse, readResponseFile } from './files.js';
import { ask } from './dialog.js';

const $ = (id) => document.getElementById(id);

// The chart that belongs to each step, shown first in the side panel on that step.
const CHART_OF_STEP = { opgave: 'modules', organisatie: 'modules', relaties: 'concepts', belangen: 'influence', ladder: 'ladder' };

// The language of messages shown before the store exists (and the one in use after).
let messageLang = 'nl';

/** Shows an error in the alert region (replacing an earlier one) with a close button. */
function showError(text) {
  const region = $('alert');
  replaceChildren(
    region,
    h(
      'div',
      { class: 'alert-box' },
      h('p', {}, text),
      h('button', { type: 'button', class: 'button button-quiet alert-close', dataset: { action: 'dismiss' } }, t(messageLang, 'dismiss')),
    ),
  );
  // Screen readers hear it through role="alert"; sighted users far down the page see it too.
  region.scrollIntoView({ block: 'nearest' });
}

function clearError() {
  $('alert').replaceChildren();
}

/** Shows a short confirmation in the status region, by message key, so that it can be
 * shown again in the other language when the language changes. */
let statusTimer = 0;
let statusMessage = null;
function showStatus(key, params = {}) {
  statusMessage = { key, params };
  renderStatus();
  // A confirmation has done its work after a while; it should not crowd the page.
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    statusMessage = null;
    $('status').replaceChildren();
  }, 12_000);
}

function renderStatus() {
  if (statusMessage) replaceChildren($('status'), h('p', {}, t(messageLang, statusMessage.key, statusMessage.params)));
}

// Whatever slips through is still shown to the user instead of failing silently.
window.addEventListener('error', (event) => showError(t(messageLang, 'error', { message: errorMessage(event.error ?? event.message) })));
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  showError(t(messageLang, 'error', { message: errorMessage(event.reason) }));
});

$('alert').addEventListener('click', (event) => {
  if (event.target.closest('[data-action="dismiss"]')) clearError();
});

async function start() {
  let scan;
  let instrument;
  try {
    await init();
    scan = new Scan();
    instrument = scan.instrument();
  } catch (error) {
    $('loading').textContent = t(messageLang, 'loadError', { message: errorMessage(error) });
    showError(t(messageLang, 'loadError', { message: errorMessage(error) }));
    return;
  }

  const steps = buildSteps(instrument);
  const freshResponse = () => scan.emptyResponse();
  const store = createStore(scan, steps.length, freshResponse);
  const form = $('scan-form');
  const charts = createCharts($('charts'), scan, instrument, (error) => showError(t(store.state.lang, 'error', { message: errorMessage(error) })));
  let report = null;

  const lang = () => store.state.lang;
  const currentStep = () => steps[store.state.step];

  // ----- rendering -----

  function renderChrome() {
    const l = lang();
    messageLang = l;
    document.documentElement.lang = l;
    document.title = `${tx(instrument.title, l)} – ${currentStep().label(l)}`;
    $('app-title').textContent = tx(instrument.title, l);
    $('app-subtitle').textContent = t(l, 'subtitle');
    $('skip-link').textContent = t(l, 'skip');
    $('lang-label').textContent = t(l, 'langGroup');
    for (const button of document.querySelectorAll('.lang-toggle button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === l));
    }
    // Narrow screens show a short label; the accessible name is always the full one.
    for (const [id, key] of [['save-button', 'save'], ['open-button', 'open'], ['restart-button', 'restart']]) {
      $(id).querySelector('.label-long').textContent = t(l, key);
      $(id).querySelector('.label-short').textContent = t(l, `${key}Short`);
    }
    $('step-nav').setAttribute('aria-label', t(l, 'stepsNav'));
    $('sources-title').textContent = t(l, 'sources');
    replaceChildren(
      $('sources'),
      instrument.sources.map((s) => {
        const author = tx(s.author, l);
        const publisher = tx(s.publisher, l);
        return h('li', {}, h('cite', {}, tx(s.title, l)), author ? `, ${author}` : null, publisher && publisher !== author ? ` (${publisher})` : null);
      }),
    );
  }

  function renderNav() {
    const l = lang();
    replaceChildren(
      $('step-list'),
      steps.map((step, index) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'step-button', dataset: { step: String(index) } },
            h('span', { class: 'step-no', 'aria-hidden': 'true' }, String(index + 1)),
            h('span', { class: 'step-label' }, step.label(l)),
            step.questions.length > 0 ? h('span', { class: 'step-count', id: `step-count-${step.id}` }) : null,
          ),
        ),
      ),
    );
  }

  function renderForm() {
    const ctx = { instrument, lang: lang(), response: store.state.response, step: store.state.step };
    replaceChildren(form, steps.map((step, index) => renderStep(ctx, step, index, steps.length)));
  }

  function renderAll() {
    renderChrome();
    renderNav();
    renderForm();
    charts.render(lang());
    showStep({ focus: false });
    refresh();
  }

  /** Shows the current step, marks it in the nav and updates the step buttons. */
  function showStep({ focus }) {
    const l = lang();
    const index = store.state.step;
    for (const [i, step] of steps.entries()) {
      const section = $(`step-${step.id}`);
      if (section) section.hidden = i !== index;
    }
    for (const button of document.querySelectorAll('.step-button')) {
      if (Number(button.dataset.step) === index) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    }
    const prev = $('prev-button');
    const next = $('next-button');
    prev.hidden = index === 0;
    prev.textContent = t(l, 'prev');
    next.hidden = index === steps.length - 1;
    next.textContent = index === steps.length - 2 ? t(l, 'toResult') : t(l, 'next');
    document.title = `${tx(instrument.title, l)} – ${currentStep().label(l)}`;
    if (currentStep().id === 'resultaat' && report) renderResultStep();
    charts.reveal(CHART_OF_STEP[currentStep().id]);
    if (focus) {
      $(`step-${currentStep().id}-title`)?.focus({ preventScroll: true });
      $('main').scrollIntoView({ block: 'start' });
    }
  }

  function renderResultStep() {
    const container = $('result');
    if (container) renderResult(container, { report, response: store.state.response, instrument, lang: lang() });
  }

  function updateProgress() {
    const l = lang();
    const { response } = store.state;
    const total = totalProgress(steps, response);
    $('progress-text').textContent = t(l, 'progress', { n: total.answered, total: total.total });
    const bar = $('progress-bar');
    bar.max = Math.max(total.total, 1);
    bar.value = total.answered;
    for (const step of steps) {
      const holder = $(`step-count-${step.id}`);
      if (!holder) continue;
      const p = stepProgress(step, response);
      replaceChildren(
        holder,
        h('span', { 'aria-hidden': 'true' }, `${p.answered}/${p.total}`),
        h('span', { class: 'sr-only' }, `, ${t(l, 'stepProgress', { n: p.answered, total: p.total })}`),
      );
      holder.classList.toggle('complete', p.answered === p.total);
      holder.closest('.step-button')?.classList.toggle('complete', p.answered === p.total);
    }
  }

  /** Offers "Wat zou helpen?" where the score is below 3.0 (band zorg) or a comment exists. */
  function updateComments() {
    const { response } = store.state;
    const ids = [...instrument.concepts.map((c) => ['concepts', c.id]), ['modules', 'opgave'], ['modules', 'organisatie']];
    for (const [group, id] of ids) {
      const box = $(`comment-box-${id}`);
      if (!box) continue;
      const mean = report?.[group]?.[id]?.mean;
      const low = mean != null && mean < 3.0;
      const hasComment = typeof response.comments?.[id] === 'string' && response.comments[id] !== '';
      // Never hide the box while the respondent is typing in it.
      const focused = box.contains(document.activeElement);
      box.hidden = !(low || hasComment || focused);
    }
  }

  /** Recomputes the report and redraws everything that depends on the answers. */
  function refresh() {
    // The handle stays in wasm for the charts; the plain report feeds tables and text.
    let handle;
    try {
      handle = scan.analyse([store.state.response]);
      report = handle.toJSON();
    } catch (error) {
      handle?.free();
      showError(t(lang(), 'error', { message: errorMessage(error) }));
      updateProgress();
      return;
    }
    charts.update(report, handle, lang());
    updateProgress();
    updateComments();
    if (currentStep().id === 'resultaat') renderResultStep();
  }

  store.subscribe((state, kind, detail) => {
    switch (kind) {
      case 'save-failed':
        showError(t(lang(), 'storageUnavailable', { message: detail }));
        break;
      case 'lang':
        renderAll();
        renderStatus();
        break;
      case 'replace':
        renderAll();
        break;
      case 'step':
        showStep({ focus: true });
        break;
      case 'answer':
        refresh();
        break;
      case 'text':
        updateProgress();
        break;
      default:
        break;
    }
  });

  // ----- events -----

  function changeFrom(input) {
    const { kind, id } = input.dataset;
    if (!kind) return null;
    switch (kind) {
      case 'answer':
      case 'importance':
      case 'interest':
      case 'influence': {
        const value = parseScaleValue(input.value);
        return value === undefined ? null : { kind, id, value };
      }
      case 'ladder':
        return { kind, id, value: input.value };
      case 'position':
        return { kind, id, value: input.value === 'null' ? null : input.value };
      case 'role':
        return { kind, id, value: input.checked, order: instrument.roles.map((r) => r.id) };
      default:
        return null;
    }
  }

  form.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || (input.type !== 'radio' && input.type !== 'checkbox')) return;
    const change = changeFrom(input);
    if (!change) return;
    try {
      store.update('answer', (response) => applyChange(response, change));
    } catch (error) {
      showError(t(lang(), 'error', { message: errorMessage(error) }));
    }
  });

  form.addEventListener('input', (event) => {
    const input = event.target;
    const isText = (input instanceof HTMLInputElement && input.type === 'text') || input instanceof HTMLTextAreaElement;
    if (!isText || !input.dataset.kind) return;
    const { kind, id } = input.dataset;
    store.update('text', (response) => applyChange(response, { kind, id, value: input.value }));
  });

  // A comment box that was emptied may close once the respondent leaves it.
  form.addEventListener('focusout', (event) => {
    if (event.target instanceof HTMLTextAreaElement) setTimeout(updateComments, 0);
  });

  form.addEventListener('submit', (event) => event.preventDefault());

  $('step-list').addEventListener('click', (event) => {
    const button = event.target.closest('.step-button');
    if (button) store.setStep(Number(button.dataset.step));
  });
  $('prev-button').addEventListener('click', () => store.setStep(store.state.step - 1));
  $('next-button').addEventListener('click', () => store.setStep(store.state.step + 1));

  for (const button of document.querySelectorAll('.lang-toggle button')) {
    button.addEventListener('click', () => store.setLang(button.dataset.lang));
  }

  $('save-button').addEventListener('click', () => {
    try {
      const name = saveResponse(scan, store.state.response);
      clearError();
      showStatus('savedAs', { file: name });
    } catch (error) {
      showError(t(lang(), 'saveError', { message: errorMessage(error) }));
    }
  });

  $('open-button').addEventListener('click', () => $('open-input').click());
  $('open-input').addEventListener('change', async (event) => {
    const input = event.target;
    const file = input.files?.[0];
    // Reset, so that choosing the same file again fires another change.
    input.value = '';
    if (!file) return;
    let response;
    try {
      response = await readResponseFile(scan, file, lang());
    } catch (error) {
      showError(t(lang(), 'openError', { file: file.name, message: errorMessage(error).replace(/\.$/, '') }));
      return;
    }
    if (hasAnswers(store.state.response)) {
      const ok = await ask({
        title: t(lang(), 'replaceTitle'),
        text: t(lang(), 'replaceText', { file: file.name }),
        confirm: t(lang(), 'replaceConfirm'),
        cancel: t(lang(), 'cancel'),
      });
      if (!ok) return;
    }
    clearError();
    store.replace(response);
    showStatus('opened', { file: file.name });
  });

  $('restart-button').addEventListener('click', async () => {
    const ok = await ask({
      title: t(lang(), 'restartTitle'),
      text: t(lang(), 'restartText'),
      confirm: t(lang(), 'restartConfirm'),
      cancel: t(lang(), 'cancel'),
    });
    if (!ok) return;
    clearError();
    store.replace(freshResponse(), 0);
    showStatus('cleared');
  });

  // ----- first paint -----

  renderAll();
  for (const id of ['save-button', 'open-button', 'restart-button']) $(id).disabled = false;
  document.body.classList.add('ready');
  for (const notice of store.notices) {
    if (notice.kind === 'restored') showStatus('restored');
    else if (notice.kind === 'corrupt') showError(t(lang(), 'storageCorrupt', { message: notice.message, key: notice.key }));
    else if (notice.kind === 'unavailable') showError(t(lang(), 'storageUnavailable', { message: notice.message }));
  }
}

start().catch((error) => showError(t(messageLang, 'error', { message: errorMessage(error) })));
