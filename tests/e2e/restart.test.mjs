// "Begin opnieuw" asks in a dialog; cancel keeps everything, confirm clears it. And a
// corrupt draft in storage never breaks the page.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, gotoScan, screenshot, STORAGE_KEY } from './harness.mjs';
import { ANNA, seedDraft, storedDraft, progressOf } from './scan.mjs';

const env = useSite({ before, after });

describe('starting again', () => {
  it('asks first: cancel keeps the answers, confirm clears them', async () => {
    const tab = await openPage(env.browser, env.url);
    const { page, context } = tab;
    await seedDraft(context, ANNA, { step: 3 });
    await gotoScan(page, env.url);
    const { answered, total } = progressOf(ANNA);
    assert.equal(await page.locator('#progress-text').textContent(), `${answered} van ${total} vragen beantwoord`);

    const restart = page.getByRole('button', { name: 'Begin opnieuw' });
    const dialog = page.getByRole('dialog', { name: 'Opnieuw beginnen?' });
    await restart.click();
    await dialog.waitFor();
    await screenshot(page, 'restart-1280-dialog', { fullPage: false });
    // The safe choice has the focus.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-cancel');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual((await storedDraft(page)).response.answers, ANNA.answers);
    assert.ok((await page.locator('#scan-form input:checked').count()) > 0);

    // Escape is a cancel too.
    await restart.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual((await storedDraft(page)).response.answers, ANNA.answers);

    await restart.click();
    await dialog.getByRole('button', { name: 'Ja, wis alles' }).click();
    await page.getByRole('status').getByText('gewist').waitFor();
    assert.equal(await page.locator('#scan-form input:checked').count(), 0);
    assert.equal(await page.locator('#progress-text').textContent(), `0 van ${total} vragen beantwoord`);
    assert.match(await page.locator('.step-button[aria-current="step"]').textContent(), /Over jou/);
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), '');
    const draft = await storedDraft(page);
    assert.deepEqual(draft.response.answers, {});
    assert.equal(draft.response.respondent.alias, '');

    // Still empty after a reload.
    await page.reload();
    await page.waitForSelector('body.ready');
    assert.equal(await page.locator('#scan-form input:checked').count(), 0);
    tab.assertClean();
    await tab.close();
  });

  it('survives a corrupt draft: says so, keeps a copy, starts empty', async () => {
    const tab = await openPage(env.browser, env.url);
    const { page, context } = tab;
    await context.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"version":1,"lang":"nl","step":2,"response":{"format":"netwerkscan-response","version":1,"answers":{"opgave-1":9}');
        sessionStorage.setItem('seeded', '1');
      }
    }, STORAGE_KEY);
    await gotoScan(page, env.url);
    const alert = page.getByRole('alert');
    await alert.getByText('beschadigd').waitFor();
    const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('netwerkscan:draft:v1:corrupt:')));
    assert.equal(copies.length, 1, 'a copy of the corrupt draft is kept');
    assert.ok((await alert.textContent()).includes(copies[0]), 'the message names the key of the copy');
    assert.equal(await page.locator('#scan-form input:checked').count(), 0);
    await screenshot(page, 'restart-1280-corrupt-draft', { fullPage: false });
    // The page works: an answer is saved as a fresh draft.
    await page.getByLabel('Naam of alias').fill('Cees');
    assert.equal((await storedDraft(page)).response.respondent.alias, 'Cees');
    await alert.getByRole('button', { name: 'Sluiten' }).click();
    assert.equal(await page.locator('#alert').textContent(), '');
    tab.assertClean();
    await tab.close();
  });
});
