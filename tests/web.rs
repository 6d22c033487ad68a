//! wasm-bindgen-test suite: runs in headless Chromium through chromedriver
//! (`cargo test --target wasm32-unknown-unknown -p massage-guide`).
//! It checks that the real components mount and react in a real DOM.
#![cfg(target_arch = "wasm32")]

use massage_guide::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn click(root: &Element, selector: &str) {
    let target = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    target.unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn app_mounts_with_three_tabs_and_the_article_first() {
    let root = container();
    let _app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    yew::scheduler::flush().await;
    assert_eq!(root.query_selector_all("[role=tab]").unwrap().length(), 3);
    let selected = root
        .query_selector("[aria-selected=true]")
        .unwrap()
        .unwrap();
    assert_eq!(selected.text_content().unwrap(), "Article");
    assert!(root.query_selector("article h1").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn clicking_the_quiz_tab_shows_the_quiz() {
    let root = container();
    let _app =
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    yew::scheduler::flush().await;
    click(&root, "#mg-tab-quiz");
    yew::scheduler::flush().await;
    let selected = root
        .query_selector("[aria-selected=true]")
        .unwrap()
        .unwrap();
    assert_eq!(selected.text_content().unwrap(), "Quiz");
    assert!(
        root.query_selector("article h1").unwrap().is_none(),
        "article panel replaced"
    );
}
