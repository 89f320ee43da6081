// Shared pieces of the end-to-end tests: the two servers, the browser, a browser context
// that fails the test on anything a participant should never meet, and helpers that
// reach into the <netwerk-scan> element. `cargo xtask test` sets the environment; see
// tests/README.md.
//
// Two servers, three origins:
//   the scan site   `xtask serve` on http://127.0.0.1:P/ serving a copy of dist/site,
//                   with the product's own headers (CSP, CORS, gzip): the site as it
//                   is deployed, and what an iframe on a course site shows. Called
//                   http://localhost:P/ it is another origin on the course site's site
//                   (first-party storage in a frame there); as 127.0.0.1 it is
//                   cross-site (third-party: Chromium refuses its storage in a frame);
//   the course site a small node server on http://localhost:Q/ (another origin, and
//                   another site): the host pages of tests/e2e/hosts/ at `/`, a copy of
//                   dist/widget/ at `/cursus/netwerkscan/` (as a trainer would copy it),
//                   every response with the strict CSP a careful course site sends.
//
// Guards every test keeps (`tab.assertClean()`): no console error, no uncaught
// exception, no Content-Security-Policy violation (reported from every frame, the
// document and every shadow root), no request to anything but the page's own origins
// (such requests are aborted as well, so nothing leaves the machine).

import { spawn, execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOSTS = path.join(ROOT, 'tests', 'e2e', 'hosts');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

/** The draft's key when a page sets no `storage-key` (www/src/storage.js). */
export const DRAFT_KEY = 'netwerkscan:draft';
/** The performance mark set when the first chart is on the canvas (www/src/first-chart.js). */
export const FIRST_CHART_MARK = 'netwerkscan:first-chart';

/** The default instrument, read from the repository (the page gets the same one built in). */
export const INSTRUMENT = JSON.parse(readFileSync(path.join(ROOT, 'core', 'instrument', 'netwerkscan.json'), 'utf8'));

// ----- what the build holds yet -----

// The respondent app and the group view are being written on their own branches; until
// they are merged, their modules are placeholders that say so on their first line. Tests
// that need them are skipped with this reason, and run as soon as the real app is there.
const placeholder = (file) => {
  try {
    return readFileSync(path.join(ROOT, 'www', 'src', file), 'utf8').startsWith('// Placeholder');
  } catch {
    return true;
  }
};
// E2E_TRY_APP=1 runs them anyway: against a build of another tree (NETWERKSCAN_SITE).
export const APP_READY = process.env.E2E_TRY_APP === '1' || !placeholder('respondent/app.js');
export const GROUP_READY = !placeholder('group/app.js');
/** Options for `it()`: skipped while the respondent app is the placeholder. */
export const needsApp = APP_READY ? {} : { skip: 'needs the respondent app (branch respondent); www/src/respondent/app.js is still the placeholder' };
/** Options for `it()`: skipped while the group view is the placeholder. */
export const needsGroup = GROUP_READY ? {} : { skip: 'needs the group view (branch group); www/src/group/app.js is still the placeholder' };

// ----- binaries and built files -----

/** The xtask binary: from `cargo xtask test`, or the one cargo last built. */
function xtaskBinary() {
  if (process.env.XTASK_BIN) return process.env.XTASK_BIN;
  const built = path.join(ROOT, 'target', 'debug', 'xtask');
  if (existsSync(built)) return built;
  throw new Error('XTASK_BIN is not set and target/debug/xtask does not exist; run the tests with `cargo xtask test`');
}

/** The CLI binary: from `cargo xtask test`, or the debug build. */
export function cliBinary() {
  if (process.env.NETWERKSCAN_BIN) return process.env.NETWERKSCAN_BIN;
  const built = path.join(ROOT, 'target', 'debug', 'netwerkscan');
  if (existsSync(built)) return built;
  throw new Error('NETWERKSCAN_BIN is not set and target/debug/netwerkscan does not exist');
}

/** dist/: the parent of the built site (`NETWERKSCAN_SITE` names the site itself). */
export function distDir() {
  return process.env.NETWERKSCAN_SITE ? path.dirname(process.env.NETWERKSCAN_SITE) : path.join(ROOT, 'dist');
}

/**
 * A private copy of a built folder or file, so that a rebuild of dist/ while the tests
 * run (another terminal, an editor's watcher) cannot change files under a test, and a
 * test may change its copy (the service worker's version). Removed by `stop()`.
 */
export function privateCopy(source, name = path.basename(source)) {
  if (!existsSync(source)) throw new Error(`${source} does not exist; build first (cargo xtask build)`);
  const base = mkdtempSync(path.join(tmpdir(), 'netwerkscan-e2e-'));
  const copy = path.join(base, name);
  cpSync(source, copy, { recursive: true });
  return { path: copy, remove: () => rmSync(base, { recursive: true, force: true }) };
}

// ----- the scan site: xtask serve -----

/**
 * Starts `xtask serve --no-build --port 0` on a copy of dist/site and waits for its
 * "Serving Netwerkscan on http://127.0.0.1:PORT/" line. Returns {url, origin, dir, stop()}.
 */
export async function startServer() {
  const site = process.env.NETWERKSCAN_SITE ?? path.join(distDir(), 'site');
  if (!existsSync(path.join(site, 'netwerk-scan.js'))) throw new Error(`${site} has no netwerk-scan.js; build the site first (cargo xtask build)`);
  const copy = privateCopy(site);
  const args = ['serve', '--no-build', '--port', '0', '--dir', copy.path];
  const child = spawn(xtaskBinary(), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error(`xtask serve did not report its address within 60 s\n${stderr}`)), 60_000);
    function fail(error) {
      clearTimeout(timer);
      child.kill();
      copy.remove();
      reject(error);
    }
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const match = buffered.match(/Serving Netwerkscan on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`xtask serve exited with ${code} before serving\n${stderr}`)));
  });
  // From here on an exit is the normal end, not a failure.
  child.removeAllListeners('exit');
  return {
    url,
    origin: new URL(url).origin,
    // The same server by another name: another origin, but the same site as the course
    // site on localhost (ports do not make sites), so its storage is first-party there.
    sameSiteUrl: url.replace('127.0.0.1', 'localhost'),
    dir: copy.path,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      copy.remove();
    },
  };
}

