// Gate: the widget fits a phone. In every state of tests/e2e/states.mjs, at 320x640, 390x844
// and 1280x800:
//   - no horizontal scroll (the document and the widget: scrollWidth <= clientWidth);
//   - every interactive element is at least 44x44 CSS px (a label wrapping or naming an input
//     is that input's target; a link inside a sentence is exempt, as in WCAG 2.5.5 "Inline");
//   - nothing clipped: no box sticks out of the widget, no overflow:hidden/clip box cuts its
//     content, no text is cut to an ellipsis;
//   - focus is always visible: Tab reaches every focusable control of the widget, and each one,
//     once focused, shows an outline or a box-shadow (on itself or on its label).
// And the whole quiz and a whole timer session can be completed with the keyboard alone.
// A state whose view is a placeholder fails the journey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, screenshot } from './harness.mjs';
import { JOURNEYS, VIEWPORTS, openWidget, runJourney, quizJourney, timerJourney } from './states.mjs';

const MIN_TARGET = 44;

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Scroll, target sizes and clipping, measured in the page. */
function measure(minTarget) {
  const host = document.querySelector('massage-guide');
  const root = host.shadowRoot;
  const doc = document.documentElement;
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').replace(/\s+/g, ' ').trim();
    const cls = el.getAttribute('class');
    return `<${el.localName}${cls ? ` class="${cls}"` : ''}> "${text.slice(0, 60)}"`;
  };
  const rendered = (el) => {
    if (!el.getClientRects().length) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  // Visually hidden helpers (screen-reader text, a native input under a styled box).
  const clippedAway = (el) => {
    const cs = getComputedStyle(el);
    return cs.clip === 'rect(0px, 0px, 0px, 0px)' || /inset\(50%\)/.test(cs.clipPath) || cs.opacity === '0';
  };
  // Hidden itself, or inside screen-reader-only text (a keyed span in a clipped live region).
  const visuallyHidden = (el, r) => {
    if ((r.width <= 1 && r.height <= 1) || clippedAway(el)) return true;
    for (let up = el.parentElement; up; up = up.parentElement) if (clippedAway(up)) return true;
    return false;
  };

  const scroll = [];
  if (doc.scrollWidth > doc.clientWidth) scroll.push(`document scrollWidth ${doc.scrollWidth} > clientWidth ${doc.clientWidth}`);
  for (const el of [host, root.querySelector('.mg'), root.querySelector('.mg-panel:not([data-off])')].filter(Boolean)) {
    if (el.scrollWidth > el.clientWidth) scroll.push(`${describe(el).slice(0, 40)} scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
  }

  // Touch targets.
  const small = [];
  const inline = [];
  const measured = new Set();
  const interactive = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab], [role=button], [tabindex]:not([tabindex="-1"])';
  for (const el of root.querySelectorAll(interactive)) {
    let target = el;
    if (el.localName === 'input') {
      target = el.closest('label') || (el.id && root.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el;
    }
    if (measured.has(target) || !rendered(target)) continue;
    measured.add(target);
    if (target.localName === 'a' && getComputedStyle(target).display === 'inline') {
      const block = target.closest('p, li, dd, td, figcaption');
      if (block && block.textContent.trim().length > target.textContent.trim().length + 1) {
        inline.push(describe(target));
        continue;
      }
    }
    const r = target.getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) {
      small.push(`${describe(target)} is ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    }
  }

  // Clipping.
  const clipped = [];
  const hostRect = host.getBoundingClientRect();
  if (hostRect.left < -0.5 || hostRect.right > doc.clientWidth + 0.5) clipped.push(`the widget spans ${hostRect.left}..${hostRect.right}, the viewport 0..${doc.clientWidth}`);
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('svg') && el.localName !== 'svg') continue;
    if (!rendered(el)) continue;
    const r = el.getBoundingClientRect();
    if (visuallyHidden(el, r)) continue;
    if (r.left < hostRect.left - 1 || r.right > hostRect.right + 1) {
      clipped.push(`${describe(el)} spans x ${r.left.toFixed(0)}..${r.right.toFixed(0)}, outside the widget ${hostRect.left.toFixed(0)}..${hostRect.right.toFixed(0)}`);
      continue;
    }
    const cs = getComputedStyle(el);
    if (/hidden|clip/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) clipped.push(`${describe(el)} cuts its content: scrollWidth ${el.scrollWidth} > ${el.clientWidth}`);
    else if (/hidden|clip/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) clipped.push(`${describe(el)} cuts its content: scrollHeight ${el.scrollHeight} > ${el.clientHeight}`);
    else if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) clipped.push(`${describe(el)} is cut to an ellipsis`);
  }
  return { scroll, small, inline, clipped };
}

/**
 * Tabs through the page from the top. Returns the focus stops inside the widget whose focus
 * is not visible, and the widget's focusable controls Tab never reached.
 */
