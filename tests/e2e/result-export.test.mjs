// The single respondent's result kept for oneself (issue 12: "printed and exported the
// same way" as the group view): Anna's answers (examples/anna-gemeente.json) set on the
// element, the result step's "Je resultaat bewaren" downloads each chart as PNG and SVG
// and the scores as CSV, checked against `netwerkscan report --json` / `--csv` of the
// same file; the result printed to an A4 PDF (page count, text, no controls; the pages
// rendered with poppler where installed); the print button; the save dialog; a frame
// that forbids downloads and a save that fails; the single file from disk, offline.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useSite, openTab, screenshot, printPdf, runCli, setResponse, waitForScan, waitForReady, withoutSavePicker, fakeSavePicker, privateCopy, distDir, INSTRUMENT, DESKTOP, ROOT } from './harness.mjs';
import { gotoScan, waitReady, coreReport, dutch } from './respondent.mjs';
import { gotoResult, scan } from './ui.mjs';
import { parseCsv } from './group.mjs';

const env = useSite({ before, after, course: true });

const ANNA_FILE = path.join(ROOT, 'examples', 'anna-gemeente.json');
const ANNA = JSON.parse(readFileSync(ANNA_FILE, 'utf8'));
const word = (key) => INSTRUMENT.words[key].nl;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** What the page shows after an export, in the section's note. */
const exportNote = (page) => scan(page).locator('.export-note').textContent();

/** Clicks and reads the download the click starts. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The export button of `chart` (`kind` png or svg) in the result step. */
const chartButton = (page, chart, kind) => scan(page).locator(`button[data-action="export-${kind}"][data-chart="${chart}"]`);

/** Opens the scan with Anna's answers on the result step. */
async function annaResult(page, url = env.url) {
  await gotoScan(page, url);
  await setResponse(page, ANNA);
  await gotoResult(page);
  await scan(page).getByRole('heading', { name: 'Je resultaat bewaren' }).waitFor();
}

