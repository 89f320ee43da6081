// The roles the respondent's organisation has around the problem (eigenaar,
// veroorzaker, oplosser): any number, kept in the instrument's order.
// `respondent.roles`.

import { tx } from '../../i18n.js';
import { cardQuestion } from './cards.js';
import { section } from './scale.js';

export default {
  kind: 'roles',
  event: 'change',
  scored: false,
  counted: false,
  render(view) {
    const { instrument, lang, response } = view;
    const question = instrument.respondent.roles;
    const chosen = new Set(Array.isArray(response.respondent?.roles) ? response.respondent.roles : []);
    return cardQuestion(view, {
      kind: 'roles',
      id: 'roles',
      type: 'checkbox',
      legend: tx(question.question, lang),
      help: tx(question.help, lang),
      choices: question.choices.map((c) => ({ value: c.id, label: tx(c.label, lang), description: tx(c.description, lang) })),
      checked: (value) => chosen.has(value),
    });
  },
  read: (input) => ({ role: input.value, chosen: input.checked }),
  get: (response) => response.respondent?.roles ?? [],
  set(response, id, { role, chosen }, instrument) {
    const r = section(response, 'respondent');
    const roles = new Set(Array.isArray(r.roles) ? r.roles : []);
    if (chosen) roles.add(role);
    else roles.delete(role);
    r.roles = instrument.respondent.roles.choices.map((c) => c.id).filter((c) => roles.has(c));
  },
  answered: (response) => Array.isArray(response.respondent?.roles) && response.respondent.roles.length > 0,
};
