// The organisation's interest, give, take and passion, each on its own scale (omvang,
// mate): `interests[question id]`.

import { tx } from '../../i18n.js';
import { scaleQuestion, scaleOf, scaleValue, isScaleAnswer, section } from './scale.js';

export default {
  kind: 'interest',
  event: 'change',
  scored: true,
  counted: true,
  render(view, q) {
    const { instrument, lang, response } = view;
    return scaleQuestion(view, {
      kind: 'interest',
      id: q.id,
      legend: tx(q.question.text, lang),
      scale: scaleOf(instrument, q.question.scale),
      value: response.interests?.[q.id],
      number: q.number,
    });
  },
  read: (input) => scaleValue(input.value),
  get: (response, id) => response.interests?.[id],
  set(response, id, value) {
    section(response, 'interests')[id] = value;
  },
  answered: (response, id) => isScaleAnswer(response.interests?.[id]),
};
