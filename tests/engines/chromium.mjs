// Chromium through playwright-core (Debian's /usr/bin/chromium, via the e2e harness), as a
// desktop browser or as a phone: isMobile, hasTouch, device scale factor 3, 390×844, taps.
import { launchChromium } from '../e2e/harness.mjs';
import { pageLib } from './page.mjs';

/** The expression that runs `fn(lib, ...args)` in the page (Playwright and puppeteer). */
export function expression(fn, args) {
  return `(async () => { const lib = (${pageLib})(); return (${fn})(lib, ...${JSON.stringify(args)}); })()`;
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
};

/**
 * A flows driver over one Playwright page. `browser` may be shared (the e2e suite's); when
 * omitted the driver launches and owns one.
 */
export async function chromiumDriver({ mobile = false, browser = null } = {}) {
  const own = !browser;
  if (own) browser = await launchChromium();
  try {
    const context = await browser.newContext(mobile ? PHONE : { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught ${error && error.stack || error} (${page.url()})`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error') problems.push(`console.error: ${text} (${page.url()})`);
      else if (message.type() === 'warning' && /^massage-guide:/.test(text)) problems.push(`console.warn: ${text}`);
    });
    return {
      engine: mobile ? 'chromium-mobile' : 'chromium',
      version: `Chromium ${browser.version()}${mobile ? ' (390×844 @3x, touch)' : ''}`,
      page,
      goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
      exec: (fn, ...args) => page.evaluate(expression(fn, args)),
      activate: async () => {
        const handle = await page.evaluateHandle(() => window.__mgtTarget);
        try {
          const element = handle.asElement();
          if (!element) throw new Error('nothing marked to activate');
          if (mobile) await element.tap({ timeout: 5000 });
          else await element.click({ timeout: 5000 });
        } finally {
          await handle.dispose();
        }
      },
      problems: async () => problems.slice(),
      close: async () => {
        await context.close().catch(() => {});
        if (own) await browser.close().catch(() => {});
      },
    };
  } catch (error) {
    if (own) await browser.close().catch(() => {});
    throw error;
  }
}
