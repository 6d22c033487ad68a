// Trunk post_build hook: turns Trunk's output (wasm + no-modules glue) into the four deliverables.
//
//   massage-guide.js    one classic script: glue + wasm (latin-1 string) + CSS + embed/element.js
//   index.html          the standalone page, using massage-guide.js like any host would
//   massage-guide.html  the standalone page with the script inlined: nothing external
//   snippet.html        what a shop pastes: the element with the pre-rendered article + script tag
//
// The article is pre-rendered by the native `prerender` binary (Yew SSR) so every page
// shows it without JavaScript. Run by Trunk with TRUNK_STAGING_DIR set; also runnable by hand:
//   node tools/bundle.mjs <staging-dir>
import { readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizeTable } from './sizes.mjs';
import { latin1Literal, minifyCss } from './encode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) throw new Error('usage: TRUNK_STAGING_DIR=dist/.stage node tools/bundle.mjs');

const NAME = 'massage-guide';
const gluePath = join(staging, `${NAME}.js`);
const wasmPath = join(staging, `${NAME}_bg.wasm`);
const glue = readFileSync(gluePath, 'utf8');
const wasm = readFileSync(wasmPath);
const css = minifyCss(readFileSync(join(root, 'styles/widget.css'), 'utf8'));
const element = readFileSync(join(root, 'embed/element.js'), 'utf8');

if (!/^let wasm_bindgen\b/m.test(glue) || /^\s*(import|export)\s/m.test(glue)) {
  throw new Error('expected wasm-bindgen --target no-modules glue (data-bindgen-target="no-modules")');
}

// 1. The embed script. A UTF-8 byte order mark makes browsers decode it as UTF-8 whatever
//    charset the host page declares (the wasm string holds characters U+0080..U+00FF).
const script = [
  '/*! massage-guide: lower back pain article, triage quiz and self-massage timer. */',
  '(function () {',
  "'use strict';",
  "if (typeof window === 'undefined' || !window.customElements || !window.HTMLElement) return;",
  "if (window.customElements.get('massage-guide')) return;",
  `var MG_CSS = ${JSON.stringify(css)};`,
  `var MG_WASM = "${latin1Literal(wasm)}";`,
  'function mgGlue() {',
  glue.replace(/^\/\/# sourceMappingURL.*$/m, ''),
  'return wasm_bindgen;',
  '}',
  element,
  '})();',
  '',
].join('\n');
writeFileSync(gluePath, '\ufeff' + script, 'utf8');
rmSync(wasmPath);

// 2. The pre-rendered article (Yew SSR on the host).
const prerendered = execFileSync('cargo', ['run', '--quiet', '-p', 'massage-guide-prerender'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();

// 3. The standalone page: Trunk's index.html with the script tag and the article put in.
const indexPath = join(staging, 'index.html');
let page = readFileSync(indexPath, 'utf8');
page = page.replace(/<link[^>]*data-trunk[^>]*>\s*/g, '');
page = page.replace(/<script[^>]*massage-guide[^>]*><\/script>\s*/g, '');
page = page.replace(/<link rel="(modulepreload|preload)"[^>]*>\s*/g, '');
if (!page.includes('<!-- mg:prerender -->') || !page.includes('<!-- mg:script -->')) {
  throw new Error('index.html must contain <!-- mg:prerender --> inside <massage-guide> and <!-- mg:script -->');
}
page = page.replace('<!-- mg:prerender -->', prerendered);
//    Only the served page is an installable, offline-capable app (manifest + service worker).
const swFiles = ['./', './index.html', `./${NAME}.js`, './icon.svg', './icon-192.png', './icon-512.png', './manifest.webmanifest'];
writeFileSync(
  join(staging, 'sw.js'),
  readFileSync(join(root, 'embed/sw.js'), 'utf8')
    .replace('__MG_VERSION__', createHash('sha256').update(script).update(page).digest('hex').slice(0, 12))
    .replace('__MG_FILES__', JSON.stringify(swFiles)),
);
const pwa = '<link rel="manifest" href="manifest.webmanifest">\n  <script>if ("serviceWorker" in navigator && location.protocol !== "file:") ' +
  'navigator.serviceWorker.register("sw.js").catch(function () {});</script>';
writeFileSync(indexPath, page.replace('<!-- mg:pwa -->', pwa).replace('<!-- mg:script -->', `<script src="${NAME}.js" async></script>`));

// 4. The single file: the same page with the script inline (escaped for the HTML parser).
//    Its icon becomes a data: URL so the file references nothing outside itself.
const inline = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const iconUrl = 'data:image/svg+xml;base64,' + readFileSync(join(root, 'assets/icon.svg')).toString('base64');
const single = page
  .replace(/\s*<link rel="apple-touch-icon"[^>]*>/, '')
  .replace(/\s*<!-- mg:pwa -->/, '')
  .replace(/(<link rel="icon" href=")icon\.svg"/, (_, start) => `${start}${iconUrl}"`)
  .replace('<!-- mg:script -->', () => `<script>${inline}</script>`);
if (/\s(src|href)="(?!data:|#)/.test(single)) throw new Error(`${NAME}.html must not reference other files`);
writeFileSync(join(staging, `${NAME}.html`), single);

// 5. The snippet a shop pastes.
writeFileSync(
  join(staging, 'snippet.html'),
  [
    '<!-- massage-guide: paste where the guide should appear; put massage-guide.js beside your page. -->',
    `<massage-guide emergency-number="911">${prerendered}</massage-guide>`,
    `<script src="${NAME}.js" async></script>`,
    '',
  ].join('\n'),
);

// 6. The size report (raw, gzip -9, brotli -11) of what ships, plus the bare wasm for reference.
console.log(sizeTable([
  ...['index.html', `${NAME}.js`, `${NAME}.html`, 'snippet.html']
    .filter((f) => existsSync(join(staging, f)))
    .map((f) => [f, readFileSync(join(staging, f))]),
  [`(wasm alone, not shipped separately)`, wasm],
]));
