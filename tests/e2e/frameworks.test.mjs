// <massage-guide> inside frameworks (issue 15), from the npm package folder (dist/package/):
//   React 19  tests/frameworks/react/app.tsx, bundled here with esbuild from node_modules;
//   Vue 3     tests/frameworks/vue/, its ESM browser build through an import map.
// Each: attributes driven from state, events through ref listeners and through the framework's
// own event bindings, unmount and remount 100 times; the widget keeps working, nothing is thrown,
// and listeners and DOM nodes do not grow (CDP Memory.getDOMCounters and
// DOMDebugger.getEventListeners after forced GC). Also the README's plain-HTML and WordPress
// recipes, verbatim. Everything is served by a local server: no CDN, no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';
import { Liquid } from 'liquidjs';
import { launchChromium, watch, screenshot, ROOT, DIST } from './harness.mjs';

const PKG = join(DIST, 'package');
const FRAMEWORKS = join(ROOT, 'tests', 'frameworks');
const CYCLES = 100;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };

let browser, server, version;
const pages = new Map(); // extra pages built here (path → html)

/**
 * /pkg/ and /wp-content/uploads/massage-guide/: the package folder (what a site copies from
 * node_modules/massage-guide); /node_modules/vue/: Vue's builds; /react/app.js: the esbuild
 * bundle; anything else: tests/frameworks/ or a page in `pages`.
 */
async function serveAll() {
  const bundle = await build({
    entryPoints: [join(FRAMEWORKS, 'react', 'app.tsx')],
    bundle: true, write: false, format: 'esm', jsx: 'automatic', target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' }, logLevel: 'silent',
  });
  const reactBundle = bundle.outputFiles[0].contents;
  const mounts = [['/pkg/', PKG], ['/wp-content/uploads/massage-guide/', PKG], ['/cdn/shop/t/7/assets/', PKG], ['/node_modules/vue/', join(ROOT, 'node_modules', 'vue')], ['/', FRAMEWORKS]];
  const http = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (body, type) => { res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }); res.end(body); };
    if (path === '/react/app.js') return send(reactBundle, TYPES['.js']);
    if (path === '/svelte/app.js') return send(await svelteBundle(), TYPES['.js']);
    if (pages.has(path)) return send(pages.get(path), TYPES['.html']);
    const [prefix, base] = mounts.find(([p]) => path.startsWith(p));
    const file = normalize(join(base, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      send(await readFile(file.endsWith('/') ? join(file, 'index.html') : file), TYPES[extname(file)] || 'application/octet-stream');
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((resolve) => http.close(resolve)) };
}

before(async () => {
  if (!existsSync(join(PKG, 'package.json'))) throw new Error('dist/package/ is missing: run `trunk build --release && node tools/package.mjs` first');
  version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version;
  browser = await launchChromium();
  server = await serveAll();
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Every ready event on the page (they bubble and are composed), for pages without mgStats.
  await context.addInitScript(() => {
    window.mgReadyEvents = 0;
    document.addEventListener('massage-guide:ready', () => { window.mgReadyEvents++; });
  });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(server.origin + path);
  return { context, page, log };
}

const stats = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.mgStats)));

/**
 * The README's Svelte recipe compiled by the Svelte 5 compiler and bundled with esbuild, with a
 * tiny entry that mounts it (window.mgSvelte.mount/unmount).
 */
let svelteJs = null;
async function svelteBundle() {
  if (svelteJs) return svelteJs;
  const compiled = compile(recipe('Svelte 5', 'svelte'), { filename: 'Recipe.svelte', generate: 'client' });
  assert.deepEqual(compiled.warnings.map((w) => w.message), [], 'the Svelte recipe compiles without warnings');
  const entry = [
    "import { mount, unmount } from 'svelte';",
    "import Recipe from 'recipe.svelte';",
    'let app = null;',
    "window.mgSvelte = { mount() { app = mount(Recipe, { target: document.getElementById('app'), props: { productUrl: 'https://shop.example/p/classic' } }); }, unmount() { unmount(app); app = null; } };",
    'window.mgSvelte.mount();',
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    bundle: true, write: false, format: 'esm', target: 'es2022', conditions: ['svelte', 'browser'], logLevel: 'silent',
    plugins: [{
      name: 'recipe',
      setup(b) {
        b.onResolve({ filter: /^recipe\.svelte$/ }, () => ({ path: 'recipe.svelte', namespace: 'recipe' }));
        b.onLoad({ filter: /.*/, namespace: 'recipe' }, () => ({ contents: compiled.js.code, loader: 'js', resolveDir: ROOT }));
      },
    }],
  });
  svelteJs = result.outputFiles[0].contents;
  return svelteJs;
}

