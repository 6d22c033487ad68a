// The article (issue 3): readable without JavaScript from every page that ships it, the same
// text once the widget runs, and no horizontal scroll at phone or desktop width in either scheme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, screenshot, widgetsReady } from './harness.mjs';

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser.close(); await server.close(); });

const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/** The article text as the widget renders it (JavaScript on). */
async function widgetArticleText() {
  const page = await browser.newPage();
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  const text = await page.$eval('massage-guide', (h) => h.shadowRoot.querySelector('article').textContent);
  await page.close();
  return normalise(text);
}

for (const file of ['index.html', 'snippet.html', 'massage-guide.html']) {
  test(`without JavaScript, ${file} shows the whole article`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${file}`);
    const fallback = normalise(await page.$eval('massage-guide article', (a) => a.textContent));
    assert.equal(fallback, await widgetArticleText(), 'same text as the running widget');
    assert.match(fallback, /Be sure to avoid directly massaging the spine/);
    assert.equal(await page.$$eval('massage-guide h1', (h) => h.length), 1);
    assert.ok((await page.$$eval('massage-guide h2', (h) => h.length)) >= 6);
    await screenshot(page, `article-nojs-${file.replace('.html', '')}`);
    await context.close();
  });
}

for (const scheme of ['light', 'dark']) {
  for (const width of [320, 1280]) {
    test(`the widget's article at ${width}px, ${scheme}: no horizontal scroll`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
      const log = watch(page);
      await page.goto(server.origin + '/');
      await widgetsReady(page);
      const overflow = await page.evaluate(() => {
        const doc = document.scrollingElement;
        const host = document.querySelector('massage-guide');
        const wide = [...host.shadowRoot.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((el) => el.localName + '.' + el.className);
        return { scroll: doc.scrollWidth - doc.clientWidth, wide };
      });
      assert.deepEqual(overflow, { scroll: 0, wide: [] });
      const [bg, fg] = await page.$eval('massage-guide', (h) => [getComputedStyle(h).backgroundColor, getComputedStyle(h.shadowRoot.querySelector('.mg-mount')).color]);
      assert.notEqual(bg, fg);
      if (scheme === 'dark') assert.equal(bg, 'rgb(20, 23, 22)', 'dark scheme followed');
      await screenshot(page, `article-${scheme}-${width}`);
      assert.deepEqual(log.problems(), []);
      await page.close();
    });
  }
}

test('table of contents jumps to a section inside the shadow root and moves focus there', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  await page.locator('massage-guide').getByRole('link', { name: 'How to self-massage' }).click();
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.activeElement?.id === 'self-massage');
  const top = await page.$eval('massage-guide', (h) => h.shadowRoot.getElementById('self-massage').getBoundingClientRect().top);
  assert.ok(top > -2 && top < 200, `section scrolled into view (top ${top})`);
  await page.close();
});
