// The respondent mode of <netwerk-scan>, instrument 2, as a participant uses it: the
// opening screen, every kind of question by mouse and keyboard, the result read from
// the report, the hand-over, a reload, the other language, a bad file, storage that
// is full, damaged or refused, the old page's draft, and a phone at 375 and 320 px.
// The tests of one describe share a page and run in order, as a participant would.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useSite, openTab, screenshot, axeViolations, storedDraft, INSTRUMENT, DESKTOP, PHONE, ROOT, DRAFT_KEY } from './harness.mjs';
import {
  PIA,
  PIA_LITERAL,
  LEGACY_KEY,
  band,
  clickScale,
  coreReport,
  dutch,
  events,
  expectedScores,
  gotoScan,
  group,
  inShadow,
  inkOf,
  item,
  keyScale,
  next,
  nl,
  progressOf,
  recordEvents,
  responseOf,
  scoreText,
  scrollsSideways,
  seedDraft,
  waitReady,
  word,
} from './respondent.mjs';

const env = useSite({ before, after });
/** A fresh context on the scan site, with the harness's guards. */
const openPage = (options = {}) => openTab(env.browser, { origins: [env.origin], ...options });
const expected = expectedScores(PIA);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const FILE_NAME = () => `netwerkscan-Pia-de-Boer-${today()}.json`;

