// The safety check in Chromium, driven the way a reader drives it: a path to every outcome by
// clicking in BOTH locales (en-US with 911, en-GB with 999) and with the keyboard alone once per
// locale, the result screen's order (title and urgency, what to do now, the main action, if it
// gets worse, the reasons folded), copy and print of the summary for a doctor, the step total
// that never changes, answers surviving a reload, "Forget my answers", the result event, the
// safety gate around the timer, and screenshots of every result at 390 and 1280 px, light and
// dark (tests/artifacts/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, screenshot, widgetsReady } from './harness.mjs';

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SMALL = { width: 320, height: 640 };
const LOCALES = ['en-US', 'en-GB'];
const NUMBER = { 'en-US': '911', 'en-GB': '999' };

/** The question on screen, recognised by its legend (content/quiz.toml prompts, each distinct). */
const PROMPTS = {
  age: /How old are you/,
  now: /apply to you right now/,
  nerves: /noticed any of these changes/,
  unwell: /along with your back pain/,
  history: /apply to your health/,
  pain: /Does your pain do any of these/,
  duration: /How long have you had/,
  injury: /How did this pain start/,
  severity: /How bad is the pain/,
  trend: /Over the last few days/,
  cautions: /reason to take care with massage/,
  devices: /do you have any of these implants/,
};
const ALL_QUESTIONS = Object.keys(PROMPTS);

/**
 * Answers: question id → option label start (or several, for tick-any questions). A Yes / No /
 * Not sure question takes an object { item label start: 'Yes' | 'Not sure' }; every item not
 * named is answered "No".
 */
const CALM = {
  age: '20 to 44', now: {}, nerves: {}, unwell: 'None of these', history: {}, pain: 'None of these',
  duration: 'Less than 4 weeks', injury: 'Slowly', severity: 'Mild', trend: 'Getting better', cautions: 'None of these', devices: 'None of these',
};
const UNTIL = (id) => ALL_QUESTIONS.slice(0, ALL_QUESTIONS.indexOf(id) + 1).join(' ');

