// Benchmarks (not tests): prints markdown tables and writes them to bench/out/ (git-ignored).
//
//   node tools/bench.mjs                 everything (about 25 minutes on 2 busy cores)
//   node tools/bench.mjs --sizes         only the size tables (builds the Yew hello world)
//   node tools/bench.mjs --lighthouse    only the Lighthouse tables
//   node tools/bench.mjs --bytes         only the bytes transferred before `load`
//   node tools/bench.mjs --tab           only "Safety check tab to first question" under throttling, and
//                                        the app's bytes per locale (--wasm-octet: .wasm served as octet-stream;
//                                        --no-auto: skip the loading="auto" case)
//   node tools/bench.mjs --shopify       only the Shopify app block on the product page (Lighthouse)
//   node tools/bench.mjs --runs 5        runs per page or case (default 5; the median is kept)
//   node tools/bench.mjs --no-standalone skip Lighthouse on the standalone page
//
// The section flags combine (`--bytes --tab`). Needs a release build first (`tools/build.sh`),
// or MG_DIST=<dir> for another dist; copy dist/ away first if others rebuild meanwhile.
//
// 1. Sizes: raw, gzip -9 and brotli -11 of every dist/ file; the two scripts before and after;
//    the parts of each script, read back out of the shipped (minified) files with a JS parser;
//    the app script against a bare Yew 0.23 hello world (bench/hello/, same release profile,
//    toolchain (tools/wasm-toolchain.sh), wasm-bindgen target and wasm-opt flags, and the same
//    post-build steps as tools/bundle.mjs: shortened import names, mangled glue, latin-1 string).
// 2. Lighthouse 12.2.3 with Debian Chromium, mobile (the default config: Moto G Power, slow 4G,
//    4x CPU, simulated), N runs each, interleaved: the demo product page bench/product-page.html
//    without the widget, with the README's minimal embed (an empty element) and with
//    dist/snippet.html (the element with the pre-rendered article); plus the standalone page.
// 3. Bytes transferred before the page's `load` event (Playwright + Chrome DevTools protocol
//    network events, encodedDataLength: bytes on the wire, headers included), same three pages.
// 4. Safety-check tab to first question at DevTools throttling (Network.emulateNetworkConditions
//    + Emulation.setCPUThrottlingRate 4; Lighthouse's slow 4G and 400 kbps): app not prefetched
//    (loading="interaction") and prefetched (loading="eager", and loading="auto" once it has
//    loaded), each with the app as glue script + binary wasm and as the latin-1 app script.
// 5. The Shopify app block (dist/shopify-extension, rendered with liquidjs by
//    tools/shopify-render.mjs) on the same product page, against the page without it:
//    Lighthouse mobile, interleaved; score, LCP, TBT, CLS. Shopify puts the block's stylesheet and
//    deferred script in <head>; the assets are served from /shopify-extension/assets/.
// Every page is served from 127.0.0.1 brotli-compressed, as a CDN would.
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { join, dirname, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg, cpus } from 'node:os';
import vm from 'node:vm';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { sizes, distFile } from './sizes.mjs';
import { latin1Literal } from './encode.mjs';
import { shortenImports } from './wasm-names.mjs';
import { renderBlock, blockHead } from './shopify-render.mjs';
// acorn comes with lighthouse and terser (node_modules/acorn): reads the parts out of the minified scripts.
import * as acorn from 'acorn';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.MG_DIST || join(ROOT, 'dist');
const BENCH = join(ROOT, 'bench');
const OUT = join(BENCH, 'out');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const CHROME_FLAGS = `--headless=new ${CHROME_ARGS.join(' ')}`;
const FIRST = 'massage-guide.js';
const APP = 'massage-guide-app.js';
const APP_GLUE = 'massage-guide-app-glue.js';
const APP_WASM = 'massage-guide-app.wasm';
/** Requests of the app, whichever way it comes (latin-1 script, or glue script + binary wasm). */
const APP_REQUEST = /massage-guide-app(\.[0-9a-f]{8})?(\.js|-glue\.js|\.wasm)(\?|$)/;
/** Figures from before this work, for the "before" rows (issue 11, first session). */
const SESSION_START_SINGLE_SCRIPT_BROTLI = 148462;
const STABLE_DIST = process.env.MG_BENCH_BEFORE || '/tmp/dist-stable';
const KIB = 1024;

const args = process.argv.slice(2);
const has = (flag) => args.includes(flag);
const sectionFlags = ['--sizes', '--lighthouse', '--bytes', '--tab', '--shopify'];
const all = !sectionFlags.some(has);
const doSizes = all || has('--sizes');
const doLighthouse = all || has('--lighthouse');
const doBytes = all || has('--bytes');
const doTab = all || has('--tab');
const doShopify = all || has('--shopify');
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;

const env = {
  ...process.env,
  PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  TRUNK_SKIP_VERSION_CHECK: 'true',
  CHROME_PATH: CHROME,
};

for (const file of [FIRST, APP, 'snippet.html']) {
  if (!existsSync(distFile(DIST, file))) {
    console.error(`${DIST}/${file} is missing: run \`tools/build.sh\` first (or set MG_DIST).`);
    process.exit(1);
  }
}
mkdirSync(OUT, { recursive: true });

const VERSION = /massage-guide (\S+):/.exec(readFileSync(join(DIST, FIRST), 'utf8'))?.[1] || '?';
const report = [
  '# massage-guide benchmarks', '',
  `${new Date().toISOString()}, dist: ${DIST} (version ${VERSION}); ${cpus().length} cores, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`, '',
];
const emit = (...lines) => { for (const line of lines) { console.log(line); report.push(line); } };
const save = () => writeFileSync(join(OUT, 'bench.md'), report.join('\n') + '\n');

const kib = (n) => (n / KIB).toFixed(1);
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const table = (head, rows) => [
  `| ${head.join(' | ')} |`,
  `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const signed = (x, digits = 0) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(digits)}` : '–');
const verdict = (ok) => (ok ? 'met' : '**missed**');
const budgets = (() => {
  const limits = { [FIRST]: 12 * KIB, [APP]: 100 * KIB, goal: 60 * KIB };
  try {
    const config = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8')).files;
    return { [FIRST]: config[FIRST]?.limit ?? limits[FIRST], [APP]: config[APP]?.limit ?? limits[APP], goal: config[APP]?.goal_bytes ?? limits.goal };
  } catch {
    return limits;
  }
})();

/** Results of every section, for bench/out/summary.json. */
const summary = { dist: DIST, version: VERSION, loadavg: loadavg() };

// ---- 1. sizes ------------------------------------------------------------------------

