// The report's words and labels, all from the instrument: its `words` (bands, flags,
// column heads, chart titles), the labels of concepts, modules, rungs and the choices
// about the respondent. Numbers are written with the instrument's decimal separator,
// by toFixed (the first Intl.NumberFormat costs more than a whole redraw).

/** The split dimensions the core knows, in the order the page offers them. */
export const DIMENSIONS = ['organisation', 'position', 'role', 'sector', 'level'];

/** Where each dimension's choices live in the instrument (organisation has none). */
const CHOICES = { position: 'position', role: 'roles', sector: 'sector', level: 'level' };

/** A `Text` ({nl, en}) in `lang`; a plain string as it is. */
export function tx(text, lang) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.nl ?? text.en ?? '';
}

/** Looks up words, labels and formats in one instrument. */
export function labels(instrument) {
  const words = instrument.words ?? {};
  const byId = (list) => new Map((list ?? []).map((entry) => [entry.id, entry]));
  const concepts = byId(instrument.concepts);
  const modules = byId(instrument.modules);
  const items = byId(instrument.items);
  const rungs = byId(instrument.ladder?.rungs);
  const sources = byId(instrument.interests?.influence?.sources);
  const choices = Object.fromEntries(
    Object.entries(CHOICES).map(([dimension, key]) => [dimension, byId(instrument.respondent?.[key]?.choices ?? instrument[key])]),
  );

  const api = {
    instrument,
    /** A word of the report (`band.sterk`), with `{n}` placeholders filled in. */
    say(key, lang, vars = {}) {
      const text = tx(words[key], lang) || key;
      return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
    },
    decimal(lang) {
      return tx(words.decimal, lang) || (lang === 'en' ? '.' : ',');
    },
    /** A score with two decimals, or null when there is none. */
    score(value, lang, digits = 2) {
      if (value == null || !Number.isFinite(value)) return null;
      const fixed = (Math.round(value * 10 ** digits) / 10 ** digits).toFixed(digits);
      return (fixed === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : fixed).replace('.', api.decimal(lang));
    },
    /** A change with its sign: +0,50, -0,25, 0,00. */
    delta(value, lang) {
      const text = api.score(value, lang);
      if (text == null) return null;
      return value > 0.005 ? `+${text}` : text;
    },
    concept: (id, lang) => tx(concepts.get(id)?.label, lang) || id,
    conceptIds: () => [...concepts.keys()],
    module: (id, lang) => tx(modules.get(id)?.label, lang) || id,
    moduleShort: (id, lang) => tx(modules.get(id)?.short ?? modules.get(id)?.label, lang) || id,
    item: (id, lang) => tx(items.get(id)?.text, lang) || id,
    isOpenItem: (id) => items.get(id)?.type === 'open',
    rung: (id, lang) => tx(rungs.get(id)?.label, lang) || id,
    rungIds: () => [...rungs.keys()],
    source: (id, lang) => tx(sources.get(id)?.label, lang) || id,
    sourceIds: () => [...sources.keys()],
    role: (id, lang) => tx(choices.role.get(id)?.label, lang) || id,
    /** A split group's value as people read it; "niet opgegeven" for none. */
    value(dimension, value, lang) {
      if (value == null) return api.say('split.none', lang);
      return tx(choices[dimension]?.get(value)?.label, lang) || value;
    },
    band: (band, lang) => (band ? api.say(`band.${band}`, lang) : null),
    /** The heading of a comments key: a concept, a module or an open question. */
    commentKey(key, lang) {
      if (concepts.has(key)) return api.concept(key, lang);
      if (modules.has(key)) return api.module(key, lang);
      if (items.has(key)) return api.item(key, lang);
      return key;
    },
  };
  return api;
}
