// ---- Attribute rules: the kinds of core::embed_api::ValueKind, one function each ------------
// Each returns the accepted value, or null to fall back to the default (with one warning).
/* exported VALIDATORS, RULES, attribute, warnOnce, readConfig, checkAll */
var VALIDATORS = bag({
  /** @param {string} value @param {MgRule} rule */
  keyword: function (value, rule) {
    var word = value.trim().toLowerCase();
    for (var i = 0; i < rule.values.length; i++) if (rule.values[i].toLowerCase() === word) return rule.values[i];
    return null;
  },
  // A subset in the table's order; unknown words are dropped (and warned about).
  /** @param {string} value @param {MgRule} rule */
  keywords: function (value, rule) {
    var words = value.toLowerCase().split(/\s+/).filter(Boolean);
    var chosen = rule.values.filter(function (v) { return words.indexOf(v) >= 0; });
    var unknown = words.some(function (w) { return rule.values.indexOf(w) < 0; });
    return { chosen: chosen, unknown: unknown };
  },
  /** @param {string} value */
  url: function (value) {
    var url = value.trim();
    var match = /^https?:\/\/([^/?#]*)/i.exec(url);
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    return match && match[1] && url.length <= 2048 && !/[\s\u0000-\u001f\u007f"<>]/.test(url) ? url : null;
  },
  /** @param {string} value */
  text: function (value) {
    var text = value.split(/\s+/).filter(Boolean).join(' ');
    return text && Array.from(text).length <= 80 ? text : null;
  },
  /** @param {string} value */
  phone: function (value) {
    var number = value.trim();
    var digits = number.replace(/\D/g, '').length;
    return /^\+?[0-9 -]*$/.test(number) && digits >= 2 && digits <= 15 ? number : null;
  },
  /** @param {string} value */
  key: function (value) {
    return /^[A-Za-z0-9_.:-]{1,64}$/.test(value) ? value : null;
  },
  /** @param {string} value @param {MgRule} rule */
  language: function (value, rule) {
    var tag = value.trim();
    return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) && rule.values.indexOf(tag.split('-')[0].toLowerCase()) >= 0 ? tag : null;
  },
});
var RULES = Object.create(null);
MG_API.forEach(function (rule) { RULES[rule.name] = bag(rule); });

/** Validates one attribute of `host`; warns once per element and value. @param {MassageGuideElement} host @param {string} name @returns {any} */
function attribute(host, name) {
  var rule = RULES[name];
  var value = host.getAttribute(name);
  if (value === null) return rule.default;
  var ok = VALIDATORS[rule.kind](value, rule);
  if (rule.kind === 'keywords') {
    if (ok.unknown || !ok.chosen.length) warnOnce(host, name, value, (rule.reason || '') + (ok.chosen.length ? '' : '; showing all'));
    return ok.chosen.length ? ok.chosen.join(' ') : rule.default;
  }
  if (ok === null) {
    warnOnce(host, name, value, rule.reason);
    return rule.default;
  }
  return ok;
}

/** @param {MassageGuideElement} host @param {string} name @param {string} value @param {string} reason */
function warnOnce(host, name, value, reason) {
  var seen = host._mg.warned;
  var key = name + '=' + value;
  if (seen.indexOf(key) >= 0) return;
  seen.push(key);
  var shown = Array.from(value);
  warn('ignored ' + name + '="' + shown.slice(0, 60).join('') + (shown.length > 60 ? '\u2026' : '') + '"' + (reason ? ': ' + reason : ''));
}

/** Everything the shell needs from the attributes, validated. @param {MassageGuideElement} host */
function readConfig(host) {
  var sections = attribute(host, 'sections').split(' ');
  var start = host.hasAttribute('start') ? attribute(host, 'start') : sections[0];
  if (sections.indexOf(start) < 0) {
    warnOnce(host, 'start', /** @type {string} */ (host.getAttribute('start')), 'that section is not in `sections`');
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
/** @param {MassageGuideElement} host */
function checkAll(host) {
  MG_API.forEach(function (rule) { attribute(host, rule.name); });
}

