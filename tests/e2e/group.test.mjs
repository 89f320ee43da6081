// The facilitator's group view (<netwerk-scan mode="group">, group.html), as a
// facilitator uses it in a workshop: read the partners' files (one bad, one twice),
// check the group picture against the CLI, switch respondents' lines, split by
// position with the minimum group size, load a baseline, export CSV, PNG and SVG, print
// to PDF, present by keyboard, reload, save and reopen the network, and read 1,000
// files. The tests of the first block share one page and run in order.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { useSite, screenshot, printPdf, runCli, cliBinary, DESKTOP, PHONE } from './harness.mjs';
import { EXAMPLES, V1, payloads, payload, generate, parseCsv, openGroup, openGroupTab, measures, tableRows, axeViolations, coreReport, texts } from './group.mjs';

const env = useSite({ before, after });

/** "2,87" for 2.866..., as the page writes scores in Dutch. */
const dutch = (value) => (Math.round(value * 100) / 100).toFixed(2).replace('.', ',');

/** Reads a finished download as text. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

/** The CLI's report of the files in `dirs`, or null when the CLI is not built. */
function cliReport(args) {
  try {
    cliBinary();
  } catch {
    return null;
  }
  return JSON.parse(runCli(['report', '--json', ...args]));
}

/** The state of the shown charts' canvases, to see that a toggle redrew them. */
function canvasData(page, chart) {
  return page.evaluate((key) => document.querySelector('netwerk-scan').shadowRoot.querySelector(`canvas.group-chart[data-chart="${key}"]`).toDataURL(), chart);
}

