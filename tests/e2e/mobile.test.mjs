// The cross-engine smoke flows (tests/engines/flows.mjs) on an emulated phone in Chromium:
// isMobile, hasTouch, device scale factor 3, 390×844, and every control is tapped, not clicked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, serve, screenshot, DIST } from './harness.mjs';
import { chromiumDriver } from '../engines/chromium.mjs';
import { FLOWS } from '../engines/flows.mjs';

let browser, server, driver;
const ctx = {};
before(async () => {
  browser = await launchChromium();
  server = await serve();
  driver = await chromiumDriver({ mobile: true, browser });
  ctx.urls = {
    singleFile: pathToFileURL(join(DIST, 'massage-guide.html')).href,
    hostPage: `${server.origin}/fixtures/two-widgets.html`,
  };
});
after(async () => {
  await driver?.close();
  await browser?.close();
  await server?.close();
});

test('the phone is emulated: touch, 390 px wide, 3x pixels', async () => {
  await driver.goto(ctx.urls.singleFile);
  const device = await driver.exec(() => ({
    width: innerWidth, dpr: devicePixelRatio, touch: navigator.maxTouchPoints > 0 && matchMedia('(pointer: coarse)').matches,
  }));
  assert.deepEqual(device, { width: 390, dpr: 3, touch: true });
});

for (const flow of FLOWS) {
  // Flow 1b drives an iframe with DOM clicks; every other control is tapped.
  test(`flow ${flow.id}: ${flow.title}${flow.id === '1b' ? '' : ' (tapped)'}`, async (t) => {
    try {
      const note = await flow.run(driver, ctx);
      if (note) t.diagnostic(note);
    } finally {
      await screenshot(driver.page, `mobile-flow-${flow.id}`).catch(() => {});
    }
  });
}

test('flow 4: no uncaught error, rejection or console error on the phone', async () => {
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual(await driver.problems(), []);
});
