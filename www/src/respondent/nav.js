// The step bar and the progress: one button per step (on a phone a row of numbered
// circles; the current step's name is its heading), how many of each step's questions
// are answered, and the progress over the whole scan.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { stepProgress, totalProgress } from './steps.js';

/** Builds the bar into `nav`; returns {render(lang), update(response, current)}. */
export function createNav(nav, steps) {
  let counts = [];
  let bar = null;
  let text = null;

  return {
    render(lang) {
      nav.setAttribute('aria-label', t(lang, 'stepsNav'));
      counts = [];
      const list = h(
        'ol',
        { class: 'step-list' },
        steps.map((step, index) => {
          const count = stepProgress(step, {}).total > 0 ? h('span', { class: 'step-count' }) : null;
          counts.push(count);
          return h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'step-button', dataset: { step: String(index) } },
              h('span', { class: 'step-no', 'aria-hidden': 'true' }, String(index + 1)),
              h('span', { class: 'step-label' }, step.short(lang)),
              count,
            ),
          );
        }),
      );
      text = h('p', { class: 'progress-text', id: 'progress-text' });
      bar = h('progress', { 'aria-labelledby': 'progress-text', max: '1', value: '0' });
      nav.replaceChildren(list, h('div', { class: 'progress' }, bar, text));
      nav.dataset.lang = lang;
    },

    /** Marks the current step and updates every count. */
    update(response, current) {
      const lang = nav.dataset.lang;
      for (const [index, button] of nav.querySelectorAll('.step-button').entries()) {
        if (index === current) button.setAttribute('aria-current', 'step');
        else button.removeAttribute('aria-current');
        const holder = counts[index];
        if (!holder) continue;
        const p = stepProgress(steps[index], response);
        const complete = p.total > 0 && p.answered === p.total;
        holder.replaceChildren(
          h('span', { 'aria-hidden': 'true' }, `${p.answered}/${p.total}`),
          h('span', { class: 'sr-only' }, `, ${t(lang, 'stepProgress', { n: p.answered, total: p.total })}`),
        );
        holder.classList.toggle('complete', complete);
        button.classList.toggle('complete', complete);
      }
      const total = totalProgress(steps, response);
      bar.max = Math.max(total.total, 1);
      bar.value = total.answered;
      text.textContent = t(lang, 'progress', { n: total.answered, total: total.total });
    },
  };
}
