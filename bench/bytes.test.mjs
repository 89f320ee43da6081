// `node --test bench/bytes.test.mjs`: the byte accounting of the benchmark (`cargo xtask bench` runs it first).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { countFiles, gzipSize } from './bytes.mjs';

test('gzip size is the length of a real gzip -9 stream', () => {
  const text = Buffer.from('Gelijkwaardigheid, respect, vrijheid. '.repeat(200));
  const size = gzipSize(text);
  assert.equal(size, gzipSync(text, { level: 9 }).length);
  assert.ok(size < text.length / 10, `repetitive text compresses well (${size} of ${text.length})`);
  // An empty body still costs the gzip header and trailer (18 bytes) plus an empty block.
  assert.ok(gzipSize(Buffer.alloc(0)) >= 18);
});

test('files are counted once each, with raw and gzipped sizes', () => {
  const body = Buffer.from('{"a": 1}\n'.repeat(50));
  const files = countFiles([
    { url: 'http://127.0.0.1:1/index.html', body, type: 'text/html' },
    { url: 'http://127.0.0.1:1/pkg/x.wasm?v=1', body: Buffer.alloc(10), type: 'application/wasm' },
    { url: 'http://127.0.0.1:1/index.html', body, type: 'text/html' },
  ]);
  assert.deepEqual(
    files.map((f) => [f.path, f.raw]),
    [
      ['/index.html', body.length],
      ['/pkg/x.wasm?v=1', 10],
    ],
  );
  assert.equal(files[0].gz, gzipSize(body));
});
