// Work that can wait until the browser has painted the answer: the charts that are not
// the step's own, the open value tables, the "Wat zou helpen?" boxes. An answer then
// shows at once (the radio, the step's chart), and the rest follows a frame later. One
// queue per scan: a task queued twice before it runs runs once, with the latest work.

/** Returns `later(key, fn)`; `later.flush()` runs what is queued now. */
export function createLater() {
  const queue = new Map();
  let scheduled = false;

  function run() {
    scheduled = false;
    const tasks = [...queue.values()];
    queue.clear();
    for (const task of tasks) task();
  }

  function later(key, fn) {
    queue.set(key, fn);
    if (scheduled) return;
    scheduled = true;
    // requestAnimationFrame runs before the paint; the timeout after it, once painted.
    const frame = globalThis.requestAnimationFrame ?? ((cb) => setTimeout(cb, 16));
    frame(() => setTimeout(run, 0));
  }
  later.flush = run;
  return later;
}
