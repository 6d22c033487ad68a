// A page translator over the widget. Browser and extension translators replace each text
// node with `<font><font>…</font></font>` (walking open shadow roots too) and keep doing so as
// text appears. The widget must keep showing the current step, time and announcements: text
// that changes lives in elements the app replaces, never in text nodes it patches (a patched
// node would be the detached original, and the reader would see the translator's stale copy).
//
// The stand-in translator here keeps the words as they are, so the assertions can read them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, appReady } from './harness.mjs';
import { openWidget, QUIZ_PATHS } from './states.mjs';

const MIN = 60_000;

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Wraps every text node of the widget's shadow root in <font><font>, now and as text appears. */
function translateLikeABrowser(page) {
  return page.evaluate(() => {
    const root = document.querySelector('massage-guide').shadowRoot;
    const ours = new WeakSet();
    window.__mgTranslated = 0;
    const wrap = () => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (ours.has(node) || !node.data.trim() || node.parentElement?.closest('style, script')) continue;
        found.push(node);
      }
      for (const node of found) {
        const outer = document.createElement('font');
        const inner = outer.appendChild(document.createElement('font'));
        outer.style.verticalAlign = inner.style.verticalAlign = 'inherit';
        const copy = inner.appendChild(document.createTextNode(node.data));
        ours.add(copy);
        node.parentNode.replaceChild(outer, node);
      }
      window.__mgTranslated += found.length;
    };
    wrap();
    new MutationObserver(wrap).observe(root, { childList: true, characterData: true, subtree: true });
  });
}

/** What the reader sees in the open panel (text read through the translator's fonts). */
function onScreen(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('massage-guide').shadowRoot;
    const panel = shadow.querySelector('.mg-panel:not([hidden]):not([data-off]) .mg-quiz, .mg-panel:not([hidden]):not([data-off]) .mg-timer, .mg-panel:not([hidden]):not([data-off]) .mg-gate');
    const text = (selector) => panel?.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
    const buttons = panel ? [...panel.querySelectorAll('button')].map((b) => b.textContent.replace(/\s+/g, ' ').trim()) : [];
    const time = panel?.querySelector('[role=timer]');
    return {
      legend: text('legend.mg-quiz-legend'),
      heading: text('h2'),
      radios: panel ? [...panel.querySelectorAll('.mg-quiz-option-label, .mg-quiz-item-label')].map((e) => e.textContent.trim()) : [],
      buttons,
      status: text('.mg-quiz-status'),
      time: time?.textContent.trim() ?? null,
      timeNotTranslated: !!time && [...time.querySelectorAll('*')].concat(time).some((e) => e.getAttribute('translate') === 'no'),
      stepCount: text('.mg-timer-step-count span'),
      stepTitle: text('.mg-timer-step-title'),
      live: text('[aria-live]'),
      phase: panel?.dataset.phase ?? null,
      panic: !!shadow.querySelector('.mg-note-error'),
      translated: window.__mgTranslated,
    };
  });
}

