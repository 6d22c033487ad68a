//! Class attributes built without yew's `classes!`: that macro links an `IndexSet<IString>`
//! (indexmap and a second hashbrown, about 1.3 KiB brotli) for what is one optional class.

use yew::AttrValue;

/// `base`, followed by `extra` when `on` is true (`base` alone stays a static string).
pub fn class_when(base: &'static str, on: bool, extra: &'static str) -> AttrValue {
    if on {
        AttrValue::from([base, " ", extra].concat())
    } else {
        AttrValue::Static(base)
    }
}
