//! The shipped wasm: re-exports the widget's wasm-bindgen entry points from a `cdylib`-only
//! crate, so cargo applies the release profile's LTO (it skips it for cdylib + rlib crates).
//! (On a native target there is nothing to export: `embed` exists only on wasm32.)

#[cfg(target_arch = "wasm32")]
pub use massage_guide::embed::*;
