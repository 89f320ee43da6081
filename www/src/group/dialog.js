// A yes/no question in a <dialog> of the element's own (window.confirm is unstyled,
// untranslated and blocks the page). The safe answer has the focus; Escape says no.

import { h } from '../dom.js';

/** Asks; resolves to true only when the confirm button was chosen. */
export function ask(root, { title, text, confirm, cancel, danger = true }) {
  const titleId = 'group-dialog-title';
  const textId = 'group-dialog-text';
  const no = h('button', { type: 'button', class: 'button button-quiet', dataset: { answer: 'cancel' } }, cancel);
  const yes = h('button', { type: 'button', class: `button ${danger ? 'button-danger' : 'button-primary'}`, dataset: { answer: 'confirm' } }, confirm);
  const dialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': titleId, 'aria-describedby': textId },
    h('h2', { id: titleId }, title),
    h('p', { id: textId }, text),
    h('div', { class: 'dialog-buttons' }, no, yes),
  );
  const host = root.querySelector('.scan') ?? root;
  host.append(dialog);
  return new Promise((resolve) => {
    let answer = false;
    no.addEventListener('click', () => dialog.close());
    yes.addEventListener('click', () => {
      answer = true;
      dialog.close();
    });
    dialog.addEventListener(
      'close',
      () => {
        dialog.remove();
        resolve(answer);
      },
      { once: true },
    );
    dialog.showModal();
    no.focus();
  });
}
