// What runs INSIDE the page, in every engine. Nothing here is imported into Node: the drivers
// send `pageLib`'s source text with every script they execute (Playwright/puppeteer
// `evaluate`, W3C WebDriver `execute/async`), so the same code reads the same shadow DOM in
// Chromium, Firefox and WebKit. Keep both functions self-contained (no closures over module
// scope) and in plain ES2017.

/**
 * Returns the helpers the flows' page scripts receive as their first argument. Controls are
 * found the way a reader finds them: by role and accessible name (button text, label text,
 * aria-label), never by CSS class, so the flows survive markup changes in the views.
 */
export function pageLib() {
  var norm = function (s) { return String(s == null ? '' : s).replace(/\s+/g, ' ').trim(); };

  // `selector` may reach into a same-origin iframe: 'iframe#legacy >>> massage-guide'.
  function find(selector) {
    var parts = selector.split(' >>> ');
    if (parts.length === 1) return document.querySelector(selector);
    var frame = document.querySelector(parts[0]);
    var doc = frame && frame.contentDocument;
    return doc ? doc.querySelector(parts[1]) : null;
  }
  function host(selector) {
    var element = find(selector);
    if (!element) throw new Error('no element ' + selector);
    return element;
  }
  function styleOf(el) { return el.ownerDocument.defaultView.getComputedStyle(el); }
  function root(selector) {
    var shadow = host(selector).shadowRoot;
    if (!shadow) throw new Error(selector + ' has no open shadow root');
    return shadow;
  }

  function hidden(el) {
    for (var n = el; n && n.nodeType === 1; n = n.parentNode) {
      // Computed style decides (the widget overrides `hidden` on its tab bar with CSS).
      if (n.getAttribute('aria-hidden') === 'true') return true;
      var style = styleOf(n);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
    return false;
  }
  function visible(el) {
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !hidden(el);
  }

  function role(el) {
    var explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    var tag = el.localName;
    var type = (el.getAttribute('type') || '').toLowerCase();
    if (tag === 'button' || (tag === 'input' && (type === 'button' || type === 'submit' || type === 'reset'))) return 'button';
    if (tag === 'input' && type === 'radio') return 'radio';
    if (tag === 'input' && type === 'checkbox') return 'checkbox';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'select') return 'combobox';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    return null;
  }

  // A small subset of the accessible-name computation: enough for buttons, labelled inputs,
  // ARIA widgets and headings.
  function name(el) {
    var shadow = el.getRootNode();
    var ids = el.getAttribute('aria-labelledby');
    if (ids) {
      var text = ids.split(/\s+/).map(function (id) {
        var labelEl = shadow.getElementById ? shadow.getElementById(id) : null;
        return labelEl ? labelEl.textContent : '';
      }).join(' ');
      if (norm(text)) return norm(text);
    }
    if (norm(el.getAttribute('aria-label'))) return norm(el.getAttribute('aria-label'));
    if (el.labels && el.labels.length) {
      return norm(Array.prototype.map.call(el.labels, function (l) { return l.textContent; }).join(' '));
    }
    if (el.localName === 'input') return norm(el.value);
    return norm(el.textContent);
  }

  function checked(el) {
    if (el.localName === 'input') return !!el.checked;
    var aria = el.getAttribute('aria-checked') || el.getAttribute('aria-pressed') || el.getAttribute('aria-selected');
    return aria === 'true';
  }
  function disabled(el) {
    return !!el.disabled || el.getAttribute('aria-disabled') === 'true';
  }

  // Where a reader taps: the label of a radio or checkbox (the bigger target, and the only
  // one when the input itself is visually hidden behind a styled label).
  function tapTarget(el) {
    if (el.localName === 'input' && /^(radio|checkbox)$/i.test(el.type) && el.labels) {
      for (var i = 0; i < el.labels.length; i++) if (visible(el.labels[i])) return el.labels[i];
    }
    return el;
  }

  /** Every visible control in `scope`: {el, role, name, checked, disabled}. */
  function controls(scope) {
    var all = scope.querySelectorAll('button, input, select, a[href], [role=button], [role=tab], [role=radio], [role=checkbox], [role=switch], [role=option], [role=link]');
    var out = [];
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (!visible(tapTarget(el))) continue;
      var r = role(el);
      if (!r) continue;
      out.push({ el: el, role: r, name: name(el), checked: checked(el), disabled: disabled(el), group: group(el) });
    }
    return out;
  }
  function describe(list) {
    return list.map(function (c) { return { role: c.role, name: c.name, checked: c.checked, disabled: c.disabled, group: c.group }; });
  }
  // The legend of the fieldset a radio or checkbox sits in (a Yes / No / Not sure sign), or ''.
  function group(el) {
    if (el.localName !== 'input') return '';
    var set = el.closest('fieldset');
    var legend = set && set.querySelector('legend');
    return legend ? norm(legend.textContent) : '';
  }

  function panel(selector) {
    return root(selector).querySelector('[role=tabpanel]:not([data-off])') || root(selector).querySelector('.mg') || root(selector);
  }
  function headings(scope) {
    var list = scope.querySelectorAll('h1, h2, h3, h4, [role=heading]');
    var out = [];
    for (var i = 0; i < list.length; i++) if (visible(list[i])) out.push(norm(list[i].textContent));
    return out;
  }
  function matcher(spec) {
    var re = new RegExp(spec.re, spec.flags == null ? 'i' : spec.flags);
    return function (c) {
      return (!spec.role || (spec.role === 'choice' ? /^(radio|checkbox|switch|option)$/.test(c.role) : c.role === spec.role)) &&
        re.test(c.name) && !(spec.not && new RegExp(spec.not, 'i').test(c.name)) &&
        (!spec.group || new RegExp(spec.group, 'i').test(c.group || ''));
    };
  }

  return {
    norm: norm,
    host: host,
    root: root,

    /**
     * The widget's shell is up (tabs and the article, drawn by the first script without wasm).
     * On the Safety check or Timer tab it also waits for the app (`[data-mg-app]`), which
     * loads when the reader opens those tabs.
     */
    mounted: function (selector) {
      var element = find(selector);
      if (!element || !element.shadowRoot || !element.shadowRoot.querySelector('.mg[data-version] .mg-article')) return null;
      var tab = element.shadowRoot.querySelector('[role=tab][aria-selected=true]');
      var onApp = tab && tab.getAttribute('data-mg-tab') !== 'article';
      if (onApp && !element.shadowRoot.querySelector('.mg-mount:not([data-off]) [data-mg-app]')) return null;
      return this.widget(selector);
    },

    /** The state of one widget: selected tab, placeholder, headings, text. */
    widget: function (selector) {
      var shadow = root(selector);
      var tab = shadow.querySelector('[role=tab][aria-selected=true]');
      var p = panel(selector);
      return {
        tab: tab ? norm(tab.textContent) : null,
        placeholder: !!p.querySelector('.mg-placeholder'),
        placeholderText: p.querySelector('.mg-placeholder') ? norm(p.querySelector('.mg-placeholder').textContent) : null,
        h1: shadow.querySelector('[role=tabpanel]:not([data-off]) h1') ? norm(shadow.querySelector('[role=tabpanel]:not([data-off]) h1').textContent) : null,
        headings: headings(p),
        text: norm(p.textContent).slice(0, 400),
      };
    },

    /** The controls of the current panel (or of the whole widget with `whole`). */
    controls: function (selector, whole) {
      return describe(controls(whole ? root(selector) : panel(selector)));
    },

    /** A snapshot for step-by-step flows: headings, choices and buttons of the panel. */
    screen: function (selector) {
      var p = panel(selector);
      var list = controls(p);
      return {
        headings: headings(p),
        choices: describe(list.filter(function (c) { return /^(radio|checkbox|switch|option)$/.test(c.role); })),
        buttons: describe(list.filter(function (c) { return c.role === 'button' || c.role === 'link'; })),
        timers: Array.prototype.map.call(p.querySelectorAll('[role=timer]'), function (t) { return norm(t.textContent); }),
        text: norm(p.textContent).slice(0, 3000),
      };
    },

    /**
     * Finds the control matching `spec` ({role, re, not}) in the widget, scrolls it into the
     * middle of the viewport and remembers it as `window.__mgtTarget` for the driver, which
     * then clicks or taps it with real input. Returns its description, or null.
     */
    mark: function (selector, spec) {
      var found = controls(root(selector)).filter(matcher(spec));
      if (!found.length) return null;
      var c = found[0];
      var target = tapTarget(c.el);
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
      window.__mgtTarget = target;
      return { role: c.role, name: c.name, checked: c.checked, disabled: c.disabled, tag: target.localName };
    },

    /** Clicks the marked control from inside the page (where the driver cannot reach it). */
    clickMarked: function () {
      if (!window.__mgtTarget) throw new Error('nothing marked');
      window.__mgtTarget.click();
      return true;
    },

    /** Which APIs with a degraded path exist in this engine (or in a frame's window). */
    features: function (frameSelector) {
      var w = frameSelector ? document.querySelector(frameSelector).contentWindow : window;
      var navigator = w.navigator, ShadowRoot = w.ShadowRoot, DecompressionStream = w.DecompressionStream;
      return {
        wakeLock: !!(navigator.wakeLock && navigator.wakeLock.request),
        vibrate: typeof navigator.vibrate === 'function',
        adoptedStyleSheets: typeof ShadowRoot !== 'undefined' && 'adoptedStyleSheets' in ShadowRoot.prototype,
        decompressionStream: typeof DecompressionStream === 'function',
        audioContext: typeof (w.AudioContext || w.webkitAudioContext) === 'function',
        userAgent: navigator.userAgent,
      };
    },

    /** How the widget's CSS reached its shadow root, and whether it took effect. */
    styles: function (selector) {
      var shadow = root(selector);
      var tab = shadow.querySelector('[role=tab]');
      return {
        adopted: shadow.adoptedStyleSheets ? shadow.adoptedStyleSheets.length : 0,
        styleElements: shadow.querySelectorAll('style').length,
        tabMinHeight: tab ? styleOf(tab).minHeight : null,
        hostDisplay: styleOf(host(selector)).display,
      };
    },

    /** Horizontal overflow of the page (PRODUCT.md 7: no horizontal scroll). */
    overflowX: function () {
      var doc = document.documentElement;
      return Math.max(0, doc.scrollWidth - doc.clientWidth);
    },

    /** Records the widget's `massage-guide:*` events on `window.__mgtEvents`. */
    listen: function (selector) {
      var element = host(selector);
      if (element.__mgtListening) return true;
      element.__mgtListening = true;
      window.__mgtEvents = window.__mgtEvents || [];
      ['massage-guide:ready', 'massage-guide:quiz-result', 'massage-guide:timer-start', 'massage-guide:timer-end'].forEach(function (type) {
        element.addEventListener(type, function (event) {
          window.__mgtEvents.push({ host: selector, type: type, detail: event.detail == null ? null : JSON.parse(JSON.stringify(event.detail)) });
        });
      });
      return true;
    },
    events: function () { return window.__mgtEvents || []; },
  };
}

