#!/usr/bin/env bash
# The release build that ships: trunk build --release (wasm on the toolchain chosen by
# tools/wasm-toolchain.sh; MG_WASM_TOOLCHAIN=stable for the stable one), then tools/bundle.mjs,
# then tools/figures.mjs (the generated sizes in README.md and docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/env.sh
. tools/wasm-toolchain.sh
trunk build --release "$@"
# The figures in README.md and docs/ that change with the build (sizes): regenerated from the
# default dist/ only (not for `--dist DIR` or MG_DIST builds).
if [ $# -eq 0 ] && [ -z "${MG_DIST:-}" ]; then node tools/figures.mjs --write; fi
