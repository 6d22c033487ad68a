// The smoke flows, engine-neutral. Each flow talks to a driver with four methods:
//
//   goto(url)             navigate and wait for the load event
//   exec(fn, ...args)     run `fn(lib, ...args)` in the page (lib = page.mjs pageLib()), await
//                         its promise, return the JSON result
//   activate()            click (or tap, on a touch device) window.__mgtTarget with real input
//   problems()            every uncaught error, unhandled rejection, console.error and
//                         `massage-guide:` warning seen so far, as strings
//
// so the very same steps run under Playwright (Chromium, desktop and mobile), puppeteer over
// WebDriver BiDi (Firefox) and plain W3C WebDriver (WebKit). Controls are found by role and
// accessible name; the quiz and timer flows are written against PRODUCT.md sections 3-4 and
// fail if their tab shows a placeholder (`.mg-placeholder`) instead of the view.
import { optionLabel, outcomeOf, questionOf, itemLabelStart } from './content.mjs';
import { errorCollector, olderEngine } from './page.mjs';

export const ARTICLE_TITLE = 'Does Massage Help Lower Back Pain? What To Know';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls `fn` in the page until it returns something truthy. */
export async function waitFor(d, what, fn, args = [], { timeout = 15000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await d.exec(fn, ...args);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

/**
 * Finds a control by role and accessible name and clicks/taps it with real input (or, for
 * controls inside an iframe, which not every driver reaches, with a DOM click).
 */
export async function press(d, host, spec) {
  const found = await d.exec((lib, h, s) => lib.mark(h, s), host, spec);
  if (!found) {
    const seen = await d.exec((lib, h) => lib.controls(h, true).map((c) => `${c.role} "${c.name}"`), host);
    throw new Error(`no ${spec.role || 'control'} named /${spec.re}/ in ${host}; controls: ${seen.join(', ').slice(0, 500)}`);
  }
  check(!found.disabled, `${found.role} "${found.name}" is disabled`);
  if (host.includes(' >>> ')) await d.exec((lib) => lib.clickMarked());
  else await d.activate();
  return found;
}

/** Navigates, waits until the widget `host` has mounted its app, and returns its state. */
async function open(d, url, host) {
  await d.goto(url);
  return waitFor(d, `${host} to mount`, (lib, h) => lib.mounted(h), [host], { timeout: 20000 });
}

/** A fresh start on a served page: storage from an earlier flow or run would resume it. */
async function openFresh(d, url, host) {
  await d.goto(url);
  await d.exec(() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* no storage */ } return true; });
  return open(d, url, host);
}

async function selectTab(d, host, label) {
  await press(d, host, { role: 'tab', re: `^${label}$` });
  // Safety check and Timer load the app on first use: wait until it is mounted.
  return waitFor(d, `the ${label} tab`, (lib, h, l) => {
    const w = lib.mounted(h);
    return w && w.tab === l ? w : null;
  }, [host, label], { timeout: 20000 });
}

// ---------------------------------------------------------------------------------------
// 1. The single file from file://: the article in the shadow root, then the Quiz tab.

async function singleFile(d, ctx) {
  const host = 'massage-guide';
  const state = await open(d, ctx.urls.singleFile, host);
  check(state.tab === 'Article', `selected tab is ${state.tab}, expected Article`);
  check(state.h1 === ARTICLE_TITLE, `h1 is "${state.h1}"`);

  // Styles: a constructable stylesheet where supported, a <style> element where not
  // (older WebKit); either way they apply (touch-sized tabs).
  const features = await d.exec((lib) => lib.features());
  const styles = await d.exec((lib, h) => lib.styles(h), host);
  if (features.adoptedStyleSheets) check(styles.adopted >= 1, 'adoptedStyleSheets supported but none adopted');
  else check(styles.styleElements >= 1, 'no adoptedStyleSheets and no <style> fallback in the shadow root');
  check(styles.tabMinHeight === '44px', `widget CSS not applied (tab min-height ${styles.tabMinHeight})`);
  const overflow = await d.exec((lib) => lib.overflowX());
  check(overflow <= 1, `page scrolls sideways by ${overflow}px`);

  const quiz = await selectTab(d, host, 'Safety check');
  check(quiz.h1 !== ARTICLE_TITLE, 'the article is still shown after selecting Quiz');
  ctx.features = features;
  return `styles via ${styles.adopted ? 'adoptedStyleSheets' : '<style>'}`;
}

