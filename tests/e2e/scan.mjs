// The fixed answer sets of the end-to-end tests, the expected scores computed by hand
// from the scoring rules, and the steps a user takes to fill in the scan.
//
// Scoring rules (docs/FORMATS.md and core/src/score.rs): reverse items count 6 - v;
// "weet niet" (null) is left out; a score is the mean of the answered items when at
// least half of them (rounded up) are answered, otherwise it is missing (never 0).
// Bands: >= 4.0 sterk, >= 3.0 aandacht, else zorg. A module score is the mean over the
// module's items, by the same rule.

import assert from 'node:assert/strict';
import { INSTRUMENT, STORAGE_KEY } from './harness.mjs';

/**
 * The answer set filled in by hand in scan.test.mjs. Chosen so that the table shows
 * every case: a reverse item in every concept, "weet niet" answers, a concept answered
 * less than half (vrijheid: 1 of 3 -> missing), scores exactly on the band edges
 * (transparantie 3.00, vertrouwen 4.00) and two low scores that offer a comment box.
 */
export const ANNA = {
  respondent: { alias: 'Anna de Vries', organisation: 'Gemeente Deventer', roles: ['eigenaar', 'oplosser'], position: 'kern' },
  answers: {
    'opgave-1': 4,
    'opgave-2': 2, // reverse: counts 4
    'opgave-3': 5,
    'opgave-4': null, // weet niet
    'opgave-5': 3,
    'opgave-6': 4,
    'organisatie-1': 3,
    'organisatie-2': 2,
    'organisatie-3': 3,
    'organisatie-4': 4, // reverse: counts 2
    'organisatie-5': null,
    'gelijkwaardigheid-1': 4,
    'gelijkwaardigheid-2': 3,
    'gelijkwaardigheid-3': 2, // reverse: counts 4
    'respect-1': 5,
    'respect-2': 4,
    'respect-3': 1, // reverse: counts 5
    'vrijheid-1': 2,
    'vrijheid-2': null, // vrijheid-3 untouched: 1 of 3 answered -> no score
    'verantwoording-1': 2,
    'verantwoording-2': 3,
    'verantwoording-3': 4, // reverse: counts 2
    'transparantie-1': 3,
    'transparantie-2': null,
    'transparantie-3': 3, // reverse: counts 3
    'vertrouwen-1': 4,
    'vertrouwen-2': 4,
    'vertrouwen-3': 2, // reverse: counts 4
  },
  importance: { gelijkwaardigheid: 4, respect: 3, vrijheid: null, verantwoording: 5, transparantie: 2, vertrouwen: 5 },
  comments: {
    organisatie: 'Kortere overleggen met een duidelijke agenda.',
    verantwoording: 'Afspreken wie waarvoor aanspreekbaar is.',
  },
  ladder: { current: 'regisseren', desired: 'faciliteren' },
  interests: { interest: 4, give: 5, take: 2, passion: null, influence: { resources: 3, authority: 1, information: 4 } },
};

/** The literal outcomes of ANNA, as a check on the test's own arithmetic. */
export const ANNA_LITERAL = {
  concepts: { gelijkwaardigheid: '3,67', respect: '4,67', vrijheid: null, verantwoording: '2,33', transparantie: '3,00', vertrouwen: '4,00' },
  modules: { opgave: '4,00', organisatie: '2,50', relaties: '3,47' },
};

/** A complete answer set with trust running ahead of its foundation (for screenshots). */
export const BERT = {
  respondent: { alias: 'Bert', organisation: 'Woonstichting De Brug', roles: ['oplosser'], position: 'ring' },
  answers: Object.fromEntries(
    INSTRUMENT.items.map((item, i) => {
      const high = item.concept === 'vertrouwen' || item.concept === 'respect';
      const base = high ? 5 : [3, 2, 4, 3, 2][i % 5];
      return [item.id, item.reverse ? 6 - base : base];
    }),
  ),
  importance: { gelijkwaardigheid: 4, respect: 5, vrijheid: 3, verantwoording: 4, transparantie: 5, vertrouwen: 5 },
  comments: {},
  ladder: { current: 'reguleren', desired: 'stimuleren' },
  interests: { interest: 2, give: 2, take: 4, passion: 4, influence: { resources: 4, authority: 2, information: 3, communication: 5 } },
};

