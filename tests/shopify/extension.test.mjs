// The Shopify theme app extension (dist/shopify-extension/, written by tools/shopify.mjs):
//   - the block's JavaScript within theme-check's 10,000-byte limit;
//   - Shopify's theme-check (theme-check:theme-app-extension, which extends the recommended
//     config): no error and no warning; and the same check failing on a block that names the
//     full massage-guide.js, so this test can fail;
//   - the block rendered with liquidjs (tools/shopify-render.mjs: asset_url, preload_tag, t and
//     the schema tag stubbed as Shopify renders them) for a product, a product whose title has quotes and `<`, and no
//     product, then opened in Chromium as a shop page whose assets come from another origin (the
//     CDN, no CORS headers): the whole article with JavaScript off; with it, the tabs, the safety
//     check's first question, the timer, no console error, no request but the shop page and the
//     extension's own assets; two blocks on one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, mkdtempSync, cpSync, copyFileSync, rmSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { check } from '@shopify/theme-check-node';
import { launchChromium, watch, screenshot, DIST } from '../e2e/harness.mjs';
import { Liquid } from 'liquidjs';
import { readBlock, renderBlock as render, blockHead } from '../../tools/shopify-render.mjs';
import { liquidSafe } from '../../tools/shopify.mjs';

const EXT = join(DIST, 'shopify-extension');
const ASSETS = join(EXT, 'assets');
const CDN_PATH = '/extensions/0a1b2c3d/1/assets/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const TRICKY = 'MedMassager "Classic" <Body> & Back';

let browser, shop, cdn, schema;
const pages = new Map();

/** One origin for the shop's pages (from `pages`), one for the CDN (the extension's assets). */
function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

before(async () => {
  if (!existsSync(join(EXT, 'blocks', 'massage-guide.liquid'))) throw new Error('dist/shopify-extension is missing: run tools/build.sh first');
  ({ schema } = readBlock(EXT));
  shop = await listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!pages.has(path)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(pages.get(path));
  });
  // Like Shopify's CDN: long-cached, no Access-Control-Allow-Origin.
  cdn = await listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(ASSETS, path.slice(CDN_PATH.length)));
    if (!path.startsWith(CDN_PATH) || !file.startsWith(ASSETS) || !existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'public, max-age=31536000' }).end(readFileSync(file));
  });
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await shop?.close(); await cdn?.close(); });

/** The block as Shopify renders it: settings from the schema's defaults unless given. */
const renderBlock = (options = {}) => render(EXT, { assets: assetsUrl(), origin: shop.origin, ...options });
const assetsUrl = () => `${cdn.origin.replace(/^http:/, '')}${CDN_PATH}`;

/**
 * A shop page around rendered blocks. Shopify adds the block schema's javascript (deferred) and
 * stylesheet to the page once, whatever the number of blocks.
 */
