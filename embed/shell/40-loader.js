// ---- The app script: loaded once per page, one wasm instance for every element ------------
// Its file name carries a hash of its content (MG_APP_FILE), so a first script only ever asks
// for the app of its own build: a cache that keeps an older app cannot serve it to a newer
// first script, and an older first script still finds its own app beside the new one.
/* exported thisScript, appInstance, appTried, allowedScriptUrl, reloadCount, liveElements, trustedPolicy, prefetched, failure, usableScriptSrc, firstScriptSrc, findAppUrl, originOf, appNeedsIntegrity, cacheBypassUrl, loadAppScript, explainScriptFailure, insertAppScript, loadsWithoutAsking, prefetchAppFile, instantiate, wasmFailureKind, loadApp, isTrap, trapsWatched, watchTraps, crashAll */
var thisScript = /** @type {HTMLScriptElement | null} */ (document.currentScript);
/** @type {Promise<any> | null} */
var appInstance = null; // Promise of the glue object with the wasm instantiated
var appTried = ''; // the app URL of the last attempt (for the failure warning)
var allowedScriptUrl = ''; // the one URL the Trusted Types policy lets through
var reloadCount = 0;
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

/** An address a script can be beside: http(s) or file (not blob:, data: or empty). */
function usableScriptSrc(src) {
  return typeof src === 'string' && /^(https?|file):/i.test(src) ? src : '';
}

/**
 * Where this first script came from. `document.currentScript` while it ran, when that has a
 * usable src; else (type="module", a blob: URL, a loader that runs the text inline) the first
 * <script src> of the document whose file name starts with "massage-guide" (not the app).
 */
