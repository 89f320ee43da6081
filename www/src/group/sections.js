// The report as tables and text: scores per concept and module (the charts' text
// alternatives), the split groups, the change since the baseline, trust, the ladder,
// coverage, interests, the form of collaboration, the ranked advice and the comments.
// Everything is read from the report; nothing is recomputed here, and every word of the
// report comes from the instrument (labels.js). Text always goes in as text (dom.js).

import { h } from '../dom.js';
import { w } from './words.js';

/** A table cell: a string, a Node, or {text, num, cls, colspan, th}. */
function cell(spec, tag = 'td') {
  if (spec == null || typeof spec !== 'object' || spec instanceof Node) return h(tag, {}, spec ?? '');
  const classes = [spec.num ? 'num' : null, spec.cls].filter(Boolean).join(' ') || null;
  return h(spec.th ? 'th' : tag, { class: classes, colspan: spec.colspan, scope: spec.th ? 'row' : null }, spec.text ?? '');
}

/** The first cell of a row is its header. */
function asHeader(c) {
  return c !== null && typeof c === 'object' && !(c instanceof Node) ? { ...c, th: true } : { text: c, th: true };
}

/** A captioned table in a scrollable, keyboard-reachable wrapper. */
export function table({ id, caption, head, rows, className = '', headRows = null }) {
  const captionId = `${id}-caption`;
  const thead = h(
    'thead',
    {},
    headRows ??
      h(
        'tr',
        {},
        head.map((text, i) => h('th', { scope: 'col', class: i > 0 && rows[0]?.cells[i]?.num ? 'num' : null }, text)),
      ),
  );
  const body = h(
    'tbody',
    {},
    rows.map((row) => h('tr', { dataset: row.data ?? {} }, row.cells.map((c, i) => cell(i === 0 ? asHeader(c) : c)))),
  );
  return h(
    'div',
    // A group, not a region: the sections are the landmarks; the wrapper only lets a
    // wide table scroll sideways, by keyboard too.
    { class: 'table-wrap', role: 'group', tabindex: '0', 'aria-labelledby': captionId },
    h('table', { class: `values group-table ${className}`, id }, h('caption', { id: captionId }, caption), thead, body),
  );
}

function scoreCell(L, value, lang) {
  const text = L.score(value, lang);
  if (text == null) return { text: h('span', { class: 'missing' }, h('span', { 'aria-hidden': 'true' }, '— '), L.say('score.missing', lang)), num: true };
  return { text, num: true };
}

function bandCell(L, band, lang) {
  if (!band) return { text: h('span', { 'aria-hidden': 'true' }, '—') };
  return { text: h('span', { class: `badge badge-${band}` }, L.band(band, lang)) };
}

function divergentCell(L, divergent, lang) {
  if (!divergent) return { text: '' };
  return { text: h('span', { class: 'badge badge-divergent' }, h('span', { 'aria-hidden': 'true' }, '≠ '), L.say('divergent', lang)) };
}