async function benchSizes() {
  emit('## Sizes of dist/ (bytes; KiB = 1024 bytes)', '');
  const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile()).sort();
  emit(...table(['file', 'raw', 'gzip -9', 'brotli -11', 'brotli KiB'], files.map((f) => {
    const s = sizes(readFileSync(join(DIST, f)));
    return [f, s.raw, s.gzip, s.brotli, kib(s.brotli)];
  })), '');

  // Before and after: the shipped scripts.
  const cell = (s) => (s ? `${int(s.raw)} / ${int(s.gzip)} / ${int(s.brotli)}` : '–');
  const fileSizes = (dir, file) => (existsSync(distFile(dir, file)) ? sizes(readFileSync(distFile(dir, file))) : null);
  const now = { first: fileSizes(DIST, FIRST), app: fileSizes(DIST, APP) };
  const rows = [[
    'session start: one script with the wasm inside (massage-guide.js)', `– / – / ${int(SESSION_START_SINGLE_SCRIPT_BROTLI)}`, '–',
    `${kib(SESSION_START_SINGLE_SCRIPT_BROTLI)} KiB on every page view`,
  ]];
  const stable = existsSync(distFile(STABLE_DIST, APP)) ? { first: fileSizes(STABLE_DIST, FIRST), app: fileSizes(STABLE_DIST, APP) } : null;
  if (stable) {
    rows.push([`two scripts, stable toolchain, earlier build (${STABLE_DIST}, before two later fixes)`, cell(stable.first), cell(stable.app),
      `${kib(stable.first.brotli)} KiB + ${kib(stable.app.brotli)} KiB on demand`]);
  }
  rows.push([`two scripts, this build (${DIST})`, cell(now.first), cell(now.app), `${kib(now.first.brotli)} KiB + ${kib(now.app.brotli)} KiB on demand`]);
  rows.push(['budget (size-budget.json limits)', `brotli ≤ ${int(budgets[FIRST])}: ${verdict(now.first.brotli <= budgets[FIRST])}`,
    `brotli ≤ ${int(budgets[APP])}: ${verdict(now.app.brotli <= budgets[APP])}; goal ${int(budgets.goal)}: `
    + `${now.app.brotli <= budgets.goal ? 'met' : `${kib(now.app.brotli - budgets.goal)} KiB over`}`, '']);
  emit('## The two scripts, before and after (raw / gzip -9 / brotli -11 bytes)', '');
  emit(...table(['build', `first script (${FIRST})`, `app script (${APP})`, 'what a reader downloads (brotli)'], rows), '');
  if (!stable) emit(`(${STABLE_DIST} no longer exists: no stable-toolchain row.)`, '');

  // The first script's parts.
  const first = splitFirstScript(readFileSync(join(DIST, FIRST), 'utf8'));
  const partRows = (parts, whole) => [
    ...parts.map(([name, text]) => {
      const s = text == null ? null : sizes(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'));
      return [name, s ? int(s.raw) : '–', s ? int(s.gzip) : '–', s ? int(s.brotli) : '–', s ? `${(100 * s.brotli / whole.brotli).toFixed(0)} %` : '–'];
    }),
    ['**whole file** (compressed as one)', int(whole.raw), int(whole.gzip), int(whole.brotli), '100 %'],
  ];
  emit(`## Parts of the first script (${FIRST}), as shipped (minified), each compressed alone`, '');
  emit(...table(['part', 'raw', 'gzip -9', 'brotli -11', 'share of the brotli size'], partRows([
    ['shell CSS (styles/widget.css, minified string)', first.css],
    ['article tree (MG_ARTICLE, JSON-like array literal)', first.article],
    ['attribute rules (MG_API)', first.rules],
    ['element.js + wrapper code (the rest: minified JS)', first.code],
  ], now.first)), '');
  emit('The parts compress worse alone than together (brotli shares its window across them), so they add up to more than the whole.', '');

  // The app script's parts, against the Yew hello world treated the same way.
  const app = splitAppScript(readFileSync(distFile(DIST, APP), 'utf8'));
  const hello = await buildHello();
  const helloApp = hello && splitAppScript(hello.script);
  const pairs = [
    ['wasm (binary)', app.wasm, helloApp?.wasm],
    ['wasm as a latin-1 JS string (as inside the script)', app.wasmLiteral, helloApp?.wasmLiteral],
    ['JS glue (wasm-bindgen no-modules, mangled)', app.glue, helloApp?.glue],
    ['wasm + glue (as two files)', [app.wasm, app.glue], helloApp && [helloApp.wasm, helloApp.glue]],
    ['app CSS (styles/app.css, minified string)', app.css, null],
    ['registration wrapper (the rest)', app.code, helloApp?.code],
    [`**whole app script** (${APP})`, readFileSync(distFile(DIST, APP)), hello && Buffer.from(hello.script, 'utf8')],
  ];
  const measure = (x) => {
    if (x == null) return null;
    if (Array.isArray(x)) return x.map(measure).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
    return sizes(Buffer.isBuffer(x) || x instanceof Uint8Array ? Buffer.from(x) : Buffer.from(x, 'utf8'));
  };
  const appRows = pairs.map(([name, w, h]) => {
    const ws = measure(w);
    const hs = measure(h);
    return [name, cell(ws), cell(hs), ws && hs ? `${(ws.brotli / hs.brotli).toFixed(2)}×` : '–', ws ? kib(ws.brotli) : '–', hs ? kib(hs.brotli) : '–'];
  });
  emit(`## Parts of the app script (${APP}) against a bare Yew 0.23 hello world (same toolchain ${hello?.toolchain ?? '?'}, profile, wasm-opt flags and post-build steps)`, '');
  emit(...table(['part', 'massage-guide raw / gzip / brotli', 'Yew hello world raw / gzip / brotli', 'ratio (brotli)', 'widget brotli KiB', 'hello brotli KiB'], appRows), '');
  if (!hello) emit('(The hello world did not build; its column is empty.)', '');
  const appBrotli = now.app.brotli;
  const floor = hello ? sizes(Buffer.from(hello.script, 'utf8')).brotli : NaN;
  emit(`App script brotli: ${int(appBrotli)} B (${kib(appBrotli)} KiB); the Yew floor in the same form is ${kib(floor)} KiB, `
    + `so the quiz and timer themselves cost ${kib(appBrotli - floor)} KiB. Product goal 60 KiB: `
    + `${appBrotli <= budgets.goal ? 'met' : `${kib(appBrotli - budgets.goal)} KiB over`}.`, '');
  summary.sizes = { first: now.first, app: now.app, stable, sessionStartSingleScriptBrotli: SESSION_START_SINGLE_SCRIPT_BROTLI, helloApp: hello ? floor : null };
  save();
}

