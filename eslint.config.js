// ESLint (flat config), run by tools/test.sh: `eslint .` must report nothing.
//
// embed/shell/NN-*.js are fragments of one script: tools/bundle.mjs joins them, in name order,
// inside one function scope. Each is linted as a script whose top-level names are listed in a
// `/* exported … */` comment (what the file gives the others); every other shell file sees
// those names, and the MG_* constants bundle.mjs puts in front, as read-only globals. So an
// undeclared name, a stray assignment or a name no file declares is still a finding.
import { readFileSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';

const SHELL = 'embed/shell';
const BUNDLE_CONSTANTS = ['MG_VERSION', 'MG_CSS', 'MG_ARTICLE', 'MG_API', 'MG_APP_FILE', 'MG_APP_INTEGRITY', 'MG_BUILD'];

/** The names a shell file shares: its `/* exported a, b *\/` comments. */
const exportedBy = (file) => [...readFileSync(new URL(`${SHELL}/${file}`, import.meta.url), 'utf8')
  .matchAll(/\/\*\s*exported\s+([^*]*)\*\//g)]
  .flatMap(([, list]) => list.split(/[\s,]+/).filter(Boolean));
const shellFiles = readdirSync(new URL(SHELL, import.meta.url)).filter((f) => f.endsWith('.js')).sort();
/** What the Shopify bridge declares itself (it replaces some shell functions). */
const BLOCK_OWN = [...readFileSync(new URL('embed/shopify/block.js', import.meta.url), 'utf8').matchAll(/^(?:function|var) (\w+)/gm)].map((m) => m[1]);
const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));

/** Rules beyond eslint:recommended for everything we write. */
const hygiene = {
  'guard-for-in': 'error',
  'no-prototype-builtins': 'error',
  'no-implicit-globals': 'error',
  'no-undef': 'error',
  'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', varsIgnorePattern: '^_' }],
};

export default [
  { ignores: ['dist/**', 'target/**', 'node_modules/**', 'tests/artifacts/**', 'bench/out/**', 'bench/hello/**', 'prerender/**', 'widget/**'] },
  js.configs.recommended,
  { rules: hygiene },
  // The shell: ES2017 scripts in the browser (what terser and the oldest supported engines read).
  ...shellFiles.map((file) => ({
    files: [`${SHELL}/${file}`],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: 'script',
      parserOptions: { ecmaFeatures: { impliedStrict: true } },
      globals: {
        ...globals.browser,
        ...readonly(BUNDLE_CONSTANTS),
        ...readonly(shellFiles.filter((other) => other !== file).flatMap(exportedBy)),
      },
    },
  })),
  // The Shopify block's bridge (tools/shopify.mjs appends it to the shell, in the same scope):
  // it sees every shell name and gives back the functions it replaces.
  {
    files: ['embed/shopify/block.js'],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: 'script',
      parserOptions: { ecmaFeatures: { impliedStrict: true } },
      globals: { ...globals.browser, ...readonly(BUNDLE_CONSTANTS), ...readonly(shellFiles.flatMap(exportedBy).filter((name) => !BLOCK_OWN.includes(name))) },
    },
  },
  // The standalone page's service worker (bundle.mjs fills in the placeholders).
  {
    files: ['embed/sw.js'],
    languageOptions: { ecmaVersion: 2017, sourceType: 'script', globals: { ...globals.serviceworker, __MG_FILES__: 'readonly' } },
    // Its top-level names live in the worker's own global scope, which nothing else shares.
    rules: { 'no-implicit-globals': 'off' },
  },
  // Build tools, benchmarks and tests: Node ES modules; tests also hand functions to the page.
  {
    files: ['tools/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },
  { files: ['tests/frameworks/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['tests/**/*.mjs', 'tools/bench*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
