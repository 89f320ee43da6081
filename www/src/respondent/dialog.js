// A confirm/cancel question in a <dialog> of the scan's own (not window.confirm, which
// a sandboxed frame may block), so it is styled, translated and testable. Escape or
// "cancel" answers no; the safe choice has the focus, so Enter wipes nothing by accident.

import { h } from '../dom.js';

/** Creates the dialog inside `frame`; returns {ask({title, text, confirm, cancel})}. */
export function createDialog(frame) {
  const title = h('h2', { id: 'confirm-title' });
  const text = h('p', { id: 'confirm-text' });
  const ok = h('button', { type: 'submit', class: 'button button-danger', value: 'confirm', dataset: { dialog: 'confirm' } });
  const cancel = h('button', { type: 'submit', class: 'button button-quiet', value: 'cancel', dataset: { dialog: 'cancel' } });
  const dialog = h(
    'dialog',
    { class: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    h('form', { method: 'dialog' }, title, text, h('div', { class: 'dialog-buttons' }, cancel, ok)),
  );
  frame.append(dialog);

  return {
    /** Resolves to true only when the confirm button was chosen. */
    ask(question) {
      title.textContent = question.title;
      text.textContent = question.text;
      ok.textContent = question.confirm;
      cancel.textContent = question.cancel;
      dialog.returnValue = '';
      return new Promise((resolve) => {
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
        dialog.showModal();
        cancel.focus();
      });
    },
  };
}
