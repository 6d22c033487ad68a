//! The component tree: `App` draws the quiz and timer panels (the tab shell and the article
//! are the first script's); `ArticleView` is pre-rendered to static markup at build time.
//! Components are thin: state machines live in the core, browser calls in `browser`.

mod app;
mod article;
mod class;
mod quiz;
mod safety_gate;
mod timer;

pub use app::{App, AppProps};
pub use class::class_when;
pub use article::{ArticleProps, ArticleView, StaticArticle};
pub use quiz::{QuizProps, QuizView};
pub use safety_gate::{SafetyGate, SafetyGateProps};
pub use timer::{TimerProps, TimerView};

use yew::prelude::*;

/// Text that changes, in a `<span>` keyed by the text itself: when the text changes, Yew
/// replaces the span rather than patching its text node. Page translators swap each text
/// node for their own `<font>`; a patched node would then be a detached one, leaving the
/// old words on screen. `translate: false` marks digits and times (`translate="no"`).
/// One non-generic body for every use keeps the wasm small.
pub(crate) fn fresh(text: AttrValue, translate: bool) -> Html {
    html! { <span key={text.as_str()} translate={(!translate).then_some("no")}>{ text }</span> }
}