// ---------------------------------------------------------------------------------------
// 2. The quiz on a host page: to "Massage may help", Restart, then to Emergency.

// Answers by question id → option id (labels come from content/quiz.toml). A Yes / No / Not
// sure question takes { item id: 'Yes' | 'Not sure' }; every item not named is answered "No".
const MAY_HELP = {
  age: '20-to-44', nerves: {}, now: {}, unwell: 'none', history: {}, pain: 'none', duration: 'under-4-weeks',
  injury: 'no', severity: 'mild', trend: 'better', cautions: 'none', devices: 'none',
};
const EMERGENCY = { age: '20-to-44', nerves: {}, now: { 'chest-pain': 'Yes' } };

const FORWARD = { role: 'button', re: '^(start|next|continue|see|show|get|view|done|finish|submit|confirm|check)\\b|result', not: '^(back|restart|start (again|over)|forget|edit|change)' };
const RESTART = { role: 'button', re: '^(restart|start (again|over)|retake|take .*again|try again)' };

/** Walks the quiz in widget `host` with `answers` until an outcome heading shows. */
async function walkQuiz(d, host, answers, emergencyNumber) {
  const signature = (s) => JSON.stringify([s.headings, s.choices, s.buttons.map((b) => b.name)]);
  const path = [];
  for (let step = 0; step < 40; step++) {
    const screen = await d.exec((lib, h) => lib.screen(h), host);
    const outcome = screen.headings.map((t) => outcomeOf(t, emergencyNumber)).find(Boolean);
    if (outcome) return { outcome, path, screen };
    const names = [...screen.choices, ...screen.buttons].map((c) => c.name);
    const question = questionOf(names, screen.choices.map((c) => c.group || ''));
    let spec = null;
    if (question && question.items.length) {
      const plan = answers[question.id];
      check(plan, `the quiz asked "${question.id}", which this walk does not expect (answers so far: ${path.join(', ')})`);
      // The first sign whose wanted answer is not chosen yet.
      for (const item of question.items) {
        const start = itemLabelStart(item);
        const want = plan[item.id] || 'No';
        const radio = screen.choices.find((c) => (c.group || '').startsWith(start) && c.name === want);
        check(radio, `no "${want}" for "${start}" on screen for ${question.id}`);
        if (!radio.checked) {
          spec = { role: 'radio', re: `^${want}$`, group: `^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` };
          if (!path.includes(question.id)) path.push(question.id);
          break;
        }
      }
    } else if (question) {
      const optionId = answers[question.id];
      check(optionId, `the quiz asked "${question.id}", which this walk does not expect (answers so far: ${path.join(', ')})`);
      const label = optionLabel(question.id, optionId);
      const option = [...screen.choices, ...screen.buttons].find((c) => c.name.startsWith(label));
      check(option, `option "${label}" not on screen for ${question.id}`);
      if (!option.checked) {
        spec = { role: option.role, re: `^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` };
        if (!path.includes(question.id)) path.push(question.id);
      }
    }
    const before = signature(screen);
    if (!spec) {
      const forward = screen.buttons.find((b) => new RegExp(FORWARD.re, 'i').test(b.name) && !new RegExp(FORWARD.not, 'i').test(b.name));
      if (!forward || forward.disabled) {
        // A screen that moves on by itself after an answer (auto-advance) gets a moment.
        const moved = await waitFor(d, 'the quiz to move on', (lib, h, was) => {
          const s = lib.screen(h);
          return JSON.stringify([s.headings, s.choices, s.buttons.map((b) => b.name)]) !== was;
        }, [host, before], { timeout: 3000 }).catch(() => false);
        if (moved) continue;
      }
      const where = `screen "${(screen.headings.join(' / ') || screen.text).slice(0, 120)}"`;
      check(forward, `no way forward on ${where}: buttons ${screen.buttons.map((b) => b.name).join(', ')}`);
      check(!forward.disabled, `"${forward.name}" stays disabled on ${where} after answering`);
      spec = { role: 'button', re: `^${forward.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` };
    }
    await press(d, host, spec);
    await waitFor(d, 'the quiz to react', (lib, h, was) => {
      const s = lib.screen(h);
      return JSON.stringify([s.headings, s.choices, s.buttons.map((b) => b.name)]) !== was;
    }, [host, before], { timeout: 5000 });
  }
  throw new Error(`no outcome after 40 steps (answered ${path.join(', ')})`);
}

