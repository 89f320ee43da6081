// A participant fills in the whole scan, reloads the page, and saves the answers as a
// file that the CLI reads to the same scores. The three tests share one page and run
// in order, as a user would do these things.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useSite, openPage, gotoScan, screenshot, runCli, INSTRUMENT, DESKTOP } from './harness.mjs';
import { ANNA, ANNA_LITERAL, expectedScores, band, dutch, fillScan, progressOf, scoreText, storedDraft } from './scan.mjs';

const env = useSite({ before, after });

/** Counts the pixels of a canvas that differ from its top-left pixel (the background). */
async function inkOf(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel);
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) ink += 1;
    }
    return { ink, pixels: width * height, width, height, cssWidth: canvas.clientWidth, dpr: devicePixelRatio };
  }, selector);
}

async function canvasDigest(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel).toDataURL(), selector);
}

describe('a participant fills in the scan', () => {
  let tab;
  const expected = expectedScores(ANNA);

  before(async () => {
    tab = await openPage(env.browser, env.url, { viewport: DESKTOP, deviceScaleFactor: 2 });
    await gotoScan(tab.page, env.url);
  });
  after(async () => {
    await tab?.close();
  });

  it('fills in every step by mouse and keyboard; the charts and tables follow every answer', async () => {
    const { page } = tab;
    // The test's own arithmetic agrees with the literal expectations.
    for (const group of ['concepts', 'modules']) {
      for (const [id, text] of Object.entries(ANNA_LITERAL[group])) assert.equal(dutch(expected[group][id]), text, `${group}.${id}`);
    }

    // The concept radar is there from the start, sized for the device pixel ratio.
    const before = await inkOf(page, '#chart-concepts');
    assert.equal(before.dpr, 2);
    assert.equal(before.width, Math.round(before.cssWidth * 2), 'canvas backing store = CSS size x devicePixelRatio');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('netwerkscan:first-chart').length), 1);
    let lastRadar = await canvasDigest(page, '#chart-concepts');

    await fillScan(page, ANNA, {
      keyboard: ['opgave-1', 'opgave-2', 'opgave-3', 'opgave-4', 'gelijkwaardigheid-1', 'gelijkwaardigheid-2', 'gelijkwaardigheid-3'],
      onStep: async (name) => {
        await screenshot(page, `fill-1280-${name}`);
        if (name === '4-relaties') {
          // The relaties answers changed the concept radar.
          const now = await canvasDigest(page, '#chart-concepts');
          assert.notEqual(now, lastRadar, 'the concept radar is redrawn after answers');
          lastRadar = now;
          // The comment box shows for a low score (verantwoording 2.33) and not for a high one.
          assert.equal(await page.locator('#comment-box-verantwoording').isVisible(), true);
          assert.equal(await page.locator('#comment-box-respect').isVisible(), false);
        }
      },
    });

    // The keyboard answers landed where they should.
    const draft = await storedDraft(page);
    for (const id of ['opgave-1', 'opgave-2', 'opgave-3', 'opgave-4', 'gelijkwaardigheid-1']) {
      assert.strictEqual(draft.response.answers[id], ANNA.answers[id], `keyboard answer ${id}`);
    }
    assert.equal('vrijheid-3' in draft.response.answers, false, 'an untouched item is absent');
    assert.deepEqual(draft.response.comments, ANNA.comments);

    // Progress counts every answered question, "weet niet" included.
    const progress = progressOf(ANNA);
    assert.equal((await page.locator('#progress-text').textContent()).trim(), `${progress.answered} van ${progress.total} vragen beantwoord`);

    // The result step.
    assert.equal(await page.locator('.step-button[aria-current="step"]').textContent().then((t) => t.includes('Resultaat')), true);
    await screenshot(page, 'fill-1280-7-resultaat');

    // The concept radar is drawn, not blank.
    const radar = await inkOf(page, '#chart-concepts');
    assert.ok(radar.ink > radar.pixels * 0.02, `the concept radar has ink (${radar.ink} of ${radar.pixels} pixels)`);
    for (const chart of ['modules', 'ladder', 'influence']) {
      const { ink, pixels } = await inkOf(page, `#chart-${chart}`);
      assert.ok(ink > pixels * 0.01, `the ${chart} chart has ink`);
    }

    // The values tables show exactly the hand-computed scores.
    for (const concept of INSTRUMENT.concepts) {
      const score = expected.concepts[concept.id];
      const cell = await scoreText(page.locator('#chart-concepts-table'), concept.id);
      if (score == null) assert.match(cell, /geen score/, `${concept.id} has no score`);
      else assert.equal(cell, dutch(score), concept.id);
      const resultRow = page.locator(`#result tr[data-id="${concept.id}"]`);
      assert.equal(await scoreText(page.locator('#result'), concept.id), cell, `result table agrees for ${concept.id}`);
      const bandText = (await resultRow.locator('td.band').textContent()).trim();
      assert.equal(bandText, band(score) ?? '—', `band of ${concept.id}`);
    }
    for (const module of ['opgave', 'organisatie', 'relaties']) {
      assert.equal(await scoreText(page.locator('#chart-modules-table'), module), dutch(expected.modules[module]), module);
    }

    // The result in words: the ladder gap, trust, and the advice.
    const result = page.locator('#result');
    await assert.doesNotReject(result.getByText('Je ziet de overheid nu op trede 4, Regisseren, en ziet haar liever 2 treden lager: op trede 2, Faciliteren.').waitFor());
    await assert.doesNotReject(result.getByText(/te weinig antwoorden om vertrouwen/).waitFor());
    assert.equal(await result.locator('.advice-list').first().locator('.advice').count(), 3);
    tab.assertClean();
  });

  it('finds every answer back after a reload', async () => {
    const { page } = tab;
    await page.reload();
    await page.waitForSelector('body.ready');
    // Back on the step where the participant was.
    assert.match(await page.locator('.step-button[aria-current="step"]').textContent(), /Resultaat/);
    await page.getByRole('status').getByText('teruggezet').waitFor();

    await page.getByRole('button', { name: /Over jou/ }).click();
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), ANNA.respondent.alias);
    assert.equal(await page.getByLabel('Organisatie', { exact: true }).inputValue(), ANNA.respondent.organisation);
    for (const role of INSTRUMENT.roles) {
      assert.equal(await page.locator(`#role-${role.id}`).isChecked(), ANNA.respondent.roles.includes(role.id), role.id);
    }
    assert.equal(await page.locator('#position-kern').isChecked(), true);

    // Every radio, including "weet niet"; untouched questions have nothing checked.
    const checked = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#scan-form input[type=radio]:checked')].map((r) => [r.name, r.value])));
    for (const it of INSTRUMENT.items) {
      const want = it.id in ANNA.answers ? String(ANNA.answers[it.id]) : undefined;
      assert.equal(checked[`answer:${it.id}`], want, it.id);
    }
    for (const [id, v] of Object.entries(ANNA.importance)) assert.equal(checked[`importance:${id}`], String(v), `importance ${id}`);
    const { influence, ...questions } = ANNA.interests;
    for (const [id, v] of Object.entries(questions)) assert.equal(checked[`interest:${id}`], String(v), `interest ${id}`);
    for (const [id, v] of Object.entries(influence)) assert.equal(checked[`influence:${id}`], String(v), `influence ${id}`);
    assert.equal(checked['influence:communication'], undefined);
    assert.equal(checked['ladder:current'], 'regisseren');
    assert.equal(checked['ladder:desired'], 'faciliteren');
    for (const [id, text] of Object.entries(ANNA.comments)) assert.equal(await page.locator(`#comment-${id}`).inputValue(), text, `comment ${id}`);
    tab.assertClean();
  });

  it('saves a response file that the CLI reads to the same scores', async () => {
    const { page } = tab;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Antwoorden opslaan' }).click()]);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    assert.equal(download.suggestedFilename(), `netwerkscan-Anna-de-Vries-${today}.json`);
    const dir = mkdtempSync(path.join(tmpdir(), 'netwerkscan-e2e-'));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('status').getByText('opgeslagen').waitFor();

    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.format, 'netwerkscan-response');
    assert.deepEqual(saved.answers, ANNA.answers);

    const report = JSON.parse(runCli(['report', '--json', file]));
    assert.equal(report.respondents, 1);
    for (const concept of INSTRUMENT.concepts) {
      const shown = await scoreText(page.locator('#chart-concepts-table'), concept.id);
      const mean = report.concepts[concept.id].mean;
      assert.equal(mean == null ? null : dutch(mean), /geen score/.test(shown) ? null : shown, `CLI and page agree on ${concept.id}`);
    }
    for (const module of ['opgave', 'organisatie', 'relaties']) {
      const shown = await scoreText(page.locator('#chart-modules-table'), module);
      assert.equal(dutch(report.modules[module].mean), shown, `CLI and page agree on ${module}`);
    }
    tab.assertClean();
  });
});
