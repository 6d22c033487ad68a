// Field-proofing of the shell, round 3 (issue 20, shell side): what real hosts and readers do
// around the first script and the app file.
//   1. keys       a Swiper-style document keydown handler cannot take the arrows from the quiz
//   2. releases   immutable caching across an update, both ways round; one retry past the cache
//   3. finding    inline execution ($.getScript), a cache-folder copy, type="module", a blob: URL
//   4. CDNs       a CDN folder with and without Access-Control-Allow-Origin; a third origin; the
//                 version + build guard
//   5. smaller    loading text outside aria-busy, a named region for one section, an extension
//                 that blocks WebAssembly, a shop's "bigger text" control, prefers-contrast: more
// Every server here is a local node:http server on 127.0.0.1; two ports are two origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { launchChromium, watch, widgetsReady, screenshot, appFileName, DIST } from './harness.mjs';

const FIRST = readFileSync(join(DIST, 'massage-guide.js'));
const APP_NAME = appFileName();
const APP = readFileSync(join(DIST, APP_NAME));
const IMMUTABLE = 'max-age=31536000, immutable';
const HTML = 'text/html; charset=utf-8';

let browser;
const servers = [];
before(async () => { browser = await launchChromium(); });
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/**
 * A server on its own port (so its own origin). `route(path, query)` answers
 * { body, type, headers, status, delay } or null (404). Every request is recorded in `hits`.
 */
async function origin(route) {
  const hits = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    hits.push(url.pathname + url.search);
    const answer = await route(url.pathname, url.searchParams);
    if (!answer) { res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('not found'); return; }
    if (answer.delay) await new Promise((resolve) => setTimeout(resolve, answer.delay));
    res.writeHead(answer.status || 200, { 'content-type': answer.type || 'text/javascript', 'cache-control': 'no-store', ...(answer.headers || {}) });
    res.end(answer.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${server.address().port}`, hits };
}

const page = (body, head = '') => ({
  type: HTML,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>${head}</head><body><h1>Shop page</h1>${body}</body></html>`,
});

async function openPage(url, { context, init, waitUntil = 'load' } = {}) {
  const ctx = context || await browser.newContext({ viewport: { width: 1024, height: 800 } });
  if (init) await ctx.addInitScript(init);
  const tab = await ctx.newPage();
  const log = watch(tab);
  await tab.goto(url, { waitUntil });
  return { context: ctx, page: tab, log };
}

/** Waits until the widget shows the app or a failure note; returns which. */
async function appOutcome(tab, selector = 'massage-guide') {
  await tab.waitForFunction((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    return root && (root.querySelector('.mg-mount:not([data-off]) [data-mg-app]') || root.querySelector('.mg-status:not([data-off]) .mg-note-error'));
  }, selector, { timeout: 20000 });
  return tab.$eval(selector, (host) => ({
    app: !!host.shadowRoot.querySelector('.mg-mount:not([data-off]) [data-mg-app]'),
    failure: host.shadowRoot.querySelector('.mg-status:not([data-off]) .mg-note-error p')?.textContent ?? null,
  }));
}

const openTab = (tab, name) => tab.locator('massage-guide').getByRole('tab', { name, exact: true }).click();
const appHits = (hits) => hits.filter((h) => /massage-guide-app/.test(h));
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

// ---- 1. Keys stay with the widget ----------------------------------------------------------

// Swiper's keyboard module, reduced: keydown on the document, skipped only when the active
// element is a form field, preventDefault() on the arrows (and a record of what it took).
const SLIDER = `<button id="host-button">Gallery</button><script>
window.taken = [];
document.addEventListener('keydown', function (e) {
  var a = document.activeElement;
  if (a && (a.nodeName === 'INPUT' || a.nodeName === 'TEXTAREA' || a.nodeName === 'SELECT' || a.isContentEditable)) return;
  if (/^(Arrow|Page)/.test(e.key)) { e.preventDefault(); window.taken.push(e.key); }
});
window.addEventListener('keydown', function (e) { window.taken.push('window:' + e.key); });
</script>`;