async function quiz(d, ctx) {
  const host = '#first';
  const emergencyNumber = '999'; // the fixture's emergency-number attribute
  await openFresh(d, ctx.urls.hostPage, host);
  await d.exec((lib, h) => lib.listen(h), host);
  const state = await selectTab(d, host, 'Safety check');
  check(!state.placeholder, 'the Safety check tab shows a placeholder, not the quiz');

  const first = await walkQuiz(d, host, MAY_HELP, emergencyNumber);
  check(first.outcome === 'massage-may-help', `expected "massage-may-help", got "${first.outcome}" (answered ${first.path.join(', ')})`);

  await press(d, host, RESTART);
  const second = await walkQuiz(d, host, EMERGENCY, emergencyNumber);
  check(second.outcome === 'emergency', `expected "emergency", got "${second.outcome}"`);
  check(second.screen.headings.some((t) => t.includes(emergencyNumber)), `the Emergency result does not show ${emergencyNumber}`);
  // PRODUCT.md 3: the Emergency result shows nothing else (no product, no timer).
  const timerLinks = second.screen.buttons.filter((b) => /timer|self-massage/i.test(b.name));
  check(timerLinks.length === 0, `the Emergency result offers "${timerLinks.map((b) => b.name).join('", "')}"`);

  const events = (await d.exec((lib) => lib.events())).filter((e) => e.type === 'massage-guide:quiz-result');
  if (events.length) {
    check(JSON.stringify(events.map((e) => e.detail && e.detail.outcome)) === JSON.stringify(['massage-may-help', 'emergency']),
      `quiz-result events: ${JSON.stringify(events.map((e) => e.detail))}`);
    return 'may-help → restart → emergency; quiz-result events ok';
  }
  return 'may-help → restart → emergency (no quiz-result event yet)';
}

// ---------------------------------------------------------------------------------------
// 3. The timer on a host page: start, pause, resume; the remaining time moves.

/** Remaining seconds shown by the widget's [role=timer] (the largest m:ss it shows). */
function remainingOf(screen) {
  const values = [];
  for (const text of screen.timers) {
    for (const m of text.matchAll(/(?:(\d+):)?(\d+):(\d{2})/g)) values.push((+(m[1] || 0)) * 3600 + (+m[2]) * 60 + (+m[3]));
  }
  return values.length ? Math.max(...values) : null;
}

async function readRemaining(d, host) {
  const screen = await d.exec((lib, h) => lib.screen(h), host);
  return { remaining: remainingOf(screen), screen };
}