function firstScriptSrc() {
  var own = usableScriptSrc(thisScript && thisScript.src);
  if (own) return own;
  var scripts = document.getElementsByTagName('script');
  for (var i = 0; i < scripts.length; i++) {
    var src = usableScriptSrc(scripts[i].src);
    if (src && /\/massage-guide(?!-app)[^/?#]*\.m?js(?:[?#]|$)/i.test(src)) return src;
  }
  return '';
}

/** The app's URL and how it was found: the element's `app-src`, else beside the first script. */
function findAppUrl(host) {
  var named = host ? attribute(host, 'app-src') : '';
  if (named) return { url: named, how: 'named by app-src' };
  var base = firstScriptSrc();
  try {
    return {
      url: new URL(MG_APP_FILE, base || document.baseURI).href,
      how: base ? 'beside ' + base : 'beside the page (no massage-guide script address found)',
    };
  } catch (e) {
    return { url: MG_APP_FILE, how: 'beside the page' };
  }
}

function originOf(url) {
  try { return new URL(url).origin; } catch (e) { return 'null'; }
}

/**
 * Whether the app is loaded with `integrity` (and so `crossorigin`). Only over http(s)
 * (Chromium refuses every file:// script with `integrity`; an opaque origin would need CORS),
 * and not when the app comes from the first script's own origin on another host (a CDN
 * folder): that origin is already trusted with the first script, a CDN there need not send
 * CORS headers, and the app's registration key (version + build) still guards the pair.
 */
function appNeedsIntegrity(url) {
  if (location.protocol === 'file:' || url.slice(0, 5) === 'file:') return false;
  if ((window.origin || location.origin) === 'null') return false;
  var origin = originOf(url);
  if (origin === location.origin) return true;
  return origin !== originOf(firstScriptSrc());
}

/** The same URL with `reload=<n>`: a new cache key, so no HTTP cache can answer it. */
function cacheBypassUrl(url) {
  reloadCount += 1;
  var hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  return url + (url.indexOf('?') >= 0 ? '&' : '?') + 'reload=' + reloadCount;
}

/** Loads the app for `host`; resolves with the registered app entry. */
function loadAppScript(host) {
  if (window[APP_KEY]) return Promise.resolve(window[APP_KEY]);
  var found = findAppUrl(host);
  var checked = appNeedsIntegrity(found.url);
  var http = /^https?:/i.test(found.url);
  appTried = found.url;
  return insertAppScript(found.url, checked).catch(function (error) {
    // One retry past every cache (a cache or proxy may hold a stale or damaged copy) before
    // the note; a page policy that refused the script would only refuse it again.
    if (error.kind !== 'script' || !http) throw error;
    var again = cacheBypassUrl(found.url);
    appTried = again;
    return insertAppScript(again, checked).catch(function (second) {
      if (second.kind !== 'script') throw second;
      return explainScriptFailure(again, checked, found.how);
    });
  });
}

/**
 * After two failed attempts: if the file can be fetched, it arrived but is not this build's
 * app (an older or altered copy); otherwise it is missing, offline, or blocked.
 */
function explainScriptFailure(url, checked, how) {
  var detail = 'could not load ' + url + ' (' + how + '; app-src names it)';
  var missing = failure('script', detail + (checked ? ': missing, offline, blocked, integrity mismatch' + (originOf(url) !== location.origin ? ' or no Access-Control-Allow-Origin header' : '') : ''));
  if (!checked || typeof fetch !== 'function') return Promise.reject(missing);
  return fetch(url, { cache: 'no-store', credentials: 'omit' }).then(function (response) {
    throw response.ok ? failure('stale', detail + ': its integrity hash does not match ' + MG_VERSION + ' of this build, an older copy is cached or served') : missing;
  }, function () { throw missing; });
}

/** Inserts one <script> for the app; rejects with kind 'script' (or 'policy', 'version'). */
function insertAppScript(url, checked) {
  return new Promise(function (resolve, reject) {
    var src = url;
    allowedScriptUrl = url;
    if (window.trustedTypes && window.trustedTypes.createPolicy) {
      try {
        if (trustedPolicy === undefined) {
          trustedPolicy = window.trustedTypes.createPolicy('massage-guide', {
            createScriptURL: function (value) { return value === allowedScriptUrl ? value : ''; },
          });
        }
        if (trustedPolicy) src = trustedPolicy.createScriptURL(url);
      } catch (e) {
        trustedPolicy = null;
      }
      // The page refused our policy name: assigning the URL would only add a second report.
      if (trustedPolicy === null) return reject(failure('policy', 'Trusted Types refused the policy "massage-guide"'));
    }
    var script = document.createElement('script');
    if (checked) {
      script.integrity = MG_APP_INTEGRITY;
      script.crossOrigin = 'anonymous';
    }
    script.async = true;
    // The element stays after loading, so "Save page as, complete" saves the app file too.
    script.onload = function () {
      if (window[APP_KEY]) resolve(window[APP_KEY]);
      else reject(failure('version', 'the app file at ' + url + ' is not version ' + MG_VERSION + ' of this build'));
    };
    script.onerror = function () {
      script.remove();
      reject(failure('script', 'could not load ' + url));
    };
    try {
      script.src = src;
    } catch (e) {
      return reject(failure('policy', 'Trusted Types refused the app URL'));
    }
    (document.head || document.documentElement).appendChild(script);
  });
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
 * @param {HTMLElement} host
 */
function prefetchAppFile(host) {
  var url = findAppUrl(host).url;
  if (prefetched || !/^https?:/i.test(url)) return;
  prefetched = true;
  var link = document.createElement('link');
  link.rel = 'prefetch';
  link.as = 'script';
  if (appNeedsIntegrity(url)) link.crossOrigin = 'anonymous';
  link.href = url;
  (document.head || document.documentElement).appendChild(link);
}

function instantiate(entry) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw failure('nowasm', 'WebAssembly is not available');
  }
  var glue = entry.glue();
  glue.css = entry.css;
  return glue({ module_or_path: entry.wasm() }).then(function () { return glue; }, function (error) {
    throw failure(wasmFailureKind(error), error && error.message);
  });
}

/**
 * Why WebAssembly did not start. A Content Security Policy without 'wasm-unsafe-eval' throws
 * a CompileError or EvalError that says so (Chromium, WebKit: "'unsafe-eval' is not an allowed
 * source … Content Security Policy"; Firefox: "… blocked by CSP"); a trap is our own bug;
 * anything else (an extension or setting that replaced WebAssembly.instantiate) is the
 * browser's, not the page's.
 */
function wasmFailureKind(error) {
  var message = String(error && error.message || '');
  if (/unsafe-eval|wasm-eval|Content.Security.Policy|\bCSP\b/i.test(message)) return 'wasm';
  if (isTrap(error)) return 'crash';
  return 'blocked';
}

function loadApp(host) {
  if (!appInstance) {
    appInstance = loadAppScript(host).then(instantiate);
    appInstance.catch(function () { appInstance = null; }); // Retry starts over
  }
  return appInstance;
}

// A Rust panic ends in a wasm trap (WebAssembly.RuntimeError): from a call the shell made, from
// a DOM event handler inside the app, or from Yew's scheduler (a rejected promise). Every widget
// shares the instance, so all of them show the panic screen; nothing reaches the host's log.
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

