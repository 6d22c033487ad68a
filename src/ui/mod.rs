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
