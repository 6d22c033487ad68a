//! massage-guide: the Yew widget around the pure core (`massage_guide_core`).
//!
//! - `ui`: thin function components (article, quiz, timer, the tab shell);
//! - `hooks`: effects that own browser handles (intervals, listeners) and release them on drop;
//! - `browser`: the only module that calls web-sys / js-sys (storage, clock, events, audio…);
//! - `embed`: the wasm entry points the `<massage-guide>` custom element calls (browser only).
//!
//! The same components render natively with the `ssr` feature, which the build uses to
//! pre-render the article into static HTML.

pub mod browser;
pub mod hooks;
pub mod ui;

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
pub mod embed;

pub use massage_guide_core as core;
pub use ui::{App, AppProps, StaticArticle};

/// The widget's version (semver, from Cargo.toml); shown at run time by the element.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
