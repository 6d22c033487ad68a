//! wasm-bindgen-test suite: runs in headless Chromium through chromedriver
//! (`cargo test --target wasm32-unknown-unknown -p massage-guide`).
//! It checks that the real components mount and react in a real DOM.
#![cfg(target_arch = "wasm32")]

use massage_guide::core::config::{Config, Section};
use massage_guide::{App, AppProps};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn props(active: Section) -> AppProps {
    AppProps {
        config: Config::default(),
        host: None,
        widget: "".into(),
        active,
    }
}

#[wasm_bindgen_test]
async fn the_app_draws_only_the_section_the_shell_shows() {
    let root = container();
    let mut app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), props(Section::Article)).render();
    yew::scheduler::flush().await;
    assert!(root.query_selector("#mg-panel-quiz").unwrap().is_none());
    assert!(root.query_selector("article h1").unwrap().is_none(), "no article in the app");
    app.update(props(Section::Quiz));
    yew::scheduler::flush().await;
    assert!(root.query_selector("#mg-panel-quiz .mg-quiz").unwrap().is_some());
    assert!(root.query_selector("#mg-panel-timer").unwrap().is_none());
    app.update(props(Section::Timer));
    yew::scheduler::flush().await;
    assert!(root.query_selector("#mg-panel-timer .mg-timer").unwrap().is_some());
    assert!(root.query_selector("#mg-panel-quiz").unwrap().is_none());
}