describe('a facilitator reads the partners\u2019 files and discusses the group picture', () => {
  let tab;
  before(async () => {
    tab = await openGroupTab(env.browser, env.url, { viewport: DESKTOP });
    await openGroup(tab.page, env.url);
  });
  after(async () => {
    await tab?.close();
  });

  it('reads the five examples, names the bad file and asks about the duplicate', async () => {
    const { page } = tab;
    await page.waitForSelector('.empty-note');
    const files = [
      ...payloads(EXAMPLES),
      payload('kapot.json', '{"format": "netwerkscan-response", "version": 2, "instrument": {"id": "netwerkscan", "version": "2"}, "answers": {"opgave-eigen": 7}}'),
      payload('anna-kopie.json', readFileSync(path.join(EXAMPLES, 'anna-gemeente.json'), 'utf8').replace(/\n\s*/g, ' ')),
      { name: 'latin1.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0x61, 0xe9, 0x22, 0x7d]) },
    ];
    await page.setInputFiles('#group-files', files);
    await page.waitForSelector('.conflict-panel');
    // The bad file is named with its field; the good ones are read.
    const alert = await page.textContent('.alert-region');
    assert.match(alert, /kapot\.json/);
    assert.match(alert, /answers\.opgave-eigen/);
    assert.match(alert, /latin1\.json: het bestand is geen geldige UTF-8/);
    assert.match(alert, /2 bestanden niet ingelezen/);
    assert.equal(await page.textContent('.counts'), '5 respondenten in de huidige meting · geen nulmeting');
    // The copy of Anna (another layout, the same response) waits for a choice: one, so
    // the panel's title counts it in the singular.
    assert.equal(await page.textContent('#conflicts-title'), '1 dubbele respons: kies wat je bewaart');
    const conflict = await page.textContent('.conflict');
    assert.match(conflict, /anna-kopie\.json.*dezelfde respons.*anna-gemeente\.json/);
    await screenshot(page, 'group-1280-import');
    // Keep the new file: still five respondents, Anna now from the copy.
    await page.check('.conflict input[value="new"]');
    await page.click('button[data-action="apply-duplicates"]');
    await page.waitForSelector('.conflict-panel', { state: 'detached' });
    assert.match(await page.textContent('.counts'), /^5 respondent/);
    await page.click('details.file-list[data-set="current"] summary');
    // The rows are built on the details' toggle event, which comes a task after the click.
    await page.waitForSelector('details.file-list[data-set="current"] td.file-name');
    const names = await page.$$eval('details.file-list[data-set="current"] td.file-name', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(names.sort(), ['anna-kopie.json', 'bram-zorgaanbieder.json', 'chris-woningcorporatie.json', 'dewi-bewonerscollectief.json', 'eva-school.json']);
  });

  it('shows the group means the CLI computes, with divergent concepts marked', async () => {
    const { page } = tab;
    const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    assert.equal(report.respondents, 5);
    let cli = null;
    try {
      cli = cliReport([EXAMPLES]);
    } catch (error) {
      console.log(`the CLI cannot report yet (${error.message.split('\n')[0]}); the core's report in node is the reference`);
    }
    // Without a CLI built, the reference is the core's report of the same files computed
    // in node from the built wasm: independent of the page's reading and state.
    const reference = cli ?? (await coreReport(texts(EXAMPLES)));
    console.log(`group means checked against ${cli ? 'netwerkscan report --json' : 'the core in node'}`);
    assert.equal(reference.respondents, 5);
    const rows = await tableRows(page, 'table-concepts');
    const ids = await page.$$eval('#table-concepts tbody tr', (trs) => trs.map((tr) => tr.dataset.id));
    assert.equal(rows.length, 6);
    rows.forEach((cells, i) => {
      const stats = reference.concepts[ids[i]];
      assert.equal(cells[1], String(stats.n), `${ids[i]} n`);
      assert.equal(cells[2], dutch(stats.mean), `${ids[i]} mean`);
      assert.equal(cells[3], dutch(stats.sd), `${ids[i]} sd`);
      assert.equal(cells[7] !== '', stats.divergent, `${ids[i]} divergent`);
    });
    for (const [id, cells] of (await tableRows(page, 'table-modules')).map((cells, i) => [Object.keys(reference.modules)[i], cells])) {
      assert.equal(cells[2], dutch(reference.modules[id].mean), `${id} mean`);
    }
    assert.ok(rows.some((cells) => cells[7].includes('uiteenlopend')), 'some concept diverges in the examples');
    // The advice is the report's, in its order.
    const titles = await page.$$eval('#sec-advice article h3', (hs) => hs.map((h) => h.textContent));
    assert.equal(titles.length, reference.advice.length);
    assert.match(titles[0], new RegExp(reference.advice[0].title.nl));
  });

  it('switches a respondent\u2019s line on and off', async () => {
    const { page } = tab;
    const before = await canvasData(page, 'concepts');
    const anna = page.locator('.legend-toggle', { hasText: 'Anna' });
    await anna.click();
    assert.equal(await anna.getAttribute('aria-pressed'), 'true');
    const withAnna = await canvasData(page, 'concepts');
    assert.notEqual(withAnna, before, 'the radar shows Anna\u2019s line');
    await anna.click();
    assert.equal(await anna.getAttribute('aria-pressed'), 'false');
    assert.equal(await canvasData(page, 'concepts'), before, 'and hides it again');
    const toggles = await measures(page, 'netwerkscan:group-toggle');
    assert.ok(toggles.length >= 2);
    // One frame is 16 ms; a shared CI machine gets some slack, the figure is logged.
    console.log(`toggle at 5 respondents: ${toggles.map((t) => t.toFixed(1)).join(', ')} ms`);
    // The target (one frame at 100 respondents) is measured by `cargo xtask bench`;
    // this bound is only a sanity check on a shared machine.
    assert.ok(Math.min(...toggles) < 250, `a toggle redraws the two radars (${toggles})`);
    // Hidden altogether: no toggles at all.
    await page.uncheck('#group-individuals');
    assert.equal(await page.locator('.legend-toggle').count(), 0);
    await page.check('#group-individuals');
  });

  it('splits by position and withholds a group below the minimum size', async () => {
    const { page } = tab;
    // The responses were read once, into the held set: a split reads none of them again.
    const reads = (await measures(page, 'netwerkscan:group-check')).length;
    const analyses = (await measures(page, 'netwerkscan:group-analyse')).length;
    await page.selectOption('#group-by', 'position');
    await page.waitForSelector('#table-split');
    let rows = await tableRows(page, 'table-split');
    // Three in the core, two in the ring: the ring is too small at the default of 3.
    const kern = rows.find((r) => r[0] === 'Strategische kern');
    const ring = rows.find((r) => r[0] === 'Complementaire ring');
    assert.equal(kern[1], '3');
    assert.equal(ring[1], '2');
    assert.equal(ring[2], 'te weinig respondenten');
    assert.equal(ring.length, 3, 'a withheld group shows no scores at all');
    const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    const kernStats = report.splits.position.find((g) => g.value === 'kern');
    assert.equal(kern[2].replace(/\s*≠.*/, ''), dutch(kernStats.concepts.gelijkwaardigheid.mean));
    assert.equal(report.splits.position.find((g) => g.value === 'ring').concepts, undefined);
    // With one group that shows scores, compare sets it against everyone else: here the
    // ring, too few, so only the core is drawn and the key says why.
    await page.check('#group-compare');
    await page.waitForSelector('#table-split tr[data-rest]');
    assert.ok(!(await page.isDisabled('#group-compare-a')));
    const optionsOf = (id) => page.$$eval(`#${id} option`, (os) => os.map((o) => o.textContent));
    assert.deepEqual(await optionsOf('group-compare-a'), ['Strategische kern (3)']);
    assert.deepEqual(await optionsOf('group-compare-b'), ['Strategische kern (3)', 'alle anderen (2)']);
    let key = await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(key.slice(0, 2), ['Strategische kern (3)', 'alle anderen (2): te weinig respondenten']);
    // A minimum of 2 shows the ring, and core and ring go side by side on the radar.
    await page.fill('#group-min', '2');
    await page.press('#group-min', 'Enter');
    await page.waitForFunction(() => !document.querySelector('netwerk-scan').shadowRoot.querySelector('#table-split [data-withheld]'));
    rows = await tableRows(page, 'table-split');
    assert.notEqual(rows.find((r) => r[0] === 'Complementaire ring')[2], 'te weinig respondenten');
    assert.ok(!(await page.isDisabled('#group-compare-a')));
    await page.selectOption('#group-compare-b', JSON.stringify('ring'));
    key = await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(key.slice(0, 2), ['Strategische kern (3)', 'Complementaire ring (2)']);
    assert.equal(await page.locator('#table-split tr[data-rest]').count(), 0, 'no rest row without the rest');
    await screenshot(page, 'group-1280-compare');
    await page.uncheck('#group-compare');
    await page.fill('#group-min', '3');
    await page.press('#group-min', 'Enter');
    assert.ok((await measures(page, 'netwerkscan:group-analyse')).length >= analyses + 3, 'each split and minimum size analysed the set again');
    assert.equal((await measures(page, 'netwerkscan:group-check')).length, reads, 'no response was read again');
  });

  it('sets the government against everyone else, and withholds a rest too small', async () => {
    const { page } = tab;
    await page.selectOption('#group-by', 'sector');
    await page.fill('#group-min', '1');
    await page.press('#group-min', 'Enter');
    await page.waitForSelector('#sec-splits .hint >> text=Elke groep toont zijn scores');
    assert.equal(await page.textContent('#sec-splits .hint'), 'Per sector. Elke groep toont zijn scores, ook een groep van één respondent.');
    await page.check('#group-compare');
    await page.selectOption('#group-compare-a', JSON.stringify('overheid'));
    // Everyone else is offered after the split's groups, and chosen by keyboard.
    const optionsOf = (id) => page.$$eval(`#${id} option`, (os) => os.map((o) => [o.value, o.textContent]));
    const offered = await optionsOf('group-compare-b');
    assert.deepEqual(offered.at(-1), ['rest', 'alle anderen']);
    await page.focus('#group-compare-b');
    await page.keyboard.press('End');
    await page.waitForSelector('#table-split tr[data-rest]');
    assert.equal(await page.$eval('#group-compare-b', (s) => s.value), 'rest');
    assert.deepEqual((await optionsOf('group-compare-b')).at(-1), ['rest', 'alle anderen (4)']);
    const key = await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(key.slice(0, 2), ['Overheid (1)', 'alle anderen (4)']);
    // The whole group's divergence is marked on its own radar, not beside two groups.
    assert.ok(!key.some((k) => k.includes('uiteenlopend')), `no divergence in the key: ${key}`);
    await page.uncheck('#group-compare');
    const wholeKey = await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent));
    assert.ok(wholeKey.some((k) => k.includes('uiteenlopend')), `the whole group diverges: ${wholeKey}`);
    await page.check('#group-compare');
    await page.waitForSelector('#table-split tr[data-rest]');

    // The means shown for everyone else are those of the four other files alone.
    const others = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.json') && f !== 'anna-gemeente.json')
      .map((f) => path.join(EXAMPLES, f));
    assert.equal(others.length, 4);
    const reference = cliReport(others) ?? (await coreReport(others.map((f) => readFileSync(f, 'utf8'))));
    assert.equal(reference.respondents, 4);
    const ids = await page.$$eval('#table-split thead th', (ths) => ths.length);
    const restRow = (await tableRows(page, 'table-split')).find((r) => r[0].startsWith('alle anderen'));
    assert.equal(restRow[0], 'alle anderen (buiten Overheid)');
    assert.equal(restRow[1], '4');
    const conceptIds = Object.keys(reference.concepts);
    const moduleIds = Object.keys(reference.modules);
    assert.equal(ids, 2 + conceptIds.length + moduleIds.length);
    conceptIds.forEach((id, i) => assert.equal(restRow[2 + i].replace(/\s*≠.*/, ''), dutch(reference.concepts[id].mean), `${id} of everyone else`));
    moduleIds.forEach((id, i) => assert.equal(restRow[2 + conceptIds.length + i].replace(/\s*≠.*/, ''), dutch(reference.modules[id].mean), `${id} of everyone else`));
    // By hand (core/tests/splits.rs): gelijkwaardigheid (3 + 9/4 + 7/4 + 10/3) / 4 = 31/12.
    assert.equal(restRow[2].replace(/\s*≠.*/, ''), dutch(31 / 12));
    const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    assert.deepEqual([report.rest.by, report.rest.except, report.rest.n], ['sector', 'overheid', 4]);
    // The radar shows both: the SVG export is the core's drawing with its legend.
    const svg = (await downloaded(page, () => page.click('button[data-download="svg"][data-chart="concepts"]'))).bytes.toString('utf8');
    assert.match(svg, /alle anderen \(4\)/);
    assert.match(svg, /Overheid \(1\)/);
    // The CSV holds everyone else too, after the split's groups, with the same means.
    const csv = (await downloaded(page, () => page.click('button[data-action="csv"]'))).bytes.toString('utf8');
    const restLines = csv.split('\r\n').filter((l) => l.startsWith('sector;alle anderen (buiten overheid);'));
    assert.equal(restLines.length, conceptIds.length + moduleIds.length, csv);
    const gelijk = restLines.find((l) => l.split(';')[3] === 'gelijkwaardigheid').split(';');
    assert.deepEqual([gelijk[5], gelijk[6]], ['4', dutch(31 / 12)]);
    await screenshot(page, 'group-1280-rest');

    // The choice is kept like the other settings, over a reload.
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    await page.waitForSelector('#table-split tr[data-rest]');
    assert.ok(await page.isChecked('#group-compare'));
    assert.equal(await page.$eval('#group-compare-a', (s) => s.value), JSON.stringify('overheid'));
    assert.equal(await page.$eval('#group-compare-b', (s) => s.value), 'rest');
    assert.deepEqual((await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent))).slice(0, 2), ['Overheid (1)', 'alle anderen (4)']);

    // Everyone but maatschappelijk (Anna and Dewi) is too few at a minimum of 3: the
    // table and the key say so, and the report carries no scores for them.
    await page.fill('#group-min', '3');
    await page.press('#group-min', 'Enter');
    await page.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('#table-split tr[data-rest][data-withheld]'));
    assert.equal(await page.$eval('#group-compare-a', (s) => s.value), JSON.stringify('maatschappelijk'), 'the only group left');
    assert.equal(await page.$eval('#group-compare-b', (s) => s.value), 'rest', 'everyone else stays chosen');
    const withheld = (await tableRows(page, 'table-split')).find((r) => r[0].startsWith('alle anderen'));
    assert.deepEqual(withheld, ['alle anderen (buiten Maatschappelijke organisatie)', '2', 'te weinig respondenten']);
    const small = await page.evaluate(() => document.querySelector('netwerk-scan').report.rest);
    assert.deepEqual(small, { by: 'sector', except: 'maatschappelijk', n: 2, withheld: true });
    const smallKey = await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(smallKey.slice(0, 2), ['Maatschappelijke organisatie (3)', 'alle anderen (2): te weinig respondenten']);
    await screenshot(page, 'group-1280-rest-withheld');
    assert.deepEqual(await axeViolations(page), []);

    // Back to what the next tests expect: split by position, nothing compared.
    await page.uncheck('#group-compare');
    await page.selectOption('#group-by', 'position');
    await page.waitForSelector('#table-split tr[data-value="kern"]');
    tab.assertClean();
  });

  it('draws the government\u2019s own view of the ladder apart from the partners\u2019', async () => {
    const { page } = tab;
    const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    assert.equal(report.ladder.government.n, 1, 'Anna of the gemeente');
    assert.equal(report.ladder.partners.n, 4);
    for (const view of ['ladder', 'ladder-government', 'ladder-partners']) {
      const ink = await page.evaluate((key) => {
        const canvas = document.querySelector('netwerk-scan').shadowRoot.querySelector(`canvas.group-chart[data-chart="${key}"]`);
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) n += 1;
        return { n, width: canvas.width, label: canvas.getAttribute('aria-labelledby') };
      }, view);
      assert.ok(ink.width > 100 && ink.n > 1000, `the ${view} chart is drawn (${JSON.stringify(ink)})`);
    }
    assert.notEqual(await canvasData(page, 'ladder-government'), await canvasData(page, 'ladder-partners'), 'two different views');
    const government = (await downloaded(page, () => page.click('button[data-download="svg"][data-chart="ladder-government"]'))).bytes.toString('utf8');
    assert.match(government, /Participatieladder: overheid zelf/);
    const partners = await downloaded(page, () => page.click('button[data-download="svg"][data-chart="ladder-partners"]'));
    assert.match(partners.name, /^netwerkscan-groep-ladder-partners-/);
    assert.match(partners.bytes.toString('utf8'), /Participatieladder: andere partners/);
  });

  it('loads the version 1 files as the baseline and shows the change', async () => {
    const { page } = tab;
    await page.check('input[name="group-target"][value="baseline"]');
    await page.setInputFiles('#group-files', payloads(V1));
    await page.waitForSelector('#table-change');
    assert.match(await page.textContent('.counts'), /5 in de nulmeting/);
    assert.match(await page.textContent('.status-region'), /eerdere versie/);
    const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    assert.equal(report.change.baseline_respondents, 5);
    const rows = await tableRows(page, 'table-change');
    const respect = rows.find((r) => r[0] === 'Respect');
    const d = report.change.concepts.respect;
    assert.equal(respect[1], dutch(d.baseline));
    assert.equal(respect[2], dutch(d.now));
    assert.equal(respect[3], `${d.delta > 0 ? '+' : ''}${dutch(d.delta)}`);
    assert.ok(Math.abs(d.delta - (d.now - d.baseline)) < 1e-9);
    const cli = (() => {
      try {
        return cliReport(['--baseline', V1, EXAMPLES]);
      } catch {
        return null; // A CLI without --baseline yet.
      }
    })();
    const reference = cli?.change ? cli : await coreReport(texts(EXAMPLES), { baseline: texts(V1) });
    for (const [id, delta] of Object.entries(reference.change.concepts)) {
      assert.equal(report.change.concepts[id].delta, delta.delta, `change of ${id}`);
    }
    // The baseline's mean is drawn behind the current one.
    const key = await page.$$eval('.series-key li', (lis) => lis.map((li) => li.textContent));
    assert.ok(key.includes('nulmeting'));
    await page.check('input[name="group-target"][value="current"]');
  });

  it('exports the scores as CSV and each chart as PNG and SVG', async () => {
    const { page } = tab;
    const csv = await downloaded(page, () => page.click('button[data-action="csv"]'));
    assert.match(csv.name, /^netwerkscan-groep-scores-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = csv.bytes.toString('utf8').slice(1);
    assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
    const rows = parseCsv(text, ';');
    const head = rows[0];
    assert.deepEqual(head.slice(0, 6), ['uitsplitsing', 'groep', 'soort', 'id', 'naam', 'n']);
    const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    const whole = rows.find((r) => r[0] === '' && r[3] === 'gelijkwaardigheid');
    assert.equal(whole[5], '5');
    assert.equal(whole[6], dutch(report.concepts.gelijkwaardigheid.mean), 'decimal comma');
    // One row per concept and module for the whole group and for every split group.
    assert.equal(rows.filter((r) => r[0] === '' && r.length > 3).length, 9);
    const ring = rows.find((r) => r[0] === 'position' && r[1] === 'ring');
    assert.equal(ring[4], 'te weinig respondenten');
    assert.ok(rows.some((r) => r[0] === 'sector'), 'all five splits');

    const png = await downloaded(page, () => page.click('button[data-download="png"][data-chart="concepts"]'));
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.equal(png.bytes.readUInt32BE(16), 900, 'PNG width');
    assert.equal(png.bytes.readUInt32BE(20), 900, 'PNG height');

    const svg = (await downloaded(page, () => page.click('button[data-download="svg"][data-chart="concepts"]'))).bytes.toString('utf8');
    assert.match(svg, /^<svg/);
    for (const word of ['Gezonde relaties', 'Gelijkwaardigheid', 'nulmeting', 'gemiddelde', dutch(report.concepts.respect.mean)]) {
      assert.ok(svg.includes(word), `the SVG shows ${word}`);
    }
    const ladder = (await downloaded(page, () => page.click('button[data-download="svg"][data-chart="ladder"]'))).bytes.toString('utf8');
    assert.match(ladder, /Participatieladder/);
  });

  it('prints a clean A4 report with the charts, the tables and the advice', async () => {
    const { page } = tab;
    await page.fill('#group-notes', 'Workshop 12 maart: eerst de veroorzakers bespreken.');
    await page.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('main').dataset.printReady === 'true');
    const { file, pages, text } = await printPdf(page, 'group-report');
    console.log(`printed report: ${pages} A4 pages (${file})`);
    assert.ok(pages >= 3 && pages <= 14, `a report of a few pages, not ${pages}`);
    // The pages are rendered to look at where poppler is installed.
    if (text !== null) {
      for (const word of ['Gezonde relaties', 'Adviezen', 'Workshop 12 maart', 'Verandering sinds de nulmeting']) assert.ok(text.includes(word), `the PDF shows ${word}`);
      for (const word of ['Bestanden kiezen', 'Presenteren']) assert.ok(!text.includes(word), `the PDF has no controls (${word})`);
    }
  });

  it('presents one chart at a time, by keyboard, and announces each slide', async () => {
    const { page } = tab;
    await page.focus('button[data-action="present"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.presentation');
    const live = () => page.textContent('.presentation [aria-live]');
    assert.match(await live(), /Dia 1 van 5: Gezonde relaties/);
    assert.ok(await page.locator('.presentation .slide-advice-item').count() >= 1, 'with the top advice');
    await page.keyboard.press('ArrowRight');
    assert.match(await live(), /Dia 2 van 5: Opgave, organisatie en relaties/);
    await page.waitForTimeout(100);
    await screenshot(page, 'group-1280-presentation', { fullPage: false });
    await page.keyboard.press('End');
    assert.match(await live(), /Dia 5 van 5/);
    assert.equal(await page.locator('.presentation .slide-advice-list li').count(), 3);
    await page.keyboard.press('ArrowLeft');
    assert.match(await live(), /Dia 4 van 5/);
    assert.deepEqual(await axeViolations(page), [], 'the presentation is accessible too');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.presentation', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.querySelector('netwerk-scan').shadowRoot.activeElement?.dataset.action), 'present');
  });

  it('has no axe-core violations', async () => {
    const { page } = tab;
    assert.deepEqual(await axeViolations(page), []);
  });

  it('keeps everything after a reload', async () => {
    const { page } = tab;
    // A respondent's line, kept by the response's fingerprint (stable across visits).
    await page.locator('.legend-toggle', { hasText: 'Bram' }).click();
    await page.waitForTimeout(500); // The notes are saved 300 ms after typing.
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    await page.waitForSelector('#table-concepts');
    assert.match(await page.textContent('.counts'), /^5 respondent.*5 in de nulmeting/);
    assert.equal(await page.inputValue('#group-notes'), 'Workshop 12 maart: eerst de veroorzakers bespreken.');
    assert.equal(await page.inputValue('#group-by'), 'position');
    assert.ok(await page.isVisible('#table-change'));
    assert.equal(await page.locator('.legend-toggle', { hasText: 'Bram' }).getAttribute('aria-pressed'), 'true', 'the line shown before the reload');
    assert.equal(await page.locator('.legend-toggle[aria-pressed="true"]').count(), 1);
    await page.locator('.legend-toggle', { hasText: 'Bram' }).click();
    tab.assertClean();
  });

  it('saves the network as one file, clears everything and opens it again', async () => {
    const { page } = tab;
    const before = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    const saved = await downloaded(page, () => page.click('button[data-action="save-network"]'));
    assert.match(saved.name, /^netwerkscan-groep-netwerk-.*\.json$/);
    const network = JSON.parse(saved.bytes.toString('utf8'));
    assert.equal(network.format, 'netwerkscan-network');
    assert.equal(network.version, 1);
    assert.equal(network.responses.length, 5);
    assert.equal(network.baseline.length, 5);
    assert.equal(network.notes, 'Workshop 12 maart: eerst de veroorzakers bespreken.');

    // Clearing asks first; cancel keeps everything.
    await page.click('button[data-action="clear"]');
    await page.click('dialog button[data-answer="cancel"]');
    assert.match(await page.textContent('.counts'), /^5 respondent/);
    await page.click('button[data-action="clear"]');
    await page.click('dialog button[data-answer="confirm"]');
    await page.waitForSelector('.empty-note:not([hidden])');
    assert.match(await page.textContent('.counts'), /^0 respondent/);
    assert.equal(await page.inputValue('#group-notes'), '');

    // A damaged copy of the file: the readable parts are read, every problem named.
    const damaged = { ...network, responses: [...network.responses, { format: 'netwerkscan-response' }], notes: 42 };
    await page.setInputFiles('#group-network', [payload('beschadigd.json', JSON.stringify(damaged))]);
    await page.waitForSelector('#table-concepts');
    const alert = await page.textContent('.alert-region');
    assert.match(alert, /beschadigd\.json, respons 6/);
    assert.match(alert, /notes moet een tekst zijn/);
    assert.match(await page.textContent('.counts'), /^5 respondent.*5 in de nulmeting/);
    await page.click('button[data-action="clear"]');
    await page.click('dialog button[data-answer="confirm"]');

    // The saved file itself opens whole.
    await page.setInputFiles('#group-network', [payload(saved.name, saved.bytes.toString('utf8'))]);
    await page.waitForSelector('#table-change');
    assert.equal(await page.inputValue('#group-notes'), network.notes);
    const after = await page.evaluate(() => document.querySelector('netwerk-scan').report);
    assert.deepEqual(after.concepts, before.concepts);
    assert.deepEqual(after.change, before.change);
    tab.assertClean();
  });

  it('reads pasted response text', async () => {
    const { page } = tab;
    await page.click('details.paste summary');
    const one = JSON.stringify({ ...JSON.parse(readFileSync(path.join(EXAMPLES, 'eva-school.json'), 'utf8')), respondent: { alias: 'Fenna', organisation: 'Bibliotheek' } });
    await page.fill('#group-paste', one);
    await page.click('button[data-action="paste"]');
    await page.waitForFunction(() => /^6 respondent/.test(document.querySelector('netwerk-scan').shadowRoot.querySelector('.counts').textContent));
  });

  it('switches to English', async () => {
    const { page } = tab;
    await page.click('.lang-toggle button[data-lang="en"]');
    await page.waitForSelector('text=Read responses');
    assert.equal(await page.textContent('#table-concepts caption'), 'Healthy relations');
    assert.match(await page.textContent('#table-concepts tbody tr td:nth-child(3)'), /^\d\.\d\d$/);
    assert.match(await page.textContent('.counts'), /^6 respondents in the current measurement · /);
    // The downloads are named in English too.
    const csv = await downloaded(page, () => page.click('button[data-action="csv"]'));
    assert.match(csv.name, /^netwerkscan-group-scores-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.click('.lang-toggle button[data-lang="nl"]');
    await page.waitForSelector('text=Antwoorden inlezen');
    tab.assertClean();
  });
});

