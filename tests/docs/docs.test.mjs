// The README and docs/ tell the truth about the code beside them: figures that change with the
// code (sizes) are generated blocks equal to the build under test; no other size figure is
// written by hand in the README; every relative link and anchor resolves inside the repository
// and nothing points outside it; the README keeps the shop-facing part first and short, with the
// two commands. Needs a release build in dist/ (or MG_DIST).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { ROOT, docFiles, currentBodies, fill, blockNames } from '../../tools/figures.mjs';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const MARKDOWN = [...docFiles(), join(ROOT, 'ARCHITECTURE.md'), join(ROOT, 'CHANGELOG.md')];
const name = (file) => relative(ROOT, file);

test('generated figures: every block in README.md and docs/ matches the build under test', () => {
  const bodies = currentBodies();
  const seen = new Set();
  for (const file of docFiles()) {
    const text = readFileSync(file, 'utf8');
    blockNames(text).forEach((n) => seen.add(n));
    assert.equal(text, fill(text, bodies), `${name(file)}: generated figures are stale; run tools/build.sh (or node tools/figures.mjs --write) and commit`);
  }
  assert.deepEqual([...seen].sort(), Object.keys(bodies).sort(), 'every generated block is placed somewhere');
  assert.match(bodies['sizes-short'], /massage-guide\.js` \(\*\*\d+\.\d KiB\*\* brotli/);
});

test('README: no hand-written size or percentage outside the generated blocks', () => {
  const handWritten = README.replace(/<!-- figures:([a-z-]+)[^>]*-->[\s\S]*?<!-- \/figures:\1 -->/g, '')
    .replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, ''); // code (e.g. `html { font-size: 62.5% }`) is not a figure
  const figures = handWritten.match(/\b\d[\d,.]*\s*(?:KiB|KB|MiB|MB|kB|bytes|B\b|%)/g) || [];
  assert.deepEqual(figures, [], 'sizes and percentages in the README come from tools/figures.mjs');
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
function anchors(text) {
  const seen = new Map();
  const out = new Set();
  for (const [, heading] of text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading);
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

test('links: every relative link and anchor resolves inside the repository; nothing points outside it', () => {
  const problems = [];
  for (const file of MARKDOWN) {
    const text = readFileSync(file, 'utf8');
    if (/\.\.\/shared|\/work\//.test(text)) problems.push(`${name(file)}: names a path outside the repository`);
    const prose = text.replace(/```[\s\S]*?```/g, '');
    for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      const [path, anchor] = target.split('#');
      const dest = path ? resolve(dirname(file), path) : file;
      if (relative(ROOT, dest).startsWith('..')) { problems.push(`${name(file)}: ${target} leaves the repository`); continue; }
      if (!existsSync(dest)) { problems.push(`${name(file)}: ${target} does not exist`); continue; }
      if (anchor && statSync(dest).isFile() && !anchors(readFileSync(dest, 'utf8')).has(anchor)) {
        problems.push(`${name(file)}: ${target}: no heading with that anchor`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('README: the shop-facing part first and short, the two commands, the docs linked', () => {
  const sections = [...README.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  const at = (pattern) => sections.findIndex((s) => pattern.test(s));
  const order = [/^For shops/, /^Embedding API$/, /^Recipes$/, /^For developers: the two commands$/].map(at);
  assert.ok(order.every((i) => i >= 0), `README sections: ${sections.join(' | ')}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'shops, API, recipes, then developers');
  const lines = README.split('\n').length;
  assert.ok(lines <= 300, `README is ${lines} lines; build internals, measurements and history belong in docs/`);
  for (const command of ['tools/serve.sh', 'tools/test.sh']) {
    assert.ok(new RegExp(`^${command}\\s+# `, 'm').test(README), `README shows ${command} in the two-command block`);
    assert.ok(statSync(join(ROOT, command)).mode & 0o111, `${command} is executable`);
  }
  for (const doc of ['docs/building.md', 'docs/performance.md', 'docs/decisions.md']) assert.ok(README.includes(`](${doc})`), `README links ${doc}`);
});
