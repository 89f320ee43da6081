// A confirm/cancel question in the page's own <dialog> (not window.confirm), so it is
// styled, translated and testable. Escape or "cancel" answers no.

const $ = (id) => document.getElementById(id);

/** Asks a yes/no question; resolves to true only when the confirm button was chosen. */
export function ask({ title, text, confirm, cancel }) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = confirm;
  $('confirm-cancel').textContent = cancel;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
    // The safe choice has the focus, so Enter does not wipe anything by accident.
    $('confirm-cancel').focus();
  });
}