/**
 * The error collector for engines whose driver cannot report page errors (WebKit over W3C
 * WebDriver): put first in <head>, it records uncaught errors, unhandled rejections, failed
 * resources, console.error and the widget's own `massage-guide:` warnings on
 * `window.__mgtErrors`, which the driver reads back by script.
 */
export function errorCollector() {
  if (window.__mgtErrors) return;
  var list = window.__mgtErrors = [];
  var text = function (value) {
    try {
      if (value instanceof Error) return String(value) + (value.stack ? ' at ' + String(value.stack).split('\n')[0] : '');
      return String(value);
    } catch (e) { return '(unprintable)'; }
  };
  window.addEventListener('error', function (event) {
    if (typeof ErrorEvent === 'function' && event instanceof ErrorEvent) {
      list.push('uncaught ' + text(event.error || event.message) + ' (' + event.filename + ':' + event.lineno + ')');
    } else if (event.target && event.target !== window) {
      list.push('failed to load ' + (event.target.src || event.target.href || event.target.localName));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    list.push('unhandled rejection: ' + text(event.reason));
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      try {
        var message = Array.prototype.map.call(arguments, text).join(' ');
        if (level === 'error' || /^massage-guide:/.test(message)) list.push('console.' + level + ': ' + message);
      } catch (e) { /* never break the page */ }
      return original.apply(this, arguments);
    };
  });
}

/**
 * Turns a window into an older engine before the widget's script runs: no constructable
 * stylesheets and no adoptedStyleSheets (Safari before 16.4), no Screen Wake Lock, no
 * Vibration API. Used at the top of a same-origin iframe.
 */
export function olderEngine() {
  try { delete ShadowRoot.prototype.adoptedStyleSheets; } catch (e) { /* kept */ }
  try { delete Document.prototype.adoptedStyleSheets; } catch (e) { /* kept */ }
  var Native = window.CSSStyleSheet;
  var Legacy = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
  Legacy.prototype = Native.prototype;
  window.CSSStyleSheet = Legacy;
  try { delete Navigator.prototype.wakeLock; } catch (e) { /* kept */ }
  try { delete Navigator.prototype.vibrate; } catch (e) { /* kept */ }
}
