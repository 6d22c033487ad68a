// The Shopify app block's shell (dist/shopify-extension/assets/massage-guide-block.js).
//
// tools/shopify.mjs joins embed/shell/*.js as tools/bundle.mjs does, takes out the app runtime
// (the script loader, wasm start, crash handling, mount recycling: it ships inside the block's
// app file, see tools/shopify.mjs) and the article tree, and appends this file. Here:
//   MG_CSS       names the shell stylesheet asset (not its text): the shadow root links it
//   MG_ARTICLE   unused: the article is the element's own light DOM, rendered by Liquid
//   MG_APP_FILE  the block's app file: the app script followed by the shell runtime
// Function declarations below replace the removed ones of the same name (applyStyles, buildTree,
// takeMount).
/* exported building, appUrl, applyStyles, buildTree, takeMount, reveal, RUNTIME_KEY, runtime, loadRuntime, shellMethods */

var building = null; // the element whose shadow root _build is filling (it runs synchronously)

/**
 * Links the shell stylesheet into the shadow root. Until it has loaded, a <slot> keeps showing
 * the pre-rendered article (the light DOM) and the shell stays hidden, so the reader never sees
 * an unstyled shell; then the article moves into the shell's article panel. If the stylesheet
 * cannot load, the article simply stays where Liquid put it.
 */
/** The block's app file: beside this script in the extension's assets folder (Shopify loads the
 *  block script from its CDN with a real src, so `document.currentScript` always has one). */
var appUrl = new URL(MG_APP_FILE, (thisScript && thisScript.src) || document.baseURI).href;

function applyStyles(shadow, name, file) {
  var host = shadow.host;
  var link = document.createElement('link');
  var slot = document.createElement('slot');
  // The block preloads the stylesheet with its exact asset URL; the same URL hits that copy.
  var preload = document.querySelector('link[href*="/' + file + '"]');
  building = host;
  link.rel = 'stylesheet';
  link.href = preload ? preload.href : new URL(file, appUrl).href;
  link.onload = function () { reveal(host, slot); };
  link.onerror = function () { warn('could not load ' + link.href + '; the article is shown without tabs.'); };
  shadow.appendChild(link);
  shadow.appendChild(slot);
}

/** The article panel starts empty (and the shell hidden) until the stylesheet is there. */
function buildTree() {
  building._mg.root.hidden = true;
  return document.createDocumentFragment();
}

/** A plain mount point; the runtime swaps in a recycled one that records its listeners. */
function takeMount() {
  return el('div', { class: 'mg-mount', hidden: '', 'data-off': '' });
}

function reveal(host, slot) {
  var mg = host._mg;
  while (host.firstChild) mg.article.appendChild(host.firstChild);
  renderProduct(mg.article, mg.config);
  host._configure();
  slot.remove();
  mg.root.hidden = false;
}

// ---- The runtime: loaded with the app, it installs the app methods on this class ---------
var RUNTIME_KEY = Symbol.for('massage-guide.runtime@' + MG_VERSION);
var runtime = null;

function loadRuntime() {
  if (!runtime) {
    runtime = new Promise(function (resolve, reject) {
      if (window[RUNTIME_KEY]) return resolve();
      var script = document.createElement('script');
      // No `integrity` and no `crossorigin`: this file comes from the same CDN folder as this
      // script (whoever can change one can change the other), and Shopify's CDN may not send CORS.
      script.async = true;
      script.onload = function () {
        if (window[RUNTIME_KEY]) resolve();
        else reject(new Error('the app file did not register version ' + MG_VERSION));
      };
      script.onerror = function () {
        script.remove();
        reject(new Error('could not load ' + appUrl));
      };
      try {
        script.src = appUrl;
      } catch (e) {
        return reject(e);
      }
      document.head.appendChild(script);
    });
    runtime.catch(function () { runtime = null; }); // Retry starts over
  }
  return runtime;
}

var shellMethods = MassageGuideElement.prototype;

// Before the runtime is there: load it, then hand over to its _startApp.
shellMethods._startApp = function () {
  var mg = this._mg;
  var self = this;
  if (mg.loading) return;
  mg.loading = true;
  loadRuntime().then(function () {
    mg.loading = false;
    self._startApp();
  }, function (error) {
    mg.loading = false;
    if (!mg.wantApp) return; // a prefetch failed quietly; the reader has not asked yet
    mg.failure = FAILURES.script;
    warn(error.message + '; the article still works.');
    self._showAppArea();
  });
};

// Before the runtime is there, the block loads the app only when asked: a reader's click,
// `start` naming the safety check or timer, or loading="eager". ("auto", the bare shell's
// idle-time load, is not offered in a block; a hand-edited "auto" waits for a click too.)
shellMethods._schedule = function () {
  var mg = this._mg;
  if (!mg.app && (mg.wantApp || mg.config.loading === 'eager' || mg.config.start !== 'article')) this._startApp();
};

shellMethods._release = function () {
  this._cancelScheduled();
};

shellMethods._retry = function () {
  this._mg.failure = null;
  this._showAppArea();
  this._startApp();
};
