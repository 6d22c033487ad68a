// The <massage-guide> custom element: the only hand-written JavaScript of the widget.
//
// tools/bundle.mjs places this file inside one function scope together with:
//   MG_CSS    the widget's stylesheet (styles/widget.css), as a string;
//   MG_WASM   the wasm bytes, one byte per character (a "latin-1" string);
//   mgGlue()  a factory returning a fresh wasm-bindgen `no-modules` glue object.
// The result is dist/massage-guide.js: one classic script, safe to include twice.
//
// Contract with the host page: nothing here throws into it. Failures end as one
// console warning and a note inside the element, which keeps showing the article.

var ATTRIBUTES = ['sections', 'start', 'product-url', 'product-name', 'emergency-number', 'theme'];
var STATIC_NOTE = 'The quiz and timer need WebAssembly, which this page or browser does not allow. The article is shown in full.';
var READY = 'massage-guide:ready';

// One wasm instance serves every element on the page. After a Rust panic the
// instance is discarded and the next start builds a new one.
var wasmInstance = null;
var liveElements = [];

function decodeWasm(text) {
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function loadWasm() {
  if (!wasmInstance) {
    wasmInstance = new Promise(function (resolve) {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
        throw new Error('WebAssembly is not available');
      }
      var glue = mgGlue();
      resolve(glue({ module_or_path: decodeWasm(MG_WASM) }).then(function () { return glue; }));
    });
  }
  return wasmInstance;
}

// One constructable stylesheet shared by all shadow roots; a <style> element where
// adoptedStyleSheets is missing (older WebKit).
var sharedSheet = null;
function applyStyles(shadow) {
  try {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(MG_CSS);
    }
    shadow.adoptedStyleSheets = [sharedSheet];
  } catch (e) {
    var style = document.createElement('style');
    style.textContent = MG_CSS;
    shadow.appendChild(style);
  }
}

// Runs `start` once the element is within ~1 screen of the viewport (at once where
// IntersectionObserver is missing). Returns the observer so it can be disconnected.
function whenNearViewport(element, start) {
  if (typeof IntersectionObserver !== 'function') {
    start();
    return null;
  }
  var observer = new IntersectionObserver(function (entries) {
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].isIntersecting) {
        observer.disconnect();
        start();
        return;
      }
    }
  }, { rootMargin: '100% 0px' });
  observer.observe(element);
  return observer;
}

// Until the app mounts, the shadow root shows a copy of the pre-rendered article the
// host put in the element's light DOM, inside the same frame (tab bar, panel) the app
// renders, so the element has its final height at once and nothing moves at mount.
var TAB_LABELS = { article: 'Article', quiz: 'Quiz', timer: 'Timer' };

function shownSections(host) {
  var words = (host.getAttribute('sections') || '').toLowerCase().split(/\s+/);
  var shown = Object.keys(TAB_LABELS).filter(function (key) { return words.indexOf(key) >= 0; });
  return shown.length ? shown : Object.keys(TAB_LABELS);
}

function showPrerendered(host, view, withTabs) {
  view.textContent = '';
  var frame = document.createElement('div');
  frame.className = 'mg';
  var sections = shownSections(host);
  if (withTabs && sections.length > 1) {
    var tabs = document.createElement('div');
    tabs.className = 'mg-tabs';
    tabs.setAttribute('aria-hidden', 'true');
    sections.forEach(function (key) {
      var tab = document.createElement('span');
      tab.className = 'mg-tab';
      tab.textContent = TAB_LABELS[key];
      tabs.appendChild(tab);
    });
    frame.appendChild(tabs);
  }
  var panel = document.createElement('div');
  panel.className = 'mg-panel';
  var nodes = host.childNodes;
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var tag = node.nodeType === 1 ? node.localName : '';
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    if (node.nodeType === 1 || node.nodeType === 3) panel.appendChild(node.cloneNode(true));
  }
  frame.appendChild(panel);
  view.appendChild(frame);
}

