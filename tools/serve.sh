#!/usr/bin/env bash
# Serves the standalone page on http://127.0.0.1:8080/ and rebuilds on change.
#   tools/serve.sh            debug build (fast rebuilds)
#   tools/serve.sh --release  the optimised build that ships
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh build
. tools/env.sh
case " $* " in *" --release "*) . tools/wasm-toolchain.sh ;; esac
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" "$@"