// ----- the course site: a host of the widget on another origin -----

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The CSP a careful course site sends: no inline script or style, wasm allowed to
 * compile, and frames only from the scan site.
 */
export function courseCsp(scanOrigins) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `frame-src ${scanOrigins?.length ? scanOrigins.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Starts the course site on http://localhost:Q/: tests/e2e/hosts/ at `/` and a copy of
 * dist/widget/ at `/cursus/netwerkscan/`, with `courseCsp(scanOrigins)` on every
 * response (the scan site may be framed from those origins). Returns {url, origin, stop()}.
 */
export async function startCourseSite({ scanOrigins = [] } = {}) {
  const widget = privateCopy(path.join(distDir(), 'widget'));
  const csp = courseCsp(scanOrigins);
  const server = createServer((request, response) => {
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400, headers).end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, headers).end();
      return;
    }
    const [base, rest] = pathname.startsWith('/cursus/netwerkscan/') ? [widget.path, pathname.slice('/cursus/netwerkscan/'.length)] : [HOSTS, pathname.slice(1)];
    const file = path.resolve(base, rest || 'index.html');
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://localhost:${server.address().port}/`;
  return {
    url,
    origin: new URL(url).origin,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      widget.remove();
    },
  };
}

// ----- the browser -----

/** Launches the system Chromium; playwright never downloads a browser here. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 800 };

/** Installed in every frame before its scripts run: reports CSP violations to the test. */
function cspReporter() {
  const report = (event) => {
    const where = event.currentTarget instanceof ShadowRoot ? 'shadow root' : 'document';
    globalThis.__netwerkscanCsp?.(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || location.href}:${event.lineNumber} (${where}${event.sample ? `: ${event.sample}` : ''})`);
  };
  document.addEventListener('securitypolicyviolation', report, true);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const shadow = attach.call(this, init);
    shadow.addEventListener('securitypolicyviolation', report, true);
    return shadow;
  };
}

/**
 * A fresh browser context with the guards, and a page in it. Options:
 * - `origins`: the origins the page may load from (its own besides: the origin of every
 *   URL it is sent to is added by `tab.allow(url)`; `file:` pages allow only their file);
 * - `viewport`, `deviceScaleFactor`, `locale`, `permissions`;
 * - `serviceWorkers`: 'block' (default: routing then sees every request) or 'allow';
 * - `failedRequests`: true when a test makes requests fail on purpose (offline);
 * - `tolerate`: console errors (regular expressions) that a test expects on purpose.
 * Returns {context, page, problems, violations, downloads, allow(url), assertClean(), close()}.
 */
export async function openTab(browser, { origins = [], viewport = DESKTOP, deviceScaleFactor = 1, locale = 'nl-NL', permissions = [], serviceWorkers = 'block', failedRequests = false, tolerate = [] } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, locale, acceptDownloads: true, serviceWorkers, permissions });
  const allowed = new Set(origins.map((o) => new URL(o).origin));
  const files = new Set();
  const problems = [];
  const violations = [];
  const permitted = (url) => {
    if (url.startsWith('data:') || url === 'about:blank' || url === 'about:srcdoc') return true;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'blob:') return parsed.pathname.startsWith('null/') || permitted(parsed.pathname);
      if (parsed.protocol === 'file:') return files.has(parsed.pathname);
      return allowed.has(parsed.origin);
    } catch {
      return false;
    }
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (permitted(url)) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort('blockedbyclient');
  });
  await context.exposeBinding('__netwerkscanCsp', (_source, text) => {
    violations.push(text);
  });
  await context.addInitScript(cspReporter);
  context.on('console', (message) => {
    if (message.type() === 'error' && !tolerate.some((re) => re.test(message.text()))) problems.push(`console error: ${message.text()} (${message.location()?.url ?? ''})`);
  });
  context.on('weberror', (error) => problems.push(`uncaught exception: ${error.error().message}`));
  context.on('request', (request) => {
    if (!permitted(request.url())) problems.push(`request to another origin: ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    if (!failedRequests && !/ERR_ABORTED/.test(failure)) problems.push(`request failed: ${request.url()} (${failure})`);
  });
  const page = await context.newPage();
  const tab = {
    context,
    page,
    problems,
    violations,
    /** Lets the page load from `url`'s origin (or that file). */
    allow(url) {
      const parsed = new URL(url);
      if (parsed.protocol === 'file:') files.add(parsed.pathname);
      else allowed.add(parsed.origin);
      return url;
    },
    /** Throws when anything went wrong on the page so far. */
    assertClean() {
      const all = [...new Set(problems)].concat([...new Set(violations)].map((v) => `CSP violation: ${v}`));
      if (all.length > 0) throw new Error(`the page had problems:\n  ${all.join('\n  ')}`);
    },
    close: () => context.close(),
  };
  return tab;
}

