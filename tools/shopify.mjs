// The Shopify theme app extension (dist/shopify-extension/), written by tools/bundle.mjs:
//
//   shopify.extension.toml            type = "theme"
//   blocks/massage-guide.liquid       the app block: settings → the element's attributes, the
//                                     article rendered by Liquid inside the element
//   snippets/massage-guide-article.liquid   the pre-rendered article (ASCII, Liquid-safe)
//   assets/massage-guide-block.js     the block's "javascript" (theme-check: ≤ 10,000 bytes raw)
//   assets/massage-guide-block-app.js the app script + the shell runtime, loaded on demand
//   assets/massage-guide-shell.css    the shell's stylesheet, linked from each shadow root
//   assets/massage-guide-block.css    the block's "stylesheet": the light-DOM article (no JS)
//   locales/en.default.json, en.default.schema.json
//
// The block script is the shell (embed/shell/*.js, joined as for massage-guide.js) without the
// article tree, the CSS text and the app runtime, plus embed/shopify/block.js. The app runtime
// (the methods and functions that load, start, mount and recycle the wasm app, and handle its
// crashes) is the same shell compiled a second time, appended to the app script: when the app
// loads, it installs those methods on the block's element class. Both are minified with one
// terser name cache, so the `_`-prefixed internal names agree between the two files.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import * as acorn from 'acorn';
import { asciiJson, asciiHtml, minifyCss } from './encode.mjs';

export const EXTENSION = 'shopify-extension';
export const BLOCK_JS = 'massage-guide-block.js';
export const BLOCK_APP = 'massage-guide-block-app.js';
export const SHELL_CSS = 'massage-guide-shell.css';
export const BLOCK_CSS = 'massage-guide-block.css';
export const SNIPPET = 'massage-guide-article';
/** theme-check AssetSizeAppBlockJavaScript (theme-check:theme-app-extension, severity error). */
export const BLOCK_JS_LIMIT = 10000;

/** Methods of MassageGuideElement that belong to the app runtime (block file: stubs or absent). */
const RUNTIME_METHODS = ['_startApp', '_mount', '_call', '_release', '_freshMount', '_crash', '_retry', '_onNavigate', '_schedule'];
/** Shell functions that embed/shopify/block.js replaces. */
const REPLACED_FUNCTIONS = ['applyStyles', 'buildTree', 'takeMount'];
/** The one failure the block script itself can report; the runtime brings the others. */
const BLOCK_FAILURES = ['script'];
/**
 * Property names the two files may shorten (same name cache): the shell's `_`-prefixed members
 * and the fields of its per-element state and config objects. None is a DOM, wasm-bindgen or
 * app API name (`mount`, `glue`, `article`, `detail`, `kind`, `lang` stay as they are).
 */
const INTERNAL_PROPERTIES = new RegExp(`^(_(?!_).*|${[
  'tabButtons', 'wantApp', 'failure', 'warned', 'cancel', 'connected', 'crashed', 'announced', 'active',
  'tabs', 'root', 'status', 'config', 'sections', 'start', 'loading', 'productUrl', 'productName', 'storageKey',
  'chosen', 'unknown', 'values', 'kind',
].join('|')})$`);
/** Attributes whose values come from free text (a setting or the product), not from a select. */
const TYPED_ATTRIBUTES = ['emergency-number', 'product-url', 'product-name'];
/** The attribute rules as a JS literal: unquoted keys, so `values` and `kind` can be shortened. */
const rulesLiteral = (rules) => asciiJson(rules).replace(/"(name|kind|values|default|reason)":/g, '$1:');

const parse = (code) => acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });

