//! The safety gate around the self-massage timer: the result of the safety check travels.
//!
//! - After a check that advised against massage (any outcome but the two "massage may help"
//!   ones), the timer is held back behind a banner naming that result, until the reader
//!   presses "I understand, show the routines anyway". A session already in progress (saved)
//!   is never held back.
//! - Without any finished check, the timer shows with a one-line nudge to the check and the
//!   emergency signs above it.
//! - After a check, the timer's product link shows only when that result allowed the product
//!   (before any check it shows as before, next to the nudge).
//! - After a check with an implant answer (hands only, as the result or under another), the
//!   timer offers no routine that needs a massager.
//!
//! Each banner is keyed by the result it names, so a result saved in another tab redraws it
//! whole (page translators swap text nodes; a patched one would keep the old words).
//!
//! The last outcome is the `check` slot the quiz writes (`core::triage::LastCheck`), read
//! at each render and again when another tab saves one.

use super::quiz::{emergency_signs_list, level_icon, LAST_CHECK_PART};
use super::timer::TimerView;
use crate::browser;
use crate::hooks::use_storage_changes;
use massage_guide_core::locale::{fill, Locale};
use massage_guide_core::saved::slot_name;
use massage_guide_core::triage::LastCheck;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SafetyGateProps {
    /// Passed to the timer as they are (see `TimerProps`).
    #[prop_or_default]
    pub suggested: Option<&'static str>,
    #[prop_or_default]
    pub product_url: Option<AttrValue>,
    pub product_name: AttrValue,
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    #[prop_or_default]
    pub on_session: Option<Callback<bool>>,
    /// Names this widget's storage slots (see `AppProps::widget`).
    #[prop_or_default]
    pub widget: AttrValue,
    /// Jumps to an article section (the timer's finish screen points to the exercise advice).
    #[prop_or_default]
    pub on_article: Option<Callback<&'static str>>,
    /// For the emergency signs line and the banner's text.
    pub emergency_number: AttrValue,
    #[prop_or_default]
    pub locale: Locale,
    /// Opens the safety check; `None` when the quiz section is not enabled.
    #[prop_or_default]
    pub on_check: Option<Callback<()>>,
}

/// The timer's own storage part (a saved session means the reader already chose to start).
const TIMER_PART: &str = "timer";

#[component]
pub fn SafetyGate(props: &SafetyGateProps) -> Html {
    let overridden = use_state(|| false);
    // Read again when another tab saves (a check finished there shows here at once).
    use_storage_changes();
    let (last, session) = if cfg!(target_arch = "wasm32") {
        (
            browser::stored(&slot_name(LAST_CHECK_PART, &props.widget)).and_then(|t| LastCheck::decode(&t)),
            browser::stored(&slot_name(TIMER_PART, &props.widget)).is_some(),
        )
    } else {
        (None, false)
    };
    let text = |t: &'static str| fill(t, props.locale, &props.emergency_number).into_owned();
    let check_button = |label: &'static str, class: &'static str| {
        props.on_check.clone().map(|on_check| {
            html! {
                <button type="button" part="button" class={class} onclick={Callback::from(move |_| on_check.emit(()))}>
                    { label }
                </button>
            }
        })
    };

    if let Some(last) = last.filter(|l| l.advises_against_massage() && !*overridden && !session) {
        let info = last.outcome.info();
        let show = {
            let overridden = overridden.clone();
            Callback::from(move |_| overridden.set(true))
        };
        return html! {
            <section key={info.title} class="mg-gate" data-level={info.level.id()} aria-labelledby="mg-gate-title">
                <p class="mg-quiz-level">{ level_icon(info.level) }<span>{ info.level.label() }</span></p>
                <h2 id="mg-gate-title">{ "Your safety check said: " }{ text(info.title) }</h2>
                <p>{ text(info.summary) }</p>
                <p>{ text("Please follow that advice before you try self-massage. If a {doctor} or {physio} has since said massage is fine for you, you can still use the routines.") }</p>
                <div class="mg-gate-signs">{ emergency_signs_list(text) }</div>
                <div class="mg-quiz-nav">
                    { check_button("See my safety check", "mg-quiz-button mg-quiz-primary") }
                    <button type="button" part="button" class="mg-quiz-button mg-quiz-secondary" onclick={show}>
                        { "I understand, show the routines anyway" }
                    </button>
                </div>
            </section>
        };
    }

    let product_ok = last.is_none_or(|l| l.outcome.info().offers_product);
    let before = match last {
        None => Some(html! {
            <aside key="nudge" class="mg-gate-nudge" aria-label="Safety check">
                <p>
                    <strong>{ "New or unexplained back pain? " }</strong>
                    { "Take the 1-minute safety check first." }
                    { check_button("Take the safety check", "mg-quiz-text-button") }
                </p>
                <div class="mg-gate-signs">{ emergency_signs_list(text) }</div>
            </aside>
        }),
        Some(l) if l.advises_against_massage() => Some(html! {
            <aside key={l.outcome.info().title} class="mg-gate-nudge mg-gate-reminder" aria-label="Safety check">
                <p>
                    <strong>{ "Your safety check said: " }{ text(l.outcome.info().title) }{ ". " }</strong>
                    { "Go gently, and stop if anything hurts." }
                </p>
                <div class="mg-gate-signs">{ emergency_signs_list(text) }</div>
            </aside>
        }),
        Some(_) => None,
    };
    html! {
        <>
            { before }
            <TimerView suggested={props.suggested}
                product_url={props.product_url.clone().filter(|_| product_ok)}
                product_name={props.product_name.clone()} host={props.host.clone()}
                on_session={props.on_session.clone()} widget={props.widget.clone()}
                emergency_number={props.emergency_number.clone()} on_safety_check={props.on_check.clone()}
                on_article={props.on_article.clone()}
                massager_ok={last.is_none_or(|l| l.allows_massager())} />
        </>
    }
}
