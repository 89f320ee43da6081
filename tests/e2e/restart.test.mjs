// "Begin opnieuw" asks in a dialog; cancel and Escape keep everything, confirm clears it
// (also after a reload). A small damaged draft is kept aside under a key that exists,
// the message names that key, and the scan starts empty and keeps working.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openTab, withStorage, waitForReady, responseOf, storedDraft, screenshot, needsApp, DRAFT_KEY } from './harness.mjs';
import { answerGroup, messagesText, scan } from './ui.mjs';
import { PARTIAL, draft } from './responses.mjs';

const env = useSite({ before, after });

describe('starting again', () => {
  it('asks first: cancel and Escape keep the answers, confirm clears them', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    await withStorage(page, env.origin, ([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, draft(PARTIAL, { step: 1 })]);
    await page.goto(env.url);
    await waitForReady(page);
    const before = await responseOf(page);
    assert.deepEqual(before.answers, PARTIAL.answers);

    const restart = scan(page).getByRole('button', { name: 'Begin opnieuw' });
    const dialog = scan(page).getByRole('dialog', { name: 'Opnieuw beginnen?' });
    await restart.click();
    await dialog.waitFor();
    await screenshot(page, 'restart-1280-dialog', { fullPage: false });
    // The safe choice has the focus.
    const focused = await page.evaluate(() => document.querySelector('netwerk-scan').shadowRoot.activeElement?.textContent?.trim());
    assert.equal(focused, 'Annuleren');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await responseOf(page), before);

    await restart.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await responseOf(page), before);
    assert.deepEqual((await storedDraft(page)).response.answers, PARTIAL.answers);

    await restart.click();
    await dialog.getByRole('button', { name: 'Ja, wis alles' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const cleared = await responseOf(page);
    assert.deepEqual(cleared.answers, {});
    assert.equal(cleared.respondent.alias, '');
    const stored = await storedDraft(page);
    assert.ok(stored === null || Object.keys(stored.response.answers).length === 0, 'the draft is cleared too');

    await page.reload();
    await waitForReady(page);
    assert.deepEqual((await responseOf(page)).answers, {}, 'still empty after a reload');
    tab.assertClean();
    await tab.close();
  });

  it('survives a damaged draft: keeps a copy under the key it names, starts empty, keeps working', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    const damaged = '{"version":1,"lang":"nl","step":2,"response":{"format":"netwerkscan-response","version":2,"answers":{"opgave-eigen":9}';
    await withStorage(page, env.origin, ([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, damaged]);
    await page.goto(env.url);
    await waitForReady(page);
    const said = await messagesText(page);
    assert.match(said, /beschadigd/);
    const copies = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:corrupt:`)), DRAFT_KEY);
    assert.equal(copies.length, 1, 'a copy of the damaged draft is kept');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), copies[0]), damaged, 'the copy is the damaged text');
    assert.ok(said.includes(copies[0]), `the message names the key of the copy: ${said}`);
    assert.deepEqual((await responseOf(page)).answers, {});
    await screenshot(page, 'restart-1280-damaged-draft', { fullPage: false });

    // The scan works: an answer becomes a fresh draft.
    await answerGroup(page);
    const now = await responseOf(page);
    await page.waitForFunction(([key, want]) => localStorage.getItem(key) && JSON.stringify(JSON.parse(localStorage.getItem(key)).response) === want, [DRAFT_KEY, JSON.stringify(now)]);
    tab.assertClean();
    await tab.close();
  });
});
