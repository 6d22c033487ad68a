// Shared plumbing for the end-to-end suites: Debian Chromium through playwright-core, a
// static server on 127.0.0.1, and per-page collectors for errors and network requests.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// MG_DIST lets parallel work build into its own folder (trunk build --release --dist DIR).
export const DIST = process.env.MG_DIST || join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

/** The built app script's file name: massage-guide-app.<8 hex digits of its SHA-384>.js. */
export const APP_NAME_RE = /^massage-guide-app\.[0-9a-f]{8}\.js$/;
export function appFileName(dist = DIST) {
  const name = existsSync(dist) && (readdirSync(dist).find((f) => APP_NAME_RE.test(f))
    || (existsSync(join(dist, 'massage-guide-app.js')) && 'massage-guide-app.js')); // builds before the hash
  if (!name) throw new Error(`no massage-guide-app.<hash>.js in ${dist}: run tools/build.sh first`);
  return name;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

export function launchChromium(options = {}) {
  if (!existsSync(join(DIST, 'massage-guide.js'))) {
    throw new Error('dist/ is missing: run `trunk build --release` (tools/test.sh does) first');
  }
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ...options });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.txt': 'text/plain',
};

/**
 * Serves `dist/` at `/` and the test fixtures at `/fixtures/`. `headers(path, query)` may add
 * response headers (e.g. a Content-Security-Policy for one page); `respond(path, query)` may
 * replace a response (missing, delayed or tampered files; pages written by the test).
 * @param {{ headers?: (path: string, query: URLSearchParams) => Record<string, string>,
 *   respond?: (path: string, query: URLSearchParams) => any }} [options]
 */
export async function serve({ headers = () => ({}), respond = () => null } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    // `respond(path, query)` may answer instead of the file: { status, body, delay, type }.
    const answer = await respond(path, url.searchParams);
    if (answer) {
      if (answer.delay) await new Promise((resolve) => setTimeout(resolve, answer.delay));
      if (answer.body === undefined) {
        try { answer.body = await readFile(join(DIST, path.slice(1))); } catch { answer.status = 404; answer.body = 'not found'; }
      }
      res.writeHead(answer.status || 200, { 'content-type': answer.type || TYPES[extname(path)] || 'text/plain', 'cache-control': 'no-store', ...headers(path, url.searchParams) });
      res.end(answer.body);
      return;
    }
    const [base, rel] = path.startsWith('/fixtures/') ? [FIXTURES, path.slice(10)] : [DIST, path.slice(1) || 'index.html'];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers(path, url.searchParams) });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Watches one page: uncaught errors (`pageerror`), console errors and warnings, and every
 * request it makes. `expectClean()` fails on any error not matched by `allow`.
 */
export function watch(page) {
  const log = { pageErrors: [], consoleErrors: [], warnings: [], requests: [] };
  page.on('pageerror', (error) => log.pageErrors.push(String(error && error.stack || error)));
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
    if (message.type() === 'warning') log.warnings.push(message.text());
  });
  page.on('request', (request) => log.requests.push(request.url()));
  log.problems = (allow = []) => [...log.pageErrors, ...log.consoleErrors]
    .filter((text) => !allow.some((pattern) => pattern.test(text)));
  return log;
}

/** Saves a full-page screenshot under tests/artifacts/ (git-ignored). */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Resolves once `count` widgets on the page show their shell: tabs and the article (no wasm). */
export async function widgetsReady(page, count = 1) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('massage-guide')];
    return hosts.length >= n && hosts.slice(0, n).every((h) => h.shadowRoot && h.shadowRoot.querySelector('.mg[data-version] .mg-article'));
  }, count, { timeout: 20000 });
}

/** Resolves once `count` widgets have mounted the quiz and timer app (Yew + wasm). */
export async function appReady(page, count = 1) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('massage-guide')];
    return hosts.length >= n && hosts.slice(0, n).every((h) => h.shadowRoot && h.shadowRoot.querySelector('.mg-mount:not([data-off]) [data-mg-app]'));
  }, count, { timeout: 20000 });
}
