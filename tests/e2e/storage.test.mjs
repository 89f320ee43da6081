// The draft under hostile storage (issue 8, "Page defects found" 1 and 2): a full
// localStorage still gives back the draft, and autosave tries again at the next change;
// a damaged 1.2 MB draft with ~4 KB free gets no false "copy kept" message and is
// offered as a download before anything overwrites it.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, openTab, withStorage, waitForReady, responseOf, storedDraft, screenshot, needsApp, DRAFT_KEY } from './harness.mjs';
import { answerGroup, messagesText, scan } from './ui.mjs';
import { PARTIAL, draft } from './responses.mjs';

const env = useSite({ before, after });

/**
 * Fills localStorage until even one more character does not fit, with keys
 * `filler:<n>`; keeps `reserve` characters free when asked (under the key `reserve`,
 * removed at the end). Runs in the page; returns whether a 100-character write fails.
 */
function fillStorage(reserve) {
  if (reserve) localStorage.setItem('reserve', 'r'.repeat(reserve));
  let chunk = 'x'.repeat(1 << 20);
  let n = 0;
  while (chunk.length > 0) {
    try {
      localStorage.setItem(`filler:${n}`, chunk);
      n += 1;
    } catch {
      chunk = chunk.slice(0, chunk.length >> 1);
    }
  }
  if (reserve) localStorage.removeItem('reserve');
  try {
    localStorage.setItem('probe', 'p'.repeat(reserve ? reserve * 4 : 100));
    localStorage.removeItem('probe');
    return false;
  } catch {
    return true;
  }
}

describe('the draft when storage is full or damaged', () => {
  it('a full localStorage still restores the draft, and autosave retries at the next change', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    await withStorage(page, env.origin, ([key, text]) => {
      localStorage.clear();
      localStorage.setItem(key, text);
    }, [DRAFT_KEY, draft(PARTIAL, { step: 1 })]);
    const full = await page.evaluate(fillStorage, 0);
    assert.equal(full, true, 'localStorage is full');
    await page.goto(env.url);
    await waitForReady(page);
    const restored = await responseOf(page);
    assert.equal(restored.respondent.alias, PARTIAL.respondent.alias, 'the draft is restored although storage is full');
    assert.deepEqual(restored.answers, PARTIAL.answers);
    await screenshot(page, 'storage-1280-full-restored', { fullPage: false });

    // An answer while storage is full cannot be kept; once there is room, the next one is.
    await answerGroup(page, 'netwerk-scan', 0);
    const stillOld = await storedDraft(page);
    assert.deepEqual(stillOld.response.answers, PARTIAL.answers, 'nothing could be written while full');
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler:')) localStorage.removeItem(key);
    });
    await answerGroup(page, 'netwerk-scan', 1);
    const now = await responseOf(page);
    await page.waitForFunction(([key, want]) => localStorage.getItem(key)?.includes(want), [DRAFT_KEY, JSON.stringify(now.answers).slice(1, -1)]);
    assert.deepEqual((await storedDraft(page)).response, now, 'autosave works again after space was freed');
    tab.assertClean();
    await tab.close();
  });

  it('a damaged 1.2 MB draft with ~4 KB free: no false message, offered as a download before it is overwritten', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    const damaged = `{"version":1,"lang":"nl","step":1,"response":{"format":"netwerkscan-response","version":2,"answers":{"x":"${'ê'.repeat(1_200_000)}`;
    await withStorage(page, env.origin, ([key, text]) => {
      localStorage.clear();
      localStorage.setItem(key, text);
    }, [DRAFT_KEY, damaged]);
    assert.equal(await page.evaluate(fillStorage, 4096), true, 'no room for a copy of the damaged draft');
    await page.goto(env.url);
    await waitForReady(page);
    const said = await messagesText(page);
    assert.match(said, /beschadigd/, `the page says the draft was damaged: ${said}`);
    const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':corrupt:')));
    assert.deepEqual(copies, [], 'no copy fitted');
    assert.doesNotMatch(said, /kopie staat onder|sleutel “/i, `no false "copy kept" message: ${said}`);
    await screenshot(page, 'storage-1280-damaged-full', { fullPage: false });

    // An answer does not overwrite the damaged draft before the participant has it.
    const offer = scan(page).locator('[role="alert"]').getByRole('button', { name: /download/i }).or(scan(page).locator('[role="alert"]').getByRole('link', { name: /download/i })).first();
    assert.ok(await offer.isVisible(), 'the damaged draft is offered as a download');
    await answerGroup(page, 'netwerk-scan', 0);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), damaged, 'the damaged draft is still there');

    const [download] = await Promise.all([page.waitForEvent('download'), offer.click()]);
    assert.equal(readFileSync(await download.path(), 'utf8'), damaged, 'the download is the damaged draft, byte for byte');
    tab.assertClean();
    await tab.close();
  });
});
