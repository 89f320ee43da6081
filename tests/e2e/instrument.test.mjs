// A trainer's own instrument (the element's `instrument` attribute) that breaks the
// rules: the scan does not start, and says why in the page's language, every problem
// with its field, in Dutch on a Dutch page and in English on an English one.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { useSite, openTab, shownText, INSTRUMENT } from './harness.mjs';

const env = useSite({ before, after });

/** The built-in instrument with two mistakes: a number for the title, text for `reverse`. */
function badInstrument() {
  const bad = structuredClone(INSTRUMENT);
  bad.title = 1;
  bad.items[20].reverse = 'ja';
  return JSON.stringify(bad, null, 2);
}

/** A page of the scan site in `lang` with one element that loads `instrument`. */
function trainerPage(lang, instrument) {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <title>Eigen vragenlijst</title>
  <script type="module" src="netwerk-scan.js"></script>
</head>
<body>
  <netwerk-scan instrument="${instrument}"></netwerk-scan>
</body>
</html>
`;
}

/** The text of the element's load error, once it shows one. */
async function loadError(page) {
  try {
    await page.waitForFunction(() => document.querySelector('netwerk-scan')?.shadowRoot?.querySelector('.load-error'), null, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`no load error: ${error.message}\nit shows: ${await shownText(page)}`);
  }
  return page.evaluate(() => document.querySelector('netwerk-scan').shadowRoot.querySelector('.load-error').textContent);
}

describe("a trainer's instrument", () => {
  before(() => {
    writeFileSync(path.join(env.server.dir, 'eigen-vragenlijst.json'), badInstrument());
    writeFileSync(path.join(env.server.dir, 'trainer-nl.html'), trainerPage('nl', 'eigen-vragenlijst.json'));
    writeFileSync(path.join(env.server.dir, 'trainer-en.html'), trainerPage('en', 'eigen-vragenlijst.json'));
  });

  it('that is not valid lists its problems in Dutch on a Dutch page', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    await page.goto(`${env.url}trainer-nl.html`);
    assert.equal(
      await loadError(page),
      'De scan kon niet worden geladen: de vragenlijst eigen-vragenlijst.json klopt niet: instrument: 2 problemen:\n' +
        '- title: verwacht een object, gevonden: een getal\n' +
        '- items[20].reverse: verwacht true of false, gevonden: tekst',
    );
    // Said once, in the alert box; nothing is left where the scan would be.
    const said = await page.evaluate(() => {
      const root = document.querySelector('netwerk-scan').shadowRoot;
      return {
        times: root.textContent.split('De scan kon niet worden geladen').length - 1,
        inAlert: Boolean(root.querySelector('.alert-region .load-error')),
        main: root.querySelector('main')?.textContent ?? null,
      };
    });
    assert.deepEqual(said, { times: 1, inAlert: true, main: '' });
    tab.assertClean();
    await tab.close();
  });

  it('that is not valid lists its problems in English on an English page', async () => {
    const tab = await openTab(env.browser, { origins: [env.origin] });
    const { page } = tab;
    await page.goto(`${env.url}trainer-en.html`);
    assert.equal(
      await loadError(page),
      'The scan could not be loaded: the questionnaire eigen-vragenlijst.json is not valid: instrument: 2 problems:\n' +
        '- title: expected an object, found a number\n' +
        '- items[20].reverse: expected true or false, found text',
    );
    tab.assertClean();
    await tab.close();
  });
});
