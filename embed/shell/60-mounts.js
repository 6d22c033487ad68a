// ---- Mount points, recycled ------------------------------------------------------------
// Yew 0.23 registers its delegated event listeners on the app's root element with
// `Closure::forget` (dom_bundle/subtree_root.rs, HostHandlers::add_listener: "the registry is
// never dropped"), so every unmounted app would leave its root element and one listener per
// event type behind. The shell records the listeners added to each mount point, removes them
// when the app is released, and reuses the (then empty) element for the next app.
/* exported mountPool, takeMount, recycleMount, widgetKey */
/** @type {any[]} */
var mountPool = [];
function takeMount() {
  var node = mountPool.pop() || document.createElement('div');
  node.className = 'mg-mount';
  node.hidden = true;
  node.setAttribute('data-off', '');
  node._mgListeners = [];
  node.addEventListener = function (/** @type {string} */ type, /** @type {any} */ listener, /** @type {any} */ options) {
    this._mgListeners.push([type, listener, options]);
    return EventTarget.prototype.addEventListener.call(this, type, listener, options);
  };
  return node;
}
/** @param {any} node */
function recycleMount(node) {
  (node._mgListeners || []).forEach(function (/** @type {any[]} */ entry) {
    EventTarget.prototype.removeEventListener.call(node, entry[0], entry[1], entry[2]);
  });
  node._mgListeners = [];
  node.textContent = '';
  if (node.parentNode) node.parentNode.removeChild(node);
  if (mountPool.length < 8) mountPool.push(node);
}

/** The storage slot suffix: storage-key, else id, else the position among the page's widgets. @param {Element} host @param {{ storageKey: string }} config */
function widgetKey(host, config) {
  if (config.storageKey) return '@' + config.storageKey;
  var id = host.getAttribute('id');
  if (id && VALIDATORS.key(id)) return '@' + id;
  var all = document.querySelectorAll('massage-guide');
  for (var i = 0; i < all.length; i++) if (all[i] === host) return i > 0 ? '-' + i : '';
  return '';
}

