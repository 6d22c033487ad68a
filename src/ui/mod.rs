//! The component tree: `App` holds the tab shell and routes to the three sections.
//! Components are thin: state machines live in the core, browser calls in `browser`.

mod app;
mod article;
mod quiz;
mod safety_gate;
mod timer;

pub use app::{App, AppProps};
pub use article::{ArticleProps, ArticleView, StaticArticle};
pub use quiz::{QuizProps, QuizView};
pub use safety_gate::{SafetyGate, SafetyGateProps};
pub use timer::{TimerProps, TimerView};
