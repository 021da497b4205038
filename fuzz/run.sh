#!/usr/bin/env bash
# Runs the `annotate` fuzz target for a bounded time and prints a summary.
#
#   fuzz/run.sh [SECONDS]     default 60
#
# The corpus (fuzz/corpus/annotate, git-ignored) is seeded from
# tests/fixtures/*.txt on every run; crashes go to fuzz/artifacts/annotate/
# and the exit status is non-zero. Needs the nightly toolchain and cargo-fuzz
# (scripts/setup.sh installs both). The fuzz crate builds in fuzz/target,
# with debug assertions (overflow checks) and without AddressSanitizer: the
# crate has no `unsafe` code, and ASan made the build and each execution
# about twice as slow.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
export PATH="$HOME/.cargo/bin:$PATH"
unset CARGO_TARGET_DIR

corpus=fuzz/corpus/annotate
mkdir -p "$corpus" fuzz/artifacts/annotate
for f in tests/fixtures/*.txt; do
  cp "$f" "$corpus/seed-$(basename "$f")"
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
cargo +nightly fuzz build --sanitizer none annotate 2>&1 | grep -v '^\s*\(Compiling\|Finished\)' || true
cargo +nightly fuzz run --sanitizer none annotate "$corpus" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=8192 -timeout=30 -rss_limit_mb=2048 \
  -dict=fuzz/annotate.dict -print_final_stats=1 >"$log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
if [ "$status" -ne 0 ]; then
  tail -60 "$log"
  echo "fuzz: FAILED after ${runs:-?} executions; crash input in fuzz/artifacts/annotate/ (make it a regression test)" >&2
  exit "$status"
fi
grep -E '^(#[0-9]+[[:space:]]+DONE|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added))' "$log" || true
echo "fuzz: ${runs:-?} executions in ${secs:-$SECONDS_TO_RUN} s, 0 crashes (corpus: $(ls "$corpus" | wc -l) inputs)"
