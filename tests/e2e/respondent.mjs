// Helpers of respondent.test.mjs: the respondent mode of <netwerk-scan> for instrument
// 2, filled in as a participant would. The shared harness (harness.mjs) starts the
// servers and the browser and guards the page; this file holds the answer set, the
// scoring rules written out by hand, and the steps a participant takes. Playwright's
// CSS selectors pierce open shadow roots, so `page.locator('input[data-id="respect-waarden"]')`
// finds the element's inputs.

import assert from 'node:assert/strict';
import { INSTRUMENT, DRAFT_KEY, runCli, waitForReady, shownText } from './harness.mjs';

/** The old single page's draft key (instrument 1), read once and migrated. */
export const LEGACY_KEY = 'netwerkscan:draft:v1';

export const item = (id) => INSTRUMENT.items.find((i) => i.id === id);
export const nl = (text) => text.nl;
export const scales = INSTRUMENT.scales;

/**
 * The answer set filled in by hand: every kind of question, "weet niet" on each kind
 * that has it, untouched questions, both open questions and two comments. Chosen so
 * the result shows a score on each band edge (organisatie 4,00, transparantie 3,00), a
 * concept answered less than half (vrijheid: no score), and two zorg scores that offer
 * "Wat zou helpen?" (opgave 2,75 and respect 1,75).
 */
export const PIA = {
  respondent: { alias: 'Pia de Boer', organisation: 'Wijkteam Noord', roles: ['oplosser'], position: 'ring', sector: null, level: 'uitvoering' },
  form: 'keten',
  answers: {
    'opgave-eigen': 4,
    'opgave-samen': 5,
    'opgave-positiespel': 4, // reverse: counts 2
    'opgave-rol': 3,
    'opgave-belang': null, // weet niet
    'opgave-balans': 2,
    'opgave-eigenaren': 2,
    'opgave-veroorzakers': 1,
    'opgave-oplossers': 3,
    'organisatie-ontmoeting': 4,
    'organisatie-communicatie': 4,
    'organisatie-besluiten': 3,
    'organisatie-structuur': 2, // reverse: counts 4
    'organisatie-werkvorm': 4,
    'organisatie-wisselingen': null,
    'organisatie-regisseur': 5,
    'organisatie-gegund': 4,
    // organisatie-dienend untouched
    'gelijkwaardigheid-luisteren': 4,
    'gelijkwaardigheid-belangen': 3,
    'gelijkwaardigheid-afhankelijkheid': 4,
    'gelijkwaardigheid-doorslag': 2, // reverse: counts 4
    'respect-waarden': 2,
    'respect-bespreken': 2,
    'respect-visie': 1,
    'respect-voeten': 4, // reverse: counts 2
    'vrijheid-ruimte': 4,
    'vrijheid-grenzen': null, // 1 of 4 answered: no score
    'verantwoording-eigen': 5,
    'verantwoording-gezamenlijk': 4,
    'verantwoording-verantwoorden': 4,
    'verantwoording-schuld': 1, // reverse: counts 5
    'transparantie-informeren': 3,
    'transparantie-betrokkenheid': 3,
    'transparantie-contact': 3,
    'transparantie-laat': 3,
    'vertrouwen-toezeggingen': 4,
    'vertrouwen-verwachtingen': 3,
    'vertrouwen-nieuwsgierig': 4,
    'vertrouwen-agenda': 5, // reverse: counts 1
  },
  importance: { gelijkwaardigheid: 4, respect: 5, vrijheid: null, verantwoording: 3, transparantie: 2 },
  comments: {
    'opgave-wat': 'Eenzaamheid in de wijk samen terugdringen.',
    opgave: 'Meer overleg met de huisartsen.',
    respect: 'Eerst over waarden praten, dan besluiten.',
    'eerste-stap': 'Een gezamenlijke startbijeenkomst.',
  },
  interests: { interest: 4, give: 3, take: null, passion: 5, influence: { resources: 2, authority: null, information: 4 } },
  ladder: { current: 'regisseren', desired: null },
};

/** The literal scores of PIA, as a check on the arithmetic below. */
export const PIA_LITERAL = {
  concepts: { gelijkwaardigheid: '3,75', respect: '1,75', vrijheid: null, verantwoording: '4,50', transparantie: '3,00', vertrouwen: '3,00' },
  modules: { opgave: '2,75', organisatie: '4,00', relaties: '3,24' },
};

/** A response object (version 2) of an answer set. */
export function responseOf(set) {
  return {
    format: 'netwerkscan-response',
    version: 2,
    instrument: { id: INSTRUMENT.id, version: INSTRUMENT.version },
    respondent: structuredClone(set.respondent),
    ...(set.form !== undefined ? { form: set.form } : {}),
    answers: structuredClone(set.answers),
    importance: structuredClone(set.importance),
    comments: structuredClone(set.comments),
    ladder: structuredClone(set.ladder),
    interests: structuredClone(set.interests),
  };
}

/** Puts a draft under `key` before the page's scripts run (on the first load only). */
export async function seedDraft(context, response, { key = DRAFT_KEY, lang = 'nl', step = 0, raw = null } = {}) {
  const text = raw ?? JSON.stringify({ version: 1, lang, step, response });
  await context.addInitScript(
    ([k, t]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k, t);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [key, text],
  );
}

