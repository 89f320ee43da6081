// Every step at 1280x900, 375x800 and 320x640 with a complete answer set, saved as
// screenshots in tests/artifacts/ for a person to look at. The test checks what a
// screenshot cannot: the current step is marked, nothing scrolls sideways, "Resultaat"
// stays on screen at 320 px, and the canvases follow the window at devicePixelRatio 2.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openTab, withStorage, waitForReady, screenshot, needsApp, DESKTOP, PHONE, DRAFT_KEY } from './harness.mjs';
import { stepNav } from './ui.mjs';
import { COMPLETE, draft } from './responses.mjs';

const env = useSite({ before, after });
const NARROW = { width: 320, height: 640 };

/** Visible canvases whose backing store is not their CSS size times devicePixelRatio. */
function unsized(page) {
  return page.evaluate(() =>
    [...document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('canvas')]
      .filter((c) => c.getClientRects().length > 0)
      .filter((c) => c.width !== Math.max(1, Math.round(c.clientWidth * devicePixelRatio)) || c.height !== Math.max(1, Math.round(c.clientHeight * devicePixelRatio)))
      .map((c) => `${c.id || c.className}: ${c.width}x${c.height} for ${c.clientWidth}x${c.clientHeight} CSS px`),
  );
}

describe('every step on every screen', () => {
  for (const viewport of [DESKTOP, PHONE, NARROW]) {
    it(`renders every step at ${viewport.width}x${viewport.height}`, needsApp, async () => {
      const tab = await openTab(env.browser, { origins: [env.origin], viewport });
      const { page } = tab;
      await withStorage(page, env.origin, ([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, draft(COMPLETE, { step: 0 })]);
      await page.goto(env.url);
      await waitForReady(page);
      const steps = stepNav(page).locator('button, a');
      const count = await steps.count();
      assert.ok(count >= 6, `the nav has a step for each part (${count})`);
      for (let i = 0; i < count; i += 1) {
        await steps.nth(i).click();
        assert.equal(await steps.nth(i).getAttribute('aria-current'), 'step');
        assert.equal(await stepNav(page).locator('[aria-current="step"]').count(), 1, 'one current step');
        const overflow = await page.evaluate(() => {
          const frame = document.querySelector('netwerk-scan').shadowRoot.querySelector('[part="scan"]');
          return Math.max(document.documentElement.scrollWidth - window.innerWidth, frame.scrollWidth - frame.clientWidth);
        });
        assert.ok(overflow <= 0, `no sideways scrolling on step ${i + 1} (${overflow}px too wide)`);
        await screenshot(page, `steps-${viewport.width}-${i + 1}`);
      }
      const last = await steps.nth(count - 1).boundingBox();
      assert.ok(last.x >= 0 && last.x + last.width <= viewport.width, `the last step ("Resultaat") is on screen (${last.x}..${last.x + last.width})`);
      assert.deepEqual(await unsized(page), []);
      tab.assertClean();
      await tab.close();
    });
  }

  it('re-sizes the canvases when the window changes', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.origin], viewport: DESKTOP, deviceScaleFactor: 2 });
    const { page } = tab;
    await withStorage(page, env.origin, ([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, draft(COMPLETE, { step: 3 })]);
    await page.goto(env.url);
    await waitForReady(page);
    assert.deepEqual(await unsized(page), []);
    await page.setViewportSize(PHONE);
    // The ResizeObserver runs after layout; wait until every canvas has caught up.
    await page.waitForFunction(() =>
      [...document.querySelector('netwerk-scan').shadowRoot.querySelectorAll('canvas')]
        .filter((c) => c.getClientRects().length > 0)
        .every((c) => c.width === Math.max(1, Math.round(c.clientWidth * devicePixelRatio))),
    );
    assert.deepEqual(await unsized(page), []);
    tab.assertClean();
    await tab.close();
  });
});
