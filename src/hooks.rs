//! Hooks that own browser resources (intervals, event listeners, wake locks) and release
//! them when the component unmounts or its inputs change.

use crate::browser;
use yew::prelude::*;

/// After each render where `anchor` holds an id, scrolls to it inside `root` and clears it.
#[hook]
pub fn use_scroll_to_anchor(root: NodeRef, anchor: UseStateHandle<Option<&'static str>>) {
    use_effect_with(*anchor, move |target| {
        if let (Some(id), Some(element)) = (*target, root.cast::<web_sys::Element>()) {
            browser::scroll_to_id(&element, id);
            anchor.set(None);
        }
    });
}
