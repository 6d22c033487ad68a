// ---- Scheduling the app load -------------------------------------------------------------
/* exported whenPageLoaded, whenIdle, whenNearViewport */
/** @param {() => void} callback @returns {() => void} the undo */
function whenPageLoaded(callback) {
  if (document.readyState === 'complete') { callback(); return function () {}; }
  window.addEventListener('load', callback);
  return function () { window.removeEventListener('load', callback); };
}

/** @param {() => void} callback @returns {() => void} the undo */
function whenIdle(callback) {
  if (window.requestIdleCallback) {
    var id = window.requestIdleCallback(callback, bag({ timeout: 3000 }));
    return function () { window.cancelIdleCallback(id); };
  }
  var timer = setTimeout(callback, 200);
  return function () { clearTimeout(timer); };
}

// Runs `callback` once the element is within about one screen of the viewport.
/** @param {Element} element @param {() => void} callback @returns {() => void} the undo */
function whenNearViewport(element, callback) {
  if (typeof IntersectionObserver !== 'function') { callback(); return function () {}; }
  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) {
      observer.disconnect();
      callback();
    }
  }, bag({ rootMargin: '100% 0px' }));
  observer.observe(element);
  return function () { observer.disconnect(); };
}

