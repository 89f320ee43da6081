// What the tests expect of the respondent app's screens, in one place. Everything is
// found through the element's open shadow root (playwright's CSS and role selectors
// pierce it), by role and accessible name where a person would look, so that markup
// may change freely:
//
//   opening screen   a button [data-action="begin"] (www/src/shell.js), enabled by the app
//   step nav         [part="steps"], one button or link per step; the last is named
//                    "Resultaat" / "Result"; the current one has aria-current="step"
//   questions        radio buttons and check boxes inside [part="main"]
//   messages         [role="alert"] (problems) and [role="status"] (confirmations)
//   hand-over        [part="handover"] on the result step, headed "Lever je antwoorden
//                    in" / "Hand in your answers", with a save button ("Bewaar als
//                    bestand"), a copy button ("Kopieer als tekst") and, with
//                    trainer-email, a mailto: link
//   restart          a button named "Begin opnieuw" opening a dialog "Opnieuw beginnen?"
//   language         buttons named "Nederlands" / "English" (www/src/shell.js)
//   damaged draft    when its copy cannot be kept: a button or link in the alert whose
//                    name holds "download" (downloaden) and that downloads the damaged text

export const WORDS = {
  nl: { result: /^\s*\d*\s*Resultaat/, handover: /^Lever je antwoorden in/, save: /bewaar als bestand|opslaan/i, copy: /kopieer/i, notSaved: /niet automatisch/i },
  en: { result: /^\s*\d*\s*Result/, handover: /^Hand in your answers/, save: /save as a file|save/i, copy: /copy/i, notSaved: /not (saved|kept) automatically|does not keep your answers automatically/i },
};

/** The element matched by `selector` in a page or frame, as a locator. */
export const scan = (target, selector = 'netwerk-scan') => target.locator(selector);

/** Leaves the opening screen, if it is shown. */
export async function begin(target, selector = 'netwerk-scan') {
  const button = scan(target, selector).locator('[data-action="begin"]');
  if ((await button.count()) > 0 && (await button.isVisible())) await button.click();
}

/** The first answer a participant can give on the current step (a radio button; see gotoQuestions). */
export function firstRadio(target, selector = 'netwerk-scan') {
  return scan(target, selector).locator('[part="main"] input[type="radio"]:visible').first();
}

/** The names of the radio groups on the current step. */
function radioGroups(target, selector) {
  return scan(target, selector)
    .locator('[part="main"] input[type="radio"]:visible')
    .evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
}

/**
 * Goes to the first step with questions on a scale (past the opening screen and "Over
 * jou"), through the step navigation, unless the current step has some.
 */
export async function gotoQuestions(target, selector = 'netwerk-scan') {
  await begin(target, selector);
  if ((await radioGroups(target, selector)).length > 0) return;
  const steps = stepNav(target, selector).locator('button, a');
  for (let i = 0; i < (await steps.count()); i += 1) {
    await steps.nth(i).click();
    if ((await radioGroups(target, selector)).length > 0) return;
  }
  throw new Error('no step has questions on a scale');
}

/**
 * Answers the `n`-th question (0-based) among the radio groups of the current step (or
 * of the first step with such questions) by checking its first option; returns the
 * group's name.
 */
export async function answerGroup(target, selector = 'netwerk-scan', n = 0) {
  let names = await radioGroups(target, selector);
  if (names.length === 0) {
    await gotoQuestions(target, selector);
    names = await radioGroups(target, selector);
  }
  if (names.length <= n) throw new Error(`the step has ${names.length} radio groups, not ${n + 1}`);
  await scan(target, selector).locator(`[part="main"] input[type="radio"][name="${names[n]}"]`).first().check();
  return names[n];
}

/** The step navigation. */
export const stepNav = (target, selector = 'netwerk-scan') => scan(target, selector).locator('[part="steps"]');

/** Goes to the result step through the step navigation. */
export async function gotoResult(target, selector = 'netwerk-scan', lang = 'nl') {
  const nav = stepNav(target, selector);
  const step = nav.getByRole('button', { name: WORDS[lang].result }).or(nav.getByRole('link', { name: WORDS[lang].result }));
  await step.first().click();
}

/** The hand-over section of the result step (with its heading, so not an empty part). */
export function handover(target, selector = 'netwerk-scan', lang = 'nl') {
  return scan(target, selector)
    .locator('[part="handover"]')
    .filter({ has: target.getByRole('heading', { name: WORDS[lang].handover }) })
    .first();
}

/** The alert region's text. */
export const alertText = (target, selector = 'netwerk-scan') => scan(target, selector).locator('[role="alert"]').first().textContent();

/** Everything the element shows in its messages (alert and status). */
export async function messagesText(target, selector = 'netwerk-scan') {
  const texts = await scan(target, selector).locator('[role="alert"], [role="status"]').allTextContents();
  return texts.join(' ').replace(/\s+/g, ' ');
}
