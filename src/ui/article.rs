//! The article view (placeholder until the article issue lands).

use yew::prelude::*;

/// The article as the pre-rendered fallback and the Article tab show it.
#[component]
pub fn StaticArticle() -> Html {
    html! {
        <article class="mg-article">
            <h1>{ "Does Massage Help Lower Back Pain? What To Know" }</h1>
            <p>{ "Are you suffering from lower back pain and wondering if a massage can help you find relief?" }</p>
        </article>
    }
}