describe('respondents who give no name', () => {
  it('are each a partner of their own, named by their number as in the legend', async () => {
    const tab = await openGroupTab(env.browser, env.url);
    try {
      const { page } = tab;
      await openGroup(page, env.url);
      const nameless = (file) => {
        const r = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8'));
        delete r.respondent.alias;
        delete r.respondent.organisation;
        return payload(`zonder-naam-${file}`, JSON.stringify(r));
      };
      const dewi = readdirSync(EXAMPLES).find((f) => f.startsWith('dewi'));
      await page.setInputFiles('#group-files', [
        nameless('anna-gemeente.json'),
        payload(dewi, readFileSync(path.join(EXAMPLES, dewi), 'utf8')),
        nameless('bram-zorgaanbieder.json'),
      ]);
      await page.waitForSelector('#table-interests');
      // Anna and Bram are not one blank "organisation": each has a row, by number.
      const interests = (await tableRows(page, 'table-interests')).map((r) => [r[0], r[1]]);
      assert.deepEqual(interests, [['Bewonerscollectief Samen Noorderhof', '1'], ['#1', '1'], ['#3', '1']]);
      const holders = Object.fromEntries((await tableRows(page, 'table-coverage')).map((r) => [r[0], r[1]]));
      assert.equal(holders.Probleemeigenaar, 'Bewonerscollectief Samen Noorderhof, #1');
      assert.equal(holders.Probleemoplosser, 'Bewonerscollectief Samen Noorderhof, #1, #3');
      // The same numbers as the lines a facilitator switches on.
      const legend = await page.$$eval('.legend-toggle', (ls) => ls.map((l) => l.textContent.trim()));
      assert.deepEqual(legend, ['#1', 'Dewi', '#3']);
      tab.assertClean();
    } finally {
      await tab.close();
    }
  });
});

