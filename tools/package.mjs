// Writes dist/package/: the npm package of the widget (nothing is published from here).
//
//   package.json          name, version (from Cargo.toml), files, exports, customElements, types…
//   massage-guide*.js     the built scripts, byte for byte (the app script is checked with SRI)
//   custom-elements.json  Custom Elements Manifest (schema 2.1)
//   massage-guide.d.ts    TypeScript: HTMLElementTagNameMap, typed events, React 19 JSX
//   README.md             the shop-facing sections of the repo README
//   CHANGELOG.md          the hand-written CHANGELOG.md at the repo root
//
// The manifest and the types come from ONE source: the core's embed API table
// (core/src/embed_api.rs), printed as JSON by `cargo run -q -p massage-guide-prerender -- api`.
// The same table drives the attribute validation, so there is no second copy to drift.
// Run after the release build: `node tools/package.mjs` (or `npm run package`).
// MG_DIST picks another build folder; MG_API_JSON a file to read the API JSON from instead.
import { readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TAG = 'massage-guide';
const CLASS = 'MassageGuideElement';
const KINDS = ['keyword', 'keywords', 'url', 'text', 'phone', 'key', 'language'];

/** The `version` of the `[package]` table of a Cargo.toml text. */
export function cargoVersion(toml) {
  const table = toml.split(/^\[/m).find((part) => part.startsWith('package]'));
  const match = table && table.match(/^version\s*=\s*"([^"]+)"/m);
  if (!match) throw new Error('Cargo.toml: no version in [package]');
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(match[1])) throw new Error(`Cargo.toml: version "${match[1]}" is not semver`);
  return match[1];
}

/** The embed API as JSON, from the native binary (or MG_API_JSON), checked for shape. */
export function readApi() {
  const text = process.env.MG_API_JSON
    ? readFileSync(process.env.MG_API_JSON, 'utf8')
    : execFileSync('cargo', ['run', '--quiet', '-p', 'massage-guide-prerender', '--', 'api'], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    });
  let api;
  try { api = JSON.parse(text); } catch (error) {
    throw new Error(`the embed API is not JSON (${error.message}); starts with: ${text.slice(0, 80)}`);
  }
  return checkApi(api);
}

/** Fails with a clear message on an API JSON this generator cannot describe. */
export function checkApi(api) {
  const fail = (what) => { throw new Error(`embed API JSON: ${what}`); };
  if (api.name !== TAG) fail(`name is "${api.name}", expected "${TAG}"`);
  if (typeof api.version !== 'string') fail('no version');
  for (const list of ['attributes', 'events', 'cssProperties', 'parts']) {
    if (!Array.isArray(api[list]) || api[list].length === 0) fail(`"${list}" is missing or empty`);
    const names = api[list].map((item) => item.name);
    if (names.some((name) => typeof name !== 'string' || !name)) fail(`an entry of "${list}" has no name`);
    if (new Set(names).size !== names.length) fail(`"${list}" names a thing twice`);
    for (const item of api[list]) if (typeof item.summary !== 'string' || !item.summary) fail(`${item.name} has no summary`);
  }
  for (const a of api.attributes) {
    if (!KINDS.includes(a.kind)) fail(`attribute ${a.name}: unknown kind "${a.kind}" (known: ${KINDS.join(', ')})`);
    if (!Array.isArray(a.values) || typeof a.default !== 'string') fail(`attribute ${a.name}: values must be a list, default a string`);
    const keywords = a.kind === 'keyword' || a.kind === 'keywords';
    if (keywords && a.values.length === 0) fail(`attribute ${a.name}: a ${a.kind} attribute needs values`);
    if (a.kind === 'keyword' && a.default && !a.values.includes(a.default)) fail(`attribute ${a.name}: default "${a.default}" is not one of its values`);
    if (a.kind === 'keywords' && a.default.split(/\s+/).some((w) => w && !a.values.includes(w))) fail(`attribute ${a.name}: default "${a.default}" uses an unknown word`);
  }
  for (const e of api.events) {
    if (!e.name.startsWith(`${TAG}:`)) fail(`event ${e.name} is not namespaced "${TAG}:"`);
    if (!Array.isArray(e.detail)) fail(`event ${e.name}: detail must be a list of fields`);
    for (const field of e.detail) {
      if (!/^[A-Za-z_$][\w$]*$/.test(field.name || '') || typeof field.type !== 'string' || !field.type) fail(`event ${e.name}: bad detail field ${JSON.stringify(field)}`);
    }
  }
  for (const p of api.cssProperties) if (!p.name.startsWith('--')) fail(`CSS property ${p.name} does not start with --`);
  return api;
}