// ----- the element -----

/**
 * Waits until the <netwerk-scan> matched by `selector` in `target` (a page or a frame)
 * has started: its `response` is there (the group view: its "loading" note is gone), or
 * it says in plain words why it cannot load.
 * Throws with what it shows when neither happens in time.
 */
export async function waitForScan(target, selector = 'netwerk-scan', { timeout = 30_000 } = {}) {
  try {
    await target.waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        if (!el?.shadowRoot) return false;
        // A participant's scan has a response; the facilitator's view has no "loading" note.
        const started = el.mode === 'group' ? el.shadowRoot.querySelector('main') && !el.shadowRoot.querySelector('main .loading') : el.response != null;
        return Boolean(started || el.shadowRoot.querySelector('.load-error'));
      },
      selector,
      { timeout },
    );
  } catch (error) {
    throw new Error(`${selector} did not start: ${error.message}\nit shows: ${await shownText(target, selector)}`);
  }
  const failed = await target.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.load-error')?.textContent ?? null, selector);
  if (failed) throw new Error(`${selector} could not load: ${failed}`);
}

/** Everything the element shows, as text (for messages). */
export function shownText(target, selector = 'netwerk-scan') {
  return target.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '(no element)', selector).catch((e) => `(unreadable: ${e.message})`);
}

/**
 * Waits until the scan can be filled in: the opening screen's "begin" button is enabled,
 * or a question step is shown. (Only the respondent app enables the button.)
 */
export async function waitForReady(target, selector = 'netwerk-scan', { timeout = 30_000 } = {}) {
  await waitForScan(target, selector, { timeout });
  try {
    await target.waitForFunction(
      (sel) => {
        const root = document.querySelector(sel)?.shadowRoot;
        if (!root) return false;
        const begin = root.querySelector('[data-action="begin"]');
        if (begin) return !begin.disabled;
        return root.querySelector('main input, main textarea, main select') !== null || root.querySelector('main .loading') === null;
      },
      selector,
      { timeout },
    );
  } catch (error) {
    throw new Error(`${selector} never became ready: ${error.message}\nit shows: ${await shownText(target, selector)}`);
  }
}

/** How many times the first-chart mark was set on the page. */
export function firstChartMarks(target) {
  return target.evaluate((mark) => performance.getEntriesByName(mark).length, FIRST_CHART_MARK);
}

/**
 * Whether the canvas `canvasSelector` in the shadow root of `hostSelector` has a drawing
 * on it (more than one colour) at a backing store of its CSS size times devicePixelRatio.
 */
export function canvasDrawn(target, hostSelector = 'netwerk-scan', canvasSelector = 'canvas') {
  return target.evaluate(([host, sel]) => {
    const canvas = document.querySelector(host)?.shadowRoot?.querySelector(sel);
    if (!canvas || canvas.width < 2 || canvas.height < 2) return false;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 4; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) return true;
    }
    return false;
  }, [hostSelector, canvasSelector]);
}

