// The steps of the scan, derived from the instrument, and which questions each holds.
// The progress indicator counts these questions; "Over u" and the result count none.

import { t, tx } from './i18n.js';
import { isAnswered } from './response.js';

/** The step list for `instrument`. Each step: {id, module?, label(lang), questions}. */
export function buildSteps(instrument) {
  const moduleById = new Map(instrument.modules.map((m) => [m.id, m]));
  const itemRefs = (predicate) =>
    instrument.items.filter(predicate).map((item) => ({ kind: 'answer', id: item.id }));
  const moduleStep = (id, questions) => ({
    id,
    module: moduleById.get(id),
    label: (lang) => tx(moduleById.get(id)?.label, lang) || id,
    questions,
  });

  return [
    { id: 'over', label: (lang) => t(lang, 'stepAbout'), questions: [] },
    moduleStep('opgave', itemRefs((i) => i.module === 'opgave')),
    moduleStep('organisatie', itemRefs((i) => i.module === 'organisatie')),
    moduleStep(
      'relaties',
      instrument.concepts.flatMap((c) => [
        ...itemRefs((i) => i.module === 'relaties' && i.concept === c.id),
        { kind: 'importance', id: c.id },
      ]),
    ),
    moduleStep('belangen', [
      ...instrument.interests.questions.map((q) => ({ kind: 'interest', id: q.id })),
      ...instrument.interests.influence.sources.map((s) => ({ kind: 'influence', id: s.id })),
    ]),
    moduleStep('ladder', [
      { kind: 'ladder', id: 'current' },
      { kind: 'ladder', id: 'desired' },
    ]),
    { id: 'resultaat', label: (lang) => t(lang, 'stepResult'), questions: [] },
  ];
}

/** {answered, total} for one step. */
export function stepProgress(step, response) {
  const answered = step.questions.filter((ref) => isAnswered(response, ref)).length;
  return { answered, total: step.questions.length };
}

/** {answered, total} over all steps. */
export function totalProgress(steps, response) {
  return steps.reduce(
    (sum, step) => {
      const p = stepProgress(step, response);
      return { answered: sum.answered + p.answered, total: sum.total + p.total };
    },
    { answered: 0, total: 0 },
  );
}
