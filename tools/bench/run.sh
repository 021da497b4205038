#!/usr/bin/env bash
# make bench: speed and size of the annotator (issue 7). Prints one table and
# writes BENCH.md. Expects the site built in dist/ (make site) and the tools
# of scripts/setup.sh. Honours CARGO_TARGET_DIR and SHARED_DIR.
#
#   1. native throughput per layer and end to end (Criterion, benches/throughput.rs)
#   2. WASM throughput in Node against compromise, same run (wasm.mjs)
#   3. scaling 1 / 10 / 50 MB, native and WASM (scale.mjs)
#   3b. pathological inputs at 1 and 10 MB, native (pathological.mjs)
#   4. page timings in headless Chromium (page.mjs)
#   5. sizes of dist/ and the table (report.mjs)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
export CRITERION_HOME="$target/criterion-bench"
export BENCH_OUT="$root/target/bench"
export PKG_NODE="$root/target/pkg-node"
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "npm ci (tools/bench: compromise, playwright-core)"
(cd tools/bench && npm ci --no-audit --no-fund --loglevel=error)

step "native throughput (cargo bench)"
rm -rf "$CRITERION_HOME" "$BENCH_OUT"
cargo bench --bench throughput 2>&1 | grep -E '^[a-z0-9-]+/|time:|thrpt:' || true

step "release command line and the Node WASM package"
cargo build --release --bin annotate
# The page's opt-levels (Makefile: WASM_OPT_LEVEL and WASM_DEPS_OPT; Cargo.toml says why).
CARGO_PROFILE_RELEASE_OPT_LEVEL=${WASM_OPT_LEVEL:-2} wasm-pack --log-level warn build --release --target nodejs --no-pack --out-dir "$PKG_NODE" --out-name annotator \
  -- --config 'profile.release.package."*".opt-level="s"'

step "WASM in Node against compromise"
node tools/bench/wasm.mjs

step "scaling (1, 10, 50 MB)"
node tools/bench/scale.mjs "$target/release/annotate"

step "pathological inputs (1, 10 MB)"
node tools/bench/pathological.mjs "$target/release/annotate"

step "page in headless Chromium"
node tools/bench/page.mjs dist

step "table"
node tools/bench/report.mjs "$CRITERION_HOME" dist BENCH.md
