// ---- The app script: loaded once per page, one wasm instance for every element ------------
/* exported thisScript, appUrl, appInstance, liveElements, trustedPolicy, prefetched, failure, loadAppScript, isLocal, loadsWithoutAsking, prefetchAppFile, instantiate, loadApp, isTrap, trapsWatched, watchTraps, crashAll */
var thisScript = /** @type {HTMLScriptElement | null} */ (document.currentScript);
var appUrl = (function () {
  try { return new URL(MG_APP_FILE, (thisScript && thisScript.src) || document.baseURI).href; } catch (e) { return MG_APP_FILE; }
})();
/** @type {Promise<any> | null} */
var appInstance = null; // Promise of the glue object with the wasm instantiated
/** @type {MassageGuideElement[]} */
var liveElements = [];
/** @type {MgTrustedPolicy | null | undefined} */
var trustedPolicy; // undefined: not asked for yet; null: refused
var prefetched = false;

/** @param {string} kind @param {string} detail @returns {MgFailure} */
function failure(kind, detail) {
  var error = /** @type {MgFailure} */ (new Error(FAILURES[kind]));
  error.kind = kind;
  error.detail = detail;
  return error;
}

/** Inserts the app script (with SRI over http(s)); resolves with the registered app entry. */
function loadAppScript() {
  return new Promise(function (resolve, reject) {
    if (window[APP_KEY]) return resolve(window[APP_KEY]);
    var src = appUrl;
    if (window.trustedTypes && window.trustedTypes.createPolicy) {
      try {
        if (trustedPolicy === undefined) {
          trustedPolicy = window.trustedTypes.createPolicy('massage-guide', {
            createScriptURL: function (url) { return url === appUrl ? url : ''; },
          });
        }
        if (trustedPolicy) src = trustedPolicy.createScriptURL(appUrl);
      } catch (e) {
        trustedPolicy = null;
      }
      // The page refused our policy name: assigning the URL would only add a second report.
      if (trustedPolicy === null) return reject(failure('policy', 'Trusted Types refused the policy "massage-guide"'));
    }
    var script = document.createElement('script');
    var local = isLocal();
    if (!local) {
      script.integrity = MG_APP_INTEGRITY;
      script.crossOrigin = 'anonymous';
    }
    script.async = true;
    // The element stays after loading, so "Save page as, complete" saves the app file too.
    script.onload = function () {
      if (window[APP_KEY]) resolve(window[APP_KEY]);
      else reject(failure('version', 'the app file did not register version ' + MG_VERSION));
    };
    script.onerror = function () {
      script.remove();
      reject(failure('script', 'could not load ' + appUrl + (local ? '' : ' (missing, offline, blocked, or its integrity hash did not match)')));
    };
    try {
      script.src = src;
    } catch (e) {
      return reject(failure('policy', 'Trusted Types refused the app URL'));
    }
    (document.head || document.documentElement).appendChild(script);
  });
}

// Chromium refuses every file:// script that carries `integrity`, so only http(s) checks it.
// An opaque origin (a sandboxed iframe without allow-same-origin) would need CORS headers
// from the shop's server for `integrity`; there the script loads like any plain <script>.
function isLocal() {
  return location.protocol === 'file:' || appUrl.slice(0, 5) === 'file:' || (window.origin || location.origin) === 'null';
}

/**
 * Whether the app can load without asking Trusted Types for a policy: it is on the page
 * already, the policy was asked for before, or the browser has no Trusted Types. A page's
 * `trusted-types` list cannot be read, and asking for a name it omits is itself a reported
 * violation, so only a reader's request may ask.
 */
function loadsWithoutAsking() {
  var types = window.trustedTypes;
  return !!window[APP_KEY] || trustedPolicy !== undefined || !(types && types.createPolicy);
}

/**
 * The automatic load where the policy would have to be asked for: fetch the file into the HTTP
 * cache with <link rel=prefetch> (no script sink, no policy); it runs when a reader asks.
 */
function prefetchAppFile() {
  if (prefetched || !/^https?:/i.test(appUrl)) return;
  prefetched = true;
  var link = document.createElement('link');
  link.rel = 'prefetch';
  link.as = 'script';
  if (!isLocal()) link.crossOrigin = 'anonymous';
  link.href = appUrl;
  (document.head || document.documentElement).appendChild(link);
}

/** @param {any} entry */
function instantiate(entry) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw failure('nowasm', 'WebAssembly is not available');
  }
  var glue = entry.glue();
  glue.css = entry.css;
  return glue({ module_or_path: entry.wasm() }).then(function () { return glue; }, function (/** @type {any} */ error) {
    // A CSP without 'wasm-unsafe-eval' refuses to compile; anything else is our own bug.
    var refused = error instanceof WebAssembly.CompileError || /WebAssembly|wasm|unsafe-eval/i.test(error && error.message);
    throw failure(refused ? 'wasm' : 'crash', error && error.message);
  });
}

function loadApp() {
  if (appInstance) return appInstance;
  var loading = loadAppScript().then(instantiate);
  loading.catch(function () { appInstance = null; }); // Retry starts over
  appInstance = loading;
  return loading;
}

// A Rust panic ends in a wasm trap (WebAssembly.RuntimeError): from a call the shell made, from
// a DOM event handler inside the app, or from Yew's scheduler (a rejected promise). Every widget
// shares the instance, so all of them show the panic screen; nothing reaches the host's log.
/** @param {unknown} error */
function isTrap(error) {
  return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
}
var trapsWatched = false;
function watchTraps() {
  if (trapsWatched) return;
  trapsWatched = true;
  window.addEventListener('error', function (event) {
    if (isTrap(event.error) && appInstance) { event.preventDefault(); crashAll(); }
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isTrap(event.reason) && appInstance) { event.preventDefault(); crashAll(); }
  });
}

function crashAll() {
  if (!appInstance) return;
  appInstance = null;
  warn('internal error, the safety check and timer stopped; the article still works.');
  liveElements.slice().forEach(function (element) { element._crash(); });
}