/** Splits the joined shell source into the parts the two builds rearrange. */
function shellParts(shell) {
  const ast = parse(shell);
  const cut = [];
  let define = null;
  const methods = [];
  const failures = [];
  for (const node of /** @type {any[]} */ (ast.body)) {
    if (node.type === 'VariableDeclaration' && node.declarations[0].id.name === 'FAILURES') {
      // `var FAILURES = { … }` or, host-proofed, `var FAILURES = bag({ … })`.
      let table = node.declarations[0].init;
      if (table.type === 'CallExpression') table = table.arguments[0];
      for (const property of table.properties) if (!BLOCK_FAILURES.includes(property.key.name)) failures.push(property);
    }
    if (node.type === 'FunctionDeclaration' && REPLACED_FUNCTIONS.includes(node.id.name)) cut.push(node);
    if (node.type === 'ExpressionStatement' && node.expression.type === 'CallExpression'
      && shell.slice(node.expression.callee.start, node.expression.callee.end) === 'customElements.define') define = node;
    if (node.type === 'ClassDeclaration' && node.id.name === 'MassageGuideElement') {
      for (const member of node.body.body) {
        if (member.type === 'MethodDefinition' && RUNTIME_METHODS.includes(member.key.name)) methods.push(member);
      }
    }
  }
  if (!define) throw new Error('shopify: no customElements.define(...) in the shell');
  const found = new Set(methods.map((m) => m.key.name));
  const missing = RUNTIME_METHODS.filter((name) => !found.has(name));
  if (missing.length) throw new Error(`shopify: the shell has no method(s) ${missing.join(', ')}; update RUNTIME_METHODS`);
  if (cut.length !== REPLACED_FUNCTIONS.length) throw new Error(`shopify: the shell must declare ${REPLACED_FUNCTIONS.join(', ')} at top level`);
  if (!failures.length) throw new Error('shopify: no `var FAILURES = { ... }` in the shell');
  // Cuts `nodes` out; a cut object property takes its following comma with it.
  const without = (nodes) => {
    let out = '';
    let at = 0;
    for (const node of [...nodes].sort((a, b) => a.start - b.start)) {
      out += shell.slice(at, node.start);
      at = node.end;
      if (node.type === 'Property') at = shell.indexOf(',', at) + 1 || at;
    }
    return out + shell.slice(at);
  };
  return {
    block: without([...cut, ...methods, ...failures, define]),
    runtime: without([define]),
    define: shell.slice(define.start, define.end),
  };
}

const guard = (version, build) => [
  "if (typeof window === 'undefined' || !window.customElements || !window.HTMLElement) return;",
  `var MG_VERSION = ${JSON.stringify(version)};`,
  `var MG_BUILD = ${JSON.stringify(build)};`,
];

/** The block script's source: the shell minus the runtime, plus embed/shopify/block.js. */
function blockSource({ parts, bridge, version, build, rules }) {
  return [
    '(function () {',
    "'use strict';",
    ...guard(version, build),
    "var taken = window.customElements.get('massage-guide');",
    'if (taken) {',
    "  if (taken.version !== MG_VERSION) { try { console.warn('massage-guide: another <massage-guide> is defined; this app block (' + MG_VERSION + ') is not used.'); } catch (e) {} }",
    '  return;',
    '}',
    `var MG_CSS = ${JSON.stringify(SHELL_CSS)};`,
    'var MG_ARTICLE = 0;',
    // The rules without empty value lists (only keyword kinds read them), and with the console
    // reasons only for what a merchant types or a product supplies; the block's selects write
    // the others, which a bad value can only reach by hand-editing the block.
    `var MG_API = ${rulesLiteral(rules.map(({ values, reason, ...rule }) => ({
      ...rule, ...(TYPED_ATTRIBUTES.includes(rule.name) ? { reason } : {}), ...(values.length ? { values } : {}),
    })))};`,
    `var MG_APP_FILE = ${JSON.stringify(BLOCK_APP)};`,
    parts.block,
    bridge,
    parts.define,
    '})();',
  ].join('\n');
}

/** The runtime's source: the whole shell again; instead of defining the element it installs
 *  the runtime methods on the class the block script defined (same version only). */
