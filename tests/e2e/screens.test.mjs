// Every step at 1280x900 and at 375x800, with a complete answer set, saved as
// screenshots in tests/artifacts/ for a person to look at. The test also checks what a
// screenshot cannot: no sideways scrolling on a phone, and the step nav's state.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, gotoScan, screenshot, DESKTOP, PHONE } from './harness.mjs';
import { BERT, seedDraft } from './scan.mjs';

const env = useSite({ before, after });
const STEPS = ['over', 'opgave', 'organisatie', 'relaties', 'belangen', 'ladder', 'resultaat'];

describe('every step at desktop and phone width', () => {
  for (const [name, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ]) {
    it(`renders every step at ${viewport.width}x${viewport.height}`, async () => {
      const tab = await openPage(env.browser, env.url, { viewport, deviceScaleFactor: 1 });
      const { page, context } = tab;
      await seedDraft(context, BERT);
      await gotoScan(page, env.url);
      for (const [index, id] of STEPS.entries()) {
        await page.locator(`.step-button[data-step="${index}"]`).click();
        assert.equal(await page.locator(`.step-button[data-step="${index}"]`).getAttribute('aria-current'), 'step');
        assert.equal(await page.locator(`#step-${id}`).isVisible(), true);
        assert.equal(await page.locator('.step:visible').count(), 1, 'one step at a time');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling on step ${id} (${overflow}px too wide)`);
        await screenshot(page, `steps-${name}-${index + 1}-${id}`);
      }
      tab.assertClean();
      await tab.close();
    });
  }

  it('re-sizes the canvases when the window changes', async () => {
    const tab = await openPage(env.browser, env.url, { viewport: DESKTOP, deviceScaleFactor: 2 });
    const { page, context } = tab;
    await seedDraft(context, BERT);
    await gotoScan(page, env.url);
    const sizes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('canvas.chart')].map((c) => ({ id: c.id, width: c.width, height: c.height, want: Math.round(c.clientWidth * devicePixelRatio), wantH: Math.round(c.clientHeight * devicePixelRatio) })),
      );
    const wide = await sizes();
    await page.setViewportSize(PHONE);
    // The ResizeObserver runs after layout; wait until every canvas has caught up.
    await page.waitForFunction(() => [...document.querySelectorAll('canvas.chart')].every((c) => c.width === Math.round(c.clientWidth * devicePixelRatio) && c.height === Math.round(c.clientHeight * devicePixelRatio)));
    const narrow = await sizes();
    for (const [i, c] of narrow.entries()) {
      assert.equal(c.width, c.want, `${c.id} width follows its CSS size`);
      assert.equal(c.height, c.wantH, `${c.id} height follows its CSS size`);
      assert.notEqual(c.width, wide[i].width, `${c.id} changed size with the window`);
    }
    tab.assertClean();
    await tab.close();
  });
});
