// dist/netwerkscan.html, the one file a participant carries (issue 11, "Offline"):
// opened from file:// with the network off, it starts, draws the charts, can be filled
// in and saves the response file, with zero CSP violations and no request at all.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openTab, withoutSavePicker, privateCopy, distDir, waitForScan, waitForReady, firstChartMarks, canvasDrawn, responseOf, screenshot, needsApp, PHONE } from './harness.mjs';
import { answerGroup, gotoResult, handover, WORDS } from './ui.mjs';
import { COMPLETE } from './responses.mjs';

let browser;
let copy;
before(async () => {
  // A copy in a folder of its own, as a participant would have it in Downloads.
  copy = privateCopy(path.join(distDir(), 'netwerkscan.html'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  copy?.remove();
});

/** The single file in a context with the network off: nothing but the file may load. */
async function openOffline(options = {}) {
  const tab = await openTab(browser, options);
  await withoutSavePicker(tab.context);
  await tab.context.setOffline(true);
  const url = tab.allow(pathToFileURL(copy.path).href);
  await tab.page.goto(url);
  await waitForScan(tab.page);
  return tab;
}

describe('the single file from disk, offline', () => {
  it('starts from file:// with the network off and draws the first chart', async () => {
    const html = readFileSync(copy.path, 'utf8');
    assert.ok(!/<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?https?:/i.test(html), 'the file refers to no other file');
    const tab = await openOffline();
    const { page } = tab;
    assert.equal(await firstChartMarks(page), 1);
    assert.ok(await canvasDrawn(page), 'the concepts radar is drawn');
    await screenshot(page, 'single-1280-start', { fullPage: false });
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });

  it('is filled in, shows the charts and saves the response file, all offline', needsApp, async () => {
    const tab = await openOffline({ viewport: PHONE });
    const { page } = tab;
    await waitForReady(page);
    await answerGroup(page);
    const answered = await responseOf(page);
    // Load a complete response through the property and go to the result.
    await page.evaluate((value) => {
      document.querySelector('netwerk-scan').response = value;
    }, COMPLETE);
    await gotoResult(page);
    const charts = await page.evaluate(() => [...document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('canvas')].filter((c) => c.getClientRects().length > 0).map((c) => c.id || c.className));
    assert.ok(charts.length >= 1, 'the result shows charts');
    for (const id of charts.filter(Boolean).slice(0, 4)) {
      if (id.includes(' ')) continue;
      assert.ok(await canvasDrawn(page, 'netwerk-scan', `#${id}`), `chart ${id} is drawn`);
    }
    await screenshot(page, 'single-375-result');

    const section = handover(page);
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: WORDS.nl.save }).first().click()]);
    assert.match(download.suggestedFilename(), /^netwerkscan-.*\.json$/);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.format, 'netwerkscan-response');
    assert.deepEqual(saved.answers, COMPLETE.answers, 'the saved file holds the answers');
    assert.notDeepEqual(answered.answers, saved.answers);
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });
});
