// How much influence the organisation has through one source (resources, authority,
// information, communication): `interests.influence[source id]`.

import { tx } from '../../i18n.js';
import { scaleKind } from './scale.js';

export default scaleKind({
  kind: 'influence',
  path: ['interests', 'influence'],
  // The question names its source itself ("... via hulpbronnen ...").
  legend: ({ lang }, q) => tx(q.source.text, lang),
  scale: ({ instrument }) => instrument.interests.influence.scale,
});
