//! The article view: title, lead, table of contents, sections, the back figure and
//! the "Reading next" note, rendered from the typed content in `core::article`.
//! The same component is pre-rendered to static HTML at build time (see `prerender/`).

use massage_guide_core::article::{self, Block, Figure, Inline, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ArticleProps {
    /// The shop's product page; the product name links to it only when present.
    #[prop_or_default]
    pub product_url: Option<AttrValue>,
    #[prop_or(AttrValue::Static(massage_guide_core::config::DEFAULT_PRODUCT_NAME))]
    pub product_name: AttrValue,
    /// Called with a section id when a table-of-contents link is followed inside the widget
    /// (fragment links cannot reach into a shadow root on their own).
    #[prop_or_default]
    pub on_jump: Option<Callback<&'static str>>,
}

/// The whole article. With no props it is exactly what the pre-rendered fallback shows.
#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let content = article::article();
    let inline = |runs: &'static [Inline]| render_inlines(runs, props);
    html! {
        <article class="mg-article" aria-labelledby="mg-title">
            <h1 id="mg-title" tabindex="-1">{ content.title }</h1>
            { for content.lead.iter().map(|block| render_block(block, &inline)) }
            <TableOfContents on_jump={props.on_jump.clone()} />
            <SafetyCheckCard />
            { for content.sections.iter().map(|section| render_section(section, &inline)) }
            if let Some(title) = content.related {
                <aside class="mg-related" aria-label="Reading next">
                    <p><span class="mg-related-label">{ "Reading next: " }</span>{ title }</p>
                </aside>
            }
        </article>
    }
}

/// The pre-rendered article with default settings (used by the SSR binary and tests).
#[component]
pub fn StaticArticle() -> Html {
    html! { <ArticleView /> }
}

/// Points readers to the safety check before they try massage. `hidden` in the static markup
/// (nothing to open without the app's shell); the shell shows it when the quiz is enabled.
#[component]
fn SafetyCheckCard() -> Html {
    html! {
        <aside class="mg-cta" aria-labelledby="mg-cta-title" hidden=true>
            <p id="mg-cta-title" class="mg-cta-title">{ "Is massage safe for your back right now?" }</p>
            <p>{ "Some back pain needs a doctor, not a massage. Answer a few questions first: it takes about two minutes, and your answers stay on this device." }</p>
            <a href="#mg-panel-quiz" data-mg-open="quiz">{ "Take the safety check" }</a>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct TocProps {
    on_jump: Option<Callback<&'static str>>,
}

#[component]
fn TableOfContents(props: &TocProps) -> Html {
    html! {
        <nav class="mg-toc" aria-labelledby="mg-toc-title">
            <h2 id="mg-toc-title" class="mg-toc-title">{ "In this article" }</h2>
            <ol>
                { for article::toc().map(|section| {
                    let id = section.id;
                    let onclick = props.on_jump.clone().map(|jump| Callback::from(move |event: MouseEvent| {
                        event.prevent_default();
                        jump.emit(id);
                    }));
                    html! { <li><a href={["#", id].concat()} {onclick}>{ section.toc_label() }</a></li> }
                }) }
            </ol>
        </nav>
    }
}

fn render_section(section: &'static Section, inline: &impl Fn(&'static [Inline]) -> Html) -> Html {
    let heading = html! { <>{ section.heading }</> };
    html! {
        <section class={classes!("mg-section", (section.level == 3).then_some("mg-subsection"))}
            aria-labelledby={section.id}>
            if section.level == 2 {
                <h2 id={section.id} tabindex="-1">{ heading }</h2>
            } else {
                <h3 id={section.id} tabindex="-1">{ heading }</h3>
            }
            { for section.blocks.iter().map(|block| render_block(block, inline)) }
        </section>
    }
}

fn render_block(block: &'static Block, inline: &impl Fn(&'static [Inline]) -> Html) -> Html {
    match block {
        Block::Paragraph(runs) => html! { <p>{ inline(runs) }</p> },
        Block::List(items) => html! {
            <ul>{ for items.iter().map(|runs| html! { <li>{ inline(runs) }</li> }) }</ul>
        },
        Block::Figure(Figure::Back) => back_figure(),
    }
}

fn render_inlines(runs: &'static [Inline], props: &ArticleProps) -> Html {
    runs.iter()
        .map(|run| match *run {
            Inline::Text(text) => html! { <>{ text }</> },
            Inline::Emphasis(text) => html! { <em>{ text }</em> },
            Inline::Strong(text) => html! { <strong>{ text }</strong> },
            Inline::Product => match &props.product_url {
                Some(url) => html! { <a class="mg-product" part="product-link" href={url.clone()}>{ props.product_name.clone() }</a> },
                None => html! { <span class="mg-product">{ props.product_name.clone() }</span> },
            },
        })
        .collect()
}

/// A back seen from behind: the spine down the middle, the paraspinal muscles either side.
fn back_figure() -> Html {
    html! {
        <figure class="mg-figure">
            <svg viewBox="0 0 320 330" role="img" aria-labelledby="mg-fig-title mg-fig-desc" focusable="false">
                <title id="mg-fig-title">{ "Where to massage your lower back" }</title>
                <desc id="mg-fig-desc">{ "A back seen from behind. The spine runs down the middle; do not press on it. The paraspinal muscles run in two bands either side of it; massage these." }</desc>
                <g transform="translate(0 30)">
                <path class="mg-fig-body" d="M96 20 C70 28 58 60 60 110 C62 170 70 230 84 286 L236 286 C250 230 258 170 260 110 C262 60 250 28 224 20 Z" />
                <rect class="mg-fig-muscle" x="118" y="120" width="30" height="150" rx="15" />
                <rect class="mg-fig-muscle" x="172" y="120" width="30" height="150" rx="15" />
                <g class="mg-fig-spine">
                    { for SPINE_Y.iter().map(|y| html! { <rect x="152" y={*y} width="16" height="17" rx="4" /> }) }
                </g>
                <path class="mg-fig-pointer" d="M108 196 L40 196 M212 196 L280 196" />
                </g>
                <path class="mg-fig-pointer" d="M160 24 L160 56" />
                <text class="mg-fig-label" x="8" y="216">{ "Massage" }</text>
                <text class="mg-fig-label" x="8" y="244">{ "here" }</text>
                <text class="mg-fig-label" x="246" y="216">{ "Massage" }</text>
                <text class="mg-fig-label" x="262" y="244">{ "here" }</text>
                <text class="mg-fig-label mg-fig-warn" x="160" y="18" text-anchor="middle">{ "Not on the spine" }</text>
            </svg>
            <figcaption>{ "Massage the muscles either side of the spine (the paraspinal muscles), never the spine itself." }</figcaption>
        </figure>
    }
}

/// Tops of the vertebrae drawn in the back figure (every 23 units from 30).
const SPINE_Y: [&str; 11] = [
    "30", "53", "76", "99", "122", "145", "168", "191", "214", "237", "260",
];