/** Walks an acorn AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object' && key !== 'loc') walk(value, visit);
  }
}

function parseSync(text) {
  return acorn.parse(text, { ecmaVersion: 'latest', allowReturnOutsideFunction: true });
}

/** Splits the code `text` into the given literal nodes and the rest (each literal replaced by 0). */
function rest(text, nodes) {
  let out = '';
  let at = 0;
  for (const node of nodes.filter(Boolean).sort((a, b) => a.start - b.start)) {
    out += text.slice(at, node.start) + '0';
    at = node.end;
  }
  return out + text.slice(at);
}

/**
 * The parts of the minified first script (see tools/bundle.mjs): the shell CSS (the longest
 * string literal holding `:host`), the article tree (the array literal that starts with
 * "article"), the attribute rules (the array of objects with a `kind`) and the rest (code).
 */
function splitFirstScript(text) {
  const ast = parseSync(text);
  let css, article, rules;
  const others = [];
  walk(ast, (n) => {
    if (n.type === 'ArrayExpression' && n.elements[0]?.type === 'Literal' && n.elements[0].value === 'article' && !article) article = n;
    if (n.type === 'ArrayExpression' && !rules && n.elements[0]?.type === 'ObjectExpression'
      && n.elements[0].properties.some((p) => (p.key?.name ?? p.key?.value) === 'kind')) rules = n;
    if (n.type === 'Literal' && typeof n.value === 'string' && /:host/.test(n.value) && (!css || n.value.length > css.value.length)) css = n;
    if (n.type === 'Literal' && typeof n.value === 'string' && /^sha384-/.test(n.value)) others.push(n);
  });
  const slice = (n) => (n ? text.slice(n.start, n.end) : null);
  return { css: slice(css), article: slice(article), rules: slice(rules), code: rest(text, [css, article, rules]) };
}

/**
 * The parts of an app script: it registers `{ css, glue, wasm }` under a Symbol on window.
 * Checked by running it in a sandbox; the wasm is the longest string literal (latin-1).
 */
function splitAppScript(text) {
  const sandbox = { window: {}, Symbol, Uint8Array };
  vm.runInNewContext(text, sandbox);
  const keys = Object.getOwnPropertySymbols(sandbox.window);
  if (keys.length !== 1) throw new Error('the app script did not register exactly one entry on window');
  const entry = sandbox.window[keys[0]];
  const ast = parseSync(text);
  let wasm, css, glue;
  walk(ast, (n) => {
    if (n.type === 'Literal' && typeof n.value === 'string' && (!wasm || n.value.length > wasm.value.length)) wasm = n;
    if (n.type === 'Property' && (n.key?.name ?? n.key?.value) === 'css' && n.value.type === 'Literal') css = n.value;
    if (n.type === 'Property' && (n.key?.name ?? n.key?.value) === 'glue' && /Function/.test(n.value.type)) glue = n.value;
  });
  const bytes = Buffer.from(wasm.value, 'latin1');
  if (bytes.readUInt32BE(0) !== 0x0061736d) throw new Error('the longest string literal of the app script is not the wasm');
  if (Buffer.compare(bytes, Buffer.from(entry.wasm())) !== 0) throw new Error('wasm literal and registered wasm differ');
  return {
    key: keys[0].description,
    wasm: bytes,
    wasmLiteral: text.slice(wasm.start, wasm.end),
    css: css ? text.slice(css.start, css.end) : null,
    glue: glue ? text.slice(glue.start, glue.end) : null,
    code: rest(text, [wasm, css, glue]),
  };
}

/**
 * Builds bench/hello with Trunk (toolchain as tools/wasm-toolchain.sh picks it) into
 * bench/out/, then wraps it exactly as tools/bundle.mjs wraps the app: import names
 * shortened, glue mangled by terser, wasm as a latin-1 string, registered on window.
 */
