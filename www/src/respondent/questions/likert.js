// A statement answered on a five-point scale (the instrument's items of type "likert",
// on the item's scale, agreement by default): `answers[item id]`.

import { tx } from '../../i18n.js';
import { scaleKind } from './scale.js';

export default scaleKind({
  kind: 'likert',
  path: ['answers'],
  legend: ({ lang }, q) => tx(q.item.text, lang),
  scale: (_view, q) => q.item.scale ?? 'eens',
});