describe("Anna keeps her result: charts, scores and a printout", () => {
  let tab;
  const cli = coreReport(ANNA_FILE);

  before(async () => {
    tab = await openTab(env.browser, { origins: [env.origin], viewport: DESKTOP });
    // Saving takes the download path, which the test can catch (the dialog: below).
    await withoutSavePicker(tab.context);
    // window.print() would open the browser's dialog; the test records the call instead.
    await tab.context.addInitScript(() => {
      window.__printed = [];
      window.print = () => {
        const root = document.querySelector('netwerk-scan').shadowRoot;
        window.__printed.push([...root.querySelectorAll('img.print-chart')].map((img) => img.dataset.ready === 'true'));
      };
    });
    await annaResult(tab.page);
  });
  after(async () => {
    await tab?.close();
  });

  it('offers every chart as PNG and SVG, the scores as CSV, and printing, named in words', async () => {
    const { page } = tab;
    const section = scan(page).locator('[part="exports"]');
    for (const key of ['concepts', 'modules', 'influence', 'ladder']) {
      for (const kind of ['PNG', 'SVG']) {
        await section.getByRole('button', { name: `${word(`chart.${key}`)} downloaden als ${kind}` }).waitFor();
      }
    }
    await section.getByRole('button', { name: 'Afdrukken of bewaren als pdf' }).waitFor();
    await section.getByRole('button', { name: 'Scores als CSV downloaden, voor Excel' }).waitFor();
    await screenshot(page, 'result-export');
    tab.assertClean();
  });

  it("downloads the scores as the core's CSV for Dutch Excel, equal to the CLI's --csv", async () => {
    const { page } = tab;
    const csv = await downloaded(page, () => scan(page).locator('button[data-action="export-csv"]').click());
    assert.equal(csv.name, `netwerkscan-Anna-scores-${today()}.csv`);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = csv.bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
    const rows = parseCsv(text, ';');
    assert.deepEqual(rows[0], ['uitsplitsing', 'groep', 'soort', 'id', 'naam', 'n', 'gem.', 'sd', 'min', 'max', 'oordeel', 'uiteenlopend']);
    // One row per concept and module, each Anna's own score with a decimal comma.
    const scored = rows.slice(1);
    assert.equal(scored.length, 9);
    for (const [kind, list] of [['concepts', INSTRUMENT.concepts], ['modules', INSTRUMENT.modules]]) {
      for (const { id } of list.filter((x) => cli[kind][x.id])) {
        const row = scored.find((r) => r[3] === id);
        assert.ok(row, `a row for ${id}`);
        const mean = cli[kind][id].mean;
        assert.equal(row[5], '1', `${id}: n`);
        assert.equal(row[6], dutch(mean), `${id}: Anna's score`);
        assert.equal(row[10], word(`band.${cli[kind][id].band}`), `${id}: band`);
      }
    }
    assert.equal(Object.keys(cli.modules).length, 3, 'three scored modules');
    assert.equal(scored.find((r) => r[3] === 'respect')[6], '4,50');
    // The page's CSV is the CLI's, byte for byte: the same core function.
    assert.equal(csv.bytes.toString('utf8'), runCli(['report', '--csv', ANNA_FILE]));
    assert.match(await exportNote(page), new RegExp(`“netwerkscan-Anna-scores-${today()}\\.csv”`));
  });

  it('downloads each chart as a 900 px PNG and as the core\u2019s SVG with the labels and her scores', async () => {
    const { page } = tab;
    const png = await downloaded(page, () => chartButton(page, 'concepts', 'png').click());
    assert.equal(png.name, `netwerkscan-Anna-begrippen-${today()}.png`);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.bytes.readUInt32BE(16), 900, 'PNG width');
    assert.equal(png.bytes.readUInt32BE(20), 900, 'PNG height');
    assert.ok(png.bytes.length > 10_000, `a drawn chart, not an empty canvas (${png.bytes.length} bytes)`);

    const svg = (await downloaded(page, () => chartButton(page, 'concepts', 'svg').click())).bytes.toString('utf8');
    assert.match(svg, /^<svg[^>]* width="900" height="900"/);
    assert.ok(svg.includes(word('chart.concepts')), 'the chart title');
    for (const concept of INSTRUMENT.concepts) {
      assert.ok(svg.includes(concept.label.nl), `the SVG names ${concept.label.nl}`);
      assert.ok(svg.includes(dutch(cli.concepts[concept.id].mean)), `the SVG shows ${concept.id}'s ${dutch(cli.concepts[concept.id].mean)}`);
    }

    const modules = await downloaded(page, () => chartButton(page, 'modules', 'svg').click());
    assert.equal(modules.name, `netwerkscan-Anna-kernvragen-${today()}.svg`);
    const modulesSvg = modules.bytes.toString('utf8');
    for (const module of INSTRUMENT.modules.filter((m) => cli.modules[m.id])) {
      assert.ok(modulesSvg.includes(`>\n${module.short.nl}\n<`), `the SVG names ${module.short.nl}`);
      assert.ok(modulesSvg.includes(dutch(cli.modules[module.id].mean)), `the SVG shows ${module.id}'s score`);
    }
    for (const [key, name] of [['influence', 'invloed'], ['ladder', 'ladder']]) {
      const file = await downloaded(page, () => chartButton(page, key, 'svg').click());
      assert.equal(file.name, `netwerkscan-Anna-${name}-${today()}.svg`);
      assert.ok(file.bytes.toString('utf8').includes(word(`chart.${key}`)), `the ${key} SVG has its title`);
      const image = await downloaded(page, () => chartButton(page, key, 'png').click());
      assert.equal(image.name, `netwerkscan-Anna-${name}-${today()}.png`);
      assert.equal(image.bytes.readUInt32BE(16), 900);
    }
    assert.match(await exportNote(page), /Je browser slaat “netwerkscan-Anna-ladder-.*\.png” op/);
    tab.assertClean();
  });

  it('prints a clean A4 document: charts, tables and all the advice, no controls', async () => {
    const { page } = tab;
    // The core's SVG drawings are ready as print images on the result step.
    await page.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('img.print-chart[data-ready="true"]').length === 4);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'result-print-emulated');
    await page.emulateMedia({ media: 'screen' });
    const { file, pages, text } = await printPdf(page, 'result-print');
    console.log(`printed result: ${pages} A4 pages (${file})`);
    assert.ok(pages >= 1 && pages <= 5, `a result of a few pages, not ${pages}`);
    if (text !== null) {
      const report = await page.evaluate(() => document.querySelector('netwerk-scan').report);
      const shown = ['Resultaat van Anna, Gemeente Zuiderveen', word('section.concepts'), word('section.advice'), word('section.trust'), dutch(cli.concepts.respect.mean)];
      // Every piece of advice, also those behind "Meer adviezen" on screen.
      shown.push(...report.advice.map((a) => a.title.nl));
      for (const words of shown) assert.ok(text.includes(words), `the PDF shows ${words}`);
      const controls = ['Bewaar als bestand', 'Kopieer als tekst', 'Lever je antwoorden in', 'Je resultaat bewaren', 'Afdrukken of bewaren als pdf', 'Scores als CSV', 'Vorige', 'Antwoorden opslaan', 'Begin opnieuw', 'Waarden als tabel', 'Meer adviezen', 'Voor procesbegeleiders'];
      for (const control of controls) assert.ok(!text.includes(control), `the PDF has no controls (${control})`);
    }
  });

  it('printed from a question step: the charts only, without the form', async () => {
    const { page } = tab;
    await scan(page).locator('[part="steps"] .step-button[data-step="1"]').click();
    await scan(page).locator('input[data-kind]').first().waitFor();
    const { pages, text } = await printPdf(page, 'result-print-step');
    assert.equal(pages, 1);
    if (text === null) return;
    assert.ok(text.includes('Je scan in beeld'), 'the charts');
    for (const control of [INSTRUMENT.items[0].text.nl, 'Volgende', 'Vorige', 'Antwoorden opslaan']) assert.ok(!text.includes(control), `no form or buttons (${control})`);
    await gotoResult(page);
    await scan(page).getByRole('heading', { name: 'Je resultaat bewaren' }).waitFor();
  });

  it('prints from the button once the SVG drawings are ready', async () => {
    const { page } = tab;
    await scan(page).getByRole('button', { name: 'Afdrukken of bewaren als pdf' }).click();
    await page.waitForFunction(() => window.__printed.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__printed), [[true, true, true, true]]);
    tab.assertClean();
  });
});