async function buildHello() {
  const toolchain = process.env.MG_WASM_TOOLCHAIN || 'nightly';
  const dist = join(OUT, `hello-dist-${toolchain}`);
  const target = join(OUT, `hello-target-${toolchain}`);
  console.error(`building the Yew hello world (bench/hello, ${toolchain}, target dir ${target}) ...`);
  const result = spawnSync('bash', ['-c', '. tools/env.sh && . tools/wasm-toolchain.sh && export CARGO_TARGET_DIR="$1" && cd bench/hello && exec trunk build --release --dist "$2"', '_', target, dist],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) { console.error('trunk build of bench/hello failed'); return null; }
  let glue = readFileSync(join(dist, 'hello.js'), 'utf8').replace(/^\/\/# sourceMappingURL.*$/m, '');
  let wasm = readFileSync(join(dist, 'hello_bg.wasm'));
  const short = shortenImports(wasm, glue);
  ({ wasm, glue } = short);
  const { minify } = await import('terser');
  const body = await minify([
    '(function () {', "'use strict';", "if (typeof window === 'undefined') return;",
    "var key = Symbol.for('hello.app');", 'if (window[key]) return;', 'var MG_WASM = "@@WASM@@";',
    'window[key] = {', '  glue: function () {', glue, '    return wasm_bindgen;', '  },',
    '  wasm: function () {', '    var bytes = new Uint8Array(MG_WASM.length);',
    '    for (var i = 0; i < MG_WASM.length; i++) bytes[i] = MG_WASM.charCodeAt(i);', '    return bytes;', '  },',
    '};', '})();',
  ].join('\n'), { ecma: 2017, compress: false, mangle: true, format: { comments: /^!/, ascii_only: true } });
  const script = '\ufeff/*! Yew hello world */\n' + body.code.replace('"@@WASM@@"', () => `"${latin1Literal(wasm)}"`) + '\n';
  return { toolchain, script, renamed: short.renamed };
}

// ---- the pages --------------------------------------------------------------------------

const LATIN1_SCRIPT = '<script src="/massage-guide.js?latin1" async></script>';
/** The product page's embeds: the page's <massage-guide …>…</massage-guide> + script, replaced. */
function productPages() {
  const page = readFileSync(join(BENCH, 'product-page.html'), 'utf8');
  const snippet = readFileSync(join(DIST, 'snippet.html'), 'utf8');
  const snippetElement = snippet.slice(snippet.indexOf('<massage-guide'), snippet.lastIndexOf('</massage-guide>') + '</massage-guide>'.length);
  const script = '<script src="/massage-guide.js" async></script>';
  const embed = /<massage-guide[\s\S]*?<\/massage-guide>\s*<script[^>]*massage-guide\.js[^>]*><\/script>/;
  if (!embed.test(page)) throw new Error('bench/product-page.html: no <massage-guide> + script to replace');
  const withEmbed = (html) => page.replace(embed, () => html);
  return {
    '/bench/product-page-without-widget.html': page.replace(/\s*<!-- bench:widget -->[\s\S]*<!-- \/bench:widget -->/, ''),
    // README "embed it in 5 lines", reduced to the element and the script: an EMPTY element.
    '/bench/product-page-minimal.html': withEmbed(`<massage-guide></massage-guide>\n      ${script}`),
    '/bench/product-page-snippet.html': withEmbed(`${snippetElement}\n      ${script}`),
    '/bench/product-page-minimal-interaction.html': withEmbed(`<massage-guide loading="interaction"></massage-guide>\n      ${script}`),
    '/bench/product-page-minimal-eager.html': withEmbed(`<massage-guide loading="eager"></massage-guide>\n      ${script}`),
    // The same pages with the app forced onto the latin-1 app script (see serveBench: `?latin1`).
    '/bench/product-page-minimal-latin1.html': withEmbed(`<massage-guide></massage-guide>\n      ${LATIN1_SCRIPT}`),
    '/bench/product-page-minimal-interaction-latin1.html': withEmbed(`<massage-guide loading="interaction"></massage-guide>\n      ${LATIN1_SCRIPT}`),
    '/bench/product-page-minimal-eager-latin1.html': withEmbed(`<massage-guide loading="eager"></massage-guide>\n      ${LATIN1_SCRIPT}`),
  };
}
const PAGES = {
  without: { path: '/bench/product-page-without-widget.html', label: 'without widget' },
  minimal: { path: '/bench/product-page-minimal.html', label: 'minimal embed (empty element)' },
  snippet: { path: '/bench/product-page-snippet.html', label: 'snippet (pre-rendered article)' },
};

/** Serves dist/ at / and bench/ at /bench/ (plus the product page variants), brotli-compressed. */
async function serveBench(extra = {}) {
  // --wasm-octet: serve the .wasm as a host without the wasm type would (compiled from bytes then).
  const TYPES = { '.wasm': has('--wasm-octet') ? 'application/octet-stream' : 'application/wasm', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.css': 'text/css' };
  const variants = { ...productPages(), ...extra };
  const encodings = new Set();
  const encoded = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const accepts = String(req.headers['accept-encoding'] || '');
    const send = (body, type) => {
      const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding && /text|javascript|json|svg|manifest|wasm|octet/.test(type)) {
        const key = `${encoding}:${path}${url.search}`;
        if (!encoded.has(key)) {
          encoded.set(key, encoding === 'br'
            ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
            : gzipSync(body, { level: 9 }));
        }
        headers['content-encoding'] = encoding;
        encodings.add(encoding);
        body = encoded.get(key);
      }
      res.writeHead(200, headers).end(body);
    };
    if (variants[path]) return send(Buffer.from(variants[path]), TYPES['.html']);
    const [base, rel] = path.startsWith('/bench/') ? [BENCH, path.slice(7)] : [DIST, path.slice(1) || 'index.html'];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end('not found');
    let body = readFileSync(file);
    // `massage-guide.js?latin1`: the binary wasm named on another origin, so the shell takes the
    // latin-1 app script (as on file://, or with the app on a CDN); that URL is never fetched.
    if (rel === FIRST && url.search === '?latin1') body = Buffer.from(body.toString('utf8').replace(`"${APP_WASM}"`, `"https://bench.invalid/${APP_WASM}"`));
    return send(body, TYPES[extname(file)] || 'application/octet-stream');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, encodings, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
}

// ---- 2. Lighthouse ----------------------------------------------------------------------------

async function benchLighthouse(server) {
  const version = execFileSync(join(ROOT, 'node_modules', '.bin', 'lighthouse'), ['--version'], { env, encoding: 'utf8' }).trim();
  const results = { without: [], minimal: [], snippet: [] };
  const order = Object.keys(results);
  for (let i = 1; i <= runs; i++) {
    // Interleaved, and the order rotates each round, so a slow spell on the machine spreads.
    for (let j = 0; j < order.length; j++) {
      const name = order[(i - 1 + j) % order.length];
      results[name].push(await lighthouse(`${server.origin}${PAGES[name].path}`, `product-${name}-${i}`));
    }
  }
  const s = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, summarize(list)]));
  const a = s.without;
  const cell = (x, key) => `${x[key]} (${x.all[key]})`;
  const delta = (x, key, digits = 0) => signed(x[key] - a[key], digits);
  emit(`## Demo product page (bench/product-page.html), Lighthouse ${version} mobile (default config: slow 4G, 4× CPU, simulated): median of ${runs} (all runs), interleaved`, '');
  const rows = [
    ['LCP (ms)', 'lcp', 0], ['LCP observed in the unthrottled trace (ms)', 'lcpObserved', 0], ['TBT (ms)', 'tbt', 0], ['CLS', 'cls', 3], ['FCP (ms)', 'fcp', 0], ['Speed Index (ms)', 'si', 0],
    ['Performance', 'performance', 0], ['Accessibility', 'accessibility', 0],
    ['transfer during the run (KiB)', 'transferKiB', 1],
    ['main-thread work, all (ms; mainthread-work-breakdown)', 'mainThread', 0], ['of which style & layout (ms)', 'styleLayout', 0],
    ['of which script evaluation + compile (ms)', 'scripting', 0],
    ['massage-guide.js main-thread time (ms; bootup-time, 0 = under its 50 ms threshold)', 'firstBootup', 0],
    ['massage-guide-app.js main-thread time (ms; same)', 'appBootup', 0], ['app script requested during the run (of N runs)', 'appFetched', 0], ['app script arrived during the run (of N runs)', 'appFinished', 0],
    ['Lighthouse benchmarkIndex', 'benchmarkIndex', 0],
  ].map(([label, key, digits]) => [label, cell(a, key), cell(s.minimal, key), delta(s.minimal, key, digits), cell(s.snippet, key), delta(s.snippet, key, digits)]);
  emit(...table(['metric', 'without widget', 'minimal embed', 'Δ minimal', 'snippet', 'Δ snippet'], rows), '');
  const checks = [
    ['minimal embed: LCP +≤ 100 ms', s.minimal.lcp - a.lcp, s.minimal.lcp - a.lcp <= 100, 0],
    ['minimal embed: TBT +≤ 50 ms', s.minimal.tbt - a.tbt, s.minimal.tbt - a.tbt <= 50, 0],
    ['minimal embed: CLS ≤ 0.05', s.minimal.cls, s.minimal.cls <= 0.05, 3],
    ['snippet: CLS = 0', s.snippet.cls, s.snippet.cls === 0, 3],
    ['snippet: LCP +≤ 100 ms (same goal, for reference)', s.snippet.lcp - a.lcp, s.snippet.lcp - a.lcp <= 100, 0],
    ['snippet: TBT +≤ 50 ms (same goal, for reference)', s.snippet.tbt - a.tbt, s.snippet.tbt - a.tbt <= 50, 0],
  ];
  emit(...table(['budget (issue 11)', 'measured (median)', 'status'], checks.map(([label, value, ok, digits]) => [label, /CLS/.test(label) ? value.toFixed(digits) : signed(value, digits), verdict(ok)])), '');
  emit('Long tasks of the median-TBT run (Lighthouse long-tasks audit, ms: script @start+duration):', '');
  for (const name of order) {
    const run = results[name].find((r) => r.tbt === medianRun(results[name], 'tbt'));
    emit(`- ${PAGES[name].label}: ${run?.longTasks.join(', ') || 'none'}`);
  }
  emit('');
  const lcpError = Object.values(results).flat().find((r) => r.lcpError)?.lcpError;
  for (const name of order) {
    const lcp = results[name].map((r) => r.lcpElement).filter(Boolean);
    if (!lcp.length) continue;
    const common = lcp.sort((x, y) => lcp.filter((v) => v === y).length - lcp.filter((v) => v === x).length)[0];
    emit(`- LCP element, ${PAGES[name].label}: \`${common}\`${new Set(lcp).size > 1 ? ` (other runs: ${[...new Set(lcp)].filter((v) => v !== common).map((v) => `\`${v}\``).join(', ')})` : ''}; `
      + `LCP phases of the median run: ${results[name].find((r) => r.lcp === medianRun(results[name], 'lcp'))?.lcpPhases || '–'}`);
  }
  if (lcpError) emit(`Lighthouse could not name the LCP element with this Chromium (${lcpError.slice(0, 160)}); part 3 lists the page's own LCP candidates.`);
  emit('', 'The app script is fetched only after `load` (loading="auto": idle, and the element within about one screen); '
    + 'Lighthouse keeps tracing until the network and CPU are quiet, so a prefetch that starts in that window is in "transfer" and may add to TBT.', '');
  summary.lighthouse = { version, product: s };
  save();

  if (!has('--no-standalone')) {
    const standalone = [];
    for (let i = 1; i <= runs; i++) standalone.push(await lighthouse(`${server.origin}/`, `standalone-${i}`));
    const t = summarize(standalone);
    emit(`## Lighthouse ${version}, mobile, standalone page (dist/index.html) on 127.0.0.1: median of ${runs}`, '');
    emit(...table(['metric', 'median', 'runs', 'goal (PRODUCT.md 8)'], [
      ['Performance', t.performance, t.all.performance, '≥ 95'],
      ['Accessibility', t.accessibility, t.all.accessibility, '100'],
      ['Best Practices', t['best-practices'], t.all['best-practices'], '100'],
      ['SEO', t.seo, t.all.seo, '100'],
      ['LCP (ms)', t.lcp, t.all.lcp, ''],
      ['TBT (ms)', t.tbt, t.all.tbt, ''],
      ['CLS', t.cls, t.all.cls, ''],
      ['FCP (ms)', t.fcp, t.all.fcp, ''],
      ['massage-guide.js main-thread time (ms)', t.firstBootup, t.all.firstBootup, ''],
      ['massage-guide-app.js main-thread time (ms)', t.appBootup, t.all.appBootup, ''],
      ['Lighthouse benchmarkIndex (this machine)', t.benchmarkIndex, t.all.benchmarkIndex, ''],
    ]), '');
    const failing = standalone.flatMap((r) => r.failing).filter((v, i, list) => list.indexOf(v) === i);
    if (failing.length) emit(`Audits below full score in any run: ${failing.join('; ')}.`, '');
    summary.lighthouse.standalone = t;
    save();
  }
}

