// The one registry of question kinds. Each kind is handled in one module, which knows
// how to render its question, read an answer from its input, and keep it in the
// response object (docs/FORMATS.md, version 2). The steps list questions as
// {kind, id, ...}; the form and the change handler look the kind up here.

import likert from './likert.js';
import importance from './importance.js';
import interest from './interest.js';
import influence from './influence.js';
import ladder from './ladder.js';
import form from './form.js';
import choice from './choice.js';
import roles from './roles.js';
import text from './text.js';
import open from './open.js';
import comment from './comment.js';

const KINDS = new Map([likert, importance, interest, influence, ladder, form, choice, roles, text, open, comment].map((k) => [k.kind, k]));

/** The kind `name`, or undefined. */
export function kindOf(name) {
  return KINDS.get(name);
}

/** True when the question counts in the progress (scored and typing questions). */
export function isCounted(question) {
  return Boolean(KINDS.get(question.kind)?.counted);
}

/** True when `question` has been answered ("weet niet" counts as an answer). */
export function isAnswered(response, question) {
  return Boolean(KINDS.get(question.kind)?.answered(response, question.id));
}