describe('the files are named in the scan\u2019s language', () => {
  it('in English: the charts and scores of a respondent without a name', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin], viewport: DESKTOP });
    await withoutSavePicker(tab.context);
    const { page } = tab;
    await gotoScan(page, `${env.url}?lang=en`);
    await setResponse(page, { ...ANNA, respondent: { ...ANNA.respondent, alias: '' } });
    await gotoResult(page, 'netwerk-scan', 'en');
    await scan(page).getByRole('heading', { name: 'Keep your result' }).waitFor();
    const modules = await downloaded(page, () => chartButton(page, 'modules', 'svg').click());
    assert.equal(modules.name, `netwerkscan-result-core-questions-${today()}.svg`);
    const csv = await downloaded(page, () => scan(page).locator('button[data-action="export-csv"]').click());
    assert.equal(csv.name, `netwerkscan-result-scores-${today()}.csv`);
    // Back in Dutch, the same files are named in Dutch.
    await scan(page).getByRole('button', { name: 'Nederlands' }).click();
    await scan(page).getByRole('heading', { name: 'Je resultaat bewaren' }).waitFor();
    const concepts = await downloaded(page, () => chartButton(page, 'concepts', 'png').click());
    assert.equal(concepts.name, `netwerkscan-resultaat-begrippen-${today()}.png`);
    tab.assertClean();
    await tab.close();
  });
});

