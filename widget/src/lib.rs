//! The shipped wasm: re-exports the widget's wasm-bindgen entry points from a `cdylib`-only
//! crate, so cargo applies the release profile's LTO (it skips it for cdylib + rlib crates).
//! (On a native target there is nothing to export: `embed` exists only on wasm32.)

#[cfg(target_arch = "wasm32")]
pub use massage_guide::embed::*;

/// The shipped wasm's allocator: talc instead of std's dlmalloc (about a third of its code;
/// the app is single-threaded, so no lock). Test builds keep std's default.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
