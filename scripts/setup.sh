#!/usr/bin/env bash
# Install everything the build and the tests need, skipping what is present.
# Only package registries are used (crates.io, Debian, npm, PyPI): no step
# downloads a prebuilt binary from anywhere else. Safe to run repeatedly.
#
#   scripts/setup.sh          toolchain for build + all tests
#   scripts/setup.sh --min    only what `make serve` needs (no browsers)
set -euo pipefail
cd "$(dirname "$0")/.."

MIN=0
[ "${1:-}" = "--min" ] && MIN=1
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# Pinned tool versions (see shared TOOLCHAIN notes for why these).
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
CARGO_FUZZ_VERSION=0.13.2

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-pack, and wasm-bindgen-cli pinned to the crate's wasm-bindgen in
#    Cargo.lock (a mismatch makes wasm-pack try to download its own copy).
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "=$WASM_PACK_VERSION" --locked
fi
WBG=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG" ]; then
  log "installing wasm-bindgen-cli $WBG"
  # Not --locked: its lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$WBG"
fi

# 3. Python is used by `make serve` (http.server) and `make eval` (score.py).
command -v python3 >/dev/null || { log "python3 is required"; exit 1; }

# 4. Build tools for `make site` (esbuild, pinned in tools/package-lock.json).
if [ ! -x tools/node_modules/.bin/esbuild ] ||
   [ "$(tools/node_modules/.bin/esbuild --version 2>/dev/null)" != "$(sed -n 's/.*"esbuild": "\(.*\)".*/\1/p' tools/package.json)" ]; then
  command -v npm >/dev/null || { log "node and npm are required"; exit 1; }
  log "npm ci in tools"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

[ "$MIN" = 1 ] && exit 0

# 5. Browsers and their WebDriver servers for wasm-bindgen-test and page tests.
#    Debian's chromium + chromium-driver and firefox-esr; geckodriver from
#    crates.io (not packaged in Debian 12).
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v gzip >/dev/null || need_apt+=(gzip)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  log "installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "=$GECKODRIVER_VERSION" --locked
fi

# 6. cargo-fuzz (libFuzzer) and the nightly toolchain it needs, for the fuzz
#    run in `make test` and `make fuzz`.
if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain"
  rustup toolchain install nightly --profile minimal
fi
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi

# 7. Node packages for the page tests (versions pinned in tests/page/package-lock.json).
if [ ! -d tests/page/node_modules/playwright-core ]; then
  log "npm ci in tests/page"
  (cd tests/page && npm ci --no-audit --no-fund --loglevel=error)
fi
log "ready"
