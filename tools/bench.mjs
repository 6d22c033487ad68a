// Benchmarks (not tests): prints markdown tables and writes them to bench/out/ (git-ignored).
//
//   node tools/bench.mjs                 everything (about 5 minutes on 2 cores)
//   node tools/bench.mjs --sizes         only the size tables (builds the Yew hello world)
//   node tools/bench.mjs --lighthouse    only the Lighthouse tables
//   node tools/bench.mjs --runs 5        Lighthouse runs per page (default 3; the median is kept)
//
// Needs a release build first (`trunk build --release`, or MG_DIST=<dir> for another dist).
//
// 1. Sizes: raw, gzip -9 and brotli -11 of every dist/ file; the widget against a bare Yew 0.23
//    hello world (bench/hello/, same release profile, wasm-bindgen target and wasm-opt flags,
//    built by Trunk into bench/out/), as wasm + glue and inlined into one script the same way.
// 2. Lighthouse 12.2.3 with Debian Chromium, mobile (the default config: Moto G Power, slow 4G,
//    4x CPU), N runs, median: the standalone page served on 127.0.0.1.
// 3. The demo product page bench/product-page.html with and without the widget, runs
//    interleaved in one session: the differences in TBT, CLS and LCP.
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { join, dirname, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { sizes } from './sizes.mjs';
import { latin1Literal } from './encode.mjs';

/** Content encodings the bench server actually used (reported under the Lighthouse tables). */
const encodings = new Set();

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.MG_DIST || join(ROOT, 'dist');
const BENCH = join(ROOT, 'bench');
const OUT = join(BENCH, 'out');
const HELLO = join(BENCH, 'hello');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

const args = process.argv.slice(2);
const only = (flag) => args.includes(flag);
const doSizes = only('--sizes') || !only('--lighthouse');
const doLighthouse = only('--lighthouse') || !only('--sizes');
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

const env = {
  ...process.env,
  PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`,
  TRUNK_SKIP_VERSION_CHECK: 'true',
  CHROME_PATH: CHROME,
};

if (!existsSync(join(DIST, 'massage-guide.js'))) {
  console.error(`${DIST}/massage-guide.js is missing: run \`trunk build --release\` first (or set MG_DIST).`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

const report = [`# massage-guide benchmarks`, '', `${new Date().toISOString()}, dist: ${DIST}`, ''];
const emit = (...lines) => { for (const line of lines) { console.log(line); report.push(line); } };

const kib = (n) => (n / 1024).toFixed(1);
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

if (doSizes) benchSizes();
if (doLighthouse) await benchLighthouse();

writeFileSync(join(OUT, 'bench.md'), report.join('\n') + '\n');
console.log(`\n(written to ${join(OUT, 'bench.md')})`);

// ---- 1. sizes ------------------------------------------------------------------------

function benchSizes() {
  emit('## Sizes of dist/ (bytes; KiB = 1024 bytes)', '');
  const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile()).sort();
  emit(...table(['file', 'raw', 'gzip -9', 'brotli -11', 'brotli KiB'], files.map((f) => {
    const s = sizes(readFileSync(join(DIST, f)));
    return [f, s.raw, s.gzip, s.brotli, kib(s.brotli)];
  })), '');

  const widget = splitWidgetScript(readFileSync(join(DIST, 'massage-guide.js'), 'utf8'));
  const hello = buildHello();
  const pairs = [
    ['wasm', widget.wasm, hello.wasm],
    ['JS glue (wasm-bindgen no-modules)', Buffer.from(widget.glue), Buffer.from(hello.glue)],
    ['wasm + glue (two files)', null, null, [widget.wasm, Buffer.from(widget.glue)], [hello.wasm, Buffer.from(hello.glue)]],
    ['CSS (minified)', Buffer.from(widget.css), null],
    ['embed/element.js', Buffer.from(widget.element), null],
    ['one script, wasm inlined as latin-1 (massage-guide.js)', readFileSync(join(DIST, 'massage-guide.js')), Buffer.from(hello.inlined)],
  ];
  const cell = (s) => (s ? `${s.raw} / ${s.gzip} / ${s.brotli}` : '–');
  const sum = (parts) => parts.map(sizes).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  const rows = pairs.map(([name, w, h, wParts, hParts]) => {
    const ws = wParts ? sum(wParts) : w && sizes(w);
    const hs = hParts ? sum(hParts) : h && sizes(h);
    return [name, cell(ws), cell(hs), ws && hs ? `${(ws.brotli / hs.brotli).toFixed(2)}×` : '–',
      ws ? kib(ws.brotli) : '–', hs ? kib(hs.brotli) : '–'];
  });
  emit('## The widget against a bare Yew 0.23 hello world (same profile and wasm-opt flags)', '');
  emit(...table(['part', 'massage-guide raw / gzip / brotli', 'Yew hello world raw / gzip / brotli', 'ratio (brotli)', 'widget brotli KiB', 'hello brotli KiB'], rows), '');
  const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8'));
  const shipped = sizes(readFileSync(join(DIST, 'massage-guide.js'))).brotli;
  emit(`massage-guide.js brotli: ${shipped} bytes (${kib(shipped)} KiB); budget ${budget.brotli_bytes} bytes (size-budget.json); `
    + `product goal ${kib(budget.goal_bytes)} KiB: ${shipped <= budget.goal_bytes ? 'met' : `${kib(shipped - budget.goal_bytes)} KiB over`}.`, '');
}

/** Splits dist/massage-guide.js (see tools/bundle.mjs) into wasm bytes, glue, CSS and element.js. */
function splitWidgetScript(text) {
  text = text.replace(/^\ufeff/, '');
  const cssLine = text.match(/^var MG_CSS = (.*);$/m);
  const start = text.indexOf('var MG_WASM = "') + 'var MG_WASM = "'.length;
  const bytes = [];
  let i = start;
  for (; text[i] !== '"'; i++) {
    if (text[i] !== '\\') { bytes.push(text.charCodeAt(i)); continue; }
    const c = text[++i];
    if (c === 'x') { bytes.push(parseInt(text.slice(i + 1, i + 3), 16)); i += 2; }
    else bytes.push({ n: 0x0a, r: 0x0d, '\\': 0x5c, '"': 0x22 }[c]);
  }
  const glueStart = text.indexOf('function mgGlue() {\n') + 'function mgGlue() {\n'.length;
  const glueEnd = text.indexOf('\nreturn wasm_bindgen;\n}\n', glueStart);
  const elementStart = glueEnd + '\nreturn wasm_bindgen;\n}\n'.length;
  return {
    wasm: Buffer.from(bytes),
    css: JSON.parse(cssLine[1]),
    glue: text.slice(glueStart, glueEnd),
    element: text.slice(elementStart, text.lastIndexOf('})();')),
  };
}

/** Builds bench/hello with Trunk into bench/out/hello-dist and inlines it like bundle.mjs does. */
function buildHello() {
  const dist = join(OUT, 'hello-dist');
  console.error('building the Yew hello world (bench/hello, target dir bench/out/hello-target) ...');
  const result = spawnSync('trunk', ['build', '--release', '--dist', dist], { cwd: HELLO, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('trunk build of bench/hello failed');
  const glue = readFileSync(join(dist, 'hello.js'), 'utf8').replace(/^\/\/# sourceMappingURL.*$/m, '');
  const wasm = readFileSync(join(dist, 'hello_bg.wasm'));
  const inlined = [
    '\ufeff(function () {',
    "'use strict';",
    `var MG_WASM = "${latin1Literal(wasm)}";`,
    'function mgGlue() {',
    glue,
    'return wasm_bindgen;',
    '}',
    'var bytes = new Uint8Array(MG_WASM.length);',
    'for (var i = 0; i < MG_WASM.length; i++) bytes[i] = MG_WASM.charCodeAt(i);',
    'mgGlue()({ module_or_path: bytes });',
    '})();',
    '',
  ].join('\n');
  return { wasm, glue, inlined };
}


// ---- 2 and 3. Lighthouse -------------------------------------------------------------------

async function benchLighthouse() {
  const server = await serveBench();
  const version = execFileSync(join(ROOT, 'node_modules', '.bin', 'lighthouse'), ['--version'], { env, encoding: 'utf8' }).trim();
  try {
    // The standalone page.
    const standalone = [];
    for (let i = 1; i <= runs; i++) standalone.push(await lighthouse(`${server.origin}/`, `standalone-${i}`));
    const s = summarize(standalone);
    emit(`## Lighthouse ${version}, mobile (default config), standalone page on 127.0.0.1: median of ${runs}`, '');
    emit(...table(['metric', 'median', 'runs', 'goal (PRODUCT.md 8)'], [
      ['Performance', s.performance, s.all.performance, '≥ 95'],
      ['Accessibility', s.accessibility, s.all.accessibility, '100'],
      ['Best Practices', s['best-practices'], s.all['best-practices'], '100'],
      ['SEO', s.seo, s.all.seo, '100'],
      ['LCP (ms)', s.lcp, s.all.lcp, ''],
      ['TBT (ms)', s.tbt, s.all.tbt, ''],
      ['CLS', s.cls, s.all.cls, ''],
      ['FCP (ms)', s.fcp, s.all.fcp, ''],
      ['massage-guide.js main-thread time (ms)', s.widgetBootup, s.all.widgetBootup, ''],
      ['Lighthouse benchmarkIndex (this machine)', s.benchmarkIndex, s.all.benchmarkIndex, ''],
    ]), '');
    const failing = standalone.flatMap((r) => r.failing).filter((v, i, a) => a.indexOf(v) === i);
    if (failing.length) emit(`Audits below full score in any run: ${failing.join('; ')}.`, '');

    // The product page, with and without the widget, interleaved.
    const withWidget = [];
    const without = [];
    for (let i = 1; i <= runs; i++) {
      without.push(await lighthouse(`${server.origin}/bench/product-page-without-widget.html`, `product-without-${i}`));
      withWidget.push(await lighthouse(`${server.origin}/bench/product-page-with-widget.html`, `product-with-${i}`));
    }
    const a = summarize(without);
    const b = summarize(withWidget);
    const started = await widgetStartsWithoutScrolling(`${server.origin}/bench/product-page-with-widget.html`);
    const diff = (x, y, digits = 0) => (Number.isFinite(x) && Number.isFinite(y) ? `${y - x >= 0 ? '+' : ''}${(y - x).toFixed(digits)}` : '–');
    emit(`## Demo product page (bench/product-page.html), with and without the widget: Lighthouse mobile, median of ${runs} each, interleaved`, '');
    emit(...table(['metric', 'without widget', 'with widget', 'difference', 'goal'], [
      ['Performance', a.performance, b.performance, diff(a.performance, b.performance), ''],
      ['LCP (ms)', a.lcp, b.lcp, diff(a.lcp, b.lcp), ''],
      ['TBT (ms)', a.tbt, b.tbt, diff(a.tbt, b.tbt), '≤ +50'],
      ['CLS', a.cls, b.cls, diff(a.cls, b.cls, 3), '+0'],
      ['FCP (ms)', a.fcp, b.fcp, diff(a.fcp, b.fcp), ''],
      ['Accessibility', a.accessibility, b.accessibility, diff(a.accessibility, b.accessibility), ''],
      ['transfer (KiB)', a.transferKiB, b.transferKiB, diff(a.transferKiB, b.transferKiB, 1), ''],
      ['massage-guide.js main-thread time (ms)', '–', b.widgetBootup, '', ''],
    ]), '');
    emit(`On a 412×823 phone viewport the widget ${started ? 'starts its WebAssembly on load, without scrolling (so the figures include it)' : 'does NOT start without scrolling (the figures exclude its start-up)'}.`, '');
    emit(`Pages served from 127.0.0.1 by tools/bench.mjs with Content-Encoding: ${[...encodings].join(', ') || 'none'}; `
      + 'Lighthouse simulates the throttling (Lantern), so figures depend on bytes on the wire and on this machine (benchmarkIndex above).', '');
    writeFileSync(join(OUT, 'lighthouse-summary.json'), JSON.stringify({ version, standalone: s, productWithout: a, productWith: b }, null, 2));
  } finally {
    await server.close();
  }
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
  const bootup = (lhr.audits['bootup-time']?.details?.items || []).find((item) => /massage-guide\.js/.test(item.url));
  const failing = Object.values(lhr.categories).flatMap((category) => category.auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => `${category.title}: ${lhr.audits[ref.id].title}`));
  return {
    performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'),
    lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
    fcp: metric('first-contentful-paint'),
    transferKiB: (metric('total-byte-weight') || 0) / 1024,
    widgetBootup: bootup ? bootup.total : 0,
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    failing,
  };
}

function summarize(results) {
  const keys = ['performance', 'accessibility', 'best-practices', 'seo', 'lcp', 'tbt', 'cls', 'fcp', 'transferKiB', 'widgetBootup', 'benchmarkIndex'];
  const fmt = (key, v) => (!Number.isFinite(v) ? '–' : key === 'cls' ? v.toFixed(3) : key === 'transferKiB' ? v.toFixed(1) : Math.round(v));
  const out = { all: {} };
  for (const key of keys) {
    const values = results.map((r) => r[key]);
    out[key] = Number(fmt(key, median(values)));
    out.all[key] = values.map((v) => fmt(key, v)).join(', ');
  }
  return out;
}

/** Serves dist/ at / and bench/ at /bench/, with the two variants of the product page. */
async function serveBench() {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.css': 'text/css' };
  const snippet = readFileSync(join(DIST, 'snippet.html'), 'utf8');
  const prerendered = snippet.slice(snippet.indexOf('>', snippet.indexOf('<massage-guide')) + 1, snippet.lastIndexOf('</massage-guide>'));
  const page = readFileSync(join(BENCH, 'product-page.html'), 'utf8');
  const variants = {
    '/bench/product-page-with-widget.html': page.replace('<!-- bench:prerender -->', () => prerendered),
    '/bench/product-page-without-widget.html': page.replace(/\s*<!-- bench:widget -->[\s\S]*<!-- \/bench:widget -->/, ''),
  };
  // Compressed like any real host or CDN would (brotli where the browser accepts it, else
  // gzip): Lighthouse simulates slow 4G from the bytes on the wire.
  const encoded = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const accepts = String(req.headers['accept-encoding'] || '');
    const send = (body, type) => {
      const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding && /text|javascript|json|svg|manifest/.test(type)) {
        const key = `${encoding}:${path}`;
        if (!encoded.has(key)) encoded.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
        headers['content-encoding'] = encoding;
        encodings.add(encoding);
        body = encoded.get(key);
      }
      res.writeHead(200, headers).end(body);
    };
    if (variants[path]) return send(variants[path], TYPES['.html']);
    const [base, rel] = path.startsWith('/bench/') ? [BENCH, path.slice(7)] : [DIST, path.slice(1) || 'index.html'];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end('not found');
    return send(readFileSync(file), TYPES[extname(file)] || 'application/octet-stream');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Whether the widget mounts on a Lighthouse-sized phone viewport without any scrolling. */
async function widgetStartsWithoutScrolling(url) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    await page.goto(url);
    return await page.waitForFunction(() => !!document.querySelector('massage-guide')?.shadowRoot?.querySelector('.mg[data-mg-app]'), null, { timeout: 10000 })
      .then(() => true, () => false);
  } finally {
    await browser.close();
  }
}
