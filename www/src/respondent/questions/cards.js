// A question answered by choosing one card (radio) or several (checkbox), each card
// with a label and a description: roles, position, sector, level, keten or netwerk,
// and the ladder's rungs. A single choice can offer "weet ik niet" (value "null").

import { h } from '../../dom.js';
import { tx } from '../../i18n.js';

/** "Weet niet" in the instrument's words (the label every scale uses), for a choice. */
export function unknownLabel(instrument, lang) {
  return tx(instrument.scales?.eens?.unknown, lang);
}

/**
 * Renders the fieldset. `choices`: [{value, label, description?, prefix?}];
 * `checked(value)` says which are chosen; `unknown` (a label) adds "weet ik niet".
 */
export function cardQuestion(view, { kind, id, type = 'radio', legend, help, choices, checked, unknown, number, extraClass }) {
  const name = `${kind}:${id}`;
  const helpId = help ? `${kind}-${id}-help` : null;
  const all = unknown ? [...choices, { value: 'null', label: unknown, unknown: true }] : choices;
  return h(
    'fieldset',
    { class: `choices ${extraClass ?? ''}`.trim(), dataset: { question: name }, 'aria-describedby': helpId },
    h('legend', {}, number != null ? h('span', { class: 'num', 'aria-hidden': 'true' }, `${number}.`) : null, h('span', { class: 'legend-text' }, legend)),
    help ? h('p', { class: 'hint', id: helpId }, help) : null,
    h(
      'div',
      { class: 'cards' },
      all.map((choice) => {
        const inputId = `${kind}-${id}-${choice.value}`;
        const descId = choice.description ? `${inputId}-desc` : null;
        return h(
          'div',
          { class: choice.unknown ? 'choice choice-unknown' : 'choice' },
          h('input', { type, id: inputId, name, value: choice.value, checked: checked(choice.value), dataset: { kind, id }, 'aria-describedby': descId }),
          h('label', { for: inputId }, choice.prefix ? h('span', { class: 'rung-no', 'aria-hidden': 'true' }, choice.prefix) : null, choice.label),
          choice.description ? h('p', { class: 'choice-desc', id: descId }, choice.description) : null,
        );
      }),
    ),
  );
}