function showNote(view, text) {
  var note = document.createElement('p');
  note.className = 'mg-note';
  note.setAttribute('role', 'note');
  note.setAttribute('part', 'note');
  note.textContent = text;
  view.insertBefore(note, view.firstChild);
}

function anyPanicScreen() {
  for (var i = 0; i < liveElements.length; i++) {
    if (liveElements[i]._mg.view.querySelector('[data-mg-panic]')) return true;
  }
  return false;
}

// A Rust panic ends in a wasm trap that would surface as an uncaught error in the host
// page. The panic screen already told the reader; keep the host's error log clean.
window.addEventListener('error', function (event) {
  if (typeof WebAssembly === 'object' && event.error instanceof WebAssembly.RuntimeError && anyPanicScreen()) {
    event.preventDefault();
  }
});

function warn(text) {
  try { console.warn('massage-guide: ' + text); } catch (e) { /* no console */ }
}

class MassageGuideElement extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  connectedCallback() {
    try {
      if (!this._mg) this._build();
      if (!this._mg.app && !this._mg.failed) this._schedule();
    } catch (error) {
      warn('could not start (' + (error && error.message) + ')');
    }
  }

  disconnectedCallback() {
    var mg = this._mg;
    if (!mg) return;
    if (mg.observer) mg.observer.disconnect();
    mg.observer = null;
    this._unmount();
  }

  attributeChangedCallback() {
    var mg = this._mg;
    if (!mg || !mg.app) return;
    try { mg.app.update(); } catch (error) { this._fail(error); }
  }

  _build() {
    var shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    applyStyles(shadow);
    var view = document.createElement('div');
    view.className = 'mg-mount';
    showPrerendered(this, view, true);
    shadow.appendChild(view);
    var self = this;
    // The panic screen's Reload button is plain DOM (Rust cannot run after a panic).
    shadow.addEventListener('click', function (event) {
      var target = event.target;
      if (target && target.closest && target.closest('[data-mg-reload]')) self._reload();
    });
    this._mg = { view: view, app: null, observer: null, failed: false };
  }

  _schedule() {
    var self = this;
    var mg = this._mg;
    if (mg.observer) return;
    mg.observer = whenNearViewport(this, function () {
      mg.observer = null;
      self._start();
    });
  }

  _start() {
    var self = this;
    var mg = this._mg;
    loadWasm().then(function (glue) {
      if (!self.isConnected || mg.app || mg.failed) return;
      mg.app = glue.mount(mg.view, self);
      if (liveElements.indexOf(self) < 0) liveElements.push(self);
      self.dispatchEvent(new CustomEvent(READY, { bubbles: true, composed: true }));
    }).catch(function (error) {
      self._fail(error);
    });
  }

  _fail(error) {
    var mg = this._mg;
    mg.failed = true;
    mg.app = null;
    if (!mg.view.querySelector('[data-mg-panic]')) {
      showPrerendered(this, mg.view, false);
      showNote(mg.view.firstChild, STATIC_NOTE);
    }
    warn('interactive parts unavailable (' + (error && error.message || error) + '); showing the article only.');
  }

  _unmount() {
    var mg = this._mg;
    var app = mg && mg.app;
    if (!app) return;
    mg.app = null;
    var index = liveElements.indexOf(this);
    if (index >= 0) liveElements.splice(index, 1);
    try { app.destroy(); app.free(); } catch (e) { /* instance already gone */ }
  }

  // After a Rust panic: drop the poisoned instance and remount every element on a new one.
  _reload() {
    wasmInstance = null;
    var elements = liveElements.slice();
    if (elements.indexOf(this) < 0) elements.push(this);
    liveElements = [];
    elements.forEach(function (element) {
      var mg = element._mg;
      mg.app = null;
      mg.failed = false;
      showPrerendered(element, mg.view, true);
      if (element.isConnected) element._start();
    });
  }
}

customElements.define('massage-guide', MassageGuideElement);
