// A line of text about the respondent: alias and organisation. `respondent.alias`,
// `respondent.organisation`.

import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { section } from './scale.js';

const AUTOCOMPLETE = { alias: 'nickname', organisation: 'organization' };

export default {
  kind: 'text',
  event: 'input',
  scored: false,
  counted: false,
  render(view, q) {
    const { lang, response } = view;
    const inputId = `text-${q.id}`;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: inputId }, t(lang, q.id)),
      h('p', { class: 'hint', id: `${inputId}-hint` }, t(lang, `${q.id}Hint`)),
      h('input', {
        type: 'text',
        id: inputId,
        autocomplete: AUTOCOMPLETE[q.id] ?? 'off',
        'aria-describedby': `${inputId}-hint`,
        value: response.respondent?.[q.id] ?? '',
        dataset: { kind: 'text', id: q.id },
      }),
    );
  },
  read: (input) => input.value,
  get: (response, id) => response.respondent?.[id] ?? '',
  set(response, id, value) {
    section(response, 'respondent')[id] = value;
  },
  answered: (response, id) => Boolean(response.respondent?.[id]),
};