// ---- shared bits of the manifest and the types ----------------------------------------------

const literal = (value) => JSON.stringify(value);

/** TypeScript type of an attribute's value. Space-separated lists accept any string but suggest the words. */
export function attributeType(attribute) {
  const words = attribute.values.map(literal).join(' | ');
  if (attribute.kind === 'keyword') return words;
  if (attribute.kind === 'keywords') return `${words} | (string & {})`;
  // A language tag whose primary language is listed: "en", "en-GB", …
  if (attribute.kind === 'language' && attribute.values.length) {
    return attribute.values.map((v) => `${literal(v)} | \`${v}-\${string}\``).join(' | ');
  }
  return 'string';
}

function attributeDoc(attribute) {
  // Keyword kinds list their values; the others quote the core's own rejection reason.
  const rule = {
    keyword: `One of: ${attribute.values.join(', ')}.`,
    keywords: `Space-separated, any of: ${attribute.values.join(' ')}.`,
  }[attribute.kind] || (attribute.reason ? `Otherwise ignored: ${attribute.reason}.` : '');
  const fallback = attribute.default ? `Default: \`${attribute.default}\`.` : '';
  return [attribute.summary, rule, fallback].filter(Boolean).join(' ');
}

/** `{ outcome: string }`, or `null` for an event without detail (its `detail` is null). */
export function detailType(event) {
  if (event.detail.length === 0) return 'null';
  return `{ ${event.detail.map((f) => `${f.name}: ${f.type}`).join('; ')} }`;
}

/** `massage-guide:quiz-result` → `MassageGuideQuizResultDetail`. */
function detailName(event) {
  const pascal = (s) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return `MassageGuide${pascal(event.name.slice(TAG.length + 1))}Detail`;
}

// ---- custom-elements.json ------------------------------------------------------------------

/** The Custom Elements Manifest (schema 2.1.0) for `<massage-guide>`. */
export function manifest(api, { script = `${TAG}.js` } = {}) {
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: script,
      summary: `The <${TAG}> element, version ${api.version}: a classic script, include it with <script src async>.`,
      declarations: [{
        kind: 'class',
        name: CLASS,
        tagName: TAG,
        customElement: true,
        summary: 'Lower back pain article, safety check (triage quiz) and self-massage timer.',
        description: `Version ${api.version}. Loads its app script (quiz and timer) from its own folder, checked with SRI. ` +
          'Bad attribute values fall back to the default with one console warning; nothing is thrown into the host page.',
        superclass: { name: 'HTMLElement', package: 'global:' },
        attributes: api.attributes.map((a) => ({
          name: a.name,
          type: { text: attributeType(a) },
          ...(a.default ? { default: literal(a.default) } : {}),
          description: attributeDoc(a),
        })),
        events: api.events.map((e) => ({
          name: e.name,
          type: { text: `CustomEvent<${detailType(e)}>` },
          description: `${e.summary} Bubbles and is composed.`,
        })),
        cssProperties: api.cssProperties.map((p) => ({ name: p.name, description: p.summary })),
        cssParts: api.parts.map((p) => ({ name: p.name, description: p.summary })),
        members: [{
          kind: 'field',
          name: 'version',
          static: true,
          readonly: true,
          type: { text: 'string' },
          default: literal(api.version),
          description: `The package version: \`customElements.get('${TAG}').version\`. Also \`data-version\` on the shadow root's root element.`,
        }],
      }],
      exports: [{ kind: 'custom-element-definition', name: TAG, declaration: { name: CLASS, module: script } }],
    }],
  };
}

// ---- massage-guide.d.ts --------------------------------------------------------------------

const jsdoc = (text, indent = '  ') => `${indent}/** ${text.replace(/\*\//g, '*\\/')} */`;

