// The hand-over section of the result step (issue 11, "Handing over"), in a course
// site's host page: save the file (and say where it went), copy the response as text,
// and, with trainer-name and trainer-email, "stuur dit bestand naar ..." with a mailto:
// link that fills in subject and body and says the file must be attached by hand.
// (Filling in the scan itself is respondent.test.mjs's.)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, openTab, fakeSavePicker, withoutSavePicker, waitForReady, setResponse, responseOf, screenshot, needsApp } from './harness.mjs';
import { gotoResult, handover, messagesText, WORDS } from './ui.mjs';
import { COMPLETE } from './responses.mjs';

const env = useSite({ before, after, course: true });

describe('handing the answers over', () => {
  it('saves, copies and mails to the trainer named by the host page', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin], permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = tab;
    await withoutSavePicker(tab.context);
    await page.goto(`${env.course.url}embed.html`);
    await waitForReady(page, '#scan-a');
    await setResponse(page, COMPLETE, '#scan-a');
    await gotoResult(page, '#scan-a');
    const section = handover(page, '#scan-a');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'handover-1280-trainer', { fullPage: false });
    const text = (await section.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /stuur dit bestand naar Tess Trainer/i, `the section names the trainer: ${text}`);

    // mailto: with the trainer's address, a subject and a body; the file is attached by hand.
    const mail = section.locator('a[href^="mailto:"]').first();
    const href = new URL(await mail.getAttribute('href'));
    assert.equal(decodeURIComponent(href.pathname), 'tess.trainer@example.org');
    assert.ok(href.searchParams.get('subject'), 'the mail has a subject');
    assert.ok(href.searchParams.get('body'), 'the mail has a body');
    assert.match(text, /bijlage|bijvoeg|toevoeg|meestu|zelf aan|attach/i, `the section says the file must be attached by hand: ${text}`);

    // Save: a download named after the participant, and the page says where it went.
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: WORDS.nl.save }).first().click()]);
    assert.match(download.suggestedFilename(), /^netwerkscan-Bert-.*\.json$/);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(saved, await responseOf(page, '#scan-a'));
    const after = `${await messagesText(page, '#scan-a')} ${await section.textContent()}`;
    assert.match(after, new RegExp(download.suggestedFilename().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the page names the saved file');
    assert.match(after, /download/i, 'and says where it went (the downloads folder)');

    // Copy: the response as text on the clipboard.
    await section.getByRole('button', { name: WORDS.nl.copy }).first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(JSON.parse(copied), saved, 'the copied text is the response file');
    tab.assertClean();
    await tab.close();
  });

  it("saves through the browser's save dialog where there is one, and says the file is where the participant chose", needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin] });
    const { page } = tab;
    await fakeSavePicker(tab.context);
    await page.goto(`${env.course.url}embed.html`);
    await waitForReady(page, '#scan-a');
    await setResponse(page, COMPLETE, '#scan-a');
    await gotoResult(page, '#scan-a');
    const section = handover(page, '#scan-a');
    await section.getByRole('button', { name: WORDS.nl.save }).first().click();
    await page.waitForFunction(() => window.__saved);
    const saved = await page.evaluate(() => window.__saved);
    assert.match(saved.suggestedName, /^netwerkscan-Bert-.*\.json$/);
    assert.deepEqual(JSON.parse(saved.text), await responseOf(page, '#scan-a'));
    const said = `${await messagesText(page, '#scan-a')} ${await section.textContent()}`;
    assert.ok(said.includes(saved.suggestedName), `the page names the file: ${said}`);
    tab.assertClean();
    await tab.close();
  });

  it('without a trainer named, tells the participant to send the file to the trainer', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin] });
    const { page } = tab;
    await page.goto(`${env.course.url}embed.html`);
    await waitForReady(page, '#scan-b');
    await setResponse(page, COMPLETE, '#scan-b');
    await gotoResult(page, '#scan-b', 'en');
    const section = handover(page, '#scan-b', 'en');
    await section.waitFor();
    const text = (await section.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /trainer|facilitator/i, `the section says whom to send it to: ${text}`);
    assert.equal(await section.locator('a[href^="mailto:"]').count(), 0, 'no mailto: link without an address');
    assert.ok(await section.getByRole('button', { name: WORDS.en.save }).first().isVisible());
    assert.ok(await section.getByRole('button', { name: WORDS.en.copy }).first().isVisible());
    tab.assertClean();
    await tab.close();
  });
});
