// The scan's two message regions: the alert (role="alert": errors and warnings that
// stay until closed or replaced) and the status (role="status": a short confirmation
// that goes away by itself). Messages are kept as a key and its parameters, so they are
// shown again in the other language when the language changes. Errors also reach the
// host page as `netwerkscan-error`.

import { h } from '../dom.js';
import { t } from '../i18n.js';

const STATUS_MS = 12_000;

/**
 * `parts`: {alert, status} of the shell; `lang()` gives the current language; `emit`
 * fires the element's events.
 */
export function createMessages({ alert, status }, lang, emit) {
  let shownAlert = null;
  let shownStatus = null;
  let timer = 0;

  function renderAlert() {
    if (!shownAlert) {
      alert.replaceChildren();
      return;
    }
    const { key, params, actions, extra, sticky } = shownAlert;
    const l = lang();
    alert.replaceChildren(
      h(
        'div',
        { class: 'alert-box' },
        h('p', {}, t(l, key, params)),
        h(
          'div',
          { class: 'alert-actions' },
          (actions ?? []).map((action) => h('button', { type: 'button', class: 'button', dataset: { alertAction: action.key } }, t(l, action.key))),
          sticky ? null : h('button', { type: 'button', class: 'button button-quiet', dataset: { alertAction: 'dismiss' } }, t(l, 'dismiss')),
        ),
        extra ?? null,
      ),
    );
  }

  function renderStatus() {
    if (shownStatus) status.replaceChildren(h('p', {}, t(lang(), shownStatus.key, shownStatus.params)));
    else status.replaceChildren();
  }

  alert.addEventListener('click', (event) => {
    const button = event.target.closest('[data-alert-action]');
    if (!button || !shownAlert) return;
    const key = button.dataset.alertAction;
    if (key === 'dismiss') {
      shownAlert = null;
      renderAlert();
      return;
    }
    const chosen = shownAlert.actions?.find((a) => a.key === key);
    if (chosen?.keep !== true) {
      shownAlert = null;
      renderAlert();
    }
    chosen?.run();
  });

  return {
    /**
     * Shows `key` in the alert region (replacing what was there). `actions`:
     * [{key, run, keep}] buttons; `extra`: a node shown below the text (a box of text
     * to copy); `sticky`: no "Sluiten", one of the actions must be chosen; `error: true`
     * also fires netwerkscan-error.
     */
    alert(key, params = {}, { actions, extra, sticky = false, error = false } = {}) {
      shownAlert = { key, params, actions, extra, sticky };
      renderAlert();
      if (error) emit('error', { message: t(lang(), key, params) });
    },
    /** The alert's key, or null. */
    get alertKey() {
      return shownAlert?.key ?? null;
    },
    clearAlert(key) {
      if (key && shownAlert?.key !== key) return;
      shownAlert = null;
      renderAlert();
    },
    /** A short confirmation in the status region; it goes away after a while. */
    status(key, params = {}) {
      shownStatus = { key, params };
      renderStatus();
      clearTimeout(timer);
      timer = setTimeout(() => {
        shownStatus = null;
        renderStatus();
      }, STATUS_MS);
    },
    /** Shows both messages again in the current language. */
    rerender() {
      renderAlert();
      renderStatus();
    },
  };
}
