//! The root component: a tab bar over the enabled sections (article, quiz, timer), and the
//! navigation between them (quiz results link to article sections and to the timer).

use super::{ArticleView, QuizView, SafetyGate};
use crate::browser;
use crate::hooks::use_scroll_to_anchor;
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
    /// Which `<massage-guide>` of the page this is (0 = first): its stored state is its own.
    #[prop_or_default]
    pub ordinal: usize,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let active = use_state(|| config.start);
    let anchor = use_state(|| None::<&'static str>);
    let suggested_routine = use_state(|| None::<&'static str>);
    // A session in progress keeps the timer mounted (hidden) on the other tabs.
    let timer_busy = use_state(|| false);
    let root = use_node_ref();
    let tablist = use_node_ref();
    use_scroll_to_anchor(root.clone(), anchor.clone());

    // If the host removes the section the reader is on, fall back to its `start`.
    let current = if config.sections.contains(&*active) {
        *active
    } else {
        config.start
    };

    let jump_to_article = {
        let (active, anchor) = (active.clone(), anchor.clone());
        Callback::from(move |id: &'static str| {
            active.set(Section::Article);
            anchor.set(Some(id));
        })
    };

    let open_timer = config.sections.contains(&Section::Timer).then(|| {
        let (active, suggested_routine) = (active.clone(), suggested_routine.clone());
        Callback::from(move |routine: &'static str| {
            suggested_routine.set(Some(routine));
            active.set(Section::Timer);
        })
    });

    let tabs = (config.sections.len() > 1).then(|| {
        let sections = config.sections.clone();
        // Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern).
        let onkeydown = {
            let (active, tablist) = (active.clone(), tablist.clone());
            Callback::from(move |event: KeyboardEvent| {
                let index = sections.iter().position(|&s| s == current).unwrap_or(0);
                let last = sections.len() - 1;
                let next = match event.key().as_str() {
                    "ArrowRight" => if index == last { 0 } else { index + 1 },
                    "ArrowLeft" => if index == 0 { last } else { index - 1 },
                    "Home" => 0,
                    "End" => last,
                    _ => return,
                };
                event.prevent_default();
                active.set(sections[next]);
                browser::focus_selector(&tablist, &["#mg-tab-", sections[next].keyword()].concat());
            })
        };
        html! {
            <div key="tabs" class="mg-tabs" role="tablist" aria-label="Back pain guide" ref={tablist.clone()} {onkeydown}>
                { for config.sections.iter().map(|&section| {
                    let selected = section == current;
                    let onclick = {
                        let (active, host) = (active.clone(), props.host.clone());
                        Callback::from(move |_| {
                            if browser::test_panic_requested(host.as_ref(), "click") {
                                panic!("test panic requested by data-mg-test-panic");
                            }
                            active.set(section)
                        })
                    };
                    html! {
                        <button type="button" role="tab" class="mg-tab" part="tab"
                            id={["mg-tab-", section.keyword()].concat()}
                            aria-selected={if selected { "true" } else { "false" }}
                            aria-controls={panel_id(section)}
                            tabindex={if selected { "0" } else { "-1" }}
                            {onclick}>{ section.label() }</button>
                    }
                }) }
            </div>
        }
    });
    let has_tabs = tabs.is_some();

    let on_session = {
        let timer_busy = timer_busy.clone();
        Callback::from(move |busy: bool| timer_busy.set(busy))
    };

    let product_url = config.product_url.clone().map(AttrValue::from);
    let product_name = AttrValue::from(config.product_name.clone());
    html! {
        <div class="mg" part="root" data-mg-app="" ref={root}>
            { tabs }
            if current != Section::Timer {
                <div key="main" class="mg-panel" id={panel_id(current)} role={has_tabs.then_some("tabpanel")}
                    aria-labelledby={has_tabs.then(|| ["mg-tab-", current.keyword()].concat())}>
                    { match current {
                        Section::Quiz => html! {
                            <QuizView emergency_number={AttrValue::from(config.emergency_number.clone())} locale={config.locale}
                                product_url={product_url.clone()} product_name={product_name.clone()} host={props.host.clone()}
                                on_article={jump_to_article} on_timer={open_timer} ordinal={props.ordinal} />
                        },
                        _ => html! {
                            <ArticleView product_url={product_url.clone()} product_name={product_name.clone()} on_jump={jump_to_article} />
                        },
                    } }
                </div>
            }
            if current == Section::Timer || (*timer_busy && config.sections.contains(&Section::Timer)) {
                <div key="timer" class="mg-panel" id={panel_id(Section::Timer)} hidden={current != Section::Timer}
                    role={has_tabs.then_some("tabpanel")} aria-labelledby={has_tabs.then_some("mg-tab-timer")}>
                    <SafetyGate suggested={*suggested_routine} {product_url} {product_name}
                        host={props.host.clone()} on_session={on_session} ordinal={props.ordinal}
                        emergency_number={AttrValue::from(config.emergency_number.clone())} locale={config.locale}
                        on_check={config.sections.contains(&Section::Quiz).then(|| { let active = active.clone(); Callback::from(move |_| active.set(Section::Quiz)) })} />
                </div>
            }
        </div>
    }
}

/// The id of the panel a section is shown in (the timer has its own, so it can stay mounted).
fn panel_id(section: Section) -> &'static str {
    if section == Section::Timer {
        "mg-panel-timer"
    } else {
        "mg-panel"
    }
}
