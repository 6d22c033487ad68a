// The size budget (a ratchet): the brotli size of dist/massage-guide.js must not exceed the
// budget in size-budget.json. The budget is the measured size plus 5 %; when the size drops
// by more than 5 % below the size it was set from, this prints a reminder to lower it.
//
//   node tools/size-budget.mjs          check (tools/test.sh runs this after the release build)
//   node tools/size-budget.mjs --set    set the budget to the measured size + 5 % and save it
//
// Honours MG_DIST (another dist folder, as the e2e harness does).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizes } from './sizes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.MG_DIST || join(ROOT, 'dist');
const BUDGET_FILE = join(ROOT, 'size-budget.json');
const HEADROOM = 1.05;

const config = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
const file = join(DIST, config.file);
const measured = sizes(readFileSync(file)).brotli;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const describe = (bytes) => `${bytes} bytes (${kib(bytes)})`;

if (process.argv.includes('--set')) {
  config.brotli_bytes = Math.ceil(measured * HEADROOM);
  config.set_from_bytes = measured;
  writeFileSync(BUDGET_FILE, JSON.stringify(config, null, 2) + '\n');
  console.log(`size budget set: ${config.file} brotli ${describe(config.brotli_bytes)} (measured ${describe(measured)} + 5 %)`);
  process.exit(0);
}

const budget = config.brotli_bytes;
const goal = config.goal_bytes;
console.log(`${config.file}, brotli -11: ${describe(measured)}; budget ${describe(budget)}; product goal ${describe(goal)}`
  + ` (${measured <= goal ? 'met' : `${kib(measured - goal)} over`})`);

if (measured > budget) {
  console.error(`SIZE BUDGET EXCEEDED: ${config.file} is ${describe(measured)}, over the budget of ${describe(budget)} by ${describe(measured - budget)}.\n`
    + 'Make it smaller (see README "Performance"), or, if the growth is deliberate, raise the budget in size-budget.json and say why in the commit.');
  process.exit(1);
}

// The budget was set from `budget / 1.05`; a drop of more than 5 % below that means the
// ratchet should move down.
const setFrom = config.set_from_bytes || Math.round(budget / HEADROOM);
if (measured < setFrom * 0.95) {
  console.log(`REMINDER: ${config.file} shrank more than 5 % (${describe(setFrom)} -> ${describe(measured)}). `
    + `Lower the budget: node tools/size-budget.mjs --set (new budget ${describe(Math.ceil(measured * HEADROOM))}).`);
}
