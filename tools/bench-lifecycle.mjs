// Lifecycle benchmark (issue 12): creates and removes many <massage-guide> elements, as a
// framework that re-renders does, and prints how DOM nodes, event listeners and the JS heap grow.
// Two cases: bare elements (article only, the app never opened; issue 19), then elements created
// with start="quiz", so the Yew app really mounts before it is removed.
//
//   node tools/bench-lifecycle.mjs [--count 500] [--bare]   (after tools/build.sh; honours MG_DIST;
//                                                          --bare: only the bare-element case)
//
// A benchmark, not a test: it prints figures (the target is "flat within noise").
import { launchChromium, serve } from '../tests/e2e/harness.mjs';

const count = Number(process.argv[process.argv.indexOf('--count') + 1]) || 500;
const browser = await launchChromium();
const server = await serve();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(server.origin + '/fixtures/plain-host.html');
await page.waitForFunction(() => document.querySelector('massage-guide').shadowRoot?.querySelector('.mg'));

async function counters() {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, heapKiB: Math.round(heap / 1024) };
}

// A churn of `n` fresh elements, each mounted (app included) and removed again.
async function churn(n) {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const element = document.createElement('massage-guide');
      element.setAttribute('start', 'quiz');
      document.body.append(element);
      while (!element.shadowRoot?.querySelector('[data-mg-app]')) await new Promise((r) => setTimeout(r, 0));
      element.remove();
      await Promise.resolve();
    }
  }, n);
}

// A churn of `n` bare elements (the article drawn, the app never opened), each replaced by the
// next a task later, as a re-rendering framework does.
async function churnBare(n) {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      const element = document.createElement('massage-guide');
      document.body.append(element);
      if (!element.shadowRoot?.querySelector('.mg-article')) throw new Error('the article was not drawn');
      await new Promise((r) => setTimeout(r, 0));
      element.remove();
    }
    await new Promise((r) => setTimeout(r, 0));
  }, n);
}

// The same element (app mounted) removed and inserted again `n` times, a task apart.
async function reinsert(n) {
  await page.evaluate(async (n) => {
    let element = document.getElementById('mg-reinserted');
    if (!element) {
      element = document.createElement('massage-guide');
      element.id = 'mg-reinserted';
      element.setAttribute('start', 'quiz');
      document.body.append(element);
    }
    while (!element.shadowRoot?.querySelector('[data-mg-app]')) await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < n; i++) {
      element.remove();
      await new Promise((r) => setTimeout(r, 0));
      document.body.append(element);
      while (!element.shadowRoot.querySelector('[data-mg-app]')) await new Promise((r) => setTimeout(r, 0));
    }
  }, n);
}

const signed = (x) => `${x >= 0 ? '+' : ''}${x}`;
function print(title, list, last) {
  const [, base] = list[0];
  console.log(`\n${title}\n\n| state | DOM nodes | listeners | JS heap KiB |\n|---|---:|---:|---:|`);
  for (const [name, c] of list) {
    console.log(`| ${name} | ${c.nodes} (${signed(c.nodes - base.nodes)}) | ${c.listeners} (${signed(c.listeners - base.listeners)}) | ${c.heapKiB} (${signed(c.heapKiB - base.heapKiB)}) |`);
  }
  const per = (key) => (((last[key] - base[key]) / count) * 100).toFixed(1);
  console.log(`\nper 100 elements: ${per('nodes')} nodes, ${per('listeners')} listeners, ${per('heapKiB')} KiB heap`);
}
const step = Math.max(1, Math.floor(count / 5));
await churnBare(20); // warm up: the shared stylesheet, the automatic load
const bareRows = [['after warm-up (bare elements)', await counters()]];
for (let done = 0; done < count; done += step) {
  await churnBare(step);
  bareRows.push([`${done + step} bare elements created and removed`, await counters()]);
}

print('Bare elements (article only, the app never opened):', bareRows, bareRows[bareRows.length - 1][1]);
if (process.argv.includes('--bare')) {
  await browser.close();
  await server.close();
  process.exit(0);
}

await churn(20); // warm up: the wasm instance, the shared stylesheets
const rows = [['after warm-up', await counters()]];
for (let done = 0; done < count; done += step) {
  await churn(step);
  rows.push([`${done + step} elements created and removed`, await counters()]);
}
await reinsert(1);
const beforeReinsert = await counters();
rows.push(['app mounted in the page\'s own element', beforeReinsert]);
await reinsert(100);
rows.push(['+ that element removed and re-inserted 100 times', await counters()]);

print('Elements with the app mounted (start="quiz"):', rows, rows[rows.length - 3][1]); // after the last churn
await browser.close();
await server.close();