function medianRun(list, key) {
  const values = list.map((r) => r[key]).sort((x, y) => x - y);
  return values[Math.floor((values.length - 1) / 2)];
}

/**
 * One Lighthouse run; the JSON report is kept in bench/out/. Asynchronous on purpose: the
 * page is served by this same process.
 */
async function lighthouse(url, name) {
  const output = join(OUT, `lh-${name}.json`);
  console.error(`lighthouse ${name}: ${url}`);
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'lighthouse'), [
    url, '--output=json', `--output-path=${output}`, '--quiet', `--chrome-flags=${CHROME_FLAGS}`,
    '--only-categories=performance,accessibility,best-practices,seo', '--max-wait-for-load=60000',
  ], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const timer = setTimeout(() => child.kill(), 240_000);
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  clearTimeout(timer);
  if (status !== 0 || !existsSync(output)) throw new Error(`lighthouse failed for ${url} (exit ${status})`);
  const lhr = JSON.parse(readFileSync(output, 'utf8'));
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const metric = (id) => lhr.audits[id]?.numericValue;
  const bootup = (re) => (lhr.audits['bootup-time']?.details?.items || []).filter((item) => re.test(item.url)).reduce((sum, item) => sum + item.total, 0);
  const group = (id) => (lhr.audits['mainthread-work-breakdown']?.details?.items || []).filter((item) => item.group === id).reduce((sum, item) => sum + item.duration, 0);
  const requests = lhr.audits['network-requests']?.details?.items || [];
  const lcpDetails = lhr.audits['largest-contentful-paint-element']?.details?.items || [];
  const lcpNode = lcpDetails[0]?.items?.[0]?.node;
  const phases = (lcpDetails[1]?.items || []).map((p) => `${p.phase} ${Math.round(p.timing)}`).join(', ');
  const failing = Object.values(lhr.categories).flatMap((category) => category.auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => `${category.title}: ${lhr.audits[ref.id].title}`));
  return {
    performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'),
    lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
    fcp: metric('first-contentful-paint'), si: metric('speed-index'),
    lcpObserved: lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint,
    longTasks: (lhr.audits['long-tasks']?.details?.items || []).map((item) => `${String(item.url || '').replace(/^.*\//, '') || '?'} @${Math.round(item.startTime)}+${Math.round(item.duration)}`),
    transferKiB: (metric('total-byte-weight') || 0) / KIB,
    firstBootup: bootup(/massage-guide\.js/), appBootup: bootup(/massage-guide-app(\.[0-9a-f]{8})?\.js/),
    mainThread: metric('mainthread-work-breakdown'),
    styleLayout: group('styleLayout'),
    scripting: group('scriptEvaluation') + group('scriptParseCompile'),
    appFetched: requests.some((r) => /massage-guide(-block)?-app(\.[0-9a-f]{8})?\.js/.test(r.url)) ? 1 : 0,
    lcpElement: lcpNode ? (lcpNode.selector || lcpNode.nodeLabel || '').slice(0, 80) : null,
    lcpPhases: phases,
    lcpError: lhr.audits['largest-contentful-paint-element']?.errorMessage || null,
    appFinished: requests.some((r) => /massage-guide-app(\.[0-9a-f]{8})?\.js/.test(r.url) && r.finished && r.transferSize > 0) ? 1 : 0,
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    failing,
  };
}

