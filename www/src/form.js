// Renders the question steps from the instrument. Every input carries `data-kind` and
// `data-id`; app.js listens to the whole form and turns an event into one change of the
// response (response.js), so this module only builds elements.

import { h } from './dom.js';
import { t, tx } from './i18n.js';
import { getValue, isAnswered } from './response.js';

/** The `name` shared by the radios of one question; unique per question. */
export function radioName(ref) {
  return `${ref.kind}:${ref.id}`;
}

/**
 * A native fieldset with a radio group: the five scale labels plus "weet niet" (null).
 * Arrow keys move within the group because the radios share one name.
 */
function scaleFieldset(ctx, { ref, legend, labels, number, extraClass, describedBy }) {
  const { response, lang, instrument } = ctx;
  const answered = isAnswered(response, ref);
  const current = getValue(response, ref);
  const name = radioName(ref);
  const options = labels.map((label, index) => ({ value: String(index + 1), text: tx(label, lang), checked: answered && current === index + 1 }));
  options.push({ value: 'null', text: tx(instrument.scale.unknown, lang), checked: answered && current === null, unknown: true });
  return h(
    'fieldset',
    { class: `scale-question ${extraClass ?? ''}`.trim(), 'data-ref': name, 'aria-describedby': describedBy },
    h('legend', {}, number != null ? h('span', { class: 'num', 'aria-hidden': 'true' }, `${number}.`) : null, h('span', { class: 'legend-text' }, legend)),
    h(
      'div',
      { class: 'scale' },
      options.map((o) =>
        h(
          'label',
          { class: o.unknown ? 'opt opt-unknown' : 'opt' },
          h('input', { type: 'radio', name, value: o.value, checked: o.checked, dataset: { kind: ref.kind, id: ref.id } }),
          h('span', { class: 'opt-text' }, o.text),
        ),
      ),
    ),
  );
}

/** The "Wat zou helpen?" box of a concept or module; app.js decides when it shows. */
function commentBox(ctx, id, hintKey) {
  const { response, lang, instrument } = ctx;
  const existing = response.comments?.[id] ?? '';
  return h(
    'div',
    { class: 'comment', id: `comment-box-${id}`, hidden: existing === '' },
    h('label', { for: `comment-${id}` }, tx(instrument.comment.question, lang)),
    h('p', { class: 'hint', id: `comment-hint-${id}` }, t(lang, hintKey)),
    h('textarea', { id: `comment-${id}`, rows: 3, 'aria-describedby': `comment-hint-${id}`, value: existing, dataset: { kind: 'comment', id } }),
  );
}

/** A card with a radio or checkbox, a bold label and a description (the whole card is clickable). */
function choiceCard({ type, name, value, checked, inputId, label, description, dataset, prefix }) {
  const descId = description ? `${inputId}-desc` : null;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type, id: inputId, name, value, checked, dataset, 'aria-describedby': descId }),
    h('label', { for: inputId }, prefix ? h('span', { class: 'rung-no' }, prefix) : null, label),
    description ? h('p', { class: 'choice-desc', id: descId }, description) : null,
  );
}

function stepHeader(ctx, step, index, total, intro) {
  const { lang } = ctx;
  return [
    h('p', { class: 'step-of' }, t(lang, 'stepOf', { n: index + 1, total })),
    h('h2', { id: `step-${step.id}-title`, tabindex: '-1' }, step.label(lang)),
    intro ? h('p', { class: 'intro' }, intro) : null,
  ];
}

function renderAbout(ctx) {
  const { response, lang, instrument } = ctx;
  const r = response.respondent ?? {};
  const roles = new Set(Array.isArray(r.roles) ? r.roles : []);
  const textField = (kind, id, autocomplete, value) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, t(lang, kind)),
      h('p', { class: 'hint', id: `${id}-hint` }, t(lang, `${kind}Hint`)),
      h('input', { type: 'text', id, autocomplete, 'aria-describedby': `${id}-hint`, value: value ?? '', dataset: { kind } }),
    );
  const positions = [
    ...instrument.positions.map((p) => ({ value: p.id, label: tx(p.label, lang), description: tx(p.description, lang) })),
    { value: 'null', label: t(lang, 'positionNone'), description: null },
  ];
  return [
    textField('alias', 'alias', 'nickname', r.alias),
    textField('organisation', 'organisation', 'organization', r.organisation),
    h(
      'fieldset',
      { class: 'choices', 'aria-describedby': 'roles-hint' },
      h('legend', {}, t(lang, 'roles')),
      h('p', { class: 'hint', id: 'roles-hint' }, t(lang, 'rolesHint')),
      instrument.roles.map((role) =>
        choiceCard({
          type: 'checkbox',
          name: 'role',
          value: role.id,
          checked: roles.has(role.id),
          inputId: `role-${role.id}`,
          label: tx(role.label, lang),
          description: tx(role.description, lang),
          dataset: { kind: 'role', id: role.id },
        }),
      ),
    ),
    h(
      'fieldset',
      { class: 'choices' },
      h('legend', {}, t(lang, 'position')),
      positions.map((p) =>
        choiceCard({
          type: 'radio',
          name: 'position',
          value: p.value,
          // "Weet ik niet" only shows as chosen once the respondent picked it, which the
          // response cannot tell apart from untouched; so it is never pre-selected.
          checked: p.value !== 'null' && r.position === p.value,
          inputId: `position-${p.value}`,
          label: p.label,
          description: p.description,
          dataset: { kind: 'position', id: 'position' },
        }),
      ),
    ),
  ];
}

