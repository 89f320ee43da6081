// Byte accounting for bench/run.mjs: the size of every file as served and as it would
// travel compressed with `gzip -9` (node's zlib at level 9, the same DEFLATE).

import { gzipSync } from 'node:zlib';

/** The size of `body` (a Buffer or string) after gzip at level 9. */
export function gzipSize(body) {
  return gzipSync(body, { level: 9 }).length;
}

/**
 * One row per file, in the order given, with its path (plus query) on the served
 * origin, raw and gzipped sizes; a URL that appears twice is counted once.
 */
export function countFiles(responses) {
  const seen = new Set();
  const files = [];
  for (const { url, body, type } of responses) {
    if (seen.has(url)) continue;
    seen.add(url);
    const parsed = new URL(url);
    files.push({ path: parsed.pathname + parsed.search, type: type ?? '', raw: body.length, gz: gzipSize(body) });
  }
  return files;
}
