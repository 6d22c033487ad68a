// The npm package folder dist/package/ (written by tools/package.mjs after the release build):
// its package.json, what `npm pack` puts in the tarball, the Custom Elements Manifest against the
// README tables and against its schema, and the TypeScript types compiled with `tsc --noEmit`
// on usage files (tests/types/) against the packed tarball, with React and without it.
// Run: node --test tests/package/   (needs `trunk build --release && node tools/package.mjs`)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, mkdirSync, rmSync, cpSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TAG, cargoVersion, builtScripts, readApi } from '../../tools/package.mjs';

const DIST = process.env.MG_DIST || join(ROOT, 'dist');
const PKG = join(DIST, 'package');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const read = (file) => readFileSync(join(PKG, file), 'utf8');
const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

let pkg, cem, tarball, packed, apiTable;
before(() => {
  if (!existsSync(join(PKG, 'package.json'))) {
    throw new Error('dist/package/ is missing: run `trunk build --release && node tools/package.mjs` first');
  }
  pkg = JSON.parse(read('package.json'));
  cem = JSON.parse(read('custom-elements.json'));
  apiTable = readApi();
  // npm pack into a fresh folder; --json reports the files it packed.
  const out = mkdtempSync(join(tmpdir(), 'mg-pack-'));
  const report = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  tarball = join(out, report[0].filename);
  packed = report[0];
});

/** The element's declaration in the manifest. */
const element = () => cem.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === TAG);

