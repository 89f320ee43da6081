// The step bar and the progress: one button per step (on a phone a row of numbered
// circles; the current step's name is its heading), how many of each step's questions
// are answered, and the progress over the whole scan.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { stepProgress } from './steps.js';

/** Builds the bar into `nav`; returns {render(lang), update(response, current)}. */
export function createNav(nav, steps) {
  let counts = [];
  let buttons = [];
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
      buttons = [...list.querySelectorAll('.step-button')];
      text = h('p', { class: 'progress-text', id: 'progress-text' });
      bar = h('progress', { 'aria-labelledby': 'progress-text', max: '1', value: '0' });
      nav.replaceChildren(list, h('div', { class: 'progress' }, bar, text));
      nav.dataset.lang = lang;
    },

    /**
     * Marks the current step and updates the counts. An answer changes only its own
     * step's count, so only what changed is written (`only`: that step's index).
     */
    update(response, current, only = null) {
      const lang = nav.dataset.lang;
      let answered = 0;
      let total = 0;
      for (const [index, step] of steps.entries()) {
        const p = stepProgress(step, response);
        answered += p.answered;
        total += p.total;
        if (only !== null && index !== only) continue;
        const button = buttons[index];
        if (index === current) button.setAttribute('aria-current', 'step');
        else button.removeAttribute('aria-current');
        const holder = counts[index];
        if (!holder) continue;
        const shown = `${p.answered}/${p.total}`;
        if (holder.dataset.shown === shown) continue;
        holder.dataset.shown = shown;
        const complete = p.total > 0 && p.answered === p.total;
        holder.replaceChildren(
          h('span', { 'aria-hidden': 'true' }, shown),
          h('span', { class: 'sr-only' }, `, ${t(lang, 'stepProgress', { n: p.answered, total: p.total })}`),
        );
        holder.classList.toggle('complete', complete);
        button.classList.toggle('complete', complete);
      }
      if (bar.value !== answered || bar.max !== Math.max(total, 1)) {
        bar.max = Math.max(total, 1);
        bar.value = answered;
        text.textContent = t(lang, 'progress', { n: answered, total });
      }
    },
  };
}
