// Switching between Dutch and English re-renders every text from the instrument and the
// page, and keeps every answer.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, gotoScan, screenshot, INSTRUMENT } from './harness.mjs';
import { ANNA, seedDraft, questionGroup, scoreText, storedDraft } from './scan.mjs';

const env = useSite({ before, after });

describe('language switch', () => {
  it('changes every text to English and back, and keeps the answers', async () => {
    const tab = await openPage(env.browser, env.url);
    const { page, context } = tab;
    // Start on the opgave step with Anna's answers.
    await seedDraft(context, ANNA, { step: 1 });
    await gotoScan(page, env.url);
    const opgave1 = INSTRUMENT.items.find((i) => i.id === 'opgave-1');
    await questionGroup(page, opgave1.text.nl).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.equal(await page.locator('#status').textContent(), 'Je eerdere antwoorden in deze browser zijn teruggezet.');

    await page.getByRole('button', { name: 'English' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // A confirmation still standing follows the language too.
    assert.equal(await page.locator('#status').textContent(), 'Your earlier answers in this browser have been restored.');
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');

    // The item text and the scale come from the instrument, in English.
    const group = questionGroup(page, opgave1.text.en);
    await group.waitFor();
    assert.equal(await questionGroup(page, opgave1.text.nl).count(), 0);
    assert.equal(await group.getByRole('radio', { name: 'agree', exact: true }).isChecked(), true, 'the answer is kept');
    // The step navigation and the page's own words.
    const nav = page.getByRole('navigation', { name: 'Steps of the scan' });
    const steps = (await nav.getByRole('button').allTextContents()).join(' | ');
    for (const label of ['About you', INSTRUMENT.modules[0].label.en, INSTRUMENT.modules[4].label.en, 'Result']) {
      assert.ok(steps.includes(label), `the step nav shows "${label}" (${steps})`);
    }
    assert.match(await page.locator('#progress-text').textContent(), /questions answered/);
    assert.ok(await page.getByRole('button', { name: 'Save answers' }).isVisible());
    // Scores in English notation, with a point.
    assert.equal(await scoreText(page.locator('#chart-concepts-table'), 'gelijkwaardigheid'), '3.67');
    assert.match(await scoreText(page.locator('#chart-concepts-table'), 'vrijheid'), /no score/);
    await screenshot(page, 'language-1280-en-opgave');

    // The result step in English, with the advice in English.
    await nav.getByRole('button', { name: /Result/ }).click();
    const firstAdvice = page.locator('#result .advice h4').first();
    const title = await firstAdvice.textContent();
    const advice = INSTRUMENT.advice.find((a) => a.title.en === title);
    assert.ok(advice, `the first advice title "${title}" is an English advice title`);
    await screenshot(page, 'language-1280-en-result');

    // The draft remembers the language, and nothing was lost.
    const draft = await storedDraft(page);
    assert.equal(draft.lang, 'en');
    assert.deepEqual(draft.response.answers, ANNA.answers);

    // And back to Dutch.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await page.locator('#result .advice h4').first().getByText(advice.title.nl).waitFor();
    assert.equal(await scoreText(page.locator('#chart-concepts-table'), 'gelijkwaardigheid'), '3,67');
    // Re-rendering redraws the charts, but the first-chart mark stays a single one.
    assert.equal(await page.evaluate(() => performance.getEntriesByName('netwerkscan:first-chart').length), 1);
    tab.assertClean();
    await tab.close();
  });
});
