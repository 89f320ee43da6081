// Helpers of respondent.test.mjs: the respondent mode of <netwerk-scan> for instrument
// 2. The shared harness (harness.mjs) starts the server and the browser and guards the
// page; what it assumes of the old single page (its draft key, `body.ready`) is
// replaced here. Playwright's CSS selectors pierce open shadow roots, so
// `page.locator('input[data-id="respect-waarden"]')` finds the element's inputs.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { INSTRUMENT, ROOT, launchBrowser } from './harness.mjs';

/** The element's draft key (the default `storage-key`) and the old page's. */
export const DRAFT_KEY = 'netwerkscan:draft';
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

// ----- the site -----

/**
 * `xtask serve --no-build --port 0` on a private copy of the built site. (The shared
 * harness's startServer still looks for the old page's `pkg/` folder, which the
 * element's build no longer ships; its e2e owner is changing that.)
 */
async function startSite() {
  const site = process.env.NETWERKSCAN_SITE ?? path.join(ROOT, 'dist', 'site');
  if (!existsSync(path.join(site, 'netwerk-scan.js'))) throw new Error(`${site} has no netwerk-scan.js; build the site first (cargo xtask build)`);
  const xtask = process.env.XTASK_BIN ?? path.join(ROOT, 'target', 'debug', 'xtask');
  const copy = mkdtempSync(path.join(tmpdir(), 'netwerkscan-site-'));
  cpSync(site, copy, { recursive: true });
  const child = spawn(xtask, ['serve', '--no-build', '--port', '0', '--dir', copy], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`xtask serve did not start within 60 s\n${stderr}`)), 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/Serving Netwerkscan on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`xtask serve exited with ${code}\n${stderr}`)));
  });
  child.removeAllListeners('exit');
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** Server and browser for one test file, like the harness's useSite. */
export function useScanSite({ before, after }) {
  const env = { url: null, browser: null, server: null };
  before(async () => {
    env.server = await startSite();
    env.url = env.server.url;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
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

/**
 * `netwerkscan report --json FILE` when the CLI is built and reads version 2;
 * otherwise the same core through the built wasm module in node (the CLI is being
 * adapted to the new core on main). Returns {report, by}.
 */
export async function coreReport(file) {
  const cli = process.env.NETWERKSCAN_BIN ?? path.join(ROOT, 'target', 'debug', 'netwerkscan');
  if (existsSync(cli)) {
    try {
      return { report: JSON.parse(execFileSync(cli, ['report', '--json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })), by: 'cli' };
    } catch {
      // An older CLI that does not read version 2 yet: the wasm below is the same core.
    }
  }
  const full = await import(path.join(ROOT, 'www', 'pkg', 'full.js'));
  full.initSync({ module: readFileSync(path.join(ROOT, 'www', 'pkg', 'full_bg.wasm')) });
  const scan = new full.Scan();
  return { report: scan.report([scan.parseResponse(readFileSync(file, 'utf8'), 'nl')], {}), by: 'wasm' };
}

// ----- the page -----

/** Loads the page and waits until the scan has taken over from the shell. */
export async function gotoScan(page, url) {
  await page.goto(url);
  await waitReady(page);
}

export async function waitReady(page) {
  try {
    await page.locator('button[data-action="save"]:not([disabled])').waitFor({ timeout: 20_000 });
  } catch (error) {
    const shown = await page.locator('netwerk-scan').evaluate((el) => el.shadowRoot?.textContent?.slice(0, 400)).catch((e) => String(e));
    throw new Error(`the scan did not start: ${error.message}\nshown: ${shown}\nproblems: ${JSON.stringify(page.problems ?? [])}`);
  }
}

/** Runs `fn(root, arg)` in the element's shadow root. */
export function inShadow(page, fn, arg) {
  return page.locator('netwerk-scan').first().evaluate((el, [source, a]) => new Function('root', 'arg', `return (${source})(root, arg);`)(el.shadowRoot, a), [fn.toString(), arg]);
}

/** The draft the page saved under `key`, parsed (null when none). */
export async function storedDraft(page, key = DRAFT_KEY) {
  const text = await page.evaluate((k) => localStorage.getItem(k), key);
  return text == null ? null : JSON.parse(text);
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

/** Runs axe-core (from node_modules, brought by lighthouse) on the page; returns its violations. */
export async function axeViolations(page) {
  const source = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
  if (!existsSync(source)) return null;
  // evaluate, not a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(source, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
}
