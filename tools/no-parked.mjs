// No parked tests: a test that is skipped, marked todo or run alone is a test that no longer
// guards anything, while the suite stays green. This wraps each test runner that
// tools/test.sh calls and fails the step when the runner reports one, even if every test ran
// green (node --test counts a todo as a pass).
//
//   node tools/no-parked.mjs static               # grep the test sources for parked declarations
//   node tools/no-parked.mjs node --test [args]   # node's test runner: fails on "# todo N" or
//                                                 # "# skipped N" (N > 0) in its TAP summary
//   node tools/no-parked.mjs cargo test [args]    # cargo / wasm-bindgen-test: fails on "N ignored"
//
// The runner's own output goes to the terminal unchanged (node: the spec reporter); its exit
// code is kept when it fails. Exit 1 when it passed but parked something.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---- summaries of the runners' reports (pure; tested in tests/tooling/) ----------------------

/** Parked tests in node's TAP output: `{ todo, skipped, names }` from the final summary and directives. */
export function parkedInTap(tap) {
  const count = (word) => [...tap.matchAll(new RegExp(`^# ${word} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  const names = [...tap.matchAll(/^\s*(?:not )?ok \d+ - (.*?) # (TODO|SKIP)\b(.*)$/gm)]
    .map(([, name, kind, why]) => `${kind} ${name}${why.trim() ? `: ${why.trim()}` : ''}`);
  return { todo: count('todo'), skipped: count('skipped'), names };
}

/** Ignored tests in libtest-style output (cargo test, wasm-bindgen-test-runner). */
export function ignoredInCargo(output) {
  const ignored = [...output.matchAll(/^test result: .*?(\d+) ignored/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  const names = [...output.matchAll(/^test (\S+) \.\.\. ignored/gm)].map((m) => m[1]);
  return { ignored, names };
}

/**
 * Parked declarations in one source file: `test.only(`, `.skip(`, `.todo(`, a test declared
 * with `{ only | skip | todo: … }`, `--test-only`, and Rust's `#[ignore]`.
 */
export function parkedInSource(text, file) {
  const rules = file.endsWith('.rs')
    ? [/#\[\s*(?:cfg_attr\s*\(.*,\s*)?ignore\b/]
    : [
      /\.(?:only|skip|todo)\s*\(/,
      /\b(?:test|it|describe|suite|before|after)\s*\([^\n]*?[{,]\s*(?:only|skip|todo)\s*:/,
      /--test-only\b/,
    ];
  return text.split('\n').flatMap((line, i) => (rules.some((rule) => rule.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

// ---- the checks ---------------------------------------------------------------------------

const SOURCE_DIRS = ['tests', 'core', 'src', 'widget', 'prerender'];
const SKIP_DIRS = new Set(['node_modules', 'target', 'dist', 'artifacts', 'out', '.git']);
const EXTENSIONS = new Set(['.mjs', '.js', '.cjs', '.ts', '.tsx', '.rs']);

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (EXTENSIONS.has(extname(name))) yield path;
  }
}

function staticCheck() {
  const found = SOURCE_DIRS.flatMap((dir) => {
    try { statSync(join(ROOT, dir)); } catch { return []; }
    return [...sourceFiles(join(ROOT, dir))].flatMap((path) => parkedInSource(readFileSync(path, 'utf8'), relative(ROOT, path)));
  });
  if (found.length) {
    console.error(`PARKED TESTS: ${found.length} declaration(s) skip, todo, only or ignore a test:\n  ${found.join('\n  ')}`);
    return 1;
  }
  console.log(`no parked test declarations in ${SOURCE_DIRS.join('/, ')}/`);
  return 0;
}

/** Runs `command args` with stdout teed into a string; resolves { code, output }. */
function run(command, args, { captureStdout }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', captureStdout ? 'pipe' : 'inherit', 'inherit'] });
    let output = '';
    if (captureStdout) child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

async function nodeTest(args) {
  const dir = mkdtempSync(join(tmpdir(), 'mg-no-parked-'));
  const tapFile = join(dir, 'report.tap');
  const at = args.indexOf('--test') + 1;
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`];
  const { code } = await run(process.execPath, [...args.slice(0, at), ...reporters, ...args.slice(at)], { captureStdout: false });
  let tap = '';
  try { tap = readFileSync(tapFile, 'utf8'); } catch { /* the runner died before writing */ }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) return code;
  const { todo, skipped, names } = parkedInTap(tap);
  if (!/^# tests \d+$/m.test(tap)) {
    console.error('PARKED TESTS: node --test wrote no TAP summary; cannot tell whether anything was parked');
    return 1;
  }
  if (todo || skipped) {
    console.error(`PARKED TESTS: node --test reported ${todo} todo and ${skipped} skipped (a todo counts as a pass):\n  ${names.join('\n  ')}`);
    return 1;
  }
  return 0;
}

async function cargoTest(command, args) {
  const { code, output } = await run(command, args, { captureStdout: true });
  if (code !== 0) return code;
  const { ignored, names } = ignoredInCargo(output);
  if (!/^test result: /m.test(output)) {
    console.error(`PARKED TESTS: ${command} printed no "test result:" line; cannot tell whether anything was ignored`);
    return 1;
  }
  if (ignored) {
    console.error(`PARKED TESTS: ${command} ${args.join(' ')} reported ${ignored} ignored:\n  ${names.join('\n  ') || '(run without --quiet for names)'}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  let code;
  if (command === 'static') code = staticCheck();
  else if (command === 'node' && args.includes('--test')) code = await nodeTest(args);
  else if (command === 'cargo' && args[0] === 'test') code = await cargoTest(command, args);
  else {
    console.error('usage: node tools/no-parked.mjs static | node --test [args] | cargo test [args]');
    code = 2;
  }
  process.exit(code);
}
