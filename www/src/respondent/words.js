// The words the report, the charts and the tables show, read from the instrument's
// `words` (band names, column heads, chart titles, "geen score", ...), so a trainer's
// instrument can reword them and the page says what the CLI says. The page's own words
// (buttons, steps, messages) stay in i18n.js.

import { tx, formatScore, formatSigned } from '../i18n.js';

/** Fills `{name}` placeholders from `params`. */
function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * The words of one instrument in one language: `word(key, params)`, `band(id)`,
 * `score(value)` (with the instrument's decimal sign; null for no score), `signed(value)`.
 */
export function wordsOf(instrument, lang) {
  const words = instrument.words ?? {};
  const decimal = tx(words.decimal, lang) || (lang === 'en' ? '.' : ',');
  const withDecimal = (text) => (text == null ? null : text.replace('.', decimal));
  return {
    lang,
    word: (key, params = {}) => fill(tx(words[key], lang) || key, params),
    band: (id) => (id ? tx(words[`band.${id}`], lang) || id : ''),
    score: (value) => withDecimal(formatScore(value, 'en')),
    signed: (value) => withDecimal(formatSigned(value, 'en')),
  };
}