describe('a participant fills in the scan', () => {
  let tab;
  let savedFile;

  before(async () => {
    tab = await openPage({ viewport: DESKTOP, deviceScaleFactor: 2 });
    // The browser's save dialog cannot be driven here: a stand-in records what is saved.
    await tab.context.addInitScript(() => {
      window.__saved = [];
      window.showSaveFilePicker = async ({ suggestedName }) => ({
        name: suggestedName,
        createWritable: async () => {
          let text = '';
          return { write: async (t) => void (text += t), close: async () => window.__saved.push({ name: suggestedName, text }) };
        },
      });
    });
    await gotoScan(tab.page, env.url);
    await recordEvents(tab.page);
  });
  after(async () => {
    await tab?.close();
  });

  it('opens with what the scan is and how long it takes, and the first chart', async () => {
    const { page } = tab;
    for (const g of ['concepts', 'modules']) for (const [id, text] of Object.entries(PIA_LITERAL[g])) assert.equal(dutch(expected[g][id]), text, `${g}.${id}`);

    const counted = progressOf({ answers: {}, importance: {}, interests: {}, ladder: {} }).total;
    const open = INSTRUMENT.items.filter((i) => i.type === 'open').length;
    const facts = page.locator('.opening .facts');
    // The same number of questions as the progress bar counts, the open ones beside them.
    assert.equal(open, 2);
    assert.equal((await facts.textContent()).trim(), `${counted} vragen en ${open} open vragen, ongeveer 15 minuten.`);
    assert.equal((await page.locator('#progress-text').textContent()).trim(), `0 van ${counted} vragen beantwoord`);
    assert.equal(await page.getByRole('button', { name: 'Begin de scan' }).isEnabled(), true);

    const radar = await inkOf(page.locator('#chart-concepts'));
    assert.equal(radar.width, Math.round(radar.cssWidth * 2), 'canvas backing store = CSS size x devicePixelRatio');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('netwerkscan:first-chart').length), 1);
    // The chart's caption is the title the core draws and its table's caption.
    assert.equal((await page.locator('.chart-figure-concepts figcaption').textContent()).trim(), word('chart.concepts'));
    await screenshot(page, 'respondent-1280-opening', { fullPage: false });
    assert.deepEqual(await axeViolations(page), []);
    tab.assertClean();
  });

  it('fills in every kind of question by mouse and keyboard; charts, boxes and progress follow', async () => {
    const { page } = tab;
    const main = page.locator('main');
    await page.getByRole('button', { name: 'Begin de scan' }).click();
    assert.equal(await inShadow(page, (root) => root.activeElement?.textContent), 'Over jou', 'the focus is on the step heading');

    // 1. Over jou: text, checkboxes, and choices with "weet ik niet", by keyboard too.
    const r = PIA.respondent;
    await page.getByLabel('Naam of alias').fill(r.alias);
    await page.getByLabel('Organisatie', { exact: true }).fill(r.organisation);
    const about = INSTRUMENT.respondent;
    for (const role of r.roles) await page.getByRole('checkbox', { name: nl(about.roles.choices.find((c) => c.id === role).label) }).check();
    await group(main, nl(about.position.question)).getByRole('radio', { name: nl(about.position.choices.find((c) => c.id === r.position).label) }).check();
    await group(main, nl(about.sector.question)).getByRole('radio', { name: nl(INSTRUMENT.scales.eens.unknown), exact: true }).check();
    // The level by keyboard: focus its first card, then move to the one wanted.
    const levels = about.level.choices.map((c) => c.id);
    await main.locator(`input[data-kind="choice"][data-id="level"][value="${levels[0]}"]`).focus();
    for (let i = 0; i < levels.indexOf(r.level); i += 1) await page.keyboard.press('ArrowDown');
    assert.deepEqual((await storedDraft(page)).response.respondent, r);
    await screenshot(page, 'respondent-1280-1-over');
    assert.deepEqual(await axeViolations(page), []);
    await next(page);

    // 2. Opgave: the first three statements by keyboard from the heading, the rest by mouse.
    const opgave = INSTRUMENT.items.filter((i) => i.module === 'opgave' && i.type !== 'open');
    for (const it of opgave.slice(0, 3)) await keyScale(page, `likert:${it.id}`, PIA.answers[it.id]);
    for (const it of opgave.slice(3)) if (it.id in PIA.answers) await clickScale(main, 'likert', it.id, PIA.answers[it.id]);
    await page.getByLabel(nl(item('opgave-wat').text)).fill(PIA.comments['opgave-wat']);
    // The joint task scores 2,75 (zorg): "Wat zou helpen?" is offered.
    const opgaveBox = main.locator('textarea[data-kind="comment"][data-id="opgave"]');
    await opgaveBox.waitFor({ state: 'visible' });
    await opgaveBox.fill(PIA.comments.opgave);
    await screenshot(page, 'respondent-1280-2-opgave');
    await next(page);

    // 3. Organisatie: keten or netwerk, then the statements.
    await group(main, nl(INSTRUMENT.form.question)).getByRole('radio', { name: nl(INSTRUMENT.form.choices.find((c) => c.id === PIA.form).label) }).check();
    for (const it of INSTRUMENT.items.filter((i) => i.module === 'organisatie')) if (it.id in PIA.answers) await clickScale(main, 'likert', it.id, PIA.answers[it.id]);
    // 4,00 is sterk: no box.
    assert.equal(await main.locator('textarea[data-id="organisatie"]').isVisible(), false);
    await next(page);

    // 4. Relaties: statements, importance, and a comment where a concept is zorg.
    const radarBefore = await page.locator('#chart-concepts').evaluate((c) => c.toDataURL());
    for (const concept of INSTRUMENT.concepts) {
      const first = INSTRUMENT.items.find((i) => i.concept === concept.id);
      for (const it of INSTRUMENT.items.filter((i) => i.concept === concept.id)) {
        if (!(it.id in PIA.answers)) continue;
        if (concept.id === 'vertrouwen' && it === first) {
          // By keyboard: from the previous concept's last control.
          await main.locator(`input[data-kind="likert"][data-id="${first.id}"]`).first().focus();
          await page.keyboard.press('Shift+Tab');
          await keyScale(page, `likert:${it.id}`, PIA.answers[it.id]);
        } else await clickScale(main, 'likert', it.id, PIA.answers[it.id]);
      }
      if (concept.id in PIA.importance) await clickScale(main, 'importance', concept.id, PIA.importance[concept.id]);
      const box = main.locator(`textarea[data-kind="comment"][data-id="${concept.id}"]`);
      if (PIA.comments[concept.id]) {
        await box.waitFor({ state: 'visible' });
        await box.fill(PIA.comments[concept.id]);
      } else assert.equal(await box.isVisible(), false, `no box for ${concept.id}`);
    }
    assert.notEqual(await page.locator('#chart-concepts').evaluate((c) => c.toDataURL()), radarBefore, 'the concept radar follows the answers');
    await screenshot(page, 'respondent-1280-4-relaties');
    assert.deepEqual(await axeViolations(page), []);
    await next(page);

    // 5. Belangen: each on its own scale, with "weet niet".
    const { influence, ...questions } = PIA.interests;
    for (const [id, v] of Object.entries(questions)) await clickScale(main, 'interest', id, v);
    for (const [id, v] of Object.entries(influence)) await clickScale(main, 'influence', id, v);
    const omvang = INSTRUMENT.scales[INSTRUMENT.interests.questions[0].scale].labels[0].nl;
    assert.equal(await group(main, nl(INSTRUMENT.interests.questions[0].text)).getByRole('radio', { name: omvang, exact: true }).count(), 1, 'the interest question is on its own scale');
    await next(page);

    // 6. Ladder, with "weet niet", and the open question that closes the scan.
    await group(main, nl(INSTRUMENT.ladder.current)).getByRole('radio', { name: nl(INSTRUMENT.ladder.rungs.find((x) => x.id === PIA.ladder.current).label) }).check();
    await group(main, nl(INSTRUMENT.ladder.desired)).getByRole('radio', { name: nl(INSTRUMENT.scales.eens.unknown), exact: true }).check();
    await page.getByLabel(nl(item('eerste-stap').text)).fill(PIA.comments['eerste-stap']);
    await screenshot(page, 'respondent-1280-6-ladder');

    // Everything is in the response, in the format of version 2.
    const draft = (await storedDraft(page)).response;
    assert.deepEqual(draft.answers, PIA.answers);
    assert.deepEqual(draft.importance, PIA.importance);
    assert.deepEqual(draft.comments, PIA.comments);
    assert.deepEqual(draft.interests, PIA.interests);
    assert.deepEqual(draft.ladder, PIA.ladder);
    assert.equal(draft.form, PIA.form);
    assert.equal(draft.version, 2);
    const { answered, total } = progressOf(PIA);
    assert.equal((await page.locator('.progress-text').textContent()).trim(), `${answered} van ${total} vragen beantwoord`);
    const changes = await events(page, 'netwerkscan-change');
    assert.ok(changes.length > 50, `a change event per answer (${changes.length})`);
    assert.deepEqual(changes.at(-1).detail.response.comments, PIA.comments);

    await page.getByRole('button', { name: 'Naar het resultaat' }).click();
    const complete = await events(page, 'netwerkscan-complete');
    assert.equal(complete.length, 1, 'netwerkscan-complete when the result is reached');
    assert.deepEqual(complete[0].detail.response.answers, PIA.answers);
    assert.ok(Array.isArray(complete[0].detail.report.advice));
    tab.assertClean();
  });

  it('shows the result read from the report: scores, bands, importance, trust, ladder, advice, comments', async () => {
    const { page } = tab;
    const result = page.locator('.result');
    const report = await page.locator('netwerk-scan').evaluate((el) => el.report);
    for (const concept of INSTRUMENT.concepts) {
      const score = expected.concepts[concept.id];
      const cell = await scoreText(result.locator('.result-tables'), concept.id);
      if (score == null) assert.match(cell, new RegExp(word('score.missing')), `${concept.id} has no score`);
      else assert.equal(cell, dutch(score), concept.id);
      const row = result.locator(`.result-tables tr[data-id="${concept.id}"]`);
      assert.equal((await row.locator('td.band').textContent()).trim(), band(score) ?? '—', `band of ${concept.id}`);
      const importance = PIA.importance[concept.id];
      assert.equal((await row.locator('td.num').nth(1).textContent()).trim(), Number.isInteger(importance) ? dutch(importance) : `— ${word('score.missing')}`, `importance of ${concept.id}`);
    }
    for (const module of ['opgave', 'organisatie', 'relaties']) assert.equal(await scoreText(result, module), dutch(expected.modules[module]), module);

    // Trust against its foundation, in the instrument's words.
    const trustFlag = report.trust.flag ? `trust.${report.trust.flag}` : report.trust.gap == null ? 'trust.unknown' : 'trust.none';
    assert.equal((await result.locator('.trust-flag').textContent()).trim(), word(trustFlag));
    // The ladder: the respondent's own rungs.
    assert.equal((await result.locator('.ladder-own dd[data-id="current"]').textContent()).trim(), 'trede 4: Regisseren');
    assert.equal((await result.locator('.ladder-own dd[data-id="desired"]').textContent()).trim(), INSTRUMENT.scales.eens.unknown.nl);

    // The advice in the report's order: three, then the rest.
    const shown = await result.locator('.advice').evaluateAll((cards) => cards.map((c) => c.dataset.id));
    assert.deepEqual(shown, report.advice.map((a) => a.id));
    assert.equal(await result.locator('.result-block > .advice-list > .advice').count(), Math.min(3, report.advice.length));
    const first = report.advice[0];
    const card = result.locator(`.advice[data-id="${first.id}"]`);
    assert.equal((await card.locator('h4').textContent()).trim(), first.title.nl);
    assert.equal((await card.locator('.advice-finding').textContent()).trim(), first.finding.nl);
    assert.match(first.finding.nl, /\b(jij|jou|je)\b/i, 'the finding speaks to the respondent');
    assert.doesNotMatch(first.finding.nl, /de partners (vinden|zien)/i);
    if (first.lowest) assert.equal((await card.locator('.advice-lowest').textContent()).trim(), `${word('advice.lowest')}: ‘${first.lowest.text.nl}’ (${dutch(first.lowest.mean)})`.replace(/‘|’/g, ''));

    // The comments the respondent wrote, under what they were about.
    for (const [key, text] of Object.entries(PIA.comments)) assert.equal((await result.locator(`.comment-list dd[data-id="${key}"]`).textContent()).trim(), text, `comment ${key}`);
    await screenshot(page, 'respondent-1280-7-resultaat');
    assert.deepEqual(await axeViolations(page), []);
    tab.assertClean();
  });

  it('hands the answers over: the save dialog, a download, the core reads the same scores', async () => {
    const { page } = tab;
    const handover = page.locator('section.handover');
    assert.equal((await handover.locator('h3').textContent()).trim(), 'Lever je antwoorden in');
    assert.match(await handover.textContent(), /Stuur het bestand naar je trainer/);

    // Where the browser has a save dialog, the file goes where the participant chose.
    await handover.getByRole('button', { name: 'Bewaar als bestand' }).click();
    await handover.getByText(`Je antwoorden zijn opgeslagen als “${FILE_NAME()}”, op de plek die je koos.`).waitFor();
    const picked = await page.evaluate(() => window.__saved);
    assert.equal(picked.length, 1);
    assert.equal(picked[0].name, FILE_NAME());

    // Without one, a download, and the page says where it usually goes.
    await page.evaluate(() => {
      delete window.showSaveFilePicker;
    });
    const [download] = await Promise.all([page.waitForEvent('download'), handover.getByRole('button', { name: 'Bewaar als bestand' }).click()]);
    assert.equal(download.suggestedFilename(), FILE_NAME());
    const dir = mkdtempSync(path.join(tmpdir(), 'netwerkscan-respondent-'));
    savedFile = path.join(dir, FILE_NAME());
    await download.saveAs(savedFile);
    await handover.getByText(/meestal in de map Downloads/).waitFor();
    const text = readFileSync(savedFile, 'utf8');
    assert.equal(text, picked[0].text, 'the dialog and the download save the same file');

    const saved = JSON.parse(text);
    assert.equal(saved.version, 2);
    assert.deepEqual(saved.answers, PIA.answers);
    assert.deepEqual(saved.respondent, PIA.respondent);

    // The page's scores are the core's for the saved file.
    const report = coreReport(savedFile);
    const by = 'netwerkscan report --json';
    assert.equal(report.respondents, 1);
    const result = page.locator('.result');
    for (const concept of INSTRUMENT.concepts) {
      const shownScore = await scoreText(result.locator('.result-tables'), concept.id);
      const { mean } = report.concepts[concept.id];
      assert.equal(mean == null ? null : dutch(mean), shownScore.includes(word('score.missing')) ? null : shownScore, `${by} and page agree on ${concept.id}`);
    }
    for (const module of ['opgave', 'organisatie', 'relaties']) assert.equal(dutch(report.modules[module].mean), await scoreText(result, module), `${by} and page agree on ${module}`);
    tab.assertClean();
  });

  it('copies the answers as text, and offers the text to copy by hand where the clipboard is refused', async () => {
    const { page, context } = tab;
    const handover = page.locator('section.handover');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    await handover.getByRole('button', { name: 'Kopieer als tekst' }).click();
    await handover.getByText(/staan als tekst op het klembord/).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, readFileSync(savedFile, 'utf8'));

    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
      document.execCommand = () => false;
    });
    await handover.getByRole('button', { name: 'Kopieer als tekst' }).click();
    const box = handover.getByRole('textbox', { name: 'Je antwoorden als tekst' });
    await box.waitFor();
    assert.equal(await box.inputValue(), copied);
    assert.equal(await box.evaluate((el) => el.selectionEnd - el.selectionStart), copied.length, 'the text is selected');
    await handover.getByText(/Kopiëren lukte niet vanzelf/).waitFor();
    tab.assertClean();
  });

  it('names the trainer and fills in an e-mail that says the file must be attached', async () => {
    const { page } = tab;
    await page.evaluate(() => {
      const el = document.querySelector('netwerk-scan');
      el.setAttribute('trainer-name', 'Tom Trainer');
      el.setAttribute('trainer-email', 'tom@example.org');
    });
    const handover = page.locator('section.handover');
    await handover.getByText('Stuur dit bestand naar Tom Trainer (tom@example.org).').waitFor();
    const link = handover.getByRole('link', { name: 'Schrijf een e-mail aan Tom Trainer' });
    const href = new URL(await link.getAttribute('href'));
    assert.equal(href.protocol, 'mailto:');
    assert.equal(href.pathname, 'tom@example.org');
    assert.equal(href.searchParams.get('subject'), 'Mijn antwoorden op de Netwerkscan');
    assert.match(href.searchParams.get('body'), new RegExp(`Hallo Tom Trainer,[\\s\\S]*${FILE_NAME().replace(/\./g, '\\.')}[\\s\\S]*Pia de Boer`));
    assert.match(await handover.textContent(), /een link kan geen bijlage toevoegen/);
    await screenshot(page, 'respondent-1280-handover', { fullPage: false });
    tab.assertClean();
  });

  it('finds everything back after a reload', async () => {
    const { page } = tab;
    await page.reload();
    await waitReady(page);
    assert.equal((await page.locator('.step-button[aria-current="step"]').textContent()).includes('Resultaat'), true, 'back on the result');
    await page.getByRole('status').getByText('teruggezet').waitFor();
    const main = page.locator('main');

    await page.locator('.step-button[data-step="0"]').click();
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), PIA.respondent.alias);
    assert.equal(await page.getByLabel('Organisatie', { exact: true }).inputValue(), PIA.respondent.organisation);
    const checked = async () => inShadow(page, (root) => Object.fromEntries([...root.querySelectorAll('main input:checked')].map((i) => [`${i.name}=${i.value}`, true])));
    let on = await checked();
    assert.ok(on['roles:roles=oplosser'] && on['choice:position=ring'] && on['choice:sector=null'] && on['choice:level=uitvoering'], JSON.stringify(on));

    const radios = {};
    for (const index of [1, 2, 3, 4, 5]) {
      await page.locator(`.step-button[data-step="${index}"]`).click();
      Object.assign(radios, await checked());
    }
    for (const it of INSTRUMENT.items.filter((i) => i.type !== 'open')) {
      const want = it.id in PIA.answers ? String(PIA.answers[it.id]) : null;
      const got = Object.keys(radios).find((k) => k.startsWith(`likert:${it.id}=`))?.split('=')[1] ?? null;
      assert.equal(got, want, it.id);
    }
    assert.ok(radios['form:form=keten'] && radios['importance:vrijheid=null'] && radios['interest:take=null'] && radios['influence:authority=null']);
    assert.equal(Object.keys(radios).some((k) => k.startsWith('importance:vertrouwen=')), false, 'an untouched question stays untouched');
    assert.ok(radios['ladder:current=regisseren'] && radios['ladder:desired=null']);
    assert.equal(await page.getByLabel(nl(item('eerste-stap').text)).inputValue(), PIA.comments['eerste-stap']);
    await page.locator('.step-button[data-step="3"]').click();
    assert.equal(await main.locator('textarea[data-id="respect"]').inputValue(), PIA.comments.respect);
    on = null;
    tab.assertClean();
  });

  it('switches to English and back, keeping the answers, the focus and the place', async () => {
    const { page } = tab;
    const main = page.locator('main');
    const radio = main.locator('input[data-kind="likert"][data-id="respect-visie"][value="1"]');
    await radio.focus();
    const top = await radio.evaluate((el) => el.getBoundingClientRect().top);
    // A host page (or site.js for ?lang=en) sets the attribute.
    await page.evaluate(() => document.querySelector('netwerk-scan').setAttribute('lang', 'en'));
    await main.getByRole('heading', { name: INSTRUMENT.modules.find((m) => m.id === 'relaties').label.en }).waitFor();
    assert.equal(await inShadow(page, (root) => `${root.activeElement?.dataset.id}=${root.activeElement?.value}`), 'respect-visie=1', 'the focus stays on the answer');
    assert.ok(Math.abs((await radio.evaluate((el) => el.getBoundingClientRect().top)) - top) <= 2, 'the answer stays where it was on the screen');
    assert.equal(await main.getByRole('radio', { name: INSTRUMENT.scales.eens.labels[0].en, exact: true }).first().count(), 1);
    assert.equal(await radio.isChecked(), true);
    assert.equal(await page.locator('.chart-figure-concepts figcaption').textContent(), word('chart.concepts', 'en'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page follows the scan');

    // The participant's own toggle, and the result in English with its notation.
    await page.locator('.step-button[data-step="6"]').click();
    assert.equal(await scoreText(page.locator('.result-tables'), 'gelijkwaardigheid'), '3.75');
    assert.equal((await page.locator('.result tr[data-id="gelijkwaardigheid"] td.band').textContent()).trim(), word('band.aandacht', 'en'));
    await page.getByRole('heading', { name: 'Hand in your answers' }).waitFor();
    await screenshot(page, 'respondent-1280-english');
    await page.locator('.lang-toggle button[data-lang="nl"]').click();
    await page.getByRole('heading', { name: 'Lever je antwoorden in' }).waitFor();
    assert.equal(await inShadow(page, (root) => root.activeElement?.dataset.lang), 'nl', 'the focus stays on the toggle');
    assert.equal((await storedDraft(page)).lang, 'nl');
    assert.deepEqual((await storedDraft(page)).response.answers, PIA.answers);
    tab.assertClean();
  });

  it('keeps the answers when a bad file is opened or set, naming the field', async () => {
    const { page } = tab;
    const before = (await storedDraft(page)).response;
    const bad = { ...responseOf(PIA), answers: { ...PIA.answers, 'opgave-eigen': 7 } };
    await page.locator('input[type="file"]').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.getByRole('alert');
    await alert.getByText(/“kapot\.json” kon niet worden geopend: answers\.opgave-eigen: 7/).waitFor();
    assert.match(await alert.textContent(), /Je huidige antwoorden zijn niet veranderd/);
    assert.deepEqual((await storedDraft(page)).response, before);
    await screenshot(page, 'respondent-1280-bad-file', { fullPage: false });
    await alert.getByRole('button', { name: 'Sluiten' }).click();

    // The same through the element's property: an error event, nothing changed.
    await recordEvents(page);
    await page.evaluate((r) => {
      document.querySelector('netwerk-scan').response = r;
    }, bad);
    const errors = await events(page, 'netwerkscan-error');
    assert.equal(errors.length, 1);
    assert.match(errors[0].detail.message, /answers\.opgave-eigen/);
    assert.deepEqual(await page.locator('netwerk-scan').evaluate((el) => el.response.answers), PIA.answers);
    assert.deepEqual((await storedDraft(page)).response, before);
    await page.getByRole('alert').getByRole('button', { name: 'Sluiten' }).click();
    tab.assertClean();
  });
  it('asks before starting again: cancel and Escape keep the answers, confirm clears them', async () => {
    const { page } = tab;
    const restart = page.getByRole('button', { name: 'Begin opnieuw' });
    const dialog = page.getByRole('dialog', { name: 'Opnieuw beginnen?' });
    await restart.click();
    await dialog.waitFor();
    assert.equal(await inShadow(page, (root) => root.activeElement?.textContent), 'Annuleren', 'the safe choice has the focus');
    await screenshot(page, 'respondent-1280-restart', { fullPage: false });
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await restart.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual((await storedDraft(page)).response.answers, PIA.answers);

    await restart.click();
    await dialog.getByRole('button', { name: 'Ja, wis alles' }).click();
    await page.getByRole('status').getByText('Alle antwoorden zijn gewist').waitFor();
    assert.deepEqual((await storedDraft(page)).response.answers, {});
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), '');
    await page.reload();
    await waitReady(page);
    await page.getByRole('button', { name: 'Begin de scan' }).waitFor();
    tab.assertClean();
  });
});