/** Waits until the app of the (single) widget on the page has mounted `count` times in all. */
function readyCount(page, count) {
  return page.waitForFunction((n) => window.mgStats.propReady >= n && window.mgStats.refReady >= n, count, { timeout: 20000 });
}

/** The widget's state as the reader sees it. */
function look(page) {
  return page.evaluate(() => {
    const host = document.querySelector('massage-guide');
    const root = host && host.shadowRoot;
    const box = root && root.querySelector('.mg');
    return host && {
      attributes: Object.fromEntries([...host.attributes].map((a) => [a.name, a.value])),
      tabs: [...root.querySelectorAll('[role=tab]')].map((t) => t.textContent.trim()),
      color: box ? getComputedStyle(box).color : null,
      dataVersion: root.querySelector('[data-version]')?.getAttribute('data-version') ?? null,
      runtimeVersion: customElements.get('massage-guide')?.version ?? null,
      article: !!root.querySelector('h1'),
    };
  });
}

/** What the quiz shows, as a string that changes with every screen. */
function quizScreen(page) {
  return page.evaluate(() => {
    const quiz = document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz');
    if (!quiz) return { signature: 'none' };
    const result = quiz.querySelector('.mg-quiz-result');
    const legend = quiz.querySelector('legend')?.textContent.trim() ?? '';
    const heading = quiz.querySelector('h2')?.textContent.trim() ?? '';
    return { signature: [result ? 'result' : 'q', legend, heading].join('|'), outcome: result?.dataset.outcome ?? null,
      tel: result?.querySelector('a[href^="tel:"]')?.getAttribute('href') ?? null };
  });
}

/**
 * Opens the safety check (restarting a saved result) and answers the first option of every
 * question (a first-listed emergency sign ends the quiz) until a result shows. Returns the
 * result screen.
 */
async function quizToResult(page) {
  const host = page.locator('massage-guide');
  await host.getByRole('tab', { name: /^(Quiz|Safety check)$/ }).click();
  const press = async (name) => {
    const was = (await quizScreen(page)).signature;
    await host.getByRole('button', { name, exact: true }).click();
    await page.waitForFunction((w) => {
      const quiz = document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz');
      const sig = quiz ? [quiz.querySelector('.mg-quiz-result') ? 'result' : 'q', quiz.querySelector('legend')?.textContent.trim() ?? '', quiz.querySelector('h2')?.textContent.trim() ?? ''].join('|') : 'none';
      return sig !== w;
    }, was, { timeout: 5000 });
  };
  await host.locator('.mg-quiz').waitFor();
  // A result saved from an earlier run (storage is per element slot) is shown again: restart.
  if ((await quizScreen(page)).outcome) await press('Restart');
  const labels = async () => (await host.getByRole('button').allTextContents()).map((b) => b.trim());
  if ((await labels()).includes('Start')) await press('Start');
  for (let i = 0; i < 20; i++) {
    const now = await quizScreen(page);
    if (now.outcome) return now;
    const names = await page.evaluate(() => {
      const quiz = document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz');
      const radios = [...new Set([...quiz.querySelectorAll('input[type=radio]')].map((r) => r.name))];
      return { radios, checkbox: !!quiz.querySelector('input[type=checkbox]') };
    });
    for (const name of names.radios) await host.locator(`input[type=radio][name="${name}"]`).first().check();
    if (!names.radios.length && names.checkbox) await host.locator('input[type=checkbox]').first().check();
    await press((await labels()).find((b) => b === 'Next' || b === 'See my result'));
  }
  throw new Error('no quiz result after 20 screens');
}

/**
 * Live DOM nodes, JS listeners and documents after two forced GCs (CDP Memory.getDOMCounters),
 * listeners on window and document, listeners on the widget and inside its shadow root
 * (DOMDebugger.getEventListeners, depth -1, pierce), and the JS heap in use.
 */
