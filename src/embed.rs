//! The wasm entry points called by the `<massage-guide>` custom element (`embed/element.js`):
//! `mount` renders an [`App`] into a container inside the element's shadow root and returns a
//! handle the element uses to push attribute changes and to unmount.

use crate::browser;
use crate::ui::{App, AppProps};
use massage_guide_core::config::Config;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// A mounted widget. Dropped or destroyed, it unmounts the Yew app.
#[wasm_bindgen]
pub struct MountedApp {
    host: Element,
    app: Option<AppHandle<App>>,
}

/// Renders the widget into `container`, reading settings from the `host` element's attributes.
#[wasm_bindgen]
pub fn mount(container: Element, host: Element) -> MountedApp {
    let props = props_from(&host);
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    MountedApp { host, app: Some(app) }
}

#[wasm_bindgen]
impl MountedApp {
    /// Re-reads the host's attributes (called from `attributeChangedCallback`).
    pub fn update(&mut self) {
        let props = props_from(&self.host);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the app (called from `disconnectedCallback`).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

fn props_from(host: &Element) -> AppProps {
    let (config, warnings) = Config::from_attributes(&browser::read_attributes(host));
    for warning in &warnings {
        browser::warn(&warning.message());
    }
    AppProps { config, host: Some(host.clone()) }
}
