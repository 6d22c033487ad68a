// The size budgets: the brotli -11 size of each shipped script must stay within its budget in
// size-budget.json. Two numbers per file:
//   limit         the product's budget (issue 11: first script 12 KiB, app script 100 KiB),
//                 reported as met or MISSED (the app misses it since Safety check v2 and Timer v2);
//   brotli_bytes  a ratchet: the measured size + 2 %, lowered when the size drops (--set).
// An entry with `parts` sums the files a reader downloads together (the glue script and the
// binary wasm of a same-origin http(s) page).
// The check fails above the ratchet (and above a limit the file once met: set `enforced`);
// it prints a reminder when a file shrank more than 5 % below the size its ratchet was set from.
//
//   node tools/size-budget.mjs          check (tools/test.sh runs this after the release build)
//   node tools/size-budget.mjs --set    set every ratchet to the measured size + 2 % (capped at the limit)
//
// Honours MG_DIST (another dist folder, as the e2e harness does).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizes, distFile } from './sizes.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.MG_DIST || join(ROOT, 'dist');
const BUDGET_FILE = join(ROOT, 'size-budget.json');
const HEADROOM = 1.02;

const config = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const describe = (bytes) => `${bytes} bytes (${kib(bytes)})`;
let failed = false;

// An entry is one file, or (with `parts`) what a reader downloads as several files: each
// part compressed on its own, as a server sends it.
const measure = (name, budget) => (budget.parts || [name])
  .reduce((sum, part) => sum + sizes(readFileSync(distFile(DIST, part))).brotli, 0);

for (const [file, budget] of Object.entries(config.files)) {
  const measured = measure(file, budget);
  if (process.argv.includes('--set')) {
    budget.brotli_bytes = Math.ceil(measured * HEADROOM);
    if (budget.enforced) budget.brotli_bytes = Math.min(budget.limit, budget.brotli_bytes);
    budget.set_from_bytes = measured;
    console.log(`ratchet set: ${file} brotli ${describe(budget.brotli_bytes)} (measured ${describe(measured)} + 2 %, limit ${describe(budget.limit)})`);
    continue;
  }
  const goal = budget.goal_bytes ? `; product goal ${describe(budget.goal_bytes)} (${measured <= budget.goal_bytes ? 'met' : `${kib(measured - budget.goal_bytes)} over`})` : '';
  const verdict = measured <= budget.limit ? 'met' : `MISSED by ${describe(measured - budget.limit)}`;
  console.log(`${file}, brotli -11: ${describe(measured)}; ratchet ${describe(budget.brotli_bytes)}; limit ${describe(budget.limit)} (${verdict})${goal}`);
  const ceiling = budget.enforced ? Math.min(budget.brotli_bytes, budget.limit) : budget.brotli_bytes;
  if (measured > ceiling) {
    failed = true;
    console.error(`SIZE BUDGET EXCEEDED: ${file} is ${describe(measured)}, over ${describe(ceiling)} by ${describe(measured - ceiling)}.\n`
      + 'Make it smaller (README "Performance"), or, if the growth is deliberate and within the limit, raise the ratchet in size-budget.json and say why in the commit.');
  } else if (measured < budget.set_from_bytes * 0.95) {
    console.log(`REMINDER: ${file} shrank more than 5 % (${describe(budget.set_from_bytes)} -> ${describe(measured)}). Lower the ratchet: node tools/size-budget.mjs --set`);
  }
}
if (process.argv.includes('--set')) writeFileSync(BUDGET_FILE, JSON.stringify(config, null, 2) + '\n');
process.exit(failed ? 1 : 0);