function summarize(results) {
  const keys = ['performance', 'accessibility', 'best-practices', 'seo', 'lcp', 'lcpObserved', 'tbt', 'cls', 'fcp', 'si', 'transferKiB', 'mainThread', 'styleLayout', 'scripting', 'firstBootup', 'appBootup', 'benchmarkIndex'];
  const fmt = (key, v) => (!Number.isFinite(v) ? '–' : key === 'cls' ? v.toFixed(3) : key === 'transferKiB' ? v.toFixed(1) : Math.round(v));
  const out = { all: {} };
  for (const key of keys) {
    const values = results.map((r) => r[key]);
    out[key] = Number(fmt(key, median(values)));
    out.all[key] = values.map((v) => fmt(key, v)).join(', ');
  }
  for (const key of ['appFetched', 'appFinished']) {
    out[key] = results.reduce((sum, r) => sum + r[key], 0);
    out.all[key] = `of ${results.length}`;
  }
  return out;
}

// ---- 3. Bytes before load -----------------------------------------------------------------

/**
 * Loads `url` in a fresh context and sums CDP `Network.loadingFinished.encodedDataLength` (bytes
 * on the wire, headers included) of the requests that finished before `Page.loadEventFired`;
 * then waits `after` ms and reports what came later (the app prefetch, with loading="auto").
 */
async function transferred(browser, url, { after = 5000 } = {}) {
  // Lighthouse's phone (Moto G Power): 412×823 CSS px at 1.75 device pixels per px, touch.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // The page's own view, for the diagnosis: the LCP candidates and the layout shifts.
  await page.addInitScript(() => {
    window.__mg = { lcp: [], cls: 0 };
    const describe = (el) => {
      if (!el) return '(no element exposed: e.g. inside a shadow root)';
      const host = el.getRootNode && el.getRootNode().host;
      return `${host ? `${host.localName} › ` : ''}${el.localName}${el.id ? `#${el.id}` : ''}${el.classList && el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__mg.lcp.push({ at: Math.round(e.startTime), size: e.size, element: describe(e.element), url: e.url ? e.url.replace(/^.*\//, '') : '' });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__mg.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    } catch (e) { /* old engine */ }
  });
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  let loadAt = Infinity;
  cdp.on('Network.requestWillBeSent', (e) => { if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, sent: e.timestamp }); });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] || 'identity';
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.chunks = [...(r.chunks || []), [e.timestamp, e.encodedDataLength]];
  });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) Object.assign(r, { finished: e.timestamp, bytes: e.encodedDataLength }); });
  cdp.on('Network.loadingFailed', (e) => { const r = requests.get(e.requestId); if (r) Object.assign(r, { finished: e.timestamp, bytes: 0, failed: e.errorText }); });
  cdp.on('Page.loadEventFired', (e) => { loadAt = Math.min(loadAt, e.timestamp); });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Page.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(after);
  const seen = await page.evaluate(() => window.__mg);
  await context.close();
  const list = [...requests.values()].map((r) => ({
    path: new URL(r.url).pathname, encoding: r.encoding, bytes: r.bytes ?? 0,
    beforeLoad: r.finished !== undefined && r.finished <= loadAt,
    // A request still in flight at `load` counts with the bytes received by then.
    bytesBeforeLoad: r.finished !== undefined && r.finished <= loadAt ? r.bytes : (r.chunks || []).filter(([t]) => t <= loadAt).reduce((sum, [, n]) => sum + n, 0),
    startedAfterLoadMs: r.sent > loadAt ? Math.round((r.sent - loadAt) * 1000) : null,
  }));
  return {
    beforeLoad: list.reduce((sum, r) => sum + r.bytesBeforeLoad, 0),
    total: list.reduce((sum, r) => sum + r.bytes, 0),
    list,
    lcp: seen.lcp,
    cls: seen.cls,
  };
}

async function benchBytes(server) {
  const browser = await launch();
  const results = { without: [], minimal: [], snippet: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const name of Object.keys(results)) results[name].push(await transferred(browser, `${server.origin}${PAGES[name].path}`));
    }
  } finally {
    await browser.close();
  }
  const m = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, {
    beforeLoad: median(list.map((r) => r.beforeLoad)), total: median(list.map((r) => r.total)), runs: list,
  }]));
  const base = m.without.beforeLoad;
  emit(`## Bytes transferred before the \`load\` event (Chromium, CDP encodedDataLength incl. headers, Lighthouse's phone emulation 412×823 @1.75, no throttling, cold cache; median of ${runs})`, '');
  const row = (name) => {
    const r = m[name];
    const last = r.runs[r.runs.length - 1];
    const app = last.list.find((x) => /massage-guide-app(\.[0-9a-f]{8})?\.js$/.test(x.path));
    return [PAGES[name].label, `${int(r.beforeLoad)} (${kib(r.beforeLoad)} KiB)`, name === 'without' ? '–' : `${r.beforeLoad - base >= 0 ? '+' : ''}${int(r.beforeLoad - base)} (${signed((r.beforeLoad - base) / KIB, 1)} KiB)`,
      `${int(r.total)} (${kib(r.total)} KiB)`,
      app ? `yes, ${int(app.bytes)} B, ${app.startedAfterLoadMs !== null ? `started ${app.startedAfterLoadMs} ms after load` : 'before load'}` : 'no',
      r.runs.map((x) => int(x.beforeLoad)).join(', ')];
  };
  emit(...table(['page', 'before load (B)', 'Δ vs without', 'total until 5 s after load (B)', 'app script fetched (loading="auto")', 'runs, before load'], Object.keys(results).map(row)), '');
  const delta = m.minimal.beforeLoad - base;
  emit(`Budget: minimal embed +≤ 15 KiB before load: ${signed(delta / KIB, 1)} KiB, ${verdict(delta <= 15 * KIB)}. `
    + `Snippet: ${signed((m.snippet.beforeLoad - base) / KIB, 1)} KiB (its HTML carries the article).`, '');
  const last = m.minimal.runs[m.minimal.runs.length - 1];
  emit('Requests of the minimal embed page (last run):', '');
  emit(...table(['request', 'content-encoding', 'bytes on the wire', 'when'], last.list.map((r) => [r.path, r.encoding || '–', int(r.bytes),
    r.beforeLoad ? 'before load' : r.startedAfterLoadMs !== null ? `after load (+${r.startedAfterLoadMs} ms)` : 'in flight at load'])), '');
  emit('The same loads as seen by the page (unthrottled, same phone emulation): the largest-contentful-paint candidates in order, and the layout shifts:', '');
  emit(...table(['page', 'LCP candidates (ms: element, size px²)', 'CLS (sum of layout-shift values)'], Object.keys(results).map((name) => {
    const r = m[name].runs[m[name].runs.length - 1];
    return [PAGES[name].label, r.lcp.map((e) => `${e.at}: ${e.element}${e.url ? ` (${e.url})` : ''}, ${int(e.size)}`).join('; ') || '–', Number(r.cls).toFixed(3)];
  })), '');
  summary.bytes = m;
  save();
}

// ---- 4. Safety-check tab to first question ------------------------------------------------------