test('keys stay with the widget: with a Swiper-style document handler, a keyboard-only reader picks the 2nd and 3rd option with the arrows', async () => {
  const site = await origin((path) => {
    if (path === '/product.html') return page(`${SLIDER}<massage-guide start="quiz"></massage-guide><script src="/massage-guide.js"></script>`);
    if (path === '/massage-guide.js') return { body: FIRST };
    if (path === `/${APP_NAME}`) return { body: APP };
    return null;
  });
  const { context, page: tab, log } = await openPage(`${site.url}/product.html`);
  try {
    const host = tab.locator('massage-guide');
    await host.getByRole('button', { name: 'Start', exact: true }).waitFor({ timeout: 20000 });
    await host.getByRole('button', { name: 'Start', exact: true }).focus();
    await tab.keyboard.press('Enter');
    await host.locator('legend').filter({ hasText: /How old are you/ }).waitFor({ timeout: 5000 });
    await host.getByRole('radio', { name: /^Under 16/ }).focus();
    await tab.keyboard.press('ArrowDown');
    assert.equal(await host.getByRole('radio', { name: /^16 to 19/ }).isChecked(), true, 'ArrowDown picked the 2nd option');
    await tab.keyboard.press('ArrowDown');
    assert.equal(await host.getByRole('radio', { name: /^20 to 44/ }).isChecked(), true, 'ArrowDown again picked the 3rd option');
    await tab.keyboard.press('ArrowUp');
    assert.equal(await host.getByRole('radio', { name: /^16 to 19/ }).isChecked(), true, 'ArrowUp went back to the 2nd');
    await host.getByRole('button', { name: 'Next', exact: true }).focus();
    await tab.keyboard.press('Enter');
    await host.locator('legend').filter({ hasText: /^Step 2 of/ }).waitFor({ timeout: 5000 });
    assert.deepEqual(await tab.evaluate(() => window.taken), [], 'the host\'s document and window listeners saw none of the widget\'s keys');
    // The slider still works outside the widget.
    await tab.focus('#host-button');
    await tab.keyboard.press('ArrowRight');
    assert.deepEqual(await tab.evaluate(() => window.taken), ['ArrowRight', 'window:ArrowRight'], 'keys outside the widget still reach the host');
    assert.deepEqual(log.problems(), []);
  } finally {
    await context.close();
  }
});

// ---- 2. Releases cannot mix ----------------------------------------------------------------

/**
 * A previous release made from this build: the app with one changed byte sequence in its
 * banner (so another hash), the first script pointing at it (its name and SRI hash).
 */
function previousRelease() {
  const app = Buffer.from(APP.toString('utf8').replace(/^(\ufeff\/\*! massage-guide \S+)/, '$1 (the previous release)'), 'utf8');
  assert.notDeepEqual(app, APP);
  const hashed = /^massage-guide-app\.[0-9a-f]{8}\.js$/.test(APP_NAME);
  const name = hashed ? `massage-guide-app.${createHash('sha384').update(app).digest('hex').slice(0, 8)}.js` : APP_NAME;
  const text = FIRST.toString('utf8');
  assert.ok(text.includes(sri(APP)), 'the first script carries the app\'s SRI hash');
  const first = Buffer.from(text.split(sri(APP)).join(sri(app)).split(APP_NAME).join(name), 'utf8');
  return { first, app, name };
}

/** A shop whose folder holds `release` ('old' or 'new'); both scripts cached immutable. */
async function shop(old, { keepPrevious = true } = {}) {
  const state = { release: 'old', firstSrc: '/massage-guide.js' };
  const site = await origin((path) => {
    if (path === '/product.html') return page(`<massage-guide loading="interaction"></massage-guide><script src="${state.firstSrc}"></script>`);
    const files = state.release === 'old'
      ? { 'massage-guide.js': old.first, [old.name]: old.app }
      : { ...(keepPrevious ? { [old.name]: old.app } : {}), 'massage-guide.js': FIRST, [APP_NAME]: APP };
    const body = files[path.slice(1)];
    return body ? { body, headers: { 'cache-control': IMMUTABLE } } : null;
  });
  return { site, state };
}

