//! Every call into the browser (web-sys / js-sys) lives here, behind small typed wrappers,
//! so components and hooks stay readable and the rest of the crate can render natively (SSR).
//!
//! All functions are fallible in the quiet way: a missing API returns `None`/`false`
//! and never throws into the host page.

use massage_guide_core::config::Attributes;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Milliseconds since the Unix epoch: the one place the widget reads the wall clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Reads the embed attributes from the `<massage-guide>` host element.
pub fn read_attributes(host: &Element) -> Attributes {
    Attributes {
        sections: host.get_attribute("sections"),
        start: host.get_attribute("start"),
        product_url: host.get_attribute("product-url"),
        product_name: host.get_attribute("product-name"),
        emergency_number: host.get_attribute("emergency-number"),
        theme: host.get_attribute("theme"),
    }
}

/// One console warning, prefixed so hosts can filter it.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Dispatches `massage-guide:<name>` on the host element; it bubbles and crosses shadow roots.
/// `detail` is a list of string fields (never user answers).
pub fn dispatch(host: &Element, name: &str, detail: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    let type_ = ["massage-guide:", name].concat();
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&type_, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Scrolls the element with `id` inside `root` into view and moves focus to it
/// (headings carry `tabindex="-1"`), so keyboard and screen-reader users land there too.
pub fn scroll_to_id(root: &Element, id: &str) {
    let selector = ["[id=\"", id, "\"]"].concat();
    if let Ok(Some(target)) = root.query_selector(&selector) {
        target.scroll_into_view();
        if let Ok(target) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
            let _ = target.focus();
        }
    }
}

// ---- Storage -------------------------------------------------------------------------
// One namespaced localStorage value (`core::saved`). Where storage is missing, throws or
// is full, the widget keeps working from an in-memory copy for the rest of the visit.

use massage_guide_core::saved::{Saved, STORAGE_KEY};
use std::cell::RefCell;

thread_local! {
    /// The in-memory copy; `None` until first read.
    static MEMORY: RefCell<Option<Saved>> = const { RefCell::new(None) };
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_saved() -> Saved {
    MEMORY.with(|memory| {
        memory
            .borrow_mut()
            .get_or_insert_with(|| {
                let text = local_storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
                match text.as_deref().map(Saved::decode) {
                    None => Saved::default(),
                    Some(Ok(saved)) => saved,
                    Some(Err(error)) => {
                        warn(&["massage-guide: ", error.message()].concat());
                        if let Some(storage) = local_storage() {
                            let _ = storage.remove_item(STORAGE_KEY);
                        }
                        Saved::default()
                    }
                }
            })
            .clone()
    })
}

/// The stored value of one part (`"quiz"`, `"timer"`), if any.
pub fn stored(slot: &str) -> Option<String> {
    load_saved().get(slot).map(str::to_string)
}

/// Stores (or with `None` forgets) one part. Never fails: storage errors leave the
/// value in memory only.
pub fn store(slot: &str, value: Option<&str>) {
    let mut saved = load_saved();
    if saved.get(slot) == value {
        return;
    }
    saved.set(slot, value);
    if let Some(storage) = local_storage() {
        let _ = if saved.is_empty() { storage.remove_item(STORAGE_KEY) } else { storage.set_item(STORAGE_KEY, &saved.encode()) };
    }
    MEMORY.with(|memory| *memory.borrow_mut() = Some(saved));
}

/// Drops the in-memory copy so the next read sees what another tab or the test wrote.
pub fn reload_storage() {
    MEMORY.with(|memory| *memory.borrow_mut() = None);
}

/// Replaces a widget's content with the panic screen: a short message and a Reload
/// button. Plain DOM, because no Rust runs after a panic; `embed/element.js` handles
/// the button (`data-mg-reload`) by starting a fresh wasm instance.
pub fn show_panic_screen(container: &Element) {
    let Some(document) = container.owner_document() else { return };
    let build = || -> Result<Element, JsValue> {
        let screen = document.create_element("div")?;
        screen.set_class_name("mg-panic");
        screen.set_attribute("role", "alert")?;
        screen.set_attribute("data-mg-panic", "")?;
        let message = document.create_element("p")?;
        message.set_text_content(Some("Sorry, something went wrong in this guide."));
        let button = document.create_element("button")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-mg-reload", "")?;
        button.set_attribute("part", "button")?;
        button.set_text_content(Some("Reload the guide"));
        screen.append_child(&message)?;
        screen.append_child(&button)?;
        Ok(screen)
    };
    if let Ok(screen) = build() {
        container.set_text_content(None);
        let _ = container.append_child(&screen);
    }
}

/// Moves keyboard focus to the first element matching `selector` inside `scope`.
pub fn focus_selector(scope: &yew::NodeRef, selector: &str) {
    let target = scope.cast::<Element>().and_then(|scope| scope.query_selector(selector).ok().flatten());
    if let Some(target) = target.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()) {
        let _ = target.focus();
    }
}