async function waitRemaining(d, host, what, predicate, timeout) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await readRemaining(d, host);
    if (last.remaining != null && predicate(last.remaining)) return last.remaining;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; [role=timer] shows ${JSON.stringify(last.screen.timers)}`);
    }
    await sleep(200);
  }
}

async function timer(d, ctx) {
  const host = '#second'; // start="timer" in the fixture
  const state = await openFresh(d, ctx.urls.hostPage, host);
  await d.exec((lib, h) => lib.listen(h), host);
  check(state.tab === 'Timer', `start="timer" not honoured: tab ${state.tab}`);
  check(!state.placeholder, 'the Timer tab shows a placeholder, not the timer');
  const features = ctx.features || await d.exec((lib) => lib.features());

  const { first, moving } = await startTimer(d, host);

  await press(d, host, { role: 'button', re: '^pause\\b' });
  const resume = { role: 'button', re: '^(resume|continue|play)\\b' };
  await waitFor(d, 'a Resume button', (lib, h, s) => !!lib.controls(h).find((c) => new RegExp(s.re, 'i').test(c.name)), [host, resume], { timeout: 5000 });
  const paused = (await readRemaining(d, host)).remaining;
  check(paused != null && paused <= moving, `remaining ${paused}s after pausing (was ${moving}s)`);
  await sleep(2300);
  const stillPaused = (await readRemaining(d, host)).remaining;
  check(stillPaused === paused, `remaining moved while paused: ${paused}s → ${stillPaused}s`);

  await press(d, host, resume);
  const resumed = await waitRemaining(d, host, 'the remaining time to move again after Resume', (r) => r < paused, 5000);

  const notes = await degradedTimer(d, host, features);
  return `${first}s → ${moving}s, paused ${paused}s, resumed ${resumed}s${notes.length ? '; ' + notes.join('; ') : ''}`;
}

/** Picks the Hands routine, presses Start and waits until the remaining time counts down. */
async function startTimer(d, host) {
  // Pick the Hands routine (no device needed) if the picker offers it unselected.
  const picker = (await d.exec((lib, h) => lib.screen(h), host)).choices.find((c) => /^hands\b/i.test(c.name));
  if (picker && !picker.checked) await press(d, host, { role: picker.role, re: '^hands\\b' });
  await press(d, host, { role: 'button', re: '^start\\b', not: 'again|over' });
  const first = await waitRemaining(d, host, 'the remaining time to show', () => true, 8000);
  const moving = await waitRemaining(d, host, 'the remaining time to count down (after 3-2-1)', (r) => r < first, 9000);
  return { first, moving };
}

/**
 * Degraded paths of a running timer (PRODUCT.md 4): no vibration toggle where vibration is
 * missing; a note where the screen cannot be kept awake. Returns notes for the report.
 */
async function degradedTimer(d, host, features) {
  const notes = [];
  if (!features.vibrate) {
    const controls = await d.exec((lib, h) => lib.controls(h), host);
    const toggle = controls.find((c) => /vibrat/i.test(c.name) && !c.disabled);
    check(!toggle, `vibration is unsupported but "${toggle && toggle.name}" is offered`);
    notes.push('no vibration: no toggle');
  }
  if (!features.wakeLock) {
    const { screen } = await readRemaining(d, host);
    check(/\b(screen|awake)\b/i.test(screen.text), 'no Wake Lock API and no note about the screen staying awake');
    notes.push('no Wake Lock: note shown');
  }
  return notes;
}

// ---------------------------------------------------------------------------------------
// 1b. An older engine, simulated in a same-origin iframe on the host page: no constructable
// stylesheets / adoptedStyleSheets (Safari < 16.4), no Wake Lock, no vibration. PRODUCT.md:
// the styles come through a <style> element, the widget works, nothing throws.

const FRAME = 'iframe#mgt-older-engine';
const OLDER_ENGINE_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><script>(${errorCollector})();(${olderEngine})();</script>` +
  '</head><body><massage-guide start="timer"></massage-guide><script src="/massage-guide.js"></script></body></html>';