describe('saving the result the way the response is saved', () => {
  it("writes through the browser's save dialog where there is one", async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    await fakeSavePicker(tab.context);
    await annaResult(tab.page);
    await scan(tab.page).locator('button[data-action="export-csv"]').click();
    await tab.page.waitForFunction(() => window.__saved);
    const saved = await tab.page.evaluate(() => window.__saved);
    assert.equal(saved.suggestedName, `netwerkscan-Anna-scores-${today()}.csv`);
    // The fake dialog read the blob as text: the BOM is its first character.
    assert.equal(saved.text, runCli(['report', '--csv', ANNA_FILE]));
    assert.match(await exportNote(tab.page), /is opgeslagen op de plek die je koos/);
    tab.assertClean();
    await tab.close();
  });

  it('says what went wrong when a file cannot be made, and changes nothing else', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    await withoutSavePicker(tab.context);
    // A browser that cannot encode the canvas (out of memory, a blocked canvas).
    await tab.context.addInitScript(() => {
      HTMLCanvasElement.prototype.toBlob = function toBlob(callback) {
        setTimeout(() => callback(null), 0);
      };
    });
    await annaResult(tab.page);
    let downloads = 0;
    tab.page.on('download', () => {
      downloads += 1;
    });
    await chartButton(tab.page, 'concepts', 'png').click();
    await tab.page.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.export-note.warn'));
    assert.equal(await exportNote(tab.page), `“netwerkscan-Anna-begrippen-${today()}.png” kon niet worden gemaakt: canvas.toBlob gave nothing`);
    assert.equal(downloads, 0);
    // The SVG does not need the canvas: it still downloads.
    const svg = await downloaded(tab.page, () => chartButton(tab.page, 'concepts', 'svg').click());
    assert.match(svg.bytes.toString('utf8'), /^<svg/);
    tab.assertClean();
    await tab.close();
  });

  it('in a frame that forbids downloads (sandbox without allow-downloads, readable): says so, downloads nothing', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    await tab.page.goto(env.url);
    // A frame of the scan site in a page of the same origin: the scan reads its sandbox.
    await tab.page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'scan-frame';
      frame.title = 'Netwerkscan';
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
      frame.style.width = '1200px';
      frame.style.height = '800px';
      frame.src = src;
      document.body.prepend(frame);
    }, env.url);
    const frame = await (await tab.page.waitForSelector('#scan-frame')).contentFrame();
    await waitForScan(frame);
    await waitReady(frame);
    await setResponse(frame, ANNA);
    await gotoResult(frame);
    let downloads = 0;
    tab.page.on('download', () => {
      downloads += 1;
    });
    await chartButton(frame, 'concepts', 'svg').click();
    await frame.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.export-note.warn'));
    assert.equal(await exportNote(frame), 'In dit kader van de website kan de scan geen bestand downloaden. Druk je resultaat af, of open de scan in een eigen venster om de bestanden te bewaren.');
    await scan(frame).locator('button[data-action="export-csv"]').click();
    await chartButton(frame, 'ladder', 'png').click();
    await frame.waitForTimeout(300);
    assert.equal(downloads, 0);
    tab.assertClean();
    await tab.close();
  });

  it("in a cross-site frame, whose sandbox the scan cannot read: says the download may be blocked unseen", async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin, env.sameSiteOrigin] });
    const params = new URLSearchParams({ src: env.sameSiteUrl, sandbox: 'allow-scripts allow-same-origin' });
    await tab.page.goto(`${env.course.url}frame.html?${params}`);
    const frame = await (await tab.page.waitForSelector('#scan-frame')).contentFrame();
    await waitForScan(frame);
    await waitReady(frame);
    await setResponse(frame, ANNA);
    await gotoResult(frame);
    await scan(frame).locator('button[data-action="export-csv"]').click();
    await frame.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.export-note.warn'));
    assert.equal(await exportNote(frame), `De scan heeft “netwerkscan-Anna-scores-${today()}.csv” aan je browser gegeven om te downloaden. De website waarin de scan staat, kan downloads tegenhouden; dat kan de scan niet zien. Staat het bestand niet in je downloads? Druk je resultaat dan af, of open de scan in een eigen venster.`);
    await screenshot(tab.page, 'result-export-frame', { fullPage: false });
    tab.assertClean();
    await tab.close();
  });
});