describe('the group view on a phone', () => {
  it('stacks everything in one column without sideways scrolling', async () => {
    const tab = await openGroupTab(env.browser, env.url, { viewport: PHONE });
    try {
      const { page } = tab;
      await openGroup(page, env.url);
      await page.setInputFiles('#group-files', payloads(EXAMPLES));
      await page.waitForSelector('#table-concepts');
      await page.selectOption('#group-by', 'sector');
      await page.waitForSelector('#table-split');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
      await screenshot(page, 'group-375');
      assert.deepEqual(await axeViolations(page), []);
      tab.assertClean();
    } finally {
      await tab.close();
    }
  });
});

/**
 * Imports `n` generated respondents as one JSON Lines file, then splits them by
 * position, and returns the times (ms): import (read, check into the held set, analyse,
 * draw, show), aggregate + draw after the import, and the same after the split (the set
 * is analysed again, nothing is read again).
 */
async function importLines(page, n) {
  const text = `${generate(n, 11).map((r) => JSON.stringify(r)).join('\n')}\n`;
  await page.setInputFiles('#group-files', [{ name: `groep-${n}.jsonl`, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) }]);
  await page.waitForFunction(() => performance.getEntriesByName('netwerkscan:group-import').length > 0, null, { timeout: 120_000 });
  await page.waitForFunction((want) => new RegExp(`^${want} respondent`).test(document.querySelector('netwerk-scan').shadowRoot.querySelector('.counts').textContent), n);
  const [imported] = await measures(page, 'netwerkscan:group-import');
  const [check] = await measures(page, 'netwerkscan:group-check');
  const [analyse] = await measures(page, 'netwerkscan:group-analyse');
  const [draw] = await measures(page, 'netwerkscan:group-draw');
  await page.selectOption('#group-by', 'position');
  await page.waitForSelector('#table-split');
  const analyses = await measures(page, 'netwerkscan:group-analyse');
  const draws = await measures(page, 'netwerkscan:group-draw');
  const renders = await measures(page, 'netwerkscan:group-render');
  assert.equal((await measures(page, 'netwerkscan:group-check')).length, 1, 'the split reads nothing again');
  const times = { imported, check, aggregateDraw: analyse + draw, splitAggregateDraw: analyses.at(-1) + draws.at(-1), splitRender: renders.at(-1) };
  console.log(
    `${n.toLocaleString('en')} respondents: import ${imported.toFixed(0)} ms (readInto ${check.toFixed(0)} ms); aggregate+draw ${times.aggregateDraw.toFixed(0)} ms (analyseSet ${analyse.toFixed(0)}, draw ${draw.toFixed(0)}); after a split: aggregate+draw ${times.splitAggregateDraw.toFixed(0)} ms, whole render ${times.splitRender.toFixed(0)} ms`,
  );
  return times;
}

