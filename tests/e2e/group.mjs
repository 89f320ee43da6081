// Helpers of the group view's end-to-end tests (group.test.mjs): the example files as
// upload payloads, generated respondents, and small readers of what the page shows.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as harness from './harness.mjs';

const { ROOT, INSTRUMENT } = harness;
const require = createRequire(import.meta.url);

export const EXAMPLES = path.join(ROOT, 'examples');
export const V1 = path.join(ROOT, 'core', 'tests', 'fixtures', 'v1');

/** The files of a folder as playwright upload payloads ({name, mimeType, buffer}). */
export function payloads(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, mimeType: 'application/json', buffer: readFileSync(path.join(dir, name)) }));
}

/** A payload from text. */
export function payload(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** A small seeded generator (mulberry32): the same seed gives the same group. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` valid version 2 responses: every Likert item answered (5% "weet niet"), 20
 * organisations, all four respondent dimensions, unique aliases.
 */
export function generate(n, seed = 7) {
  const next = random(seed);
  const int = (k) => Math.floor(next() * k);
  const pick = (list) => list[int(list.length)];
  const likert = () => (next() < 0.05 ? null : 1 + int(5));
  const ids = (list) => list.map((e) => e.id);
  const items = ids(INSTRUMENT.items.filter((i) => (i.type ?? 'likert') === 'likert'));
  const concepts = ids(INSTRUMENT.concepts);
  const rungs = ids(INSTRUMENT.ladder.rungs);
  const r = INSTRUMENT.respondent;
  const questions = ids(INSTRUMENT.interests.questions);
  const sources = ids(INSTRUMENT.interests.influence.sources);
  const list = [];
  for (let i = 0; i < n; i += 1) {
    const interests = Object.fromEntries(questions.map((id) => [id, 1 + int(5)]));
    interests.influence = Object.fromEntries(sources.map((id) => [id, 1 + int(5)]));
    list.push({
      format: 'netwerkscan-response',
      version: 2,
      instrument: { id: INSTRUMENT.id, version: INSTRUMENT.version },
      respondent: {
        alias: `r${i + 1}`,
        organisation: `Organisatie ${1 + int(20)}`,
        roles: ids(r.roles.choices).filter(() => next() < 0.4),
        position: pick(ids(r.position.choices)),
        sector: pick(ids(r.sector.choices)),
        level: pick(ids(r.level.choices)),
      },
      answers: Object.fromEntries(items.map((id) => [id, likert()])),
      importance: Object.fromEntries(concepts.map((id) => [id, 1 + int(5)])),
      ladder: { current: pick(rungs), desired: pick(rungs) },
      interests,
    });
  }
  return list;
}

/** Parses CSV text with `sep` and double-quoted fields (RFC 4180), CRLF or LF. */
export function parseCsv(text, sep) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Waits for the group view to be ready. */
export async function openGroup(page, baseUrl) {
  await page.goto(new URL('group.html', baseUrl).href);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });
}

/** The durations (ms) of the page's performance measures named `name`. */
export function measures(page, name) {
  return page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
}

/** The text of every row of a table of the group view, as arrays of cell texts. */
export function tableRows(page, id) {
  return page.$$eval(`#${id} tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

/**
 * A fresh tab with the harness's guards (no console error, no uncaught exception, no
 * request to another origin): `openTab` of the harness where it has one, else its
 * `openPage`. Returns {page, assertClean(), close()}.
 */
export async function openGroupTab(browser, url, { viewport = harness.DESKTOP } = {}) {
  if (typeof harness.openTab === 'function') {
    const tab = await harness.openTab(browser, { origins: [url], viewport });
    return tab;
  }
  return harness.openPage(browser, url, { viewport });
}

let axeSource = null;

/** axe-core's violations on the page, shadow roots included (the harness's check where it has one). */
export async function axeViolations(page) {
  if (typeof harness.axeViolations === 'function') return harness.axeViolations(page);
  // The script goes in through the DevTools protocol: the page's CSP is not bent.
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] }),
  );
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' >> ')).join('; ')}`);
}

let core = null;

/**
 * The core's own report of response texts, computed here in node from the wasm the
 * build made (www/pkg/full.js), independent of the page's reading, duplicates and
 * state: the reference while the CLI on this branch cannot be built.
 */
export async function coreReport(texts, options = {}) {
  if (!core) {
    const { pathToFileURL } = await import('node:url');
    const module = await import(pathToFileURL(path.join(ROOT, 'www', 'pkg', 'full.js')).href);
    await module.default({ module_or_path: readFileSync(path.join(ROOT, 'www', 'pkg', 'full_bg.wasm')) });
    core = new module.Scan();
  }
  const parse = (list) => list.map((text) => core.parseResponse(text, 'nl'));
  const { baseline, ...rest } = options;
  return core.report(parse(texts), baseline ? { ...rest, baseline: parse(baseline) } : rest);
}

/** The texts of the .json files of a folder, sorted by name. */
export function texts(dir) {
  return payloads(dir).map((p) => p.buffer.toString('utf8'));
}