function runtimeSource({ parts, version, build, rules }) {
  return [
    '(function () {',
    "'use strict';",
    ...guard(version, build),
    "var MG_CSS = '';",
    'var MG_ARTICLE = 0;',
    `var MG_API = ${rulesLiteral(rules)};`,
    `var MG_APP_FILE = ${JSON.stringify(BLOCK_APP)};`,
    "var MG_APP_INTEGRITY = '';",
    parts.runtime,
    "var RUNTIME_KEY = Symbol.for('massage-guide.runtime@' + MG_VERSION);",
    "var block = window.customElements.get('massage-guide');",
    'if (!block || block.version !== MG_VERSION || window[RUNTIME_KEY]) return;',
    'var from = MassageGuideElement.prototype;',
    'var to = block.prototype;',
    ...RUNTIME_METHODS.map((name) => `to.${name} = from.${name};`),
    // The block script's first mount point is a plain <div>: swap in a recorded one (60-mounts.js).
    'to._mount = function (glue) {',
    '  if (!this._mg.mount._mgListeners) this._freshMount();',
    '  from._mount.call(this, glue);',
    '};',
    'window[RUNTIME_KEY] = true;',
    '})();',
  ].join('\n');
}

/** Numeric references for `{` where Liquid would see `{{` or `{%`. */
export function liquidSafe(html) {
  return html.replace(/\{(?=[{%])/g, '&#123;');
}

/** The block's settings, mapped to attributes; select options come from core::embed_api. */
function blockSchema(rules) {
  const rule = (name) => {
    const found = rules.find((r) => r.name === name);
    if (!found) throw new Error(`shopify: core::embed_api has no attribute ${name}`);
    return found;
  };
  const key = (id) => `t:blocks.massage_guide.settings.${id}`;
  // `offered` narrows a rule's values (and `fallback` its default) for the block.
  const select = (id, name, labels, offered = rule(name).values, fallback = rule(name).default) => ({
    type: 'select',
    id,
    label: `${key(id)}.label`,
    info: `${key(id)}.info`,
    options: offered.map((value) => {
      if (!rule(name).values.includes(value)) throw new Error(`shopify: ${name}=${value} is not in core::embed_api`);
      if (!labels[value]) throw new Error(`shopify: no label for ${name}=${value}`);
      return { value, label: `${key(id)}.options.${labels[value]}` };
    }),
    default: fallback,
  });
  const sections = rule('sections').values;
  const countries = { 'en-US': 'us', 'en-GB': 'gb' };
  return {
    name: 't:blocks.massage_guide.name',
    target: 'section',
    javascript: BLOCK_JS,
    stylesheet: BLOCK_CSS,
    settings: [
      {
        type: 'select', id: 'advice_country', label: `${key('advice_country')}.label`, info: `${key('advice_country')}.info`,
        options: [{ value: 'auto', label: `${key('advice_country')}.options.auto` },
          ...rule('locale').values.map((value) => ({ value, label: `${key('advice_country')}.options.${countries[value]}` }))],
        default: 'auto',
      },
      { type: 'text', id: 'emergency_number', label: `${key('emergency_number')}.label`, info: `${key('emergency_number')}.info` },
      { type: 'header', content: `${key('sections')}.content` },
      ...sections.map((section) => ({ type: 'checkbox', id: `show_${section}`, label: `${key(`show_${section}`)}.label`, default: true })),
      select('start', 'start', { article: 'article', quiz: 'quiz', timer: 'timer' }),
      // No "auto" in a block: the app (about 118 KB brotli) loads on a reader's first click, or
      // at once, so the storefront's Lighthouse run never sees it (Built for Shopify), and the
      // block script stays under theme-check's 10,000 bytes without the idle/viewport scheduler.
      select('loading', 'loading', { eager: 'eager', interaction: 'interaction' }, ['interaction', 'eager'], 'interaction'),
      { type: 'header', content: `${key('look')}.content` },
      select('theme', 'theme', { auto: 'auto', light: 'light', dark: 'dark' }),
      { type: 'color', id: 'accent', label: `${key('accent')}.label`, info: `${key('accent')}.info` },
    ],
  };
}

/** Labels for the theme editor (locales/en.default.schema.json). */
const SCHEMA_LABELS = {
  blocks: {
    massage_guide: {
      name: 'Back pain guide',
      settings: {
        advice_country: {
          label: 'Advice for',
          info: 'Which country\u2019s care advice the safety check gives. Automatic follows the visitor\u2019s country (United Kingdom or United States; anywhere else gets the United States advice).',
          options: { auto: 'Automatic', us: 'United States', gb: 'United Kingdom' },
        },
        emergency_number: { label: 'Emergency number', info: 'Leave blank for the country\u2019s own (911 or 999).' },
        sections: { content: 'Sections' },
        show_article: { label: 'Article' },
        show_quiz: { label: 'Safety check' },
        show_timer: { label: 'Self-massage timer' },
        start: {
          label: 'Tab shown first', info: 'Safety check or Timer loads the interactive part at once.',
          options: { article: 'Article', quiz: 'Safety check', timer: 'Timer' },
        },
        loading: {
          label: 'Load the safety check and timer',
          info: 'On first use: only when a reader opens the Safety check or Timer tab (no cost to your page). At once: as soon as the page has the block.',
          options: { eager: 'At once', interaction: 'On first use' },
        },
        look: { content: 'Look' },
        theme: { label: 'Colour scheme', info: 'Automatic follows the reader\u2019s light or dark setting.', options: { auto: 'Automatic', light: 'Light', dark: 'Dark' } },
        accent: { label: 'Accent colour', info: 'Buttons, the selected tab and progress. Leave blank for the guide\u2019s teal; pick a dark colour (the text on it is white).' },
      },
    },
  },
};

const STOREFRONT_TEXT = {
  massage_guide: {
    needs_javascript: 'The safety check and the self-massage timer need JavaScript; the article above is complete without it.',
  },
};

function blockLiquid({ version, rules }) {
  const schema = blockSchema(rules);
  const sections = rules.find((r) => r.name === 'sections').values;
  return `{% comment %}
  massage-guide ${version}: the back pain guide as an app block. The article is rendered here
  (snippets/${SNIPPET}.liquid) so readers and search engines get it without JavaScript;
  ${BLOCK_JS} adds the tabs and loads the safety check and timer when needed.
{% endcomment %}
{%- liquid
  assign mg_locale = block.settings.advice_country
  if mg_locale == 'auto'
    case localization.country.iso_code
      when 'GB'
        assign mg_locale = 'en-GB'
      when 'US'
        assign mg_locale = 'en-US'
      else
        assign mg_locale = ''
    endcase
  endif
  assign mg_sections = ''
${sections.map((s) => `  if block.settings.show_${s}\n    assign mg_sections = mg_sections | append: ' ${s}'\n  endif`).join('\n')}
  assign mg_sections = mg_sections | strip
  assign mg_start = block.settings.start
  if mg_sections != blank
    assign mg_listed = mg_sections | split: ' '
    unless mg_listed contains mg_start
      assign mg_start = mg_listed | first
    endunless
  endif
-%}
{{ '${SHELL_CSS}' | asset_url | preload_tag: as: 'style' }}
<massage-guide
  {%- if mg_locale != blank %} locale="{{ mg_locale }}"{% endif %}
  {%- if block.settings.emergency_number != blank %} emergency-number="{{ block.settings.emergency_number | escape }}"{% endif %}
  {%- if mg_sections != blank %} sections="{{ mg_sections }}"{% endif %}
  start="{{ mg_start }}" loading="{{ block.settings.loading }}" theme="{{ block.settings.theme }}"
  {%- if product %} product-url="{{ request.origin | append: product.url | escape }}" product-name="{{ product.title | truncate: 80 | escape }}"{% endif %}
  {%- if block.settings.accent != blank %} style="--mg-accent: {{ block.settings.accent }};"{% endif %}
  {{ block.shopify_attributes }}>
  {%- render '${SNIPPET}' -%}
</massage-guide>
<noscript><p>{{ 'massage_guide.needs_javascript' | t }}</p></noscript>

{% schema %}
${JSON.stringify(schema, null, 2)}
{% endschema %}
`;
}

/**
 * Writes dist/shopify-extension/ into `staging`. Returns the files' bytes for the size table.
 * Throws when the block script is over theme-check's limit (release builds).
 */
export async function writeShopifyExtension({ root, staging, version, build, rules, shell, css, appScript, articleHtml, release }) {
  const out = join(staging, EXTENSION);
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['assets', 'blocks', 'snippets', 'locales']) mkdirSync(join(out, dir), { recursive: true });
  const parts = shellParts(shell);
  const bridge = readFileSync(join(root, 'embed/shopify/block.js'), 'utf8');

  // One name cache for both files: `_`-prefixed members (internal to the shell) are renamed
  // alike in the block script and in the runtime that patches its class.
  const nameCache = {};
  const squeeze = async (code) => {
    if (!release) return code;
    const result = await minify(code, {
      ecma: 2020,
      compress: { passes: 3, unsafe_arrows: true, pure_funcs: ['Symbol.for'] },
      mangle: { properties: { regex: INTERNAL_PROPERTIES, builtins: true } },
      nameCache,
      format: { comments: /^!/, ascii_only: true },
    });
    return result.code;
  };
  const blockJs = `/*! massage-guide ${version}: Shopify app block shell */\n${await squeeze(blockSource({ parts, bridge, version, build, rules }))}\n`;
  const runtimeJs = `${await squeeze(runtimeSource({ parts, version, build, rules }))}\n`;
  for (const [name, text] of [[BLOCK_JS, blockJs], [BLOCK_APP, runtimeJs]]) {
    // eslint-disable-next-line no-control-regex -- checks for bytes outside printable ASCII
    if (/[^\x00-\x7e]/.test(text)) throw new Error(`shopify: ${name} must be ASCII`);
  }
  if (release && Buffer.byteLength(blockJs) > BLOCK_JS_LIMIT) {
    throw new Error(`shopify: ${BLOCK_JS} is ${Buffer.byteLength(blockJs)} bytes, over theme-check's ${BLOCK_JS_LIMIT}`);
  }
  const files = {
    'shopify.extension.toml': `# massage-guide ${version}: theme app extension (written by tools/shopify.mjs)\nname = "massage-guide"\ntype = "theme"\n`,
    [`assets/${BLOCK_JS}`]: blockJs,
    [`assets/${BLOCK_APP}`]: appScript + runtimeJs,
    [`assets/${SHELL_CSS}`]: css,
    [`assets/${BLOCK_CSS}`]: minifyCss(readFileSync(join(root, 'styles/block.css'), 'utf8')),
    'blocks/massage-guide.liquid': blockLiquid({ version, rules }),
    [`snippets/${SNIPPET}.liquid`]: liquidSafe(asciiHtml(articleHtml)) + '\n',
    'locales/en.default.json': JSON.stringify(STOREFRONT_TEXT, null, 2) + '\n',
    'locales/en.default.schema.json': JSON.stringify(SCHEMA_LABELS, null, 2) + '\n',
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(out, path), text, 'utf8');
  return Object.entries(files)
    .filter(([path]) => path.startsWith('assets/') || path.startsWith('snippets/'))
    .map(([path, text]) => [`(shopify) ${path.replace(/^\w+\//, '')}`, Buffer.from(text, 'utf8')]);
}