/** One answer plan per outcome (all 14), with its title (per locale) and the screens passed. */
const ER = { 'en-US': 'the nearest emergency room \\(ER\\)', 'en-GB': 'the nearest A&E' };
const PATHS = [
  { outcome: 'emergency', level: 'stop', title: (l) => new RegExp(`^Call ${NUMBER[l]} now$`), plan: { ...CALM, now: { 'Chest pain': 'Yes' } }, asked: UNTIL('now') },
  { outcome: 'emergency-nerves', level: 'stop', title: (l) => new RegExp(`^Go to ${ER[l]} now$`), plan: { ...CALM, nerves: { 'Numbness or tingling around': 'Yes' } }, asked: UNTIL('nerves') },
  { outcome: 'pregnancy-now', level: 'stop', title: () => /^Call your maternity team now$/, plan: { ...CALM, now: { 'You are pregnant': 'Yes' } }, asked: UNTIL('nerves') },
  { outcome: 'urgent-now', level: 'stop', title: () => /^Get medical advice now$/, plan: { ...CALM, nerves: { 'Numbness or tingling around': 'Not sure' } }, asked: UNTIL('nerves') },
  { outcome: 'child-today', level: 'stop', title: () => /^Get your back checked by a doctor today$/, plan: { ...CALM, age: 'Under 16', unwell: 'A high temperature' }, asked: `${UNTIL('unwell')} review` },
  { outcome: 'child', level: 'caution', title: () => /^Ask a doctor to check your back$/, plan: { ...CALM, age: 'Under 16' }, asked: `${UNTIL('trend')} review` },
  { outcome: 'see-doctor-today', level: 'stop', title: () => /^See a doctor today$/, plan: { ...CALM, unwell: 'A high temperature' }, asked: `${UNTIL('unwell')} review` },
  { outcome: 'see-doctor-soon', level: 'caution', title: () => /^See a doctor in the next few days$/, plan: { ...CALM, severity: 'Severe' } },
  { outcome: 'see-doctor-weeks', level: 'caution', title: () => /^Book a doctor's appointment$/, plan: { ...CALM, age: '51 to 69' } },
  { outcome: 'hold-off', level: 'caution', title: () => /^Hold off on massage for a few days$/, plan: { ...CALM, injury: 'With a fall, knock or blow in the last 3 days' } },
  { outcome: 'ask-first', level: 'caution', title: () => /^Check with a health professional before massage$/, plan: { ...CALM, cautions: 'You are pregnant' } },
  { outcome: 'hands-only', level: 'go', title: () => /^Gentle massage with your hands may help$/, plan: { ...CALM, devices: 'A pacemaker' } },
  { outcome: 'massage-with-exercise', level: 'go', title: () => /^Massage may help, with exercise$/, plan: { ...CALM, duration: 'More than 12 weeks' } },
  { outcome: 'massage-may-help', level: 'go', title: () => /^Gentle massage may help$/, plan: CALM, asked: `${ALL_QUESTIONS.join(' ')} review` },
];
const EMERGENCIES = ['emergency', 'emergency-nerves'];

/** Words a reader of the other country should never see on a result. */
const FOREIGN = {
  'en-US': [/\bNHS\b/, /\bGP\b/, /A&E/, /\b999\b/, /\bpoo\b/, /\btummy\b/, /physiotherapist/, /\bcarer\b/, /labour/, /straight away/, /(genitals,|your|or) bottom\b/],
  'en-GB': [/\b911\b/, /\(ER\)/, /urgent care center/, /nurse advice line/, /\bbelly\b/, /OB-GYN/, /physical therapist/, /caregiver/, /buttocks/],
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens the standalone page, sets the shop attributes, opens the Quiz tab. `locale` is set
 * first: embed/element.js does not observe it (yet), so a later observed attribute (`theme`)
 * makes the widget read it.
 */
async function openQuiz({ viewport = PHONE, locale = 'en-GB', attributes = { 'product-url': 'https://shop.example/p/classic' }, tab = true, init, scheme } = {}) {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  await setAttributes(page, { locale, ...attributes, theme: attributes.theme ?? 'auto' });
  const host = page.locator('massage-guide');
  if (tab) await openTab(page, 'Safety check');
  return { context, page, log, host };
}

async function setAttributes(page, attrs) {
  await page.evaluate((attrs) => {
    const host = document.querySelector('massage-guide');
    for (const [name, value] of Object.entries(attrs)) host.setAttribute(name, value);
  }, attrs);
}

async function openTab(page, name) {
  await page.locator('massage-guide').getByRole('tab', { name, exact: true }).click();
  await waitForTab(page, name);
  // The app may still be loading (under Trusted Types the idle load only prefetches, so the
  // wasm compiles on this click): wait until the app's panel shows its screen.
  if (name === 'Safety check') {
    for (const until = Date.now() + 20000; (await screen(page)).kind === 'none';) {
      if (Date.now() > until) throw new Error('the safety check did not show a screen within 20 s');
      await page.waitForTimeout(100);
    }
  }
}

function waitForTab(page, name) {
  return page.waitForFunction((tab) => document.querySelector('massage-guide').shadowRoot
    .querySelector('[role=tab][aria-selected=true]')?.textContent === tab, name, { timeout: 5000 });
}

/** What the quiz shows now. */
function screen(page) {
  return page.evaluate(() => {
    const root = document.querySelector('massage-guide').shadowRoot;
    const quiz = root.querySelector('.mg-quiz');
    if (!quiz) return { kind: 'none', signature: '' };
    const legend = quiz.querySelector('legend')?.textContent.trim() ?? '';
    const heading = quiz.querySelector('h2')?.textContent.trim() ?? '';
    const result = quiz.querySelector('.mg-quiz-result');
    const kind = result ? 'result' : quiz.querySelector('.mg-quiz-review') ? 'review' : legend ? 'question' : 'intro';
    const step = /^Step (\d+) of (\d+)/.exec(legend);
    return { kind, legend, heading, outcome: result?.dataset.outcome ?? null, step: step ? [Number(step[1]), Number(step[2])] : null, signature: kind + '|' + legend + '|' + heading };
  });
}

function questionId(legend) {
  const found = Object.entries(PROMPTS).find(([, prompt]) => prompt.test(legend));
  assert.ok(found, `unknown question: ${legend}`);
  return found[0];
}

async function waitForScreenChange(page, before) {
  await page.waitForFunction((was) => {
    const quiz = document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz');
    if (!quiz) return true;
    const legend = quiz.querySelector('legend')?.textContent.trim() ?? '';
    const heading = quiz.querySelector('h2')?.textContent.trim() ?? '';
    const result = quiz.querySelector('.mg-quiz-result');
    const kind = result ? 'result' : quiz.querySelector('.mg-quiz-review') ? 'review' : legend ? 'question' : 'intro';
    return kind + '|' + legend + '|' + heading !== was;
  }, before, { timeout: 5000 });
}

function option(host, label) {
  const name = new RegExp('^' + escape(label) + '(?![a-z])');
  return host.getByRole('radio', { name }).or(host.getByRole('checkbox', { name }));
}

/** The Yes / No / Not sure radio of the item whose label starts with `label`. */
function itemRadio(host, label, answer) {
  return host.locator('.mg-quiz-item').filter({ has: host.page().locator('legend', { hasText: new RegExp('^' + escape(label)) }) })
    .getByRole('radio', { name: answer, exact: true });
}

/** The item labels of the Yes / No / Not sure question on screen. */
function itemLabels(page) {
  return page.evaluate(() => [...document.querySelector('massage-guide').shadowRoot.querySelectorAll('.mg-quiz-item .mg-quiz-option-label')]
    .map((e) => e.textContent.trim()));
}

/** Answers the question on screen with the plan's entry, by clicking. */
async function answer(page, id, entry) {
  const host = page.locator('massage-guide');
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    for (const label of await itemLabels(page)) {
      const special = Object.entries(entry).find(([start]) => label.startsWith(start));
      await itemRadio(host, label, special ? special[1] : 'No').check();
    }
    return;
  }
  for (const label of [].concat(entry)) await option(host, label).check();
}

/** Presses a button and waits for the next screen. */
async function press(page, name) {
  const before = (await screen(page)).signature;
  await page.locator('massage-guide').getByRole('button', { name, exact: true }).click();
  await waitForScreenChange(page, before);
}

/**
 * From the intro, answers with `plan` until a result shows. Returns the outcome id, the screens
 * passed and every "Step x of n" seen.
 */
async function walk(page, plan, { onQuestion } = {}) {
  await press(page, 'Start');
  const asked = [];
  const steps = [];
  for (let i = 0; i < 20; i++) {
    const now = await screen(page);
    if (now.kind === 'result') return { outcome: now.outcome, asked: asked.join(' '), heading: now.heading, steps };
    if (now.kind === 'review') {
      asked.push('review');
      await press(page, 'See my result');
      continue;
    }
    assert.equal(now.kind, 'question', `unexpected screen ${now.signature}`);
    const id = questionId(now.legend);
    asked.push(id);
    steps.push(now.step);
    assert.ok(id in plan, `the quiz asked "${id}", not in the plan`);
    await answer(page, id, plan[id]);
    if (onQuestion) await onQuestion(id);
    await press(page, 'Next');
  }
  throw new Error(`no result after 20 screens: ${asked.join(' > ')}`);
}

/** Everything on the result screen a test checks, in document order. */
function resultScreen(page) {
  return page.evaluate(() => {
    const root = document.querySelector('massage-guide').shadowRoot;
    const result = root.querySelector('.mg-quiz-result');
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    // The order of the blocks a reader meets, top to bottom.
    const blocks = [...result.querySelectorAll('.mg-quiz-result-head, h3, .mg-quiz-main, .mg-quiz-worse, details.mg-quiz-why')]
      .map((el) => el.matches('.mg-quiz-result-head') ? 'head' : el.matches('.mg-quiz-main') ? 'main'
        : el.matches('.mg-quiz-worse') ? 'worse' : el.matches('details') ? 'why' : el.closest('.mg-quiz-worse, .mg-quiz-share') ? null : `h3:${text(el)}`)
      .filter(Boolean);
    const why = result.querySelector('details.mg-quiz-why');
    return {
      outcome: result.dataset.outcome,
      level: result.dataset.level,
      levelText: text(result.querySelector('.mg-quiz-level')),
      levelIcon: !!result.querySelector('.mg-quiz-level svg[aria-hidden=true]'),
      heading: text(result.querySelector('h2')),
      urgency: text(result.querySelector('.mg-quiz-urgency')),
      blocks,
      whyOpen: why ? why.open : null,
      reasons: [...result.querySelectorAll('.mg-quiz-reasons li')].map(text),
      todo: [...result.querySelectorAll('.mg-quiz-todo li')].map(text),
      worse: [...result.querySelectorAll('.mg-quiz-worse li')].map(text),
      signs: [...result.querySelectorAll('.mg-quiz-worse ul.mg-signs > li')].map(text),
      noNumber: result.querySelector('.mg-quiz-main .mg-quiz-no-number') ? text(result.querySelector('.mg-quiz-main .mg-quiz-no-number')) : null,
      tel: result.querySelector('.mg-quiz-main a[href^="tel:"]')?.getAttribute('href') ?? null,
      callText: result.querySelector('.mg-quiz-main a[href^="tel:"]') ? text(result.querySelector('.mg-quiz-main a[href^="tel:"]')) : null,
      mainButtons: [...result.querySelectorAll('.mg-quiz-main button')].map(text),
      sectionLinks: [...result.querySelectorAll('.mg-quiz-links a')].map((a) => a.getAttribute('href')),
      buttons: [...result.querySelectorAll('button')].map(text),
      share: !!result.querySelector('.mg-quiz-share'),
      product: result.querySelector('a[part=product-link]')?.getAttribute('href') ?? null,
      all: text(result),
      disclaimer: !!result.querySelector('.mg-quiz-disclaimer') && /not a diagnosis/.test(result.querySelector('.mg-quiz-disclaimer').textContent),
      focused: root.activeElement === result.querySelector('h2'),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

/** The storage line of one part, or null. */
function stored(page, part) {
  return page.evaluate((part) => {
    const value = localStorage.getItem('massage-guide');
    return value ? (value.split('\n').find((line) => line.startsWith(part + '=')) ?? null) : null;
  }, part);
}

// ---- every outcome, in both locales, by clicking ----------------------------------------

for (const locale of LOCALES) {
  for (const path of PATHS) {
    test(`${locale}: outcome ${path.outcome} reached by clicking; result in order with ${path.level} level`, async () => {
      const { context, page, log } = await openQuiz({ locale });
      const walked = await walk(page, path.plan);
      assert.equal(walked.outcome, path.outcome, `screens: ${walked.asked}`);
      if (path.asked) assert.equal(walked.asked, path.asked);
      // The step total is the same on every screen: 12 questions with a massager involved.
      assert.ok(walked.steps.every(([x, n], i) => n === 12 && x === i + 1), JSON.stringify(walked.steps));
      const r = await resultScreen(page);
      assert.match(r.heading, path.title(locale));
      assert.equal(r.level, path.level);
      assert.ok(r.levelIcon, 'the level has an icon');
      assert.match(r.levelText, { stop: /^Urgent/, caution: /^Check first/, go: /^OK to try/ }[path.level], 'and words, not colour alone');
      assert.match(r.urgency, /^When: \S/);
      assert.ok(r.focused, 'focus moves to the result heading');
      // Title and urgency → what to do now → main action → if it gets worse → why (folded).
      const order = r.blocks.filter((b) => ['head', 'h3:What to do now', 'main', 'worse', 'why'].includes(b));
      const expected = ['head', 'h3:What to do now', ...(r.blocks.includes('main') ? ['main'] : []), 'worse', 'why'];
      assert.deepEqual(order, expected, r.blocks.join(' > '));
      assert.equal(r.whyOpen, false, 'the reasons are folded by default');
      assert.ok(r.reasons.length > 0 && r.todo.length > 0 && r.worse.length > 0);
      assert.ok(r.disclaimer, 'the disclaimer is on the result screen');
      assert.ok(r.buttons.includes('Restart') && r.buttons.includes('Forget my answers'));
      for (const word of FOREIGN[locale]) assert.doesNotMatch(r.all, word, `${locale} result shows ${word}`);
      if (!EMERGENCIES.includes(path.outcome)) {
        // The emergency signs as a bulleted list, with the signs v2 left out (issue 18 point 5).
        assert.ok(r.worse.some((w) => w.startsWith(`Call ${NUMBER[locale]} now if you get any of these:`)), r.worse.join(' | '));
        assert.equal(r.signs.length, 6, r.signs.join(' | '));
        for (const sign of [/^Chest pain$/, /faint$/, /genitals/, /peeing/, /both legs/, /getting worse, or new trouble walking$/]) {
          assert.ok(r.signs.some((x) => sign.test(x)), `${sign}: ${r.signs.join(' | ')}`);
        }
      }

      const timer = r.buttons.filter((b) => /timer/i.test(b));
      if (EMERGENCIES.includes(path.outcome)) {
        assert.equal(r.tel, `tel:${NUMBER[locale]}`, 'the number follows the locale');
        assert.equal(r.callText, `Call ${NUMBER[locale]}`);
        assert.equal(r.share, false, 'nothing else on an emergency: no summary');
        assert.deepEqual(r.sectionLinks, [], 'no article links on an emergency');
      } else {
        assert.ok(r.share, 'Copy and Print are offered');
      }
      // Heart and blood vessel signs: an ambulance, not a car; nerve signs: A&E / the ER now.
      if (path.outcome === 'emergency') {
        assert.ok(r.reasons.some((x) => /heart or a large blood vessel/.test(x)), r.reasons.join('; '));
        assert.ok(r.todo.some((t) => /ask for an ambulance/.test(t)) && r.todo.some((t) => /Don't go by car/.test(t)), r.todo.join(' | '));
      }
      if (path.outcome === 'emergency-nerves') {
        assert.ok(r.reasons.some((x) => new RegExp(`genitals, ${locale === 'en-GB' ? 'bottom' : 'buttocks'} or inner thighs`).test(x)), r.reasons.join('; '));
        assert.ok(r.todo[0].startsWith(`Go to ${locale === 'en-GB' ? 'the nearest A&E' : 'the nearest emergency room (ER)'} now`), r.todo[0]);
      }
      // Pregnancy: the maternity team first and only, with its emergency triggers.
      if (path.outcome === 'pregnancy-now') {
        assert.match(r.todo[0], locale === 'en-GB' ? /midwife or maternity unit/ : /OB-GYN or midwife/);
        assert.ok(!r.todo.some((t) => /NHS 111|nurse advice line/.test(t)), r.todo.join(' | '));
        assert.ok(r.worse.some((w) => new RegExp(`Call ${NUMBER[locale]} for an ambulance if you bleed a lot`).test(w)), r.worse.join(' | '));
      }
      if (path.outcome === 'urgent-now') {
        if (locale === 'en-GB') {
          assert.equal(r.tel, 'tel:111');
          assert.equal(r.callText, 'Call NHS 111');
        } else {
          assert.equal(r.tel, null, 'no single advice number in the US');
          assert.ok(r.todo.some((t) => /nurse advice line/.test(t)), r.todo.join(' | '));
          assert.match(r.noNumber ?? '', /No number to call\?.*go to the ER/, 'a clear fallback instead of a call button');
        }
      }
      if (path.outcome === 'see-doctor-today' || path.outcome === 'child-today') {
        assert.ok(r.worse.some((w) => /shaking chills/.test(w) && w.includes(`or call ${NUMBER[locale]}`)), r.worse.join(' | '));
      }
      if (path.outcome === 'see-doctor-today') {
        assert.ok(r.todo[0].includes(locale === 'en-GB' ? 'GP surgery' : 'emergency room (ER)'), r.todo[0]);
        assert.deepEqual(r.mainButtons, ['Copy the summary', 'Print the summary'], 'the main action is the summary for the doctor');
      }
      if (path.level === 'go') {
        assert.deepEqual(timer, ['Open the self-massage timer: Hands routine']);
      } else {
        assert.deepEqual(timer, [], `no timer on ${path.outcome}`);
      }
      assert.equal(r.product, path.outcome === 'massage-may-help' ? 'https://shop.example/p/classic' : null);
      assert.ok(r.overflow <= 0, `no sideways scroll at 390 px (${r.overflow})`);
      // The last outcome is kept for the timer.
      assert.equal(await stored(page, 'check'), `check=c1:${path.outcome}`);
      await screenshot(page, `quiz-${locale}-${path.outcome}-390`);
      assert.deepEqual(log.problems(), []);
      await context.close();
    });
  }
}

test('en-GB with emergency-number="112": the number attribute still wins', async () => {
  const { context, page, log } = await openQuiz({ locale: 'en-GB', attributes: { 'emergency-number': '112' } });
  assert.equal((await walk(page, PATHS[1].plan)).outcome, 'emergency-nerves');
  const r = await resultScreen(page);
  assert.equal(r.heading, 'Go to the nearest A&E now');
  assert.ok(r.todo.some((t) => /call 112/.test(t)), r.todo.join(' | '));
  assert.equal(r.tel, 'tel:112');
  assert.match(r.all, /A&E/, 'the rest follows the locale');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('a bad locale warns once and falls back to en-US (911)', async () => {
  const { context, page, log } = await openQuiz({ locale: 'fr-FR' });
  assert.equal((await walk(page, PATHS[0].plan)).outcome, 'emergency');
  assert.equal((await resultScreen(page)).heading, 'Call 911 now');
  assert.ok(log.warnings.some((w) => /ignored locale="fr-FR"/.test(w)), log.warnings.join('\n'));
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- screenshots of the result screens: 390 and 1280 px, light and dark ---------------------

test('screenshots: every result at 390 and 1280 px, light and dark (tests/artifacts/quiz-shot-*)', { timeout: 600_000 }, async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page, log } = await openQuiz({ locale: 'en-GB', scheme });
    for (const path of PATHS) {
      await page.setViewportSize(PHONE);
      assert.equal((await walk(page, path.plan)).outcome, path.outcome);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `quiz-shot-${path.outcome}-390-${scheme}`);
      await page.setViewportSize(DESKTOP);
      assert.ok((await resultScreen(page)).overflow <= 0);
      await screenshot(page, `quiz-shot-${path.outcome}-1280-${scheme}`);
      await page.setViewportSize(SMALL);
      assert.ok((await resultScreen(page)).overflow <= 0, `${path.outcome}: no sideways scroll at 320 px`);
      await page.setViewportSize(PHONE);
      await press(page, 'Restart');
    }
    assert.deepEqual(log.problems(), []);
    await context.close();
  }
});

// ---- questions ----------------------------------------------------------------------------

test('a Yes / No / Not sure screen: a group per sign, big targets, every sign needs an answer', async () => {
  const { context, page, log, host } = await openQuiz();
  await press(page, 'Start');
  await option(host, '20 to 44').check();
  await press(page, 'Next');
  await answer(page, 'now', {});
  await press(page, 'Next');
  const info = await page.evaluate(() => {
    const root = document.querySelector('massage-guide').shadowRoot;
    const fieldset = root.querySelector('.mg-quiz fieldset');
    const items = [...fieldset.querySelectorAll('fieldset.mg-quiz-item')];
    return {
      legend: fieldset.querySelector('legend').textContent.replace(/\s+/g, ' ').trim(),
      focused: root.activeElement === fieldset.querySelector('legend'),
      items: items.map((f) => ({ legend: f.querySelector('legend').textContent.trim(), radios: [...f.querySelectorAll('input')].map((i) => [i.type, i.closest('label').textContent.trim()]) })),
      minTarget: Math.min(...items.flatMap((f) => [...f.querySelectorAll('label')].map((l) => Math.min(l.getBoundingClientRect().height, l.getBoundingClientRect().width)))),
      names: new Set(items.flatMap((f) => [...f.querySelectorAll('input')].map((i) => i.name))).size,
    };
  });
  assert.match(info.legend, /^Step 3 of 12: Have you noticed any of these changes\?$/);
  assert.ok(info.focused, 'focus is on the new legend');
  assert.equal(info.items.length, 5);
  for (const item of info.items) assert.deepEqual(item.radios, [['radio', 'Yes'], ['radio', 'No'], ['radio', 'Not sure']], item.legend);
  assert.equal(info.names, 5, 'one radio group per sign');
  assert.ok(info.minTarget >= 44, `Yes / No / Not sure are at least 44 px (${info.minTarget})`);
  await screenshot(page, 'quiz-question-nerves-390');

  // Four answered, one left: Next shows the message and marks the open sign.
  const labels = await itemLabels(page);
  for (const label of labels.slice(0, 4)) await itemRadio(host, label, 'No').check();
  await host.getByRole('button', { name: 'Next', exact: true }).click();
  await host.getByRole('alert').waitFor();
  assert.match(await host.getByRole('alert').textContent(), /Yes, No or Not sure for each one/);
  assert.equal(await host.locator('.mg-quiz-item-missing').count(), 1);
  assert.match((await screen(page)).legend, PROMPTS.nerves, 'still on the same question');
  await screenshot(page, 'quiz-question-nerves-error-390');
  // Not sure on the last one: after both emergency screens, advice now at once.
  await itemRadio(host, labels[4], 'Not sure').check();
  await press(page, 'Next');
  const now = await screen(page);
  assert.equal(now.outcome, 'urgent-now');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('tick-any screens: None of these is exclusive; each step has its own prompt', async () => {
  const { context, page, log, host } = await openQuiz();
  const prompts = [];
  await walk(page, CALM, {
    onQuestion: async (id) => {
      prompts.push((await screen(page)).legend.replace(/^Step \d+ of \d+: /, ''));
      if (id === 'unwell') {
        await option(host, 'A high temperature').check();
        await option(host, 'Weight loss').check();
        await option(host, 'None of these').check();
        assert.equal(await option(host, 'A high temperature').isChecked(), false);
        await option(host, 'Weight loss').check();
        assert.equal(await option(host, 'None of these').isChecked(), false);
        await option(host, 'None of these').check();
        await screenshot(page, 'quiz-question-unwell-390');
      }
    },
  });
  assert.equal(new Set(prompts).size, prompts.length, `two steps share a prompt: ${prompts.join(' | ')}`);
  assert.equal(prompts.length, 12);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('"Check your answers": a change button per answer; Yes / No / Not sure answers in words', async () => {
  const { context, page, log, host } = await openQuiz();
  await press(page, 'Start');
  for (let i = 0; i < 12; i++) {
    const id = questionId((await screen(page)).legend);
    await answer(page, id, CALM[id]);
    await press(page, 'Next');
  }
  const review = await screen(page);
  assert.equal(review.kind, 'review');
  const list = await page.evaluate(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz-review-list').textContent);
  assert.match(list, /Nerve warning signs\s*no to all/);
  assert.equal(await host.getByRole('button', { name: /^Change your answer to/ }).count(), 12);
  await screenshot(page, 'quiz-review-390');
  await press(page, 'Change your answer to \u201cHow bad\u201d');
  await option(host, 'Severe').check();
  await press(page, 'Next');
  assert.equal((await screen(page)).kind, 'review');
  await press(page, 'See my result');
  assert.equal((await screen(page)).outcome, 'see-doctor-soon');
  await press(page, 'Change your answers');
  assert.equal((await screen(page)).kind, 'review');
  await press(page, 'Restart');
  assert.equal((await screen(page)).kind, 'intro');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('without a massager (no timer, no product) the implant question is not asked: 11 steps', async () => {
  const { context, page, log } = await openQuiz({ locale: 'en-US', attributes: { sections: 'article quiz' } });
  const { steps, asked } = { ...(await walk(page, CALM)) };
  assert.ok(!asked.includes('devices'), asked);
  assert.ok(steps.every(([x, n], i) => n === 11 && x === i + 1), JSON.stringify(steps));
  const r = await resultScreen(page);
  assert.equal(r.outcome, 'massage-may-help');
  assert.deepEqual(r.buttons.filter((b) => /timer/i.test(b)), [], 'no timer button without the timer');
  assert.equal(r.product, null);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- keyboard only, once per locale ---------------------------------------------------------

/** Presses Tab or Shift+Tab (an arrow key inside a radio group) until `locator` has focus. */
async function tabTo(page, locator) {
  await locator.evaluate((el) => el.setAttribute('data-kb-target', ''));
  try {
    for (let i = 0; i < 120; i++) {
      const at = await page.evaluate(() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        const target = document.querySelector('massage-guide').shadowRoot.querySelector('[data-kb-target]');
        const inside = !!el && !!target && el.getRootNode() === target.getRootNode();
        return {
          on: el === target,
          group: inside && el.type === 'radio' && target.type === 'radio' && el.name === target.name,
          behind: inside && !!(el.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING),
        };
      });
      if (at.on) return;
      await page.keyboard.press(at.group ? 'ArrowDown' : at.behind ? 'Shift+Tab' : 'Tab');
    }
    throw new Error('could not reach the control with the keyboard');
  } finally {
    await locator.evaluate((el) => el.removeAttribute('data-kb-target')).catch(() => {});
  }
}

/** The whole check with the keyboard alone: Tab, arrows, Space, Enter. */
async function keyboardWalk(page, plan) {
  const host = page.locator('massage-guide');
  await tabTo(page, host.getByRole('tab', { name: 'Article' }));
  await page.keyboard.press('ArrowRight');
  await waitForTab(page, 'Safety check');
  await tabTo(page, host.getByRole('button', { name: 'Start' }));
  let before = (await screen(page)).signature;
  await page.keyboard.press('Enter');
  await waitForScreenChange(page, before);
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const now = await screen(page);
    if (now.kind === 'result') break;
    const next = host.getByRole('button', { name: now.kind === 'review' ? 'See my result' : 'Next', exact: true });
    if (now.kind === 'question') {
      const id = questionId(now.legend);
      seen.push(id);
      assert.equal(await page.evaluate(() => document.querySelector('massage-guide').shadowRoot.activeElement?.tagName), 'LEGEND', `focus on the legend of ${id}`);
      const entry = plan[id];
      const inputs = [];
      if (typeof entry === 'object' && !Array.isArray(entry)) {
        for (const label of await itemLabels(page)) {
          const special = Object.entries(entry).find(([start]) => label.startsWith(start));
          inputs.push(itemRadio(host, label, special ? special[1] : 'No'));
        }
      } else {
        for (const label of [].concat(entry)) inputs.push(option(host, label));
      }
      for (const input of inputs) {
        await tabTo(page, input);
        if (!(await input.isChecked())) await page.keyboard.press('Space');
        assert.equal(await input.isChecked(), true, `${id} answered with the keyboard`);
      }
    } else {
      seen.push(now.kind);
    }
    await tabTo(page, next);
    before = now.signature;
    await page.keyboard.press('Enter');
    await waitForScreenChange(page, before);
  }
  return seen;
}

test('en-US, keyboard only: Tab, arrow keys, Space and Enter lead to "See a doctor in the next few days"', async () => {
  const { context, page, log, host } = await openQuiz({ locale: 'en-US', tab: false });
  const seen = await keyboardWalk(page, { ...CALM, severity: 'Severe' });
  const r = await resultScreen(page);
  assert.equal(r.outcome, 'see-doctor-soon', seen.join(' > '));
  assert.ok(r.focused, 'focus on the result heading');
  // The folded reasons open with the keyboard.
  await tabTo(page, host.locator('details.mg-quiz-why > summary'));
  await page.keyboard.press('Enter');
  assert.equal(await host.locator('details.mg-quiz-why').evaluate((d) => d.open), true);
  // Enter on a section link shows the article there.
  await tabTo(page, host.getByRole('link', { name: 'Types of Lower Back Pain' }));
  await page.keyboard.press('Enter');
  await waitForTab(page, 'Article');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('en-GB, keyboard only: not sure about one emergency sign leads to "Get medical advice now" and Call NHS 111', async () => {
  const { context, page, log } = await openQuiz({ locale: 'en-GB', tab: false });
  const seen = await keyboardWalk(page, { ...CALM, nerves: { 'New trouble peeing': 'Not sure' } });
  const r = await resultScreen(page);
  assert.equal(r.outcome, 'urgent-now', seen.join(' > '));
  assert.deepEqual(seen, ['age', 'now', 'nerves']);
  assert.equal(r.tel, 'tel:111');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- copy and print the summary for a doctor -----------------------------------------------

test('Copy and Print give a short summary for a doctor, made on the device', async () => {
  const { context, page, log, host } = await openQuiz({ locale: 'en-GB' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const requestsBefore = log.requests.length;
  assert.equal((await walk(page, { ...CALM, history: { 'You have cancer now': 'Yes' } })).outcome, 'see-doctor-today');
  const r = await resultScreen(page);
  assert.ok(r.todo[0].includes('cancer team'), `the cancer team comes first: ${r.todo[0]}`);
  await host.getByRole('button', { name: 'Copy the summary' }).click();
  // The quiz's own status line (the shell's hidden loading panel has a role=status line too).
  await page.waitForFunction(() => /Summary copied/.test(document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz-status').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Back pain safety check: summary for a doctor\nMade on \d{4}-\d\d-\d\d/);
  assert.match(copied, /Result: See a doctor today \(Today\)/);
  assert.match(copied, /- Your health: You have cancer now, or are being treated for it/);
  assert.match(copied, /- Nerve warning signs: no to all/);
  assert.doesNotMatch(copied, /[{}]/);
  // Print: a hidden frame inside the widget holds the summary and prints it (not the host page).
  await host.getByRole('button', { name: 'Print the summary' }).click();
  await page.waitForFunction(() => /sent to the printer/.test(document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz-status').textContent));
  const printed = await page.evaluate(() => {
    const frame = document.querySelector('massage-guide').shadowRoot.querySelector('iframe.mg-print-frame');
    return frame && frame.contentDocument.body.innerText;
  });
  assert.match(printed, /Result: See a doctor today/);
  // The summary is also readable on the screen (folded).
  await host.getByText('Show the summary').click();
  assert.match(await host.locator('.mg-quiz-summary-text pre').textContent(), /Result: See a doctor today/);
  assert.equal(log.requests.length, requestsBefore, 'nothing was sent anywhere');
  await screenshot(page, 'quiz-summary-shown-390');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- persistence ---------------------------------------------------------------------------

test('a reload mid-check keeps the answers and the screen; Forget my answers clears them and the last result', async () => {
  const { context, page, log, host } = await openQuiz();
  await press(page, 'Start');
  await option(host, '51 to 69').check();
  await press(page, 'Next');
  await answer(page, 'now', {});
  await press(page, 'Next');
  await itemRadio(host, 'Numbness or tingling around', 'No').check();
  assert.match(await stored(page, 'quiz'), /^quiz=q2:/);

  await page.reload();
  await widgetsReady(page);
  await setAttributes(page, { locale: 'en-GB', 'product-url': 'https://shop.example/p/classic', theme: 'auto' });
  await openTab(page, 'Safety check');
  assert.match((await screen(page)).legend, PROMPTS.nerves, 'back on the same question');
  assert.equal(await itemRadio(host, 'Numbness or tingling around', 'No').isChecked(), true, 'the answer survived');
  await press(page, 'Back');
  assert.equal(await itemRadio(host, 'Chest pain', 'No').isChecked(), true);
  await press(page, 'Back');
  assert.equal(await option(host, '51 to 69').isChecked(), true);

  // Reach a result, then Forget: the answers and the last result go.
  await press(page, 'Next');
  await press(page, 'Next');
  await answer(page, 'nerves', {});
  await press(page, 'Next');
  // Over 50 with new pain: once nothing later could be more cautious, the check ends early.
  for (const id of ALL_QUESTIONS.slice(3)) {
    const here = await screen(page);
    if (here.kind === 'review') break;
    assert.equal(questionId(here.legend), id);
    await answer(page, id, CALM[id]);
    await press(page, 'Next');
  }
  assert.equal((await screen(page)).kind, 'review');
  await press(page, 'See my result');
  assert.equal((await screen(page)).outcome, 'see-doctor-weeks');
  assert.equal(await stored(page, 'check'), 'check=c1:see-doctor-weeks');
  await press(page, 'Forget my answers');
  assert.equal(await stored(page, 'quiz'), null, 'no quiz line left in storage');
  assert.equal(await stored(page, 'check'), null, 'no last result left');
  assert.equal((await screen(page)).kind, 'intro');
  assert.match(await host.getByRole('status').textContent(), /forgotten/);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('a corrupt saved quiz is discarded with one warning', async () => {
  const { context, page, log } = await openQuiz({
    tab: false,
    init: () => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('massage-guide', 'massage-guide/1\nquiz=q1:nonsense'); } },
  });
  await openTab(page, 'Safety check');
  assert.equal((await screen(page)).kind, 'intro');
  assert.equal(log.warnings.filter((w) => /saved quiz answers/.test(w)).length, 1, log.warnings.join('\n'));
  assert.equal(await stored(page, 'quiz'), null);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- the event and the links out --------------------------------------------------------------

test('massage-guide:quiz-result fires once on the host with detail.outcome only', async () => {
  const { context, page, log } = await openQuiz();
  await page.evaluate(() => {
    window.__results = [];
    const host = document.querySelector('massage-guide');
    host.addEventListener('massage-guide:quiz-result', (event) => {
      window.__results.push({ at: 'host', detail: JSON.parse(JSON.stringify(event.detail)), keys: Object.keys(event.detail) });
    });
    document.addEventListener('massage-guide:quiz-result', (event) => {
      window.__results.push({ at: 'document', composed: event.composed, bubbles: event.bubbles });
    });
  });
  assert.equal((await walk(page, { ...CALM, injury: 'With a fall, knock or blow in the last 3 days' })).outcome, 'hold-off');
  assert.deepEqual(await page.evaluate(() => window.__results), [
    { at: 'host', detail: { outcome: 'hold-off' }, keys: ['outcome'] },
    { at: 'document', composed: true, bubbles: true },
  ]);
  await openTab(page, 'Article');
  await openTab(page, 'Safety check');
  assert.equal((await screen(page)).outcome, 'hold-off', 'the result is restored');
  assert.equal(await page.evaluate(() => window.__results.length), 2);
  await press(page, 'Restart');
  await walk(page, PATHS.find((p) => p.outcome === 'urgent-now').plan);
  assert.deepEqual(await page.evaluate(() => window.__results.filter((r) => r.at === 'host').map((r) => r.detail)),
    [{ outcome: 'hold-off' }, { outcome: 'urgent-now' }]);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('the result opens the timer with the suggested routine, and a section link opens the article there', async () => {
  const { context, page, log, host } = await openQuiz();
  assert.equal((await walk(page, CALM)).outcome, 'massage-may-help');
  await host.getByRole('button', { name: 'Open the self-massage timer: Hands routine' }).click();
  await waitForTab(page, 'Timer');
  const checked = await page.evaluate(() => [...document.querySelector('massage-guide').shadowRoot
    .querySelectorAll('input[type=radio]:checked')].map((i) => i.closest('label')?.textContent.trim() ?? ''));
  assert.ok(checked.some((t) => /^Hands/.test(t)), `the Hands routine is preselected (${checked.join(' | ')})`);
  assert.equal(await host.locator('.mg-gate, .mg-gate-nudge').count(), 0, 'no banner or nudge after "Gentle massage may help"');
  await openTab(page, 'Safety check');
  assert.equal((await screen(page)).outcome, 'massage-may-help', 'the result is still there');
  await host.getByRole('link', { name: 'How to Self-Massage for Lower Back Pain' }).click();
  await waitForTab(page, 'Article');
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.activeElement?.id === 'self-massage', null, { timeout: 5000 });
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('after an implant answer the timer offers only routines for the hands, with a note saying why', async () => {
  const { context, page, log, host } = await openQuiz();
  assert.equal((await walk(page, { ...CALM, devices: 'A pacemaker' })).outcome, 'hands-only');
  await openTab(page, 'Timer');
  await host.locator('.mg-timer').waitFor();
  const routines = () => page.evaluate(() => [...document.querySelector('massage-guide').shadowRoot
    .querySelectorAll('input[name=mg-timer-routine]')].map((input) => input.closest('label')).map((card) => card.textContent.trim()));
  const offered = await routines();
  assert.ok(offered.length > 0 && offered.every((t) => !/massager/i.test(t)), `no massager routine (${offered.join(' | ')})`);
  assert.ok(offered.some((t) => /^Hands/.test(t)), `the Hands routine is offered (${offered.join(' | ')})`);
  assert.match(await host.locator('.mg-timer-picker').textContent(), /no shaking or electric massager until your implant team says it is safe/);
  await screenshot(page, 'timer-implant-390');
  // "Forget my answers" lifts it: every routine is offered again.
  await openTab(page, 'Safety check');
  await host.getByRole('button', { name: 'Forget my answers' }).first().click();
  await openTab(page, 'Timer');
  await page.waitForFunction(() => [...document.querySelector('massage-guide').shadowRoot
    .querySelectorAll('input[name=mg-timer-routine]')].map((input) => input.closest('label')).some((card) => /massager/i.test(card.textContent)), null, { timeout: 5000 });
  assert.equal(await host.getByText(/until your implant team says it is safe/).count(), 0, 'the note is gone');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- the result travels: the safety gate around the timer -----------------------------------

test('after "See a doctor today" the timer is held behind a banner until "I understand, show the routines anyway"', async () => {
  const { context, page, log, host } = await openQuiz({ locale: 'en-US' });
  assert.equal((await walk(page, { ...CALM, pain: 'It gets worse when you cough' })).outcome, 'see-doctor-today');
  await openTab(page, 'Timer');
  const banner = host.locator('.mg-gate');
  await banner.waitFor();
  assert.match(await banner.locator('h2').textContent(), /^Your safety check said: See a doctor today$/);
  assert.match(await banner.textContent(), /Call 911 now if you get any of these:Chest pain/);
  assert.equal(await banner.locator('.mg-gate-signs ul.mg-signs li').count(), 6, 'the signs are a bulleted list');
  assert.equal(await host.getByRole('button', { name: /^Start/ }).count(), 0, 'no way to start a routine yet');
  assert.equal(await host.locator('.mg-timer').count(), 0, 'the timer is not shown');
  await screenshot(page, 'gate-banner-390');
  await page.setViewportSize(DESKTOP);
  await screenshot(page, 'gate-banner-1280');
  await page.setViewportSize(PHONE);
  // "See my safety check" goes back to the result.
  await host.getByRole('button', { name: 'See my safety check' }).click();
  await waitForTab(page, 'Safety check');
  assert.equal((await screen(page)).outcome, 'see-doctor-today');
  await openTab(page, 'Timer');
  await host.getByRole('button', { name: 'I understand, show the routines anyway' }).click();
  await host.locator('.mg-timer').waitFor();
  assert.match(await host.locator('.mg-gate-reminder').textContent(), /Your safety check said: See a doctor today/);
  assert.ok(await host.getByRole('button', { name: /^Start/ }).count() > 0, 'the routines are offered now');
  await screenshot(page, 'gate-overridden-390');
  // A reload keeps the last result: the banner is back.
  await page.reload();
  await widgetsReady(page);
  await openTab(page, 'Timer');
  await host.locator('.mg-gate').waitFor();
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('without any check the timer shows a one-line nudge to the check and the emergency signs', async () => {
  const { context, page, log, host } = await openQuiz({ locale: 'en-GB', tab: false });
  await openTab(page, 'Timer');
  const nudge = host.locator('.mg-gate-nudge');
  await nudge.waitFor();
  assert.match(await nudge.textContent(), /New or unexplained back pain\? Take the 1-minute safety check first\./);
  assert.match(await nudge.textContent(), /Call 999 now if you get any of these:/);
  assert.equal(await nudge.locator('ul.mg-signs li').count(), 6);
  assert.ok(await host.getByRole('button', { name: /^Start/ }).count() > 0, 'the timer is usable');
  await screenshot(page, 'gate-nudge-390');
  await host.getByRole('button', { name: 'Take the safety check' }).click();
  await waitForTab(page, 'Safety check');
  assert.equal((await screen(page)).kind, 'intro');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('dark theme: a Yes / No / Not sure screen and the urgent result (screenshots)', async () => {
  const { context, page, log, host } = await openQuiz({ attributes: { theme: 'dark' } });
  await press(page, 'Start');
  await option(host, '16 to 19').check();
  await screenshot(page, 'quiz-question-age-dark-390');
  await press(page, 'Next');
  await answer(page, 'now', {});
  await press(page, 'Next');
  await answer(page, 'nerves', { 'Weakness in one or both legs': 'Not sure' });
  await screenshot(page, 'quiz-question-nerves-dark-390');
  await press(page, 'Next');
  const r = await resultScreen(page);
  assert.equal(r.outcome, 'urgent-now');
  await screenshot(page, 'quiz-outcome-urgent-now-dark-390');
  assert.deepEqual(log.problems(), []);
  await context.close();
});