describe('a host page whose CSP allows no data: images', () => {
  it('prints the canvases instead, after one refused try, and keeps quiet after', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin], tolerate: [/image 'data:image\/svg\+xml.* violates the following Content Security Policy directive: "img-src 'self'"/] });
    // A course page on the scan's origin that allows images from itself only.
    await tab.page.route('**/strict.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'" },
        body: '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Strikt</title><script type="module" src="netwerk-scan.js"></script></head><body><netwerk-scan></netwerk-scan></body></html>',
      }),
    );
    await annaResult(tab.page, new URL('strict.html', env.url).href);
    await tab.page.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('img.print-chart[src]').length === 4);
    await tab.page.waitForTimeout(500);
    const refused = tab.violations.length;
    assert.ok(refused >= 1 && refused <= 4, `one try of the four drawings (${tab.violations.join('; ')})`);
    assert.ok(tab.violations.every((v) => v.startsWith('img-src')), tab.violations.join('; '));
    // Another language makes no new try.
    await scan(tab.page).locator('button[data-lang="en"]').click();
    await scan(tab.page).getByRole('heading', { name: 'Keep your result' }).waitFor();
    await scan(tab.page).locator('button[data-lang="nl"]').click();
    await scan(tab.page).getByRole('heading', { name: 'Je resultaat bewaren' }).waitFor();
    await tab.page.waitForTimeout(500);
    assert.equal(tab.violations.length, refused, 'no new try');
    assert.equal(await tab.page.evaluate(() => document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('img.print-chart[data-ready]').length), 0);
    // The result still prints, with the canvases.
    const { pages } = await printPdf(tab.page, 'result-print-strict', { render: 1 });
    assert.ok(pages >= 1 && pages <= 5, `${pages} pages`);
    assert.deepEqual(tab.problems, []);
    await tab.close();
  });
});

describe('the single file from disk, offline', () => {
  it('exports the charts and the scores and has the print images, with the network off', async () => {
    const copy = privateCopy(path.join(distDir(), 'netwerkscan.html'));
    const tab = await openTab(env.browser);
    try {
      await withoutSavePicker(tab.context);
      await tab.context.setOffline(true);
      await tab.page.goto(tab.allow(pathToFileURL(copy.path).href));
      await waitForScan(tab.page);
      await waitForReady(tab.page);
      await setResponse(tab.page, ANNA);
      await gotoResult(tab.page);
      const svg = await downloaded(tab.page, () => chartButton(tab.page, 'concepts', 'svg').click());
      assert.equal(svg.name, `netwerkscan-Anna-begrippen-${today()}.svg`);
      assert.ok(svg.bytes.toString('utf8').includes(dutch(coreReport(ANNA_FILE).concepts.respect.mean)));
      const csv = await downloaded(tab.page, () => scan(tab.page).locator('button[data-action="export-csv"]').click());
      assert.equal(csv.bytes.toString('utf8'), runCli(['report', '--csv', ANNA_FILE]));
      const png = await downloaded(tab.page, () => chartButton(tab.page, 'ladder', 'png').click());
      assert.equal(png.bytes.readUInt32BE(16), 900);
      await tab.page.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('img.print-chart[data-ready="true"]').length === 4);
      assert.deepEqual(tab.violations, []);
      tab.assertClean();
    } finally {
      await tab.close();
      copy.remove();
    }
  });
});
