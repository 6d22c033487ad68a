//! The triage quiz view (placeholder: the quiz issue replaces the body, keeping the props).

use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct QuizProps {
    /// Validated `emergency-number` attribute (shown on the Emergency outcome).
    pub emergency_number: AttrValue,
    /// Validated `product-url`; the product is linked only when present.
    #[prop_or_default]
    pub product_url: Option<AttrValue>,
    pub product_name: AttrValue,
    /// The host element, for `massage-guide:quiz-result` events.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Shows an article section (by id) in the Article tab.
    pub on_article: Callback<&'static str>,
    /// Opens the timer with a suggested routine id (`hands` or `body-massager`); `None` when
    /// the timer section is not enabled on this element.
    #[prop_or_default]
    pub on_timer: Option<Callback<&'static str>>,
}

#[component]
pub fn QuizView(_props: &QuizProps) -> Html {
    html! { <p class="mg-placeholder">{ "Quiz: check whether massage is right for your back." }</p> }
}