describe('the draft in storage', () => {
  it('restores a draft from a full localStorage and retries autosave at the next change', async () => {
    const tab = await openPage();
    const { page, context } = tab;
    await seedDraft(context, responseOf(PIA), { step: 1 });
    await gotoScan(page, env.url);
    // Fill the storage to the last byte.
    await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      let i = 0;
      for (let size = chunk.length; size >= 1; ) {
        try {
          localStorage.setItem(`filler-${i}`, chunk.slice(0, size));
          i += 1;
        } catch {
          size = Math.floor(size / 2);
        }
      }
    });
    await page.reload();
    await waitReady(page);
    await page.locator('.step-button[data-step="0"]').click();
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), PIA.respondent.alias, 'the draft is read though nothing can be written');

    await page.getByLabel('Naam of alias').fill('Pia de Boer-Jansen');
    await page.getByRole('alert').getByText(/geen ruimte meer/).waitFor();
    assert.equal((await storedDraft(page)).response.respondent.alias, PIA.respondent.alias);

    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await page.getByLabel('Naam of alias').fill('Pia');
    await page.getByRole('status').getByText(/weer automatisch bewaard/).waitFor();
    assert.equal((await storedDraft(page)).response.respondent.alias, 'Pia');
    assert.equal(await page.locator('.alert-region').textContent(), '');
    tab.assertClean();
    await tab.close();
  });

  it('keeps a damaged draft under its own key, and says so truly', async () => {
    const tab = await openPage();
    const { page, context } = tab;
    await seedDraft(context, null, { raw: '{"version": 1, "response": {"answers": ' });
    await gotoScan(page, env.url);
    const alert = page.getByRole('alert');
    const key = (await alert.textContent()).match(/sleutel “([^”]+)”/)?.[1];
    assert.ok(key?.startsWith(`${DRAFT_KEY}:corrupt:`), await alert.textContent());
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), '{"version": 1, "response": {"answers": ');
    tab.assertClean();
    await tab.close();
  });

  it('offers a damaged draft that does not fit twice as a download before anything overwrites it', async () => {
    const tab = await openPage();
    const { page, context } = tab;
    const damaged = `{"version":1,"response":${'x'.repeat(1_200_000)}`;
    await seedDraft(context, null, { raw: damaged });
    // Leave about 4 KB free: the copy cannot be kept.
    await context.addInitScript(() => {
      if (sessionStorage.getItem('filled')) return;
      sessionStorage.setItem('filled', '1');
      const chunk = 'y'.repeat(256 * 1024);
      let i = 0;
      for (let size = chunk.length; size >= 4096; ) {
        try {
          localStorage.setItem(`filler-${i}`, chunk.slice(0, size));
          i += 1;
        } catch {
          size = Math.floor(size / 2);
        }
      }
    });
    await gotoScan(page, env.url);
    const alert = page.getByRole('alert');
    await alert.getByText(/geen ruimte om er een kopie van te bewaren/).waitFor();
    assert.equal(await alert.getByRole('button', { name: 'Sluiten' }).count(), 0, 'a choice must be made');

    // An answer before the choice does not overwrite the damaged draft.
    await page.getByRole('button', { name: 'Begin de scan' }).click();
    await page.getByLabel('Naam of alias').fill('Pia');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), damaged);

    const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download de beschadigde antwoorden' }).click()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'netwerkscan-damaged-'));
    await download.saveAs(path.join(dir, 'damaged.txt'));
    assert.equal(readFileSync(path.join(dir, 'damaged.txt'), 'utf8'), damaged);
    await page.getByRole('status').getByText(/weer automatisch/).waitFor();
    assert.equal((await storedDraft(page)).response.respondent.alias, 'Pia', 'autosave goes on after the download');
    tab.assertClean();
    await tab.close();
  });

  it('says in plain words where storage is refused, and keeps the answers in memory', async () => {
    const tab = await openPage();
    const { page, context } = tab;
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
        },
      });
    });
    await gotoScan(page, env.url);
    const alert = page.getByRole('alert');
    await alert.getByText(/Deze browser staat niet toe dat de scan je antwoorden automatisch bewaart/).waitFor();
    assert.doesNotMatch(await alert.textContent(), /SecurityError|sandboxed/, 'no raw browser exception');
    await page.getByRole('button', { name: 'Begin de scan' }).click();
    await page.getByLabel('Naam of alias').fill('Pia');
    await next(page);
    await clickScale(page.locator('main'), 'likert', 'opgave-eigen', 4);
    assert.equal(await page.locator('netwerk-scan').evaluate((el) => el.response.answers['opgave-eigen']), 4);
    tab.assertClean();
    await tab.close();
  });

  it("migrates the old page's draft (instrument 1) once, under the new key", async () => {
    const tab = await openPage();
    const { page, context } = tab;
    const v1 = JSON.parse(readFileSync(path.join(ROOT, 'core', 'tests', 'fixtures', 'v1', 'anna-gemeente.json'), 'utf8'));
    assert.equal(v1.version, 1);
    await seedDraft(context, v1, { key: LEGACY_KEY, step: 3 });
    await gotoScan(page, env.url);
    const left = INSTRUMENT.previous[0].items;
    const replaced = Object.keys(v1.answers).filter((id) => left[id] === null).length;
    await page.getByRole('status').getByText(`vorige versie van de scan zijn overgenomen. ${replaced} antwoord(en) op vervangen vragen van versie 1 zijn weggelaten.`).waitFor();
    const migrated = await storedDraft(page);
    assert.equal(migrated.response.version, 2);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), LEGACY_KEY), null, 'the old draft is gone once migrated');
    assert.equal((await page.locator('.step-button[aria-current="step"]').textContent()).includes('Relaties'), true);
    tab.assertClean();
    await tab.close();
  });
});

