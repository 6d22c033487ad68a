// The self-massage timer in Chromium, driven by Playwright's fake clock (installed before the
// page loads, so Date, setTimeout/setInterval and rAF are all fake): whole sessions run in
// seconds, a hidden tab is emulated by overriding document.hidden / visibilityState, and the
// phone "sleeping" is a jump of the wall clock with no timer fired (clock.setSystemTime).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, screenshot, widgetsReady } from './harness.mjs';

const T0 = Date.parse('2026-01-05T09:00:00Z');
const MIN = 60_000;
/** When the tests press Start: the clock is paused there, so every reading is exact. */
const START = T0 + MIN;

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * Opens the standalone page on the Timer tab with the fake clock paused at START. Records the
 * timer events, the oscillators started (with their start time on the audio clock) and the
 * vibrations in page-side arrays (test scaffolding). The AudioContext's clock is made to follow
 * the fake wall clock, as a real one keeps time with the real clock (hidden page or not).
 */
async function openTimer({ viewport = { width: 390, height: 844 }, colorScheme = 'light', init, initArg, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, ...contextOptions });
  const page = await context.newPage();
  const log = watch(page);
  await page.addInitScript(() => {
    window.__mg = { events: [], oscillators: 0, started: [], vibrations: [], audio: null };
    for (const name of ['timer-start', 'timer-end']) {
      document.addEventListener('massage-guide:' + name, (e) => window.__mg.events.push({ type: e.type, detail: { ...e.detail } }));
    }
    if (window.AudioContext) {
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        constructor(...args) { super(...args); this.zero = Date.now(); window.__mg.audio = this; }
        get currentTime() { return (Date.now() - this.zero) / 1000; }
        createOscillator() { window.__mg.oscillators += 1; return super.createOscillator(); }
      };
      // Each start(when), with `when` relative to the audio clock then; a stop() at or before
      // the audio clock's now (not the note's own scheduled end) cancels it.
      const { start, stop } = AudioScheduledSourceNode.prototype;
      AudioScheduledSourceNode.prototype.start = function (when = 0) {
        this.record = { when, lead: when - this.context.currentTime, cancelledAt: null };
        window.__mg.started.push(this.record);
        return start.call(this, when);
      };
      AudioScheduledSourceNode.prototype.stop = function (when = 0) {
        const now = this.context.currentTime;
        if (this.record && when <= now && this.record.cancelledAt === null) this.record.cancelledAt = now;
        return stop.call(this, when);
      };
    }
    navigator.vibrate = (pattern) => { window.__mg.vibrations.push(pattern); return true; };
  });
  if (init) await page.addInitScript(init, initArg);
  await page.clock.install({ time: T0 });
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  await page.clock.pauseAt(START);
  const host = page.locator('massage-guide');
  await host.getByRole('tab', { name: 'Timer' }).click();
  await page.waitForFunction(() => !!document.querySelector('massage-guide').shadowRoot.querySelector('.mg-timer'));
  return { context, page, log, host };
}

/** What the timer shows right now. */
function state(page) {
  return page.$eval('massage-guide', (h) => {
    const timer = h.shadowRoot.querySelector('.mg-timer');
    const text = (selector) => timer.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() ?? null;
    return {
      phase: timer.dataset.phase,
      time: text('[role=timer]'),
      stepCount: text('.mg-timer-step-count span'),
      stepLeft: text('.mg-timer-step-left'),
      step: text('.mg-timer-step-title'),
      next: text('.mg-timer-next'),
      status: text('[role=status]'),
      live: text('[aria-live]'),
      heading: text('h2'),
      endsAt: timer.dataset.endsAt ? Number(timer.dataset.endsAt) : null,
      finishedAt: timer.dataset.finishedAt ? Number(timer.dataset.finishedAt) : null,
      focusInTimer: h.shadowRoot.activeElement ? timer.contains(h.shadowRoot.activeElement) : false,
    };
  });
}

/** Emulates the tab being hidden or shown (Chromium headless never hides it by itself). */
function setHidden(page, hidden) {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/**
 * The page-side records. `tones` counts the notes that have sounded: started at most a second
 * ahead of the audio clock (a cue's notes follow each other within one), and not cancelled.
 */
const pageData = (page) => page.evaluate(() => {
  const { events, vibrations, oscillators, started, audio } = window.__mg;
  const audioNow = audio ? audio.currentTime : 0;
  const sounded = (r) => r.when <= audioNow + 1 && !(r.cancelledAt !== null && r.cancelledAt < r.when);
  return { events, vibrations, oscillators, started, audioNow, audioState: audio?.state ?? null, tones: started.filter(sounded).length };
});

// ---- a stubbed speechSynthesis ---------------------------------------------------------

/** Voices a browser may list: on-device (`localService`) or network ones. */
const LOCAL_EN_US = { name: 'Local US', lang: 'en-US', localService: true, default: true, voiceURI: 'local-en-us' };
const LOCAL_EN_GB = { name: 'Local GB', lang: 'en-GB', localService: true, default: false, voiceURI: 'local-en-gb' };
const LOCAL_DE = { name: 'Lokal', lang: 'de-DE', localService: true, default: false, voiceURI: 'local-de' };
const NETWORK_EN = { name: 'Cloud', lang: 'en-US', localService: false, default: true, voiceURI: 'cloud-en' };

/**
 * Init script: replaces window.speechSynthesis and SpeechSynthesisUtterance with recorders.
 * Each speak() is logged with its text, voice, lang and Date.now() (the fake clock); each
 * cancel() with its time. `late`: like Chrome, the voice list is empty at first and arrives
 * with a `voiceschanged` event a moment later. Test scaffolding, never shipped.
 */
function speechStub({ voices = [], late = false }) {
  const log = { spoken: [], cancels: [] };
  window.__speech = log;
  // The real timer (this runs before the fake clock is installed), so the late voice list
  // arrives even while the fake clock is paused.
  const realSetTimeout = window.setTimeout.bind(window);
  let ready = !late;
  class StubSynthesis extends EventTarget {
    get speaking() { return false; }
    get pending() { return false; }
    getVoices() {
      if (!ready) {
        realSetTimeout(() => { ready = true; this.dispatchEvent(new Event('voiceschanged')); }, 50);
        return [];
      }
      return voices.map((v) => ({ ...v }));
    }
    speak(utterance) {
      log.spoken.push({ text: utterance.text, at: Date.now(), voice: utterance.voice?.voiceURI ?? null, lang: utterance.lang });
    }
    cancel() { log.cancels.push(Date.now()); }
  }
  const synthesis = new StubSynthesis();
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synthesis });
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.voice = null; this.lang = ''; }
  };
}

