// "Hoe belangrijk is dit nu voor onze samenwerking?", asked once per concept on the
// importance scale: `importance[concept id]`.

import { tx } from '../../i18n.js';
import { scaleQuestion, scaleOf, scaleValue, isScaleAnswer, section } from './scale.js';

export default {
  kind: 'importance',
  event: 'change',
  scored: true,
  counted: true,
  render(view, q) {
    const { instrument, lang, response } = view;
    return scaleQuestion(view, {
      kind: 'importance',
      id: q.id,
      legend: tx(instrument.importance.question, lang),
      scale: scaleOf(instrument, instrument.importance.scale ?? 'belang'),
      value: response.importance?.[q.id],
      number: q.number,
      extraClass: 'importance',
    });
  },
  read: (input) => scaleValue(input.value),
  get: (response, id) => response.importance?.[id],
  set(response, id, value) {
    section(response, 'importance')[id] = value;
  },
  answered: (response, id) => isScaleAnswer(response.importance?.[id]),
};
