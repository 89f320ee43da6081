// The steps of the scan, derived from the instrument: who you are, the five modules in
// the instrument's order, and the result. Each step lists its questions as
// {kind, id, ...} (see questions/index.js), in groups: a concept with its statements,
// its importance and "Wat zou helpen?"; a heading over interests or influence; the
// closing open question. The progress counts the questions whose kind is counted.

import { t, tx } from '../i18n.js';
import { isCounted, isAnswered } from './questions/index.js';

/** The chart that belongs to each step (shown near its questions on a phone). */
const CHART_OF_STEP = { opgave: 'modules', organisatie: 'modules', relaties: 'concepts', belangen: 'influence', ladder: 'ladder', resultaat: 'concepts' };

/** Numbers the questions a participant reads as numbered, within one step. */
const NUMBERED = new Set(['likert', 'interest', 'influence', 'ladder', 'form', 'open']);

/** The step list for `instrument`: [{id, label(lang), short(lang), intro(lang), groups, questions, chart}]. */
export function buildSteps(instrument) {
  const items = instrument.items ?? [];
  const isOpen = (item) => item.type === 'open';
  const likertOf = (module, concept) =>
    items.filter((i) => i.module === module && !isOpen(i) && (concept === undefined || i.concept === concept)).map((item) => ({ kind: 'likert', id: item.id, item }));
  const openOf = (module) => items.filter((i) => isOpen(i) && (i.module ?? null) === module).map((item) => ({ kind: 'open', id: item.id, item }));
  const comment = (id, group) => ({ kind: 'comment', id, group });

  const groupsOf = {
    opgave: () => [{ questions: [...likertOf('opgave'), ...openOf('opgave'), comment('opgave', 'modules')] }],
    organisatie: () => [{ questions: [{ kind: 'form', id: 'form' }, ...likertOf('organisatie'), ...openOf('organisatie'), comment('organisatie', 'modules')] }],
    relaties: () => [
      ...instrument.concepts.map((concept) => ({
        concept,
        questions: [...likertOf('relaties', concept.id), { kind: 'importance', id: concept.id }, comment(concept.id, 'concepts')],
      })),
      // Statements of the module that name no concept (a trainer's instrument).
      { questions: [...items.filter((i) => i.module === 'relaties' && !isOpen(i) && !i.concept).map((item) => ({ kind: 'likert', id: item.id, item })), ...openOf('relaties')] },
    ],
    belangen: () => [
      { title: 'interestsTitle', questions: [...likertOf('belangen'), ...instrument.interests.questions.map((question) => ({ kind: 'interest', id: question.id, question }))] },
      { title: 'influenceTitle', intro: instrument.interests.influence.intro, questions: instrument.interests.influence.sources.map((source) => ({ kind: 'influence', id: source.id, source })) },
      { questions: openOf('belangen') },
    ],
    ladder: () => [
      { questions: [...likertOf('ladder'), { kind: 'ladder', id: 'current' }, { kind: 'ladder', id: 'desired' }, ...openOf('ladder')] },
      // The open questions of no module close the scan, just before the result.
      { title: 'closingTitle', questions: openOf(null) },
    ],
  };

  const about = {
    id: 'over',
    label: (lang) => t(lang, 'stepAbout'),
    short: (lang) => t(lang, 'stepAbout'),
    intro: (lang) => t(lang, 'aboutIntro'),
    groups: [
      {
        questions: [
          { kind: 'text', id: 'alias' },
          { kind: 'text', id: 'organisation' },
          { kind: 'roles', id: 'roles' },
          { kind: 'choice', id: 'position' },
          { kind: 'choice', id: 'sector' },
          { kind: 'choice', id: 'level' },
        ],
      },
    ],
  };
  const modules = instrument.modules.filter((m) => groupsOf[m.id]).map((module) => ({
    id: module.id,
    module,
    label: (lang) => tx(module.label, lang) || module.id,
    short: (lang) => tx(module.short, lang) || tx(module.label, lang) || module.id,
    intro: (lang) => tx(module.intro, lang),
    groups: groupsOf[module.id]().filter((g) => g.questions.length > 0),
  }));
  const result = { id: 'resultaat', label: (lang) => t(lang, 'stepResult'), short: (lang) => t(lang, 'stepResult'), intro: () => '', groups: [] };

  return [about, ...modules, result].map((step) => {
    let number = 0;
    for (const group of step.groups) {
      for (const q of group.questions) if (NUMBERED.has(q.kind)) q.number = ++number;
    }
    return { ...step, questions: step.groups.flatMap((g) => g.questions), chart: CHART_OF_STEP[step.id] ?? null };
  });
}

/** {answered, total} for one step. */
export function stepProgress(step, response) {
  const counted = step.questions.filter(isCounted);
  return { answered: counted.filter((q) => isAnswered(response, q)).length, total: counted.length };
}

/** {answered, total} over all steps. */
export function totalProgress(steps, response) {
  let answered = 0;
  let total = 0;
  for (const step of steps) {
    const p = stepProgress(step, response);
    answered += p.answered;
    total += p.total;
  }
  return { answered, total };
}

/**
 * What the opening screen says: how many questions (those the progress counts), how
 * many open ones beside them, about how long.
 */
export function scanSize(steps) {
  const all = steps.flatMap((s) => s.questions);
  const counted = all.filter(isCounted).length;
  const open = all.filter((q) => q.kind === 'open').length;
  // About 12 seconds a closed question (a statement on a scale reads quickly) and 45 an
  // open one, plus a minute about yourself; rounded to five minutes, as a participant
  // plans it.
  const seconds = counted * 12 + open * 45 + 60;
  const minutes = Math.max(5, Math.round(seconds / 300) * 5);
  return { questions: counted, open, minutes };
}
