// "Lever je antwoorden in": the end of the result step, and the only way the trainer
// gets any data. It offers saving the file (saying where it went, and never claiming a
// download that a frame may have blocked), sharing it on a phone, copying the response
// as text (also the way out when downloads are blocked), and says whom to send it to;
// with the trainer's e-mail address, a mailto: link with subject and body (which cannot
// attach the file, and says so). The header's "Opslaan" uses the same saving.

import { h } from '../dom.js';
import { t, errorMessage } from '../i18n.js';
import { saveText, shareableFile, shareFile, copyToClipboard, frameContext } from './files.js';

/** A plain e-mail address, or null (nothing that could smuggle headers into a mailto: link). */
function address(email) {
  const trimmed = String(email ?? '').trim();
  return /^[^\s@?&#"<>,;:]+@[^\s@?&#"<>,;:]+$/.test(trimmed) ? trimmed : null;
}

function mailto(email, subject, body) {
  const enc = (s) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${email}?subject=${enc(subject)}&body=${enc(body)}`;
}

/**
 * `text()` gives the response file's text (checked by the core; it throws when the
 * response is not valid), `fileName()` its name, `alias()` the participant's alias, `lang()` the language, `trainer()`
 * {name, email}, `holder` where a download link lives for a moment, `messages` the
 * scan's message regions. Returns {render(), save(where), copy(where), share()}.
 */
export function createHandover({ text, fileName, alias, lang, trainer, holder, messages, onError }) {
  let note = null;
  let copyBox = null;
  let said = null;

  /** Says how an action went: in the section when it was used, else in the messages. */
  function say(where, key, params = {}, { warn = false } = {}) {
    if (where === 'handover' && note?.isConnected) {
      said = { key, params, warn };
      note.textContent = t(lang(), key, params);
      note.classList.toggle('warn', warn);
      return;
    }
    if (warn) messages.alert(key, params, { actions: [{ key: 'copyText', run: () => copy('alert') }] });
    else messages.status(key, params);
  }

  function responseText(where) {
    try {
      return text();
    } catch (error) {
      const message = errorMessage(error);
      if (where === 'handover') say(where, 'saveError', { message }, { warn: true });
      else messages.alert('saveError', { message }, { error: true });
      onError?.(error);
      return null;
    }
  }

  async function save(where) {
    const content = responseText(where);
    if (content == null) return null;
    const name = fileName();
    const context = frameContext();
    const outcome = await saveText(content, name, holder, context);
    if (outcome.how === 'picker') say(where, 'savedPicker', { file: outcome.name });
    else if (outcome.how === 'download') say(where, outcome.sure ? 'savedDownload' : 'savedUnsure', { file: name }, { warn: !outcome.sure });
    else if (outcome.how === 'blocked') say(where, 'downloadBlocked', {}, { warn: true });
    return outcome;
  }

  async function share() {
    const content = responseText('handover');
    if (content == null) return;
    const file = shareableFile(content, fileName());
    if (!file) return;
    try {
      if ((await shareFile(file, fileName())) === 'shared') say('handover', 'shared');
    } catch (error) {
      say('handover', 'shareError', { message: errorMessage(error) }, { warn: true });
    }
  }

  /** Puts the text in a selected, read-only box, so the participant can copy it by hand. */
  function manualBox(content) {
    const box = h('textarea', { class: 'copy-text', readonly: true, rows: 8, 'aria-label': t(lang(), 'copyLabel'), value: content });
    return box;
  }

  async function copy(where) {
    const content = responseText(where);
    if (content == null) return;
    if (await copyToClipboard(content)) {
      say(where, 'copied', { file: fileName() });
      return;
    }
    // No clipboard here (a frame without the permission): select the text in a box and
    // ask the browser to copy the selection, else leave it selected for the participant.
    const box = manualBox(content);
    const target = where === 'handover' && copyBox?.isConnected ? copyBox : null;
    if (target) {
      target.replaceChildren(box);
      target.hidden = false;
    } else {
      messages.alert('copyManual', {}, { extra: box });
    }
    box.focus();
    box.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    if (copied) {
      // The browser copied the selection after all: the box was only the means.
      if (target) target.hidden = true;
      else messages.clearAlert('copyManual');
      say(where, 'copied', { file: fileName() });
    } else if (target) say(where, 'copyManual', {}, { warn: true });
  }

  function render() {
    const l = lang();
    const { name, email } = trainer();
    const mail = address(email);
    const to = name && mail ? t(l, 'handoverToNameEmail', { name, email: mail }) : name ? t(l, 'handoverToName', { name }) : mail ? t(l, 'handoverToEmail', { email: mail }) : t(l, 'handoverTo');
    const canShare = shareableFile('{}', fileName()) !== null;
    note = h('p', { class: 'handover-note', role: 'status' });
    if (said) {
      note.textContent = t(l, said.key, said.params);
      note.classList.toggle('warn', said.warn);
    }
    copyBox = h('div', { class: 'handover-copy', hidden: true });
    const signature = alias() || '';
    return h(
      'section',
      { class: 'handover', part: 'handover', 'aria-labelledby': 'handover-title' },
      h('h3', { id: 'handover-title' }, t(l, 'handoverTitle')),
      h('p', {}, t(l, 'handoverText')),
      h('p', { class: 'handover-to' }, to),
      h(
        'div',
        { class: 'handover-actions' },
        h('button', { type: 'button', class: 'button button-primary', dataset: { action: 'save-file' } }, t(l, 'saveFile')),
        canShare ? h('button', { type: 'button', class: 'button', dataset: { action: 'share-file' } }, t(l, 'shareFile')) : null,
        h('button', { type: 'button', class: 'button', dataset: { action: 'copy-text' } }, t(l, 'copyText')),
      ),
      note,
      copyBox,
      mail
        ? h(
            'div',
            { class: 'handover-mail' },
            h(
              'p',
              {},
              h(
                'a',
                {
                  class: 'mail-link',
                  href: mailto(mail, t(l, 'mailSubject'), t(l, 'mailBody', { name: name || t(l, 'mailSomeone'), file: fileName(), alias: signature })),
                  'aria-describedby': 'mail-note',
                },
                t(l, 'mailLink', { name: name || mail }),
              ),
            ),
            h('p', { class: 'hint', id: 'mail-note' }, t(l, 'mailNote')),
          )
        : null,
    );
  }

  return { render, save, share, copy };
}
