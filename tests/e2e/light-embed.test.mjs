// The light embed (issue 11): the first script draws the tabs and the whole article with no
// WebAssembly; the quiz and timer (massage-guide-app.js) arrive when the reader reaches for
// them, with Subresource Integrity over http(s), a loading state, a one-sentence failure with
// Retry, the `loading` attribute, offline copies (single file, saved folder, MHTML snapshot),
// Trusted Types hosts and the shared panic screen. Every page is watched: no uncaught error,
// no request outside the test server (or outside file:// for the offline copies).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, copyFile, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { launchChromium, serve, watch, screenshot, widgetsReady, appReady, appFileName, DIST, ROOT } from './harness.mjs';

const APP_NAME = appFileName();
const APP_FILE = `/${APP_NAME}`;
const APP_RE = /\/massage-guide-app\.[0-9a-f]{8}\.js$/;
const VERSION = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];

// ---- What the whole article is: the headings and the last section of dist/snippet.html ----
const SNIPPET = readFileSync(join(DIST, 'snippet.html'), 'utf8');
const decode = (s) => s
  .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
  .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
  .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
const textOf = (html) => decode(html.replace(/<[^>]+>/g, ''));
const EXPECTED_HEADINGS = [...SNIPPET.matchAll(/<(h[1-3])\b[^>]*>([\s\S]*?)<\/\1>/g)]
  .map(([, tag, inner]) => `${tag}:${textOf(inner).trim()}`);
const LAST_SECTION = textOf([...SNIPPET.matchAll(/<section\b[\s\S]*?<\/section>/g)].at(-1)[0]).replace(/\s+/g, '');

/** The article headings and last-section text the reader can see in the first widget. */
function visibleArticle(page, selector = 'massage-guide') {
  return page.$eval(selector, (host) => {
    const root = host.shadowRoot;
    if (!root) return { headings: [], lastSection: '', shadow: false };
    const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getBoundingClientRect().height > 0;
    const headings = [...root.querySelectorAll('h1, h2, h3')]
      .filter((h) => h.closest('.mg-article') && visible(h))
      .map((h) => `${h.localName}:${h.textContent.trim()}`);
    const sections = [...root.querySelectorAll('.mg-article section')];
    const last = sections.at(-1);
    return { headings, lastSection: last && visible(last) ? last.innerText.replace(/\s+/g, '') : '', shadow: true };
  });
}

async function assertWholeArticle(page, selector, message = '') {
  const seen = await visibleArticle(page, selector);
  assert.ok(EXPECTED_HEADINGS.length >= 8, 'the snippet lists the article headings');
  assert.deepEqual(seen.headings, EXPECTED_HEADINGS, `every heading of the article is visible ${message}`);
  assert.equal(seen.lastSection, LAST_SECTION, `the last section's text is visible ${message}`);
}

// ---- Server: dist/ and fixtures, plus pages written by the tests (with their own headers) ----
let browser, server;
const pages = new Map(); // path → { body, headers, type }
let hook = null; // (path, query) → answer | null, for one test
before(async () => {
  browser = await launchChromium();
  server = await serve({
    headers: (path) => pages.get(path)?.headers ?? (hook?.headers?.(path) || {}),
    respond: async (path, query) => {
      const own = hook && (await hook(path, query));
      if (own) return own;
      const page = pages.get(path);
      return page ? { body: page.body, type: page.type || 'text/html; charset=utf-8' } : null;
    },
  });
});
after(async () => { await browser?.close(); await server?.close(); });

function setHook(fn, headers) { hook = fn; if (hook) hook.headers = headers; }

function hostPage({ title = 'Host page', head = '', body, lang = 'en' }) {
  return [
    `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="icon" href="data:,"><title>${title}</title>${head}</head>`,
    `<body>${body}</body></html>`,
  ].join('\n');
}

let counter = 0;
/** Serves a page written by the test; returns its URL. */
function addPage(html, headers = {}) {
  const path = `/t/page-${++counter}.html`;
  pages.set(path, { body: html, headers });
  return server.origin + path;
}

/** The README's minimal embed: an empty element and the script. */
const MINIMAL = (attributes = '') => `<h1>Shop page</h1><massage-guide${attributes}></massage-guide>\n<script src="/massage-guide.js" async></script>`;

async function open(url, { viewport = { width: 1280, height: 800 }, init, waitUntil = 'load' } = {}) {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url, { waitUntil });
  return { context, page, log };
}

const foreign = (log) => log.requests.filter((u) => !u.startsWith(server.origin) && !/^(data|blob):/.test(u));
const appRequests = (log) => log.requests.filter((u) => APP_RE.test(new URL(u).pathname));

