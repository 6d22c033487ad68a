# Sourced by tools/build.sh and tools/serve.sh: which Rust toolchain builds the shipped wasm.
#
#   MG_WASM_TOOLCHAIN=nightly (default)  the pinned nightly with build-std and
#                                        panic=immediate-abort: about 14 KiB brotli smaller
#   MG_WASM_TOOLCHAIN=stable             the stable toolchain (bigger, same behaviour)
#
# Only the wasm build sees these settings (CARGO_TARGET_DIR keeps its artefacts apart);
# tools/bundle.mjs strips them for the native pre-render step, and every test build is stable.
MG_NIGHTLY=nightly-2026-05-19
case "${MG_WASM_TOOLCHAIN:-nightly}" in
  stable) ;;
  nightly)
    if rustc +nightly --version 2>/dev/null | grep -q "2026-05-19"; then
      export RUSTUP_TOOLCHAIN=nightly
    else
      export RUSTUP_TOOLCHAIN=$MG_NIGHTLY
    fi
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
    export CARGO_TARGET_DIR="$PWD/target/nightly"
    ;;
  *) echo "MG_WASM_TOOLCHAIN must be nightly or stable" >&2; exit 2 ;;
esac