function renderModuleItems(ctx, moduleId) {
  const { instrument, lang } = ctx;
  const items = instrument.items.filter((i) => i.module === moduleId);
  return [
    h(
      'div',
      { class: 'questions' },
      items.map((item, index) =>
        scaleFieldset(ctx, {
          ref: { kind: 'answer', id: item.id },
          legend: tx(item.text, lang),
          labels: instrument.scale.labels,
          number: index + 1,
        }),
      ),
    ),
    commentBox(ctx, moduleId, 'commentHintModule'),
  ];
}

function renderRelaties(ctx) {
  const { instrument, lang } = ctx;
  let number = 0;
  return instrument.concepts.map((concept) => {
    const items = instrument.items.filter((i) => i.module === 'relaties' && i.concept === concept.id);
    return h(
      'fieldset',
      { class: 'concept', id: `concept-${concept.id}`, 'aria-describedby': `concept-${concept.id}-desc` },
      h('legend', {}, tx(concept.label, lang)),
      h('p', { class: 'concept-desc', id: `concept-${concept.id}-desc` }, tx(concept.description, lang)),
      items.map((item) => {
        number += 1;
        return scaleFieldset(ctx, {
          ref: { kind: 'answer', id: item.id },
          legend: tx(item.text, lang),
          labels: instrument.scale.labels,
          number,
        });
      }),
      scaleFieldset(ctx, {
        ref: { kind: 'importance', id: concept.id },
        legend: tx(instrument.importance.question, lang),
        labels: instrument.importance.labels,
        extraClass: 'importance',
      }),
      commentBox(ctx, concept.id, 'commentHint'),
    );
  });
}

function renderBelangen(ctx) {
  const { instrument, lang } = ctx;
  const { interests } = instrument;
  return [
    h('h3', {}, t(lang, 'interestsTitle')),
    h(
      'div',
      { class: 'questions' },
      interests.questions.map((q, index) =>
        scaleFieldset(ctx, { ref: { kind: 'interest', id: q.id }, legend: tx(q.text, lang), labels: interests.scale.labels, number: index + 1 }),
      ),
    ),
    h('h3', {}, t(lang, 'influenceTitle')),
    h('p', { class: 'intro' }, tx(interests.influence.intro, lang)),
    h(
      'div',
      { class: 'questions' },
      interests.influence.sources.map((s, index) =>
        scaleFieldset(ctx, {
          ref: { kind: 'influence', id: s.id },
          // The question names its source itself ("... via hulpbronnen ...").
          legend: tx(s.text, lang),
          labels: interests.scale.labels,
          number: interests.questions.length + index + 1,
        }),
      ),
    ),
  ];
}

function renderLadder(ctx) {
  const { instrument, lang, response } = ctx;
  const { ladder } = instrument;
  const group = (which) =>
    h(
      'fieldset',
      { class: 'choices ladder-choices' },
      h('legend', {}, tx(ladder[which], lang)),
      ladder.rungs.map((rung, index) =>
        choiceCard({
          type: 'radio',
          name: `ladder:${which}`,
          value: rung.id,
          checked: response.ladder?.[which] === rung.id,
          inputId: `ladder-${which}-${rung.id}`,
          label: tx(rung.label, lang),
          description: tx(rung.description, lang),
          prefix: `${index + 1}`,
          dataset: { kind: 'ladder', id: which },
        }),
      ),
    );
  return [h('div', { class: 'ladder-groups' }, group('current'), group('desired'))];
}

/** Builds the `<section>` of one step (the result step gets an empty container). */
export function renderStep(ctx, step, index, total) {
  const { lang } = ctx;
  const intro = step.id === 'over' ? t(lang, 'aboutIntro') : tx(step.module?.intro, lang);
  let body;
  switch (step.id) {
    case 'over':
      body = renderAbout(ctx);
      break;
    case 'opgave':
    case 'organisatie':
      body = renderModuleItems(ctx, step.id);
      break;
    case 'relaties':
      body = renderRelaties(ctx);
      break;
    case 'belangen':
      body = renderBelangen(ctx);
      break;
    case 'ladder':
      body = renderLadder(ctx);
      break;
    default:
      body = [h('div', { id: 'result', class: 'result' })];
  }
  return h(
    'section',
    { class: `step step-${step.id}`, id: `step-${step.id}`, 'aria-labelledby': `step-${step.id}-title`, hidden: index !== ctx.step },
    stepHeader(ctx, step, index, total, step.id === 'resultaat' ? null : intro),
    body,
  );
}