function assertClean(log, allow = []) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught error in the host page');
  assert.deepEqual(log.problems(allow), [], 'no console errors');
  assert.deepEqual(foreign(log), [], 'no request outside the test server');
}

const tab = (page, name, selector = 'massage-guide') => page.locator(selector).getByRole('tab', { name, exact: true });

/** The app panel's state in one widget. */
function panelState(page, selector = 'massage-guide') {
  return page.$eval(selector, (host) => {
    const root = host.shadowRoot;
    const status = root.querySelector('.mg-status');
    const shown = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
    const failure = status.querySelector('.mg-note-error p');
    return {
      selected: root.querySelector('[role=tab][aria-selected=true]')?.textContent ?? null,
      busy: status.getAttribute('aria-busy'),
      statusShown: shown(status),
      loadingText: shown(status.querySelector('.mg-loading')) ? status.querySelector('.mg-loading').textContent : null,
      failure: shown(failure) ? failure.textContent : null,
      retry: shown(status.querySelector('[data-mg-retry]')),
      panic: shown(status.querySelector('[data-mg-panic]')),
      app: !!root.querySelector('.mg-mount:not([data-off]) [data-mg-app]'),
      anyApp: !!root.querySelector('[data-mg-app]'),
      quizShown: shown(root.querySelector('.mg-quiz')),
      articleShown: shown(root.querySelector('.mg-panel-article')),
      panelId: status.id,
    };
  });
}

const sentences = (text) => text.trim().split(/(?<=[.!?])\s+(?=[A-Z])/).length;

async function startQuiz(page, selector = 'massage-guide') {
  const host = page.locator(selector);
  await host.locator('.mg-quiz').waitFor({ timeout: 15000 });
  await host.getByRole('button', { name: 'Start', exact: true }).click();
  await host.locator('legend').filter({ hasText: /How old are you/ }).waitFor({ timeout: 5000 });
}

/** The first question, from the intro or from a saved session that already started. */
async function toFirstQuestion(page, selector = 'massage-guide') {
  const host = page.locator(selector);
  const start = host.getByRole('button', { name: 'Start', exact: true });
  const first = host.locator('legend').filter({ hasText: /How old are you/ });
  await start.or(first).first().waitFor({ timeout: 15000 });
  if (await start.isVisible()) await start.click();
  await first.waitFor({ timeout: 5000 });
}

/** Answers question 1 and moves on to question 2 (the quiz works, not just draws). */
async function answerFirstQuestion(page, selector = 'massage-guide') {
  const host = page.locator(selector);
  await host.getByRole('radio', { name: /^20 to 44/ }).check();
  await host.getByRole('button', { name: 'Next', exact: true }).click();
  await host.locator('legend').filter({ hasText: /^Step 2 of/ }).waitFor({ timeout: 5000 });
}

// Chromium's own report of the blocked compile.
const CSP_WASM_REFUSAL = /Refused to compile or instantiate WebAssembly|wasm-unsafe-eval/;
const MISSING_RESOURCE = /Failed to load resource: the server responded with a status of 404/;

// ---- 1. The minimal embed with WebAssembly blocked ----------------------------------------

