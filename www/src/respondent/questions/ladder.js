// Where the government stands on the participation ladder now, and where it should
// stand: a rung, or "weet niet" (null); absent is not answered. `ladder.current`,
// `ladder.desired`.

import { tx } from '../../i18n.js';
import { cardQuestion, unknownLabel } from './cards.js';
import { section } from './scale.js';

export default {
  kind: 'ladder',
  event: 'change',
  scored: true,
  counted: true,
  render(view, q) {
    const { instrument, lang, response } = view;
    const stored = response.ladder?.[q.id];
    const answered = response.ladder != null && q.id in response.ladder;
    return cardQuestion(view, {
      kind: 'ladder',
      id: q.id,
      legend: tx(instrument.ladder[q.id], lang),
      choices: instrument.ladder.rungs.map((rung, index) => ({
        value: rung.id,
        label: tx(rung.label, lang),
        description: tx(rung.description, lang),
        prefix: String(index + 1),
      })),
      checked: (value) => answered && (value === 'null' ? stored === null : stored === value),
      unknown: unknownLabel(instrument, lang),
      number: q.number,
      extraClass: 'ladder-choices',
    });
  },
  read: (input) => (input.value === 'null' ? null : input.value),
  get: (response, id) => response.ladder?.[id],
  set(response, id, value) {
    section(response, 'ladder')[id] = value;
  },
  answered: (response, id) => response.ladder != null && id in response.ladder && (response.ladder[id] === null || typeof response.ladder[id] === 'string'),
};
