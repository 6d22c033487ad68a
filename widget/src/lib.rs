//! The shipped wasm: re-exports the widget's wasm-bindgen entry points from a `cdylib`-only
//! crate, so cargo applies the release profile's LTO (it skips it for cdylib + rlib crates).

pub use massage_guide::embed::*;
