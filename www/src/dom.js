// A tiny element builder. Text always goes in as text nodes (never as HTML), so user
// input and instrument texts can never inject markup.

/**
 * Creates an element. `props`: `class`, `text`, `dataset`, boolean properties (`checked`,
 * `hidden`, `disabled`, `open`), `value` (set as property), anything else as attribute.
 * Children: nodes or strings; null, undefined and false are skipped; arrays are flattened.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.append(child);
    else el.append(document.createTextNode(String(child)));
  }
}

/**
 * Resolves in a new task, so that the browser may paint and answer input in between: a
 * long start-up is cut into pieces that each block the page for a short while only.
 * `scheduler.yield()` where the browser has it (it resumes before other queued work).
 */
export function nextTask() {
  const scheduler = globalThis.scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/** Replaces all children of `el`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
