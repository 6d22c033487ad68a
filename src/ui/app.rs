//! The root component: a tab bar over the enabled sections (article, quiz, timer).

use massage_guide_core::config::{Config, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Validated settings from the host element's attributes.
    #[prop_or_default]
    pub config: Config,
    /// The `<massage-guide>` element events are dispatched on (absent when pre-rendering).
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let active = use_state(|| config.start);
    // A new `start` or `sections` from the host wins over the tab the reader is on
    // only when the current tab is no longer shown.
    if !config.sections.contains(&*active) {
        active.set(config.start);
    }

    let tabs = (config.sections.len() > 1).then(|| {
        html! {
            <nav class="mg-tabs" role="tablist" aria-label="Back pain guide">
                { for config.sections.iter().map(|&section| {
                    let selected = section == *active;
                    let onclick = { let active = active.clone(); Callback::from(move |_| active.set(section)) };
                    html! {
                        <button type="button" role="tab" class="mg-tab" part="tab"
                            id={["mg-tab-", section.keyword()].concat()}
                            aria-selected={if selected { "true" } else { "false" }}
                            {onclick}>{ section.label() }</button>
                    }
                }) }
            </nav>
        }
    });

    html! {
        <div class="mg" part="root">
            { tabs }
            <div class="mg-panel" role="tabpanel" aria-labelledby={["mg-tab-", active.keyword()].concat()}>
                { match *active {
                    Section::Article => html! { <super::StaticArticle /> },
                    Section::Quiz => html! { <p class="mg-placeholder">{ "Quiz: check whether massage is right for your back." }</p> },
                    Section::Timer => html! { <p class="mg-placeholder">{ "Timer: a guided self-massage." }</p> },
                } }
            </div>
        </div>
    }
}