const spokenLog = (page) => page.evaluate(() => window.__speech);

async function pick(host, routine, minutes, mode) {
  await host.getByRole('radio', { name: routine }).check();
  await host.getByRole('radio', { name: new RegExp(`^${minutes} min`) }).check();
  if (mode) await host.getByRole('radio', { name: mode }).check();
}

async function choose(host, routine, minutes, mode) {
  await pick(host, routine, minutes, mode);
  await host.getByRole('button', { name: /^Start\b/ }).click();
}

test('a full 15-minute body-massager session runs on the fake clock and ends on the finish screen', async (t) => {
  const { context, page, log, host } = await openTimer({ viewport: { width: 320, height: 640 } });
  assert.equal((await state(page)).phase, 'picker');
  await choose(host, /^Body massager/, 15, /^Lean back/);
  let s = await state(page);
  assert.equal(s.phase, 'get-ready');
  assert.equal(s.time, '3');
  assert.match(s.live, /^Get ready: starting in 3 seconds/);
  assert.ok(s.focusInTimer, 'focus moved into the timer when the picker went away');

  await page.clock.runFor(3000);
  s = await state(page);
  assert.deepEqual([s.phase, s.time, s.stepCount, s.step], ['running', '15:00', 'Step 1 of 14', 'Set up']);
  assert.equal(s.endsAt, START + 3000 + 15 * MIN);
  assert.match(s.next, /Lean back and relax/);

  await page.clock.runFor(MIN);
  s = await state(page);
  assert.deepEqual([s.time, s.stepCount, s.step, s.stepLeft], ['14:00', 'Step 2 of 14', 'Lean back and relax', '2:00 left']);
  assert.match(s.live, /^Step 2 of 14: Lean back and relax\. 14 minutes left\./);
  await page.clock.runFor(2 * MIN);
  s = await state(page);
  assert.deepEqual([s.stepCount, s.step, s.stepLeft], ['Step 3 of 14', 'Right side', '0:15 left']);
  await page.clock.runFor(15_000);
  s = await state(page);
  assert.deepEqual([s.stepCount, s.step], ['Step 4 of 14', 'Relax'], 'the title goes back to Relax after the move');

  const started = Date.now();
  await page.clock.runFor(12 * MIN - 15_000 - 1);
  s = await state(page);
  assert.deepEqual([s.phase, s.time], ['running', '0:01']);
  await page.clock.runFor(1);
  s = await state(page);
  const realMs = Date.now() - started;
  assert.ok(realMs < 30_000, `12 minutes of fake time took ${realMs} ms of real time`);
  t.diagnostic(`12 minutes of fake time (2,880 paint ticks and 6 cues) ran in ${realMs} ms`);
  assert.equal(s.phase, 'finished');
  assert.equal(s.heading, 'Nicely done');
  await host.getByRole('heading', { name: 'How often and how long' }).waitFor();
  assert.deepEqual(await host.locator('.mg-timer-controls-end button').allTextContents(), ['Done', 'Start again'], 'Done first');
  assert.equal(s.finishedAt, START + 3000 + 15 * MIN, 'the finish is detected at the deadline');
  assert.equal(s.live, 'Routine finished. Well done.');
  assert.equal(await host.getByRole('link', { name: /MedMassager/ }).count(), 0, 'no product link without product-url');
  await page.evaluate(() => document.querySelector('massage-guide').setAttribute('product-url', 'https://shop.example/p/classic'));
  await host.getByRole('link', { name: /MedMassager/ }).waitFor();

  const data = await pageData(page);
  assert.deepEqual(data.events, [
    { type: 'massage-guide:timer-start', detail: { routine: 'body-massager', minutes: '15' } },
    { type: 'massage-guide:timer-end', detail: { routine: 'body-massager', minutes: '15' } },
  ]);
  // 3 countdown beats, 1 + 1 step pings, 6 two-note "move" cues (the relax steps after them
  // are quiet), the "halfway" and "one minute left" bells, the 4-note chime.
  assert.equal(data.tones, 3 + 2 + 6 * 2 + 2 + 4);
  assert.ok(data.vibrations.length >= 8, `vibrations: ${JSON.stringify(data.vibrations)}`);
  const stored = await page.evaluate(() => localStorage.getItem('massage-guide'));
  assert.doesNotMatch(stored, /\ntimer=/, 'no session left in storage');
  assert.match(stored, /\nprefs=p1:11[01]:body-massager:lean-back:15$/, 'the preferences are kept');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('hidden for 6 minutes mid-session: the display is right the moment the tab is shown', async () => {
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Body massager/, 15, /^Lean back/);
  await page.clock.runFor(3000 + 2 * MIN);
  assert.equal((await state(page)).time, '13:00');

  await setHidden(page, true);
  // The phone sleeps: the wall clock moves 6 minutes, no timer fires meanwhile.
  await page.clock.setSystemTime(START + 3000 + 8 * MIN);
  let s = await state(page);
  assert.equal(s.time, '13:00', 'nothing ran while "asleep"');
  await setHidden(page, false);
  s = await state(page);
  assert.deepEqual([s.phase, s.time, s.stepCount, s.step, s.stepLeft], ['running', '7:00', 'Step 8 of 14', 'Relax', '1:00 left']);
  assert.match(s.status, /6 step changes passed/);
  assert.match(s.live, /^Step 8 of 14: Relax\. 7 minutes left\./);
  const tonesBefore = (await pageData(page)).tones;

  // It carries on from there, and the missed cues are not replayed.
  await page.clock.runFor(MIN - 1);
  s = await state(page);
  assert.deepEqual([s.time, s.stepCount], ['6:01', 'Step 8 of 14']);
  assert.equal((await pageData(page)).tones, tonesBefore, 'no cue replayed');
  await page.clock.runFor(1);
  assert.equal((await state(page)).stepCount, 'Step 9 of 14');
  assert.equal((await pageData(page)).tones, tonesBefore + 2, 'the next "move" cue plays on time');

  // A hidden tab still gets its cue at the deadline (timers fire, the display is not painted).
  await setHidden(page, true);
  await page.clock.runFor(2 * MIN);
  assert.equal((await pageData(page)).tones, tonesBefore + 4);
  await setHidden(page, false);
  assert.equal((await state(page)).time, '4:00');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('hidden page: the remaining cues are handed to the audio clock on time, and none plays twice', async () => {
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Body massager/, 10, /^Lean back/);
  await page.clock.runFor(3000 + 30_000);
  assert.deepEqual([(await state(page)).stepCount, (await state(page)).time], ['Step 1 of 10', '9:30']);
  const before = await pageData(page);
  assert.equal(before.audioState, 'running');
  assert.equal(before.tones, 3 + 1, 'the countdown beats and the first step ping');

  // Hidden 30 s into "Set up": every cue still to come goes to the audio clock at its deadline
  // (the relax steps after the moves are quiet; "halfway" and "one minute left" fall on moves).
  const massage = START + 3000;
  const now = massage + 30_000;
  const notes = { step: [0], move: [0, 0.3], finish: [0, 0.18, 0.36, 0.54] };
  const cues = [[60, 'step'], [180, 'move'], [300, 'move'], [420, 'move'], [540, 'move'], [600, 'finish']];
  const expected = cues.flatMap(([s, kind]) => notes[kind].map((n) => (massage + s * 1000 - now) / 1000 + n));
  await setHidden(page, true);
  let data = await pageData(page);
  const handed = data.started.slice(before.started.length);
  assert.equal(handed.length, expected.length, JSON.stringify(handed));
  handed.map((r) => r.lead).sort((a, b) => a - b).forEach((lead, i) => {
    assert.ok(Math.abs(lead - expected[i]) <= 0.05, `note ${i}: starts ${lead} s ahead, expected ${expected[i]} s`);
  });

  // Hidden past "Lean back" (the deadline timer fires): the audio clock plays it, not the tick.
  await page.clock.runFor(30_000);
  data = await pageData(page);
  assert.equal(data.oscillators, before.oscillators + expected.length, 'no tone made by the tick path');
  assert.equal(data.tones, before.tones + 1);

  // The phone sleeps past the first "move" (no timer fires), and the page is shown 1 s after
  // it: the cue is on time for the session, but it already sounded, so it is not played again;
  // the cues not yet begun are stopped.
  await page.clock.setSystemTime(massage + 181_000);
  await setHidden(page, false);
  let s = await state(page);
  assert.deepEqual([s.stepCount, s.step], ['Step 3 of 10', 'Right side']);
  data = await pageData(page);
  assert.equal(data.oscillators, before.oscillators + expected.length, 'no duplicate on show');
  assert.equal(data.tones, before.tones + 1 + 2);
  const audioAtShow = data.audioNow;
  const after = data.started.slice(before.started.length);
  assert.deepEqual(after.filter((r) => r.when > audioAtShow && r.cancelledAt === null), [], 'the notes not begun are stopped');
  assert.deepEqual(after.filter((r) => r.when <= audioAtShow && r.cancelledAt !== null), [], 'the ones that sounded are left alone');
  assert.equal(after.filter((r) => r.cancelledAt !== null).length, expected.length - 3);

  // Visible again, the clock runs past the next cue, handed over earlier and then cancelled:
  // it plays once, from the tick path.
  await page.clock.runFor(300_000 - 181_000);
  data = await pageData(page);
  assert.equal((await state(page)).stepCount, 'Step 5 of 10');
  assert.equal(data.oscillators, before.oscillators + expected.length + 2);
  assert.equal(data.tones, before.tones + 1 + 2 + 2);

  await page.clock.runFor(5 * MIN);
  assert.equal((await state(page)).phase, 'finished');
  data = await pageData(page);
  assert.equal(data.tones, 3 + 1 + 1 + 2 + 2 + 2 + 2 + 4, 'every cue sounded exactly once');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('a reload mid-session resumes with the right remaining time', async () => {
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Hands/, 10);
  await page.clock.runFor(3000 + 4 * MIN + 30_000);
  let s = await state(page);
  assert.deepEqual([s.phase, s.time], ['running', '5:30']);
  assert.match(await page.evaluate(() => localStorage.getItem('massage-guide')), /\ntimer=t2:hands:standing:10:/);

  await page.reload();
  await widgetsReady(page);
  await host.getByRole('tab', { name: 'Timer' }).click();
  await page.waitForFunction(() => !!document.querySelector('massage-guide').shadowRoot.querySelector('.mg-timer [role=timer]'));
  s = await state(page);
  assert.equal(s.phase, 'running');
  const fakeNow = await page.evaluate(() => Date.now());
  const expectedLeft = START + 3000 + 10 * MIN - fakeNow;
  assert.equal(s.time, `${Math.floor(Math.ceil(expectedLeft / 1000) / 60)}:${String(Math.ceil(expectedLeft / 1000) % 60).padStart(2, '0')}`);
  assert.equal(s.endsAt, START + 3000 + 10 * MIN, 'same deadline as before the reload');
  await host.getByText(/Tap anywhere in the timer/).waitFor();
  assert.equal((await pageData(page)).events.length, 0, 'no timer-start on a resume');
  await page.clock.runFor(30_000);
  assert.equal((await state(page)).endsAt, START + 3000 + 10 * MIN);

  // The event detail is still routine and minutes only, and the end fires after the reload.
  await page.clock.runFor(10 * MIN);
  assert.equal((await state(page)).phase, 'finished');
  assert.deepEqual((await pageData(page)).events, [{ type: 'massage-guide:timer-end', detail: { routine: 'hands', minutes: '10' } }]);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('Pause holds the time across a fast-forward; Space toggles pause inside the timer', async () => {
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Hands/, 5);
  await page.clock.runFor(3000 + 30_000);
  await host.getByRole('button', { name: 'Pause' }).click();
  let s = await state(page);
  assert.deepEqual([s.phase, s.time], ['paused', '4:30']);
  assert.equal(s.live, 'Paused.');
  assert.equal(s.endsAt, null);
  const stored = await page.evaluate(() => localStorage.getItem('massage-guide'));
  assert.match(stored, /:P:/, 'the paused session is saved');

  await page.clock.fastForward(10 * MIN);
  await page.clock.runFor(5000);
  s = await state(page);
  assert.deepEqual([s.phase, s.time], ['paused', '4:30']);

  await host.getByRole('button', { name: 'Resume' }).click();
  await page.clock.runFor(10_000);
  s = await state(page);
  assert.deepEqual([s.phase, s.time, s.live], ['running', '4:20', 'Resumed.']);

  // Space on the timer itself pauses and resumes; on a button it is the button's own.
  await page.$eval('massage-guide', (h) => h.shadowRoot.querySelector('.mg-timer').focus());
  await page.keyboard.press('Space');
  assert.equal((await state(page)).phase, 'paused');
  await page.keyboard.press('Space');
  assert.equal((await state(page)).phase, 'running');
  const before = await state(page);
  await host.getByRole('button', { name: 'Skip step' }).focus();
  await page.keyboard.press('Space');
  s = await state(page);
  assert.equal(s.phase, 'running', 'Space on Skip skips, it does not pause');
  assert.notEqual(s.stepCount, before.stepCount);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('"End session" ends early with a neutral summary; "Stop, this hurts" leads to the safety advice, the emergency signs and the check', async () => {
  const { context, page, log, host } = await openTimer();
  await page.evaluate(() => document.querySelector('massage-guide').setAttribute('emergency-number', '999'));
  await choose(host, /^Hands/, 5);
  await page.clock.runFor(3000 + 65_000);

  // End session: a summary, no medical advice, Done first and Start again second.
  await host.getByRole('button', { name: 'End session' }).click();
  let s = await state(page);
  assert.equal(s.phase, 'ended');
  assert.equal(s.heading, 'Session ended');
  assert.equal(s.live, 'Session ended.');
  assert.ok(s.focusInTimer, 'focus stays in the timer');
  assert.match(await host.locator('.mg-timer-summary').textContent(), /^You ended the 5-minute Hands routine after 1:05\.$/);
  assert.equal(await host.locator('.mg-timer-emergency').count(), 0, 'no emergency box after a neutral end');
  assert.equal(await host.getByText(/Sharp pain/).count(), 0);
  assert.deepEqual(await host.locator('.mg-timer-controls-end button').allTextContents(), ['Done', 'Start again']);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('massage-guide')), /\ntimer=/, 'nothing to resume');
  assert.deepEqual((await pageData(page)).events, [
    { type: 'massage-guide:timer-start', detail: { routine: 'hands', minutes: '5' } },
    { type: 'massage-guide:timer-end', detail: { routine: 'hands', minutes: '5' } },
  ]);

  // Start again, then "Stop, this hurts".
  await host.getByRole('button', { name: 'Start again' }).click();
  await page.clock.runFor(3000 + 20_000);
  assert.equal((await state(page)).phase, 'running');
  await host.getByRole('button', { name: 'Stop, this hurts' }).click();
  s = await state(page);
  assert.equal(s.phase, 'stopped');
  assert.equal(s.heading, 'Stop here and let your back rest');
  await host.getByText(/Sharp pain, tingling or numbness are signs to stop/).waitFor();
  const emergency = host.locator('.mg-timer-emergency');
  assert.match(await emergency.getByRole('heading').textContent(), /^Call 999 or go to the emergency department now/);
  assert.equal(await emergency.locator('li').count(), 6);
  await emergency.getByText('Numbness, tingling or weakness in both legs').waitFor();
  const call = host.getByRole('link', { name: 'Call 999' });
  assert.equal(await call.getAttribute('href'), 'tel:999');
  // The main action is Done: no restart from here.
  assert.deepEqual(await host.locator('.mg-timer-controls-end button').allTextContents(), ['Done']);
  assert.equal(await host.getByRole('button', { name: /Start again|Start the/ }).count(), 0);
  assert.equal(await host.locator('.mg-timer-safety').count(), 0, 'the emergency box takes the safety box\'s place');
  const events = (await pageData(page)).events;
  assert.equal(events.length, 4);
  assert.deepEqual(events[3], { type: 'massage-guide:timer-end', detail: { routine: 'hands', minutes: '5' } });
  await screenshot(page, 'timer-stop-390-light');

  // The stop screen's own link to the safety check opens it (the safety gate's nudge above the
  // timer has a button of the same name: the one meant here is inside the timer).
  await host.locator('.mg-timer').getByRole('button', { name: 'Take the safety check' }).click();
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Safety check');
  await host.getByRole('tab', { name: 'Timer' }).click();
  assert.equal((await state(page)).phase, 'picker', 'back on the timer tab: the picker');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('"Done" on the stop screen goes back to the routines; the finish screen points to the article\'s exercise advice', async () => {
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(4000);
  await host.getByRole('button', { name: 'Stop, this hurts' }).click();
  await host.getByRole('button', { name: 'Done' }).click();
  assert.equal((await state(page)).phase, 'picker');

  await choose(host, /^Hands/, 3);
  await page.clock.runFor(3000 + 3 * MIN);
  assert.equal((await state(page)).phase, 'finished');
  // "Stand up slowly" would not fit a routine done standing: the mode's own closing line.
  await host.getByText('Let your arms hang, roll your shoulders and take a few easy steps before you carry on.').waitFor();
  assert.equal(await host.getByText(/Stand up slowly/).count(), 0);
  for (const words of [/^How long:/, /^How often: up to once a day/, /^If your back isn't getting better after a few weeks/]) {
    assert.equal(await host.locator('.mg-timer-how li').filter({ hasText: words }).count(), 1, String(words));
  }
  await host.getByRole('link', { name: "Read the article's advice on stretching and exercise" }).click();
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Article');
  const focused = await page.evaluate(() => document.querySelector('massage-guide').shadowRoot.activeElement?.id);
  assert.equal(focused, 'takeaway', 'the exercise advice ("The Takeaway") is shown and focused');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('with only the timer enabled, the stop screen keeps the emergency signs but offers no check link, and the finish screen no article link', async () => {
  const { context, page, log, host } = await openTimer();
  await page.evaluate(() => document.querySelector('massage-guide').setAttribute('sections', 'timer'));
  await page.waitForFunction(() => !document.querySelector('massage-guide').shadowRoot.querySelector('[role=tab]'));
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(3000 + 3 * MIN);
  assert.equal((await state(page)).phase, 'finished');
  assert.equal(await host.getByRole('link', { name: /advice on stretching/ }).count(), 0);
  await host.getByRole('button', { name: 'Start again' }).click();
  await page.clock.runFor(4000);
  await host.getByRole('button', { name: 'Stop, this hurts' }).click();
  await host.getByRole('link', { name: 'Call 911' }).waitFor();
  assert.equal(await host.getByRole('button', { name: 'Take the safety check' }).count(), 0);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('screen wake lock: held while running, released on pause, asked again when shown', async () => {
  const init = () => {
    window.__wake = [];
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: async (type) => {
          window.__wake.push('request:' + type);
          return { release: async () => { window.__wake.push('release'); } };
        },
      },
    });
  };
  const { context, page, log, host } = await openTimer({ init });
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(3000);
  await host.getByRole('button', { name: 'Pause' }).click();
  await host.getByRole('button', { name: 'Resume' }).click();
  await setHidden(page, true);
  await setHidden(page, false);
  await page.clock.runFor(100);
  assert.deepEqual(await page.evaluate(() => window.__wake), ['request:screen', 'release', 'request:screen', 'release', 'request:screen']);
  assert.equal(await host.getByText(/can't keep your screen on/).count(), 0);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('without Screen Wake Lock or vibration: a note, no vibration toggle, nothing thrown', async () => {
  const init = () => {
    delete Navigator.prototype.wakeLock;
    delete Navigator.prototype.vibrate;
    delete navigator.vibrate;
  };
  const { context, page, log, host } = await openTimer({ init });
  assert.equal(await host.getByRole('checkbox', { name: 'Vibration' }).count(), 0);
  await choose(host, /^Hands/, 3);
  await host.getByText(/can't keep your screen on/).waitFor();
  await page.clock.runFor(3000 + MIN);
  assert.equal((await state(page)).time, '2:00');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('sound off: no tones; a corrupt saved session is discarded with one warning', async () => {
  const init = () => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('massage-guide', 'massage-guide/1\ntimer=t1:hands:guided:5:999:A:oops');
    }
  };
  const { context, page, log, host } = await openTimer({ init });
  assert.equal((await state(page)).phase, 'picker');
  assert.equal(log.warnings.filter((w) => /massage-guide: saved timer/.test(w)).length, 1, log.warnings.join('\n'));
  assert.equal(await page.evaluate(() => localStorage.getItem('massage-guide')), null);
  await host.getByRole('checkbox', { name: 'Sound' }).uncheck();
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(3000 + 3 * MIN);
  assert.equal((await state(page)).phase, 'finished');
  assert.equal((await pageData(page)).tones, 0);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('the picker preselects a middle length and the first style of each routine', async () => {
  // Without a suggestion from the quiz the first routine is preselected (the quiz's
  // suggestion itself is covered natively: ui::timer::model tests).
  const { context, host } = await openTimer();
  assert.equal(await host.getByRole('radio', { name: /^Hands/ }).isChecked(), true);
  assert.equal(await host.getByRole('radio', { name: /^5 min/ }).isChecked(), true);
  await host.getByRole('radio', { name: /^Body massager/ }).check();
  assert.equal(await host.getByRole('radio', { name: /^10 min/ }).isChecked(), true);
  assert.equal(await host.getByRole('radio', { name: /^Lean back/ }).isChecked(), true);
  await host.getByRole('button', { name: 'Start the 10-minute routine' }).waitFor();
  await context.close();
});

for (const viewport of [{ width: 320, height: 640 }, { width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screens at ${viewport.width}x${viewport.height} ${colorScheme}: no horizontal scroll, 44 px targets`, async () => {
      const { context, page, log, host } = await openTimer({ viewport, colorScheme, init: speechStub, initArg: { voices: [LOCAL_EN_US] } });
      const tag = `timer-${viewport.width}-${colorScheme}`;
      const check = async (name) => {
        const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
        assert.ok(fit.scroll <= fit.width, `${name}: horizontal scroll (${fit.scroll} > ${fit.width})`);
        const small = await page.$eval('massage-guide', (h) => [...h.shadowRoot.querySelectorAll(
          '.mg-timer button, .mg-timer a, .mg-timer-card, .mg-timer-pill span, .mg-timer-switch')]
          .map((e) => ({ e: e.textContent.trim().slice(0, 30), r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
          .map(({ e, r }) => `${e} ${Math.round(r.width)}x${Math.round(r.height)}`));
        assert.deepEqual(small, [], `${name}: touch targets under 44x44`);
        await screenshot(page, `${tag}-${name}`);
      };
      await pick(host, /^Body massager/, 15, /^Float/);
      await check('picker');
      await choose(host, /^Body massager/, 15, /^Lean back/);
      await page.clock.runFor(3000 + 3 * MIN + 25_000);
      await check('running');
      await host.getByRole('button', { name: 'Pause' }).click();
      await check('paused');
      await host.getByRole('button', { name: 'Resume' }).click();
      await page.clock.runFor(15 * MIN);
      await page.evaluate(() => document.querySelector('massage-guide').setAttribute('product-url', 'https://shop.example/p/classic'));
      await host.getByRole('link', { name: /MedMassager/ }).waitFor();
      await check('finished');
      await host.getByRole('button', { name: 'Start again' }).click();
      await page.clock.runFor(3000 + 65_000);
      await host.getByRole('button', { name: 'End session' }).click();
      await check('ended');
      await host.getByRole('button', { name: 'Done' }).click();
      await choose(host, /^Hands/, 3, /^Seated/);
      await page.clock.runFor(4000);
      await host.getByRole('button', { name: 'Stop, this hurts' }).click();
      await check('stopped');
      assert.deepEqual(log.problems(), []);
      await context.close();
    });
  }
}

test('switching tabs mid-session keeps the timer running: cues still play, and the same session is there on return', async () => {
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(3000 + 5000);
  assert.equal((await state(page)).phase, 'running');
  await host.getByRole('tab', { name: 'Article' }).click();
  assert.equal(await page.$eval('massage-guide', (h) => h.shadowRoot.querySelector('#mg-panel-timer').hidden), true, 'timer kept, hidden');
  assert.ok(await host.getByRole('heading', { level: 1 }).isVisible(), 'the article is shown');
  const tonesBefore = (await pageData(page)).tones;
  await page.clock.runFor(MIN);
  assert.ok((await pageData(page)).tones > tonesBefore, 'step cues play while the reader is on the article');
  await host.getByRole('tab', { name: 'Timer' }).click();
  const s = await state(page);
  assert.equal(s.phase, 'running');
  assert.equal(s.time, '1:55', 'same deadline: 3:00 - 65 s (after the 3-s get-ready)');
  assert.doesNotMatch(s.status ?? '', /tap/i, 'not a restore from storage (sound still unlocked)');
  // The tab's aria-controls names one panel: the app's, not the shell's loading panel as well.
  assert.equal(await page.$eval('massage-guide', (h) => h.shadowRoot.querySelectorAll('[id="mg-panel-timer"]').length), 1, 'one element with the panel id');
  // Once the session ends, the hidden timer goes away with it.
  await host.getByRole('tab', { name: 'Safety check' }).click();
  await page.clock.runFor(3 * MIN);
  assert.equal(await page.$eval('massage-guide', (h) => h.shadowRoot.querySelector('#mg-panel-timer')), null);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- spoken cues ---------------------------------------------------------------------------

/**
 * The utterance schedule of the 15-minute float session (content/routines.toml): seconds into
 * the massage (after the 3-s countdown; "Get ready." is said at the Start tap) and the words.
 */
const FLOAT_15 = [
  [-3, 'Get ready.'],
  [0, 'Set up. Turn the massager to low and hold it behind your lower back.'],
  [60, 'Left side. Float it slowly over the left side, beside the spine.'],
  [150, 'Right side. Move across and float it over the right side.'],
  [240, 'Slightly lower. A little lower on the right.'],
  [330, 'Left side. Move across to the left side, low down.'],
  [420, 'Slightly higher. A little higher on the left, back where you started.'],
  [450, 'Halfway.'],
  [510, 'Right side. Move across and float it over the right side.'],
  [600, 'Slightly lower. A little lower on the right.'],
  [690, 'Left side. Move across to the left side, low down.'],
  [780, 'Slightly higher. A little higher on the left, back where you started.'],
  [840, 'One minute left.'],
  [900, "That's the end of the routine. Well done."],
];

test('spoken cues: a 15-minute float session speaks at least every 2 minutes, each utterance within 100 ms of its deadline', async (t) => {
  const { context, page, log, host } = await openTimer({ init: speechStub, initArg: { voices: [NETWORK_EN, LOCAL_EN_US] } });
  const voice = host.getByRole('checkbox', { name: 'Voice' });
  assert.equal(await voice.isChecked(), true, 'on by default where an on-device voice exists');
  await choose(host, /^Body massager/, 15, /^Float/);
  // Run the session in pieces, as a reader would see it, visible all the time.
  for (let i = 0; i < 16; i++) await page.clock.runFor(MIN);
  await page.clock.runFor(5000);
  assert.equal((await state(page)).phase, 'finished');

  const { spoken } = await spokenLog(page);
  const massage = START + 3000;
  assert.deepEqual(spoken.map((u) => u.text), FLOAT_15.map(([, text]) => text));
  const errors = spoken.map((u, i) => u.at - (massage + FLOAT_15[i][0] * 1000));
  const worst = Math.max(...errors.map(Math.abs));
  assert.ok(worst <= 100, `utterance timing errors (ms): ${errors.join(', ')}`);
  const gaps = spoken.slice(1).map((u, i) => u.at - spoken[i].at);
  assert.ok(Math.max(...gaps) <= 2 * MIN, `gaps between utterances (ms): ${gaps.join(', ')}`);
  assert.ok(spoken.every((u) => u.voice === 'local-en-us' && u.lang === 'en-US'), 'only the on-device voice, never the network one');
  t.diagnostic(`15-min float: ${spoken.length} utterances; timing error vs deadline max ${worst} ms (fake clock); longest gap ${Math.max(...gaps) / 1000} s`);
  t.diagnostic(`schedule (s into the massage): ${FLOAT_15.map(([at, text]) => `${at} "${text}"`).join('; ')}`);

  // The tones keep playing under the voice: beats, the first two step pings, 8 moves, 2 bells, the chime.
  assert.equal((await pageData(page)).tones, 3 + 2 + 8 * 2 + 2 + 4);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('spoken cues: voices that arrive late (voiceschanged) are used; only an on-device voice of the widget\'s language', async () => {
  const { context, page, log, host } = await openTimer({ init: speechStub, initArg: { voices: [NETWORK_EN, LOCAL_DE, LOCAL_EN_GB], late: true } });
  const voice = host.getByRole('checkbox', { name: 'Voice' });
  await voice.waitFor({ timeout: 5000 });
  assert.equal(await voice.isChecked(), true);
  await choose(host, /^Hands/, 3, /^Seated/);
  await page.clock.runFor(3000 + 18_000);
  const { spoken } = await spokenLog(page);
  assert.deepEqual(spoken.map((u) => u.text), [
    'Get ready.',
    'Loosen your shoulders. Sit on a firm chair, feet flat, and roll your shoulders slowly.',
    'Set up. Place the ball or your fist just left of your spine, and lean back.',
  ]);
  assert.ok(spoken.every((u) => u.voice === 'local-en-gb' && u.lang === 'en-GB'), JSON.stringify(spoken));
  // The figure shows the spot this step names.
  assert.equal(await host.locator('.mg-timer-step .mg-timer-fig').count(), 1);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

for (const [name, initArg] of [
  ['only a network voice and a German one', { voices: [NETWORK_EN, LOCAL_DE] }],
  ['no voices at all', { voices: [] }],
]) {
  test(`no on-device voice for the language (${name}): no Voice toggle, nothing spoken, the tones still play`, async () => {
    const { context, page, log, host } = await openTimer({ init: speechStub, initArg });
    await page.waitForTimeout(200);
    assert.equal(await host.getByRole('checkbox', { name: 'Voice' }).count(), 0);
    assert.equal(await host.getByRole('checkbox', { name: 'Sound' }).count(), 1);
    await choose(host, /^Hands/, 3);
    await page.clock.runFor(3000 + 3 * MIN);
    assert.equal((await state(page)).phase, 'finished');
    assert.deepEqual((await spokenLog(page)).spoken, []);
    assert.ok((await pageData(page)).tones >= 3 + 8 + 4);
    assert.deepEqual(log.problems(), []);
    await context.close();
  });
}

test('no speechSynthesis at all: no Voice toggle, nothing thrown', async () => {
  const init = () => { delete window.speechSynthesis; delete window.SpeechSynthesisUtterance; Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }); };
  const { context, page, log, host } = await openTimer({ init });
  assert.equal(await host.getByRole('checkbox', { name: 'Voice' }).count(), 0);
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(3000 + MIN);
  await host.getByRole('button', { name: 'End session' }).click();
  assert.equal((await state(page)).phase, 'ended');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('the voice goes quiet on pause, end and stop, and when turned off; it says nothing while paused', async () => {
  const { context, page, log, host } = await openTimer({ init: speechStub, initArg: { voices: [LOCAL_EN_US] } });
  await choose(host, /^Hands/, 5);
  await page.clock.runFor(3000 + 20_000);
  let before = await spokenLog(page);
  await host.getByRole('button', { name: 'Pause' }).click();
  let after = await spokenLog(page);
  assert.equal(after.cancels.length, before.cancels.length + 1, 'pause stops the voice');
  await page.clock.runFor(5 * MIN);
  assert.equal((await spokenLog(page)).spoken.length, after.spoken.length, 'silent while paused');
  await host.getByRole('button', { name: 'Resume' }).click();
  await host.getByRole('checkbox', { name: 'Voice' }).uncheck();
  before = await spokenLog(page);
  await page.clock.runFor(2 * MIN);
  after = await spokenLog(page);
  assert.equal(after.spoken.length, before.spoken.length, 'voice off: nothing said');
  assert.ok((await pageData(page)).tones > 0);
  await host.getByRole('checkbox', { name: 'Voice' }).check();
  await page.clock.runFor(MIN);
  assert.ok((await spokenLog(page)).spoken.length > after.spoken.length, 'voice on again');
  before = await spokenLog(page);
  await host.getByRole('button', { name: 'End session' }).click();
  assert.equal((await spokenLog(page)).cancels.length, before.cancels.length + 1, 'End stops the voice');
  await host.getByRole('button', { name: 'Start again' }).click();
  await page.clock.runFor(4000);
  before = await spokenLog(page);
  await host.getByRole('button', { name: 'Stop, this hurts' }).click();
  after = await spokenLog(page);
  assert.equal(after.cancels.length, before.cancels.length + 1, 'Stop stops the voice');
  assert.equal(after.spoken.length, before.spoken.length, 'and says nothing cheerful');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- remembered preferences ----------------------------------------------------------------

test('sound, vibration, voice and the last routine and length are remembered across a reload', async () => {
  const { context, page, log, host } = await openTimer({ init: speechStub, initArg: { voices: [LOCAL_EN_US] } });
  await host.getByRole('checkbox', { name: 'Sound' }).uncheck();
  await host.getByRole('checkbox', { name: 'Voice' }).uncheck();
  await choose(host, /^Body massager/, 15, /^Float/);
  await page.clock.runFor(3000 + MIN);
  await host.getByRole('button', { name: 'End session' }).click();
  await host.getByRole('button', { name: 'Done' }).click();
  const stored = await page.evaluate(() => localStorage.getItem('massage-guide'));
  assert.match(stored, /\nprefs=p1:010:body-massager:float:15/);

  await page.reload();
  await widgetsReady(page);
  await host.getByRole('tab', { name: 'Timer' }).click();
  await host.getByRole('checkbox', { name: 'Voice' }).waitFor();
  const checked = async (role, name) => host.getByRole(role, { name }).isChecked();
  assert.equal(await checked('radio', /^Body massager/), true);
  assert.equal(await checked('radio', /^15 min/), true);
  assert.equal(await checked('radio', /^Float/), true);
  assert.equal(await checked('checkbox', 'Sound'), false);
  assert.equal(await checked('checkbox', 'Vibration'), true);
  assert.equal(await checked('checkbox', 'Voice'), false);
  // And they act: no tones, no voice.
  await host.getByRole('button', { name: 'Start the 15-minute routine' }).click();
  await page.clock.runFor(3000 + 2 * MIN);
  assert.equal((await pageData(page)).tones, 0);
  assert.deepEqual((await spokenLog(page)).spoken, []);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('a damaged preferences value falls back part by part, with one warning, and loses nothing else', async () => {
  const init = () => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('massage-guide', 'massage-guide/1\nprefs=p1:0?0:body-massager:float:99\nquiz=q-kept-as-is');
    }
  };
  const { context, page, log, host } = await openTimer({ init });
  assert.equal(log.warnings.filter((w) => /massage-guide: saved timer preferences were damaged/.test(w)).length, 1, log.warnings.join('\n'));
  const checked = async (role, name) => host.getByRole(role, { name }).isChecked();
  assert.equal(await checked('checkbox', 'Sound'), false, 'the readable flag is kept');
  assert.equal(await checked('checkbox', 'Vibration'), true, 'the damaged flag is back to its default');
  assert.equal(await checked('radio', /^Body massager/), true, 'the routine is kept');
  assert.equal(await checked('radio', /^Float/), true, 'the mode is kept');
  assert.equal(await checked('radio', /^10 min/), true, 'an impossible length falls back to the middle one');
  const stored = await page.evaluate(() => localStorage.getItem('massage-guide'));
  assert.match(stored, /\nquiz=q-kept-as-is/, 'the other parts of the storage are untouched');
  assert.match(stored, /\nprefs=p1:010:body-massager:float:/, 'the repaired value is written back');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- fit and small frictions ---------------------------------------------------------------

test('keyboard hint: only after the keyboard is used in the timer, never after taps', async () => {
  const hint = (host) => host.getByText('Space pauses and resumes.');
  {
    const { context, page, host } = await openTimer({ contextOptions: { hasTouch: true, isMobile: true } });
    await host.getByRole('radio', { name: /^Hands/ }).tap();
    await host.getByRole('button', { name: /^Start\b/ }).tap();
    await page.clock.runFor(4000);
    assert.equal(await hint(host).count(), 0, 'touch: no keyboard hint');
    await context.close();
  }
  const { context, page, log, host } = await openTimer();
  await choose(host, /^Hands/, 3);
  await page.clock.runFor(4000);
  assert.equal(await hint(host).count(), 0, 'mouse: no hint yet');
  await host.getByRole('button', { name: 'Pause' }).focus();
  await page.keyboard.press('Tab');
  await hint(host).waitFor();
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('at 390x844, every step of every routine fits one screen with its controls and the safety lines; the figure shows when a step names a spot', async (t) => {
  const { context, page, log, host } = await openTimer({ init: speechStub, initArg: { voices: [LOCAL_EN_US] } });
  const plans = [[/^Hands/, 10, /^Standing/], [/^Hands/, 10, /^Seated/], [/^Body massager/, 15, /^Lean back/], [/^Body massager/, 15, /^Float/]];
  const spans = [];
  for (const [routine, minutes, mode] of plans) {
    // Scroll down to the Start button, as a phone user does, then start.
    await pick(host, routine, minutes, mode);
    await host.getByRole('button', { name: /^Start\b/ }).scrollIntoViewIfNeeded();
    await host.getByRole('button', { name: /^Start\b/ }).click();
    await page.clock.runFor(3000);
    for (let step = 0; step < 20; step++) {
      const m = await page.evaluate(() => {
        const root = document.querySelector('massage-guide').shadowRoot;
        const box = (selector) => root.querySelector(selector).getBoundingClientRect();
        return {
          title: root.querySelector('.mg-timer-step-title').textContent,
          count: root.querySelector('.mg-timer-step-count span').textContent,
          top: box('.mg-timer-session').top,
          step: box('.mg-timer-step').bottom,
          controls: box('.mg-timer-session-controls').bottom,
          safety: box('.mg-timer-safety').bottom,
          figure: !!root.querySelector('.mg-timer-step .mg-timer-fig'),
          height: window.innerHeight,
        };
      });
      const span = m.safety - m.top;
      spans.push(span);
      assert.ok(span <= m.height, `${m.title} (${m.count}): heading to safety lines ${span.toFixed(0)} px > ${m.height}`);
      assert.ok(m.top >= 0 && m.safety <= m.height, `${m.title} (${m.count}): on screen after Start: ${m.top.toFixed(0)}..${m.safety.toFixed(0)}`);
      if (/^(Left side|Right side|Slightly lower|Slightly higher|Relax)$/.test(m.title)) assert.ok(m.figure, `${m.title}: figure`);
      if (/^(Loosen your shoulders|Get into position|Rest your arms|Relax and breathe)$/.test(m.title)) assert.ok(!m.figure, `${m.title}: no figure`);
      const [, now, of] = m.count.match(/Step (\d+) of (\d+)/);
      if (now === of) break;
      await host.getByRole('button', { name: 'Skip step' }).click();
    }
    await host.getByRole('button', { name: 'End session' }).click();
    await host.getByRole('button', { name: 'Done' }).click();
  }
  t.diagnostic(`session heading to the bottom of the safety lines: ${Math.min(...spans).toFixed(0)} to ${Math.max(...spans).toFixed(0)} px (screen 844 px), ${spans.length} steps`);
  assert.deepEqual(log.problems(), []);
  await context.close();
});
