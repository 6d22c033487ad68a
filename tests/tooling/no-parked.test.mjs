// tools/no-parked.mjs reads the runners' reports right: a todo, a skip, an ignored Rust test
// or a parked declaration is found; a clean report passes. The parked declarations below are
// assembled from pieces, so this file itself has none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parkedInTap, ignoredInCargo, parkedInSource } from '../../tools/no-parked.mjs';

const TOOL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tools', 'no-parked.mjs');
const [ONLY, SKIP, TODO] = ['only', 'skip', 'todo'];

test('TAP: the summary counts and the names of todo and skipped tests', () => {
  const tap = [
    'ok 1 - a', `not ok 2 - b # TODO KNOWN FAILURE`, '# Subtest: c', '    ok 1 - c1 # SKIP no engine', 'ok 3 - c',
    '1..3', '# tests 4', '# pass 2', '# skipped 1', '# todo 1',
  ].join('\n');
  assert.deepEqual(parkedInTap(tap), { todo: 1, skipped: 1, names: ['TODO b: KNOWN FAILURE', 'SKIP c1: no engine'] });
  assert.deepEqual(parkedInTap('ok 1 - a\n1..1\n# tests 1\n# skipped 0\n# todo 0\n'), { todo: 0, skipped: 0, names: [] });
});

test('cargo: "N ignored" summed over every test binary, with the ignored names', () => {
  const output = [
    'test rules::a ... ok', 'test rules::slow ... ignored',
    'test result: ok. 5 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s',
    'test result: ok. 3 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.00s',
  ].join('\n');
  assert.deepEqual(ignoredInCargo(output), { ignored: 3, names: ['rules::slow'] });
  assert.equal(ignoredInCargo('test result: ok. 5 passed; 0 failed; 0 ignored; 0 measured').ignored, 0);
});

test('sources: only/skip/todo calls and options, the test-only flag and Rust ignore attributes are found; look-alikes are not', () => {
  const js = [
    `test.${ONLY}('a', () => {});`,
    `test('b', { ${TODO}: 'KNOWN FAILURE' }, async () => {});`,
    `it('c', { timeout: 5, ${SKIP}: true }, () => {});`,
    `  t.${SKIP}('no engine');`,
    `node --test --test-${ONLY} tests/`,
  ];
  assert.equal(parkedInSource(js.join('\n'), 'x.test.mjs').length, js.length);
  const fine = [
    "const problems = await layoutProblems(page, { only: '.mg-tabs' });",
    'todo: [...result.querySelectorAll(\'li\')].map(text),',
    "test('Skip step skips', async () => {});",
  ];
  assert.deepEqual(parkedInSource(fine.join('\n'), 'x.test.mjs'), []);
  assert.equal(parkedInSource(`#[test]\n#[${'ignore'}]\nfn slow() {}`, 'core/tests/x.rs').length, 1);
  assert.deepEqual(parkedInSource('#[test]\nfn fast() {}', 'core/tests/x.rs'), []);
});

test('the wrapper fails a green node --test run that holds a todo, and passes a clean one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mg-parked-'));
  try {
    writeFileSync(join(dir, 'parked.test.mjs'), `import { test } from 'node:test';\ntest('a', () => {});\ntest('b', { ${TODO}: 'KNOWN FAILURE' }, () => { throw new Error('x'); });\n`);
    writeFileSync(join(dir, 'clean.test.mjs'), "import { test } from 'node:test';\ntest('a', () => {});\n");
    // Outside this runner's context (node --test inside a test file would not run files).
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const parked = spawnSync(process.execPath, [TOOL, 'node', '--test', join(dir, 'parked.test.mjs')], { encoding: 'utf8', env });
    assert.equal(parked.status, 1, parked.stdout + parked.stderr);
    assert.match(parked.stderr, /PARKED TESTS: node --test reported 1 todo and 0 skipped/);
    const clean = spawnSync(process.execPath, [TOOL, 'node', '--test', join(dir, 'clean.test.mjs')], { encoding: 'utf8', env });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