// ----- the scoring rules, by hand -----

const likertItems = INSTRUMENT.items.filter((i) => (i.type ?? 'likert') === 'likert');

function mean(items, answers) {
  let answered = 0;
  let sum = 0;
  for (const it of items) {
    const v = answers[it.id];
    if (Number.isInteger(v)) {
      answered += 1;
      sum += it.reverse ? 6 - v : v;
    }
  }
  return answered > 0 && answered >= Math.ceil(items.length / 2) ? sum / answered : null;
}

/** {concepts: {id: mean|null}, modules: {id: mean|null}} by the scoring rules. */
export function expectedScores(set) {
  const concepts = Object.fromEntries(INSTRUMENT.concepts.map((c) => [c.id, mean(likertItems.filter((i) => i.concept === c.id), set.answers)]));
  const modules = Object.fromEntries(['opgave', 'organisatie', 'relaties'].map((m) => [m, mean(likertItems.filter((i) => i.module === m), set.answers)]));
  return { concepts, modules };
}

export function band(score) {
  if (score == null) return null;
  if (score >= 4.0) return 'sterk';
  if (score >= 3.0) return 'aandacht';
  return 'zorg';
}

/** A score as the page shows it in Dutch. */
export const dutch = (score) => (score == null ? null : score.toFixed(2).replace('.', ','));

/** The words of the instrument. */
export const word = (key, lang = 'nl') => INSTRUMENT.words[key][lang];

/** How many counted questions a set answers, of how many (the progress bar's count). */
export function progressOf(set) {
  const total = likertItems.length + 1 + INSTRUMENT.concepts.length + INSTRUMENT.interests.questions.length + INSTRUMENT.interests.influence.sources.length + 2;
  const { influence = {}, ...questions } = set.interests;
  const answered =
    Object.keys(set.answers).length + ('form' in set ? 1 : 0) + Object.keys(set.importance).length + Object.keys(questions).length + Object.keys(influence).length + Object.keys(set.ladder).length;
  return { answered, total };
}

// ----- the report the core makes of a saved file -----

/** `netwerkscan report --json FILE`: the core's report of a saved file, through the CLI. */
export function coreReport(file) {
  return JSON.parse(runCli(['report', '--json', file]));
}

// ----- the page -----

/** Loads the page and waits until the scan has taken over from the shell. */
export async function gotoScan(page, url) {
  await page.goto(url);
  await waitReady(page);
}

/**
 * Waits until the scan has taken over from the shell: it can be filled in and its
 * header's "Opslaan" works.
 */
export async function waitReady(page) {
  await waitForReady(page);
  try {
    await page.locator('button[data-action="save"]:not([disabled])').waitFor({ timeout: 20_000 });
  } catch (error) {
    throw new Error(`the scan did not start: ${error.message}\nshown: ${await shownText(page)}`);
  }
}

/** Runs `fn(root, arg)` in the element's shadow root. */
export function inShadow(page, fn, arg) {
  return page.locator('netwerk-scan').first().evaluate((el, [source, a]) => new Function('root', 'arg', `return (${source})(root, arg);`)(el.shadowRoot, a), [fn.toString(), arg]);
}

/** Records the element's events in `window.__events` from now on. */
export async function recordEvents(page) {
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ['netwerkscan-change', 'netwerkscan-complete', 'netwerkscan-error']) {
      document.addEventListener(type, (event) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail ?? null)) }));
    }
  });
}

export const events = (page, type) => page.evaluate((t) => (window.__events ?? []).filter((e) => e.type === t), type);

/** The fieldset of a question by its legend. */
export function group(scope, name) {
  return scope.getByRole('group', { name, exact: true });
}

/** Clicks `value` (1..5, or null for "weet niet") of a scale question. */
export async function clickScale(scope, kind, id, value) {
  await scope.locator(`input[data-kind="${kind}"][data-id="${id}"][value="${value === null ? 'null' : value}"]`).click();
}

/**
 * Answers the next radio group with the keyboard: Tab into it, then Space for 1,
 * ArrowRight for higher values, ArrowLeft (which wraps to the last option) for "weet
 * niet". `name` is the group's radio name (kind:id).
 */
export async function keyScale(page, name, value) {
  await page.keyboard.press('Tab');
  const focused = await inShadow(page, (root) => root.activeElement?.getAttribute('name'));
  assert.equal(focused, name, `Tab should land in the radio group ${name}`);
  if (value === null) await page.keyboard.press('ArrowLeft');
  else if (value === 1) await page.keyboard.press('Space');
  else for (let i = 1; i < value; i += 1) await page.keyboard.press('ArrowRight');
}

export async function next(page) {
  await page.locator('main button[data-action="next"]').click();
}

/** The shown score (first numeric cell) of row `id` in `scope`. */
export async function scoreText(scope, id) {
  return (await scope.locator(`tr[data-id="${id}"] td.num`).first().textContent()).trim();
}

/** True when the page scrolls sideways. */
export function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Counts the pixels of a canvas that differ from its top-left pixel. */
export function inkOf(locator) {
  return locator.evaluate((canvas) => {
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink += 1;
    return { ink, pixels: width * height, width, height, cssWidth: canvas.clientWidth, dpr: devicePixelRatio };
  });
}
