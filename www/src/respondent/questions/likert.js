// A statement answered on a five-point scale (the instrument's items of type "likert",
// on the item's scale, agreement by default): `answers[item id]`.

import { tx } from '../../i18n.js';
import { scaleQuestion, scaleOf, scaleValue, isScaleAnswer, section } from './scale.js';

export default {
  kind: 'likert',
  event: 'change',
  scored: true,
  counted: true,
  render(view, q) {
    const { instrument, lang, response } = view;
    return scaleQuestion(view, {
      kind: 'likert',
      id: q.id,
      legend: tx(q.item.text, lang),
      scale: scaleOf(instrument, q.item.scale ?? 'eens'),
      value: response.answers?.[q.id],
      number: q.number,
    });
  },
  read: (input) => scaleValue(input.value),
  get: (response, id) => response.answers?.[id],
  set(response, id, value) {
    section(response, 'answers')[id] = value;
  },
  answered: (response, id) => isScaleAnswer(response.answers?.[id]),
};
