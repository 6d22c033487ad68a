// Each tab's `aria-controls` names exactly one panel: the one showing. While the app loads
// after a cold click, the loading panel carries the id; once the app's panel is there, the
// hidden loading panel gives the id back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, widgetsReady, appReady } from './harness.mjs';

let browser, server;
before(async () => {
  browser = await launchChromium();
  // The app script answers late, so the first click finds it not loaded yet (a cold click).
  server = await serve({ respond: (path) => (/massage-guide-app[^/]*\.js$/.test(path) ? { delay: 400 } : null) });
});
after(async () => { await browser?.close(); await server?.close(); });

/** For each tab: how many elements carry its aria-controls id, and what that element is. */
function panels(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('massage-guide').shadowRoot;
    return [...shadow.querySelectorAll('[role=tab]')].map((tab) => {
      const id = tab.getAttribute('aria-controls');
      const all = shadow.querySelectorAll(`[id="${id}"]`);
      const target = shadow.getElementById(id);
      return {
        tab: tab.textContent.trim(),
        selected: tab.getAttribute('aria-selected') === 'true',
        count: all.length,
        hidden: !target || !target.checkVisibility(),
        app: !!target?.querySelector('.mg-quiz, .mg-timer, .mg-gate'),
      };
    });
  });
}

test('after a cold click on Safety check, then Timer, each tab controls one visible panel', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  const host = page.locator('massage-guide');
  await host.getByRole('tab', { name: 'Safety check' }).click();
  let seen = (await panels(page)).find((p) => p.tab === 'Safety check');
  assert.deepEqual([seen.count, seen.hidden], [1, false], 'while loading, the loading panel is the Safety check panel');
  await appReady(page);
  await page.waitForFunction(() => !!document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz'));
  seen = (await panels(page)).find((p) => p.tab === 'Safety check');
  assert.deepEqual(seen, { tab: 'Safety check', selected: true, count: 1, hidden: false, app: true });

  await host.getByRole('tab', { name: 'Timer' }).click();
  await page.waitForFunction(() => !!document.querySelector('massage-guide').shadowRoot.querySelector('.mg-timer'));
  for (const panel of await panels(page)) {
    assert.ok(panel.count <= 1, `one element with the id of the ${panel.tab} panel: ${JSON.stringify(panel)}`);
  }
  seen = (await panels(page)).find((p) => p.tab === 'Timer');
  assert.deepEqual(seen, { tab: 'Timer', selected: true, count: 1, hidden: false, app: true });
  assert.deepEqual(log.problems(), []);
  await context.close();
});
