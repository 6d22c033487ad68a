// The widget's named states, and the drivers that reach them, shared by the quality gates
// (a11y.test.mjs, mobile-fit.test.mjs) so every gate checks the same list.
//
// A JOURNEY is one page load that walks through several states: an async generator that
// yields a state name each time the widget shows that state. A suite opens the page
// (`openWidget`), iterates the journey and runs its checks at every yield.
//
// The drivers follow the specification (the product design, PRODUCT.md sections 3 and 4) and
// find controls the way a user would: tabs "Article" / "Quiz" / "Timer", buttons by their
// visible text, radios and checkboxes by their label. A section that shows a placeholder
// (`.mg-placeholder`) instead of its view fails the journey: nothing is skipped.
//
// With `{ keyboard: true }` the same journeys run with the keyboard alone: Tab to reach a
// control (arrow keys inside a radio group), Enter or Space to use it.
import assert from 'node:assert/strict';
import { widgetsReady } from './harness.mjs';

export const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
export const SCHEMES = ['light', 'dark'];

/** What a shop sets: with a product URL the product name becomes a link. */
export const HOST_ATTRIBUTES = { 'product-url': 'https://shop.example/p/classic', 'emergency-number': '999' };

// ---- quiz data (content/quiz.toml) ---------------------------------------------------

/** Question ids by their prompt (the fieldset legend); every step has its own. */
const QUESTIONS = [
  ['age', /How old are you/i],
  ['now', /apply to you right now/i],
  ['nerves', /noticed any of these changes/i],
  ['unwell', /along with your back pain/i],
  ['history', /apply to your health/i],
  ['pain', /Does your pain do any of these/i],
  ['duration', /How long have you had/i],
  ['injury', /How did this pain start/i],
  ['severity', /How bad is the pain/i],
  ['trend', /Over the last few days/i],
  ['cautions', /reason to take care with massage/i],
  ['devices', /do you have any of these implants/i],
];