test('minimal embed with WebAssembly blocked by CSP: the whole article, then a one-sentence failure with Retry on Safety check', async () => {
  // The app file is held by the server until the article has been checked: the article can
  // only have come from the first script.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  setHook(async (path) => (path === APP_FILE ? (await held, { delay: 0 }) : null));
  const url = addPage(hostPage({ title: 'Minimal embed, no wasm', body: MINIMAL() }), { 'content-security-policy': "script-src 'self'" });
  const { context, page, log } = await open(url, { waitUntil: 'domcontentloaded' });
  try {
    await widgetsReady(page);
    await assertWholeArticle(page, 'massage-guide', 'with no WebAssembly');
    const early = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /massage-guide-app\.[0-9a-f]{8}\.js$/.test(e.name)).map((e) => e.responseEnd));
    assert.ok(early.every((end) => end === 0), 'the app file had not arrived when the article was complete');
    assert.deepEqual(await page.$eval('massage-guide', (h) => [...h.shadowRoot.querySelectorAll('[role=tab]')].map((t) => [t.textContent, t.checkVisibility()])),
      [['Article', true], ['Safety check', true], ['Timer', true]], 'the tab bar is shown');
    // Any app request comes from the `auto` policy: after the page's load event, never before.
    await page.waitForLoadState('load');
    const order = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return performance.getEntriesByType('resource').filter((e) => /massage-guide-app\.[0-9a-f]{8}\.js$/.test(e.name)).map((e) => e.startTime - nav.loadEventStart);
    });
    assert.ok(order.every((delta) => delta >= 0), `no app request before the load event (${order})`);
    await screenshot(page, 'light-minimal-no-wasm-article');
    release();

    await tab(page, 'Safety check').click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status .mg-note-error'), null, { timeout: 15000 });
    let state = await panelState(page);
    assert.equal(state.selected, 'Safety check');
    assert.match(state.failure ?? '', /WebAssembly/, 'the failure says what happened');
    assert.equal(sentences(state.failure), 1, `one sentence: "${state.failure}"`);
    assert.ok(state.retry, 'a Retry button');
    assert.equal(state.anyApp, false, 'no app mounted');
    assert.equal(state.articleShown, false, 'the article panel is replaced by the failure while Safety check is open');
    await screenshot(page, 'light-minimal-no-wasm-failure');
    assert.ok(appRequests(log).length >= 1, 'the app was asked for');

    // Retry fails the same way, quietly; the Article tab still works.
    await page.locator('massage-guide').getByRole('button', { name: 'Retry' }).click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status .mg-note-error'), null, { timeout: 15000 });
    await tab(page, 'Article').click();
    state = await panelState(page);
    assert.equal(state.selected, 'Article');
    assert.equal(state.statusShown, false);
    await assertWholeArticle(page, 'massage-guide', 'after the failure');
    assert.ok(log.warnings.some((w) => /^massage-guide: .*the article still works/.test(w)), `one clear console warning: ${log.warnings.join(' | ')}`);
    assertClean(log, [CSP_WASM_REFUSAL]);
  } finally {
    release();
    setHook(null);
    await context.close();
  }
});

// ---- 2. Loading state on a cold page ------------------------------------------------------

