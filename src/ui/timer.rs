//! The self-massage timer view (placeholder: the timer issue replaces the body, keeping the props).

use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TimerProps {
    /// A routine id suggested by the quiz (`hands` or `body-massager`), preselected in the picker.
    #[prop_or_default]
    pub suggested: Option<&'static str>,
    #[prop_or_default]
    pub product_url: Option<AttrValue>,
    pub product_name: AttrValue,
    /// The host element, for `massage-guide:timer-start` / `timer-end` events.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
}

#[component]
pub fn TimerView(_props: &TimerProps) -> Html {
    html! { <p class="mg-placeholder">{ "Timer: a guided self-massage." }</p> }
}
