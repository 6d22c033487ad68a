//! Prints the article as static HTML (Yew server-side rendering, no hydration markers).
//! `tools/bundle.mjs` puts it into the light DOM of every `<massage-guide>` it ships, so
//! readers without JavaScript or WebAssembly, and search engines, get the whole article.

use massage_guide::ui::StaticArticle;

fn main() {
    // `api`: the embed API table (attributes, events, CSS properties, parts) as JSON.
    if std::env::args().nth(1).as_deref() == Some("api") {
        println!("{}", massage_guide::core::embed_api::to_json(massage_guide::VERSION));
        return;
    }
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<StaticArticle>::new()
            .hydratable(false)
            .render(),
    );
    println!("{html}");
}