async function counters(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const listenersOf = async (expression, deep) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'mg-count' });
    if (!result.objectId) return null;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, ...(deep ? { depth: -1, pierce: true } : {}) });
    return listeners.length;
  };
  const out = {
    nodes: dom.nodes,
    jsEventListeners: dom.jsEventListeners,
    documents: dom.documents,
    window: await listenersOf('window'),
    document: await listenersOf('document'),
    widget: await listenersOf("document.querySelector('massage-guide')", true),
  };
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'mg-count' });
  out.heapUsedKiB = Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1024);
  return out;
}

/** Toggles the widget off and on `cycles` times, waiting for its app each time. */
async function remount(page, cycles) {
  for (let i = 0; i < cycles; i++) {
    const { propReady } = await stats(page);
    await page.click('#toggle');
    await page.waitForFunction(() => !document.querySelector('massage-guide'));
    await page.click('#toggle');
    await readyCount(page, propReady + 1);
  }
}

/** The whole framework check, shared by React and Vue. */
async function frameworkCheck(name, path) {
  const { context, page, log } = await open(path);
  const cdp = await context.newCDPSession(page);
  await readyCount(page, 1);

  // 1. Attributes from state, and the widget follows them.
  const first = await look(page);
  assert.equal(first.attributes.theme, 'light');
  assert.equal(first.attributes.sections, 'article quiz timer');
  assert.equal(first.tabs.length, 3, `tabs: ${first.tabs}`);
  await page.click('#theme');
  await page.click('#sections');
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelectorAll('[role=tab]').length === 2);
  const changed = await look(page);
  assert.equal(changed.attributes.theme, 'dark');
  assert.equal(changed.attributes.sections, 'quiz timer');
  assert.notEqual(changed.color, first.color, 'the dark theme changes the text colour');
  await page.click('#sections');
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelectorAll('[role=tab]').length === 3);

  // 2. Events reach both kinds of listener; the emergency number comes from state.
  await page.click('#emergency');
  await page.waitForFunction(() => document.querySelector('massage-guide').getAttribute('emergency-number') === '999');
  const result = await quizToResult(page);
  let s = await stats(page);
  assert.deepEqual(s.propResults, [result.outcome], `${name} event binding heard the outcome`);
  assert.deepEqual(s.refResults, [result.outcome], 'the ref listener heard the outcome');
  if (result.outcome === 'emergency') assert.equal(result.tel, 'tel:999', 'the emergency number set from state is used');
  await screenshot(page, `frameworks-${name}-result`);

  // 3. Unmount and remount: warm up, measure, 100 more cycles, measure again.
  await remount(page, 5);
  const base = await counters(cdp);
  const mountedBefore = (await stats(page)).propReady;
  const started = Date.now();
  await remount(page, CYCLES);
  const ms = Date.now() - started;
  const end = await counters(cdp);
  s = await stats(page);
  assert.equal(s.propReady, mountedBefore + CYCLES, 'one ready event per mount through the event binding');
  assert.equal(s.refReady, mountedBefore + CYCLES, 'one ready event per mount through the ref listener');
  assert.equal(s.refAttached - s.refDetached, 1, 'ref listeners: exactly one element has them');

  // A widget's own size, to put the node counts in proportion.
  const widgetNodes = await page.evaluate(() => {
    const count = (n) => 1 + [...n.childNodes].reduce((a, c) => a + count(c), 0) + (n.shadowRoot ? count(n.shadowRoot) : 0);
    return count(document.querySelector('massage-guide'));
  });
  const growth = { nodes: end.nodes - base.nodes, jsEventListeners: end.jsEventListeners - base.jsEventListeners, documents: end.documents - base.documents, heapUsedKiB: end.heapUsedKiB - base.heapUsedKiB };
  console.log(`${name}: ${CYCLES} remounts in ${ms} ms (${(ms / CYCLES).toFixed(0)} ms each); one widget = ${widgetNodes} nodes, ${end.widget} listeners`);
  console.log(`${name}: before ${JSON.stringify(base)}`);
  console.log(`${name}: after  ${JSON.stringify(end)}`);
  console.log(`${name}: growth ${JSON.stringify(growth)}`);

  // 4. The widget still works after the cycles, and nothing was thrown.
  const last = await look(page);
  assert.equal(last.attributes.theme, 'dark', 'the remounted element gets the current state');
  assert.equal(last.attributes['emergency-number'], '999');
  assert.ok(last.article, 'the article shows');
  const again = await quizToResult(page);
  s = await stats(page);
  assert.deepEqual(s.propResults.slice(-1), [again.outcome], 'a result after the cycles reaches the event binding');
  assert.deepEqual(s.refResults.slice(-1), [again.outcome], 'and the ref listener');
  assert.equal(s.propResults.length, 2, 'no stale listener of an unmounted element fired');
  assert.deepEqual(log.problems(), [], 'no uncaught error or console error');
  const frameworkWarnings = log.warnings.filter((w) => /\[Vue warn\]|Warning:|React/.test(w));
  assert.deepEqual(frameworkWarnings, [], 'no framework warning (Vue would warn without isCustomElement)');

  // 5. No growth: listeners exactly; DOM nodes and the JS listener count within noise,
  //    far below one widget (a leak of one widget per cycle would add 100 widgets).
  assert.equal(end.window, base.window, 'listeners on window do not grow');
  assert.equal(end.document, base.document, 'listeners on document do not grow');
  assert.equal(end.widget, base.widget, 'a fresh widget has as many listeners as the first one');
  assert.equal(growth.documents, 0, 'no document is left behind');
  assert.ok(growth.jsEventListeners <= 5, `JS event listeners grew by ${growth.jsEventListeners} over ${CYCLES} remounts`);
  assert.ok(growth.nodes <= 50, `DOM nodes grew by ${growth.nodes} over ${CYCLES} remounts (one widget: ${widgetNodes})`);

  // 6. The version at run time is the package's.
  assert.equal(last.runtimeVersion, version, 'customElements.get(…).version is the package version');
  assert.equal(last.dataVersion, version, 'data-version on the shadow root\'s root element');
  await context.close();
  return { ms, base, end, growth, widgetNodes };
}

