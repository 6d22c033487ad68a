// ---- Styles: constructable stylesheets shared by all shadow roots (the shell's at once, the
//      app's when it mounts); <style> elements where adoptedStyleSheets is missing (older WebKit).
/* exported sheets, applyStyles */
var sheets = Object.create(null);
/** @param {ShadowRoot} shadow @param {string} name @param {string} text */
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