test('releases cannot mix: the old app cached immutable, then a new first script (?v=) after the update: the new app loads', async () => {
  const old = previousRelease();
  const { site, state } = await shop(old);
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  try {
    state.firstSrc = '/massage-guide.js?v=1';
    let visit = await openPage(`${site.url}/product.html`, { context });
    await openTab(visit.page, 'Safety check');
    assert.deepEqual(await appOutcome(visit.page), { app: true, failure: null }, 'the old release works');
    await visit.page.close();
    state.release = 'new';
    state.firstSrc = '/massage-guide.js?v=2';
    visit = await openPage(`${site.url}/product.html`, { context });
    await widgetsReady(visit.page);
    await openTab(visit.page, 'Safety check');
    const outcome = await appOutcome(visit.page);
    assert.deepEqual(outcome, { app: true, failure: null }, `the new first script got its own app, not the cached old one: ${visit.log.warnings.join(' | ')}`);
    assert.equal(site.hits.filter((h) => h === `/${APP_NAME}`).length, 1, `the new app was fetched from the server once: ${site.hits}`);
    assert.deepEqual(visit.log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('releases cannot mix: the old first script cached immutable, the new app on the server: the old first script still gets its own app', async () => {
  const old = previousRelease();
  const { site, state } = await shop(old);
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  try {
    let visit = await openPage(`${site.url}/product.html`, { context });
    await widgetsReady(visit.page);
    assert.deepEqual(appHits(site.hits), [], 'the first visit only read the article');
    await visit.page.close();
    state.release = 'new';
    visit = await openPage(`${site.url}/product.html`, { context });
    await widgetsReady(visit.page);
    assert.equal(site.hits.filter((h) => h === '/massage-guide.js').length, 1, 'the old first script came from the cache');
    await openTab(visit.page, 'Safety check');
    const outcome = await appOutcome(visit.page);
    assert.deepEqual(outcome, { app: true, failure: null }, `the old first script found the old app beside the new one: ${visit.log.warnings.join(' | ')}`);
    assert.deepEqual(appHits(site.hits), [`/${old.name}`], 'it asked for its own app only');
    assert.deepEqual(visit.log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('releases: an app copy refused by SRI is asked for once more past the cache (?reload=1), and the quiz loads', async () => {
  const damaged = Buffer.from(APP);
  let at = Math.floor(damaged.length / 2);
  while (!(damaged[at] >= 0x61 && damaged[at] <= 0x79)) at++;
  damaged[at] += 1;
  const site = await origin((path, query) => {
    if (path === '/product.html') return page('<massage-guide start="quiz"></massage-guide><script src="/massage-guide.js"></script>');
    if (path === '/massage-guide.js') return { body: FIRST };
    // A cache in front of the shop serves a damaged copy to the plain URL.
    if (path === `/${APP_NAME}`) return { body: query.has('reload') ? APP : damaged, headers: { 'cache-control': IMMUTABLE } };
    return null;
  });
  const { context, page: tab, log } = await openPage(`${site.url}/product.html`);
  try {
    assert.deepEqual(await appOutcome(tab), { app: true, failure: null }, log.warnings.join(' | '));
    assert.deepEqual(appHits(site.hits), [`/${APP_NAME}`, `/${APP_NAME}?reload=1`]);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

// ---- 3. Finding the app ----------------------------------------------------------------------

async function assetsSite() {
  return origin((path) => {
    if (path === '/static/mg/massage-guide.js' || path === '/wp-content/cache/min/1/0c9a1b7e.js') return { body: FIRST };
    if (path === `/static/mg/${APP_NAME}`) return { body: APP };
    return pages.get(path) || null;
  });
}
const pages = new Map();

// jQuery's $.getScript (same origin): fetch the text, then globalEval = an inline <script>.
const GET_SCRIPT = `<script>fetch('/static/mg/massage-guide.js').then(function (r) { return r.text(); }).then(function (code) {
  var s = document.createElement('script'); s.text = code; document.head.appendChild(s).parentNode.removeChild(s);
});</script>`;

/** Opens `url` on `site` and expects the app to load once, from the assets folder, without errors. */
async function expectAppFromAssets(site, url) {
  const { context, page: tab, log } = await openPage(url);
  try {
    assert.deepEqual(await appOutcome(tab), { app: true, failure: null }, log.warnings.join(' | '));
    assert.deepEqual(appHits(site.hits), [`/static/mg/${APP_NAME}`]);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
}

test('finding the app: $.getScript-style inline execution with app-src loads the quiz; without it the warning names the URL tried', async () => {
  const site = await assetsSite();
  pages.set('/shop/inline.html', page(`<massage-guide start="quiz" app-src="${site.url}/static/mg/${APP_NAME}"></massage-guide>${GET_SCRIPT}`));
  pages.set('/shop/inline-unnamed.html', page(`<massage-guide start="quiz"></massage-guide>${GET_SCRIPT}`));
  let visit = await openPage(`${site.url}/shop/inline.html`);
  try {
    assert.deepEqual(await appOutcome(visit.page), { app: true, failure: null }, visit.log.warnings.join(' | '));
    assert.deepEqual(visit.log.pageErrors, []);
  } finally {
    await visit.context.close();
  }
  visit = await openPage(`${site.url}/shop/inline-unnamed.html`);
  try {
    const outcome = await appOutcome(visit.page);
    assert.equal(outcome.app, false);
    assert.match(outcome.failure, /could not be loaded/);
    const warning = visit.log.warnings.find((w) => w.startsWith('massage-guide: could not load'));
    assert.ok(warning && warning.includes(`${site.url}/shop/${APP_NAME}`) && warning.includes('app-src'), `the warning names the URL tried and app-src: ${visit.log.warnings.join(' | ')}`);
    assert.deepEqual(visit.log.pageErrors, []);
  } finally {
    await visit.context.close();
  }
});

test('finding the app: a copy combined into a cache folder, the app named by app-src', async () => {
  const site = await assetsSite();
  pages.set('/blog/post.html', page(`<massage-guide start="quiz" app-src="${site.url}/static/mg/${APP_NAME}"></massage-guide><script src="/wp-content/cache/min/1/0c9a1b7e.js" defer></script>`));
  const { context, page: tab, log } = await openPage(`${site.url}/blog/post.html`);
  try {
    assert.deepEqual(await appOutcome(tab), { app: true, failure: null }, log.warnings.join(' | '));
    assert.deepEqual(appHits(site.hits), [`/static/mg/${APP_NAME}`], 'asked only at the named URL');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('finding the app: a type="module" script in another folder finds the app beside itself', async () => {
  const site = await assetsSite();
  pages.set('/page/module.html', page('<massage-guide start="quiz"></massage-guide><script type="module" src="/static/mg/massage-guide.js"></script>'));
  await expectAppFromAssets(site, `${site.url}/page/module.html`);
});

test('finding the app: the first script from a blob: URL, the app named by app-src', async () => {
  const site = await assetsSite();
  pages.set('/page/blob.html', page(`<massage-guide start="quiz" app-src="${site.url}/static/mg/${APP_NAME}"></massage-guide><script>
fetch('/static/mg/massage-guide.js').then(function (r) { return r.blob(); }).then(function (b) {
  var s = document.createElement('script'); s.src = URL.createObjectURL(new Blob([b], { type: 'text/javascript' })); document.head.appendChild(s);
});</script>`));
  await expectAppFromAssets(site, `${site.url}/page/blob.html`);
});

// ---- 4. CDNs ---------------------------------------------------------------------------------

/** A CDN origin serving both files under /cdn/v1/, with or without CORS headers. */
async function cdn({ cors, app = APP }) {
  return origin((path) => {
    const headers = cors ? { 'access-control-allow-origin': '*' } : {};
    if (path === '/cdn/v1/massage-guide.js') return { body: FIRST, headers };
    if (path === `/cdn/v1/${APP_NAME}`) return { body: app, headers };
    return null;
  });
}

async function shopPage(body) {
  return origin((path) => (path === '/product.html' ? page(body) : null));
}

for (const cors of [false, true]) {
  test(`CDNs: both files in a CDN folder on another origin ${cors ? 'with' : 'without'} Access-Control-Allow-Origin: the quiz loads`, async () => {
    const files = await cdn({ cors });
    const site = await shopPage(`<massage-guide start="quiz"></massage-guide><script src="${files.url}/cdn/v1/massage-guide.js" async></script>`);
    const { context, page: tab, log } = await openPage(`${site.url}/product.html`);
    try {
      assert.deepEqual(await appOutcome(tab), { app: true, failure: null }, log.warnings.join(' | '));
      const tag = await tab.$eval('script[src*="massage-guide-app"]', (s) => ({ integrity: s.getAttribute('integrity'), crossorigin: s.getAttribute('crossorigin') }));
      assert.deepEqual(tag, { integrity: null, crossorigin: null }, 'the app from the first script\'s own origin needs no CORS');
      assert.deepEqual(log.problems(), []);
    } finally {
      await context.close();
    }
  });
}

for (const cors of [false, true]) {
  test(`CDNs: app-src on a third origin keeps SRI, so it ${cors ? 'loads with' : 'fails clearly without'} Access-Control-Allow-Origin`, async () => {
    const files = await cdn({ cors: true });
    const third = await origin((path) => (path === `/app/${APP_NAME}` ? { body: APP, headers: cors ? { 'access-control-allow-origin': '*' } : {} } : null));
    const site = await shopPage(`<massage-guide start="quiz" app-src="${third.url}/app/${APP_NAME}"></massage-guide><script src="${files.url}/cdn/v1/massage-guide.js" async></script>`);
    const { context, page: tab, log } = await openPage(`${site.url}/product.html`);
    try {
      const outcome = await appOutcome(tab);
      if (cors) {
        assert.deepEqual(outcome, { app: true, failure: null }, log.warnings.join(' | '));
        assert.match(await tab.$eval('script[src*="massage-guide-app"]', (s) => s.getAttribute('integrity')), /^sha384-/);
      } else {
        assert.equal(outcome.app, false);
        assert.match(outcome.failure, /could not be loaded/);
        assert.ok(log.warnings.some((w) => /Access-Control-Allow-Origin/.test(w)), `the warning names the header: ${log.warnings.join(' | ')}`);
      }
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('CDNs: another build\'s app in the CDN folder is refused by the version + build check', async () => {
  const text = APP.toString('utf8');
  assert.match(text, /massage-guide\.app@[^'"+]+\+[0-9a-f]{8}/, 'the app registers under version + build');
  const other = Buffer.from(text.replace(/(massage-guide\.app@[^'"+]+\+)[0-9a-f]{8}/, '$100000000'), 'utf8');
  const files = await cdn({ cors: false, app: other });
  const site = await shopPage(`<massage-guide start="quiz"></massage-guide><script src="${files.url}/cdn/v1/massage-guide.js" async></script>`);
  const { context, page: tab, log } = await openPage(`${site.url}/product.html`);
  try {
    const outcome = await appOutcome(tab);
    assert.equal(outcome.app, false);
    assert.match(outcome.failure, /does not match this version/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

// ---- 5. Smaller points -----------------------------------------------------------------------

/** One origin serving the scripts; the app arrives after `delay` ms. */
async function plainSite(body, { delay = 0, head = '' } = {}) {
  return origin((path) => {
    if (path === '/product.html') return page(body, head);
    if (path === '/massage-guide.js') return { body: FIRST };
    if (path === `/${APP_NAME}`) return { body: APP, delay };
    return null;
  });
}

test('loading: the loading text is announced (no aria-busy around it); the app area is busy until it arrives', async () => {
  const site = await plainSite('<massage-guide loading="interaction"></massage-guide><script src="/massage-guide.js"></script>', { delay: 1500 });
  const { context, page: tab, log } = await openPage(`${site.url}/product.html`);
  try {
    await widgetsReady(tab);
    await openTab(tab, 'Safety check');
    await tab.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-status:not([data-off]) .mg-loading'));
    const loading = await tab.$eval('massage-guide', (host) => {
      const text = host.shadowRoot.querySelector('.mg-loading');
      return { role: text.getAttribute('role'), text: text.textContent, busyAround: !!text.closest('[aria-busy="true"]'), busyMount: host.shadowRoot.querySelector('.mg-mount').getAttribute('aria-busy') };
    });
    assert.deepEqual(loading, { role: 'status', text: 'Loading the safety check\u2026', busyAround: false, busyMount: 'true' });
    assert.deepEqual(await appOutcome(tab), { app: true, failure: null });
    assert.equal(await tab.$eval('massage-guide', (h) => h.shadowRoot.querySelectorAll('[aria-busy]').length), 0, 'nothing busy once loaded');
    assert.deepEqual(log.problems(), []);
  } finally {
    await context.close();
  }
});

for (const [section, name] of [['quiz', 'Safety check'], ['timer', 'Timer']]) {
  test(`one section (sections="${section}"): the loading panel is a region named "${name}"`, async () => {
    const site = await plainSite(`<massage-guide sections="${section}"></massage-guide><script src="/massage-guide.js"></script>`, { delay: 1500 });
    // The app script holds the page's load event: look while it is on its way.
    const { context, page: tab } = await openPage(`${site.url}/product.html`, { waitUntil: 'domcontentloaded' });
    try {
      await tab.waitForFunction(() => document.querySelector('massage-guide').shadowRoot?.querySelector('.mg-status:not([data-off]) .mg-loading'));
      assert.equal(await tab.locator('massage-guide').getByRole('region', { name, exact: true }).count(), 1);
      const unnamed = await tab.$eval('massage-guide', (h) => [...h.shadowRoot.querySelectorAll('[role="region"]')]
        .filter((r) => !r.hasAttribute('data-off') && !(r.getAttribute('aria-label') || h.shadowRoot.getElementById(r.getAttribute('aria-labelledby'))?.textContent))
        .map((r) => r.className));
      assert.deepEqual(unnamed, [], 'no unnamed region');
      await appOutcome(tab);
    } finally {
      await context.close();
    }
  });
}

// An extension that blocks WebAssembly (no CSP involved): its error names WebAssembly.
const BLOCK_WASM = () => {
  const refuse = () => Promise.reject(new TypeError('WebAssembly.instantiate is disabled by WasmBlock (extension)'));
  WebAssembly.instantiate = refuse;
  WebAssembly.instantiateStreaming = refuse;
  WebAssembly.compile = refuse;
  WebAssembly.compileStreaming = refuse;
};

test('an extension that blocks WebAssembly.instantiate: the note blames the browser, not the page\'s security settings', async () => {
  const site = await plainSite('<massage-guide start="quiz"></massage-guide><script src="/massage-guide.js"></script>');
  const { context, page: tab, log } = await openPage(`${site.url}/product.html`, { init: BLOCK_WASM });
  try {
    const outcome = await appOutcome(tab);
    assert.equal(outcome.app, false);
    assert.doesNotMatch(outcome.failure, /security settings/);
    assert.match(outcome.failure, /an extension or a setting/);
    assert.deepEqual(log.pageErrors, []);
    await screenshot(tab, 'field-wasm-blocked-by-extension');
  } finally {
    await context.close();
  }
});

test('a shop\'s "bigger text" control (html { font-size: 150% }) enlarges the widget; a 62.5 % root does not shrink it', async () => {
  const sizes = {};
  for (const [label, css] of [['plain', ''], ['bigger', 'html { font-size: 150%; }'], ['shrunk', 'html { font-size: 62.5%; }']]) {
    const site = await plainSite('<massage-guide></massage-guide><script src="/massage-guide.js"></script>', { head: `<style>${css}</style>` });
    const { context, page: tab } = await openPage(`${site.url}/product.html`);
    try {
      await widgetsReady(tab);
      sizes[label] = await tab.$eval('massage-guide', (h) => parseFloat(getComputedStyle(h.shadowRoot.querySelector('.mg-panel-article p')).fontSize));
      if (label === 'bigger') await screenshot(tab, 'field-bigger-text');
    } finally {
      await context.close();
    }
  }
  assert.ok(sizes.plain >= 16, `plain: ${sizes.plain}px`);
  assert.ok(Math.abs(sizes.bigger - 1.5 * sizes.plain) < 0.5, `150 % root: ${sizes.bigger}px vs ${sizes.plain}px`);
  assert.equal(sizes.shrunk, sizes.plain, '62.5 % root: the reader\'s size stays');
});

/** sRGB components 0..1 of a computed colour: rgb(), rgba() or color(srgb …). */
function channels(css) {
  let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(css);
  if (m) return [m[1], m[2], m[3]].map((v) => Number(v) / 255);
  m = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(css);
  if (m) return [m[1], m[2], m[3]].map(Number);
  throw new Error(`cannot read the colour ${css}`);
}
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = channels(c).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const more of [false, true]) {
  for (const theme of ['light', 'dark']) {
    test(`control edges: quiz options and timer pills ${more ? '(prefers-contrast: more) ≥ 4.5:1' : '≥ 3:1'} against the background, ${theme} theme`, async () => {
      const site = await plainSite(`<massage-guide theme="${theme}" start="quiz"></massage-guide><script src="/massage-guide.js"></script>`);
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const tab = await context.newPage();
      try {
        if (more) {
          const cdp = await context.newCDPSession(tab);
          await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-contrast', value: 'more' }] });
        }
        await tab.goto(`${site.url}/product.html`);
        const host = tab.locator('massage-guide');
        await host.getByRole('button', { name: 'Start', exact: true }).click({ timeout: 20000 });
        await host.locator('.mg-quiz-option').first().waitFor();
        const edge = (selector) => tab.$eval('massage-guide', (h, sel) => {
          const node = h.shadowRoot.querySelector(sel);
          const style = getComputedStyle(node);
          return [style.borderTopColor, style.backgroundColor];
        }, selector);
        const [optionEdge, optionBg] = await edge('.mg-quiz-option:not(.mg-quiz-checked)');
        await tab.locator('massage-guide').getByRole('tab', { name: 'Timer', exact: true }).click();
        await host.locator('.mg-timer-pill span').first().waitFor();
        const [pillEdge] = await edge('.mg-timer-pill input:not(:checked) + span');
        const floor = more ? 4.5 : 3;
        assert.ok(contrast(optionEdge, optionBg) >= floor, `option edge ${optionEdge} on ${optionBg}: ${contrast(optionEdge, optionBg).toFixed(2)}:1`);
        assert.ok(contrast(pillEdge, optionBg) >= floor, `pill edge ${pillEdge} on ${optionBg}: ${contrast(pillEdge, optionBg).toFixed(2)}:1`);
        if (more && theme === 'light') await screenshot(tab, 'field-contrast-more');
      } finally {
        await context.close();
      }
    });
  }
}
