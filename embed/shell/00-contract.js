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
/* exported hasOwn, objectKeys, bag, own, READY, SVG_NS, APP_KEY, TAB_LABELS, LOADING_TEXT, FAILURES, messageOf, warn */

// Host pages may have added enumerable properties to Object.prototype or Array.prototype
// (Prototype.js, old MooTools, some analytics snippets) or replaced built-ins later on. So:
// no `for … in`; every lookup by a name from outside goes through `own()` on a table without
// a prototype; every options object handed to the platform is made by `bag()`, without a
// prototype, so the browser's dictionary conversion reads no inherited names.
var hasOwn = Object.prototype.hasOwnProperty;
var objectKeys = Object.keys;

/**
 * A table with no prototype, filled with the own properties of `source`.
 * @param {object} source @returns {any}
 */
function bag(source) {
  var table = Object.create(null);
  var names = objectKeys(source);
  for (var i = 0; i < names.length; i++) table[names[i]] = /** @type {any} */ (source)[names[i]];
  return table;
}

/** `table[name]` if `table` has it as its own property, else undefined. @param {any} table @param {string} name @returns {any} */
function own(table, name) {
  return table && hasOwn.call(table, name) ? table[name] : undefined;
}

var READY = 'massage-guide:ready';
var SVG_NS = 'http://www.w3.org/2000/svg';
var APP_KEY = Symbol.for('massage-guide.app@' + MG_VERSION + '+' + MG_BUILD);
var TAB_LABELS = bag({ article: 'Article', quiz: 'Safety check', timer: 'Timer' });
var LOADING_TEXT = bag({ quiz: 'Loading the safety check\u2026', timer: 'Loading the timer\u2026' });
var FAILURES = bag({
  script: 'The safety check and timer could not be loaded: the file is missing, was changed, is blocked, or you are offline.',
  version: 'The safety check and timer file does not match this version of the guide.',
  stale: 'An older copy of the safety check and timer file is cached or served, so it cannot be used. Try again later.',
  policy: 'This page\u2019s security settings do not allow the safety check and timer to load.',
  nowasm: 'This browser cannot run the safety check and timer (it has no WebAssembly).',
  wasm: 'This page\u2019s security settings block WebAssembly, which the safety check and timer need.',
  blocked: 'Something in this browser (an extension or a setting) blocks the WebAssembly that the safety check and timer need.',
  crash: 'Sorry, something went wrong in the safety check and timer.',
});

/** The message of a caught value, whatever was thrown. @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** @param {string} text */
function warn(text) {
  try { console.warn('massage-guide: ' + text); } catch (e) { /* no console */ }
}

