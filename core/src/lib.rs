//! massage-guide-core: everything about the widget that is not the browser.
//!
//! Invariant: this crate has no dependency on yew, web-sys, js-sys, gloo or wasm-bindgen
//! (its Cargo.toml has no runtime dependencies at all), and it never reads a clock:
//! time enters as an argument (`now_ms`, milliseconds since the Unix epoch).

pub mod article;
pub mod config;
pub mod embed_api;
pub mod locale;
pub mod saved;
pub mod sort;
pub mod timer;
pub mod triage;