/** Outcome ids by their title (the result screen's heading). */
const OUTCOMES = [
  ['emergency', /^Call \d+ now/i],
  ['emergency-nerves', /^Go to the nearest (A&E|emergency room \(ER\)) now/i],
  ['pregnancy-now', /^Call your maternity team now/i],
  ['urgent-now', /^Get medical advice now/i],
  ['child-today', /^Get your back checked by a doctor today/i],
  ['child', /^Ask a doctor to check your back/i],
  ['see-doctor-today', /^See a doctor today/i],
  ['see-doctor-soon', /^See a doctor in the next few days/i],
  ['see-doctor-weeks', /^Book a doctor's appointment/i],
  ['hold-off', /^Hold off on massage/i],
  ['ask-first', /^Check with a health professional before massage/i],
  ['hands-only', /^Gentle massage with your hands may help/i],
  ['massage-with-exercise', /^Massage may help, with exercise/i],
  ['massage-may-help', /^Gentle massage may help/i],
];

/**
 * Question id → option label start (tick-any: one or several). A Yes / No / Not sure question
 * takes { item label start: 'Yes' | 'Not sure' }; every item not named is answered "No".
 */
const CALM = {
  age: '20 to 44', now: {}, nerves: {}, unwell: 'None of these', history: {}, pain: 'None of these',
  duration: 'Less than 4 weeks', injury: 'Slowly', severity: 'Mild', trend: 'Getting better', cautions: 'None of these', devices: 'None of these',
};

/** One answer plan per outcome. */
export const QUIZ_PATHS = {
  'massage-may-help': CALM,
  'massage-with-exercise': { ...CALM, duration: 'More than 12 weeks' },
  'hands-only': { ...CALM, devices: 'A pacemaker' },
  'ask-first': { ...CALM, cautions: 'You are pregnant' },
  'hold-off': { ...CALM, injury: 'With a fall, knock or blow in the last 3 days' },
  'see-doctor-weeks': { ...CALM, age: '51 to 69' },
  'see-doctor-soon': { ...CALM, severity: 'Severe' },
  'see-doctor-today': { ...CALM, unwell: 'A high temperature' },
  child: { ...CALM, age: 'Under 16' },
  'child-today': { ...CALM, age: 'Under 16', unwell: 'A high temperature' },
  'urgent-now': { ...CALM, nerves: { 'Numbness or tingling around': 'Not sure' } },
  'pregnancy-now': { ...CALM, now: { 'You are pregnant': 'Yes' } },
  'emergency-nerves': { ...CALM, nerves: { 'Numbness or tingling around': 'Yes' } },
  emergency: { ...CALM, now: { 'Chest pain': 'Yes' } },
};

/** The locales of the safety check; en-US is the default (911), en-GB uses 999. */
export const LOCALES = ['en-US', 'en-GB'];

// ---- the journeys ------------------------------------------------------------------

export const JOURNEYS = [
  {
    name: 'article',
    async *run() {
      yield 'article';
    },
  },
  {
    name: 'quiz en-US: intro, every question, check answers, "Gentle massage may help"',
    section: 'quiz',
    locale: 'en-US',
    run: (w) => quizJourney(w, 'massage-may-help', { everyScreen: true, prefix: 'en-US-' }),
  },
  {
    name: 'quiz en-GB: every question (NHS wording) to "Gentle massage may help"',
    section: 'quiz',
    locale: 'en-GB',
    run: (w) => quizJourney(w, 'massage-may-help', { everyScreen: true, prefix: 'en-GB-', questionsOnly: true }),
  },
  ...LOCALES.flatMap((locale) => Object.keys(QUIZ_PATHS).filter((id) => id !== 'massage-may-help').map((outcome) => ({
    name: `quiz ${locale}: outcome ${outcome}`,
    section: 'quiz',
    locale,
    run: (w) => quizJourney(w, outcome, { everyScreen: false, prefix: `${locale}-` }),
  }))),
  ...LOCALES.map((locale) => ({
    name: `timer ${locale}: the safety gate after "See a doctor today", then shown anyway`,
    section: 'timer',
    locale,
    run: (w) => gateJourney(w, locale),
  })),
  {
    name: 'timer: picker, running, paused, finished',
    section: 'timer',
    clock: true,
    run: (w) => timerJourney(w, { stop: false }),
  },
  {
    name: 'timer: "Stop, this hurts"',
    section: 'timer',
    clock: true,
    run: (w) => timerJourney(w, { stop: true }),
  },
  {
    name: 'timer: "End session"',
    section: 'timer',
    clock: true,
    run: (w) => timerJourney(w, { end: true }),
  },
];

/** Answers the quiz from the intro to `outcome`; yields every screen or only the outcome. */
export async function* quizJourney(w, outcome, { everyScreen, prefix = '', questionsOnly = false }) {
  const plan = QUIZ_PATHS[outcome];
  await w.openTab('Safety check');
  if (everyScreen && !questionsOnly) yield `${prefix}quiz-intro`;
  await w.press(w.button(/^Start\b/));
  const seen = [];
  for (let step = 0; step < 20; step++) {
    const screen = await w.quizScreen();
    seen.push(screen.kind === 'question' ? screen.id : screen.kind);
    if (screen.kind === 'question') {
      if (everyScreen) yield `${prefix}quiz-q-${screen.id}`;
      await w.answer(plan[screen.id]);
      await w.advance(screen.signature, [/^Next\b/i, /^Continue\b/i]);
    } else if (screen.kind === 'check-answers') {
      if (everyScreen && !questionsOnly) yield `${prefix}quiz-check-answers`;
      await w.advance(screen.signature, [
        /^(See|Show|Get) (my |the )?(result|advice|outcome)/i, /^(Done|Finish|Submit|Confirm)\b/i, /^Next\b/i, /^Continue\b/i,
      ]);
    } else if (screen.kind === 'outcome') {
      assert.equal(screen.id, outcome, `the answers ${JSON.stringify(plan)} should lead to ${outcome} (screens: ${seen.join(' > ')})`);
      yield `${prefix}quiz-outcome-${outcome}`;
      if (everyScreen && !questionsOnly) {
        // The folded reasons and the summary, opened.
        for (const summary of ['Why we say this', 'Show the summary']) {
          const details = w.host.locator('summary', { hasText: summary });
          if (await details.count()) await w.press(details);
        }
        yield `${prefix}quiz-outcome-${outcome}-opened`;
      }
      return;
    } else {
      throw new Error(`quiz: unrecognised screen after ${seen.join(' > ')}: ${screen.text.slice(0, 200)}`);
    }
  }
  throw new Error(`quiz: no outcome after 20 screens (${seen.join(' > ')})`);
}

/** A check that says "See a doctor today", then the Timer tab: the banner, then the override. */
export async function* gateJourney(w, locale) {
  for await (const _ of quizJourney(w, 'see-doctor-today', { everyScreen: false })) { /* reach it */ }
  await w.openTab('Timer');
  await w.waitForHeading(/^Your safety check said/i);
  yield `${locale}-timer-gate-banner`;
  await w.press(w.button(/^I understand, show the routines anyway/));
  await w.host.locator('.mg-timer').waitFor({ timeout: 5000 });
  yield `${locale}-timer-gate-overridden`;
}

/** The 3-minute Hands routine: picker, running, paused, then finished (or stopped, or ended). */
export async function* timerJourney(w, { stop = false, end = false }) {
  await w.openTab('Timer');
  if (!stop && !end) yield 'timer-picker';
  await w.pick(/^Hands\b/);
  await w.pick(/^3\s*min/i);
  await w.press(w.button(/^Start\b/));
  await w.page.clock.runFor(4000); // the 3-2-1 get-ready
  assert.equal(await w.host.getByRole('timer').count() > 0, true, 'a running session shows role="timer"');
  if (stop) {
    await w.press(w.button(/^Stop, this hurts/i));
    await w.waitForHeading(/Stop here and let your back rest/i);
    yield 'timer-stopped';
    return;
  }
  if (end) {
    await w.press(w.button(/^End session/i));
    await w.waitForHeading(/Session ended/i);
    yield 'timer-ended';
    return;
  }
  yield 'timer-running';
  await w.press(w.button(/^Pause\b/));
  await w.host.getByRole('button', { name: /^Resume\b/ }).waitFor({ timeout: 5000 });
  yield 'timer-paused';
  await w.page.clock.runFor(60_000);
  await w.press(w.button(/^Resume\b/));
  await w.host.getByRole('button', { name: /^Pause\b/ }).waitFor({ timeout: 5000 });
  // Let the session run to its end (3 minutes of fake time, fired tick by tick).
  for (let i = 0; i < 30 && !(await w.hasHeading(/Nicely done/i)); i++) await w.page.clock.runFor(10_000);
  await w.waitForHeading(/Nicely done/i);
  yield 'timer-finished';
}

// ---- opening the page --------------------------------------------------------------

/**
 * Loads the standalone page, waits for the app, sets the shop attributes and returns a
 * driver. `clock` installs Playwright's fake clock first (the timer journeys need it).
 */
export async function openWidget(page, origin, { clock = false, keyboard = false, locale } = {}) {
  if (clock) await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  await page.goto(origin + '/');
  await widgetsReady(page);
  // A locale journey sets `locale` first and lets the number follow it; embed/element.js does
  // not observe `locale` yet, so the attributes set after it make the widget read it.
  const attributes = locale
    ? { locale, 'product-url': HOST_ATTRIBUTES['product-url'], theme: 'auto' }
    : HOST_ATTRIBUTES;
  await page.evaluate((attributes) => {
    const host = document.querySelector('massage-guide');
    for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  }, attributes);
  await page.waitForFunction(() => !!document.querySelector('massage-guide').shadowRoot.querySelector('.mg'));
  return new Driver(page, { keyboard });
}

/** Runs `journey` and calls `check(stateName)` at every state; returns the states visited. */
export async function runJourney(t, journey, w, check) {
  const visited = [];
  for await (const state of journey.run(w)) {
    visited.push(state);
    await check(state);
  }
  return visited;
}

// ---- the driver --------------------------------------------------------------------

export class Driver {
  constructor(page, { keyboard = false } = {}) {
    this.page = page;
    this.keyboard = keyboard;
    this.host = page.locator('massage-guide').first();
  }

  button(name) {
    return this.host.getByRole('button', { name });
  }

  /** Selects a tab; fails if the section shows a placeholder instead of its view. */
  async openTab(name) {
    await this.press(this.host.getByRole('tab', { name, exact: true }));
    await this.page.waitForFunction(
      (tab) => document.querySelector('massage-guide').shadowRoot.querySelector('[role=tab][aria-selected=true]')?.textContent === tab,
      name,
      { timeout: 5000 },
    );
    // The app may still be loading (under Trusted Types the idle load only prefetches, so the
    // wasm may compile on this click): wait until no loading line shows.
    await this.page.waitForFunction(
      () => ![...document.querySelector('massage-guide').shadowRoot.querySelectorAll('.mg-loading')]
        .some((line) => line.checkVisibility()),
      null,
      { timeout: 20000 },
    );
    assert.equal(await this.host.locator('.mg-placeholder').count(), 0, `the ${name} tab shows a placeholder, not its view`);
  }

  /** Clicks a button or link (keyboard: Tab to it, then Enter). */
  async press(locator) {
    await locator.first().waitFor({ state: 'visible', timeout: 5000 });
    if (this.keyboard) {
      await this.tabTo(locator.first());
      await this.page.keyboard.press('Enter');
    } else {
      await locator.first().click();
    }
  }

  /** Ticks a radio or checkbox whose label starts with `label` (keyboard: Tab/arrows, Space). */
  async choose(label) {
    const name = new RegExp('^' + label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![a-z])', 'i');
    const input = this.host.getByRole('radio', { name }).or(this.host.getByRole('checkbox', { name })).first();
    await input.waitFor({ state: 'attached', timeout: 5000 });
    if (this.keyboard) {
      await this.tabTo(input);
      if (!(await input.isChecked())) await this.page.keyboard.press('Space');
    } else {
      // A user clicks the label; a visually hidden input cannot be clicked itself.
      await input.check({ timeout: 3000 }).catch(() => input.evaluate((el) => ((el.labels && el.labels[0]) || el).click()));
    }
    assert.equal(await input.isChecked(), true, `"${label}" is ticked`);
  }

  /**
   * Answers the question on screen from a plan entry: label start(s) for radios and
   * checkboxes, or { item label start: 'Yes' | 'Not sure' } for a Yes / No / Not sure
   * question (every item not named gets "No").
   */
  async answer(entry) {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const labels = await this.page.evaluate(() => [...document.querySelector('massage-guide').shadowRoot
        .querySelectorAll('.mg-quiz-item .mg-quiz-option-label')].map((e) => e.textContent.trim()));
      for (const [i, label] of labels.entries()) {
        const special = Object.entries(entry).find(([start]) => label.startsWith(start));
        const radio = this.host.locator('.mg-quiz-item').nth(i).getByRole('radio', { name: special ? special[1] : 'No', exact: true });
        if (this.keyboard) {
          await this.tabTo(radio);
          if (!(await radio.isChecked())) await this.page.keyboard.press('Space');
        } else {
          await radio.check({ timeout: 3000 });
        }
        assert.equal(await radio.isChecked(), true, `"${label}" answered`);
      }
      return;
    }
    for (const label of [].concat(entry)) await this.choose(label);
  }

  /** Picks an option offered as a radio or as a button (the timer's routine and length). */
  async pick(name) {
    const radio = this.host.getByRole('radio', { name });
    const button = this.host.getByRole('button', { name });
    // The view may still be rendering after its tab was selected: wait for either form first.
    await radio.or(button).first().waitFor({ state: 'attached', timeout: 5000 });
    if (await radio.count()) {
      if (this.keyboard) {
        await this.tabTo(radio.first());
        if (!(await radio.first().isChecked())) await this.page.keyboard.press('Space');
      } else {
        await radio.first().check({ timeout: 3000 }).catch(() => radio.first().evaluate((el) => ((el.labels && el.labels[0]) || el).click()));
      }
      return;
    }
    await this.press(button);
  }

  /** Moves on from a screen: waits for an automatic advance, else presses the first button found. */
  async advance(before, names) {
    if (await this.changedWithin(before, 150)) return;
    for (const name of names) {
      const button = this.button(name);
      if (await button.count()) {
        await this.press(button);
        if (await this.changedWithin(before, 5000)) return;
        throw new Error(`pressing ${name} did not change the screen`);
      }
    }
    const buttons = await this.host.getByRole('button').allTextContents();
    throw new Error(`no way forward from this screen; buttons: ${JSON.stringify(buttons)}`);
  }

  async changedWithin(before, ms) {
    const end = Date.now() + ms;
    do {
      if ((await this.signature()) !== before) return true;
      await new Promise((resolve) => setTimeout(resolve, 25));
    } while (Date.now() < end);
    return false;
  }

  /** The panel's headings and legend: changes when the screen changes. */
  signature() {
    return this.page.evaluate(() => {
      const panel = document.querySelector('massage-guide').shadowRoot.querySelector('.mg-panel:not([data-off])');
      if (!panel) return '';
      return [...panel.querySelectorAll('h1, h2, h3, legend')].map((e) => e.textContent.trim()).join(' | ');
    });
  }

  async hasHeading(pattern) {
    const texts = await this.page.evaluate(() => [...document.querySelector('massage-guide').shadowRoot
      .querySelectorAll('.mg-panel:not([data-off]) h1, .mg-panel:not([data-off]) h2, .mg-panel:not([data-off]) h3')].map((e) => e.textContent.trim()));
    return texts.some((text) => pattern.test(text));
  }

  async waitForHeading(pattern, timeout = 5000) {
    const end = Date.now() + timeout;
    while (!(await this.hasHeading(pattern))) {
      if (Date.now() > end) throw new Error(`no heading matching ${pattern}; screen: ${await this.signature()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** What the quiz shows: a question (by its legend), the check-answers screen or an outcome. */
  async quizScreen() {
    const signature = await this.signature();
    const info = await this.page.evaluate(() => {
      const panel = document.querySelector('massage-guide').shadowRoot.querySelector('.mg-panel:not([data-off])');
      return {
        legend: panel.querySelector('legend')?.textContent.trim() ?? '',
        headings: [...panel.querySelectorAll('h1, h2, h3')].map((e) => e.textContent.trim()),
        text: panel.textContent.replace(/\s+/g, ' ').trim(),
      };
    });
    const outcome = OUTCOMES.find(([, title]) => info.headings.some((h) => title.test(h)));
    if (outcome) return { kind: 'outcome', id: outcome[0], signature };
    if (info.headings.some((h) => /check your answers/i.test(h))) return { kind: 'check-answers', signature };
    const questionText = info.legend || info.headings.join(' ');
    const question = QUESTIONS.find(([, prompt]) => prompt.test(questionText));
    if (question) return { kind: 'question', id: question[0], signature };
    return { kind: 'unknown', text: info.text, signature };
  }

  /**
   * Keyboard only: presses Tab until `locator` has focus. Inside a radio group or a tab list
   * Tab lands on one member only, so from there the arrow keys move to the wanted one (and
   * select it).
   */
  async tabTo(locator, max = 200) {
    await locator.evaluate((el) => el.setAttribute('data-mg-kb-target', ''));
    try {
      let arrows = 0;
      for (let i = 0; i < max; i++) {
        const at = await this.page.evaluate(() => {
          let el = document.activeElement;
          while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
          const target = document.querySelector('massage-guide').shadowRoot.querySelector('[data-mg-kb-target]');
          return {
            onTarget: !!target && el === target,
            // One Tab stop per radio group and per tab list; arrow keys move inside.
            inGroup: !!target && !!el && el !== target && (
              (target.type === 'radio' && el.type === 'radio' && !!el.name && el.name === target.name)
              || (target.getAttribute('role') === 'tab' && el.getAttribute('role') === 'tab' && el.parentElement === target.parentElement)),
            tab: !!el && el.getAttribute('role') === 'tab',
          };
        });
        if (at.onTarget) return;
        if (at.inGroup && arrows < 20) {
          arrows++;
          await this.page.keyboard.press(at.tab ? 'ArrowRight' : 'ArrowDown');
        } else {
          await this.page.keyboard.press('Tab');
        }
      }
      const text = await locator.evaluate((el) => el.outerHTML.slice(0, 120));
      throw new Error(`keyboard: could not reach ${text} with Tab in ${max} presses`);
    } finally {
      await locator.evaluate((el) => el.removeAttribute('data-mg-kb-target')).catch(() => {});
    }
  }
}
