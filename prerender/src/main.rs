//! Prints the article as static HTML (Yew server-side rendering, no hydration markers).
//! `tools/bundle.mjs` puts it into the light DOM of every `<massage-guide>` it ships, so
//! readers without JavaScript or WebAssembly, and search engines, get the whole article.

use massage_guide::ui::StaticArticle;

fn main() {
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<StaticArticle>::new()
            .hydratable(false)
            .render(),
    );
    println!("{html}");
}