test('cold page, loading="interaction": Safety check shows the loading state, then the first question, in the same place', async () => {
  setHook((path) => (path === APP_FILE ? { delay: 800 } : null));
  const url = addPage(hostPage({ title: 'Cold page', body: MINIMAL(' loading="interaction"') }));
  const { context, page, log } = await open(url, { viewport: { width: 390, height: 844 } });
  try {
    await widgetsReady(page);
    const geometry = () => page.$eval('massage-guide', (host) => {
      const root = host.shadowRoot;
      const r = (el) => { const b = el.getBoundingClientRect(); return [Math.round(b.top), Math.round(b.left), Math.round(b.width), Math.round(b.height)]; };
      const panel = [...root.querySelectorAll('.mg-panel-article, .mg-status, .mg-mount')].find((el) => !el.hasAttribute('data-off'));
      return { host: r(host)[0], tabs: r(root.querySelector('.mg-tabs')), panel: r(panel)[0], scrollY: window.scrollY };
    });
    const before = await geometry();
    assert.deepEqual(appRequests(log), [], 'nothing loaded before the click');
    await tab(page, 'Safety check').click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status .mg-loading'));
    const loading = await panelState(page);
    // aria-busy marks the app's area being filled, never the panel whose loading text must be read.
    assert.equal(loading.busy, null, 'the panel with the loading text is not aria-busy');
    assert.equal(loading.panelId, 'mg-panel-quiz', 'the loading panel is the Safety check panel');
    assert.match(loading.loadingText ?? '', /^Loading/, 'a visible Loading message');
    assert.equal(loading.quizShown, false);
    const during = await geometry();
    await screenshot(page, 'light-loading-390');
    await page.locator('massage-guide .mg-quiz').waitFor({ timeout: 15000 });
    const done = await panelState(page);
    assert.equal(done.statusShown, false, 'the loading message is gone');
    const afterwards = await geometry();
    for (const [name, now] of [['while loading', during], ['with the quiz', afterwards]]) {
      assert.equal(now.host, before.host, `the element's top does not move ${name}`);
      assert.deepEqual(now.tabs, before.tabs, `the tab bar does not move ${name}`);
      assert.equal(now.panel, before.panel, `the panel starts at the same place ${name}`);
      assert.equal(now.scrollY, before.scrollY);
    }
    await startQuiz(page);
    assert.equal(appRequests(log).length, 1, 'the app was loaded once');
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

// ---- 3. A missing app file, then restored ----------------------------------------------------

test('a missing app file (404) gives the Retry message; once the file is back, Retry loads the quiz', async () => {
  let missing = true;
  let served = 0; // app requests answered with the file
  setHook((path) => {
    if (path !== APP_FILE) return null;
    if (missing) return { status: 404, body: 'not found' };
    served++;
    return null;
  });
  const url = addPage(hostPage({ title: 'Missing app file', body: MINIMAL(' loading="interaction"') }));
  const { context, page, log } = await open(url, { viewport: { width: 390, height: 844 } });
  try {
    await widgetsReady(page);
    await tab(page, 'Safety check').click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status .mg-note-error'), null, { timeout: 15000 });
    let state = await panelState(page);
    assert.match(state.failure ?? '', /could not be loaded/);
    assert.equal(sentences(state.failure), 1, `one sentence: "${state.failure}"`);
    assert.ok(state.retry, 'a Retry button');
    assert.equal(state.busy, null, 'no longer busy');
    await screenshot(page, 'light-missing-app-390');
    // The tabs and article keep working meanwhile.
    await tab(page, 'Article').click();
    await assertWholeArticle(page, 'massage-guide', 'while the app file is missing');
    await tab(page, 'Timer').click();
    state = await panelState(page);
    assert.ok(state.failure && state.retry, 'the Timer tab shows the same failure with Retry');

    missing = false;
    await page.locator('massage-guide').getByRole('button', { name: 'Retry' }).click();
    await page.locator('massage-guide .mg-timer').waitFor({ timeout: 15000 });
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    state = await panelState(page);
    assert.equal(state.failure, null);
    assert.equal(served, 1, 'one request after Retry, and it loaded the app');
    assert.ok(log.warnings.some((w) => /^massage-guide: could not load .*massage-guide-app\.[0-9a-f]{8}\.js/.test(w)), log.warnings.join(' | '));
    assertClean(log, [MISSING_RESOURCE]);
  } finally {
    setHook(null);
    await context.close();
  }
});

// ---- 4. A tampered app file is refused by SRI -----------------------------------------------

test('a tampered app file (same length, one byte changed) is refused by Subresource Integrity', async () => {
  const original = readFileSync(join(DIST, APP_NAME));
  const tampered = Buffer.from(original);
  // One ASCII letter in the middle of the file (inside the wasm string): the script would
  // still parse and register itself, so only the integrity check can stop it.
  let at = Math.floor(tampered.length / 2);
  while (!(tampered[at] >= 0x61 && tampered[at] <= 0x79)) at++;
  tampered[at] += 1;
  assert.equal(tampered.length, original.length);
  assert.notDeepEqual(tampered, original);
  setHook((path) => (path === APP_FILE ? { body: tampered } : null));
  const url = addPage(hostPage({ title: 'Tampered app file', body: MINIMAL(' loading="interaction"') }));
  const { context, page, log } = await open(url, { viewport: { width: 390, height: 844 } });
  try {
    await widgetsReady(page);
    await tab(page, 'Safety check').click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status .mg-note-error'), null, { timeout: 15000 });
    const state = await panelState(page);
    // The file is there but is not this build's: the note says an older copy is cached or served.
    assert.match(state.failure ?? '', /older copy .* is cached or served/i);
    assert.ok(state.retry);
    assert.equal(state.anyApp, false, 'the app never mounted');
    const registered = await page.evaluate((v) => Object.getOwnPropertySymbols(window).some((s) => String(s.description).startsWith('massage-guide.app@' + v)), VERSION);
    assert.equal(registered, false, 'the tampered script never ran');
    const warning = log.warnings.filter((w) => w.startsWith('massage-guide:'));
    assert.ok(warning.some((w) => /integrity/.test(w)), `the console warning names integrity: ${warning.join(' | ')}`);
    // The script, one retry past the cache (?reload=1), one fetch that finds the file there.
    assert.equal(appRequests(log).length, 3, appRequests(log).join(' '));
    assert.ok(appRequests(log).some((u) => /[?&]reload=1$/.test(u)), 'the retry bypassed the cache');
    assertClean(log, [/integrity/i]);
  } finally {
    setHook(null);
    await context.close();
  }
});

// ---- 5. Offline copies ----------------------------------------------------------------------

/** A context where every non-file:// request is aborted (and recorded). */
async function offlineContext(viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport });
  const blocked = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('data:')) return route.continue();
    blocked.push(u);
    return route.abort();
  });
  return { context, blocked };
}

test('massage-guide.html from file:// with the network blocked: article, and the safety check opens', async () => {
  const { context, blocked } = await offlineContext();
  const page = await context.newPage();
  const log = watch(page);
  try {
    await page.goto(pathToFileURL(join(DIST, 'massage-guide.html')).href);
    await widgetsReady(page);
    await assertWholeArticle(page, 'massage-guide', 'in the single file');
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    assert.deepEqual(blocked, [], 'nothing asked of the network');
    assert.ok(log.requests.every((u) => /^(file|data):/.test(u)), log.requests.join('\n'));
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.problems(), []);
  } finally {
    await context.close();
  }
});

