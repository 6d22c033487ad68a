// The <massage-guide> custom element: the shell a host page pays for at once.
//
// tools/bundle.mjs places this file inside one function scope (dist/massage-guide.js) with:
//   MG_VERSION        the widget's version (Cargo.toml)
//   MG_CSS            the widget's stylesheet (styles/widget.css)
//   MG_ARTICLE        the pre-rendered article as a tree: [tag, attributes|0, ...children]
//   MG_API            the attribute rules of core::embed_api (name, kind, values, default, reason)
//   MG_APP_FILE       the app script's file name, loaded from this script's own folder
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
var APP_KEY = Symbol.for('massage-guide.app@' + MG_VERSION);
var TAB_LABELS = { article: 'Article', quiz: 'Safety check', timer: 'Timer' };
var LOADING_TEXT = { quiz: 'Loading the safety check\u2026', timer: 'Loading the timer\u2026' };
var FAILURES = {
  script: 'The safety check and timer could not be loaded: the file is missing, was changed, is blocked, or you are offline.',
  version: 'The safety check and timer file does not match this version of the guide.',
  policy: 'This page\u2019s security settings do not allow the safety check and timer to load.',
  nowasm: 'This browser cannot run the safety check and timer (it has no WebAssembly).',
  wasm: 'This page\u2019s security settings block WebAssembly, which the safety check and timer need.',
  crash: 'Sorry, something went wrong in the safety check and timer.',
};

function warn(text) {
  try { console.warn('massage-guide: ' + text); } catch (e) { /* no console */ }
}

