// What a reader sees in two settings the host cannot control (issue 19):
//   - forced colours (Windows high contrast): every custom control shows its checked or selected
//     state in the screenshot itself, as a frame or fill in the system's Highlight colour: the
//     tabs, the safety check's options and Yes / No / Not sure answers, the timer's routine and
//     mode cards and its length pills (3 / 5 / 10 min);
//   - a 32 px default font (the reader's browser setting) on a 320 px wide screen: the table of
//     contents' links stay inside the widget, and the timer's readout (label, time, total) stays
//     inside the ring's inner circle, during the get-ready countdown and the session.
// Screenshots: tests/artifacts/contrast-*.png and fit-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchChromium, serve, watch, screenshot, widgetsReady, CHROMIUM_ARGS, ARTIFACTS } from './harness.mjs';
import { decodePng, countNear, rgb } from './pixels.mjs';

let browser, server;
/** A shop theme's page: the content column has side padding in rem (Shopify Dawn: 1.5rem). */
const THEME_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Theme host</title><style>body { margin: 0; } .page-width { padding: 0 1.5rem; }</style></head>
<body><div class="page-width"><h1>Shop</h1><massage-guide></massage-guide></div>
<script src="/massage-guide.js" async></script></body></html>`;

before(async () => {
  browser = await launchChromium();
  server = await serve({ respond: (path) => (path === '/t/theme.html' ? { body: THEME_PAGE, type: 'text/html; charset=utf-8' } : null) });
});
after(async () => { await browser?.close(); await server?.close(); });

const root = (page) => page.locator('massage-guide');
const tab = (page, name) => root(page).getByRole('tab', { name, exact: true });

// ---- forced colours ---------------------------------------------------------------------

/** The pixels in the Highlight colour in and around (6 px) the box of `locator`. */
async function highlightPixels(page, locator, highlight) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const pad = 6;
  const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
  const image = decodePng(await page.screenshot({ clip }));
  return { count: countNear(image, highlight), perimeter: Math.round(2 * (box.width + box.height)) };
}

/**
 * Compares a checked (selected) control with an unchecked one of the same kind: the checked
 * one must show at least a one-pixel frame's worth more Highlight than the other.
 */
async function checkedShows(page, what, checked, unchecked, highlight, found) {
  assert.equal(await checked.count(), 1, `${what}: one checked control on screen`);
  assert.ok(await unchecked.count() >= 1, `${what}: an unchecked control on screen`);
  const on = await highlightPixels(page, checked, highlight);
  const off = await highlightPixels(page, unchecked.first(), highlight);
  const line = `${what}: Highlight pixels checked ${on.count}, unchecked ${off.count} (frame ${on.perimeter})`;
  console.log(`# ${line}`);
  if (on.count - off.count < on.perimeter) found.push(line);
}

test('forced colours: every custom control shows its checked or selected state in Highlight', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const log = watch(page);
  try {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${server.origin}/`);
    await widgetsReady(page);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    // The system colours as painted: Highlight may be translucent over Canvas.
    const system = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('i'));
      const color = (name) => { probe.style.color = name; return getComputedStyle(probe).color; };
      const colors = { highlight: color('Highlight'), canvas: color('Canvas') };
      probe.remove();
      return colors;
    });
    const highlight = rgb(system.highlight, rgb(system.canvas));
    const host = root(page);
    const found = [];

    await checkedShows(page, 'tab', host.locator('.mg-tab[aria-selected="true"]'), host.locator('.mg-tab[aria-selected="false"]'), highlight, found);

    // The safety check: an option on question 1, then Yes / No / Not sure on question 2.
    await tab(page, 'Safety check').click();
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await host.locator('.mg-quiz-option').first().waitFor();
    await host.locator('.mg-quiz-option').nth(1).click();
    await checkedShows(page, 'safety check option', host.locator('.mg-quiz-option.mg-quiz-checked'), host.locator('.mg-quiz-option:not(.mg-quiz-checked)'), highlight, found);
    await screenshot(page, 'contrast-forced-quiz-option');
    await host.getByRole('button', { name: 'Next', exact: true }).click();
    await host.locator('.mg-quiz-yn').first().waitFor();
    await host.locator('.mg-quiz-yn').nth(1).click();
    await checkedShows(page, 'Yes / No / Not sure', host.locator('.mg-quiz-yn.mg-quiz-checked'), host.locator('.mg-quiz-yn:not(.mg-quiz-checked)'), highlight, found);
    await screenshot(page, 'contrast-forced-quiz-yes-no');

    // The timer's picker: routine and mode cards, length pills.
    await tab(page, 'Timer').click();
    await host.locator('.mg-timer-pill').first().waitFor();
    // Routine and (for a routine with positions) mode: each a group of cards.
    const groups = host.locator('fieldset').filter({ has: page.locator('.mg-timer-card') });
    assert.ok(await groups.count() >= 1, 'the routine cards are on screen');
    for (let i = 0; i < await groups.count(); i++) {
      const group = groups.nth(i);
      const legend = (await group.locator('legend').first().textContent()).trim();
      await checkedShows(page, `timer card "${legend}"`, group.locator('.mg-timer-card:has(input:checked)'), group.locator('.mg-timer-card:not(:has(input:checked))'), highlight, found);
    }
    await checkedShows(page, 'timer length pill', host.locator('.mg-timer-pill:has(input:checked)'), host.locator('.mg-timer-pill:not(:has(input:checked))'), highlight, found);
    await host.locator('.mg-timer-pill:not(:has(input:checked))').first().click();
    await checkedShows(page, 'timer length pill, after a click', host.locator('.mg-timer-pill:has(input:checked)'), host.locator('.mg-timer-pill:not(:has(input:checked))'), highlight, found);
    await screenshot(page, 'contrast-forced-timer-picker');

    assert.deepEqual(found, [], 'checked controls that show no Highlight frame or fill');
    assert.deepEqual(log.problems(), []);
  } finally {
    await context.close();
  }
});

// ---- a 32 px default font on a 320 px screen ----------------------------------------------

/** A browser whose reader setting is a 32 px default font (the profile's font size preference). */
async function largeTextContext(viewport) {
  const dir = await mkdtemp(join(tmpdir(), 'mg-fit-'));
  await mkdir(join(dir, 'Default'), { recursive: true });
  await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 32, default_fixed_font_size: 32 } } }));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport });
  return { context, cleanup: async () => { await context.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** A screenshot of one part of the widget (a full-page one at 32 px is too tall to read). */
async function shot(locator, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await locator.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Table-of-contents links whose text runs outside the table of contents or the widget. */
function tocOverflow(page) {
  return page.$eval('massage-guide', (host) => {
    const shadow = host.shadowRoot;
    const widget = host.getBoundingClientRect();
    const toc = shadow.querySelector('.mg-toc').getBoundingClientRect();
    const out = [];
    for (const a of shadow.querySelectorAll('.mg-toc a')) {
      const range = document.createRange();
      range.selectNodeContents(a);
      const boxes = [a.getBoundingClientRect(), ...range.getClientRects()].filter((r) => r.width > 0);
      const right = Math.max(...boxes.map((r) => r.right));
      if (right > toc.right + 0.5 || right > widget.right + 0.5) out.push(`"${a.textContent.trim()}" reaches ${Math.round(right)} px; contents box ends at ${Math.round(toc.right)}, widget at ${Math.round(widget.right)}`);
    }
    if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${innerWidth})`);
    return out;
  });
}

