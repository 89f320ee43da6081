// The element on a course site (issue 11, "The element"): two instances on a host page
// with hostile CSS and a strict CSP, loaded from a copy of dist/widget/ under
// /cursus/netwerkscan/ on another origin than the scan site. Zero CSP violations; the
// host's CSS does not reach the widget and the widget's does not reach the host; each
// instance keeps its own draft; the host hears the events.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openTab, waitForScan, waitForReady, firstChartMarks, canvasDrawn, responseOf, setResponse, screenshot, needsApp } from './harness.mjs';
import { gotoQuestions, firstRadio, gotoResult, scan } from './ui.mjs';
import { COMPLETE, OFF_SCALE, FIRST_ITEM } from './responses.mjs';

const env = useSite({ before, after, course: true });

/** Every computed style of the host's own elements (the probes, body, h1). */
function hostStyles(page) {
  return page.evaluate(() => {
    const out = {};
    for (const sel of ['html', 'body', 'h1', 'h2', '#probe', '#probe-input', '#probe-button']) {
      const style = getComputedStyle(document.querySelector(sel));
      out[sel] = Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]));
    }
    return { styles: out, sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length, heads: document.head.children.length };
  });
}

/** A few computed styles inside an instance's shadow root. */
function inner(page, id) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const pick = (el) => {
      const s = getComputedStyle(el);
      return { display: s.display, visibility: s.visibility, fontSize: s.fontSize, fontFamily: s.fontFamily, color: s.color, letterSpacing: s.letterSpacing, lineHeight: s.lineHeight, padding: s.padding };
    };
    return {
      title: pick(root.querySelector('h1')),
      text: pick(root.querySelector('main p') ?? root.querySelector('p')),
      canvas: pick(root.querySelector('canvas')),
      button: pick(root.querySelector('button')),
      titleText: root.querySelector('h1').textContent,
    };
  }, `#${id}`);
}

