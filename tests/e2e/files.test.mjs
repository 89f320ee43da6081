// Opening response files: a bad file is refused with a message that names the file and
// the field, and changes nothing; a good file replaces the answers after a question.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, gotoScan, screenshot, INSTRUMENT } from './harness.mjs';
import { ANNA, BERT, responseOf, seedDraft, storedDraft } from './scan.mjs';

const env = useSite({ before, after });

async function chooseFile(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Antwoorden openen' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

describe('opening a response file', () => {
  it('refuses a bad file with a message naming the field, and keeps the answers', async () => {
    const tab = await openPage(env.browser, env.url);
    const { page, context } = tab;
    await seedDraft(context, ANNA, { step: 1 });
    await gotoScan(page, env.url);
    const before = await storedDraft(page);

    const bad = responseOf(BERT);
    bad.answers['opgave-1'] = 7;
    await chooseFile(page, 'kapot.json', JSON.stringify(bad));
    const alert = page.getByRole('alert');
    await alert.getByText('kapot.json').waitFor();
    const message = await alert.textContent();
    assert.match(message, /answers\.opgave-1/, 'the message names the field');
    assert.match(message, /7 ligt niet op de schaal 1\.\.5/, 'the message names the value, in Dutch');
    assert.match(message, /niet veranderd/, 'the message says nothing changed');
    await screenshot(page, 'files-1280-bad-file', { fullPage: false });

    // Nothing changed: not the stored draft, not the form.
    assert.deepEqual(await storedDraft(page), before);
    assert.equal(await page.locator('input[name="answer:opgave-1"][value="4"]').isChecked(), true);

    // Not JSON at all.
    await chooseFile(page, 'notities.json', 'dit is geen json');
    await alert.getByText('notities.json').waitFor();
    assert.match(await alert.textContent(), /JSON/);
    assert.deepEqual(await storedDraft(page), before);
    tab.assertClean();
    await tab.close();
  });

  it('opens a good file after asking, and shows its answers', async () => {
    const tab = await openPage(env.browser, env.url);
    const { page, context } = tab;
    await seedDraft(context, ANNA, { step: 1 });
    await gotoScan(page, env.url);

    await chooseFile(page, 'bert.json', JSON.stringify(responseOf(BERT), null, 2));
    // There are answers already, so the page asks first; cancel keeps Anna.
    const dialog = page.getByRole('dialog', { name: 'Antwoorden vervangen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    assert.equal((await storedDraft(page)).response.respondent.alias, 'Anna de Vries');

    await chooseFile(page, 'bert.json', JSON.stringify(responseOf(BERT), null, 2));
    await dialog.getByRole('button', { name: 'Vervangen' }).click();
    await page.getByRole('status').getByText('bert.json').waitFor();
    assert.equal(await page.locator('#alert').textContent(), '', 'no error is left standing');

    // Bert's answers appear in the form and in the draft.
    for (const item of INSTRUMENT.items.filter((i) => i.module === 'opgave')) {
      assert.equal(await page.locator(`input[name="answer:${item.id}"][value="${BERT.answers[item.id]}"]`).isChecked(), true, item.id);
    }
    const draft = await storedDraft(page);
    assert.deepEqual(draft.response.answers, BERT.answers);
    await page.getByRole('button', { name: /Over jou/ }).click();
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), 'Bert');
    assert.equal(await page.locator('#position-ring').isChecked(), true);
    tab.assertClean();
    await tab.close();
  });

  it('opens a file without asking when there are no answers yet', async () => {
    const tab = await openPage(env.browser, env.url);
    const { page } = tab;
    await gotoScan(page, env.url);
    await chooseFile(page, 'bert.json', JSON.stringify(responseOf(BERT)));
    await page.getByRole('status').getByText('bert.json').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.equal(await page.getByLabel('Naam of alias').inputValue(), 'Bert');
    // The core writes untouched interests as null; they must not show as "weet niet".
    const touchedNothing = responseOf(ANNA);
    delete touchedNothing.interests;
    await chooseFile(page, 'anna.json', JSON.stringify(touchedNothing));
    await page.getByRole('dialog').getByRole('button', { name: 'Vervangen' }).click();
    await page.getByRole('status').getByText('anna.json').waitFor();
    assert.equal(await page.locator('input[name^="interest:"]:checked, input[name^="influence:"]:checked').count(), 0);
    tab.assertClean();
    await tab.close();
  });
});