const PROFILES = [
  // Lighthouse's mobile "slow 4G" as its constants give it: 150 ms RTT, 1,638.4 kbps down,
  // 750 kbps up (applied as DevTools throttling, without Lighthouse's 3.75x latency factor).
  { name: 'Lighthouse slow 4G (150 ms RTT, 1.6 Mbps)', down: 1638.4 * 1000 / 8, up: 750 * 1000 / 8, latency: 150 },
  // The brief's slow connection: 400 kbps down, 400 ms round trip.
  { name: '400 kbps (400 ms RTT)', down: 400 * 1000 / 8, up: 400 * 1000 / 8, latency: 400 },
];
/** How the app reaches the page: the shell's choice on a same-origin http(s) page, or forced. */
const APP_PATHS = [
  { name: 'glue script + binary wasm (same origin)', suffix: '' },
  { name: 'latin-1 app script', suffix: '-latin1' },
];
const MODES = [
  { name: 'not prefetched (loading="interaction")', path: '/bench/product-page-minimal-interaction.html', prefetch: false, budget: 1500 },
  { name: 'prefetched (loading="eager")', path: '/bench/product-page-minimal-eager.html', prefetch: true, budget: 200 },
  { name: 'prefetched (loading="auto", after it loaded)', path: '/bench/product-page-minimal.html', prefetch: true, budget: 200 },
];

/**
 * One measurement: page loaded under throttling; for the prefetched modes, wait until the app
 * script has registered and had 2 s to instantiate; the tab bar scrolled into view; then a
 * real click on "Safety check". In the page: the click's event.timeStamp, the first animation
 * frame showing "Loading…", the first frame showing the quiz intro's Start button (which is
 * then clicked at once, in the page), and the first frame showing the first question's legend.
 */
async function tabOnce(browser, url, profile, mode) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const appRequests = [];
  cdp.on('Network.requestWillBeSent', (e) => { if (APP_REQUEST.test(e.request.url)) appRequests.push(e.timestamp); });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const key = `massage-guide.app@${VERSION}`;
    await page.locator('massage-guide [data-mg-tab="quiz"]').scrollIntoViewIfNeeded();
    if (mode.prefetch) {
      // The app registers under version + build: `massage-guide.app@<version>+<build>`.
      await page.waitForFunction((k) => Object.getOwnPropertySymbols(window).some((s) => String(s.description).startsWith(k)), key, { timeout: 120_000, polling: 100 });
      await page.waitForTimeout(2000);
    } else {
      await page.waitForTimeout(1500);
    }
    const requestedBefore = appRequests.length > 0;
    await page.evaluate(() => {
      const root = document.querySelector('massage-guide').shadowRoot;
      const visible = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
      window.__mgTab = new Promise((resolve) => {
        root.addEventListener('click', (event) => {
          if (window.__mgT || !event.target.closest || !event.target.closest('[data-mg-tab="quiz"]')) return;
          const t = window.__mgT = { click: event.timeStamp };
          const frame = () => {
            // performance.now(), not the frame's timestamp: the moment of the check, just before that frame paints.
            const at = performance.now();
            if (t.loading === undefined && visible(root.querySelector('.mg-status .mg-loading'))) t.loading = at;
            if (t.intro === undefined) {
              const start = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Start' && visible(b));
              if (start) { t.intro = at; start.click(); }
            }
            if (t.intro !== undefined && visible(root.querySelector('legend.mg-quiz-legend'))) {
              t.question = performance.now();
              const app = performance.getEntriesByType('resource').filter((e) => /massage-guide-app[.\w-]*\.(js|wasm)/.test(e.name) && e.startTime >= t.click);
              if (app.length) {
                const start = Math.min(...app.map((e) => e.startTime));
                t.download = [start - t.click, Math.max(...app.map((e) => e.responseEnd)) - start];
              }
              resolve(t);
              return;
            }
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }, true);
      });
    });
    await page.locator('massage-guide [data-mg-tab="quiz"]').click();
    const t = await page.evaluate(() => Promise.race([window.__mgTab, new Promise((resolve) => setTimeout(() => resolve(null), 60_000))]));
    if (!t) throw new Error('the first question did not appear within 60 s');
    return {
      loading: t.loading !== undefined ? t.loading - t.click : NaN,
      intro: t.intro - t.click,
      startToQuestion: t.question - t.intro,
      total: t.question - t.click,
      requestAt: t.download ? t.download[0] : NaN,
      download: t.download ? t.download[1] : NaN,
      requestedBefore,
    };
  } finally {
    await context.close();
  }
}

async function benchTab(server) {
  const browser = await launch();
  const rows = [];
  const raw = [];
  try {
    for (const profile of PROFILES) {
      for (const mode of MODES.filter((m) => !has('--no-auto') || !/auto/.test(m.name))) {
        for (const app of APP_PATHS) {
          const list = [];
          const path = mode.path.replace(/\.html$/, `${app.suffix}.html`);
          for (let i = 1; i <= runs; i++) {
            console.error(`tab: ${profile.name}, ${mode.name}, ${app.name}, run ${i}`);
            try {
              list.push(await tabOnce(browser, `${server.origin}${path}`, profile, mode));
            } catch (error) {
              console.error(`  failed: ${error.message}`);
              list.push({ loading: NaN, requestAt: NaN, download: NaN, intro: NaN, startToQuestion: NaN, total: NaN, requestedBefore: null, error: error.message });
            }
          }
          const med = (key) => median(list.map((r) => r[key]));
          const prefetchedOk = list.filter((r) => r.requestedBefore === mode.prefetch).length;
          rows.push([profile.name, mode.name, app.name, int(med('loading')), int(med('requestAt')), int(med('download')), int(med('intro')), int(med('startToQuestion')),
            `**${int(med('total'))}** (${list.map((r) => int(r.total)).join(', ')})`, `${prefetchedOk} of ${list.length}`]);
          raw.push({ profile: profile.name, mode: mode.name, app: app.name, runs: list });
        }
      }
    }
  } finally {
    await browser.close();
  }
  emit(`## Safety check tab to first question, product page with the minimal embed, 412×823, DevTools throttling + 4× CPU (ms, median of ${runs}; all runs of the total)`, '');
  emit(`The .wasm is served as ${has('--wasm-octet') ? 'application/octet-stream (compiled from the whole body)' : 'application/wasm (compiled as it streams in)'}.`, '');
  emit(...table(['network', 'app', 'app files', 'click → "Loading…" shown', 'click → app request', 'app files: first request → last byte', 'click → quiz intro', 'Start → first question', 'click → first question (all runs)', 'app requested before the click as intended'], rows), '');
  emit('The quiz opens on an intro screen with a Start button; the bench clicks Start in the page as soon as it is visible, '
    + 'so the total holds no automation delay. Times run from the click event (a real click through the DevTools protocol) '
    + 'to the first animation frame in which the element is visible; the app file columns come from Resource Timing (cold case only). '
    + 'Reported, never asserted.', '');
  summary.tab = raw;
  save();
}

