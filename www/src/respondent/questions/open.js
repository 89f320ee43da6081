// An open question of the instrument (type "open"), answered in the respondent's own
// words: `comments[item id]`. An emptied answer is removed.

import { h } from '../../dom.js';
import { t, tx } from '../../i18n.js';
import { section } from './scale.js';

export default {
  kind: 'open',
  event: 'input',
  scored: false,
  counted: false,
  render(view, q) {
    const { lang, response } = view;
    const inputId = `open-${q.id}`;
    return h(
      'div',
      { class: 'open-question', dataset: { question: `open:${q.id}` } },
      h('label', { for: inputId }, q.number != null ? h('span', { class: 'num', 'aria-hidden': 'true' }, `${q.number}.`) : null, tx(q.item.text, lang)),
      h('p', { class: 'hint', id: `${inputId}-hint` }, t(lang, 'openHint')),
      h('textarea', { id: inputId, rows: 4, 'aria-describedby': `${inputId}-hint`, value: response.comments?.[q.id] ?? '', dataset: { kind: 'open', id: q.id } }),
    );
  },
  read: (input) => input.value,
  get: (response, id) => response.comments?.[id] ?? '',
  set(response, id, value) {
    const comments = section(response, 'comments');
    if (value.trim() === '') delete comments[id];
    else comments[id] = value;
  },
  answered: (response, id) => typeof response.comments?.[id] === 'string' && response.comments[id] !== '',
};
