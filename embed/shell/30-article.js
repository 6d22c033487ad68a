// ---- DOM building (no innerHTML anywhere) ---------------------------------------------------
/* exported setAttributes, el, buildTree, renderProduct */
/** Sets the own attributes of `attributes` (never inherited, polluted names). @param {Element} node @param {Record<string, string>} attributes */
function setAttributes(node, attributes) {
  var names = objectKeys(attributes);
  for (var i = 0; i < names.length; i++) node.setAttribute(names[i], attributes[names[i]]);
}

/** @param {string} tag @param {Record<string, string>} attributes @param {(Node | string)[]} [children] */
function el(tag, attributes, children) {
  var node = document.createElement(tag);
  setAttributes(node, attributes);
  (children || []).forEach(function (child) {
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

/** Builds the pre-rendered article tree; SVG elements get their namespace. @param {MgTree} node @param {string} [ns] @returns {Node} */
function buildTree(node, ns) {
  if (typeof node === 'string') return document.createTextNode(node);
  var tag = node[0];
  if (tag === 'svg') ns = SVG_NS;
  var element = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  if (node[1]) setAttributes(element, node[1]);
  for (var i = 2; i < node.length; i++) element.appendChild(buildTree(/** @type {MgTree} */ (node[i]), ns));
  return element;
}

/** The product mentions in the article: a link only for a valid product-url. @param {Element} panel @param {{ productUrl: string, productName: string }} config */
function renderProduct(panel, config) {
  var mentions = panel.querySelectorAll('.mg-product');
  for (var i = 0; i < mentions.length; i++) {
    var old = mentions[i];
    var mention = config.productUrl
      ? el('a', { class: 'mg-product', part: 'product-link', href: config.productUrl }, [config.productName])
      : el('span', { class: 'mg-product' }, [config.productName]);
    /** @type {Node} */ (old.parentNode).replaceChild(mention, old);
  }
}