test('package.json: name, version = Cargo.toml = CHANGELOG = API table, MIT, entry points that exist', () => {
  const version = cargoVersion(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'));
  assert.equal(pkg.name, 'massage-guide');
  assert.equal(pkg.version, version);
  assert.match(read('CHANGELOG.md'), new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'), 'CHANGELOG has a dated entry for this version');
  assert.equal(apiTable.version, version, 'the core embed API table reports the same version');
  assert.equal(pkg.license, 'MIT');
  assert.ok(!pkg.private, 'the package is publishable (nothing here publishes it)');
  assert.equal(pkg.types, 'massage-guide.d.ts');
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.equal(pkg.exports['.'].types, './massage-guide.d.ts');
  assert.equal(pkg.exports['.'].default, './massage-guide.js');
  assert.ok(Object.keys(pkg.exports['.'])[0] === 'types', '"types" comes first in the export conditions');
  for (const target of [pkg.main, pkg.types, pkg.customElements, ...Object.values(pkg.exports).flatMap((t) => typeof t === 'string' ? [t] : Object.values(t))]) {
    assert.ok(existsSync(join(PKG, target)), `${target} exists in the package`);
  }
  const scripts = builtScripts(DIST);
  assert.ok(scripts.includes('massage-guide.js'), `built scripts: ${scripts}`);
  assert.deepEqual([...pkg.sideEffects].sort(), scripts.map((f) => `./${f}`).sort(), 'every script is marked as having side effects');
  assert.deepEqual(pkg.dependencies ?? {}, {}, 'no run-time dependencies');
});

test('npm pack: the tarball holds exactly the expected files, scripts byte-identical to dist/', () => {
  const scripts = builtScripts(DIST);
  const expected = ['package.json', 'README.md', 'CHANGELOG.md', 'custom-elements.json', 'massage-guide.d.ts', ...scripts].sort();
  assert.deepEqual(packed.files.map((f) => f.path).sort(), expected, 'npm pack --json');
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(listed, expected.map((f) => `package/${f}`).sort(), 'tar -tzf');
  const unpacked = mkdtempSync(join(tmpdir(), 'mg-unpack-'));
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  for (const file of scripts) {
    assert.equal(sha(join(unpacked, 'package', file)), sha(join(DIST, file)), `${file} is the built file (its SRI hash holds)`);
  }
  assert.equal(packed.name, 'massage-guide');
  assert.equal(packed.version, pkg.version);
  console.log(`npm pack: ${packed.filename}, ${packed.files.length} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`);
});

/** The rows of the README table under `### heading` (first cell's backticked names → whole row). */
function readmeTable(readme, heading) {
  const section = readme.split(/^(?=### )/m).find((s) => s.startsWith(`### ${heading}\n`));
  assert.ok(section, `README has a "### ${heading}" section`);
  const rows = section.split('\n').filter((line) => /^\|\s*`/.test(line));
  assert.ok(rows.length > 0, `README "### ${heading}" has a table`);
  return rows.flatMap((row) => {
    const first = row.split('|')[1];
    return [...first.matchAll(/`([^`]+)`/g)].map((m) => [m[1], row]);
  });
}

test('custom-elements.json: every README attribute, event, CSS property and part, and no more', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const api = readme.slice(readme.indexOf('## Embedding API'));
  const el = element();
  assert.ok(el, `the manifest declares <${TAG}>`);
  const names = (list) => (list ?? []).map((x) => x.name).sort();

  const attributes = readmeTable(api, 'Attributes');
  assert.deepEqual(names(el.attributes), attributes.map(([n]) => n).sort(), 'attributes: manifest vs README table');
  // Every allowed keyword of a keyword attribute is in its README row.
  for (const [name, row] of attributes) {
    const spec = apiTable.attributes.find((a) => a.name === name);
    if (spec.kind === 'keyword' || spec.kind === 'keywords') {
      for (const value of spec.values) assert.ok(row.includes(value), `README row of ${name} names "${value}"`);
    }
  }
  assert.deepEqual(names(el.events), readmeTable(api, 'Events').map(([n]) => n).sort(), 'events: manifest vs README table');
  assert.deepEqual(names(el.cssProperties), readmeTable(api, 'Theming').map(([n]) => n).sort(), 'CSS properties: manifest vs README table');
  const parts = api.match(/Parts for\s+`::part\(\)`\s+styling:([^.]*)\./);
  assert.ok(parts, 'README lists the parts ("Parts for `::part()` styling: …")');
  assert.deepEqual(names(el.cssParts), [...parts[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort(), 'parts: manifest vs README');
});

test('custom-elements.json: the core API table, with values, defaults, detail shapes and the version', () => {
  const api = apiTable;
  const el = element();
  assert.equal(cem.schemaVersion, '2.1.0');
  assert.deepEqual(cem.modules[0].exports.find((e) => e.kind === 'custom-element-definition'),
    { kind: 'custom-element-definition', name: TAG, declaration: { name: el.name, module: 'massage-guide.js' } });
  for (const a of api.attributes) {
    const entry = el.attributes.find((x) => x.name === a.name);
    if (a.kind === 'keyword') assert.equal(entry.type.text, a.values.map((v) => JSON.stringify(v)).join(' | '), a.name);
    for (const value of a.values) assert.ok(entry.type.text.includes(JSON.stringify(value)), `${a.name} type lists ${value}`);
    assert.equal(entry.default, a.default ? JSON.stringify(a.default) : undefined, `${a.name} default`);
    assert.ok(entry.description.startsWith(a.summary), `${a.name} description`);
  }
  for (const e of api.events) {
    const entry = el.events.find((x) => x.name === e.name);
    const shape = e.detail.length ? `{ ${e.detail.map((f) => `${f.name}: ${f.type}`).join('; ')} }` : 'null';
    assert.equal(entry.type.text, `CustomEvent<${shape}>`, e.name);
  }
  const version = el.members.find((m) => m.name === 'version' && m.static);
  assert.equal(version.default, JSON.stringify(api.version), 'static version in the manifest');
  assert.match(el.description, new RegExp(`Version ${api.version.replace(/\./g, '\\.')}\\b`));
});

/** A consumer folder: the packed tarball unpacked as node_modules/massage-guide, plus `files`. */
function consumer(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'node_modules')]);
  cpSync(join(dir, 'node_modules', 'package'), join(dir, 'node_modules', TAG), { recursive: true });
  rmSync(join(dir, 'node_modules', 'package'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function tsc(project) {
  try {
    execFileSync(TSC, ['-p', project], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    return (error.stdout || '') + (error.stderr || '') || String(error);
  }
}

const typesFile = (name) => readFileSync(join(ROOT, 'tests', 'types', name), 'utf8');

test('custom-elements.json: follows the Custom Elements Manifest schema (tsc against the schema package\'s own types)', () => {
  // An object literal typed as `Package` gets excess-property and literal checks; a JSON import would not.
  const dir = consumer(join(ROOT, 'tests', 'artifacts', 'cem-check'), {
    'check.ts': `import type { Package } from 'custom-elements-manifest';\nexport const manifest: Package = ${read('custom-elements.json')};\n`,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'preserve', moduleResolution: 'bundler', lib: ['es2022'], types: [] }, files: ['check.ts'] }),
  });
  assert.equal(tsc(join(dir, 'tsconfig.json')), '', 'tsc reports no error');
});

test('types: tsc --noEmit on usage files of the packed package (element, events, React 19 JSX; misuse is an error) and on the React fixture', () => {
  const dir = consumer(join(ROOT, 'tests', 'artifacts', 'types-consumer'), {
    'usage.ts': typesFile('usage.ts'),
    'react.tsx': typesFile('react.tsx'),
    // The React e2e fixture too: it must compile against the published types as it is.
    'fixture-react.tsx': readFileSync(join(ROOT, 'tests', 'frameworks', 'react', 'app.tsx'), 'utf8'),
    'tsconfig.json': JSON.stringify({ ...JSON.parse(typesFile('tsconfig.json')), files: ['usage.ts', 'react.tsx', 'fixture-react.tsx'] }),
  });
  // @types/react and react resolve from the repo's node_modules (a parent folder).
  assert.equal(tsc(join(dir, 'tsconfig.json')), '', 'tsc reports no error');
  assert.match(read('massage-guide.d.ts'), /interface HTMLElementTagNameMap \{\n\s+"massage-guide": MassageGuideElement;/);
});

test('types: compile where React is not installed (skipLibCheck off)', () => {
  const dir = consumer(mkdtempSync(join(tmpdir(), 'mg-types-')), {
    'usage.ts': typesFile('usage.ts'),
    'tsconfig.json': typesFile('tsconfig.no-react.json'),
  });
  assert.ok(!existsSync(join(dir, '..', 'node_modules', 'react')), 'no react above the folder');
  assert.equal(tsc(join(dir, 'tsconfig.json')), '', 'tsc reports no error');
});

test('types: a misuse outside @ts-expect-error fails the compile (the check can fail)', () => {
  const dir = consumer(join(ROOT, 'tests', 'artifacts', 'types-negative'), {
    'usage.ts': "import type {} from 'massage-guide';\n" +
      "document.createElement('massage-guide').addEventListener('massage-guide:quiz-result', (e) => e.detail.answers);\n",
    'tsconfig.json': typesFile('tsconfig.no-react.json'),
  });
  assert.match(tsc(join(dir, 'tsconfig.json')), /answers/, 'tsc reports the unknown detail field');
  assert.ok(readdirSync(join(dir, 'node_modules', TAG)).includes('massage-guide.d.ts'));
});
