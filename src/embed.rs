//! The wasm entry points called by the first script (`embed/element.js`): `mount` renders an
//! [`App`] (the quiz and timer panels) into a container inside the element's shadow root and
//! returns a handle the element uses to show a section, push attribute changes and unmount.
//!
//! Attribute warnings are printed by the first script (it validates the same table,
//! `core::embed_api`, before any wasm loads), so this side reads the attributes silently.
//! A panic traps; the first script sees the `WebAssembly.RuntimeError` and shows the panic
//! screen in every widget (this also works with `panic = "immediate-abort"`, where no hook runs).

use crate::browser;
use crate::ui::{App, AppProps};
use massage_guide_core::config::{Config, Section};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, AttrValue};

/// Runs once when the wasm instance starts. Where a panic hook can run (the stable build), the
/// panic message goes to the console as one warning instead of a console error. The shipped
/// build (`panic = "immediate-abort"`) runs no hook, so it does not link one: the hook and the
/// panic formatting it keeps alive cost about 1 KiB brotli.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(not(panic = "immediate-abort"))]
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.payload().downcast_ref::<&str>().copied().unwrap_or("");
        browser::warn(&["massage-guide: internal error, the widget stopped. ", detail].concat());
    }));
}

/// A mounted widget. Destroyed, it unmounts the Yew app.
#[wasm_bindgen]
pub struct MountedApp {
    host: Element,
    widget: AttrValue,
    active: Section,
    app: Option<AppHandle<App>>,
}

/// Renders the widget into `container`, reading settings from the `host` element's attributes.
/// `widget` names its storage slots; `active` is the section the shell shows.
#[wasm_bindgen]
pub fn mount(container: Element, host: Element, widget: String, active: &str) -> MountedApp {
    let mut mounted = MountedApp {
        host,
        widget: AttrValue::from(widget),
        active: Section::from_keyword(active).unwrap_or(Section::Article),
        app: None,
    };
    let props = mounted.props();
    mounted.app = Some(yew::Renderer::<App>::with_root_and_props(container, props).render());
    mounted
}

#[wasm_bindgen]
impl MountedApp {
    /// Re-reads the host's attributes (called from `attributeChangedCallback`).
    pub fn update(&mut self) {
        if browser::test_panic_requested(Some(&self.host), "update") {
            panic!("test panic requested by data-mg-test-panic");
        }
        self.render();
    }

    /// The shell switched tabs: `article`, `quiz` or `timer`.
    pub fn show(&mut self, section: &str) {
        if browser::test_panic_requested(Some(&self.host), "show") {
            panic!("test panic requested by data-mg-test-panic");
        }
        if let Some(section) = Section::from_keyword(section) {
            self.active = section;
            self.render();
        }
    }

    /// Unmounts the app (called when the element has left the document).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

impl MountedApp {
    fn props(&self) -> AppProps {
        let (config, _warnings) = Config::from_attributes(&browser::read_attributes(&self.host));
        AppProps {
            config,
            host: Some(self.host.clone()),
            widget: self.widget.clone(),
            active: self.active,
        }
    }

    fn render(&mut self) {
        let props = self.props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }
}
