// Two tabs of one shop share the widget's one localStorage value. Each write replaces only
// its own slot of what storage holds at that moment, and a tab that is open already reads
// again when another tab saves (the `storage` event): nothing a reader saved in one tab is
// lost by what they do in the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, appReady } from './harness.mjs';
import { openWidget, quizJourney } from './states.mjs';

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The slots of the stored envelope, by name (`quiz`, `check`, `timer`, …). */
function storedSlots(page) {
  return page.evaluate(() => Object.fromEntries((localStorage.getItem('massage-guide') || '')
    .split('\n').slice(1).map((line) => line.split('=')[0]).map((slot) => [slot, true])));
}

test('a check finished in one tab reaches the other tab, and a timer started there keeps it', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // Tab B opens first and shows the timer: no check yet, so the nudge.
  const pageB = await context.newPage();
  const logB = watch(pageB);
  const b = await openWidget(pageB, server.origin);
  await b.openTab('Timer');
  await appReady(pageB);
  await b.waitForHeading(/^Guided self-massage/);
  assert.equal(await b.host.locator('.mg-gate-nudge').count(), 1, 'tab B nudges to the safety check');

  // Tab A finishes the check: "See a doctor today" (advises against massage for now).
  const pageA = await context.newPage();
  const logA = watch(pageA);
  const a = await openWidget(pageA, server.origin);
  for await (const _ of quizJourney(a, 'see-doctor-today', { everyScreen: false })) { /* reach it */ }
  assert.deepEqual(await storedSlots(pageA), { check: true, quiz: true }, 'tab A saved its answers and result');

  // Tab B, without a reload, holds the timer back behind tab A's result.
  await b.waitForHeading(/^Your safety check said: See a doctor today/, 5000);

  // Tab B's reader goes on anyway and starts a timer.
  await b.press(b.button(/^I understand, show the routines anyway/));
  await b.pick(/^Hands\b/);
  await b.pick(/^3\s*min/i);
  await b.press(b.button(/^Start\b/));
  await pageB.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-timer')?.dataset.phase === 'get-ready');
  await pageB.waitForFunction(() => /\ntimer=/.test(localStorage.getItem('massage-guide') || ''));
  let slots = await storedSlots(pageB);
  assert.ok(slots.check && slots.quiz && slots.timer, `the timer was added next to the answers and the check: ${Object.keys(slots)}`);

  // Tab A's answers and result survived: a reload there shows the same result, and tab B's
  // safety gate still knows the result on its next visit.
  await pageA.reload();
  await a.openTab('Safety check');
  await a.waitForHeading(/^See a doctor today/);
  await pageB.reload();
  await b.openTab('Timer');
  await b.waitForHeading(/^(Your safety check said|Hands)/);
  slots = await storedSlots(pageB);
  assert.ok(slots.check && slots.quiz && slots.timer, `all three kept: ${Object.keys(slots)}`);

  assert.deepEqual(logA.problems(), [], 'no errors in tab A');
  assert.deepEqual(logB.problems(), [], 'no errors in tab B');
  await context.close();
});

test('"Forget my answers" in one tab clears the other tab\'s check too, and an older tab does not write them back', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pageA = await context.newPage();
  const a = await openWidget(pageA, server.origin);
  for await (const _ of quizJourney(a, 'massage-may-help', { everyScreen: false })) { /* reach it */ }
  // Tab B opens on the result (restored), then tab A forgets.
  const pageB = await context.newPage();
  const b = await openWidget(pageB, server.origin);
  await b.openTab('Safety check');
  await b.waitForHeading(/^Gentle massage may help/);
  await a.press(a.button(/^Forget my answers$/));
  await a.waitForHeading(/massage a good idea/i);
  // Tab B follows: back at the intro, nothing stored; its next write starts from nothing.
  await b.waitForHeading(/massage a good idea/i);
  assert.equal(await pageB.evaluate(() => localStorage.getItem('massage-guide')), null);
  await b.press(b.button(/^Start\b/));
  await b.answer('51 to 69');
  await pageB.waitForFunction(() => /\nquiz=/.test(localStorage.getItem('massage-guide') || ''));
  const slots = await storedSlots(pageA);
  assert.ok(slots.quiz && !slots.check, `only the new answers; the forgotten result stays forgotten: ${Object.keys(slots)}`);
  await context.close();
});