/** A complete response object for an answer set. */
export function responseOf(set) {
  return {
    format: 'netwerkscan-response',
    version: 1,
    instrument: { id: INSTRUMENT.id, version: INSTRUMENT.version },
    respondent: structuredClone(set.respondent),
    answers: structuredClone(set.answers),
    importance: structuredClone(set.importance),
    comments: structuredClone(set.comments),
    ladder: structuredClone(set.ladder),
    interests: structuredClone(set.interests),
  };
}

/** Puts an answer set in the page's draft storage before the page's own scripts run. */
export async function seedDraft(context, set, { lang = 'nl', step = 0 } = {}) {
  const draft = JSON.stringify({ version: 1, lang, step, response: responseOf(set) });
  await context.addInitScript(
    ([key, text]) => {
      // Only on the first load, so that a reload shows what the page itself saved.
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [STORAGE_KEY, draft],
  );
}

function mean(items, answers) {
  let answered = 0;
  let sum = 0;
  for (const item of items) {
    const v = answers[item.id];
    if (Number.isInteger(v)) {
      answered += 1;
      sum += item.reverse ? 6 - v : v;
    }
  }
  return answered > 0 && answered >= Math.ceil(items.length / 2) ? sum / answered : null;
}

/** {concepts: {id: mean|null}, modules: {id: mean|null}} by the scoring rules. */
export function expectedScores(set) {
  const concepts = Object.fromEntries(INSTRUMENT.concepts.map((c) => [c.id, mean(INSTRUMENT.items.filter((i) => i.concept === c.id), set.answers)]));
  const modules = Object.fromEntries(['opgave', 'organisatie', 'relaties'].map((m) => [m, mean(INSTRUMENT.items.filter((i) => i.module === m), set.answers)]));
  return { concepts, modules };
}

export function band(score) {
  if (score == null) return null;
  if (score >= 4.0) return 'sterk';
  if (score >= 3.0) return 'aandacht';
  return 'zorg';
}

/** A score as the page shows it: two decimals, a comma in Dutch. */
export function dutch(score) {
  return score == null ? null : score.toFixed(2).replace('.', ',');
}

/** How many of the counted questions an answer set answers, and how many there are. */
export function progressOf(set) {
  const total = INSTRUMENT.items.length + INSTRUMENT.concepts.length + INSTRUMENT.interests.questions.length + INSTRUMENT.interests.influence.sources.length + 2;
  const { influence = {}, ...questions } = set.interests;
  const answered =
    Object.keys(set.answers).length +
    Object.keys(set.importance).length +
    Object.keys(questions).length +
    Object.keys(influence).length +
    ['current', 'desired'].filter((k) => set.ladder[k] != null).length;
  return { answered, total };
}

// ----- finding things on the page -----

export const nl = (text) => text.nl;
const item = (id) => INSTRUMENT.items.find((i) => i.id === id);
const scaleLabel = (value, labels) => (value === null ? INSTRUMENT.scale.unknown.nl : labels[value - 1].nl);

/** The fieldset of one question (its legend is the question text). */
export function questionGroup(page, text) {
  return page.getByRole('group', { name: text, exact: true });
}

/** Clicks the option `value` (1..5 or null) of a question, as a user does. */
async function clickScale(page, text, value, labels) {
  await questionGroup(page, text).getByRole('radio', { name: scaleLabel(value, labels), exact: true }).click();
}

/**
 * Answers a question with the keyboard: Tab into its radio group (the focus must be on
 * the element just before it), then Space for 1, ArrowRight for higher values, and
 * ArrowLeft (which wraps to the last option) for "weet niet".
 */
async function keyScale(page, radioName, value) {
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
  assert.equal(focused, radioName, `Tab should land in the radio group ${radioName}`);
  if (value === null) await page.keyboard.press('ArrowLeft');
  else if (value === 1) await page.keyboard.press('Space');
  else for (let i = 1; i < value; i += 1) await page.keyboard.press('ArrowRight');
}

async function next(page) {
  await page.locator('#next-button').click();
}

/**
 * Fills in the whole scan with `set` through the user interface, step by step.
 * `keyboard` lists item ids answered with the keyboard; they must be the first items
 * of their step (the focus is on the step heading after "Volgende").
 * `onStep(name)` is called on every step before moving on (for screenshots).
 */
export async function fillScan(page, set, { keyboard = [], onStep = async () => {} } = {}) {
  const keyed = new Set(keyboard);
  const answerItems = async (ids) => {
    for (const id of ids) {
      if (!(id in set.answers)) continue;
      if (keyed.has(id)) await keyScale(page, `answer:${id}`, set.answers[id]);
      else await clickScale(page, nl(item(id).text), set.answers[id], INSTRUMENT.scale.labels);
    }
  };

  // 1. About you.
  const r = set.respondent;
  await page.getByLabel('Naam of alias').fill(r.alias);
  await page.getByLabel('Organisatie', { exact: true }).fill(r.organisation);
  for (const role of r.roles) await page.getByRole('checkbox', { name: nl(INSTRUMENT.roles.find((x) => x.id === role).label) }).check();
  if (r.position) await page.getByRole('radio', { name: nl(INSTRUMENT.positions.find((x) => x.id === r.position).label) }).check();
  await onStep('1-over');
  await next(page);

  // 2, 3. Opgave and organisatie, with their comment box where the score is low.
  for (const [n, module] of [[2, 'opgave'], [3, 'organisatie']]) {
    await answerItems(INSTRUMENT.items.filter((i) => i.module === module).map((i) => i.id));
    if (set.comments[module]) {
      const box = page.locator(`#comment-${module}`);
      await box.waitFor({ state: 'visible' });
      await box.fill(set.comments[module]);
    }
    await onStep(`${n}-${module}`);
    await next(page);
  }

  // 4. Relaties: per concept its items, the importance and maybe a comment.
  for (const concept of INSTRUMENT.concepts) {
    await answerItems(INSTRUMENT.items.filter((i) => i.concept === concept.id).map((i) => i.id));
    if (concept.id in set.importance) {
      const fieldset = page.locator(`#concept-${concept.id}`);
      const group = fieldset.getByRole('group', { name: nl(INSTRUMENT.importance.question), exact: true });
      await group.getByRole('radio', { name: scaleLabel(set.importance[concept.id], INSTRUMENT.importance.labels), exact: true }).click();
    }
    if (set.comments[concept.id]) {
      const box = page.locator(`#comment-${concept.id}`);
      await box.waitFor({ state: 'visible' });
      await box.fill(set.comments[concept.id]);
    }
  }
  await onStep('4-relaties');
  await next(page);

  // 5. Belangen.
  const { influence = {}, ...questions } = set.interests;
  for (const q of INSTRUMENT.interests.questions) {
    if (q.id in questions) await clickScale(page, nl(q.text), questions[q.id], INSTRUMENT.interests.scale.labels);
  }
  for (const s of INSTRUMENT.interests.influence.sources) {
    if (s.id in influence) await clickScale(page, nl(s.text), influence[s.id], INSTRUMENT.interests.scale.labels);
  }
  await onStep('5-belangen');
  await next(page);

  // 6. Ladder.
  for (const which of ['current', 'desired']) {
    const rung = INSTRUMENT.ladder.rungs.find((x) => x.id === set.ladder[which]);
    if (rung) await questionGroup(page, nl(INSTRUMENT.ladder[which])).getByRole('radio', { name: nl(rung.label) }).check();
  }
  await onStep('6-ladder');
  await next(page);
}

/** The text of the score cell of `id` in a table holder (chart table or result table). */
export async function scoreText(scope, id) {
  return (await scope.locator(`tr[data-id="${id}"] td.num`).first().textContent()).trim();
}

/** Reads the draft the page saved. */
export async function storedDraft(page) {
  const text = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  return text == null ? null : JSON.parse(text);
}
