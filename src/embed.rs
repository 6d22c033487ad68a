//! The wasm entry points called by the `<massage-guide>` custom element (`embed/element.js`):
//! `mount` renders an [`App`] into a container inside the element's shadow root and returns a
//! handle the element uses to push attribute changes and to unmount.

use crate::browser;
use crate::ui::{App, AppProps};
use massage_guide_core::config::{Config, Warning};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

thread_local! {
    /// Containers of every mounted widget, so a panic can put an error screen in each.
    static CONTAINERS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Runs once when the wasm instance starts: a panic shows a short error with a Reload
/// button in every widget instead of leaving dead ones (the instance cannot run again).
#[wasm_bindgen(start)]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.payload().downcast_ref::<&str>().copied().unwrap_or("");
        browser::warn(
            &[
                "massage-guide: internal error, the widget stopped. ",
                detail,
            ]
            .concat(),
        );
        CONTAINERS.with(|containers| {
            for container in containers.borrow().iter() {
                browser::show_panic_screen(container);
            }
        });
    }));
}

/// A mounted widget. Dropped or destroyed, it unmounts the Yew app.
#[wasm_bindgen]
pub struct MountedApp {
    host: Element,
    container: Element,
    app: Option<AppHandle<App>>,
    /// Warnings already printed, so an attribute change does not repeat them.
    warned: Vec<Warning>,
}

/// Renders the widget into `container`, reading settings from the `host` element's attributes.
#[wasm_bindgen]
pub fn mount(container: Element, host: Element) -> MountedApp {
    let mut warned = Vec::new();
    let props = props_from(&host, &mut warned);
    CONTAINERS.with(|containers| containers.borrow_mut().push(container.clone()));
    let app = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    MountedApp {
        host,
        container,
        app: Some(app),
        warned,
    }
}

#[wasm_bindgen]
impl MountedApp {
    /// Re-reads the host's attributes (called from `attributeChangedCallback`).
    pub fn update(&mut self) {
        if browser::test_panic_requested(Some(&self.host), "update") {
            panic!("test panic requested by data-mg-test-panic");
        }
        let props = props_from(&self.host, &mut self.warned);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the app (called from `disconnectedCallback`).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        let container = &self.container;
        CONTAINERS.with(|containers| containers.borrow_mut().retain(|c| c != container));
    }
}

/// Reads and validates the host's attributes; prints each new warning once.
fn props_from(host: &Element, warned: &mut Vec<Warning>) -> AppProps {
    let (config, warnings) = Config::from_attributes(&browser::read_attributes(host));
    for warning in warnings {
        if !warned.contains(&warning) {
            browser::warn(&warning.message());
            warned.push(warning);
        }
    }
    AppProps {
        config,
        host: Some(host.clone()),
        ordinal: browser::element_ordinal(host),
    }
}