// ---- 5. The Shopify app block -------------------------------------------------------------

const SHOPIFY = {
  without: { path: '/bench/product-page-without-widget.html', label: 'without the block' },
  block: { path: '/bench/product-page-shopify-block.html', label: 'with the app block (defaults)' },
  interaction: { path: '/bench/product-page-shopify-block-interaction.html', label: 'with the app block, loading: On first use' },
};

/** The product page with the app block where the widget was, and its head additions. */
async function shopifyPages() {
  const ext = join(DIST, 'shopify-extension');
  if (!existsSync(join(ext, 'blocks', 'massage-guide.liquid'))) throw new Error(`${ext} is missing: run tools/build.sh first`);
  const assets = '/shopify-extension/assets/';
  const page = readFileSync(join(BENCH, 'product-page.html'), 'utf8');
  const embed = /<massage-guide[\s\S]*?<\/massage-guide>\s*<script[^>]*massage-guide\.js[^>]*><\/script>/;
  if (!embed.test(page)) throw new Error('bench/product-page.html: no <massage-guide> + script to replace');
  const withBlock = async (settings) => {
    const html = await renderBlock(ext, {
      assets, origin: 'https://shop.example', product: { title: 'MedMassager Body Massager Classic', url: '/products/classic' }, country: 'GB', settings,
    });
    return page.replace(embed, () => html).replace('</head>', () => `${blockHead(ext, assets)}\n</head>`);
  };
  return { [SHOPIFY.block.path]: await withBlock({}), [SHOPIFY.interaction.path]: await withBlock({ loading: 'interaction' }) };
}

async function benchShopify(server) {
  const version = execFileSync(join(ROOT, 'node_modules', '.bin', 'lighthouse'), ['--version'], { env, encoding: 'utf8' }).trim();
  const results = { without: [], block: [], interaction: [] };
  const order = Object.keys(results);
  for (let i = 1; i <= runs; i++) {
    for (let j = 0; j < order.length; j++) {
      const name = order[(i - 1 + j) % order.length];
      results[name].push(await lighthouse(`${server.origin}${SHOPIFY[name].path}`, `shopify-${name}-${i}`));
    }
  }
  const s = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, summarize(list)]));
  const cell = (x, key) => `${x[key]} (${x.all[key]})`;
  emit(`## Shopify app block on the demo product page, Lighthouse ${version} mobile (slow 4G, 4× CPU, simulated): median of ${runs} (all runs), interleaved`, '');
  const rows = [['Performance', 'performance', 0], ['LCP (ms)', 'lcp', 0], ['TBT (ms)', 'tbt', 0], ['CLS', 'cls', 3], ['FCP (ms)', 'fcp', 0],
    ['transfer during the run (KiB)', 'transferKiB', 1], ['app requested during the run (of N runs)', 'appFetched', 0]];
  const delta = (name, key, digits) => (key === 'appFetched' ? '' : signed(s[name][key] - s.without[key], digits));
  emit(...table(['metric', SHOPIFY.without.label, SHOPIFY.block.label, 'Δ', SHOPIFY.interaction.label, 'Δ'], rows.map(([label, key, digits]) => [
    label, cell(s.without, key), cell(s.block, key), delta('block', key, digits), cell(s.interaction, key), delta('interaction', key, digits),
  ])), '');
  emit(...table(['goal (issue 22), block with its defaults', 'measured (median)', 'status'], [
    ['0 performance points lost', signed(s.block.performance - s.without.performance), verdict(s.block.performance >= s.without.performance)],
    ['LCP +≤ 50 ms', signed(s.block.lcp - s.without.lcp), verdict(s.block.lcp - s.without.lcp <= 50)],
    ['CLS 0', s.block.cls.toFixed(3), verdict(s.block.cls === 0)],
  ]), '');
  emit(`Lighthouse benchmarkIndex of the runs: ${Object.values(s).map((x) => x.all.benchmarkIndex).join('; ')}.`, '');
  summary.shopify = s;
  save();
}

/** What a reader downloads after the first script to reach the safety check, per locale and per
 *  way the app comes (brotli -11, each file compressed on its own as a server sends it). */
function benchAppBytes() {
  const br = (file) => sizes(readFileSync(distFile(DIST, file))).brotli;
  const ways = [['glue script + binary wasm (same-origin http(s))', [APP_GLUE, APP_WASM]], ['latin-1 app script (file://, other origin, fallback)', [APP]]];
  // Both locales ship in the one wasm today (the copy is shared; the packs differ by 16 keys),
  // so every locale downloads the same files.
  const rows = [];
  for (const locale of ['en-US', 'en-GB']) {
    for (const [name, files] of ways) {
      if (!files.every((f) => existsSync(distFile(DIST, f)))) continue;
      const total = files.reduce((sum, f) => sum + br(f), 0);
      rows.push([locale, name, files.map((f) => `${f} ${int(br(f))}`).join(' + '), `**${int(total)}** (${kib(total)} KiB)`]);
    }
  }
  emit('## The app\'s bytes per locale (what a reader downloads after the first script, brotli -11)', '');
  emit(...table(['locale', 'app comes as', 'files (brotli bytes)', 'total brotli bytes'], rows), '');
  emit('One wasm serves every locale today: an en-GB reader downloads the same bytes as an en-US one.', '');
  summary.appBytes = rows;
  save();
}

// ---- main (last, so every table above is initialised) ------------------------------------

try {
  if (doSizes) await benchSizes();
  if (doLighthouse || doBytes || doTab || doShopify) {
    const server = await serveBench(doShopify ? await shopifyPages() : {});
    try {
      if (doLighthouse) await benchLighthouse(server);
      if (doBytes) await benchBytes(server);
      if (doTab) { benchAppBytes(); await benchTab(server); }
      if (doShopify) await benchShopify(server);
    } finally {
      await server.close();
    }
    emit(`Pages served from 127.0.0.1 by tools/bench.mjs; content encodings used: ${[...server.encodings].join(', ') || 'none'} (brotli whenever the browser offers it, as a CDN does).`, '');
  }
  if (doLighthouse || doTab || doShopify) emit('**Caveat.** This machine has 2 cores shared with other agents (load average at the end: '
    + `${loadavg().map((x) => x.toFixed(2)).join(' / ')}). Lighthouse runs one at a time, but its simulated figures scale with the CPU time it observes `
    + '(see benchmarkIndex), and the throttled timings in part 4 include CPU contention on top of the 4x slowdown.', '');
} finally {
  save();
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify(summary, null, 2));
  console.log(`\n(written to ${join(OUT, 'bench.md')} and summary.json)`);
}