describe('the element on a course site', () => {
  it('two instances start under a strict CSP with hostile CSS, and neither side styles the other', async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin, env.origin] });
    const { page } = tab;
    // The widget on its own site, where no host CSS is hostile: what it should look like.
    await page.goto(env.url);
    await waitForScan(page);
    await page.evaluate(() => {
      document.querySelector('netwerk-scan').id = 'scan-a';
    });
    const own = await inner(page, 'scan-a');
    await page.goto(`${env.course.url}control.html`);
    const control = await hostStyles(page);

    await page.goto(`${env.course.url}embed.html`);
    await waitForScan(page, '#scan-a');
    await waitForScan(page, '#scan-b');
    await screenshot(page, 'embed-1280-hostile-start');

    // The first chart is on both canvases; the mark is set once for the page.
    assert.equal(await firstChartMarks(page), 1);
    for (const id of ['scan-a', 'scan-b']) {
      await page.waitForFunction((sel) => {
        const canvas = document.querySelector(sel).shadowRoot.querySelector('canvas');
        return canvas.width > 1;
      }, `#${id}`);
      assert.ok(await canvasDrawn(page, `#${id}`), `${id}: the concepts radar is drawn`);
      const styles = await inner(page, id);
      assert.notEqual(styles.canvas.display, 'none', `${id}: the host's canvas { display: none } reaches the chart`);
      assert.notEqual(styles.button.visibility, 'hidden', `${id}: the host's button { visibility: hidden } reaches the widget`);
      // Fonts, sizes (rem included: the host's root is 40px), colours and spacing are the
      // widget's own, exactly as on its own site.
      for (const where of ['title', 'text', 'button']) {
        for (const name of ['fontSize', 'fontFamily', 'color', 'letterSpacing', 'lineHeight', 'padding']) {
          if (id === 'scan-b' && name === 'color') continue; // B is themed: its accent colours differ on purpose
          assert.equal(styles[where][name], own[where][name], `${id} ${where}: the host's CSS changes ${name}`);
        }
      }
      assert.ok(await scan(page, `#${id}`).locator('[part="main"]').isVisible(), `${id}: its main area is visible`);
    }
    // Each instance speaks its own language: A the page's, B its lang attribute.
    assert.equal((await inner(page, 'scan-a')).titleText, 'Netwerkscan');
    assert.equal((await inner(page, 'scan-b')).titleText, 'Network scan');

    // Theming reaches the widget only through its custom properties and parts.
    const themed = await page.evaluate(() => {
      const root = document.querySelector('#scan-b').shadowRoot;
      return {
        pressed: getComputedStyle(root.querySelector('.lang-toggle [aria-pressed="true"]')).backgroundColor,
        header: getComputedStyle(root.querySelector('[part="header"]')).borderBottomColor,
      };
    });
    assert.equal(themed.pressed, 'rgb(120, 0, 60)', 'the --netwerkscan-accent-dark custom property themes the widget');
    assert.equal(themed.header, 'rgb(1, 2, 3)', '::part(header) styles the header');

    // The host page is exactly as it would be without the widget.
    const embedded = await hostStyles(page);
    assert.equal(embedded.sheets, control.sheets, 'the widget adds no stylesheet to the document');
    assert.equal(embedded.adopted, 0, 'the widget adopts no stylesheet into the document');
    assert.equal(embedded.heads, control.heads + 1, 'the widget adds nothing to <head> (the +1 is its own <script> tag)');
    for (const [sel, style] of Object.entries(control.styles)) {
      // The page grows by the widget's height: that is its place, not its style.
      const grows = sel === 'html' || sel === 'body' ? ['height', 'block-size', 'width', 'inline-size', 'perspective-origin', 'transform-origin'] : [];
      const changed = Object.keys(style).filter((name) => !grows.includes(name) && embedded.styles[sel][name] !== style[name]);
      assert.deepEqual(changed, [], `${sel}: the widget changes the host's computed style (${changed.map((n) => `${n}: ${style[n]} -> ${embedded.styles[sel][n]}`).join(', ')})`);
    }
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });

  it('keeps the two instances apart, and the host hears change, complete and error', needsApp, async () => {
    const tab = await openTab(env.browser, { origins: [env.course.origin] });
    const { page } = tab;
    await page.goto(`${env.course.url}embed.html`);
    await waitForReady(page, '#scan-a');
    await waitForReady(page, '#scan-b');
    const emptyB = await responseOf(page, '#scan-b');

    // An answer in A, given as a participant gives it: the host's `input { display: none
    // !important }` does not hide the widget's inputs.
    await gotoQuestions(page, '#scan-a');
    const radio = firstRadio(page, '#scan-a');
    assert.ok(await radio.isVisible(), 'the radio buttons are visible despite the host CSS');
    await radio.check();
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'netwerkscan-change'));
    const change = await page.evaluate(() => window.heard.find((e) => e.type === 'netwerkscan-change'));
    assert.equal(change.target, 'scan-a');
    assert.equal(change.bubbles, true);
    assert.equal(change.composed, true);
    const responseA = await responseOf(page, '#scan-a');
    assert.deepEqual(change.response, responseA, 'the event carries the response as the element has it');
    await screenshot(page, 'embed-1280-hostile-answer', { fullPage: false });

    // A's draft is under A's key only; B is untouched.
    const stored = await page.evaluate(() => ({ a: localStorage.getItem('cursus:groep-a'), b: localStorage.getItem('cursus:groep-b'), plain: localStorage.getItem('netwerkscan:draft') }));
    assert.ok(stored.a, 'A keeps a draft under its storage-key');
    assert.deepEqual(JSON.parse(stored.a).response, responseA);
    assert.equal(stored.plain, null, 'nothing is kept under the default key');
    assert.ok(stored.b === null || JSON.stringify(JSON.parse(stored.b).response) === JSON.stringify(emptyB), 'B keeps no answers of A');
    assert.deepEqual(await responseOf(page, '#scan-b'), emptyB);
    assert.ok(!(await page.evaluate(() => window.heard.some((e) => e.target === 'scan-b'))), 'B fired nothing');

    // B gets a complete response through its property and reaches the result.
    await setResponse(page, COMPLETE, '#scan-b');
    await gotoResult(page, '#scan-b', 'en');
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'netwerkscan-complete'));
    const complete = await page.evaluate(() => window.heard.find((e) => e.type === 'netwerkscan-complete'));
    assert.equal(complete.target, 'scan-b');
    assert.deepEqual(complete.response.answers, COMPLETE.answers);
    assert.equal(complete.report.view, 'respondent');
    assert.equal(complete.report.respondents, 1);
    assert.equal(Object.keys(complete.report.concepts).length, 6);
    assert.deepEqual(complete.report, await page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('#scan-b').report))), 'the report property is the report of the event');
    assert.deepEqual(await responseOf(page, '#scan-a'), responseA, 'A did not change');
    await screenshot(page, 'embed-1280-hostile-result');

    // A bad response through the property: an error event with a readable message,
    // and nothing changes.
    await setResponse(page, OFF_SCALE, '#scan-a');
    await page.waitForFunction(() => window.heard.some((e) => e.type === 'netwerkscan-error'));
    const error = await page.evaluate(() => window.heard.find((e) => e.type === 'netwerkscan-error'));
    assert.equal(error.target, 'scan-a');
    assert.ok(error.message.includes(FIRST_ITEM), `the message names the field: ${error.message}`);
    assert.ok(!/\[object|undefined|RuntimeError|at .*\.js/.test(error.message), `the message is readable: ${error.message}`);
    assert.deepEqual(await responseOf(page, '#scan-a'), responseA, 'a refused response changes nothing');

    // reset() clears A and its draft, and leaves B alone.
    await page.evaluate(() => document.querySelector('#scan-a').reset());
    const afterReset = await responseOf(page, '#scan-a');
    assert.deepEqual(afterReset.answers, {});
    assert.deepEqual((await responseOf(page, '#scan-b')).answers, COMPLETE.answers);
    assert.deepEqual(tab.violations, []);
    tab.assertClean();
    await tab.close();
  });
});