/** Lines of the timer's readout (label, time, total) reaching past the ring's inner circle. */
function readoutOutsideRing(page) {
  return page.$eval('massage-guide', (host) => {
    const shadow = host.shadowRoot;
    const ring = shadow.querySelector('.mg-timer-ring').getBoundingClientRect();
    const cx = ring.left + ring.width / 2;
    const cy = ring.top + ring.height / 2;
    // The track is a circle of r=54 (of a 120 viewBox) with a 9-wide stroke: inner edge 49.5.
    const inner = (ring.width / 2) * (49.5 / 60);
    const out = [];
    for (const line of shadow.querySelectorAll('.mg-timer-readout > *')) {
      const range = document.createRange();
      range.selectNodeContents(line);
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        const far = Math.max(...[[r.left, r.top], [r.right, r.top], [r.left, r.bottom], [r.right, r.bottom]].map(([x, y]) => Math.hypot(x - cx, y - cy)));
        if (far > inner + 0.5) out.push(`"${line.textContent}" (${getComputedStyle(line).fontSize}) reaches ${Math.round(far)} px from the centre; the ring's inner radius is ${Math.round(inner)} px`);
      }
    }
    return out;
  });
}

const HOSTS = { plain: '/fixtures/plain-host.html', 'theme with 1.5rem side padding': '/t/theme.html' };
for (const [width, host] of [[320, 'plain'], [390, 'plain'], [320, 'theme with 1.5rem side padding']]) {
  test(`32 px default font at ${width} px, ${host} host: the table of contents stays in the widget; the timer's readout stays inside the ring`, async () => {
    const name = `${width}-${host.split(' ')[0]}`;
    const { context, cleanup } = await largeTextContext({ width, height: 800 });
    const page = await context.newPage();
    const log = watch(page);
    try {
      await page.goto(server.origin + HOSTS[host]);
      await widgetsReady(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '32px', 'the reader setting is applied');
      const found = [];
      found.push(...(await tocOverflow(page)).map((p) => `contents: ${p}`));
      await shot(root(page).locator('.mg-toc'), `fit-32px-${name}-contents`);

      await tab(page, 'Timer').click();
      await root(page).getByRole('button', { name: /^Start\b/ }).click();
      await root(page).locator('.mg-timer-countdown').waitFor({ timeout: 8000 });
      found.push(...(await readoutOutsideRing(page)).map((p) => `get ready: ${p}`));
      await shot(root(page).locator('.mg-timer-session'), `fit-32px-${name}-timer-get-ready`);
      await root(page).locator('.mg-timer[data-phase="running"]').waitFor({ timeout: 8000 });
      await root(page).getByRole('button', { name: 'Pause' }).click();
      found.push(...(await readoutOutsideRing(page)).map((p) => `paused: ${p}`));
      await root(page).getByRole('button', { name: 'Resume' }).click();
      found.push(...(await readoutOutsideRing(page)).map((p) => `running: ${p}`));
      await shot(root(page).locator('.mg-timer-session'), `fit-32px-${name}-timer-running`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '32px', 'still 32 px at the end');
      assert.deepEqual(found, []);
      assert.deepEqual(log.problems(), []);
    } finally {
      await cleanup();
    }
  });
}
