#!/usr/bin/env bash
# Instruction-level profile of the release command line (valgrind's callgrind:
# stable counts on a noisy machine, where perf may not work).
#
#   tools/bench/profile.sh [INPUT.jsonl]     default: ../shared/data/polnear-dev.jsonl
#
# Builds the release binary with line tables into $CARGO_TARGET_DIR/profiling
# (same optimisation settings, not stripped), runs it under callgrind on
# `--jsonl` input, and prints the costliest functions (inclusive) and source
# lines (self, and calls made from each line). The raw profile stays in
# target/bench/callgrind.out for callgrind_annotate or kcachegrind.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
input=${1:-${SHARED_DIR:-../shared}/data/polnear-dev.jsonl}
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")/profiling
out=$root/target/bench/callgrind.out
mkdir -p "$(dirname "$out")"
command -v valgrind >/dev/null || { echo "profile: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
CARGO_TARGET_DIR=$target CARGO_PROFILE_RELEASE_DEBUG=line-tables-only CARGO_PROFILE_RELEASE_STRIP=none \
  cargo build --release --bin annotate
valgrind --tool=callgrind --callgrind-out-file="$out" "$target/release/annotate" --jsonl < "$input" > /dev/null 2> "$out.log"
grep -h "refs:" "$out.log"
echo
echo "== functions, inclusive (this crate, the allocator, hashing)"
# (`head` closes the pipe early: the writers' SIGPIPE is not a failure.)
{ callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
  grep -E "$root/src|malloc\.c:(malloc|free)|sip\.rs|to_lowercase" | head -25 |
  sed "s#$root/##g; s#/rustc/[0-9a-f]*/library/##g; s# \[[^]]*\]\$##"; } || true
echo
echo "== source lines (self cost plus the calls made from the line)"
callgrind_annotate --auto=yes "$out" $(find src -name '*.rs') 2>/dev/null > "$out.lines"
python3 tools/bench/hot_lines.py "$out.lines" "$root/" 30
