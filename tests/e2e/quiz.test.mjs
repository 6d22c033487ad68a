// The triage quiz in Chromium, driven the way a reader drives it: a path to every outcome
// by clicking (and one with the keyboard alone), answers surviving a reload, "Forget my
// answers", the `massage-guide:quiz-result` event, the links out of the result screen, and
// screenshots at 320 and 390 px of a question and of every outcome (tests/artifacts/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, watch, screenshot, widgetsReady } from './harness.mjs';

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { width: 390, height: 844 };
const SMALL = { width: 320, height: 640 };

/** The question on screen, recognised by its legend (content/quiz.toml prompts). */
const PROMPTS = {
  age: /How old are you/,
  emergency: /any of these with your back pain/,
  urgent: /Do you have any of these\?/,
  duration: /How long have you had/,
  onset: /How did it start/,
  severity: /How bad is the pain/,
  trend: /Over the last few days/,
  cautions: /Do any of these apply/,
};

const CALM = {
  age: '20 to 50', emergency: 'None of these', urgent: 'None of these', duration: 'Less than 4 weeks',
  onset: 'After lifting', severity: 'Mild', trend: 'Getting better', cautions: 'None of these',
};

/** One answer plan per outcome (question id → option label start), with the result title. */
const PATHS = [
  { outcome: 'emergency', title: /^Call 999 now$/, plan: { ...CALM, emergency: 'Chest pain' }, asked: 'age emergency' },
  { outcome: 'see-doctor-first', title: /^See a doctor first/, plan: { ...CALM, urgent: ['Weight loss without trying', 'Pain high up'] }, asked: 'age emergency urgent review' },
  { outcome: 'ask-a-doctor', title: /^Ask a doctor: this check is for 16 and over$/, plan: { ...CALM, age: 'Under 16', duration: 'More than 12 weeks' }, asked: 'age emergency urgent duration review' },
  { outcome: 'see-doctor-soon', title: /^Book a doctor's appointment$/, plan: { ...CALM, severity: 'Severe' } },
  { outcome: 'hold-off', title: /^Hold off on massage for now$/, plan: { ...CALM, onset: 'An injury in the last 3 days' } },
  { outcome: 'ask-first', title: /^Check with your doctor before massage$/, plan: { ...CALM, cautions: 'You are pregnant' } },
  { outcome: 'massage-with-exercise', title: /^Massage may help, alongside exercise$/, plan: { ...CALM, duration: 'More than 12 weeks' } },
  { outcome: 'massage-may-help', title: /^Gentle massage may help$/, plan: CALM, asked: 'age emergency urgent duration onset severity trend cautions review' },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens the standalone page with a phone viewport, sets the shop attributes, opens the Quiz tab. */
async function openQuiz({ viewport = PHONE, attributes = { 'emergency-number': '999', 'product-url': 'https://shop.example/p/classic' }, tab = true, init } = {}) {
  const context = await browser.newContext({ viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(server.origin + '/');
  await widgetsReady(page);
  await page.evaluate((attrs) => {
    const host = document.querySelector('massage-guide');
    for (const [name, value] of Object.entries(attrs)) host.setAttribute(name, value);
  }, attributes);
  const host = page.locator('massage-guide');
  if (tab) await openTab(page, 'Safety check');
  return { context, page, log, host };
}

async function openTab(page, name) {
  await page.locator('massage-guide').getByRole('tab', { name, exact: true }).click();
  await waitForTab(page, name);
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
    return { kind, legend, heading, outcome: result?.dataset.outcome ?? null, signature: kind + '|' + legend + '|' + heading };
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
  const name = new RegExp('^' + escape(label));
  return host.getByRole('radio', { name }).or(host.getByRole('checkbox', { name }));
}

/** Presses a button and waits for the next screen. */
async function press(page, name) {
  const before = (await screen(page)).signature;
  await page.locator('massage-guide').getByRole('button', { name, exact: true }).click();
  await waitForScreenChange(page, before);
}

/**
 * From the intro, answers with `plan` until a result shows; `onQuestion(id)` may take
 * screenshots. Returns the outcome id and the screens passed.
 */
async function walk(page, plan, { onQuestion } = {}) {
  const host = page.locator('massage-guide');
  await press(page, 'Start');
  const asked = [];
  for (let i = 0; i < 15; i++) {
    const now = await screen(page);
    if (now.kind === 'result') return { outcome: now.outcome, asked: asked.join(' '), heading: now.heading };
    if (now.kind === 'review') {
      asked.push('review');
      await press(page, 'See my result');
      continue;
    }
    assert.equal(now.kind, 'question', `unexpected screen ${now.signature}`);
    const id = questionId(now.legend);
    asked.push(id);
    assert.ok(plan[id], `the quiz asked "${id}", not in the plan`);
    for (const label of [].concat(plan[id])) {
      await option(host, label).check();
    }
    if (onQuestion) await onQuestion(id);
    await press(page, 'Next');
  }
  throw new Error(`no result after 15 screens: ${asked.join(' > ')}`);
}

/** Everything on the result screen a test checks. */
function resultScreen(page) {
  return page.evaluate(() => {
    const root = document.querySelector('massage-guide').shadowRoot;
    const result = root.querySelector('.mg-quiz-result');
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    return {
      outcome: result.dataset.outcome,
      heading: text(result.querySelector('h2')),
      also: [...result.querySelectorAll('.mg-quiz-also li')].map(text),
      headings: [...result.querySelectorAll('h3')].map(text),
      reasons: [...result.querySelectorAll('.mg-quiz-reasons li')].map(text),
      todo: [...result.querySelectorAll('.mg-quiz-todo li')].map(text),
      tel: result.querySelector('a[href^="tel:"]')?.getAttribute('href') ?? null,
      callText: result.querySelector('a[href^="tel:"]') ? text(result.querySelector('a[href^="tel:"]')) : null,
      sectionLinks: [...result.querySelectorAll('.mg-quiz-links a')].map((a) => a.getAttribute('href')),
      buttons: [...result.querySelectorAll('button')].map(text),
      product: result.querySelector('a[part=product-link]')?.getAttribute('href') ?? null,
      disclaimer: !!result.querySelector('.mg-quiz-disclaimer') && /not a diagnosis/.test(result.querySelector('.mg-quiz-disclaimer').textContent),
      focused: root.activeElement === result.querySelector('h2'),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

/** The storage line of the quiz, or null. */
function storedQuiz(page) {
  return page.evaluate(() => {
    const value = localStorage.getItem('massage-guide');
    return value ? (value.split('\n').find((line) => line.startsWith('quiz=')) ?? null) : null;
  });
}

// ---- every outcome ------------------------------------------------------------------

for (const path of PATHS) {
  test(`outcome ${path.outcome}: reached by clicking, with its result screen (320 and 390 px)`, async () => {
    const { context, page, log } = await openQuiz();
    const walked = await walk(page, path.plan);
    assert.equal(walked.outcome, path.outcome, `screens: ${walked.asked}`);
    if (path.asked) assert.equal(walked.asked, path.asked);
    const result = await resultScreen(page);
    assert.match(result.heading, path.title);
    assert.ok(result.focused, 'focus moves to the result heading');
    assert.ok(result.reasons.length > 0, 'the reasons are listed');
    assert.ok(result.todo.length > 0, 'what to do now is listed');
    assert.ok(result.disclaimer, 'the disclaimer is on the result screen');
    assert.ok(result.buttons.includes('Restart') && result.buttons.includes('Forget my answers'));

    const timer = result.buttons.filter((b) => /timer/i.test(b));
    if (path.outcome === 'emergency') {
      assert.equal(result.tel, 'tel:999', 'a tel: link to the number from the attribute');
      assert.equal(result.callText, 'Call 999');
      assert.ok(result.reasons.some((r) => /Chest pain/.test(r)), result.reasons.join('; '));
      assert.ok(result.todo.some((t) => /Call 999/.test(t)));
      assert.deepEqual(timer, [], 'no timer on Emergency');
      assert.equal(result.product, null, 'no product on Emergency');
      assert.deepEqual(result.sectionLinks, [], 'nothing else on Emergency');
      assert.deepEqual(result.headings, ['Why', 'What to do now']);
    } else {
      assert.equal(result.tel, null);
      assert.ok(result.sectionLinks.length > 0, 'links to the matching article sections');
    }
    if (path.outcome === 'massage-may-help' || path.outcome === 'massage-with-exercise') {
      assert.deepEqual(timer, ['Open the self-massage timer: Hands routine']);
    } else {
      assert.deepEqual(timer, [], `no timer on ${path.outcome}`);
      assert.ok(!result.also.some((t) => /massage may help/i.test(t)), `no "massage may help" next to cautious advice: ${result.also}`);
    }
    assert.equal(result.product, path.outcome === 'massage-may-help' ? 'https://shop.example/p/classic' : null);
    assert.ok(result.overflow <= 0, `no sideways scroll at 390 px (${result.overflow})`);

    await screenshot(page, `quiz-outcome-${path.outcome}-390`);
    await page.setViewportSize(SMALL);
    assert.ok((await resultScreen(page)).overflow <= 0, 'no sideways scroll at 320 px');
    await screenshot(page, `quiz-outcome-${path.outcome}-320`);
    assert.deepEqual(log.problems(), []);
    await context.close();
  });
}

// ---- questions ----------------------------------------------------------------------

test('a question screen: fieldset + legend with the step, big targets, focus on the legend', async () => {
  const { context, page, log, host } = await openQuiz();
  await screenshot(page, 'quiz-intro-390');
  const intro = await page.evaluate(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz').textContent);
  assert.match(intro, /not a diagnosis/, 'the disclaimer is on the intro');
  assert.match(intro, /call 999/, 'the intro gives the emergency number');
  await press(page, 'Start');
  await option(host, '20 to 50').check();
  await press(page, 'Next');

  const info = await page.evaluate(() => {
    const root = document.querySelector('massage-guide').shadowRoot;
    const fieldset = root.querySelector('.mg-quiz fieldset');
    const legend = fieldset.querySelector('legend');
    const boxes = [...fieldset.querySelectorAll('label')].map((l) => l.getBoundingClientRect());
    const buttons = [...root.querySelectorAll('.mg-quiz button')].map((b) => b.getBoundingClientRect());
    return {
      legend: legend.textContent.replace(/\s+/g, ' ').trim(),
      focused: root.activeElement === legend,
      inputs: [...fieldset.querySelectorAll('input')].map((i) => i.type),
      minLabel: Math.min(...boxes.map((b) => b.height)),
      minButton: Math.min(...buttons.map((b) => Math.min(b.height, b.width))),
      // Every label wraps its input (the whole row is the target).
      wrapped: [...fieldset.querySelectorAll('input')].every((i) => i.closest('label')),
    };
  });
  assert.match(info.legend, /^Step 2 of 8: Do you have any of these with your back pain\?$/);
  assert.ok(info.focused, 'focus is on the new legend');
  assert.deepEqual([...new Set(info.inputs)], ['checkbox']);
  assert.ok(info.wrapped);
  assert.ok(info.minLabel >= 44, `option rows are at least 44 px high (${info.minLabel})`);
  assert.ok(info.minButton >= 44, `buttons are at least 44 px (${info.minButton})`);
  await screenshot(page, 'quiz-question-emergency-390');

  // Next with nothing ticked: an inline message, not a silent disabled button.
  await host.getByRole('button', { name: 'Next', exact: true }).click();
  const alert = host.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /None of these/);
  assert.match((await screen(page)).legend, PROMPTS.emergency, 'still on the same question');
  await screenshot(page, 'quiz-question-error-390');

  // "None of these" clears the other ticks, and ticking a sign clears "None of these".
  await option(host, 'Chest pain').check();
  assert.equal(await alert.count(), 0, 'the message goes once something is chosen');
  await option(host, 'Numbness, tingling or weakness in both legs').check();
  await option(host, 'None of these').check();
  assert.equal(await option(host, 'Chest pain').isChecked(), false);
  assert.equal(await option(host, 'Numbness, tingling or weakness in both legs').isChecked(), false);
  await option(host, 'Chest pain').check();
  assert.equal(await option(host, 'None of these').isChecked(), false);
  await option(host, 'None of these').check();
  await press(page, 'Next');

  // The long list of urgent signs at both widths.
  assert.match((await screen(page)).legend, /^Step 3 of 8/);
  await screenshot(page, 'quiz-question-urgent-390');
  await page.setViewportSize(SMALL);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 320 px (${overflow})`);
  await screenshot(page, 'quiz-question-urgent-320');

  // Radios on single-choice questions; Back keeps the answers.
  await option(host, 'None of these').check();
  await press(page, 'Next');
  assert.deepEqual(await page.evaluate(() => [...new Set([...document.querySelector('massage-guide').shadowRoot
    .querySelectorAll('.mg-quiz fieldset input')].map((i) => i.type))]), ['radio']);
  await option(host, 'More than 12 weeks').check();
  await screenshot(page, 'quiz-question-duration-320');
  await press(page, 'Back');
  assert.equal(await option(host, 'None of these').isChecked(), true, 'Back keeps the answer');
  await press(page, 'Back');
  assert.equal(await option(host, 'None of these').isChecked(), true);
  await press(page, 'Next');
  await press(page, 'Next');
  assert.equal(await option(host, 'More than 12 weeks').isChecked(), true, 'answers ahead are kept too');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('"Check your answers": a change button per answer, back to the review after changing', async () => {
  const { context, page, log, host } = await openQuiz();
  const plan = { ...CALM };
  await press(page, 'Start');
  for (let i = 0; i < 8; i++) {
    const id = questionId((await screen(page)).legend);
    await option(host, plan[id]).check();
    await press(page, 'Next');
  }
  const review = await screen(page);
  assert.equal(review.kind, 'review');
  assert.equal(review.heading, 'Check your answers');
  const changes = host.getByRole('button', { name: /^Change your answer to/ });
  assert.equal(await changes.count(), 8);
  await screenshot(page, 'quiz-review-390');
  await page.setViewportSize(SMALL);
  await screenshot(page, 'quiz-review-320');

  // Change "How bad" to Severe: back on that question, then straight back to the review.
  await press(page, 'Change your answer to \u201cHow bad\u201d');
  assert.match((await screen(page)).legend, PROMPTS.severity);
  assert.equal(await option(host, 'Mild').isChecked(), true);
  await option(host, 'Severe').check();
  await press(page, 'Next');
  assert.equal((await screen(page)).kind, 'review');
  assert.match(await page.evaluate(() => document.querySelector('massage-guide').shadowRoot.querySelector('.mg-quiz-review-list').textContent), /Severe/);
  await press(page, 'See my result');
  assert.equal((await screen(page)).outcome, 'see-doctor-soon');
  // "Change your answers" from the result goes back to the review.
  await press(page, 'Change your answers');
  assert.equal((await screen(page)).kind, 'review');
  await press(page, 'Restart');
  assert.equal((await screen(page)).kind, 'intro');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- keyboard only -------------------------------------------------------------------

/** Presses Tab or Shift+Tab (an arrow key inside a radio group) until `locator` has focus. */
async function tabTo(page, locator) {
  await locator.evaluate((el) => el.setAttribute('data-kb-target', ''));
  try {
    for (let i = 0; i < 80; i++) {
      const at = await page.evaluate(() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        const target = document.querySelector('massage-guide').shadowRoot.querySelector('[data-kb-target]');
        const inside = !!el && !!target && el.getRootNode() === target.getRootNode();
        return {
          on: el === target,
          group: inside && el.type === 'radio' && target.type === 'radio' && el.name === target.name,
          // The target comes before the focused element: go backwards.
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

test('keyboard only: Tab, arrow keys, Space and Enter lead to "Book a doctor\'s appointment"', async () => {
  const { context, page, log, host } = await openQuiz({ tab: false });
  // Reach the tab bar with Tab, move to the Quiz tab with the arrow keys.
  await tabTo(page, host.getByRole('tab', { name: 'Article' }));
  await page.keyboard.press('ArrowRight');
  await waitForTab(page, 'Safety check');
  await tabTo(page, host.getByRole('button', { name: 'Start' }));
  let before = (await screen(page)).signature;
  await page.keyboard.press('Enter');
  await waitForScreenChange(page, before);

  const plan = { ...CALM, severity: 'Severe' };
  const seen = [];
  for (let i = 0; i < 12; i++) {
    const now = await screen(page);
    if (now.kind === 'result') break;
    const next = host.getByRole('button', { name: now.kind === 'review' ? 'See my result' : 'Next', exact: true });
    if (now.kind === 'question') {
      const id = questionId(now.legend);
      seen.push(id);
      // Focus starts on the legend, which names the step.
      const focused = await page.evaluate(() => document.querySelector('massage-guide').shadowRoot.activeElement?.tagName);
      assert.equal(focused, 'LEGEND', `focus on the legend of ${id}`);
      if (i === 0) {
        // Enter on Next with nothing chosen: the message, and nothing moves.
        await tabTo(page, next);
        await page.keyboard.press('Enter');
        await host.getByRole('alert').waitFor();
        assert.equal((await screen(page)).signature, now.signature);
      }
      const input = option(host, plan[id]);
      await tabTo(page, input);
      if (!(await input.isChecked())) await page.keyboard.press('Space');
      assert.equal(await input.isChecked(), true, `${plan[id]} chosen with the keyboard`);
    } else {
      seen.push(now.kind);
    }
    await tabTo(page, next);
    before = now.signature;
    await page.keyboard.press('Enter');
    await waitForScreenChange(page, before);
  }
  const result = await resultScreen(page);
  assert.equal(result.outcome, 'see-doctor-soon', seen.join(' > '));
  assert.ok(result.focused, 'focus on the result heading');
  // Enter on a section link shows the article there.
  await tabTo(page, host.getByRole('link', { name: 'Types of Lower Back Pain' }));
  await page.keyboard.press('Enter');
  await waitForTab(page, 'Article');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- persistence -------------------------------------------------------------------

test('a reload mid-quiz keeps the answers and the screen; Forget my answers clears them', async () => {
  const { context, page, log, host } = await openQuiz();
  await press(page, 'Start');
  await option(host, 'Over 50').check();
  await press(page, 'Next');
  await option(host, 'None of these').check();
  await press(page, 'Next');
  await option(host, 'You have had cancer').check();
  assert.match(await storedQuiz(page), /^quiz=q1:/);

  await page.reload();
  await widgetsReady(page);
  await openTab(page, 'Safety check');
  const now = await screen(page);
  assert.match(now.legend, PROMPTS.urgent, 'back on the same question');
  assert.equal(await option(host, 'You have had cancer').isChecked(), true, 'the tick survived');
  await press(page, 'Back');
  assert.equal(await option(host, 'None of these').isChecked(), true);
  await press(page, 'Back');
  assert.equal(await option(host, 'Over 50').isChecked(), true);

  // Forget: storage and state cleared, back on the intro with a confirmation.
  await press(page, 'Forget my answers');
  assert.equal(await storedQuiz(page), null, 'no quiz line left in storage');
  assert.equal((await screen(page)).kind, 'intro');
  assert.match(await host.getByRole('status').textContent(), /forgotten/);
  await page.reload();
  await widgetsReady(page);
  await openTab(page, 'Safety check');
  assert.equal((await screen(page)).kind, 'intro');
  await press(page, 'Start');
  assert.equal(await option(host, 'Over 50').isChecked(), false, 'nothing restored after Forget');
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
  assert.equal(await storedQuiz(page), null);
  assert.deepEqual(log.problems(), []);
  await context.close();
});

// ---- the event and the links out ----------------------------------------------------

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
  const walked = await walk(page, { ...CALM, onset: 'An injury in the last 3 days' });
  assert.equal(walked.outcome, 'hold-off');
  assert.deepEqual(await page.evaluate(() => window.__results), [
    { at: 'host', detail: { outcome: 'hold-off' }, keys: ['outcome'] },
    { at: 'document', composed: true, bubbles: true },
  ]);
  // Leaving the result and coming back to the tab does not fire it again.
  await openTab(page, 'Article');
  await openTab(page, 'Safety check');
  assert.equal((await screen(page)).outcome, 'hold-off', 'the result is restored');
  assert.equal(await page.evaluate(() => window.__results.length), 2);
  // A new result after Restart fires again.
  await press(page, 'Restart');
  await walk(page, { ...CALM, emergency: 'Not sure' });
  assert.deepEqual(await page.evaluate(() => window.__results.filter((r) => r.at === 'host').map((r) => r.detail)),
    [{ outcome: 'hold-off' }, { outcome: 'emergency' }]);
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

  await openTab(page, 'Safety check');
  assert.equal((await screen(page)).outcome, 'massage-may-help', 'the result is still there');
  await host.getByRole('link', { name: 'How to Self-Massage for Lower Back Pain' }).click();
  await waitForTab(page, 'Article');
  await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot.activeElement?.id === 'self-massage', null, { timeout: 5000 });
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('without the timer section the result offers no timer button', async () => {
  const { context, page, log, host } = await openQuiz({ attributes: { sections: 'article quiz' } });
  assert.equal((await walk(page, { ...CALM, duration: 'More than 12 weeks' })).outcome, 'massage-with-exercise');
  assert.equal(await host.getByRole('button', { name: /timer/i }).count(), 0);
  assert.equal(await host.locator('a[part=product-link]').count(), 0, 'no product without a product-url');
  assert.deepEqual(log.problems(), []);
  await context.close();
});

test('dark theme: the Emergency and a question screen (screenshots)', async () => {
  const { context, page, log, host } = await openQuiz({ attributes: { 'emergency-number': '112', theme: 'dark' } });
  await press(page, 'Start');
  await option(host, '16 to 19').check();
  await screenshot(page, 'quiz-question-age-dark-390');
  await press(page, 'Next');
  await option(host, 'New trouble peeing').check();
  await press(page, 'Next');
  const result = await resultScreen(page);
  assert.equal(result.outcome, 'emergency');
  assert.equal(result.heading, 'Call 112 now');
  assert.equal(result.tel, 'tel:112');
  await screenshot(page, 'quiz-outcome-emergency-dark-390');
  await page.setViewportSize(SMALL);
  await screenshot(page, 'quiz-outcome-emergency-dark-320');
  assert.deepEqual(log.problems(), []);
  await context.close();
});