async function olderEngineFlow(d, ctx) {
  const host = `${FRAME} >>> massage-guide`;
  await d.goto(ctx.urls.hostPage);
  await d.exec((lib, html) => {
    try { localStorage.clear(); } catch (e) { /* no storage */ }
    const frame = document.createElement('iframe');
    frame.id = 'mgt-older-engine';
    frame.title = 'older engine';
    frame.style.cssText = 'display:block;width:360px;height:640px;border:0';
    frame.srcdoc = html;
    document.body.insertBefore(frame, document.body.firstChild);
    window.scrollTo(0, 0);
    return true;
  }, OLDER_ENGINE_PAGE);
  const frameErrors = () => d.exec((lib, f) => document.querySelector(f).contentWindow.__mgtErrors || ['(no collector in the frame)'], FRAME);
  try {
    return await olderEngineChecks(d, host);
  } catch (error) {
    const errors = await frameErrors().catch(() => []);
    if (errors.length) error.message += `; errors in the frame: ${errors.join(' | ')}`;
    throw error;
  } finally {
    const errors = await frameErrors().catch((e) => [`could not read: ${e.message}`]);
    check(errors.length === 0, `errors in the older engine: ${errors.join(' | ')}`);
  }
}

async function olderEngineChecks(d, host) {
  const state = await waitFor(d, 'the widget in the older-engine frame to mount', (lib, h) => lib.mounted(h), [host], { timeout: 20000 });
  const features = await d.exec((lib, f) => lib.features(f), FRAME);
  check(!features.adoptedStyleSheets && !features.wakeLock && !features.vibrate, `simulation incomplete: ${JSON.stringify(features)}`);
  const styles = await d.exec((lib, h) => lib.styles(h), host);
  check(styles.styleElements >= 1, 'no <style> fallback in the shadow root');
  check(styles.tabMinHeight === '44px', `widget CSS not applied through <style> (tab min-height ${styles.tabMinHeight})`);
  check(state.tab === 'Timer', `start="timer" not honoured: tab ${state.tab}`);
  check(!state.placeholder, 'the Timer tab shows a placeholder, not the timer');
  const notes = ['<style> fallback applied'];
  await startTimer(d, host);
  notes.push(...await degradedTimer(d, host, features));
  return notes.join('; ');
}

export const FLOWS = [
  { id: '1', title: 'single file (file://): article, Quiz tab', run: singleFile },
  { id: '1b', title: 'simulated older engine: <style>, no Wake Lock/vibration', run: olderEngineFlow },
  { id: '2', title: 'host page: quiz to may-help and Emergency', run: quiz },
  { id: '3', title: 'host page: timer start/pause/resume', run: timer },
];
export const NO_ERRORS_TITLE = 'no uncaught error, rejection, console error';

/**
 * Runs every flow on driver `d`; appends rows {flow, title, status, ms, note} to `rows` as
 * they finish and returns it. The last row (flow 4) fails if the driver saw any error during
 * the run. Once `stopped()` is true (the caller gave up), nothing more is reported.
 */
export async function runFlows(d, urls, { only = null, log = () => {}, rows = [], stopped = () => false } = {}) {
  const ctx = { urls };
  for (const flow of FLOWS) {
    if (only && !only.includes(flow.id)) continue;
    if (stopped()) return rows;
    const started = Date.now();
    const row = { flow: flow.id, title: flow.title, status: 'pass', note: '' };
    try {
      row.note = (await flow.run(d, ctx)) || '';
    } catch (error) {
      row.status = 'fail';
      row.note = String(error && error.message || error);
    }
    row.ms = Date.now() - started;
    if (stopped()) return rows;
    log(row);
    rows.push(row);
  }
  if (stopped()) return rows;
  const started = Date.now();
  let problems;
  // Let late errors (timers, rejections, driver events in flight) arrive before reading.
  await sleep(500);
  await d.exec(() => true).catch(() => {});
  try { problems = await d.problems(); } catch (error) { problems = [`could not read errors: ${error.message}`]; }
  if (stopped()) return rows;
  rows.push({
    flow: '4', title: NO_ERRORS_TITLE, status: problems.length ? 'fail' : 'pass',
    note: problems.length ? problems.join(' | ') : '', ms: Date.now() - started,
  });
  log(rows.at(-1));
  return rows;
}