/** The TypeScript declarations, as the text of massage-guide.d.ts. */
export function declarations(api) {
  const details = api.events.filter((e) => e.detail.length > 0);
  const eventType = (e) => `CustomEvent<${e.detail.length ? detailName(e) : 'null'}>`;
  const overloads = (method) => [
    `  ${method}<K extends keyof MassageGuideEventMap>(type: K, listener: (this: ${CLASS}, event: MassageGuideEventMap[K]) => any, options?: boolean | ${method === 'addEventListener' ? 'AddEventListenerOptions' : 'EventListenerOptions'}): void;`,
    `  ${method}<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ${CLASS}, event: HTMLElementEventMap[K]) => any, options?: boolean | ${method === 'addEventListener' ? 'AddEventListenerOptions' : 'EventListenerOptions'}): void;`,
    `  ${method}(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | ${method === 'addEventListener' ? 'AddEventListenerOptions' : 'EventListenerOptions'}): void;`,
  ];
  return [
    `// ${TAG} ${api.version}: types for the <${TAG}> custom element.`,
    '// Generated by tools/package.mjs from the embed API table of the core (core/src/embed_api.rs); do not edit.',
    `// Use: \`import type {} from '${TAG}';\` (or \`/// <reference types="${TAG}" />\`) once in your project.`,
    '',
    ...details.flatMap((e) => [
      `/** \`detail\` of \`${e.name}\`. */`,
      `export interface ${detailName(e)} {`,
      ...e.detail.map((f) => `  ${f.name}: ${f.type};`),
      '}',
      '',
    ]),
    `/** The events of <${TAG}>, dispatched on the element with \`bubbles\` and \`composed\`. */`,
    'export interface MassageGuideEventMap {',
    ...api.events.flatMap((e) => [jsdoc(e.detail.length ? e.summary : `${e.summary} \`detail\` is null.`), `  ${literal(e.name)}: ${eventType(e)};`]),
    '}',
    '',
    `/** The attributes of <${TAG}>: all optional, all strings; a bad value falls back to the default with a console warning. */`,
    'export interface MassageGuideAttributes {',
    ...api.attributes.flatMap((a) => [jsdoc(attributeDoc(a)), `  ${literal(a.name)}?: ${attributeType(a)};`]),
    '}',
    '',
    `/** Event props for frameworks that add \`on<event-name>\` props as listeners on custom elements (React 19). */`,
    'export interface MassageGuideEventProps {',
    ...api.events.flatMap((e) => [jsdoc(e.summary), `  ${literal(`on${e.name}`)}?: (event: MassageGuideEventMap[${literal(e.name)}]) => void;`]),
    '}',
    '',
    `/** The <${TAG}> element. Configure it with attributes (see MassageGuideAttributes). */`,
    `export interface ${CLASS} extends HTMLElement {`,
    ...overloads('addEventListener'),
    ...overloads('removeEventListener'),
    '}',
    '',
    `/** \`customElements.get('${TAG}')\`, cast to this, tells the version at run time. */`,
    `export interface ${CLASS}Constructor {`,
    `  new (): ${CLASS};`,
    `  readonly prototype: ${CLASS};`,
    jsdoc(`The package version, e.g. ${literal(api.version)}.`),
    '  readonly version: string;',
    '}',
    '',
    'declare global {',
    '  interface HTMLElementTagNameMap {',
    `    ${literal(TAG)}: ${CLASS};`,
    '  }',
    '  // The events bubble and are composed, so ancestors (and document, window) hear them too.',
    '  interface GlobalEventHandlersEventMap {',
    ...api.events.map((e) => `    ${literal(e.name)}: ${eventType(e)};`),
    '  }',
    '}',
    '',
    `/** A React ref to the element: an object or a callback (React 19 cleanup allowed). */`,
    `export type MassageGuideRef = { current: ${CLASS} | null } | ((instance: ${CLASS} | null) => void | (() => void)) | null;`,
    '',
    '/**',
    ` * JSX props of <${TAG}>: the attributes, the event props, a typed ref, and the framework's own`,
    ' * props of an HTML element (taken from its `span`; none where the framework has no JSX types).',
    ' * Written without naming React types, so this file also compiles where React is not installed.',
    ' */',
    `export type MassageGuideJSXProps<Intrinsic = {}> = (Intrinsic extends { span: infer Span } ? Omit<Span, 'ref'> : {}) &`,
    '  MassageGuideAttributes & MassageGuideEventProps & { ref?: MassageGuideRef };',
    '',
    `// React 19: <${TAG}> in JSX, with its attributes, a typed ref and the event props.`,
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    `      ${literal(TAG)}: MassageGuideJSXProps<IntrinsicElements>;`,
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

// ---- package.json and README ---------------------------------------------------------------

/** package.json for the package folder; `scripts` are the built script file names. */
export function packageJson({ version, description, scripts }) {
  const main = `${TAG}.js`;
  if (!scripts.includes(main)) throw new Error(`the build has no ${main}`);
  const files = [...scripts, `${TAG}.d.ts`, 'custom-elements.json', 'CHANGELOG.md'];
  return {
    name: TAG,
    version,
    description,
    license: 'MIT',
    keywords: ['web-component', 'custom-element', 'lower-back-pain', 'massage', 'triage', 'timer', 'webassembly'],
    browser: main,
    main,
    unpkg: main,
    jsdelivr: main,
    types: `${TAG}.d.ts`,
    customElements: 'custom-elements.json',
    exports: {
      '.': { types: `./${TAG}.d.ts`, default: `./${main}` },
      ...Object.fromEntries(scripts.map((file) => [`./${file}`, `./${file}`])),
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    files,
    // Every script defines the element or feeds it: never tree-shake an import of them.
    sideEffects: scripts.map((file) => `./${file}`),
  };
}

/** The README sections a package user needs: intro, shop embed, Embedding API, recipes. */
export function packageReadme(readme, version) {
  const sections = readme.split(/^(?=## )/m);
  // The intro without the paragraph that points developers at the repo's own sections.
  const intro = sections[0].split(/\n\n/).filter((p) => !p.includes('(#for-developers')).join('\n\n');
  const wanted = [/^## For shops/, /^## Embedding API/, /^## Recipes/];
  const kept = wanted.map((pattern) => {
    const found = sections.find((s) => pattern.test(s));
    if (!found) throw new Error(`README.md has no section matching ${pattern}`);
    return found;
  });
  const install = [
    '## Install',
    '',
    '```bash',
    `npm install ${TAG}@${version}`,
    '```',
    '',
    `Serve the package's \`${TAG}*.js\` files side by side from your site (they are classic scripts, not`,
    `modules: \`${TAG}.js\` loads the app script from its own folder) and include \`${TAG}.js\` with a`,
    `\`<script async>\` tag. Types: \`import type {} from '${TAG}'\`. Editors and Storybook read`,
    '`custom-elements.json` (the `customElements` field of package.json).',
    '',
  ].join('\n');
  return [intro.trimEnd(), '', install, ...kept.map((s) => s.trimEnd() + '\n')].join('\n');
}

/** The built scripts: every dist/massage-guide*.js. */
export function builtScripts(dist) {
  return readdirSync(dist).filter((f) => f.startsWith(TAG) && f.endsWith('.js')).sort();
}

/** Writes the package folder; returns its path. */
export function buildPackage({ dist = process.env.MG_DIST || join(ROOT, 'dist'), api = readApi() } = {}) {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const version = cargoVersion(cargo);
  if (api.version !== version) throw new Error(`the embed API says version ${api.version}, Cargo.toml ${version}`);
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  if (!new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(changelog)) {
    throw new Error(`CHANGELOG.md has no "## [${version}]" entry`);
  }
  const scripts = builtScripts(dist);
  if (scripts.length === 0) throw new Error(`${dist} has no ${TAG}*.js: run \`trunk build --release\` first`);
  const description = (cargo.match(/^description\s*=\s*"([^"]*)"/m) || [])[1] || '';

  const out = join(dist, 'package');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of scripts) copyFileSync(join(dist, file), join(out, file));
  writeFileSync(join(out, 'package.json'), JSON.stringify(packageJson({ version, description, scripts }), null, 2) + '\n');
  writeFileSync(join(out, 'custom-elements.json'), JSON.stringify(manifest(api), null, 2) + '\n');
  writeFileSync(join(out, `${TAG}.d.ts`), declarations(api));
  writeFileSync(join(out, 'README.md'), packageReadme(readFileSync(join(ROOT, 'README.md'), 'utf8'), version));
  writeFileSync(join(out, 'CHANGELOG.md'), changelog);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = buildPackage();
  console.log(`package: ${out} (${readdirSync(out).join(', ')})`);
  if (!existsSync(join(out, 'package.json'))) process.exit(1);
}
