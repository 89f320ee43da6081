// The scan in a course site's iframe (issues 8 and 11): the scan site on its own origin
// inside a host page on the course site, with the sandboxes Moodle and WordPress
// pages use. It never hangs on "loading"; where storage or downloads are refused it says
// so in plain words and offers what still works (copying the response text).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, openTab, waitForScan, waitForReady, responseOf, setResponse, shownText, screenshot, needsApp, APP_READY } from './harness.mjs';
import { answerGroup, gotoResult, handover, messagesText, WORDS } from './ui.mjs';
import { COMPLETE } from './responses.mjs';
import { EXAMPLES, payloads } from './group.mjs';

const env = useSite({ before, after, course: true });

// A frame that may not use the Clipboard API (no allow="clipboard-write" on a
// cross-origin iframe) gets a console message from Chromium itself when the scan tries
// it before falling back to a selected text box. The fallback is what is tested.
const CLIPBOARD_POLICY = /Permissions policy violation: The Clipboard API has been blocked/;

/**
 * The course site's host page with the scan in an iframe: on the same site as the host
 * (http://localhost:P, first-party storage) or, with `crossSite`, on another site
 * (http://127.0.0.1:P). Returns {tab, page, frame}.
 */
async function framed({ sandbox, allow, crossSite = false } = {}) {
  const tab = await openTab(env.browser, { origins: [env.course.origin, env.origin, env.sameSiteOrigin], permissions: ['clipboard-read', 'clipboard-write'], tolerate: [CLIPBOARD_POLICY] });
  const params = new URLSearchParams({ src: crossSite ? env.url : env.sameSiteUrl });
  if (sandbox !== undefined) params.set('sandbox', sandbox);
  if (allow !== undefined) params.set('allow', allow);
  await tab.page.goto(`${env.course.url}frame.html?${params}`);
  const handle = await tab.page.waitForSelector('#scan-frame');
  const frame = await handle.contentFrame();
  await waitForScan(frame);
  return { tab, page: tab.page, frame };
}

/**
 * Reloads the scan in the iframe and returns the frame once the new document's scan is
 * ready. `location.reload()` only schedules the navigation: the old document is marked,
 * so that waiting cannot end on it (it is still "ready" until the new one replaces it).
 */
async function reloadFrame(page, frame) {
  await frame.evaluate(() => {
    window.__beforeReload = true;
    location.reload();
  });
  const again = await (await page.waitForSelector('#scan-frame')).contentFrame();
  await again.waitForFunction(() => !window.__beforeReload && document.readyState !== 'loading');
  await waitForReady(again);
  return again;
}

/** Answers one question in the frame and returns the response the element then holds. */
async function answerOne(frame) {
  await waitForReady(frame);
  await answerGroup(frame);
  return responseOf(frame);
}

/**
 * Clicks "copy" in the hand-over section and returns the response text the participant
 * can take: from the clipboard, or from the text field the page shows to copy from.
 */
async function copyResponse(page, frame) {
  const section = handover(frame);
  await section.getByRole('button', { name: WORDS.nl.copy }).first().click();
  await frame.waitForTimeout(300);
  const shown = await section.locator('textarea, pre, output').evaluateAll((els) => els.map((el) => el.value ?? el.textContent));
  const clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
  return [clipboard, ...shown].find((text) => text && text.includes('"netwerkscan-response"')) ?? null;
}

describe('the scan in an iframe', () => {
  it('sandbox="allow-scripts": starts without storage, never hangs on loading', async () => {
    const { tab, page, frame } = await framed({ sandbox: 'allow-scripts' });
    assert.equal(await frame.evaluate(() => origin), 'null', 'the frame has an opaque origin');
    const text = await shownText(frame);
    if (APP_READY) {
      await waitForReady(frame);
      assert.ok(!/wordt geladen|Loading the scan/.test(await shownText(frame)), 'the scan is not stuck on loading');
    }
    assert.ok(text.length > 0);
    await screenshot(page, 'frames-1280-sandbox-scripts', { fullPage: false });
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });

  it('sandbox="allow-scripts": says answers are not saved automatically, keeps them in memory and offers the text', needsApp, async () => {
    const { tab, page, frame } = await framed({ sandbox: 'allow-scripts' });
    await waitForReady(frame);
    const said = await messagesText(frame);
    assert.match(said, WORDS.nl.notSaved, `the frame says answers are not saved automatically: ${said}`);
    assert.ok(!/SecurityError|DOMException|Failed to read|localStorage|sandbox/.test(said), `plain words, no browser exception: ${said}`);
    const answered = await answerOne(frame);
    assert.ok(Object.keys(answered.answers).length + answered.respondent.roles.length + (answered.respondent.position ? 1 : 0) > 0, 'the answer is kept in memory');

    await setResponse(frame, COMPLETE);
    await gotoResult(frame);
    const text = await copyResponse(page, frame);
    assert.ok(text, 'the response text can be copied');
    assert.deepEqual(JSON.parse(text).answers, COMPLETE.answers);
    await screenshot(page, 'frames-1280-sandbox-scripts-handover');
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });

  it('sandbox="allow-scripts allow-same-origin" on the same site: the draft is kept; without allow-downloads copying is offered too', needsApp, async () => {
    const { tab, page, frame } = await framed({ sandbox: 'allow-scripts allow-same-origin' });
    const answered = await answerOne(frame);
    assert.doesNotMatch(await messagesText(frame), WORDS.nl.notSaved);
    const again = await reloadFrame(page, frame);
    assert.deepEqual(await responseOf(again), answered, 'the answer is back after a reload');

    // Downloads are refused in this frame: the hand-over still offers copying the text.
    await setResponse(again, COMPLETE);
    await gotoResult(again);
    const section = handover(again);
    assert.ok(await section.getByRole('button', { name: WORDS.nl.save }).first().isVisible());
    const text = await copyResponse(page, again);
    assert.ok(text, 'the response text can be copied');
    assert.deepEqual(JSON.parse(text).answers, COMPLETE.answers);
    tab.assertClean();
    await tab.close();
  });

  it('sandbox="allow-scripts allow-same-origin allow-downloads" on the same site: saving downloads the file', needsApp, async () => {
    const { tab, page, frame } = await framed({ sandbox: 'allow-scripts allow-same-origin allow-downloads' });
    await waitForReady(frame);
    await setResponse(frame, COMPLETE);
    await gotoResult(frame);
    const section = handover(frame);
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: WORDS.nl.save }).first().click()]);
    assert.match(download.suggestedFilename(), /^netwerkscan-.*\.json$/);
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), 'utf8')).answers, COMPLETE.answers);
    tab.assertClean();
    await tab.close();
  });

  it('a cross-site iframe without sandbox: starts, and keeps the draft or says it cannot', async () => {
    const { tab, page, frame } = await framed({ crossSite: true });
    assert.equal(await frame.evaluate(() => origin), env.origin);
    assert.notEqual(await page.evaluate(() => origin), env.origin, 'the host is on another origin');
    if (APP_READY) {
      const answered = await answerOne(frame);
      const again = await reloadFrame(page, frame);
      const kept = JSON.stringify(await responseOf(again)) === JSON.stringify(answered);
      assert.ok(kept || WORDS.nl.notSaved.test(await messagesText(again)), 'the draft is kept, or the page says it is not');
    }
    await screenshot(page, 'frames-1280-cross-origin', { fullPage: false });
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });
});