describe('on a phone', () => {
  for (const width of [375, 320]) {
    it(`at ${width} px: the step's chart near its questions, the step bar whole, nothing sideways`, async () => {
      const tab = await openPage({ viewport: { width, height: PHONE.height }, deviceScaleFactor: 2 });
      const { page, context } = tab;
      await seedDraft(context, responseOf(PIA), { step: 0 });
      // A phone that can share files (mail, chat), as the Web Share API says it can.
      await context.addInitScript(() => {
        window.__shared = [];
        navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length === 1;
        navigator.share = async (data) => {
          window.__shared.push({ name: data.files[0].name, type: data.files[0].type, text: await data.files[0].text() });
        };
      });
      await gotoScan(page, env.url);
      // "Resultaat" is on screen.
      const last = await page.locator('.step-button[data-step="6"]').boundingBox();
      assert.ok(last.x >= 0 && last.x + last.width <= width, `the last step is on screen (${JSON.stringify(last)})`);
      for (let index = 0; index < 7; index += 1) {
        await page.locator(`.step-button[data-step="${index}"]`).click();
        assert.equal(await scrollsSideways(page), false, `step ${index + 1} does not scroll sideways`);
        const chart = page.locator('main .step-chart canvas');
        if ((await chart.count()) > 0) {
          // Near the questions: in the step, above its first question.
          const chartBox = await chart.boundingBox();
          const question = await page.locator('main fieldset, main .question-group, main .result').first().boundingBox();
          assert.ok(chartBox.y < question.y + question.height, 'the chart comes before the questions');
          await chart.scrollIntoViewIfNeeded();
          await page.waitForTimeout(100);
          const { ink, pixels } = await inkOf(chart);
          assert.ok(ink > pixels * 0.01, `the step's chart is drawn (${ink}/${pixels})`);
        }
        if (width === 375) await screenshot(page, `respondent-375-step-${index + 1}`);
      }
      // On the result: share the file.
      await page.locator('section.handover').getByRole('button', { name: 'Deel het bestand' }).click();
      await page.locator('section.handover').getByText('Het bestand is gedeeld.').waitFor();
      const shared = await page.evaluate(() => window.__shared);
      assert.equal(shared.length, 1);
      assert.equal(shared[0].name, FILE_NAME());
      assert.equal(shared[0].type, 'application/json');
      assert.deepEqual(JSON.parse(shared[0].text).answers, PIA.answers);
      // The value tables open at this width fit, as at 200% zoom.
      for (const details of await page.locator('details.chart-table').all()) {
        await details.evaluate((el) => {
          el.open = true;
          el.scrollIntoView();
        });
        // The table is built on the toggle event, a task after `open` is set.
        await details.locator('table').waitFor();
        const fits = await details.evaluate((el) => {
          const table = el.querySelector('table');
          return table ? table.getBoundingClientRect().right <= el.getBoundingClientRect().right + 1 : 'no table';
        });
        assert.equal(fits, true, 'an open value table fits');
      }
      assert.equal(await scrollsSideways(page), false);
      tab.assertClean();
      await tab.close();
    });
  }

  it('speaks English with ?lang=en', async () => {
    const tab = await openPage({ viewport: PHONE });
    const { page } = tab;
    await gotoScan(page, `${env.url}?lang=en`);
    await page.getByRole('heading', { name: 'Where does your collaboration stand?' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start the scan' }).isEnabled(), true);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    tab.assertClean();
    await tab.close();
  });

  it('at 200% zoom (640 x 450 CSS px) the open value tables do not overflow', async () => {
    const tab = await openPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    const { page, context } = tab;
    await seedDraft(context, responseOf(PIA), { step: 3 });
    await gotoScan(page, env.url);
    for (const details of await page.locator('details.chart-table').all()) {
      await details.evaluate((el) => {
        el.open = true;
        el.scrollIntoView();
      });
      await details.locator('table').waitFor();
      const fits = await details.evaluate((el) => {
        const table = el.querySelector('table');
        return table ? table.getBoundingClientRect().right <= el.getBoundingClientRect().right + 1 : 'no table';
      });
      assert.equal(fits, true);
    }
    assert.equal(await scrollsSideways(page), false);
    tab.assertClean();
    await tab.close();
  });
});

// A check of the test's own fixture: the file the scan saves is what this test wrote down.
it('the fixture is a valid version 2 response for the core', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'netwerkscan-fixture-'));
  const file = path.join(dir, 'pia.json');
  writeFileSync(file, JSON.stringify(responseOf(PIA)));
  const report = coreReport(file);
  for (const [id, text] of Object.entries(PIA_LITERAL.concepts)) assert.equal(dutch(report.concepts[id].mean), text, id);
  for (const [id, text] of Object.entries(PIA_LITERAL.modules)) assert.equal(dutch(report.modules[id].mean), text, id);
});