/** Reads the element's `response` property (a plain copy). */
export function responseOf(target, selector = 'netwerk-scan') {
  return target.evaluate((sel) => JSON.parse(JSON.stringify(document.querySelector(sel).response)), selector);
}

/** Sets the element's `response` property. */
export function setResponse(target, response, selector = 'netwerk-scan') {
  return target.evaluate(([sel, value]) => {
    document.querySelector(sel).response = value;
  }, [selector, response]);
}

// ----- saving -----

/**
 * Takes Chromium's save dialog (showSaveFilePicker) away, so that saving takes the path
 * of every other browser and of frames: a download the test can catch.
 */
export function withoutSavePicker(context) {
  return context.addInitScript(() => {
    try {
      delete window.showSaveFilePicker;
    } catch {
      // Not configurable: overwrite it below.
    }
    if (typeof window.showSaveFilePicker === 'function') window.showSaveFilePicker = undefined;
  });
}

/**
 * Replaces Chromium's save dialog with one that "chooses" a file at once and keeps what
 * is written: the page's `window.__saved` becomes {suggestedName, text}.
 */
export function fakeSavePicker(context) {
  return context.addInitScript(() => {
    window.showSaveFilePicker = async (options = {}) => ({
      name: options.suggestedName,
      async createWritable() {
        const parts = [];
        return {
          async write(data) {
            parts.push(typeof data === 'string' ? data : await new Blob([data]).text());
          },
          async close() {
            window.__saved = { suggestedName: options.suggestedName, text: parts.join('') };
          },
        };
      },
    });
  });
}

// ----- storage -----

/**
 * Fills localStorage of `origin` before a test: opens a plain file of that origin (no
 * scan runs there), runs `fill(localStorage)` in it (a function serialised into the
 * page, with `arg`), and returns what it returned.
 */
export async function withStorage(page, origin, fill, arg) {
  await page.goto(new URL('/robots.txt', origin).href);
  return page.evaluate(fill, arg);
}

/** The draft stored under `key` on the page's origin, parsed (null when there is none). */
export async function storedDraft(target, key = DRAFT_KEY) {
  const text = await target.evaluate((k) => localStorage.getItem(k), key);
  return text == null ? null : JSON.parse(text);
}

// ----- accessibility -----

const require = createRequire(import.meta.url);
let axeSource = null;

/**
 * Runs axe-core (WCAG 2.x A and AA and best practices) on the page, shadow roots
 * included, and returns its violations as readable lines. The script goes in through
 * the DevTools protocol, so the page's CSP is neither bent nor violated.
 */
export async function axeViolations(page) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] }),
  );
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' >> ')).join('; ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
}

// ----- artefacts and the CLI -----

/** Saves a screenshot as tests/artifacts/<name>.png: the full page, or what the viewport shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/**
 * Prints `page` as the browser's print to PDF does (print media, A4, backgrounds) to
 * `tests/artifacts/<name>.pdf`. Returns {file, pages, text}: the page count (poppler's
 * pdfinfo where it is installed, else counted in the PDF) and the text (pdftotext, runs
 * of white space made one space; null without poppler). With poppler the first `render`
 * pages are also rendered as `<name>-page-N.png`, to look at.
 */
export async function printPdf(page, name, { render = Infinity } = {}) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const poppler = ['pdfinfo', 'pdftotext', 'pdftoppm'].every((tool) => existsSync(`/usr/bin/${tool}`));
  if (!poppler) return { file, pages: (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, text: null };
  const pages = Number(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  for (const f of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-page`))) rmSync(path.join(ARTIFACTS, f));
  const last = Math.min(pages, render);
  if (last > 0) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(last), file, path.join(ARTIFACTS, `${name}-page`)]);
  const text = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { file, pages, text };
}

/** Runs the CLI and returns its stdout. */
export function runCli(args) {
  return execFileSync(cliBinary(), args, { cwd: ROOT, encoding: 'utf8' });
}

/**
 * Servers and browser for one test file, started once in `before` and stopped in
 * `after`: `const env = useSite({ before, after, course: true }); ... env.url`.
 * env: {url, origin (the scan site), sameSiteUrl, sameSiteOrigin (the scan site as
 * http://localhost:P/), course: {url, origin} (with `course: true`), browser}.
 */
export function useSite({ before, after, course = false }) {
  const env = { url: null, origin: null, sameSiteUrl: null, sameSiteOrigin: null, server: null, course: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.url = env.server.url;
    env.origin = env.server.origin;
    env.sameSiteUrl = env.server.sameSiteUrl;
    env.sameSiteOrigin = new URL(env.sameSiteUrl).origin;
    if (course) env.course = await startCourseSite({ scanOrigins: [env.origin, env.sameSiteOrigin] });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.course?.stop();
    await env.server?.stop();
  });
  return env;
}