function shopPage(path, blocks, title = 'Product') {
  pages.set(path, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
${blockHead(EXT, assetsUrl())}
<style>html { font-size: 62.5%; } body { font: 1.6rem/1.5 Georgia, serif; margin: 0 auto; max-width: 90rem; padding: 0 1.5rem; }</style>
</head><body><main><h1>${title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</h1>
${blocks.join('\n')}
</main></body></html>
`);
  return shop.origin + path;
}

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(url);
  return { context, page, log };
}

/** The article's headings, from the snippet Liquid renders. */
function articleHeadings() {
  const html = readFileSync(join(EXT, 'snippets', 'massage-guide-article.liquid'), 'utf8');
  return [...html.matchAll(/<h([12])[^>]*>([\s\S]*?)<\/h\1>/g)]
    .map((m) => m[2].replace(/<[^>]+>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16))).replace(/&#123;/g, '{').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim());
}

/** Waits until every block on the page has moved its article into the shell. */
async function shellsReady(page, count) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('massage-guide')];
    return hosts.length === n && hosts.every((h) => h.shadowRoot && !h.firstChild
      && h.shadowRoot.querySelector('.mg:not([hidden]) .mg-panel-article .mg-article')
      && h.shadowRoot.querySelectorAll('[role=tab]').length > 0);
  }, count, { timeout: 20000 });
}

async function firstQuestion(host) {
  await host.getByRole('tab', { name: 'Safety check' }).click();
  await host.getByRole('button', { name: 'Start', exact: true }).click();
  await host.locator('.mg-quiz legend').first().waitFor({ timeout: 20000 });
  return (await host.locator('.mg-quiz legend').first().textContent()).trim();
}

test(`the block's JavaScript is at most 10,000 bytes raw (theme-check AssetSizeAppBlockJavaScript)`, () => {
  const size = statSync(join(ASSETS, schema.javascript)).size;
  assert.ok(size <= 10000, `${schema.javascript}: ${size} bytes`);
  assert.equal(schema.javascript, 'massage-guide-block.js');
});

test('theme-check (theme-check:theme-app-extension, recommended checks): no error, no warning', async () => {
  const offenses = await check(EXT, 'theme-check:theme-app-extension');
  const shown = offenses.map((o) => `${o.check} (severity ${o.severity}) ${o.uri.replace(/^.*shopify-extension\//, '')}: ${o.message}`);
  assert.deepEqual(shown.filter((_, i) => offenses[i].severity <= 1), [], 'errors (0) and warnings (1)');
  assert.deepEqual(shown, [], 'nor any info');
});

test('theme-check fails a block that names the full massage-guide.js (the check is live)', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'mg-extension-'));
  try {
    cpSync(EXT, copy, { recursive: true });
    copyFileSync(join(DIST, 'massage-guide.js'), join(copy, 'assets', schema.javascript));
    const offenses = await check(copy, 'theme-check:theme-app-extension');
    const size = offenses.filter((o) => o.check === 'AssetSizeAppBlockJavaScript');
    assert.equal(size.length, 1, offenses.map((o) => o.check).join(', '));
    assert.equal(size[0].severity, 0, 'an error');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('the article snippet is Liquid-safe: `{{` and `{%` in the text stay text', async () => {
  const html = '<p title="{{ a }}">{{ product.title }} and {% if x %}y{% endif %}, {single} {</p>';
  const safe = liquidSafe(html);
  const rendered = await new Liquid({ strictVariables: true }).parseAndRender(safe, {});
  assert.equal(rendered, safe, 'Liquid leaves it alone');
  assert.equal(rendered.replace(/&#123;/g, '{'), html, 'the browser reads the same text');
  const snippet = readFileSync(join(EXT, 'snippets', 'massage-guide-article.liquid'), 'utf8');
  assert.doesNotMatch(snippet, /\{[{%]/);
  // eslint-disable-next-line no-control-regex -- checks for bytes outside printable ASCII
  assert.doesNotMatch(snippet, /[^\x00-\x7e]/, 'ASCII (numeric references)');
});

test('the schema: section target, settings for every attribute the brief names, labels in en.default.schema.json', () => {
  assert.equal(schema.target, 'section');
  assert.equal(schema.stylesheet, 'massage-guide-block.css');
  const ids = schema.settings.filter((s) => s.id).map((s) => s.id);
  assert.deepEqual(ids, ['advice_country', 'emergency_number', 'show_article', 'show_quiz', 'show_timer', 'start', 'loading', 'theme', 'accent']);
  const labels = JSON.parse(readFileSync(join(EXT, 'locales', 'en.default.schema.json'), 'utf8'));
  const lookup = (key) => key.replace(/^t:/, '').split('.').reduce((node, part) => node?.[part], labels);
  const keys = [schema.name, ...schema.settings.flatMap((s) => [s.label, s.info, s.content, ...(s.options || []).map((o) => o.label)])].filter(Boolean);
  for (const key of keys) assert.equal(typeof lookup(key), 'string', key);
  const toml = readFileSync(join(EXT, 'shopify.extension.toml'), 'utf8');
  assert.match(toml, /^type = "theme"$/m);
});

test('liquidjs: attributes from the settings and the product, escaped; none without a product', async () => {
  const attributes = (html) => {
    const tag = /<massage-guide([^>]*)>/.exec(html)[1];
    return Object.fromEntries([...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  };
  const plain = attributes(await renderBlock({ product: { title: 'MedMassager Body Massager Classic', url: '/products/classic' } }));
  assert.deepEqual(plain, {
    locale: 'en-US', sections: 'article quiz timer', start: 'article', loading: 'interaction', theme: 'auto',
    'product-url': `${shop.origin}/products/classic`, 'product-name': 'MedMassager Body Massager Classic',
  });
  const tricky = await renderBlock({ product: { title: TRICKY, url: '/products/classic-"x"' }, country: 'GB' });
  assert.equal(attributes(tricky)['product-name'], 'MedMassager &#34;Classic&#34; &lt;Body&gt; &amp; Back');
  assert.equal(attributes(tricky).locale, 'en-GB', 'advice country from localization.country');
  assert.ok(!/<Body>/.test(tricky), 'the title cannot open an element');
  const none = attributes(await renderBlock({ country: 'DE', settings: { emergency_number: '112', show_timer: false, start: 'timer', accent: '#8a2be2', theme: 'dark' } }));
  assert.deepEqual(none, { 'emergency-number': '112', sections: 'article quiz', start: 'article', loading: 'interaction', theme: 'dark', style: '--mg-accent: #8a2be2;' },
    'no product attributes, no locale outside US/GB (the element default), start falls back to a shown section');
});

test('Chromium, JavaScript off: the whole article, the theme page around it', async () => {
  const url = shopPage('/products/no-js', [await renderBlock({ product: { title: TRICKY, url: '/products/classic' } })], TRICKY);
  const { context, page } = await open(url, { javaScriptEnabled: false });
  const headings = articleHeadings();
  assert.ok(headings.length >= 6, `headings in the snippet: ${headings.length}`);
  for (const name of headings) assert.ok(await page.getByRole('heading', { name, exact: true }).isVisible(), `visible heading: ${name}`);
  // innerText holds rendered text only (Playwright's text locators skip <noscript>).
  assert.match(await page.innerText('body'), /The safety check and the self-massage timer need JavaScript/);
  await screenshot(page, 'shopify-block-no-js');
  await context.close();
});

test('Chromium: tabs, the safety check, the timer; no console error; only the page and the extension assets requested', async () => {
  const url = shopPage('/products/classic', [await renderBlock({ product: { title: TRICKY, url: '/products/classic' } })], TRICKY);
  const { context, page, log } = await open(url);
  await shellsReady(page, 1);
  const host = page.locator('massage-guide');
  assert.deepEqual(await host.getByRole('tab').allTextContents(), ['Article', 'Safety check', 'Timer']);
  assert.equal(await host.locator('.mg-product').first().textContent(), TRICKY, 'the product name in the article');
  assert.equal(await host.locator('a.mg-product').first().getAttribute('href'), `${shop.origin}/products/classic`);
  await screenshot(page, 'shopify-block-article');
  const question = await firstQuestion(host);
  assert.match(question, /\?/, `a question: ${question}`);
  await host.getByRole('tab', { name: 'Timer' }).click();
  await host.locator('.mg-timer').waitFor({ timeout: 20000 });
  assert.ok(await host.locator('.mg-timer').isVisible());
  await screenshot(page, 'shopify-block-timer');
  assert.deepEqual(log.problems(), [], 'no uncaught error or console error');
  const own = new Set(['massage-guide-block.js', 'massage-guide-block.css', 'massage-guide-shell.css', 'massage-guide-block-app.js']);
  const others = log.requests.filter((u) => u !== url && !(u.startsWith(cdn.origin + CDN_PATH) && own.has(u.slice((cdn.origin + CDN_PATH).length))));
  assert.deepEqual(others, [], 'no other request');
  for (const name of own) assert.equal(log.requests.filter((u) => u.endsWith('/' + name)).length, 1, `${name} requested once`);
  await context.close();
});

test('Chromium: two blocks on one page, each upgraded; one app load serves both', async () => {
  const url = shopPage('/products/two', [
    await renderBlock({ product: { title: 'Classic', url: '/products/classic' } }),
    await renderBlock({ product: { title: 'Classic', url: '/products/classic' }, settings: { show_timer: false, theme: 'dark' } }),
  ]);
  const { context, page, log } = await open(url);
  await shellsReady(page, 2);
  const [first, second] = [page.locator('massage-guide').nth(0), page.locator('massage-guide').nth(1)];
  assert.deepEqual(await second.getByRole('tab').allTextContents(), ['Article', 'Safety check']);
  assert.match(await firstQuestion(second), /\?/);
  assert.match(await firstQuestion(first), /\?/);
  assert.equal(log.requests.filter((u) => u.endsWith('/massage-guide-block-app.js')).length, 1, 'the app file once');
  assert.deepEqual(log.problems(), []);
  await context.close();
});
