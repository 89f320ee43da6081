// Reading and writing one answer in the response object (docs/FORMATS.md, "Response").
// A question is addressed by a `ref`: {kind, id}. Kinds on a 1..5 scale store the
// integer, or null for "weet niet"; a question that was never touched is absent.

const SCALE_KINDS = new Set(['answer', 'importance', 'interest', 'influence']);

/** Parses a radio value: "1".."5" -> number, "null" -> null. */
export function parseScaleValue(text) {
  if (text === 'null') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

function section(response, name) {
  if (response[name] == null || typeof response[name] !== 'object') response[name] = {};
  return response[name];
}

function influence(response) {
  const interests = section(response, 'interests');
  if (interests.influence == null || typeof interests.influence !== 'object') interests.influence = {};
  return interests.influence;
}

function respondent(response) {
  const r = section(response, 'respondent');
  r.alias ??= '';
  r.organisation ??= '';
  if (!Array.isArray(r.roles)) r.roles = [];
  if (!('position' in r)) r.position = null;
  return r;
}

/** The container object and key that hold the value of `ref`, or null. */
function slot(response, ref) {
  switch (ref.kind) {
    case 'answer':
      return [response.answers, ref.id];
    case 'importance':
      return [response.importance, ref.id];
    case 'interest':
      return [response.interests, ref.id];
    case 'influence':
      return [response.interests?.influence, ref.id];
    case 'ladder':
      return [response.ladder, ref.id];
    case 'comment':
      return [response.comments, ref.id];
    default:
      return [null, null];
  }
}

/** The stored value of `ref` (undefined when absent). */
export function getValue(response, ref) {
  const [obj, key] = slot(response, ref);
  return obj && typeof obj === 'object' ? obj[key] : undefined;
}

/** True when the question has been answered ("weet niet" counts as an answer). */
export function isAnswered(response, ref) {
  const [obj, key] = slot(response, ref);
  if (!obj || typeof obj !== 'object' || !(key in obj)) return false;
  // The ladder has no "weet niet": null there means not chosen yet.
  if (ref.kind === 'ladder') return obj[key] != null;
  return SCALE_KINDS.has(ref.kind) ? obj[key] === null || Number.isInteger(obj[key]) : true;
}

/** Applies one change from the form to the response. */
export function applyChange(response, change) {
  const { kind, id, value } = change;
  switch (kind) {
    case 'answer':
      section(response, 'answers')[id] = value;
      break;
    case 'importance':
      section(response, 'importance')[id] = value;
      break;
    case 'interest':
      section(response, 'interests')[id] = value;
      break;
    case 'influence':
      influence(response)[id] = value;
      break;
    case 'ladder': {
      const ladder = section(response, 'ladder');
      if (!('current' in ladder)) ladder.current = null;
      if (!('desired' in ladder)) ladder.desired = null;
      ladder[id] = value;
      break;
    }
    case 'comment': {
      const comments = section(response, 'comments');
      // An emptied comment is removed, so "a comment exists" keeps meaning something.
      if (value.trim() === '') delete comments[id];
      else comments[id] = value;
      break;
    }
    case 'alias':
      respondent(response).alias = value;
      break;
    case 'organisation':
      respondent(response).organisation = value;
      break;
    case 'role': {
      const r = respondent(response);
      const roles = new Set(r.roles);
      if (value) roles.add(id);
      else roles.delete(id);
      // Keep the instrument's order, passed in as `order`.
      r.roles = change.order.filter((role) => roles.has(role));
      break;
    }
    case 'position':
      respondent(response).position = value;
      break;
    default:
      throw new Error(`unknown kind of answer: ${kind}`);
  }
}
