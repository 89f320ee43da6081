// "Wat zou helpen?": offered under a concept or module that scores in the zorg band
// (below 3.0, as the report says), and kept open while it holds text or the focus.
// `comments[concept or module id]`. An emptied comment is removed.

import { h } from '../../dom.js';
import { t, tx } from '../../i18n.js';
import { section } from './scale.js';

export default {
  kind: 'comment',
  event: 'input',
  scored: false,
  counted: false,
  render(view, q) {
    const { instrument, lang, response } = view;
    const existing = response.comments?.[q.id] ?? '';
    const inputId = `comment-${q.id}`;
    return h(
      'div',
      { class: 'comment', dataset: { comment: q.id, group: q.group }, hidden: existing === '' && !q.low },
      h('label', { for: inputId }, tx(instrument.comment.question, lang)),
      h('p', { class: 'hint', id: `${inputId}-hint` }, t(lang, q.group === 'modules' ? 'commentHintModule' : 'commentHint')),
      h('textarea', { id: inputId, rows: 3, 'aria-describedby': `${inputId}-hint`, value: existing, dataset: { kind: 'comment', id: q.id } }),
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

/**
 * Shows or hides the comment boxes inside `container` from the report: open where the
 * subject is in the zorg band, holds text, or has the focus.
 */
export function updateCommentBoxes(container, report, response) {
  for (const box of container.querySelectorAll('.comment[data-comment]')) {
    const id = box.dataset.comment;
    const band = report?.[box.dataset.group]?.[id]?.band;
    const hasText = typeof response.comments?.[id] === 'string' && response.comments[id] !== '';
    const focused = box.matches(':focus-within');
    box.hidden = !(band === 'zorg' || hasText || focused);
  }
}
