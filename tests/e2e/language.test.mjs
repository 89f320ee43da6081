// Dutch and English: `?lang=en` on the site, the element's language buttons (every text
// from the instrument and the page follows, the answers and the draft stay), and back.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openTab, withStorage, waitForScan, waitForReady, responseOf, storedDraft, shownText, screenshot, needsApp, INSTRUMENT, DRAFT_KEY } from './harness.mjs';
import { scan, stepNav, gotoResult } from './ui.mjs';
import { COMPLETE, draft } from './responses.mjs';

const env = useSite({ before, after });

describe('language', () => {
  it('?lang=en opens the site in English', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    await page.goto(`${env.url}?lang=en`);
    await waitForScan(page);
    assert.equal(await page.evaluate(() => document.querySelector('netwerk-scan').language), 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await scan(page).locator('h1').first().textContent(), 'Network scan');
    assert.equal(await scan(page).getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    // The site's own link speaks English too, and the group page it opens as well.
    const link = page.getByRole('navigation', { name: 'More' }).getByRole('link');
    assert.equal(await link.textContent(), "For facilitators: all partners' answers side by side");
    await link.click();
    await page.waitForURL(/group\.html\?lang=en$/);
    await waitForScan(page);
    assert.equal(await page.evaluate(() => document.querySelector('netwerk-scan').language), 'en');
    assert.equal(await page.getByRole('navigation', { name: 'More' }).getByRole('link').textContent(), 'Back to the scan');
    // Without it the page's language, Dutch.
    await page.goto(env.url);
    await waitForScan(page);
    assert.equal(await page.evaluate(() => document.querySelector('netwerk-scan').language), 'nl');
    assert.equal(await page.getByRole('navigation', { name: 'Meer' }).getByRole('link').textContent(), 'Voor procesbegeleiders: de antwoorden van alle partners naast elkaar');
    tab.assertClean();
    await tab.close();
  });

  it('switches every text to English and back, and keeps the answers', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    await withStorage(page, env.origin, ([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, draft(COMPLETE, { step: 1 })]);
    await page.goto(env.url);
    await waitForReady(page);
    const before = await responseOf(page);
    const item = INSTRUMENT.items[0];
    await scan(page).getByText(item.text.nl).first().waitFor();

    await scan(page).getByRole('button', { name: 'English' }).click();
    await scan(page).getByText(item.text.en).first().waitFor();
    // The site around the element follows the toggle.
    assert.equal(await page.getByRole('navigation', { name: 'More' }).getByRole('link').textContent(), "For facilitators: all partners' answers side by side");
    assert.equal(await scan(page).getByText(item.text.nl).count(), 0, 'no Dutch item text is left');
    assert.equal(await scan(page).getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    const nav = (await stepNav(page).textContent()).replace(/\s+/g, ' ');
    for (const label of [INSTRUMENT.modules[0].short.en, INSTRUMENT.modules[4].short.en, 'Result']) {
      assert.ok(nav.includes(label), `the step nav shows "${label}" (${nav})`);
    }
    await screenshot(page, 'language-1280-en-step');
    await gotoResult(page, 'netwerk-scan', 'en');
    const shown = await shownText(page);
    const adviceTitles = INSTRUMENT.advice.map((a) => a.title.en).filter((title) => shown.includes(title));
    assert.ok(adviceTitles.length > 0, 'the result shows advice in English');
    assert.ok(!INSTRUMENT.advice.some((a) => shown.includes(a.title.nl) && a.title.nl !== a.title.en), 'and no Dutch advice');
    await screenshot(page, 'language-1280-en-result');
    assert.deepEqual(await responseOf(page), before, 'the answers are kept');
    assert.equal((await storedDraft(page)).lang, 'en', 'the draft remembers the language');

    await scan(page).getByRole('button', { name: 'Nederlands' }).click();
    await scan(page).getByText(INSTRUMENT.advice.find((a) => a.title.en === adviceTitles[0]).title.nl).first().waitFor();
    assert.deepEqual(await responseOf(page), before);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('netwerkscan:first-chart').length), 1, 'one first-chart mark');
    tab.assertClean();
    await tab.close();
  });
});
