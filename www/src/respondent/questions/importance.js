// "Hoe belangrijk is dit nu voor onze samenwerking?", asked once per concept on the
// importance scale: `importance[concept id]`.

import { tx } from '../../i18n.js';
import { scaleKind } from './scale.js';

export default scaleKind({
  kind: 'importance',
  path: ['importance'],
  legend: ({ instrument, lang }) => tx(instrument.importance.question, lang),
  scale: ({ instrument }) => instrument.importance.scale ?? 'belang',
  extraClass: 'importance',
});
