// Gate: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation in any state of the
// widget (tests/e2e/states.mjs), at 320x640, 390x844 and 1280x800, in light and dark.
// axe looks into the open shadow root. A state whose view is a placeholder fails the journey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchChromium, serve, watch, screenshot, ROOT } from './harness.mjs';
import { JOURNEYS, VIEWPORTS, SCHEMES, openWidget, runJourney } from './states.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser, server;
before(async () => { browser = await launchChromium(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.flat().join(' >> '), summary: n.failureSummary.replace(/\s+/g, ' ').slice(0, 240) })),
      count: v.nodes.length,
    }));
  }, TAGS);
}

for (const journey of JOURNEYS) {
  test(`axe, WCAG 2.2 A/AA: ${journey.name}`, { timeout: 300_000 }, async (t) => {
    const page = await browser.newPage({ viewport: VIEWPORTS[1] });
    const log = watch(page);
    const failures = [];
    try {
      const w = await openWidget(page, server.origin, journey);
      const visited = await runJourney(t, journey, w, async (state) => {
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          for (const colorScheme of SCHEMES) {
            await page.emulateMedia({ colorScheme });
            for (const v of await axe(page)) failures.push({ state, viewport: `${viewport.width}x${viewport.height}`, colorScheme, ...v });
            if (viewport.width === 320 || (viewport.width === 1280 && colorScheme === 'dark')) {
              await screenshot(page, `a11y-${state}-${viewport.width}-${colorScheme}`);
            }
          }
        }
        await page.emulateMedia({ colorScheme: 'light' });
      });
      if (visited.length) t.diagnostic(`checked: ${visited.join(', ')}`);
      const report = failures.map((f) => `${f.state} @ ${f.viewport} ${f.colorScheme}: [${f.impact}] ${f.id}: ${f.help} (${f.count} node(s))\n`
        + f.nodes.map((n) => `    ${n.target}\n      ${n.summary}`).join('\n')).join('\n');
      assert.equal(failures.length, 0, `axe violations:\n${report}`);
      assert.deepEqual(log.problems(), [], 'no page errors');
    } finally {
      await page.close();
    }
  });
}
