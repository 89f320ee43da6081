// A question answered on one of the instrument's five-point scales, with "weet niet":
// a native fieldset of radios that share one name, so Tab enters the group once and the
// arrow keys move within it. The value "null" is "weet niet"; nothing checked is
// "not answered yet".

import { h } from '../../dom.js';
import { tx } from '../../i18n.js';

/** Reads a radio's value: "1".."5" -> number, "null" -> null, anything else -> undefined. */
export function scaleValue(text) {
  if (text === 'null') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/** True when `value` is an answer on the scale ("weet niet" included). */
export function isScaleAnswer(value) {
  return value === null || (Number.isInteger(value) && value >= 1 && value <= 5);
}

/** The instrument's scale `id`, falling back to the agreement scale. */
export function scaleOf(instrument, id) {
  return instrument.scales?.[id] ?? instrument.scales?.eens;
}

/**
 * Renders the fieldset. `value` is the stored answer (undefined: not answered).
 * `number` is shown before the legend; `extraClass` marks importance questions.
 */
export function scaleQuestion(view, { kind, id, legend, scale, value, number, extraClass }) {
  const { lang } = view;
  const name = `${kind}:${id}`;
  const answered = isScaleAnswer(value);
  const options = scale.labels.map((label, index) => ({ value: String(index + 1), text: tx(label, lang), checked: answered && value === index + 1 }));
  options.push({ value: 'null', text: tx(scale.unknown, lang), checked: answered && value === null, unknown: true });
  return h(
    'fieldset',
    { class: `scale-question ${extraClass ?? ''}`.trim(), dataset: { question: name } },
    h('legend', {}, number != null ? h('span', { class: 'num', 'aria-hidden': 'true' }, `${number}.`) : null, h('span', { class: 'legend-text' }, legend)),
    h(
      'div',
      { class: 'scale' },
      options.map((o) =>
        h(
          'label',
          { class: o.unknown ? 'opt opt-unknown' : 'opt' },
          h('input', { type: 'radio', name, value: o.value, checked: o.checked, dataset: { kind, id } }),
          h('span', { class: 'opt-text' }, o.text),
        ),
      ),
    ),
  );
}

/** Gets or creates `response[name]` as an object. */
export function section(response, name) {
  if (response[name] == null || typeof response[name] !== 'object' || Array.isArray(response[name])) response[name] = {};
  return response[name];
}

/**
 * A question kind answered on a scale, kept in the response at `path` (the section
 * names, such as ['interests', 'influence']) under the question's id. `legend(view, q)`
 * and `scale(view, q)` give its words and its scale id; the rest is the same for every
 * scale kind.
 */
export function scaleKind({ kind, path, legend, scale, extraClass }) {
  const holder = (response) => path.reduce((object, name) => object?.[name], response);
  return {
    kind,
    event: 'change',
    scored: true,
    counted: true,
    render(view, q) {
      return scaleQuestion(view, {
        kind,
        id: q.id,
        legend: legend(view, q),
        scale: scaleOf(view.instrument, scale(view, q)),
        value: holder(view.response)?.[q.id],
        number: q.number,
        extraClass,
      });
    },
    read: (input) => scaleValue(input.value),
    get: (response, id) => holder(response)?.[id],
    set(response, id, value) {
      path.reduce((object, name) => section(object, name), response)[id] = value;
    },
    answered: (response, id) => isScaleAnswer(holder(response)?.[id]),
  };
}
