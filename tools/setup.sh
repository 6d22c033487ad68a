#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine, and skips
# whatever is already there. Called by tools/serve.sh and tools/test.sh; safe to re-run.
#   Debian: chromium, chromium-driver, firefox-esr, webkit2gtk-driver, xvfb
#   Rust:   wasm32-unknown-unknown target, trunk 0.21.14, wasm-bindgen-cli 0.2.130
#   npm:    the locked packages of package-lock.json (binaryen's wasm-opt, playwright-core, …)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# `tools/setup.sh build` installs only what building needs (used by tools/serve.sh).
missing=()
if [ "${1:-all}" != build ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# The shipped wasm is built on a pinned nightly with build-std (tools/wasm-toolchain.sh);
# MG_WASM_TOOLCHAIN=stable skips this and builds on stable.
if [ "${MG_WASM_TOOLCHAIN:-nightly}" = nightly ]; then
  nightly=nightly
  if ! rustc +nightly --version 2>/dev/null | grep -q "2026-05-19"; then
    nightly=nightly-2026-05-19
    rustc +$nightly --version >/dev/null 2>&1 || { say "rustup toolchain install $nightly"; rustup toolchain install $nightly --profile minimal; }
  fi
  if ! rustup component list --toolchain $nightly --installed | grep -q '^rust-src'; then
    say "rustup component add rust-src --toolchain $nightly"
    rustup component add rust-src --toolchain $nightly
  fi
fi
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "cargo install trunk 0.21.14 (about 7 minutes)"
  cargo install trunk --version 0.21.14 --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ]; then
  say "cargo install wasm-bindgen-cli 0.2.130"
  # Not --locked: its lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version 0.2.130 --force
fi

if ! cmp -s package-lock.json node_modules/.mg-installed-lock 2>/dev/null; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.mg-installed-lock
fi
