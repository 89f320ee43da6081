// Accessibility: axe-core (WCAG 2.2 A and AA, and best practices) finds nothing on the
// opening screen, a question step, the result step and the group page, at 1280 px and
// at 375 px. axe walks the element's open shadow root; it is injected through the
// DevTools protocol, so the site's CSP stays as strict as it is.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openTab, waitForScan, waitForReady, setResponse, axeViolations, screenshot, needsApp, needsGroup, DESKTOP, PHONE } from './harness.mjs';
import { gotoQuestions, gotoResult } from './ui.mjs';
import { COMPLETE } from './responses.mjs';

const env = useSite({ before, after });

/** Asserts that axe finds nothing, with each violation named in the message. */
async function assertAccessible(page, what) {
  const found = await axeViolations(page);
  assert.deepEqual(found, [], `axe-core on ${what}:\n  ${found.join('\n  ')}`);
}

for (const [name, viewport] of [
  ['1280', DESKTOP],
  ['375', PHONE],
]) {
  describe(`accessibility at ${viewport.width} px`, () => {
    it('the opening screen', async () => {
      const tab = await openTab(env.browser, { origins: [env.origin], viewport });
      await tab.page.goto(env.url);
      await waitForScan(tab.page);
      await assertAccessible(tab.page, `the opening screen at ${name}`);
      tab.assertClean();
      await tab.close();
    });

    it('a question step and the result step', needsApp, async () => {
      const tab = await openTab(env.browser, { origins: [env.origin], viewport });
      const { page } = tab;
      await page.goto(env.url);
      await waitForReady(page);
      // The first step with questions on a scale.
      await gotoQuestions(page);
      await assertAccessible(page, `a question step at ${name}`);
      await setResponse(page, COMPLETE);
      await gotoResult(page);
      await screenshot(page, `a11y-${name}-result`);
      await assertAccessible(page, `the result step at ${name}`);
      tab.assertClean();
      await tab.close();
    });

    it('the group page', needsGroup, async () => {
      const tab = await openTab(env.browser, { origins: [env.origin], viewport });
      await tab.page.goto(`${env.url}group.html`);
      await waitForScan(tab.page);
      await assertAccessible(tab.page, `the group page at ${name}`);
      tab.assertClean();
      await tab.close();
    });
  });
}
