// ---- Keys stay with the widget ----------------------------------------------------------
// Sliders and galleries (Swiper and the like) listen for `keydown` on the document and call
// preventDefault() on arrow keys unless document.activeElement is an input; from outside the
// shadow root the active element is <massage-guide>, so they would take the arrows from the
// quiz's radio groups. Navigation keys pressed inside the widget stop at its shadow root: the
// browser's own action (moving between radios, scrolling, pressing a button) is untouched.
var NAVIGATION_KEYS = {
  ArrowUp: 1, ArrowDown: 1, ArrowLeft: 1, ArrowRight: 1, Up: 1, Down: 1, Left: 1, Right: 1,
  Home: 1, End: 1, PageUp: 1, PageDown: 1, ' ': 1, Spacebar: 1, Enter: 1,
};

/** keydown listener on the shadow root: keeps navigation keys from the host's listeners. */
function keepNavigationKeys(event) {
  if (NAVIGATION_KEYS[event.key] === 1) event.stopPropagation();
}
