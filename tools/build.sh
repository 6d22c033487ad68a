#!/usr/bin/env bash
# The release build that ships: trunk build --release (wasm on the toolchain chosen by
# tools/wasm-toolchain.sh; MG_WASM_TOOLCHAIN=stable for the stable one), then tools/bundle.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/env.sh
. tools/wasm-toolchain.sh
exec trunk build --release "$@"