async function focusWalk(page) {
  // Start from the top of the document: focus a temporary element placed first in <body>.
  await page.evaluate(() => {
    window.__mgReached = new WeakSet();
    const start = document.createElement('div');
    start.id = 'mg-walk-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    window.scrollTo(0, 0);
  });
  const invisible = [];
  let stops = 0;
  let wrapped = false;
  for (let i = 0; i < 300 && !wrapped; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body || el === document.documentElement || el.id === 'mg-walk-start') return { none: true };
      if (window.__mgReached.has(el)) return { again: true };
      window.__mgReached.add(el);
      const inWidget = el.getRootNode() === document.querySelector('massage-guide').shadowRoot;
      const ring = (e) => {
        if (!e) return false;
        const cs = getComputedStyle(e);
        const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1
          && cs.outlineColor !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(cs.outlineColor);
        return outline || (cs.boxShadow && cs.boxShadow !== 'none');
      };
      const label = el.localName === 'input' ? (el.closest('label') || (el.labels && el.labels[0])) : null;
      const text = (el.getAttribute('aria-label') || el.textContent || (label && label.textContent) || '').replace(/\s+/g, ' ').trim();
      return { inWidget, visible: ring(el) || ring(label), what: `<${el.localName}${el.type ? ` type=${el.type}` : ''}> "${text.slice(0, 60)}"` };
    });
    if (stop.again) wrapped = true;
    else if (stop.none) wrapped = stops > 0;
    else {
      stops++;
      if (stop.inWidget && !stop.visible) invisible.push(stop.what);
    }
  }
  const unreached = await page.evaluate(() => {
    document.getElementById('mg-walk-start')?.remove();
    const root = document.querySelector('massage-guide').shadowRoot;
    const candidates = [...root.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
    const groups = new Map();
    const missing = [];
    for (const el of candidates) {
      if (el.type === 'radio' && el.name) {
        const group = groups.get(el.name) || { reached: false, first: el };
        group.reached ||= window.__mgReached.has(el);
        groups.set(el.name, group);
      } else if (!window.__mgReached.has(el)) {
        missing.push(`<${el.localName}> "${(el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`);
      }
    }
    for (const [name, group] of groups) if (!group.reached) missing.push(`radio group "${name}"`);
    return missing;
  });
  return { invisible, unreached, stops };
}

for (const journey of JOURNEYS) {
  test(`mobile fit: ${journey.name}`, { timeout: 300_000 }, async (t) => {
    const page = await browser.newPage({ viewport: VIEWPORTS[1] });
    const log = watch(page);
    const problems = [];
    try {
      const w = await openWidget(page, server.origin, journey);
      const visited = await runJourney(t, journey, w, async (state) => {
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          const where = `${state} @ ${viewport.width}x${viewport.height}`;
          const m = await page.evaluate(measure, MIN_TARGET);
          for (const s of m.scroll) problems.push(`${where}: horizontal scroll: ${s}`);
          for (const s of m.small) problems.push(`${where}: target under ${MIN_TARGET}x${MIN_TARGET}: ${s}`);
          for (const s of m.clipped) problems.push(`${where}: clipped: ${s}`);
          const focus = await focusWalk(page);
          for (const s of focus.invisible) problems.push(`${where}: focus not visible on ${s}`);
          for (const s of focus.unreached) problems.push(`${where}: Tab never reaches ${s}`);
          if (viewport.width === 320 && m.inline.length) t.diagnostic(`${state}: inline links exempt from the target size: ${m.inline.join(', ')}`);
        }
        await page.setViewportSize(VIEWPORTS[0]);
        await page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `fit-${state}-320`);
      });
      if (visited.length) t.diagnostic(`checked: ${visited.join(', ')}`);
      assert.equal(problems.length, 0, `${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
      assert.deepEqual(log.problems(), [], 'no page errors');
    } finally {
      await page.close();
    }
  });
}

test('keyboard only: the whole quiz, intro to outcome', { timeout: 120_000 }, async (t) => {
  const page = await browser.newPage({ viewport: VIEWPORTS[1] });
  try {
    const w = await openWidget(page, server.origin, { keyboard: true });
    const journey = { name: 'quiz by keyboard', run: (driver) => quizJourney(driver, 'massage-may-help', { everyScreen: true }) };
    const visited = await runJourney(t, journey, w, async () => {});
    if (visited.length) {
      assert.ok(visited.includes('quiz-outcome-massage-may-help'), visited.join(' > '));
      t.diagnostic(`by keyboard: ${visited.join(' > ')}`);
    }
  } finally {
    await page.close();
  }
});

test('keyboard only: the whole check in en-GB, to "Get medical advice now"', { timeout: 120_000 }, async (t) => {
  const page = await browser.newPage({ viewport: VIEWPORTS[1] });
  try {
    const w = await openWidget(page, server.origin, { keyboard: true, locale: 'en-GB' });
    const journey = { name: 'quiz by keyboard, en-GB', run: (driver) => quizJourney(driver, 'urgent-now', { everyScreen: true, prefix: 'en-GB-' }) };
    const visited = await runJourney(t, journey, w, async () => {});
    assert.ok(visited.includes('en-GB-quiz-outcome-urgent-now'), visited.join(' > '));
    t.diagnostic(`by keyboard: ${visited.join(' > ')}`);
  } finally {
    await page.close();
  }
});

test('keyboard only: a timer session, pick to finish, with a pause', { timeout: 120_000 }, async (t) => {
  const page = await browser.newPage({ viewport: VIEWPORTS[1] });
  try {
    const w = await openWidget(page, server.origin, { keyboard: true, clock: true });
    const journey = { name: 'timer by keyboard', run: (driver) => timerJourney(driver, { stop: false }) };
    const visited = await runJourney(t, journey, w, async () => {});
    if (visited.length) {
      assert.equal(visited.at(-1), 'timer-finished');
      t.diagnostic(`by keyboard: ${visited.join(' > ')}`);
    }
  } finally {
    await page.close();
  }
});
