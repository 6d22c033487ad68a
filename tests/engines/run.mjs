// The cross-engine smoke suite: the same flows (flows.mjs) in Chromium (Playwright), Firefox
// (puppeteer over WebDriver BiDi) and WebKit (W3C WebDriver + MiniBrowser), one engine after
// the other, then a summary table. Exits non-zero on any failure (nothing is skipped: a missing
// engine is a failure).
//
//   node tests/engines/run.mjs                  # all three engines
//   node tests/engines/run.mjs firefox webkit   # some of them
//   MG_DIST=/tmp/dist node tests/engines/run.mjs  # a build in another folder
//   MG_FLOWS=1,3 node tests/engines/run.mjs     # some flows (4, no errors, always runs)
//   MG_ENGINE_BUDGET_S=120                      # time allowed for one engine's flows
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, DIST } from '../e2e/harness.mjs';
import { runFlows, FLOWS, NO_ERRORS_TITLE } from './flows.mjs';
import { chromiumDriver } from './chromium.mjs';
import { firefoxDriver } from './firefox.mjs';
import { webkitDriver } from './webkit.mjs';

const DRIVERS = { chromium: () => chromiumDriver(), firefox: firefoxDriver, webkit: webkitDriver };
const START_BUDGET_MS = 60000; // launching the browser
const RUN_BUDGET_MS = 1000 * (Number(process.env.MG_ENGINE_BUDGET_S) || 120); // all flows of one engine

const engines = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(DRIVERS);
for (const engine of engines) {
  if (!DRIVERS[engine]) { console.error(`unknown engine "${engine}" (${Object.keys(DRIVERS).join(', ')})`); process.exit(2); }
}
const only = process.env.MG_FLOWS ? process.env.MG_FLOWS.split(',').map((s) => s.trim()) : null;
if (!existsSync(join(DIST, 'massage-guide.html'))) {
  console.error(`${DIST} has no massage-guide.html: run \`trunk build --release\` first (MG_DIST picks another folder)`);
  process.exit(2);
}

// Drivers still open if the run is interrupted: killed on the way out.
const open = new Set();
const killAll = () => { for (const d of open) { try { d.kill && d.kill(); } catch { /* gone */ } } };
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { killAll(); process.exit(130); });

function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Driver messages may hold newlines and terminal colours.
// eslint-disable-next-line no-control-regex -- the escape character of terminal colours
const oneLine = (text) => String(text || '').replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim();
const STATUS = { pass: 'pass', fail: 'FAIL' };
const line = (engine, row) => `  ${engine.padEnd(8)} ${row.flow} ${STATUS[row.status].padEnd(4)} ${String(row.ms).padStart(6)} ms  ${row.title}${row.note ? `: ${oneLine(row.note)}` : ''}`;

const server = await serve();
const urls = {
  singleFile: pathToFileURL(join(DIST, 'massage-guide.html')).href,
  hostPage: `${server.origin}/fixtures/two-widgets.html`,
};
console.log(`engines: ${engines.join(', ')}; dist: ${DIST}`);

const results = [];
try {
  for (const engine of engines) {
    const started = Date.now();
    const result = { engine, version: '?', rows: [], ms: 0 };
    results.push(result);
    let driver = null;
    let stopped = false;
    try {
      const starting = DRIVERS[engine]();
      // A driver that comes up after its budget ran out is closed at once.
      starting.then((late) => { if (stopped) late.close().catch(() => {}); }, () => {});
      driver = await within(starting, START_BUDGET_MS, `starting ${engine}`);
      open.add(driver);
      result.version = driver.version;
      console.log(`\n${engine}: ${driver.version}`);
      await within(runFlows(driver, urls, {
        only, rows: result.rows, stopped: () => stopped, log: (row) => console.log(line(engine, row)),
      }), RUN_BUDGET_MS, `the ${engine} flows`);
    } catch (error) {
      stopped = true;
      const row = { flow: '-', title: 'engine run', status: 'fail', ms: Date.now() - started, note: error.message };
      console.log(line(engine, row));
      result.rows.push(row);
    } finally {
      if (driver) {
        await within(driver.close(), 15000, `closing ${engine}`).catch((error) => console.log(`  ${error.message}; killing it`));
        try { driver.kill && driver.kill(); } catch { /* gone */ }
        open.delete(driver);
      }
      result.ms = Date.now() - started;
    }
  }
} finally {
  await server.close();
}

// Summary: one line per engine and flow.
const titles = Object.fromEntries([...FLOWS.map((f) => [f.id, f.title]), ['4', NO_ERRORS_TITLE], ['-', 'engine run']]);
const table = [['engine', 'version', 'flow', 'result', 'time', 'note']];
for (const { engine, version, rows, ms } of results) {
  rows.forEach((row, i) => table.push([
    i === 0 ? engine : '', i === 0 ? version : '', `${row.flow} ${titles[row.flow] || row.title}`,
    STATUS[row.status], `${(row.ms / 1000).toFixed(1)} s`, oneLine(row.note).slice(0, 200),
  ]));
  table.push(['', '', 'total', '', `${(ms / 1000).toFixed(1)} s`, '']);
}
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const format = (r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd();
console.log(`\n${format(table[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of table.slice(1)) console.log(format(r));

const failed = results.flatMap((r) => r.rows.filter((row) => row.status === 'fail').map((row) => `${r.engine} flow ${row.flow}`));
console.log(failed.length ? `\nFAILED: ${failed.join(', ')}` : '\nall engines passed');
process.exitCode = failed.length ? 1 : 0;
