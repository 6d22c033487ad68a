// Trunk post_build hook: turns Trunk's output (wasm + no-modules glue) into the deliverables.
//
//   massage-guide.js      the first script a host includes (ASCII, ~10 KiB brotli): embed/shell/*.js,
//                         the CSS, the pre-rendered article as a DOM tree, the attribute rules, and
//                         the app script's name and SRI hash. No wasm.
//   massage-guide-app.<hash>.js  the app script: glue + wasm (latin-1 string) + styles/app.css, quiz and
//                         timer only; loaded by the first script from its own folder when the reader
//                         reaches for it. <hash> is 8 hex digits of its SHA-384: each build's first
//                         script names exactly its own app, so caches and releases cannot mix them.
//   index.html            the standalone page, using massage-guide.js like any host would
//   massage-guide.html    the standalone page with both scripts inlined: nothing external
//   snippet.html          what a shop pastes: the element with the article inside + the script tag
//   shopify-extension/    the Shopify theme app extension (tools/shopify.mjs)
//
// The article is pre-rendered by the native `prerender` binary (Yew SSR). Run by Trunk with
// TRUNK_STAGING_DIR set; also runnable by hand: node tools/bundle.mjs <staging-dir>
import { readFileSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { sizeTable } from './sizes.mjs';
import { latin1Literal, minifyCss, asciiJson, asciiHtml } from './encode.mjs';
import { shortenImports } from './wasm-names.mjs';
import { htmlToTree, treeToHtml } from './html-tree.mjs';
import { writeShopifyExtension } from './shopify.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) throw new Error('usage: TRUNK_STAGING_DIR=dist/.stage node tools/bundle.mjs');
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';

const NAME = 'massage-guide';
// The app's file name is only known once its content is (below): massage-guide-app.<hash8>.js.
const appFileName = (script) => `${NAME}-app.${createHash('sha384').update(Buffer.from(script, 'utf8')).digest('hex').slice(0, 8)}.js`;
const wasmFile = readdirSync(staging).find((f) => f.endsWith('_bg.wasm'));
if (!wasmFile) throw new Error(`no *_bg.wasm in ${staging}`);
const gluePath = join(staging, wasmFile.replace(/_bg\.wasm$/, '.js'));
const wasmPath = join(staging, wasmFile);
let glue = readFileSync(gluePath, 'utf8');
let wasm = readFileSync(wasmPath);
const css = minifyCss(readFileSync(join(root, 'styles/widget.css'), 'utf8'));
const appCss = minifyCss(readFileSync(join(root, 'styles/app.css'), 'utf8'));
// The shell is split by concern into embed/shell/NN-*.js; joined in file-name order, they are
// one function scope (the files share names as one script would).
const shellDir = join(root, 'embed/shell');
const element = readdirSync(shellDir).filter((f) => f.endsWith('.js')).sort()
  .map((f) => readFileSync(join(shellDir, f), 'utf8')).join('\n');

if (!/^let wasm_bindgen\b/m.test(glue) || /^\s*(import|export)\s/m.test(glue)) {
  throw new Error('expected wasm-bindgen --target no-modules glue (data-bindgen-target="no-modules")');
}

// Native helpers: the embed API table and the pre-rendered article (Yew SSR). The nightly
// settings of tools/build.sh apply to the wasm only, not to this host build.
const hostEnv = { ...process.env };
for (const key of Object.keys(hostEnv)) if (/^(RUSTUP_TOOLCHAIN|CARGO_UNSTABLE_|CARGO_TARGET_WASM32|RUSTFLAGS|CARGO_BUILD_TARGET)/.test(key)) delete hostEnv[key];
if (/[/\\]target[/\\]nightly$/.test(hostEnv.CARGO_TARGET_DIR || '')) delete hostEnv.CARGO_TARGET_DIR;
const native = (...args) => execFileSync('cargo', ['run', '--quiet', '-p', 'massage-guide-prerender', '--', ...args], {
  cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: hostEnv,
}).trim();
const api = JSON.parse(native('api'));
const prerendered = native();
const article = htmlToTree(prerendered);
if (treeToHtml(article) !== prerendered.replace(/=""/g, "")) throw new Error('the article tree does not round-trip to the pre-rendered HTML');

// terser's compressor breaks the wasm-bindgen glue at run time (`__wbindgen_start is not a
// function`), so the app script is only mangled (measured: compress would save ~0.3 KiB more).
const minifyJs = async (code, { compress = true } = {}) => {
  if (!release) return code;
  const result = await minify(code, { ecma: 2017, compress: compress && { passes: 2 }, mangle: true, format: { comments: /^!/, ascii_only: true } });
  return result.code;
};

// 1. The app script. Import names shortened, glue minified, NUL bytes as `\0`. A UTF-8 byte
//    order mark makes browsers decode it as UTF-8 whatever charset the host page declares
//    (the wasm string holds characters U+0080..U+00FF).
const short = shortenImports(wasm, glue);
if (release && !short.renamed) throw new Error('could not shorten the wasm import names (glue format changed?)');
({ wasm, glue } = short);
// The build, named by a hash of the app's code: the app registers under version + build, so
// a first script only ever uses the app of its own build (even one loaded without SRI).
const build = createHash('sha256').update(wasm).update(glue).update(appCss).digest('hex').slice(0, 8);
const appBody = await minifyJs([
  '(function () {',
  "'use strict';",
  "if (typeof window === 'undefined') return;",
  `var key = Symbol.for('massage-guide.app@${api.version}+${build}');`,
  'if (window[key]) return;',
  'var MG_WASM = "@@WASM@@";',
  'window[key] = {',
  `  css: ${JSON.stringify(appCss)},`,
  '  glue: function () {',
  glue.replace(/^\/\/# sourceMappingURL.*$/m, ''),
  '    return wasm_bindgen;',
  '  },',
  '  wasm: function () {',
  '    var bytes = new Uint8Array(MG_WASM.length);',
  '    for (var i = 0; i < MG_WASM.length; i++) bytes[i] = MG_WASM.charCodeAt(i);',
  '    return bytes;',
  '  },',
  '};',
  '})();',
].join('\n'), { compress: false });
const appScript = `\ufeff/*! massage-guide ${api.version}: the safety check and timer (Yew + WebAssembly). */\n`
  + appBody.replace('"@@WASM@@"', () => `"${latin1Literal(wasm)}"`) + '\n';
const APP = appFileName(appScript);
writeFileSync(join(staging, APP), appScript, 'utf8');
const integrity = 'sha384-' + createHash('sha384').update(Buffer.from(appScript, 'utf8')).digest('base64');
rmSync(wasmPath);
rmSync(gluePath);

// 2. The first script: ASCII only (every non-ASCII character escaped), no wasm.
const rules = api.attributes.map(({ name, kind, values, default: fallback, reason }) => ({ name, kind, values, default: fallback, reason }));
const firstBody = await minifyJs([
  '(function () {',
  "'use strict';",
  "if (typeof window === 'undefined' || !window.customElements || !window.HTMLElement) return;",
  `var MG_VERSION = ${JSON.stringify(api.version)};`,
  "var taken = window.customElements.get('massage-guide');",
  'if (taken) {',
  '  if (taken.version !== MG_VERSION) {',
  "    try { console.warn('massage-guide: ' + (taken.version ? 'version ' + taken.version + ' is already defined on this page; this copy (' + MG_VERSION + ') is not used.' : 'the name <massage-guide> is already taken by another script; this widget (' + MG_VERSION + ') is not used.')); } catch (e) {}",
  '  }',
  '  return;',
  '}',
  `var MG_CSS = ${asciiJson(css)};`,
  `var MG_ARTICLE = ${asciiJson(article)};`,
  `var MG_API = ${asciiJson(rules)};`,
  `var MG_APP_FILE = ${JSON.stringify(APP)};`,
  `var MG_APP_INTEGRITY = ${JSON.stringify(integrity)};`,
  `var MG_BUILD = ${JSON.stringify(build)};`,
  element,
  '})();',
].join('\n'));
const firstScript = `/*! massage-guide ${api.version}: lower back pain article, safety check and self-massage timer. */\n${firstBody}\n`;
// eslint-disable-next-line no-control-regex -- every ASCII character is allowed, control characters included
if (/[^\x00-\x7e]/.test(firstScript)) throw new Error(`${NAME}.js must be ASCII`);
writeFileSync(join(staging, `${NAME}.js`), firstScript, 'utf8');

// 3. The standalone page: Trunk's index.html with the script tag and the article put in.
const indexPath = join(staging, 'index.html');
let page = readFileSync(indexPath, 'utf8');
page = page.replace(/<link[^>]*data-trunk[^>]*>\s*/g, '');
page = page.replace(/<script[^>]*massage-guide[^>]*><\/script>\s*/g, '');
page = page.replace(/<link rel="(modulepreload|preload)"[^>]*>\s*/g, '');
if (!page.includes('<!-- mg:prerender -->') || !page.includes('<!-- mg:script -->')) {
  throw new Error('index.html must contain <!-- mg:prerender --> inside <massage-guide> and <!-- mg:script -->');
}
page = page.replace('<!-- mg:prerender -->', () => prerendered);
//    Only the served page is an installable, offline-capable app (manifest + service worker).
const swFiles = ['./', './index.html', `./${NAME}.js`, `./${APP}`, './icon.svg', './icon-192.png', './icon-512.png', './manifest.webmanifest'];
writeFileSync(
  join(staging, 'sw.js'),
  readFileSync(join(root, 'embed/sw.js'), 'utf8')
    .replace('__MG_VERSION__', createHash('sha256').update(firstScript).update(appScript).update(page).digest('hex').slice(0, 12))
    .replace('__MG_FILES__', JSON.stringify(swFiles)),
);
const pwa = '<link rel="manifest" href="manifest.webmanifest">\n  <script>if ("serviceWorker" in navigator && location.protocol !== "file:") '
  + 'navigator.serviceWorker.register("sw.js").catch(function () {});</script>';
writeFileSync(indexPath, page.replace('<!-- mg:pwa -->', pwa).replace('<!-- mg:script -->', `<script src="${NAME}.js" async></script>`));

// 4. The single file: the same page with both scripts inline (escaped for the HTML parser);
//    the app registers itself first, so the element never needs to load a file.
//    Its icon becomes a data: URL so the file references nothing outside itself.
const inline = (script) => script.replace(/^\ufeff/, '').replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const iconUrl = 'data:image/svg+xml;base64,' + readFileSync(join(root, 'assets/icon.svg')).toString('base64');
const single = page
  .replace(/\s*<link rel="apple-touch-icon"[^>]*>/, '')
  .replace(/\s*<!-- mg:pwa -->/, '')
  .replace(/(<link rel="icon" href=")icon\.svg"/, (_, start) => `${start}${iconUrl}"`)
  .replace('<!-- mg:script -->', () => `<script>${inline(appScript)}</script>\n  <script>${inline(firstScript)}</script>`);
if (/\s(src|href)="(?!data:|#)/.test(single)) throw new Error(`${NAME}.html must not reference other files`);
writeFileSync(join(staging, `${NAME}.html`), single);

// 5. The snippet a shop pastes: ASCII only (numeric references), so a legacy-charset page
//    shows the right apostrophes. No `integrity` on the tag: a page saved to disk would stop
//    working in Chromium (README gives the hash for third-party CDNs).
writeFileSync(
  join(staging, 'snippet.html'),
  [
    `<!-- massage-guide ${api.version}: paste where the guide should appear; put massage-guide.js and ${APP} beside your page. -->`,
    `<massage-guide emergency-number="911">${asciiHtml(prerendered)}</massage-guide>`,
    `<script src="${NAME}.js" async></script>`,
    '',
  ].join('\n'),
);
writeFileSync(join(staging, 'integrity.json'), JSON.stringify({
  [`${NAME}.js`]: 'sha384-' + createHash('sha384').update(firstScript).digest('base64'),
  [APP]: integrity,
}, null, 2) + '\n');

// 6. The Shopify theme app extension: the article rendered by Liquid, a block script without it.
const shopifyFiles = await writeShopifyExtension({
  root, staging, version: api.version, build, rules, shell: element, css, appScript, articleHtml: prerendered, release,
});

// 7. The size report (raw, gzip -9, brotli -11) of what ships, plus the bare wasm for reference.
console.log(sizeTable([
  ...['index.html', `${NAME}.js`, APP, `${NAME}.html`, 'snippet.html']
    .filter((f) => existsSync(join(staging, f)))
    .map((f) => [f, readFileSync(join(staging, f))]),
  ...shopifyFiles,
  ['(wasm alone, inside the app script)', wasm],
]));
