// Response files (format version 2) for the tests, built from the instrument so that
// they follow it when items are added or renamed. The respondent engineer's test
// (respondent.test.mjs) checks exact scores; these only need to be valid and complete.

import { INSTRUMENT } from './harness.mjs';

const likert = INSTRUMENT.items.filter((item) => item.type !== 'open');
const open = INSTRUMENT.items.filter((item) => item.type === 'open');

/** A response in the file format, with these answers over an empty one. */
export function response({ respondent = {}, answers = {}, importance = {}, comments = {}, ladder, interests, form } = {}) {
  return {
    format: 'netwerkscan-response',
    version: 2,
    instrument: { id: INSTRUMENT.id, version: INSTRUMENT.version },
    respondent: { alias: '', organisation: '', roles: [], position: null, sector: null, level: null, ...respondent },
    ...(form === undefined ? {} : { form }),
    answers,
    importance,
    comments,
    ...(ladder === undefined ? {} : { ladder }),
    ...(interests === undefined ? {} : { interests }),
  };
}

/** Every question answered: a participant at the result step. */
export const COMPLETE = response({
  respondent: { alias: 'Bert', organisation: 'Woonstichting De Brug', roles: ['oplosser'], position: 'ring', sector: 'maatschappelijk', level: 'uitvoering' },
  form: 'netwerk',
  answers: Object.fromEntries(
    likert.map((item, i) => {
      const high = item.concept === 'vertrouwen' || item.concept === 'respect';
      const base = high ? 5 : [3, 2, 4, 3, 2][i % 5];
      return [item.id, item.reverse ? 6 - base : base];
    }),
  ),
  importance: Object.fromEntries(INSTRUMENT.concepts.map((c, i) => [c.id, [4, 5, 3, 4, 5, 5][i % 6]])),
  comments: Object.fromEntries(open.map((item) => [item.id, `Antwoord op ${item.id}.`])),
  ladder: { current: 'reguleren', desired: 'stimuleren' },
  interests: { interest: 2, give: 2, take: 4, passion: 4, influence: { resources: 4, authority: 2, information: 3, communication: 5 } },
});

/** A few answers: a participant halfway through the opgave step. */
export const PARTIAL = response({
  respondent: { alias: 'Anna de Vries', organisation: 'Gemeente Deventer', roles: ['eigenaar', 'oplosser'], position: 'kern' },
  answers: { [likert[0].id]: 4, [likert[1].id]: 2, [likert[2].id]: null },
});

/** Not a valid response: an answer off the scale (the page must refuse it and say why). */
export const OFF_SCALE = response({ answers: { [likert[0].id]: 7 } });

/** The id of the first Likert item (the first question of the opgave step). */
export const FIRST_ITEM = likert[0].id;

/** A draft envelope as www/src/storage.js writes it. */
export function draft(resp, { step = 1, lang = 'nl' } = {}) {
  return JSON.stringify({ version: 1, lang, step, response: resp });
}