test(`React 19: state-driven attributes, ref and event-prop listeners, ${CYCLES} remounts without growth`, async () => {
  await frameworkCheck('react', '/react/index.html');
});

test(`Vue 3: bound attributes, template-ref and @event listeners, isCustomElement, ${CYCLES} remounts without growth`, async () => {
  await frameworkCheck('vue', '/vue/index.html');
});

// ---- README recipes, verbatim --------------------------------------------------------------

/** The first ```lang block under `### title` in the README's `## Recipes`. */
function recipe(title, lang = 'html') {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const recipes = readme.slice(readme.indexOf('\n## Recipes\n'));
  const section = recipes.split(/^(?=### )/m).find((s) => s.startsWith(`### ${title}`));
  assert.ok(section, `README recipe "${title}"`);
  const block = section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  assert.ok(block, `recipe "${title}" has a ${lang} block`);
  return block[1];
}

const pageWith = (body, title) => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>\n<body>\n${body}</body></html>\n`;

test('README recipe "Plain HTML": the widget works and the listener logs the outcome', async () => {
  pages.set('/pkg/recipe-plain.html', pageWith(recipe('Plain HTML'), 'Plain HTML recipe'));
  const { context, page, log } = await open('/pkg/recipe-plain.html');
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'log') logged.push(m.text()); });
  const result = await quizToResult(page);
  assert.deepEqual(logged.filter((l) => l.startsWith('safety check:')), [`safety check: ${result.outcome}`]);
  assert.equal(await page.$eval('massage-guide', (h) => h.getAttribute('locale')), 'en-GB');
  assert.deepEqual(log.problems(), []);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:')), [], 'no request leaves the site');
  await context.close();
});

test('README recipe "WordPress": the Custom HTML block, scripts from wp-content/uploads', async () => {
  // The block as WordPress prints it inside a post.
  const block = `<main class="wp-site-blocks"><div class="entry-content wp-block-post-content">\n<p>Our guide:</p>\n${recipe('WordPress')}</div></main>\n`;
  pages.set('/2026/12/back-pain-guide/', pageWith(block, 'WordPress recipe'));
  const { context, page, log } = await open('/2026/12/back-pain-guide/');
  await page.waitForFunction(() => !!document.querySelector('massage-guide')?.shadowRoot?.querySelector('h1'));
  const result = await quizToResult(page);
  assert.ok(result.outcome, 'the safety check works');
  assert.equal(await page.evaluate(() => window.mgReadyEvents), 1, 'one ready event');
  const loaded = log.requests.filter((u) => u.includes('/wp-content/uploads/massage-guide/'));
  assert.ok(loaded.some((u) => u.endsWith('/massage-guide.js')), `requests: ${loaded}`);
  assert.ok(loaded.some((u) => /\/massage-guide-app\.[0-9a-f]{8}\.js$/.test(u)), `the app script comes from the same folder: ${loaded}`);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('README recipe "Svelte 5": compiled by Svelte, the listener hears the outcome, unmount removes it', async () => {
  pages.set('/svelte/', pageWith('<div id="app"></div>\n<script src="/pkg/massage-guide.js" async></script>\n<script type="module" src="/svelte/app.js"></script>\n', 'Svelte 5 recipe'));
  const { context, page, log } = await open('/svelte/');
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'log') logged.push(m.text()); });
  await page.waitForFunction(() => !!document.querySelector('massage-guide')?.shadowRoot);
  assert.equal(await page.$eval('massage-guide', (h) => h.getAttribute('product-url')), 'https://shop.example/p/classic', 'the prop becomes the attribute');
  const first = await quizToResult(page);
  assert.deepEqual(logged, [first.outcome], 'the listener logged the outcome');
  for (let i = 0; i < 10; i++) {
    await page.evaluate(() => { window.mgSvelte.unmount(); window.mgSvelte.mount(); });
  }
  assert.equal(await page.locator('massage-guide').count(), 1);
  const again = await quizToResult(page);
  assert.deepEqual(logged, [first.outcome, again.outcome], 'after 10 remounts, one listener (on the live element) logged the outcome');
  assert.equal(await page.evaluate(() => window.mgReadyEvents), 2, 'the app mounted in the first and in the last element');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('README recipe "Shopify theme section": rendered with liquidjs, product URL and name from the product object', async () => {
  // Shopify strips {% schema %} from the page; its JSON must be valid and its defaults apply.
  const source = recipe('Shopify theme section', 'liquid');
  const schemaText = source.match(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/)[1];
  const schema = JSON.parse(schemaText);
  const settings = Object.fromEntries(schema.settings.map((s) => [s.id, s.default]));
  assert.deepEqual(schema.enabled_on, { templates: ['product'] });
  const engine = new Liquid({ strictFilters: true, strictVariables: true });
  // Shopify's asset_url: a protocol-relative CDN URL with a cache-busting query.
  const host = server.origin.replace(/^http:/, '');
  engine.registerFilter('asset_url', (name) => `${host}/cdn/shop/t/7/assets/${name}?v=1733135520`);
  const title = 'MedMassager "Classic" <Body> & Back';
  const html = await engine.parseAndRender(source.replace(/{%\s*schema\s*%}[\s\S]*?{%\s*endschema\s*%}\s*/, ''), {
    product: { url: '/products/medmassager-classic', title },
    request: { origin: server.origin },
    section: { settings },
  });
  pages.set('/products/medmassager-classic', pageWith(`<main class="product">\n<h1>${title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</h1>\n${html}</main>\n`, 'Shopify product page'));
  const { context, page, log } = await open('/products/medmassager-classic');
  const attributes = await page.$eval('massage-guide', (h) => Object.fromEntries([...h.attributes].map((a) => [a.name, a.value])));
  assert.deepEqual(attributes, { locale: 'en-US', 'product-url': `${server.origin}/products/medmassager-classic`, 'product-name': title });
  const result = await quizToResult(page);
  assert.ok(result.outcome, 'the safety check works');
  const assets = log.requests.filter((u) => u.includes('/cdn/shop/t/7/assets/'));
  assert.ok(assets.some((u) => /massage-guide\.js\?v=/.test(u)), `requests: ${assets}`);
  assert.ok(assets.some((u) => /\/massage-guide-app\.[0-9a-f]{8}\.js/.test(u)), `the app script comes from the assets folder too: ${assets}`);
  assert.deepEqual(log.problems(), []);
  await context.close();
});