describe('a large group', () => {
  it('imports, aggregates and draws 1,000 and 10,000 respondents from the held set', async () => {
    for (const n of [1000, 10_000]) {
      const tab = await openGroupTab(env.browser, env.url, { viewport: DESKTOP });
      try {
        const { page } = tab;
        await openGroup(page, env.url);
        const times = await importLines(page, n);
        // The targets are 2 s for 1,000 files and 200 ms for aggregate+draw at 10,000
        // (BENCHMARKS.md measures them); these bounds are only sanity checks on a shared machine.
        assert.ok(times.imported < n * 10, `${n} imported in ${times.imported} ms`);
        assert.ok(times.splitAggregateDraw < Math.max(1000, n / 5), `${n} aggregated and drawn in ${times.splitAggregateDraw} ms`);
        tab.assertClean();
      } finally {
        await tab.close();
      }
    }
  });

  it('reads 1,000 files at once', async () => {
    const tab = await openGroupTab(env.browser, env.url, { viewport: DESKTOP });
    try {
      const { page } = tab;
      await openGroup(page, env.url);
      const files = generate(1000).map((r, i) => payload(`r${String(i + 1).padStart(4, '0')}.json`, JSON.stringify(r, null, 2)));
      await page.setInputFiles('#group-files', files);
      await page.waitForFunction(() => performance.getEntriesByName('netwerkscan:group-import').length > 0, null, { timeout: 60_000 });
      const [ms] = await measures(page, 'netwerkscan:group-import');
      const [analyse] = await measures(page, 'netwerkscan:group-analyse');
      console.log(`1,000 files read, checked, analysed and drawn in ${ms.toFixed(0)} ms (analyse ${analyse.toFixed(0)} ms)`);
      // The target is 2 s; this bound is only a sanity check on a shared machine.
      assert.ok(ms < 8000, `1,000 files in ${ms} ms`);
      assert.match(await page.textContent('.counts'), /^1000 respondent/);
      // Toggling one line at 1,000 respondents: the search finds it.
      await page.fill('.legend-search', 'r500');
      await page.locator('.legend-toggle', { hasText: /^r500$/ }).click();
      const toggles = await measures(page, 'netwerkscan:group-toggle');
      console.log(`toggle at 1,000 respondents: ${toggles.map((t) => t.toFixed(1)).join(', ')} ms`);
      tab.assertClean();
    } finally {
      await tab.close();
    }
  });
});
