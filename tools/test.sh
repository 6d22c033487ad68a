#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this). Installs what it needs first.
#   0. lint and types: ESLint (eslint.config.js), tsc --checkJs (tsconfig.json, tsconfig.tools.json)
#   1. native: cargo test --workspace (core rules, timer, article fidelity, SSR markup)
#   2. wasm-bindgen-test in headless Chromium (components in a real DOM)
#   3. release build (trunk + tools/bundle.mjs), the npm package folder and its tests, the size budget,
#      the Shopify theme app extension (theme-check, liquidjs, Chromium)
#   4. end-to-end suites in Chromium (Playwright), then Firefox and WebKit smoke tests
# Every runner goes through tools/no-parked.mjs: a todo, skipped, ignored or `only` test fails
# the run even when everything that ran passed.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
. tools/env.sh

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }
parked() { node tools/no-parked.mjs "$@"; }

step "no parked tests (todo, skip, only, #[ignore]) in the test sources"
parked static
parked node --test tests/tooling/

step "lint and types (ESLint; tsc --checkJs over the shell and the build tools)"
node_modules/.bin/eslint .
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/tsc -p tsconfig.tools.json

step "native tests (cargo test --workspace)"
parked cargo test --workspace --quiet

step "wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=120 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 \
  parked cargo test --target wasm32-unknown-unknown -p massage-guide

step "release build (tools/build.sh: trunk build --release on the pinned nightly)"
tools/build.sh
node tools/package.mjs   # dist/package/: the npm package (package.json, manifest, types)

step "npm package and docs (npm pack contents, manifest vs README, tsc --noEmit type tests; generated figures, links)"
parked node --test tests/package/ tests/docs/

step "size budget (size-budget.json)"
node tools/size-budget.mjs

step "Shopify theme app extension (theme-check, the block rendered with liquidjs, Chromium)"
parked node --test --test-concurrency=1 tests/shopify/

step "end-to-end (Chromium, Playwright)"
parked node --test --test-concurrency=1 tests/e2e/
step "three engines: Chromium, Firefox, WebKit (tests/engines)"; node tests/engines/run.mjs
