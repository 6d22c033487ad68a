// The <massage-guide> custom element: the shell a host page pays for at once (00-contract.js).
//
// tools/bundle.mjs joins embed/shell/*.js, in name order, inside one function scope (dist/massage-guide.js) with:
//   MG_VERSION        the widget's version (Cargo.toml)
//   MG_CSS            the widget's stylesheet (styles/widget.css)
//   MG_ARTICLE        the pre-rendered article as a tree: [tag, attributes|0, ...children]
//   MG_API            the attribute rules of core::embed_api (name, kind, values, default, reason)
//   MG_APP_FILE       the app script's file name (with a hash of its content), loaded from this
//                     script's own folder unless the element's `app-src` names its URL
//   MG_BUILD          a hash of the app's code: with the version, the key the app registers under
//   MG_APP_INTEGRITY  its Subresource Integrity hash (sha384)
//
// The shell draws the tab bar and the whole article with plain DOM calls (no string-to-HTML
// sinks, so Trusted Types hosts see it too). The quiz and timer are a Yew + wasm app in a
// second classic script, loaded when the reader opens their tab, when `start` names them, or
// (loading="auto") when the browser is idle after `load` and the element is near the viewport.
//
// Contract with the host page: nothing here throws into it. Failures end as one console
// warning and one sentence in the panel, with Retry; the article and tabs keep working.

var READY = 'massage-guide:ready';
var SVG_NS = 'http://www.w3.org/2000/svg';
var APP_KEY = Symbol.for('massage-guide.app@' + MG_VERSION + '+' + MG_BUILD);
var TAB_LABELS = { article: 'Article', quiz: 'Safety check', timer: 'Timer' };
var LOADING_TEXT = { quiz: 'Loading the safety check\u2026', timer: 'Loading the timer\u2026' };
var FAILURES = {
  script: 'The safety check and timer could not be loaded: the file is missing, was changed, is blocked, or you are offline.',
  version: 'The safety check and timer file does not match this version of the guide.',
  stale: 'An older copy of the safety check and timer file is cached or served, so it cannot be used. Try again later.',
  policy: 'This page\u2019s security settings do not allow the safety check and timer to load.',
  nowasm: 'This browser cannot run the safety check and timer (it has no WebAssembly).',
  wasm: 'This page\u2019s security settings block WebAssembly, which the safety check and timer need.',
  blocked: 'Something in this browser (an extension or a setting) blocks the WebAssembly that the safety check and timer need.',
  crash: 'Sorry, something went wrong in the safety check and timer.',
};

function warn(text) {
  try { console.warn('massage-guide: ' + text); } catch (e) { /* no console */ }
}

