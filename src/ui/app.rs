//! The root of the Yew app: the safety check (quiz) and timer panels. The tab bar and the
//! article belong to the first script (`embed/element.js`), which tells the app which section
//! is showing (`active`); the app asks it to navigate (to an article section, to the timer)
//! with [`browser::navigate`].

use super::{QuizView, SafetyGate};
use crate::browser;
use massage_guide_core::config::{Config, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Validated settings from the host element's attributes.
    #[prop_or_default]
    pub config: Config,
    /// The `<massage-guide>` element events are dispatched on.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Names this widget's storage slots: "" for the first unnamed widget, `-2` for the third,
    /// `@cart` for `storage-key="cart"` or `id="cart"` (see `core::saved::slot_name`).
    #[prop_or_default]
    pub widget: AttrValue,
    /// The section the shell shows; the app draws only quiz and timer.
    #[prop_or(Section::Article)]
    pub active: Section,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = &props.config;
    let suggested_routine = use_state(|| None::<&'static str>);
    // A session in progress keeps the timer mounted (hidden) on the other tabs.
    let timer_busy = use_state(|| false);
    let root = use_node_ref();
    let active = props.active;
    let has_tabs = config.sections.len() > 1;

    let jump_to_article = {
        let root = root.clone();
        Callback::from(move |id: &'static str| browser::navigate(&root, "article", id))
    };
    let open_timer = config.sections.contains(&Section::Timer).then(|| {
        let (root, suggested_routine) = (root.clone(), suggested_routine.clone());
        Callback::from(move |routine: &'static str| {
            suggested_routine.set(Some(routine));
            browser::navigate(&root, "timer", "");
        })
    });
    let on_session = {
        let timer_busy = timer_busy.clone();
        Callback::from(move |busy: bool| timer_busy.set(busy))
    };

    // The timer's links: "Stop, this hurts" to the safety check, the finish screen to the
    // article's exercise advice (each only where that section is enabled).
    let on_safety_check = config.sections.contains(&Section::Quiz).then(|| {
        let root = root.clone();
        Callback::from(move |()| browser::navigate(&root, "quiz", ""))
    });
    let timer_on_article = config
        .sections
        .contains(&Section::Article)
        .then(|| jump_to_article.clone());

    let product_url = config.product_url.clone().map(AttrValue::from);
    let product_name = AttrValue::from(config.product_name.clone());
    let panel = |section: Section| {
        let id = ["mg-panel-", section.keyword()].concat();
        let tab = has_tabs.then(|| ["mg-tab-", section.keyword()].concat());
        (id, tab, active != section)
    };
    let (quiz_id, quiz_tab, _) = panel(Section::Quiz);
    let (timer_id, timer_tab, timer_hidden) = panel(Section::Timer);
    // Fault injection for the panic-screen e2e test: a panic inside a DOM event handler.
    let onclick = {
        let host = props.host.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::test_panic_requested(host.as_ref(), "click") {
                panic!("test panic requested by data-mg-test-panic");
            }
        })
    };
    html! {
        <div class="mg-app" data-mg-app="" ref={root} {onclick}>
            if active == Section::Quiz && config.sections.contains(&Section::Quiz) {
                <div key="quiz" class="mg-panel" id={quiz_id} role={has_tabs.then_some("tabpanel")}
                    aria-labelledby={quiz_tab}>
                    <QuizView emergency_number={AttrValue::from(config.emergency_number.clone())}
                        product_url={product_url.clone()} product_name={product_name.clone()} host={props.host.clone()}
                        on_article={jump_to_article} on_timer={open_timer} widget={props.widget.clone()} locale={config.locale} />
                </div>
            }
            if config.sections.contains(&Section::Timer) && (active == Section::Timer || *timer_busy) {
                <div key="timer" class="mg-panel" id={timer_id} hidden={timer_hidden}
                    role={has_tabs.then_some("tabpanel")} aria-labelledby={timer_tab}>
                    <SafetyGate suggested={*suggested_routine} {product_url} {product_name}
                        host={props.host.clone()} on_session={on_session} widget={props.widget.clone()}
                        emergency_number={AttrValue::from(config.emergency_number.clone())} locale={config.locale}
                        on_check={on_safety_check} on_article={timer_on_article} />
                </div>
            }
        </div>
    }
}
