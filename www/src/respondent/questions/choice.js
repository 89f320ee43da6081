// One choice about the respondent: position (strategische kern or complementaire ring),
// sector or level, each with its help text and "weet ik niet" (null); absent is not
// answered. `respondent.position`, `respondent.sector`, `respondent.level`.

import { tx } from '../../i18n.js';
import { cardQuestion, unknownLabel } from './cards.js';
import { section } from './scale.js';

export default {
  kind: 'choice',
  event: 'change',
  // The position and sector split the group report, not one respondent's scores.
  scored: false,
  counted: false,
  render(view, q) {
    const { instrument, lang, response } = view;
    const question = instrument.respondent[q.id];
    const r = response.respondent ?? {};
    const answered = q.id in r;
    return cardQuestion(view, {
      kind: 'choice',
      id: q.id,
      legend: tx(question.question, lang),
      help: tx(question.help, lang),
      choices: question.choices.map((c) => ({ value: c.id, label: tx(c.label, lang), description: tx(c.description, lang) })),
      checked: (value) => answered && (value === 'null' ? r[q.id] === null : r[q.id] === value),
      unknown: unknownLabel(instrument, lang),
    });
  },
  read: (input) => (input.value === 'null' ? null : input.value),
  get: (response, id) => response.respondent?.[id],
  set(response, id, value) {
    section(response, 'respondent')[id] = value;
  },
  answered: (response, id) => response.respondent != null && id in response.respondent,
};
