// The typing question: does the work run as a chain (keten), a network, or both? The
// answer picks the advice on organising the collaboration. `form`: an id, or null for
// "weet niet"; absent is not answered.

import { tx } from '../../i18n.js';
import { cardQuestion, unknownLabel } from './cards.js';

export default {
  kind: 'form',
  event: 'change',
  scored: true,
  counted: true,
  render(view, q) {
    const { instrument, lang, response } = view;
    const { form } = instrument;
    const answered = 'form' in response;
    return cardQuestion(view, {
      kind: 'form',
      id: 'form',
      legend: tx(form.question, lang),
      help: tx(form.help, lang),
      choices: form.choices.map((c) => ({ value: c.id, label: tx(c.label, lang), description: tx(c.description, lang) })),
      checked: (value) => answered && (value === 'null' ? response.form === null : response.form === value),
      unknown: unknownLabel(instrument, lang),
      number: q.number,
    });
  },
  read: (input) => (input.value === 'null' ? null : input.value),
  get: (response) => response.form,
  set(response, id, value) {
    response.form = value;
  },
  answered: (response) => 'form' in response && (response.form === null || typeof response.form === 'string'),
};
