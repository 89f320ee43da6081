// The served site after one visit (issue 11, "Offline"): the service worker keeps the
// build, so the page reloads and works with the network off; a new build is announced
// with a short note and takes over on the next visit. The site has a web app manifest.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useSite, openTab, waitForScan, waitForReady, firstChartMarks, canvasDrawn, responseOf, screenshot, APP_READY, PHONE } from './harness.mjs';
import { answerGroup } from './ui.mjs';

const env = useSite({ before, after });

/** The cache names the service worker keeps. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

describe('the served site offline', () => {
  it('reloads with the network off after one visit, and announces a new build', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin], serviceWorkers: 'allow', failedRequests: true, viewport: PHONE });
    const { page, context } = tab;
    await page.goto(env.url);
    await waitForScan(page);
    // The service worker is installed and active: its cache holds this build.
    await page.evaluate(() => navigator.serviceWorker.ready);
    const [cache] = await cacheNames(page);
    assert.match(cache, /^netwerkscan-[0-9a-f]{16}$/);

    // The manifest lets a phone add the site to its home screen.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      return (await fetch(link.href)).json();
    });
    assert.ok(manifest.name && manifest.start_url && manifest.display, 'the manifest has a name, start_url and display');
    assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512'), 'the manifest has a 512 px icon');

    // Offline: the network is gone, and so is every request the worker does not answer.
    await context.setOffline(true);
    await page.reload();
    await waitForScan(page);
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'the page comes from the service worker');
    assert.equal(await firstChartMarks(page), 1);
    assert.ok(await canvasDrawn(page), 'the concepts radar is drawn offline');
    // ?lang=en is the same page, from the cache too.
    await page.goto(`${env.url}?lang=en`);
    await waitForScan(page);
    assert.equal(await page.evaluate(() => document.querySelector('netwerk-scan').language), 'en');
    if (APP_READY) {
      // The full module and the form come from the cache as well: an answer is kept.
      await waitForReady(page);
      await answerGroup(page);
      const response = await responseOf(page);
      await page.reload();
      await waitForReady(page);
      assert.deepEqual(await responseOf(page), response, 'the answer is there after an offline reload');
    }
    await screenshot(page, 'offline-375-reloaded', { fullPage: false });

    // A new build on the server: the next visit online finds it, and says so.
    await context.setOffline(false);
    const swPath = path.join(env.server.dir, 'sw.js');
    const old = cache.slice('netwerkscan-'.length);
    const next = old.replace(/^./, (c) => (c === 'f' ? '0' : 'f'));
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(old, next));
    await page.goto(env.url);
    await waitForScan(page);
    const note = page.locator('#update-note');
    await note.waitFor({ timeout: 20_000 });
    // In the scan's language: the draft remembers the English of the ?lang=en visit.
    assert.match(await note.textContent(), /nieuwe versie.*volgende bezoek|new version.*next visit/);
    assert.equal(await note.getAttribute('role'), 'status');
    await screenshot(page, 'offline-375-update-note', { fullPage: false });

    // The new build takes over on the next visit: the old cache is gone then.
    await page.close();
    const again = await context.newPage();
    await again.goto(env.url);
    await waitForScan(again);
    await again.waitForFunction((name) => caches.keys().then((keys) => keys.length === 1 && keys[0] === name), `netwerkscan-${next}`, { timeout: 20_000 });
    assert.equal(await again.locator('#update-note').count(), 0, 'no note once the new build is in use');
    tab.assertClean();
    await tab.close();
  });
});
