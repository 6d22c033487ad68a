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
    // Hidden, the status panel gives its panel id back (the app's panel has it then).
    if (!inApp || mg.app) { mg.status.removeAttribute('id'); return; }
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