test('"Save page as" (folder): host page + both scripts from file:// load the app without integrity', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'mg-saved-light-'));
  await copyFile(join(DIST, 'massage-guide.js'), join(folder, 'massage-guide.js'));
  await copyFile(join(DIST, APP_NAME), join(folder, APP_NAME));
  const snippet = await readFile(join(DIST, 'snippet.html'), 'utf8');
  await writeFile(join(folder, 'product.html'), [
    '<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>Saved product page</title>',
    '<link rel="icon" href="data:,"></head><body><h1>Saved shop page</h1>', snippet, '</body></html>',
  ].join('\n'));
  const { context, blocked } = await offlineContext();
  const page = await context.newPage();
  const log = watch(page);
  try {
    await page.goto(pathToFileURL(join(folder, 'product.html')).href);
    await widgetsReady(page);
    await assertWholeArticle(page, 'massage-guide', 'in the saved folder copy');
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    await answerFirstQuestion(page);
    assert.ok(log.requests.some((u) => u === pathToFileURL(join(folder, APP_NAME)).href), 'the app came from the saved folder');
    assert.deepEqual(blocked, []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.problems(), [], 'no CORS/integrity refusal of the file:// app script');
    await screenshot(page, 'light-saved-folder-quiz');
  } finally {
    await context.close();
  }
});

for (const [name, prepare] of [
  ['Safety check', async (page) => { await tab(page, 'Safety check').click(); await appReady(page); await page.locator('massage-guide .mg-quiz').waitFor(); }],
  ['Timer (session running)', async (page) => {
    await tab(page, 'Timer').click();
    await appReady(page);
    await page.locator('massage-guide').getByRole('button', { name: /^Start\b/ }).click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-timer')?.dataset.phase !== 'picker');
  }],
]) {
  test(`MHTML snapshot taken with the ${name} tab open, opened offline: the whole article, no tabs, no app`, async () => {
    const live = await open(server.origin + '/', { viewport: { width: 390, height: 844 } });
    const folder = await mkdtemp(join(tmpdir(), 'mg-mhtml-'));
    const file = join(folder, 'page.mhtml');
    try {
      await widgetsReady(live.page);
      await prepare(live.page);
      const cdp = await live.context.newCDPSession(live.page);
      const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
      await writeFile(file, data);
      assertClean(live.log);
    } finally {
      await live.context.close();
    }
    const { context } = await offlineContext();
    const page = await context.newPage();
    const log = watch(page);
    try {
      await page.goto(pathToFileURL(file).href);
      const seen = await page.evaluate(() => {
        const host = document.querySelector('massage-guide');
        const root = host?.shadowRoot;
        const shown = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
        return {
          host: !!host,
          shadow: !!root,
          bodyText: document.body.innerText.length,
          rootText: root?.querySelector('.mg')?.innerText.length ?? 0,
          tabsShown: shown(root?.querySelector('.mg-tabs')) || [...(root?.querySelectorAll('[role=tab]') ?? [])].some(shown),
          appShown: shown(root?.querySelector('[data-mg-app]')) || shown(root?.querySelector('.mg-quiz')) || shown(root?.querySelector('.mg-timer')),
          statusShown: shown(root?.querySelector('.mg-status')),
          lightArticleShown: shown(host?.querySelector(':scope > article')),
        };
      });
      assert.ok(seen.host, 'the element is in the snapshot');
      assert.ok(seen.shadow, 'Chromium\'s MHTML keeps the shadow root (as a declarative <template shadowmode>)');
      await assertWholeArticle(page, 'massage-guide', `in the MHTML snapshot (${name} tab open)`);
      assert.equal(seen.tabsShown, false, 'no dead tab bar');
      assert.equal(seen.appShown, false, 'no dead quiz or timer');
      assert.equal(seen.statusShown, false);
      assert.ok(log.requests.every((u) => !/massage-guide(-app)?\.js/.test(u)), 'no script is asked for');
      assert.deepEqual(log.pageErrors, []);
      await screenshot(page, `light-mhtml-${name.split(' ')[0].toLowerCase()}`);
    } finally {
      await context.close();
    }
  });
}

// ---- 6. The loading attribute ---------------------------------------------------------------

/**
 * A page whose load event is held back by a slow image (1.5 s), so "before load" and "after
 * load" are far apart. Returns the app requests' start times relative to loadEventStart (null
 * while load has not happened).
 */
function loadingPage({ attributes = '', spacer = 0, slow = true } = {}) {
  return addPage(hostPage({
    title: 'Loading attribute',
    body: [
      '<h1>Shop page</h1>',
      slow ? '<img src="/t/slow.svg" width="40" height="40" alt="">' : '',
      spacer ? `<div style="height:${spacer}px">Long product description</div>` : '',
      `<massage-guide${attributes}></massage-guide>`,
      '<script src="/massage-guide.js" async></script>',
      '<div style="height:1200px"></div>',
    ].join('\n'),
  }));
}
const SLOW_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#ccc"/></svg>';
const slowImage = (path) => (path === '/t/slow.svg' ? { delay: 1500, body: SLOW_SVG, type: 'image/svg+xml' } : null);

