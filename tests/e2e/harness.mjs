// Shared pieces of the end-to-end tests: the site server, the browser, and a page that
// fails the test on any console error, uncaught exception or request that leaves the
// served origin. `cargo xtask test` sets the environment; see tests/README.md.

import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
export const STORAGE_KEY = 'netwerkscan:draft:v1';

/** The default instrument, read from the repository (the page gets the same one built in). */
export const INSTRUMENT = JSON.parse(readFileSync(path.join(ROOT, 'core', 'instrument', 'netwerkscan.json'), 'utf8'));

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

/**
 * Starts `xtask serve --no-build --port 0` and waits for its
 * "Serving Netwerkscan on http://127.0.0.1:PORT/" line. Returns {url, stop()}.
 */
export async function startServer() {
  // Serve a private copy of the built site, so that a rebuild of dist/ while the tests
  // run (another terminal, an editor's watcher) cannot change files under a test.
  const site = process.env.NETWERKSCAN_SITE ?? path.join(ROOT, 'dist', 'site');
  if (!existsSync(path.join(site, 'pkg'))) throw new Error(`${site} has no pkg/; build the site first (cargo xtask build)`);
  const copy = mkdtempSync(path.join(tmpdir(), 'netwerkscan-site-'));
  cpSync(site, copy, { recursive: true });
  const args = ['serve', '--no-build', '--port', '0', '--dir', copy];
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
      rmSync(copy, { recursive: true, force: true });
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
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** Launches the system Chromium; playwright never downloads a browser here. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 800 };

/**
 * A fresh browser context and page on `baseUrl`, with guards: every console error,
 * page error and request to another origin is collected; `assertClean()` throws when
 * there was any. Foreign requests are also aborted, so nothing leaves the machine.
 */
export async function openPage(browser, baseUrl, { viewport = DESKTOP, deviceScaleFactor = 1 } = {}) {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport, deviceScaleFactor, acceptDownloads: true, locale: 'nl-NL' });
  const problems = [];
  const allowed = (url) => {
    if (url.startsWith('data:')) return true;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'blob:') return new URL(parsed.pathname).origin === origin;
      return parsed.origin === origin;
    } catch {
      return false;
    }
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  // For diagnosing a page that does not start: what is still loading, what failed.
  page.problems = problems;
  page.pendingRequests = new Set();
  page.on('request', (request) => {
    if (!allowed(request.url())) problems.push(`request to another origin: ${request.url()}`);
    page.pendingRequests.add(request.url());
  });
  page.on('requestfinished', (request) => page.pendingRequests.delete(request.url()));
  page.on('requestfailed', (request) => {
    page.pendingRequests.delete(request.url());
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  return {
    context,
    page,
    problems,
    assertClean() {
      if (problems.length > 0) throw new Error(`the page had problems:\n  ${[...new Set(problems)].join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/** Loads the page and waits until the scan is rendered; says why when it is not. */
export async function gotoScan(page, baseUrl) {
  await page.goto(baseUrl);
  try {
    await page.waitForSelector('body.ready', { timeout: 20_000 });
  } catch (error) {
    const shown = await page
      .evaluate(() => ({ alert: document.getElementById('alert')?.textContent, loading: document.getElementById('loading')?.textContent }))
      .catch((e) => ({ unreadable: String(e) }));
    const pending = page.pendingRequests ? [...page.pendingRequests] : [];
    throw new Error(`the scan did not start: ${error.message}\npage shows: ${JSON.stringify(shown)}\nproblems: ${JSON.stringify(page.problems ?? [])}${pending.length ? `\npending: ${pending.join(', ')}` : ''}`);
  }
}

/** Saves a screenshot as tests/artifacts/<name>.png: the full page, or what the viewport shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Runs the CLI and returns its stdout. */
export function runCli(args) {
  return execFileSync(cliBinary(), args, { cwd: ROOT, encoding: 'utf8' });
}

/**
 * Server and browser for one test file, started once in `before` and stopped in
 * `after`: `const env = useSite(); ... env.url, env.browser`.
 */
export function useSite({ before, after }) {
  const env = { url: null, browser: null, server: null };
  before(async () => {
    env.server = await startServer();
    env.url = env.server.url;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
