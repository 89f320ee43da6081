// The organisation's interest, give, take and passion, each on its own scale (omvang,
// mate): `interests[question id]`.

import { tx } from '../../i18n.js';
import { scaleKind } from './scale.js';

export default scaleKind({
  kind: 'interest',
  path: ['interests'],
  legend: ({ lang }, q) => tx(q.question.text, lang),
  scale: (_view, q) => q.question.scale,
});