/** Waits until `check(screen)` holds; fails with the last screen seen. */
async function until(page, what, check, timeout = 5000) {
  const end = Date.now() + timeout;
  let seen;
  while (Date.now() < end) {
    seen = await onScreen(page);
    if (check(seen)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`${what}; the reader sees ${JSON.stringify(seen, null, 1)}`);
}

test('under a page translator the safety check, the timer and the live regions stay current', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const log = watch(page);
  await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  const w = await openWidget(page, server.origin);
  await translateLikeABrowser(page);

  // The whole safety check, one screen at a time: the legend names the step and question the
  // options belong to, and Back is labelled Back.
  await w.openTab('Safety check');
  await appReady(page);
  await w.press(w.button(/^Start\b/));
  const plan = QUIZ_PATHS['see-doctor-today'];
  const asked = [];
  for (let screen = await w.quizScreen(); screen.kind === 'question'; screen = await w.quizScreen()) {
    const step = asked.length + 1;
    const seen = await until(page, `step ${step} shows its own legend`,
      (s) => new RegExp(`^Step ${step} of \\d+: `).test(s.legend ?? ''));
    assert.ok(!asked.includes(screen.id), `step ${step} asks a new question, not "${screen.id}" again (${asked.join(' > ')})`);
    assert.ok(seen.buttons.includes('Back') && !seen.buttons.includes('Start'), `Back reads Back: ${JSON.stringify(seen.buttons)}`);
    assert.ok(seen.radios.length > 0, 'the question shows its options');
    if (screen.id === 'age') assert.ok(seen.radios.some((r) => r.startsWith('20 to 44')), `the age question shows age options: ${seen.radios}`);
    if (screen.id === 'unwell') assert.ok(seen.radios.some((r) => r.startsWith('A high temperature')), `the unwell question shows its options: ${seen.radios}`);
    asked.push(screen.id);
    await w.answer(plan[screen.id]);
    await w.advance(screen.signature, [/^Next\b/i]);
  }
  assert.ok(asked.length >= 3, `several questions were walked: ${asked.join(' > ')}`);
  // Back from the next screen returns to the last question, with its own legend.
  let screen = await w.quizScreen();
  if (screen.kind === 'check-answers') {
    await w.press(w.button(/^Back$/));
    await until(page, 'Back shows the last question again', (s) => s.legend?.includes(`Step ${asked.length} of`));
    await w.advance(await w.signature(), [/^Next\b/i]);
    await w.waitForHeading(/^Check your answers/);
    await w.advance(await w.signature(), [/^See my result/i]);
  }
  await w.waitForHeading(/^See a doctor today/);
  let seen = await onScreen(page);
  assert.ok(seen.buttons.includes('Change your answers'), `the result's buttons are its own: ${JSON.stringify(seen.buttons)}`);

  // The quiz's status line announces "Forget my answers".
  await w.press(w.button(/^Forget my answers$/));
  seen = await until(page, 'the status line confirms the answers were forgotten', (s) => /forgotten/.test(s.status ?? ''));
  assert.match(seen.heading, /massage a good idea/i, 'the intro is back');

  // The timer: the countdown and the time left move with the clock, and so do the step and
  // the announcements.
  await page.clock.pauseAt(new Date('2026-01-05T09:30:00Z'));
  await w.openTab('Timer');
  await w.pick(/^Hands\b/);
  await w.pick(/^3\s*min/i);
  await w.press(w.button(/^Start\b/));
  seen = await until(page, 'the get-ready countdown shows 3', (s) => s.phase === 'get-ready' && s.time === '3');
  assert.ok(seen.timeNotTranslated, 'the countdown digits carry translate="no"');
  assert.match(seen.live, /^Get ready/);
  assert.ok(seen.buttons.includes('Pause'), `Pause reads Pause: ${JSON.stringify(seen.buttons)}`);
  await page.clock.runFor(1000);
  await until(page, 'the countdown moves to 2', (s) => s.time === '2');
  await page.clock.runFor(2000);
  seen = await until(page, 'the session runs with 3:00 left', (s) => s.phase === 'running' && s.time === '3:00');
  assert.ok(seen.timeNotTranslated, 'the time left carries translate="no"');
  assert.match(seen.stepCount, /^Step 1 of \d+/);
  const firstStep = seen.stepTitle;
  await until(page, 'the live region announces step 1', (s) => /^Step 1 of \d+/.test(s.live ?? ''));
  await page.clock.runFor(10_000);
  await until(page, 'the time left moves to 2:50', (s) => s.time === '2:50');
  await w.press(w.button(/^Pause$/));
  seen = await until(page, 'Pause becomes Resume', (s) => s.phase === 'paused' && s.buttons.includes('Resume') && !s.buttons.includes('Pause'));
  await w.press(w.button(/^Resume$/));
  await until(page, 'Resume becomes Pause', (s) => s.phase === 'running' && s.buttons.includes('Pause'));
  await page.clock.runFor(MIN);
  // 70 s in, a later step (the first takes 18 s): shown and announced.
  seen = await until(page, 'a minute later a later step shows and is announced', (s) => {
    const step = /^Step (\d+) of \d+/.exec(s.stepCount ?? '');
    return s.time === '1:50' && step && step[1] !== '1' && (s.live ?? '').startsWith(step[0]);
  });
  assert.notEqual(seen.stepTitle, firstStep, 'the step title changed with the step');
  await page.clock.runFor(2 * MIN);
  seen = await until(page, 'the finish screen shows', (s) => s.phase === 'finished');
  assert.ok(!seen.panic, 'no failure note');

  const translated = await page.evaluate(() => window.__mgTranslated);
  assert.ok(translated > 100, `the stand-in translator wrapped ${translated} text nodes`);
  assert.deepEqual(log.problems(), [], 'no errors in the page');
  await context.close();
});
