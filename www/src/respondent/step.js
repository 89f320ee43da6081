// One step of the scan as a <section>: its heading, intro, the chart that belongs to it
// (shown near the questions on a narrow screen), its questions in their groups, and the
// buttons to the previous and next step. Only the current step is ever built.

import { h } from '../dom.js';
import { t, tx } from '../i18n.js';
import { kindOf } from './questions/index.js';

function questions(view, list) {
  return list.map((q) => kindOf(q.kind).render(view, q));
}

function group(view, g) {
  const { lang } = view;
  if (g.concept) {
    const descId = `concept-${g.concept.id}-desc`;
    return h(
      'fieldset',
      { class: 'concept', id: `concept-${g.concept.id}`, 'aria-describedby': descId },
      h('legend', {}, tx(g.concept.label, lang)),
      h('p', { class: 'concept-desc', id: descId }, tx(g.concept.description, lang)),
      questions(view, g.questions),
    );
  }
  return h(
    'div',
    { class: 'question-group' },
    g.title ? h('h3', {}, t(lang, g.title)) : null,
    g.intro ? h('p', { class: 'intro' }, tx(g.intro, lang)) : null,
    h('div', { class: 'questions' }, questions(view, g.questions)),
  );
}

/**
 * The section of `step` (number `index` of `total`). `chart` is the step's chart figure
 * or null; `result` the result's content (the result step only).
 */
export function renderStep(view, step, index, total, { chart = null, result = null } = {}) {
  const { lang } = view;
  const intro = step.intro(lang);
  const last = index === total - 1;
  return h(
    'section',
    { class: `step step-${step.id}`, id: `step-${step.id}`, 'aria-labelledby': `step-${step.id}-title`, dataset: { step: String(index) } },
    h('p', { class: 'step-of' }, t(lang, 'stepOf', { n: index + 1, total })),
    h('h2', { id: `step-${step.id}-title`, tabindex: '-1' }, step.label(lang)),
    intro ? h('p', { class: 'intro' }, intro) : null,
    chart,
    step.groups.map((g) => group(view, g)),
    result,
    h(
      'div',
      { class: 'step-buttons' },
      index > 0 ? h('button', { type: 'button', class: 'button', dataset: { action: 'prev' } }, t(lang, 'prev')) : null,
      last ? null : h('button', { type: 'button', class: 'button button-primary', dataset: { action: 'next' } }, t(lang, index === total - 2 ? 'toResult' : 'next')),
    ),
  );
}