// ---- Attribute rules: the kinds of core::embed_api::ValueKind, one function each ------------
// Each returns the accepted value, or null to fall back to the default (with one warning).
var VALIDATORS = {
  keyword: function (value, rule) {
    var word = value.trim().toLowerCase();
    for (var i = 0; i < rule.values.length; i++) if (rule.values[i].toLowerCase() === word) return rule.values[i];
    return null;
  },
  // A subset in the table's order; unknown words are dropped (and warned about).
  keywords: function (value, rule) {
    var words = value.toLowerCase().split(/\s+/).filter(Boolean);
    var chosen = rule.values.filter(function (v) { return words.indexOf(v) >= 0; });
    var unknown = words.some(function (w) { return rule.values.indexOf(w) < 0; });
    return { chosen: chosen, unknown: unknown };
  },
  url: function (value) {
    var url = value.trim();
    var match = /^https?:\/\/([^/?#]*)/i.exec(url);
    return match && match[1] && url.length <= 2048 && !/[\s\u0000-\u001f\u007f"<>]/.test(url) ? url : null;
  },
  text: function (value) {
    var text = value.split(/\s+/).filter(Boolean).join(' ');
    return text && Array.from(text).length <= 80 ? text : null;
  },
  phone: function (value) {
    var number = value.trim();
    var digits = number.replace(/\D/g, '').length;
    return /^\+?[0-9 -]*$/.test(number) && digits >= 2 && digits <= 15 ? number : null;
  },
  key: function (value) {
    return /^[A-Za-z0-9_.:-]{1,64}$/.test(value) ? value : null;
  },
  language: function (value, rule) {
    var tag = value.trim();
    return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) && rule.values.indexOf(tag.split('-')[0].toLowerCase()) >= 0 ? tag : null;
  },
};
var RULES = {};
MG_API.forEach(function (rule) { RULES[rule.name] = rule; });

/** Validates one attribute of `host`; warns once per element and value. */
function attribute(host, name) {
  var rule = RULES[name];
  var value = host.getAttribute(name);
  if (value === null) return rule.default;
  var ok = VALIDATORS[rule.kind](value, rule);
  if (rule.kind === 'keywords') {
    if (ok.unknown || !ok.chosen.length) warnOnce(host, name, value, ok.chosen.length ? rule.reason : rule.reason + '; showing all');
    return ok.chosen.length ? ok.chosen.join(' ') : rule.default;
  }
  if (ok === null) {
    warnOnce(host, name, value, rule.reason);
    return rule.default;
  }
  return ok;
}

function warnOnce(host, name, value, reason) {
  var seen = host._mg.warned;
  var key = name + '=' + value;
  if (seen.indexOf(key) >= 0) return;
  seen.push(key);
  var shown = Array.from(value);
  warn('ignored ' + name + '="' + shown.slice(0, 60).join('') + (shown.length > 60 ? '\u2026' : '') + '": ' + reason);
}

/** Everything the shell needs from the attributes, validated. */
function readConfig(host) {
  var sections = attribute(host, 'sections').split(' ');
  var start = host.hasAttribute('start') ? attribute(host, 'start') : sections[0];
  if (sections.indexOf(start) < 0) {
    warnOnce(host, 'start', host.getAttribute('start'), 'that section is not in `sections`');
    start = sections[0];
  }
  var loading = attribute(host, 'loading');
  var connection = navigator.connection;
  if (loading === 'auto' && connection && connection.saveData) loading = 'interaction';
  return {
    sections: sections,
    start: start,
    loading: loading,
    productUrl: attribute(host, 'product-url'),
    productName: attribute(host, 'product-name'),
    lang: attribute(host, 'lang'),
    storageKey: attribute(host, 'storage-key'),
  };
}

// Every attribute is read once at start so a bad one warns at once, not only when the app loads.
function checkAll(host) {
  MG_API.forEach(function (rule) { attribute(host, rule.name); });
}

// ---- Styles: constructable stylesheets shared by all shadow roots (the shell's at once, the
//      app's when it mounts); <style> elements where adoptedStyleSheets is missing (older WebKit).
var sheets = {};
function applyStyles(shadow, name, text) {
  try {
    if (!sheets[name]) {
      sheets[name] = new CSSStyleSheet();
      sheets[name].replaceSync(text);
    }
    if (shadow.adoptedStyleSheets.indexOf(sheets[name]) < 0) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.concat([sheets[name]]);
  } catch (e) {
    if (shadow.querySelector('style[data-mg-sheet="' + name + '"]')) return;
    var style = document.createElement('style');
    style.setAttribute('data-mg-sheet', name);
    style.textContent = text;
    shadow.insertBefore(style, shadow.firstChild);
  }
}

// ---- DOM building (no innerHTML anywhere) ---------------------------------------------------
function el(tag, attributes, children) {
  var node = document.createElement(tag);
  for (var name in attributes) node.setAttribute(name, attributes[name]);
  (children || []).forEach(function (child) {
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

/** Builds the pre-rendered article tree; SVG elements get their namespace. */
function buildTree(node, ns) {
  if (typeof node === 'string') return document.createTextNode(node);
  var tag = node[0];
  if (tag === 'svg') ns = SVG_NS;
  var element = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  var attributes = node[1] || {};
  for (var name in attributes) element.setAttribute(name, attributes[name]);
  for (var i = 2; i < node.length; i++) element.appendChild(buildTree(node[i], ns));
  return element;
}

/** The product mentions in the article: a link only for a valid product-url. */
function renderProduct(panel, config) {
  var mentions = panel.querySelectorAll('.mg-product');
  for (var i = 0; i < mentions.length; i++) {
    var old = mentions[i];
    var mention = config.productUrl
      ? el('a', { class: 'mg-product', part: 'product-link', href: config.productUrl }, [config.productName])
      : el('span', { class: 'mg-product' }, [config.productName]);
    old.parentNode.replaceChild(mention, old);
  }
}

// ---- The app script: loaded once per page, one wasm instance for every element ------------
var thisScript = document.currentScript;
var appUrl = (function () {
  try { return new URL(MG_APP_FILE, (thisScript && thisScript.src) || document.baseURI).href; } catch (e) { return MG_APP_FILE; }
})();
var appInstance = null; // Promise of the glue object with the wasm instantiated
var liveElements = [];
var trustedPolicy;

function failure(kind, detail) {
  var error = new Error(FAILURES[kind]);
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
        src = trustedPolicy.createScriptURL(appUrl);
      } catch (e) {
        trustedPolicy = null;
      }
      // The page refused our policy name: assigning the URL would only add a second report.
      if (trustedPolicy === null) return reject(failure('policy', 'Trusted Types refused the policy "massage-guide"'));
    }
    var script = document.createElement('script');
    var local = location.protocol === 'file:' || appUrl.slice(0, 5) === 'file:';
    // Chromium refuses every file:// script that carries `integrity`, so only http(s) checks it.
    // An opaque origin (a sandboxed iframe without allow-same-origin) would need CORS headers
    // from the shop's server for `integrity`; there the script loads like any plain <script>.
    if ((window.origin || location.origin) === 'null') local = true;
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

function instantiate(entry) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw failure('nowasm', 'WebAssembly is not available');
  }
  var glue = entry.glue();
  glue.css = entry.css;
  return glue({ module_or_path: entry.wasm() }).then(function () { return glue; }, function (error) {
    // A CSP without 'wasm-unsafe-eval' refuses to compile; anything else is our own bug.
    var refused = error instanceof WebAssembly.CompileError || /WebAssembly|wasm|unsafe-eval/i.test(error && error.message);
    throw failure(refused ? 'wasm' : 'crash', error && error.message);
  });
}

function loadApp() {
  if (!appInstance) {
    appInstance = loadAppScript().then(instantiate);
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

// ---- Scheduling the app load -------------------------------------------------------------
function whenPageLoaded(callback) {
  if (document.readyState === 'complete') { callback(); return function () {}; }
  window.addEventListener('load', callback);
  return function () { window.removeEventListener('load', callback); };
}

function whenIdle(callback) {
  if (window.requestIdleCallback) {
    var id = window.requestIdleCallback(callback, { timeout: 3000 });
    return function () { window.cancelIdleCallback(id); };
  }
  var timer = setTimeout(callback, 200);
  return function () { clearTimeout(timer); };
}

// Runs `callback` once the element is within about one screen of the viewport.
function whenNearViewport(element, callback) {
  if (typeof IntersectionObserver !== 'function') { callback(); return function () {}; }
  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) {
      observer.disconnect();
      callback();
    }
  }, { rootMargin: '100% 0px' });
  observer.observe(element);
  return function () { observer.disconnect(); };
}

// ---- Mount points, recycled ------------------------------------------------------------
// Yew 0.23 registers its delegated event listeners on the app's root element with
// `Closure::forget` (dom_bundle/subtree_root.rs, HostHandlers::add_listener: "the registry is
// never dropped"), so every unmounted app would leave its root element and one listener per
// event type behind. The shell records the listeners added to each mount point, removes them
// when the app is released, and reuses the (then empty) element for the next app.
var mountPool = [];
function takeMount() {
  var node = mountPool.pop() || document.createElement('div');
  node.className = 'mg-mount';
  node.hidden = true;
  node.setAttribute('data-off', '');
  node._mgListeners = [];
  node.addEventListener = function (type, listener, options) {
    this._mgListeners.push([type, listener, options]);
    return EventTarget.prototype.addEventListener.call(this, type, listener, options);
  };
  return node;
}
function recycleMount(node) {
  (node._mgListeners || []).forEach(function (entry) {
    EventTarget.prototype.removeEventListener.call(node, entry[0], entry[1], entry[2]);
  });
  node._mgListeners = [];
  node.textContent = '';
  if (node.parentNode) node.parentNode.removeChild(node);
  if (mountPool.length < 8) mountPool.push(node);
}

/** The storage slot suffix: storage-key, else id, else the position among the page's widgets. */
function widgetKey(host, config) {
  if (config.storageKey) return '@' + config.storageKey;
  var id = host.getAttribute('id');
  if (id && VALIDATORS.key(id)) return '@' + id;
  var all = document.querySelectorAll('massage-guide');
  for (var i = 0; i < all.length; i++) if (all[i] === host) return i > 0 ? '-' + i : '';
  return '';
}

// ---- The element -----------------------------------------------------------------------
class MassageGuideElement extends HTMLElement {
  static get observedAttributes() { return MG_API.map(function (rule) { return rule.name; }); }
  static get version() { return MG_VERSION; }

  connectedCallback() {
    try {
      if (!this._mg) this._build();
      this._mg.connected = true;
      this._schedule();
    } catch (error) {
      warn('could not start (' + (error && error.message) + ')');
    }
  }

  // Released a moment later, so moving the element (remove + insert) keeps a running timer.
  disconnectedCallback() {
    var self = this;
    var mg = this._mg;
    if (!mg) return;
    mg.connected = false;
    Promise.resolve().then(function () {
      if (!self.isConnected) self._release();
    });
  }

  attributeChangedCallback(name) {
    var mg = this._mg;
    if (!mg) return;
    try {
      attribute(this, name); // a new bad value warns once, whichever attribute it is
      this._configure();
      if (mg.app) this._call(function (app) { app.update(); });
    } catch (error) {
      warn('could not apply an attribute change (' + (error && error.message) + ')');
    }
  }

  _build() {
    var shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    shadow.textContent = '';
    this._mg = { warned: [], app: null, wantApp: false, failure: null, cancel: [], connected: true };
    checkAll(this);
    applyStyles(shadow, 'shell', MG_CSS);
    var mg = this._mg;
    // Page snapshots (Chromium's MHTML "Download page") keep the shadow root but not its
    // adopted stylesheet. `hidden` keeps the tabs and the app out of such a copy, which then
    // shows the whole article whatever tab was open; the stylesheet overrides it live.
    mg.root = el('div', { class: 'mg', part: 'root', 'data-version': MG_VERSION, dir: 'ltr' });
    mg.tabs = el('div', { class: 'mg-tabs', role: 'tablist', 'aria-label': 'Back pain guide', hidden: '' });
    mg.article = el('div', { class: 'mg-panel mg-panel-article', id: 'mg-panel-article' });
    mg.article.appendChild(buildTree(MG_ARTICLE));
    mg.status = el('div', { class: 'mg-panel mg-status', hidden: '', 'data-off': '' });
    mg.mount = takeMount();
    mg.root.appendChild(mg.tabs);
    mg.root.appendChild(mg.article);
    mg.root.appendChild(mg.status);
    mg.root.appendChild(mg.mount);
    shadow.appendChild(mg.root);
    var self = this;
    shadow.addEventListener('click', function (event) { self._onClick(event); });
    mg.tabs.addEventListener('keydown', function (event) { self._onTabKey(event); });
    shadow.addEventListener('mg-navigate', function (event) { self._onNavigate(event); });
    this._configure();
    this._select(mg.config.start, false);
  }

  /** (Re)reads the attributes and redraws what depends on them. */
  _configure() {
    var mg = this._mg;
    var config = readConfig(this);
    var old = mg.config;
    mg.config = config;
    mg.root.setAttribute('lang', config.lang);
    if (!old || old.sections.join() !== config.sections.join()) this._renderTabs();
    if (!old || old.productUrl !== config.productUrl || old.productName !== config.productName) renderProduct(mg.article, config);
    var cta = mg.article.querySelector('.mg-cta');
    // `hidden` stays (so unstyled snapshots omit it); the stylesheet shows it with data-on.
    if (cta) cta.toggleAttribute('data-on', config.sections.indexOf('quiz') >= 0);
    if (old && config.sections.indexOf(mg.active) < 0) this._select(config.start, false);
  }

  _renderTabs() {
    var mg = this._mg;
    var sections = mg.config.sections;
    mg.tabs.textContent = '';
    mg.tabButtons = {};
    toggle(mg.tabs, sections.length > 1);
    if (sections.length > 1) sections.forEach(function (key) {
      var tab = el('button', {
        type: 'button', role: 'tab', class: 'mg-tab', part: 'tab', id: 'mg-tab-' + key,
        'aria-controls': 'mg-panel-' + key, 'data-mg-tab': key,
      }, [TAB_LABELS[key]]);
      mg.tabButtons[key] = tab;
      mg.tabs.appendChild(tab);
    });
    var single = sections.length < 2;
    mg.article.setAttribute('role', single ? 'region' : 'tabpanel');
    if (single) mg.article.setAttribute('aria-label', 'Back pain guide');
    else mg.article.setAttribute('aria-labelledby', 'mg-tab-article');
    if (mg.active) this._markTabs();
  }

  _markTabs() {
    var mg = this._mg;
    for (var key in mg.tabButtons) {
      var selected = key === mg.active;
      mg.tabButtons[key].setAttribute('aria-selected', selected ? 'true' : 'false');
      mg.tabButtons[key].tabIndex = selected ? 0 : -1;
    }
  }

  /** Shows one section; the quiz and timer need the app. */
  _select(section, focusTab) {
    var mg = this._mg;
    mg.active = section;
    this._markTabs();
    if (focusTab && mg.tabButtons[section]) mg.tabButtons[section].focus();
    var inApp = section !== 'article';
    toggle(mg.article, !inApp);
    if (inApp) {
      mg.wantApp = true;
      this._startApp();
    }
    this._showAppArea();
    if (mg.app) this._call(function (app) { app.show(section); });
  }

  /** Shows the app's panels, or the status panel (loading / failed) in their place. */
  _showAppArea() {
    var mg = this._mg;
    var inApp = mg.active !== 'article';
    toggle(mg.mount, inApp && !!mg.app);
    toggle(mg.status, inApp && !mg.app);
    if (!inApp || mg.app) return;
    var status = mg.status;
    var name = mg.active;
    status.textContent = '';
    status.id = 'mg-panel-' + name;
    status.setAttribute('role', mg.config.sections.length > 1 ? 'tabpanel' : 'region');
    status.setAttribute('aria-labelledby', 'mg-tab-' + name);
    if (mg.failure) {
      status.removeAttribute('aria-busy');
      status.appendChild(el('div', { class: 'mg-note mg-note-error', role: 'alert', part: 'note' }, [
        el('p', {}, [mg.failure]),
        el('button', { type: 'button', class: 'mg-button', part: 'button', 'data-mg-retry': '' }, [mg.crashed ? 'Reload the guide' : 'Retry']),
      ]));
    } else {
      status.setAttribute('aria-busy', 'true');
      status.appendChild(el('p', { class: 'mg-loading', role: 'status' }, [LOADING_TEXT[name]]));
    }
  }

  /** Plans the app load for this element's `loading` policy. */
  _schedule() {
    var mg = this._mg;
    var self = this;
    this._cancelScheduled();
    if (mg.app) return;
    if (mg.wantApp || mg.config.loading === 'eager' || mg.config.start !== 'article') {
      this._startApp();
      return;
    }
    if (mg.config.loading !== 'auto') return;
    var cancelIdle = function () {};
    var cancelNear = function () {};
    var cancelLoad = whenPageLoaded(function () {
      cancelIdle = whenIdle(function () {
        cancelNear = whenNearViewport(self, function () { self._startApp(); });
      });
    });
    mg.cancel.push(function () { cancelLoad(); cancelIdle(); cancelNear(); });
  }

  _cancelScheduled() {
    var cancel = this._mg.cancel;
    this._mg.cancel = [];
    cancel.forEach(function (undo) { undo(); });
  }

  /** Loads the app (once per page) and mounts it here once the reader wants it. */
  _startApp() {
    var mg = this._mg;
    var self = this;
    if (mg.app || mg.loading) return;
    mg.loading = true;
    watchTraps();
    var started = loadApp();
    started.then(function (glue) {
      mg.loading = false;
      mg.failure = null;
      if (self.isConnected) self._mount(glue);
    }, function (error) {
      mg.loading = false;
      if (!mg.wantApp) return; // a prefetch failed quietly; the reader has not asked yet
      mg.failure = error.kind ? FAILURES[error.kind] : FAILURES.script;
      warn((error.detail || error.message || error) + '; the article still works.');
      self._showAppArea();
    });
  }

  _mount(glue) {
    var mg = this._mg;
    if (mg.app || !mg.wantApp || !appInstance) return;
    var self = this;
    applyStyles(this.shadowRoot, 'app', glue.css);
    try {
      mg.app = glue.mount(mg.mount, this, widgetKey(this, mg.config), mg.active);
      mg.glue = glue;
    } catch (error) {
      if (isTrap(error)) { crashAll(); return; }
      throw error;
    }
    if (liveElements.indexOf(this) < 0) liveElements.push(this);
    this._showAppArea();
    if (!mg.announced) {
      mg.announced = true;
      setTimeout(function () { self.dispatchEvent(new CustomEvent(READY, { bubbles: true, composed: true })); });
    }
  }

  /** Calls into the app; a trap there means a panic. */
  _call(action) {
    try {
      action(this._mg.app);
    } catch (error) {
      if (isTrap(error)) crashAll();
      else warn('internal error (' + (error && error.message) + ')');
    }
  }

  /** Left the document: release the app, listeners, observers and timers. */
  _release() {
    var mg = this._mg;
    this._cancelScheduled();
    var index = liveElements.indexOf(this);
    if (index >= 0) liveElements.splice(index, 1);
    var app = mg.app;
    mg.app = null;
    if (app) {
      try { app.destroy(); app.free(); } catch (e) { /* instance already gone */ }
      this._freshMount();
    }
    this._showAppArea();
  }

  /** A new, empty mount point (the old one may still carry a dead app's listeners). */
  _freshMount() {
    var mg = this._mg;
    var old = mg.mount;
    mg.mount = takeMount();
    mg.root.replaceChild(mg.mount, old);
    recycleMount(old);
  }

  /** The shared wasm instance trapped: show the panic screen here, keep the article. */
  _crash() {
    var mg = this._mg;
    mg.app = null;
    mg.failure = FAILURES.crash + ' The article still works.';
    this._freshMount();
    var index = liveElements.indexOf(this);
    if (index >= 0) liveElements.splice(index, 1);
    mg.crashed = true;
    this._showAppArea();
    var note = mg.status.querySelector('.mg-note');
    if (note) note.setAttribute('data-mg-panic', '');
  }

  _onClick(event) {
    var mg = this._mg;
    var target = event.target && event.target.closest ? event.target : null;
    if (!target) return;
    var tab = target.closest('[data-mg-tab]');
    if (tab) { this._select(tab.getAttribute('data-mg-tab'), false); return; }
    if (target.closest('[data-mg-retry]')) { this._retry(); return; }
    var open = target.closest('[data-mg-open]');
    if (open) {
      event.preventDefault();
      var section = open.getAttribute('data-mg-open');
      if (mg.config.sections.indexOf(section) >= 0) this._select(section, true);
      return;
    }
    // In-article links (#id): fragments cannot reach into a shadow root, and a host's
    // <base href> would send them to another page, so the shell scrolls itself.
    var link = target.closest('a[href^="#"]');
    if (link && mg.article.contains(link)) {
      event.preventDefault();
      this._jump(link.getAttribute('href').slice(1));
    }
  }

  _onTabKey(event) {
    var mg = this._mg;
    var sections = mg.config.sections;
    var index = sections.indexOf(mg.active);
    var last = sections.length - 1;
    var next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this._select(sections[next], true);
  }

  // From the app: "article#<section id>" or "timer#".
  _onNavigate(event) {
    event.stopPropagation();
    var parts = String(event.detail || '').split('#');
    if (this._mg.config.sections.indexOf(parts[0]) < 0) return;
    this._select(parts[0], !parts[1]);
    if (parts[1]) this._jump(parts[1]);
  }

  /** Scrolls to an article section and moves focus there (headings carry tabindex=-1). */
  _jump(id) {
    var mg = this._mg;
    if (mg.active !== 'article') this._select('article', false);
    var target = this.shadowRoot.getElementById(id);
    if (!target || !mg.article.contains(target)) return;
    target.scrollIntoView({ block: 'start' });
    if (target.focus) target.focus({ preventScroll: true });
  }

  /** Retry after a failure, or Reload after a crash: a fresh app instance for every widget. */
  _retry() {
    var mg = this._mg;
    mg.failure = null;
    var crashed = document.querySelectorAll('massage-guide');
    this._showAppArea();
    this._startApp();
    // After a crash the other widgets start again too.
    for (var i = 0; i < crashed.length; i++) {
      var other = crashed[i];
      if (other !== this && other._mg && other._mg.crashed && other._retry) {
        other._mg.crashed = false;
        other._mg.failure = null;
        other._showAppArea();
        other._startApp();
      }
    }
    mg.crashed = false;
  }
}

function toggle(node, shown) {
  if (shown) node.removeAttribute('data-off');
  else node.setAttribute('data-off', '');
}

customElements.define('massage-guide', MassageGuideElement);