function appTiming(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const loaded = nav.loadEventStart > 0;
    return performance.getEntriesByType('resource').filter((e) => /massage-guide-app\.[0-9a-f]{8}\.js$/.test(e.name))
      .map((e) => (loaded ? Math.round(e.startTime - nav.loadEventStart) : `before-load@${Math.round(e.startTime)}`));
  });
}
const waitForAppRequest = (page, timeout = 10000) => page.waitForFunction(
  () => performance.getEntriesByType('resource').some((e) => /massage-guide-app\.[0-9a-f]{8}\.js$/.test(e.name)), null, { timeout, polling: 100 });

test('loading="eager" requests the app right after the script runs, before the load event', async () => {
  setHook(slowImage);
  const { context, page, log } = await open(loadingPage({ attributes: ' loading="eager"' }), { waitUntil: 'domcontentloaded' });
  try {
    await waitForAppRequest(page);
    const loadedYet = await page.evaluate(() => document.readyState === 'complete');
    assert.equal(loadedYet, false, 'requested while the page was still loading');
    await page.waitForLoadState('load');
    const timing = await appTiming(page);
    assert.equal(timing.length, 1);
    assert.ok(timing[0] < 0, `the app request started before load (${timing[0]} ms from loadEventStart)`);
    assert.equal((await panelState(page)).anyApp, false, 'prefetched, not mounted: the article tab is open');
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    assert.equal(appRequests(log).length, 1);
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

test('loading="interaction" never requests the app until a tab is clicked', async () => {
  setHook(slowImage);
  const { context, page, log } = await open(loadingPage({ attributes: ' loading="interaction"', spacer: 1500 }));
  try {
    await page.waitForTimeout(1500);
    await page.locator('massage-guide').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    assert.deepEqual(appRequests(log), [], 'not requested after load, idle and scrolling it into view');
    await tab(page, 'Timer').click();
    await page.locator('massage-guide .mg-timer').waitFor({ timeout: 15000 });
    assert.equal(appRequests(log).length, 1);
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

test('loading="auto" (default) near the viewport: requested after the load event, once idle', async () => {
  setHook(slowImage);
  const { context, page, log } = await open(loadingPage(), { waitUntil: 'domcontentloaded' });
  try {
    await waitForAppRequest(page);
    const timing = await appTiming(page);
    assert.equal(timing.length, 1);
    assert.ok(typeof timing[0] === 'number' && timing[0] >= 0, `requested after load (${timing[0]})`);
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

test('loading="auto" far below the fold (3000 px down): not requested until scrolled near', async () => {
  setHook(slowImage);
  const { context, page, log } = await open(loadingPage({ spacer: 3000 }));
  try {
    await page.waitForTimeout(1500);
    assert.deepEqual(appRequests(log), [], 'not requested while the element is far below');
    // Near: within one screen below the viewport, not yet in it.
    await page.evaluate(() => {
      const top = document.querySelector('massage-guide').getBoundingClientRect().top + scrollY;
      scrollTo(0, top - 1.6 * innerHeight);
    });
    assert.ok(await page.$eval('massage-guide', (h) => h.getBoundingClientRect().top > innerHeight), 'still below the viewport');
    await waitForAppRequest(page);
    assert.equal(appRequests(log).length, 1);
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

test('loading="auto" with navigator.connection.saveData behaves as interaction', async () => {
  setHook(slowImage);
  const init = () => {
    Object.defineProperty(Navigator.prototype, 'connection', {
      configurable: true,
      get: () => ({ saveData: true, effectiveType: '4g', addEventListener() {}, removeEventListener() {} }),
    });
  };
  const { context, page, log } = await open(loadingPage(), { init });
  try {
    assert.equal(await page.evaluate(() => navigator.connection.saveData), true);
    await page.waitForTimeout(1500);
    await page.locator('massage-guide').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    assert.deepEqual(appRequests(log), [], 'Save-Data: nothing prefetched');
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    assert.equal(appRequests(log).length, 1);
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

test('a bad loading value ("soon") gives exactly one warning and behaves as auto', async () => {
  setHook(slowImage);
  const { context, page, log } = await open(loadingPage({ attributes: ' loading="soon"' }), { waitUntil: 'domcontentloaded' });
  try {
    await waitForAppRequest(page);
    const timing = await appTiming(page);
    assert.ok(typeof timing[0] === 'number' && timing[0] >= 0, `requested after load, as auto (${timing[0]})`);
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    const ours = log.warnings.filter((w) => w.startsWith('massage-guide:'));
    assert.equal(ours.length, 1, ours.join(' | '));
    assert.match(ours[0], /^massage-guide: ignored loading="soon"/);
    assertClean(log);
  } finally {
    setHook(null);
    await context.close();
  }
});

// ---- 7. Bytes before load on the demo product page -------------------------------------------

test('bytes before load: the demo product page with the minimal embed pays only for massage-guide.js (brotli, within 15 KiB)', async () => {
  const template = readFileSync(join(ROOT, 'bench', 'product-page.html'), 'utf8');
  const withWidget = template.replace('<!-- bench:prerender -->', '');
  const without = template.replace(/\s*<!-- bench:widget -->[\s\S]*<!-- \/bench:widget -->/, '');
  assert.notEqual(withWidget, template, 'the bench page has the prerender marker');
  assert.notEqual(without, template, 'the bench page has the widget block');
  const first = brotliCompressSync(readFileSync(join(DIST, 'massage-guide.js')));
  const app = brotliCompressSync(readFileSync(join(DIST, APP_NAME)));
  const hero = readFileSync(join(ROOT, 'bench', 'hero.svg'));
  setHook((path) => {
    if (path === '/t/hero.svg') return { body: hero, type: 'image/svg+xml' };
    if (path === '/massage-guide.js') return { body: first };
    if (path === APP_FILE) return { body: app };
    return null;
  }, (path) => (path === '/massage-guide.js' || path === APP_FILE ? { 'content-encoding': 'br' } : {}));
  const measure = async (html) => {
    const url = addPage(html);
    const { context, page, log } = await open(url, { viewport: { width: 412, height: 823 } });
    const result = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const before = performance.getEntriesByType('resource').filter((e) => e.startTime < nav.loadEventStart);
      return {
        all: before.map((e) => [new URL(e.name).pathname, e.transferSize]),
        total: nav.transferSize + before.reduce((sum, e) => sum + e.transferSize, 0),
      };
    });
    await page.waitForTimeout(300);
    assertClean(log);
    await context.close();
    return result;
  };
  try {
    const a = await measure(withWidget.replace('hero.svg', '/t/hero.svg'));
    const b = await measure(without.replace('hero.svg', '/t/hero.svg'));
    const widget = a.all.filter(([path]) => /massage-guide/.test(path));
    assert.deepEqual(widget.map(([path]) => path), ['/massage-guide.js'], `only the first script before load: ${JSON.stringify(a.all)}`);
    const widgetBytes = widget.reduce((sum, [, size]) => sum + size, 0);
    console.log(`# bytes before load: widget ${widgetBytes} B (massage-guide.js brotli ${first.length} B); page total ${a.total} B with, ${b.total} B without (+${a.total - b.total} B)`);
    assert.ok(widgetBytes > first.length, 'the transfer size was measured');
    assert.ok(a.total - b.total <= 15 * 1024, `+${a.total - b.total} B before load (budget 15 KiB)`);
  } finally {
    setHook(null);
  }
});

// ---- 8. Trusted Types hosts ----------------------------------------------------------------

const TT_INIT = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
};
const ttPage = (attributes = '') => hostPage({
  title: 'Trusted Types host',
  head: '<script>window.hostPolicy = trustedTypes.createPolicy("hostpolicy", { createHTML: (s) => s.replace(/</g, "&lt;") });</script>',
  body: `<h1>Shop page</h1><div id="host-note"></div><script>document.getElementById("host-note").innerHTML = hostPolicy.createHTML("Host text");</script>\n${MINIMAL(attributes).replace('<h1>Shop page</h1>', '')}`,
});
const TT_CONSOLE = /Trusted Type|TrustedScriptURL|TrustedTypePolicy|trusted-types/i;

test('Trusted Types host allowing only its own policy: the whole article, no violation until Safety check, then the policy sentence', async () => {
  const url = addPage(ttPage(), { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types hostpolicy" });
  const { context, page, log } = await open(url, { init: TT_INIT });
  try {
    await widgetsReady(page);
    assert.equal(await page.textContent('#host-note'), 'Host text', 'the host\'s own policy works');
    await assertWholeArticle(page, 'massage-guide', 'under Trusted Types');
    // Load + idle: the default `auto` policy has had its chance to prefetch.
    await page.waitForTimeout(1500);
    // Checked at the end, so the rest of the behaviour is verified too.
    const early = await page.evaluate(() => window.__violations.slice());
    const earlyConsole = log.consoleErrors.filter((e) => TT_CONSOLE.test(e));
    const earlyRequests = appRequests(log).length;
    await tab(page, 'Safety check').click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status .mg-note-error'), null, { timeout: 15000 });
    const state = await panelState(page);
    assert.match(state.failure ?? '', /security settings do not allow/);
    assert.equal(sentences(state.failure), 1);
    assert.ok(state.retry);
    await tab(page, 'Article').click();
    await assertWholeArticle(page, 'massage-guide', 'after the policy failure');
    assertClean(log, [TT_CONSOLE]);
    // The automatic load (loading="auto") never asks for the policy: the page's list cannot be
    // read, and asking for an omitted name is itself a report. At most it prefetches the file
    // (<link rel=prefetch>, no script sink); the policy is asked for on the reader's click.
    assert.deepEqual(early, [], 'no violation before the reader asks');
    assert.ok(earlyRequests <= 1, `at most the prefetch before the reader asks (${earlyRequests})`);
    assert.deepEqual(earlyConsole, [], 'no Trusted Types report in the console before the reader asks');
  } finally {
    await context.close();
  }
});

test('Trusted Types host allowing the massage-guide policy: the app loads and the quiz works', async () => {
  const url = addPage(ttPage(), { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types hostpolicy massage-guide" });
  const { context, page, log } = await open(url, { init: TT_INIT });
  try {
    await widgetsReady(page);
    await assertWholeArticle(page, 'massage-guide', 'under Trusted Types');
    await tab(page, 'Safety check').click();
    await startQuiz(page);
    await answerFirstQuestion(page);
    await tab(page, 'Timer').click();
    await page.locator('massage-guide').getByRole('button', { name: /^Start\b/ }).click();
    await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-timer')?.dataset.phase !== 'picker');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no violation at all');
    assertClean(log);
  } finally {
    await context.close();
  }
});

// ---- 9. A panic in one widget ---------------------------------------------------------------

test('panic on a click inside one widget\'s app: both widgets show the panic note with Retry, nothing reaches the host; Retry brings both back', async () => {
  const { context, page, log } = await open(server.origin + '/fixtures/two-widgets.html');
  try {
    await widgetsReady(page, 2);
    const hostErrors = await page.evaluateHandle(() => {
      const seen = [];
      window.addEventListener('error', (e) => { if (!e.defaultPrevented) seen.push(String(e.message)); });
      window.addEventListener('unhandledrejection', (e) => { if (!e.defaultPrevented) seen.push(String(e.reason)); });
      return seen;
    });
    await tab(page, 'Safety check', '#first').click();
    await page.locator('#first .mg-quiz').waitFor({ timeout: 15000 });
    await page.locator('#second .mg-timer').waitFor({ timeout: 15000 });
    await page.evaluate(() => document.getElementById('first').setAttribute('data-mg-test-panic', 'click'));
    await page.locator('#first').getByRole('button', { name: 'Start', exact: true }).click();
    for (const id of ['#first', '#second']) {
      await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[data-mg-panic]'), id, { timeout: 10000 });
      const state = await panelState(page, id);
      assert.ok(state.panic, `${id} shows the panic note`);
      assert.match(state.failure ?? '', /something went wrong/);
      assert.equal(state.anyApp, false, `${id} has no dead app left`);
      assert.ok(await page.locator(id).getByRole('button', { name: /^(Retry|Reload)/ }).isVisible(), `${id} offers Retry`);
    }
    await screenshot(page, 'light-panic-two-widgets');
    await page.waitForTimeout(200);
    assert.deepEqual(await hostErrors.evaluate((seen) => seen), [], 'host error listeners see nothing they must handle');
    assert.deepEqual(log.pageErrors, [], 'nothing uncaught in the host page');

    // The article still works during the panic.
    await tab(page, 'Article', '#first').click();
    await assertWholeArticle(page, '#first', 'after the panic');
    await tab(page, 'Safety check', '#first').click();
    await page.evaluate(() => document.getElementById('first').removeAttribute('data-mg-test-panic'));
    await page.locator('#second').getByRole('button', { name: /^(Retry|Reload)/ }).click();
    await page.locator('#second .mg-timer').waitFor({ timeout: 15000 });
    await page.locator('#first .mg-quiz').waitFor({ timeout: 15000 });
    // The click that panicked had already moved the quiz on (and saved it): it resumes there.
    await toFirstQuestion(page, '#first');
    await answerFirstQuestion(page, '#first');
    for (const id of ['#first', '#second']) assert.equal((await panelState(page, id)).panic, false);
    assert.ok(log.warnings.some((w) => /^massage-guide: internal error/.test(w)), log.warnings.join(' | '));
    assertClean(log);
  } finally {
    await context.close();
  }
});
