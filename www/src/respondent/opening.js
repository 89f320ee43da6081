// The opening screen the shell draws on a first visit: what the scan is and how long it
// takes. The app fills in the count of questions from the instrument, enables "Begin",
// and rewrites its texts when the language changes (in place, so nothing moves).

import { t } from '../i18n.js';
import { scanSize } from './steps.js';

/** The opening section inside `main`, or null when the scan resumes a draft. */
export function openingOf(main) {
  return main.querySelector('.opening');
}

/** Fills in the facts and the texts in `lang`, and enables the button. */
export function fillOpening(opening, steps, lang) {
  const size = scanSize(steps);
  const [text, privacy] = opening.querySelectorAll('p:not(.facts)');
  opening.querySelector('h2').textContent = t(lang, 'openingTitle');
  if (text) text.textContent = t(lang, 'openingText');
  const count = size.open === 0 ? 'openingCount' : size.open === 1 ? 'openingCountOpenOne' : 'openingCountOpen';
  opening.querySelector('.facts').textContent = t(lang, count, size);
  if (privacy) privacy.textContent = t(lang, 'openingPrivacy');
  const begin = opening.querySelector('[data-action="begin"]');
  begin.textContent = t(lang, 'openingStart');
  begin.disabled = false;
}