describe("the group view in an iframe: the facilitator's downloads", () => {
  /** The group page at `src` in a frame of the page already open, with `sandbox`; returns the frame with the five examples read. */
  async function groupFrame(page, src, sandbox) {
    await page.evaluate(
      ([url, box]) => {
        const frame = document.createElement('iframe');
        frame.id = 'group-frame';
        frame.title = 'Netwerkscan, groepsbeeld';
        frame.setAttribute('sandbox', box);
        frame.style.width = '1200px';
        frame.style.height = '900px';
        frame.src = url;
        document.body.prepend(frame);
      },
      [src, sandbox],
    );
    return readExamples(await (await page.waitForSelector('#group-frame')).contentFrame());
  }
  async function readExamples(frame) {
    await frame.waitForSelector('main[data-ready="true"]', { timeout: 20_000 });
    await frame.setInputFiles('#group-files', payloads(EXAMPLES));
    await frame.waitForFunction(() => /^5 respondent/.test(document.querySelector('netwerk-scan').shadowRoot.querySelector('.counts')?.textContent ?? ''));
    return frame;
  }
  const alertText = (frame) => frame.evaluate(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.alert-region .alert-box p').textContent.trim());
  const statusText = (frame) => frame.evaluate(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.status-region')?.textContent.trim() ?? '');

  it('a frame that forbids downloads (readable sandbox): the CSV, the charts and the network file are not offered, and it says so', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    await tab.page.goto(env.url);
    const frame = await groupFrame(tab.page, new URL('group.html', env.url).href, 'allow-scripts allow-same-origin');
    let downloads = 0;
    tab.page.on('download', () => {
      downloads += 1;
    });
    for (const button of ['button[data-action="csv"]', 'button[data-download="png"][data-chart="concepts"]', 'button[data-download="svg"][data-chart="modules"]', 'button[data-action="save-network"]']) {
      await frame.evaluate(() => {
        document.querySelector('netwerk-scan').shadowRoot.querySelector('.alert-region').replaceChildren();
      });
      await frame.click(button);
      await frame.waitForFunction(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.alert-region').textContent.trim() !== '');
      assert.equal(await alertText(frame), 'In dit kader van de website kan de scan geen bestand downloaden. Druk het groepsbeeld af, of open de scan in een eigen venster om de bestanden te bewaren.', button);
    }
    await frame.waitForTimeout(300);
    assert.equal(downloads, 0);
    tab.assertClean();
    await tab.close();
  });

  it('a frame the scan cannot read (another origin): downloads, and says a download may be blocked unseen', async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin, env.sameSiteOrigin] });
    const params = new URLSearchParams({ src: new URL('group.html', env.sameSiteUrl).href, sandbox: 'allow-scripts allow-same-origin allow-downloads' });
    await tab.page.goto(`${env.course.url}frame.html?${params}`);
    const frame = await readExamples(await (await tab.page.waitForSelector('#scan-frame')).contentFrame());
    const [download] = await Promise.all([tab.page.waitForEvent('download'), frame.click('button[data-action="csv"]')]);
    assert.match(download.suggestedFilename(), /^netwerkscan-groep-scores-\d{4}-\d{2}-\d{2}\.csv$/);
    await frame.waitForFunction(() => /tegenhouden/.test(document.querySelector('netwerk-scan').shadowRoot.querySelector('.status-region')?.textContent ?? ''));
    assert.equal(
      await statusText(frame),
      `De scores zijn opgeslagen als “${download.suggestedFilename()}”. De website waarin de scan staat, kan downloads tegenhouden; dat kan de scan niet zien. Staat het bestand niet in je downloads? Druk het groepsbeeld dan af, of open de scan in een eigen venster.`,
    );
    tab.assertClean();
    await tab.close();
  });
});
