// The walking skeleton's promises: the four deliverables render in real Chromium, from
// http and from disk, twice on one page, and fetch nothing beyond their own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { launchChromium, serve, watch, screenshot, widgetsReady, APP_NAME_RE, DIST } from './harness.mjs';

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser.close(); await server.close(); });

/** Text of the selected tab and the panel inside one widget's shadow root. */
function widgetState(page, selector) {
  return page.$eval(selector, (host) => {
    const root = host.shadowRoot;
    return {
      tab: root.querySelector('[role=tab][aria-selected=true]')?.textContent ?? null,
      heading: root.querySelector('.mg-panel:not([data-off]) h1, .mg-panel:not([data-off]) h2')?.textContent ?? null,
      panel: root.querySelector('[role=tabpanel]:not([data-off])')?.textContent ?? '',
    };
  });
}

test('(a) the standalone page over http renders inside the shadow root', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const log = watch(page);
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  const state = await widgetState(page, 'massage-guide');
  assert.equal(state.tab, 'Article');
  assert.match(state.heading, /Does Massage Help Lower Back Pain/);
  // Rendered in the shadow root, not only the light-DOM fallback.
  assert.ok(await page.$eval('massage-guide', (h) => h.shadowRoot.mode === 'open' && !!h.shadowRoot.querySelector('.mg-tabs')));
  await screenshot(page, 'delivery-a-standalone-390');
  assert.deepEqual(log.problems(), []);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(server.origin)), [], '(d) no foreign request');
  // The app script may arrive after `load` (loading="auto" prefetches it when idle); nothing else.
  const paths = [...new Set(log.requests.map((u) => new URL(u).pathname))].filter((p) => !APP_NAME_RE.test(p.slice(1))).sort();
  assert.deepEqual(paths, ['/', '/icon.svg', '/massage-guide.js']);
  await page.close();
});

test('(b) the single file works from file:// with the network blocked', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(pathToFileURL(join(DIST, 'massage-guide.html')).href);
  await widgetsReady(page);
  assert.equal((await widgetState(page, 'massage-guide')).tab, 'Article');
  await page.locator('massage-guide').getByRole('tab', { name: 'Safety check' }).click();
  const after = await widgetState(page, 'massage-guide');
  assert.equal(after.tab, 'Safety check');
  assert.equal(after.heading === null || !/Does Massage Help/.test(after.heading), true, 'article replaced by the quiz');
  await screenshot(page, 'delivery-b-single-file-1280');
  assert.deepEqual(log.problems(), []);
  assert.deepEqual(blocked, [], '(d) the single file asks for nothing');
  assert.deepEqual(log.requests, [pathToFileURL(join(DIST, 'massage-guide.html')).href]);
  await context.close();
});

test('(c) two widgets, script included twice: independent and error-free', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const log = watch(page);
  await page.goto(server.origin + '/fixtures/two-widgets.html');
  await widgetsReady(page, 2);
  assert.equal(await page.evaluate(() => customElements.get('massage-guide') !== undefined), true);
  assert.equal((await widgetState(page, '#first')).tab, 'Article');
  assert.equal((await widgetState(page, '#second')).tab, 'Timer', 'start="timer" honoured');
  await page.locator('#first').getByRole('tab', { name: 'Safety check' }).click();
  assert.equal((await widgetState(page, '#first')).tab, 'Safety check');
  assert.equal((await widgetState(page, '#second')).tab, 'Timer', 'the other widget did not move');
  await page.locator('#second').getByRole('tab', { name: 'Article' }).click();
  assert.equal((await widgetState(page, '#first')).tab, 'Safety check');
  assert.equal((await widgetState(page, '#second')).tab, 'Article');
  await screenshot(page, 'delivery-c-two-widgets');
  assert.deepEqual(log.problems(), []);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(server.origin)), [], '(d) no foreign request');
  await page.close();
});
