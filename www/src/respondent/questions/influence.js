// How much influence the organisation has through one source (resources, authority,
// information, communication): `interests.influence[source id]`.

import { tx } from '../../i18n.js';
import { scaleQuestion, scaleOf, scaleValue, isScaleAnswer, section } from './scale.js';

export default {
  kind: 'influence',
  event: 'change',
  scored: true,
  counted: true,
  render(view, q) {
    const { instrument, lang, response } = view;
    return scaleQuestion(view, {
      kind: 'influence',
      id: q.id,
      // The question names its source itself ("... via hulpbronnen ...").
      legend: tx(q.source.text, lang),
      scale: scaleOf(instrument, instrument.interests.influence.scale),
      value: response.interests?.influence?.[q.id],
      number: q.number,
    });
  },
  read: (input) => scaleValue(input.value),
  get: (response, id) => response.interests?.influence?.[id],
  set(response, id, value) {
    section(section(response, 'interests'), 'influence')[id] = value;
  },
  answered: (response, id) => isScaleAnswer(response.interests?.influence?.[id]),
};
