// ---- Keys stay with the widget ----------------------------------------------------------
// Sliders and galleries (Swiper and the like) listen for `keydown` on the document and call
// preventDefault() on arrow keys unless document.activeElement is an input; from outside the
// shadow root the active element is <massage-guide>, so they would take the arrows from the
// quiz's radio groups. Navigation keys pressed inside the widget stop at its shadow root: the
// browser's own action (moving between radios, scrolling, pressing a button) is untouched.
var NAVIGATION_KEYS = /^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down)| |Enter)$/;

/** keydown listener on the shadow root: keeps navigation keys from the host's listeners. */
function keepNavigationKeys(event) {
  if (NAVIGATION_KEYS.test(event.key)) event.stopPropagation();
}
