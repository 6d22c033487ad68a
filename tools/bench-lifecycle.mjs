// Lifecycle benchmark (issue 12): creates and removes many <massage-guide> elements, as a
// framework that re-renders does, and prints how DOM nodes, event listeners and the JS heap grow.
// Each element is created with start="quiz", so the Yew app really mounts before it is removed.
//
//   node tools/bench-lifecycle.mjs [--count 500]      (after tools/build.sh; honours MG_DIST)
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

await churn(20); // warm up: the wasm instance, the shared stylesheets
const rows = [['after warm-up', await counters()]];
const step = Math.max(1, Math.floor(count / 5));
for (let done = 0; done < count; done += step) {
  await churn(step);
  rows.push([`${done + step} elements created and removed`, await counters()]);
}
await reinsert(1);
const beforeReinsert = await counters();
rows.push(['app mounted in the page\'s own element', beforeReinsert]);
await reinsert(100);
rows.push(['+ that element removed and re-inserted 100 times', await counters()]);

const [, base] = rows[0];
console.log('| state | DOM nodes | listeners | JS heap KiB |\n|---|---:|---:|---:|');
for (const [name, c] of rows) {
  console.log(`| ${name} | ${c.nodes} (${c.nodes - base.nodes >= 0 ? '+' : ''}${c.nodes - base.nodes}) | ${c.listeners} (${c.listeners - base.listeners >= 0 ? '+' : ''}${c.listeners - base.listeners}) | ${c.heapKiB} (${c.heapKiB - base.heapKiB >= 0 ? '+' : ''}${c.heapKiB - base.heapKiB}) |`);
}
const last = rows[rows.length - 3][1]; // after the last churn
console.log(`\nper element: ${((last.nodes - base.nodes) / count).toFixed(2)} nodes, ${((last.listeners - base.listeners) / count).toFixed(3)} listeners, ${((last.heapKiB - base.heapKiB) / count).toFixed(2)} KiB heap`);
await browser.close();
await server.close();