function section(id, title, ...children) {
  return h('section', { class: 'report-section', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/** The scores per concept and per module: the text alternatives of the two radars. */
export function scoresSection(report, L, lang) {
  const statCells = (s) => [
    { text: String(s?.n ?? 0), num: true },
    scoreCell(L, s?.mean, lang),
    scoreCell(L, s?.sd, lang),
    scoreCell(L, s?.min, lang),
    scoreCell(L, s?.max, lang),
    bandCell(L, s?.band, lang),
    divergentCell(L, s?.divergent, lang),
  ];
  const statHead = (first) => [first, L.say('col.n', lang), L.say('col.mean', lang), L.say('col.sd', lang), L.say('col.min', lang), L.say('col.max', lang), L.say('col.band', lang), L.say('divergent', lang)];
  const concepts = table({
    id: 'table-concepts',
    caption: L.say('chart.concepts', lang),
    head: [...statHead(L.say('col.concept', lang)), L.say('col.importance', lang), w(lang, 'priority')],
    rows: Object.entries(report.concepts).map(([id, s]) => ({
      data: { id, divergent: String(Boolean(s.divergent)) },
      cells: [L.concept(id, lang), ...statCells(s), scoreCell(L, s.importance, lang), scoreCell(L, s.priority, lang)],
    })),
  });
  const modules = table({
    id: 'table-modules',
    caption: L.say('chart.modules', lang),
    head: statHead(L.say('col.module', lang)),
    rows: Object.entries(report.modules).map(([id, s]) => ({ data: { id }, cells: [L.module(id, lang), ...statCells(s)] })),
  });
  const influence = table({
    id: 'table-influence',
    caption: L.say('chart.influence', lang),
    head: statHead(L.say('col.source', lang)),
    rows: Object.entries(report.influence ?? {}).map(([id, s]) => ({ data: { id }, cells: [L.source(id, lang), ...statCells(s)] })),
  });
  return [
    section('sec-concepts', L.say('section.concepts', lang), concepts),
    section('sec-modules', L.say('section.modules', lang), modules),
    section('sec-influence', L.say('chart.influence', lang), influence),
  ];
}

/** One split dimension: a row per group, the means per concept and module, small groups withheld. */
export function splitSection(dimension, groups, report, L, lang, minGroup, rest = null) {
  const conceptIds = Object.keys(report.concepts);
  const moduleIds = Object.keys(report.modules);
  const columns = conceptIds.length + moduleIds.length;
  const row = (label, g, data) => {
    if (g.withheld) {
      return {
        data: { ...data, withheld: 'true' },
        cells: [label, { text: String(g.n), num: true }, { text: L.say('split.withheld', lang), colspan: columns, cls: 'withheld' }],
      };
    }
    const mean = (s) => {
      const c = scoreCell(L, s?.mean, lang);
      if (s?.divergent) c.text = h('span', {}, c.text, h('span', { class: 'div-mark', title: L.say('divergent', lang) }, ' ≠'), h('span', { class: 'sr-only' }, ` (${L.say('divergent', lang)})`));
      if (s?.band) c.cls = `cell-${s.band}`;
      return c;
    };
    return {
      data,
      cells: [label, { text: String(g.n), num: true }, ...conceptIds.map((id) => mean(g.concepts?.[id])), ...moduleIds.map((id) => mean(g.modules?.[id]))],
    };
  };
  const rows = groups.map((g) => row(L.value(dimension, g.value, lang), g, { value: g.value ?? '' }));
  // Everyone outside the group compared (a respondent may be in several roles' groups,
  // so this is the core's count, not the sum of the other rows).
  if (rest) rows.push(row(w(lang, 'restRow', { rest: L.say('split.rest', lang), group: L.value(dimension, rest.except, lang) }), rest, { rest: rest.except ?? '' }));
  const dimensionName = w(lang, `dim_${dimension}`);
  return section(
    'sec-splits',
    `${L.say('section.splits', lang)}: ${dimensionName}`,
    // A minimum of one withholds nothing: the hint says so, not "fewer than 1".
    h('p', { class: 'hint' }, w(lang, minGroup > 1 ? 'splitIntro' : 'splitIntroAll', { dimension: dimensionName, n: minGroup })),
    table({
      id: 'table-split',
      caption: `${L.say('section.splits', lang)}: ${dimensionName}`,
      head: [w(lang, 'dimensionLabel'), L.say('col.n', lang), ...conceptIds.map((id) => L.concept(id, lang)), ...moduleIds.map((id) => L.moduleShort(id, lang))],
      rows,
      className: 'split-table',
    }),
  );
}

/** The change since the baseline, per concept and module. */
export function changeSection(change, L, lang) {
  const row = (id, label, d) => ({
    data: { id },
    cells: [label, scoreCell(L, d.baseline, lang), scoreCell(L, d.now, lang), { text: L.delta(d.delta, lang) ?? '—', num: true, cls: d.delta > 0.005 ? 'up' : d.delta < -0.005 ? 'down' : null }],
  });
  return section(
    'sec-change',
    L.say('section.change', lang),
    h('p', { class: 'hint' }, w(lang, 'changeIntro', { n: change.baseline_respondents })),
    table({
      id: 'table-change',
      caption: L.say('section.change', lang),
      head: [L.say('col.concept', lang), L.say('change.baseline', lang), L.say('change.now', lang), L.say('col.delta', lang)],
      rows: [
        ...Object.entries(change.concepts).map(([id, d]) => row(id, L.concept(id, lang), d)),
        ...Object.entries(change.modules).map(([id, d]) => row(id, L.module(id, lang), d)),
      ],
    }),
  );
}

/** Trust against its foundation. */
export function trustSection(report, L, lang) {
  const t = report.trust ?? {};
  const trust = report.concepts?.vertrouwen;
  const status = t.flag ? L.say(`trust.${t.flag}`, lang) : t.gap == null ? L.say('trust.unknown', lang) : L.say('trust.none', lang);
  const item = (term, value, extra) => [h('dt', {}, term), h('dd', {}, value ?? h('span', { class: 'missing' }, L.say('score.missing', lang)), extra ?? null)];
  const band = (b) => (b ? [' ', h('span', { class: `badge badge-${b}` }, L.band(b, lang))] : null);
  return section(
    'sec-trust',
    L.say('section.trust', lang),
    h(
      'dl',
      { class: 'facts-list' },
      item(L.concept('vertrouwen', lang), L.score(trust?.mean, lang), band(trust?.band)),
      item(L.say('trust.foundation', lang), L.score(t.foundation, lang), band(t.foundation_band)),
      item(L.say('trust.gap', lang), L.delta(t.gap, lang)),
    ),
    h('p', { class: `trust-status${t.flag ? ' flagged' : ''}` }, status),
  );
}

/** The ladder: per rung, now and desired, for everyone, the government and the partners. */
export function ladderSection(ladder, L, lang) {
  const views = [
    ['all', ladder],
    ['government', ladder.government],
    ['partners', ladder.partners],
  ];
  const groupName = (key) => L.say(`ladder.${key}`, lang);
  const headRows = [
    h('tr', {}, h('td', {}), views.map(([key, v]) => h('th', { scope: 'colgroup', colspan: '2', class: 'num' }, `${groupName(key)} (n = ${v?.n ?? 0})`))),
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, L.say('col.rung', lang)),
      views.map(() => [h('th', { scope: 'col', class: 'num' }, L.say('legend.current', lang)), h('th', { scope: 'col', class: 'num' }, L.say('legend.desired', lang))]),
    ),
  ];
  const unknownLabel = L.instrument.scales?.eens?.unknown ? (L.instrument.scales.eens.unknown[lang] ?? '') : '?';
  const rows = L.rungIds().map((id, i) => ({
    data: { id },
    cells: [`${i + 1}. ${L.rung(id, lang)}`, ...views.flatMap(([, v]) => [{ text: String(v?.current?.[id] ?? 0), num: true }, { text: String(v?.desired?.[id] ?? 0), num: true }])],
  }));
  rows.push({ data: { id: 'unknown' }, cells: [unknownLabel, ...views.flatMap(([, v]) => [{ text: String(v?.unknown?.[0] ?? 0), num: true }, { text: String(v?.unknown?.[1] ?? 0), num: true }])] });
  rows.push({
    data: { id: 'mean_gap' },
    cells: [L.say('ladder.mean_gap', lang), ...views.map(([, v]) => ({ text: L.delta(v?.mean_gap, lang) ?? '—', num: true, colspan: 2 }))],
  });
  const flags = (ladder.flags ?? []).map((f) => h('li', {}, L.say(`ladder.${f}`, lang)));
  return section(
    'sec-ladder',
    L.say('section.ladder', lang),
    table({ id: 'table-ladder', caption: L.say('chart.ladder', lang), headRows, rows, className: 'ladder-table' }),
    flags.length ? h('ul', { class: 'flag-list' }, flags) : null,
  );
}

/** Coverage of owners, causers and solvers: who holds each role, the connection, the status. */
export function coverageSection(coverage, L, lang) {
  const roles = coverage.roles ?? {};
  const rows = Object.entries(roles).map(([id, c]) => ({
    data: { id, status: c.status ?? '' },
    cells: [
      L.role(id, lang),
      { text: c.holders?.length ? c.holders.join(', ') : w(lang, 'coverageNone') },
      scoreCell(L, c.connection?.mean, lang),
      { text: String(c.connection?.n ?? 0), num: true },
      { text: c.status ? h('span', { class: `badge badge-cov-${c.status}` }, L.say(`coverage.${c.status}`, lang)) : '—' },
    ],
  }));
  return section(
    'sec-coverage',
    L.say('section.coverage', lang),
    table({
      id: 'table-coverage',
      caption: L.say('section.coverage', lang),
      head: [w(lang, 'dim_role'), L.say('coverage.holders', lang), L.say('coverage.connection', lang), L.say('col.n', lang), w(lang, 'coverageStatus')],
      rows,
    }),
  );
}

/** The interests per organisation, with the flags the core raised. */
export function interestsSection(interests, L, lang) {
  const sources = L.sourceIds();
  const rows = interests.map((o) => ({
    data: { organisation: o.organisation },
    cells: [
      o.organisation,
      { text: String(o.respondents), num: true },
      scoreCell(L, o.interest, lang),
      scoreCell(L, o.give, lang),
      scoreCell(L, o.take, lang),
      scoreCell(L, o.passion, lang),
      ...sources.map((s) => scoreCell(L, o.influence?.[s], lang)),
      { text: L.delta(o.balance, lang) ?? '—', num: true },
      {
        text: h(
          'span',
          { class: 'flags' },
          o.ring ? h('span', { class: 'badge badge-ring' }, w(lang, 'ringMark')) : null,
          (o.flags ?? []).map((f) => h('span', { class: 'badge badge-flag' }, L.say(`interests.${f}`, lang))),
        ),
      },
    ],
  }));
  return section(
    'sec-interests',
    L.say('section.interests', lang),
    table({
      id: 'table-interests',
      caption: L.say('section.interests', lang),
      head: [
        L.say('col.organisation', lang),
        w(lang, 'respondentsCol'),
        L.say('col.interest', lang),
        L.say('col.give', lang),
        L.say('col.take', lang),
        L.say('col.passion', lang),
        ...sources.map((s) => L.source(s, lang)),
        L.say('col.balance', lang),
        w(lang, 'flags'),
      ],
      rows,
      className: 'interests-table',
    }),
  );
}

/** Chain or network: how many respondents chose each form. */
export function formSection(form, L, lang) {
  const counts = form?.counts ?? {};
  return section(
    'sec-form',
    L.say('section.form', lang),
    h(
      'ul',
      { class: 'form-counts' },
      Object.entries(counts).map(([id, n]) => h('li', { class: form.dominant === id ? 'dominant' : null }, `${L.say(`form.${id}`, lang)}: ${n}`)),
    ),
  );
}

/** One piece of advice: title, finding, what to do, the lowest statement, divergent items. */
export function adviceCard(a, L, lang, { rank } = {}) {
  const lowest = a.lowest
    ? h('p', { class: 'advice-lowest' }, h('strong', {}, `${L.say('advice.lowest', lang)}: `), `“${a.lowest.text?.[lang] ?? ''}” (${L.score(a.lowest.mean, lang) ?? '—'})`)
    : null;
  const items = a.items?.length
    ? h('div', { class: 'advice-items' }, h('p', {}, h('strong', {}, w(lang, 'adviceItems'))), h('ul', {}, a.items.map((id) => h('li', {}, L.item(id, lang)))))
    : null;
  return h(
    'article',
    { class: `advice advice-${a.band ?? 'none'}`, dataset: { id: a.id, when: a.when } },
    h('h3', {}, rank ? h('span', { class: 'advice-rank' }, `${rank}. `) : null, a.title?.[lang] ?? a.id),
    a.finding?.[lang] ? h('p', { class: 'advice-finding' }, a.finding[lang]) : null,
    a.text?.[lang] ? h('p', { class: 'advice-text' }, a.text[lang]) : null,
    lowest,
    items,
  );
}

/** The ranked advice: the first three first ("choose your battles"), the rest after. */
export function adviceSection(advice, L, lang) {
  const list = advice ?? [];
  if (list.length === 0) return section('sec-advice', L.say('section.advice', lang), h('p', {}, L.say('advice.none', lang)));
  const first = list.slice(0, 3).map((a, i) => adviceCard(a, L, lang, { rank: i + 1 }));
  const rest = list.slice(3).map((a, i) => adviceCard(a, L, lang, { rank: i + 4 }));
  return section(
    'sec-advice',
    L.say('section.advice', lang),
    h('div', { class: 'advice-first' }, first),
    rest.length ? [h('h3', { class: 'advice-further' }, L.say('advice.further', lang)), h('div', { class: 'advice-rest' }, rest)] : null,
  );
}

/** The comments per concept and module and the answers to the open questions. */
export function commentsSection(comments, L, lang) {
  const entries = Object.entries(comments ?? {});
  if (entries.length === 0) return section('sec-comments', L.say('section.comments', lang), h('p', {}, w(lang, 'commentsNone')));
  // The instrument's order: concepts, then modules and open questions as the scan asks them.
  const order = [...L.conceptIds(), ...(L.instrument.modules ?? []).map((m) => m.id), ...(L.instrument.items ?? []).map((i) => i.id)];
  const rank = (key) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  return section(
    'sec-comments',
    L.say('section.comments', lang),
    entries.map(([key, c]) =>
      h(
        'div',
        { class: 'comment-group', dataset: { key } },
        h('h3', {}, L.isOpenItem(key) ? h('span', { class: 'open-mark' }, `${w(lang, 'commentsOpen')}: `) : null, L.commentKey(key, lang), h('span', { class: 'count' }, ` (${w(lang, 'commentsCount', { n: c.count })})`)),
        h(
          'ul',
          { class: 'comment-list' },
          c.texts.map((text) => h('li', {}, text)),
        ),
      ),
    ),
  );
}
